//! The bytes `perfplan build` writes stay those of today while the pipeline
//! is rewritten for speed (issue 17).
//!
//! Each output is made by the binary exactly as a user makes it
//! (`perfplan build FILE --to json -o OUT`, so the streaming path is the
//! one tested) and recorded in a snapshot by its length and its 64-bit
//! FNV-1a digest: the example plans (`examples/*.plan`) in JSON, Markdown
//! and records (JSON and CSV), and plans from the generator
//! (`examples/gen.rs`) of several seeds and sizes in JSON, up to one of 400
//! projects that is parsed in several runs (a file past twice
//! `syntax::RUN_BYTES`, 256 KB, is). For each generated plan the test also
//! asserts that the streamed JSON is the JSON of the whole resolved model
//! (`emit::json::to_json`), and for the largest, that standard output gets
//! the same bytes as `-o` and that one thread writes what all do.
//!
//! A snapshot that changes means the output changed: that is a bug of the
//! rewrite, unless the change is meant (then review and accept it with
//! `cargo insta review`, and say why in the commit).

#[allow(dead_code)]
#[path = "../examples/gen.rs"]
mod generator;

use perfplan::check::{Options, check};
use perfplan::emit::json::to_json;
use perfplan::model;
use perfplan::sema::Ctx;
use perfplan::source::{SourceFile, SourceMap};
use std::path::Path;
use std::process::Command;

/// The generated plans: seed and number of projects. About 1.6 KB a
/// project: the last two are past 256 KB, so parsed in runs of about 128
/// KB (2 and 5 runs).
const GENERATED: &[(u64, usize)] = &[(1, 3), (2, 60), (3, 170), (4, 400)];

/// The outputs of an example plan: a label and the arguments that make it.
const EXAMPLE_OUTPUTS: &[(&str, &[&str])] = &[
    ("json", &["--to", "json"]),
    ("md", &["--to", "md"]),
    ("records json", &["--to", "records", "--format", "json"]),
    ("records csv", &["--to", "records", "--format", "csv"]),
];

/// The 64-bit FNV-1a hash of `bytes`.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// One line of a snapshot: what was built, its length and digest.
fn digest_line(what: &str, bytes: &[u8]) -> String {
    format!(
        "{what}: {} bytes, fnv1a64 {:016x}",
        bytes.len(),
        fnv1a(bytes)
    )
}

/// Runs `perfplan build FILE ARGS -o OUT` in `dir` (with the variables
/// `envs`) and gives the bytes written to OUT.
fn build_to_file(dir: &Path, file: &str, args: &[&str], envs: &[(&str, &str)]) -> Vec<u8> {
    let out = tempfile::NamedTempFile::new().expect("a temporary output");
    let status = Command::new(env!("CARGO_BIN_EXE_perfplan"))
        .arg("build")
        .arg(file)
        .args(args)
        .arg("-o")
        .arg(out.path())
        .current_dir(dir)
        .envs(envs.iter().copied())
        .status()
        .expect("the perfplan binary runs");
    assert!(status.success(), "build {file} {args:?}: {status}");
    std::fs::read(out.path()).expect("read the output")
}

/// Runs `perfplan build FILE ARGS` in `dir` and gives its standard output.
fn build_to_stdout(dir: &Path, file: &str, args: &[&str]) -> Vec<u8> {
    let output = Command::new(env!("CARGO_BIN_EXE_perfplan"))
        .arg("build")
        .arg(file)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the perfplan binary runs");
    assert!(output.status.success(), "build {file} {args:?}");
    output.stdout
}

/// The example plans, by their path from the repository's root.
fn examples() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(root.join("examples"))
        .expect("the examples directory")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".plan"))
        .map(|name| format!("examples/{name}"))
        .collect();
    names.sort();
    names
}

/// The example plans in JSON, Markdown and records.
#[test]
fn examples_build_to_todays_bytes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut lines = Vec::new();
    for example in examples() {
        for (label, args) in EXAMPLE_OUTPUTS {
            let bytes = build_to_file(root, &example, args, &[]);
            lines.push(digest_line(&format!("{example} {label}"), &bytes));
        }
    }
    assert!(lines.len() >= 8, "the examples are found: {lines:?}");
    insta::assert_snapshot!("examples", lines.join("\n"));
}

/// The JSON of the whole resolved model of a plan, as the library makes it.
fn whole_model_json(text: String) -> String {
    let mut sources = SourceMap::new();
    sources.add(SourceFile::new("plan.plan", text));
    let checked = check(&sources, &Options::default());
    assert!(checked.diagnostics.is_empty(), "a generated plan is clean");
    to_json(&model::resolve(&Ctx::new(&checked.files)).expect("a generated plan builds"))
}

/// Generated plans in JSON: the same bytes as today and as the whole
/// model's JSON; for the largest, on standard output as in a file, and on
/// one thread as on all.
#[test]
fn generated_plans_build_to_todays_bytes() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let json = ["--to", "json"];
    let mut lines = Vec::new();
    for &(seed, projects) in GENERATED {
        let text = generator::generate(projects, seed);
        let what = format!("seed {seed}, {projects} projects ({} bytes)", text.len());
        std::fs::write(dir.path().join("plan.plan"), &text).expect("write the plan");
        let written = build_to_file(dir.path(), "plan.plan", &json, &[]);
        assert!(
            written == whole_model_json(text).as_bytes(),
            "{what}: the streamed JSON is not the whole model's"
        );
        // The largest plan, in most runs: also to standard output, and on
        // one thread.
        if Some(&(seed, projects)) == GENERATED.last() {
            assert!(
                written == build_to_stdout(dir.path(), "plan.plan", &json),
                "{what}: standard output differs from -o"
            );
            let one = [("RAYON_NUM_THREADS", "1")];
            assert!(
                written == build_to_file(dir.path(), "plan.plan", &json, &one),
                "{what}: one thread writes other bytes"
            );
        }
        lines.push(digest_line(&format!("{what} json"), &written));
    }
    insta::assert_snapshot!("generated", lines.join("\n"));
}
