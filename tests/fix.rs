//! `perfplan check --fix`: the fixable diagnostics of a plan are fixed in
//! the file, and the plan checks with none of them left.

#[path = "common/cli.rs"]
mod cli;

use cli::perfplan_in;
use std::path::Path;

const PLAN: &str = include_str!("fix/fixable.plan");

/// Codes whose fixes are safe: `check --fix` applies them.
const SAFE: [&str; 9] = [
    "W0009", "E0301", "E0010", "E0004", "E0001", "E0101", "W0508", "W0513", "W0508",
];

/// The codes of `check --message-format short` in `dir`.
fn codes(dir: &Path) -> Vec<String> {
    let (_, _, stderr) = perfplan_in(
        dir,
        &[
            "--lang",
            "en",
            "check",
            "--message-format",
            "short",
            "plan.plan",
        ],
    );
    stderr
        .lines()
        .filter_map(|l| l.split_once(": ")?.1.split_once('[')?.1.split_once(']'))
        .map(|(code, _)| code.to_string())
        .collect()
}

fn plan_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.plan"), PLAN).unwrap();
    dir
}

#[test]
fn fix_applies_the_safe_fixes_and_the_plan_checks_without_them() {
    let dir = plan_dir();
    let before = codes(dir.path());
    for code in SAFE {
        assert!(before.iter().any(|c| c == code), "{code} in {before:?}");
    }
    let (status, stdout, stderr) =
        perfplan_in(dir.path(), &["--lang", "en", "check", "--fix", "plan.plan"]);
    assert_eq!(status, 1, "an unknown keyword is left: {stderr}");
    assert_eq!(stdout, "");
    let fixed = std::fs::read_to_string(dir.path().join("plan.plan")).unwrap();
    insta::assert_snapshot!("fixed_safe", fixed);
    insta::assert_snapshot!("fix_report", stderr);
    let after = codes(dir.path());
    assert_eq!(
        after,
        ["E0002", "W0011", "W0520"],
        "only the unsafe fixes are left"
    );
}

#[test]
fn unsafe_fixes_leave_nothing_fixable() {
    let dir = plan_dir();
    let (status, _, stderr) = perfplan_in(
        dir.path(),
        &[
            "--lang",
            "zh",
            "check",
            "--fix",
            "--unsafe-fixes",
            "plan.plan",
        ],
    );
    assert_eq!(status, 0, "{stderr}");
    assert!(stderr.contains("已修复 12 处问题（1 个文件）"), "{stderr}");
    assert_eq!(codes(dir.path()), Vec::<String>::new());
    let fixed = std::fs::read_to_string(dir.path().join("plan.plan")).unwrap();
    assert!(fixed.contains("\"群众投诉率\" ≤ 5%"), "{fixed}");
    assert!(!fixed.contains('\u{202E}'));
}

#[test]
fn unsafe_fixes_need_fix() {
    let dir = plan_dir();
    let (status, _, stderr) = perfplan_in(dir.path(), &["check", "--unsafe-fixes", "plan.plan"]);
    assert_eq!(status, 2, "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.plan")).unwrap(),
        PLAN
    );
}

#[test]
fn fix_of_standard_input_prints_the_fixed_text() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_perfplan"))
        .args(["--lang", "en", "check", "--fix", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(PLAN.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let dir = plan_dir();
    perfplan_in(dir.path(), &["check", "--fix", "plan.plan"]);
    let fixed = std::fs::read_to_string(dir.path().join("plan.plan")).unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stdout), fixed);
}

#[test]
fn fix_never_writes_a_read_only_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = plan_dir();
    let path = dir.path().join("plan.plan");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let (status, _, stderr) =
        perfplan_in(dir.path(), &["--lang", "en", "check", "--fix", "plan.plan"]);
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.contains("read-only"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), PLAN);
}

/// A yes-or-no word in capitals (`封面：Yes`) is fixed to lower case; any
/// other word is left for the user.
#[test]
fn a_yes_or_no_in_capitals_is_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.plan");
    let text = include_str!("ui/rules/base.plan.txt");
    let anchor = "  金额单位 万元\n";
    assert!(text.contains(anchor));
    let with = |lines: &str| text.replacen(anchor, &format!("{anchor}{lines}"), 1);
    std::fs::write(&plan, with("  封面：Yes\n  目录 NO\n")).unwrap();
    let (status, _, stderr) =
        perfplan_in(dir.path(), &["--lang", "en", "check", "--fix", "plan.plan"]);
    assert_eq!(status, 0, "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&plan).unwrap(),
        with("  封面：yes\n  目录 no\n")
    );
    std::fs::write(&plan, with("  草案 对\n")).unwrap();
    let (status, _, _) = perfplan_in(dir.path(), &["--lang", "en", "check", "--fix", "plan.plan"]);
    assert_eq!(status, 1);
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), with("  草案 对\n"));
}
