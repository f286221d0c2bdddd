//! Fuzzes the whole pipeline: parse → check → build (JSON, Markdown) →
//! fmt, with the invariants of `../pipeline.rs`. Run with
//! `cargo +nightly fuzz run pipeline` from the repository's root.

#![no_main]

#[path = "../pipeline.rs"]
mod pipeline;

libfuzzer_sys::fuzz_target!(|data: &[u8]| pipeline::run(data));
