//! Snapshot tests of what users see: every plan under `tests/ui/` is
//! checked by the real `perfplan` binary, in Chinese and in English, and
//! the source, the exit code and the rendered diagnostics are compared with
//! the snapshot in `tests/ui/snapshots/`.
//!
//! To add a case, add a `.plan` file and run
//! `INSTA_UPDATE=always cargo test --test ui`, then review the new snapshot.

use std::path::{Path, PathBuf};

#[path = "common/cli.rs"]
mod cli;
use cli::perfplan;

/// The `.plan` files of a directory under `tests/ui`, sorted.
fn cases(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/ui")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("the ui directory exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "plan"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no cases in {}", root.display());
    files
}

/// The snapshot of one case: source, exit code, diagnostics in both
/// languages.
fn render_case(path: &Path) -> String {
    let relative = path
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/");
    let source = std::fs::read_to_string(path).expect("the case is readable");
    let mut out = format!("----- SOURCE: {relative}\n{source}");
    for lang in ["zh", "en"] {
        let (code, _, stderr) = perfplan(&["check", &relative, "--color", "never", "--lang", lang]);
        out.push_str(&format!(
            "----- EXIT {code} · DIAGNOSTICS ({lang})\n{stderr}"
        ));
    }
    out
}

fn check_dir(dir: &str) {
    for path in cases(dir) {
        let name = format!(
            "{dir}__{}",
            path.file_stem().unwrap_or_default().to_string_lossy()
        );
        insta::with_settings!({ snapshot_path => "ui/snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(name, render_case(&path));
        });
    }
}

#[test]
fn syntax_and_value_errors() {
    check_dir("syntax");
}

#[test]
fn framework_rules() {
    check_dir("rules/framework");
}

#[test]
fn money_rules() {
    check_dir("rules/money");
}

#[test]
fn schedule_rules() {
    check_dir("rules/schedule");
}

#[test]
fn indicator_rules() {
    check_dir("rules/indicators");
}

#[test]
fn identity_rules() {
    check_dir("rules/identity");
}

#[test]
fn json_messages_are_one_object_per_line() {
    let (code, stdout, _) = perfplan(&[
        "check",
        "tests/ui/syntax/three_broken_items.plan",
        "--message-format",
        "json",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1);
    insta::with_settings!({ snapshot_path => "ui/snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("json__three_broken_items", stdout);
    });
    for line in stdout.lines() {
        let value: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        for key in cli::JSON_LINE_KEYS {
            assert!(value.get(key).is_some(), "missing {key} in {line}");
        }
    }
}

#[test]
fn examples_check_clean_and_the_seed_parses() {
    for file in [
        "examples/leting-jijian-2022.plan",
        "examples/leting-jijian-2022.en.plan",
    ] {
        let (code, _, stderr) = perfplan(&["check", file, "--color", "never"]);
        assert_eq!(code, 0, "{file}:\n{stderr}");
    }
    let (_, _, stderr) = perfplan(&[
        "check",
        "tests/seed/as-filed.plan",
        "--color",
        "never",
        "--message-format",
        "json",
    ]);
    assert!(
        !stderr.contains("E00"),
        "the seed has syntax errors:\n{stderr}"
    );
}

/// Clean plans of other sectors (health, education, agriculture under
/// central-2021 with money in 元, transport, public security, culture),
/// written in the wording of published tables: the rules raise no false
/// alarm on them, not even a warning.
#[test]
fn plans_of_other_sectors_check_clean() {
    let mut seen = 0;
    for path in cases("../sectors") {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let file = format!("tests/sectors/{name}");
        let (code, _, stderr) = perfplan(&["check", &file, "--color", "never", "--lang", "en"]);
        assert_eq!(code, 0, "{file}:\n{stderr}");
        assert!(stderr.contains("no problems found"), "{file}:\n{stderr}");
        seen += 1;
    }
    assert!(seen >= 4, "{seen} sector plans");
}

#[test]
fn a_plan_can_span_several_files() {
    let (code, _, stderr) = perfplan(&[
        "check",
        "examples/leting-jijian-2022.plan",
        "tests/ui/syntax/unmatched_brace.plan",
        "--color",
        "never",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("unmatched_brace.plan:5:1"), "{stderr}");
    assert!(stderr.contains("2 file(s)"), "{stderr}");
}

/// Lint levels on the command line: `-D warnings` fails on any warning,
/// `-A`/`-W`/`-D CODE` set one lint and win over the plan's own setting;
/// errors cannot be allowed.
#[test]
fn lint_levels_on_the_command_line() {
    let plan = "tests/ui/rules/identity/W0605_summary_name.plan";
    let run = |extra: &[&str]| {
        let mut args = vec!["check", plan, "--color", "never", "--lang", "en"];
        args.extend_from_slice(extra);
        perfplan(&args)
    };
    let (code, _, stderr) = run(&[]);
    assert_eq!(code, 0, "a warning alone passes: {stderr}");
    assert!(stderr.contains("warning[W0605]"));
    let (code, _, stderr) = run(&["-D", "warnings"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("error[W0605]"), "{stderr}");
    let (code, _, _) = run(&["--deny", "W0605"]);
    assert_eq!(code, 1);
    let (code, _, stderr) = run(&["-A", "W0605"]);
    assert_eq!(code, 0);
    assert!(!stderr.contains("W0605"), "{stderr}");
    let (code, _, stderr) = run(&["-A", "E0301"]);
    assert_eq!(code, 2, "an error cannot be allowed: {stderr}");

    let dir = tempfile::tempdir().expect("a temporary directory");
    let allowed = dir.path().join("allowed.plan");
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(plan))
        .expect("readable");
    std::fs::write(
        &allowed,
        text.replace(
            "  依据 \"根据年初工作计划安排\"\n",
            "  依据 \"根据年初工作计划安排\"\n  允许 W0605\n",
        ),
    )
    .expect("writable");
    let allowed = allowed.to_string_lossy().into_owned();
    let (_, _, stderr) = perfplan(&["check", &allowed, "--color", "never"]);
    assert!(!stderr.contains("W0605"), "the plan allows it: {stderr}");
    let (_, _, stderr) = perfplan(&["check", &allowed, "--color", "never", "-W", "W0605"]);
    assert!(stderr.contains("W0605"), "the command line wins: {stderr}");
}
