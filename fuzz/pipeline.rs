//! One input through the whole pipeline, asserting what must hold for any
//! input. Shared by the cargo-fuzz target (`fuzz_targets/pipeline.rs`) and
//! the bounded run inside the test suite (`tests/scale.rs`).
//!
//! The bytes are read as UTF-8 (invalid sequences replaced: the binary
//! refuses such files before the library sees them) and cut at form feeds
//! (`\x0c`) into up to four files of one plan. Then:
//!
//! - `check` returns, and every label of every diagnostic is a range of its
//!   file on character boundaries; both renderers run;
//! - `check_outline` (what `perfplan check` runs) and the check of
//!   `build --to json` (`check_for_json`) give the same diagnostics as
//!   `check`;
//! - a plan without errors resolves, its JSON parses back and is the JSON
//!   `build --to json` makes a run of projects at a time while checking
//!   them (parsing the plan once), and its
//!   Markdown is written in both languages;
//! - each file that `fmt` accepts formats again to the same text
//!   (idempotence) and still parses without a diagnostic.

use perfplan::build::check_for_json;
use perfplan::check::{Options, check, check_outline};
use perfplan::diagnostic::Lang;
use perfplan::emit::{json::to_json, markdown::to_markdown};
use perfplan::format::format;
use perfplan::model;
use perfplan::render::{Style, render_human, render_json};
use perfplan::sema::Ctx;
use perfplan::source::{FileId, SourceFile, SourceMap};

/// Runs the pipeline on one input; panics when an invariant fails.
pub fn run(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut sources = SourceMap::new();
    for (i, part) in text.split('\u{c}').take(4).enumerate() {
        sources.add(SourceFile::new(format!("part-{i}.plan"), part));
    }

    let checked = check(&sources, &Options::default());
    assert_eq!(
        checked.files.len(),
        sources.iter().count(),
        "one tree per file"
    );
    for d in &checked.diagnostics {
        for label in &d.labels {
            let file = sources
                .get(label.file)
                .unwrap_or_else(|| panic!("{}: a label in no file", d.code));
            let text = &file.text;
            let (start, end) = (label.span.start as usize, label.span.end as usize);
            assert!(
                start <= end
                    && end <= text.len()
                    && text.is_char_boundary(start)
                    && text.is_char_boundary(end),
                "{}: label {start}..{end} is not a range of its {}-byte file",
                d.code,
                text.len()
            );
        }
    }
    let _ = render_human(&sources, &checked.diagnostics, Lang::Zh, Style::Rich);
    let _ = render_human(&sources, &checked.diagnostics, Lang::En, Style::Short);
    let json_lines = render_json(&sources, &checked.diagnostics, Lang::En);
    assert_eq!(json_lines.lines().count(), checked.diagnostics.len());
    let outline = check_outline(&sources, &Options::default());
    assert!(
        outline.diagnostics == checked.diagnostics,
        "check_outline and check disagree"
    );
    let for_json = check_for_json(&sources, &Options::default(), &|| {
        // Inputs of a few kilobytes never leave memory.
        Err(std::io::Error::other("no spill file for a fuzz input"))
    });
    assert!(
        for_json.outline.diagnostics == checked.diagnostics,
        "the check of build --to json and check disagree"
    );

    if checked.error_count() == 0 {
        let ctx = Ctx::new(&checked.files);
        if let Some(plan) = model::resolve(&ctx) {
            let json = to_json(&plan);
            if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
                panic!("the built JSON does not parse: {e}");
            }
            let mut streamed = Vec::new();
            if let Some(build) = for_json.into_build().expect("spilled") {
                build.write(&mut streamed).expect("write to memory");
            }
            assert!(
                streamed == json.as_bytes(),
                "build --to json differs from the resolved plan's JSON"
            );
            let _ = to_markdown(&plan, Lang::Zh);
            let _ = to_markdown(&plan, Lang::En);
        }
    }

    for (_, file) in sources.iter() {
        let Ok(formatted) = format(&file.text, Default::default()) else {
            continue;
        };
        match format(&formatted, Default::default()) {
            Ok(again) => assert!(again == formatted, "fmt is not idempotent"),
            Err(d) => panic!("fmt output does not parse: {d:?}"),
        }
        let (_, diagnostics) = perfplan::syntax::parse(FileId(0), &formatted);
        assert!(diagnostics.is_empty(), "fmt output has syntax errors");
    }
}
