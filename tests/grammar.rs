//! The grammar states the language twice: as the line rules the compiler
//! uses, and as one `file` rule. These tests keep the two in step over every
//! plan in the repository.

use perfplan::source::FileId;
use perfplan::syntax::{self, grammar::PlanParser, grammar::Rule};
use pest::Parser;
use std::path::{Path, PathBuf};

fn plan_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["examples", "tests/seed", "tests/ui/syntax"] {
        for entry in std::fs::read_dir(root.join(dir))
            .expect("directory exists")
            .flatten()
        {
            if entry.path().extension().is_some_and(|e| e == "plan") {
                files.push(entry.path());
            }
        }
    }
    files.sort();
    files
}

#[test]
fn the_file_rule_accepts_exactly_the_plans_without_syntax_errors() {
    for path in plan_files() {
        let text = std::fs::read_to_string(&path).expect("readable");
        let (_, diagnostics) = syntax::parse(FileId(0), &text);
        // Invisible characters (E0010) are the layout scanner's to find,
        // wherever they stand: the grammar does not speak of them.
        if diagnostics.iter().any(|d| d.code == "E0010") {
            continue;
        }
        // E0007 (an invalid escape) is found when lowering, not by the grammar.
        let syntax_errors = diagnostics
            .iter()
            .any(|d| d.code.starts_with("E000") && d.code != "E0007");
        let whole = PlanParser::parse(Rule::file, &text);
        if !syntax_errors {
            assert!(
                whole.is_ok(),
                "{} parses line by line but not whole: {:?}",
                path.display(),
                whole.err()
            );
        }
        if whole.is_ok() {
            assert!(
                !syntax_errors,
                "{} parses whole but has syntax errors line by line",
                path.display()
            );
        }
    }
}

#[test]
fn the_examples_and_the_seed_are_free_of_diagnostics() {
    for name in [
        "examples/leting-jijian-2022.plan",
        "examples/leting-jijian-2022.en.plan",
        "tests/seed/as-filed.plan",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
        let text = std::fs::read_to_string(&path).expect("readable");
        let (tree, diagnostics) = syntax::parse(FileId(0), &text);
        assert!(diagnostics.is_empty(), "{name}: {diagnostics:#?}");
        assert_eq!(
            tree.items.len(),
            11,
            "{name}: header, overall, 3 summaries, 3 measures, 3 projects"
        );
    }
}
