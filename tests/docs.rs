//! The diagnostic reference in `docs/` is generated from the code; this
//! test fails when it is stale. Run with `UPDATE_DOCS=1` to regenerate.

use perfplan::diagnostic::Lang;
use perfplan::rules::registry::{self, markdown};
use std::path::Path;

fn check_generated(file: &str, expected: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, expected).expect("docs are writable");
        return;
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "{file} is stale: run `UPDATE_DOCS=1 cargo test --test docs` and commit the result"
    );
}

#[test]
fn diagnostics_reference_is_up_to_date() {
    check_generated("docs/diagnostics.md", &markdown(Lang::Zh));
    check_generated("docs/diagnostics.en.md", &markdown(Lang::En));
}

#[test]
fn every_code_can_be_explained_in_both_languages() {
    for doc in registry::all() {
        for lang in ["zh", "en"] {
            let output = std::process::Command::new(env!("CARGO_BIN_EXE_perfplan"))
                .args(["explain", doc.code, "--lang", lang])
                .output()
                .expect("perfplan runs");
            assert!(
                output.status.success(),
                "explain {} --lang {lang}",
                doc.code
            );
            let text = String::from_utf8_lossy(&output.stdout);
            assert!(text.contains(doc.code) && text.contains(doc.title(Lang::from_locale(lang))));
        }
    }
}

/// The code blocks of a Markdown file that hold a whole plan (they start
/// with a comment or a `计划`/`plan` header).
fn plan_blocks(file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
        .expect("readable");
    text.split("```")
        .skip(1)
        .step_by(2)
        .map(|b| b.strip_prefix('\n').unwrap_or(b).to_string())
        .filter(|b| b.starts_with("计划 ") || b.starts_with("plan ") || b.starts_with("# "))
        .filter(|b| b.contains('{'))
        .collect()
}

/// The whole plans shown in the README and the language reference check
/// with no diagnostic: the documentation never shows a plan that fails.
#[test]
fn plans_shown_in_the_documentation_check_clean() {
    let mut seen = 0;
    for file in ["README.md", "docs/language.md"] {
        for block in plan_blocks(file) {
            let mut sources = perfplan::source::SourceMap::new();
            sources.add(perfplan::source::SourceFile::new(file, block.clone()));
            let checked = perfplan::check::check(&sources, &Default::default());
            let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code).collect();
            assert!(codes.is_empty(), "{file}: {codes:?} in\n{block}");
            seen += 1;
        }
    }
    assert!(seen >= 3, "the documentation's plans were not found");
}
