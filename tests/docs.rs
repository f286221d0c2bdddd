//! The diagnostic reference in `docs/` is generated from the code; this
//! test fails when it is stale. Run with `UPDATE_DOCS=1` to regenerate.

use perfplan::codes::markdown;
use perfplan::diagnostic::Lang;
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
    for doc in perfplan::codes::all() {
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
