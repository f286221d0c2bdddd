//! `perfplan diff`: snapshot tests on pairs of plans covering every kind of
//! change (`fields`: every field of a real project table, on a copy of
//! the multi-year example), in Chinese and English; no difference for a plan and its
//! reformatted or English-keyword form; git integration.

use std::path::Path;
use std::process::Command;

#[path = "common/cli.rs"]
mod cli;
use cli::{perfplan, perfplan_in};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The snapshot of one pair: both sources, then the diff in each language
/// and format with its exit code.
fn render_case(case: &str) -> String {
    let old = format!("tests/diff/{case}/old.plan");
    let new = format!("tests/diff/{case}/new.plan");
    let read = |p: &str| std::fs::read_to_string(root().join(p)).expect("readable");
    let mut out = format!(
        "----- OLD: {old}\n{}----- NEW: {new}\n{}",
        read(&old),
        read(&new)
    );
    for (lang, format) in [("zh", "human"), ("en", "human"), ("zh", "md")] {
        let (code, stdout, stderr) = perfplan(&[
            "diff", &old, &new, "--lang", lang, "--format", format, "--color", "never",
        ]);
        assert!(stderr.is_empty(), "{case}: {stderr}");
        out.push_str(&format!("----- EXIT {code} · {format} ({lang})\n{stdout}"));
    }
    out
}

#[test]
fn every_kind_of_change() {
    for case in [
        "header",
        "money",
        "projects",
        "schedule",
        "indicators",
        "prose",
        "fields",
    ] {
        insta::with_settings!({ snapshot_path => "diff/snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(case, render_case(case));
        });
    }
}

#[test]
fn a_money_change_shows_old_new_delta_and_percent() {
    let (code, stdout, _) = perfplan(&[
        "diff",
        "tests/diff/money/old.plan",
        "tests/diff/money/new.plan",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("funds [-50.00-] → {+55.50+} 万元 (+5.50, +11.0%)"),
        "{stdout}"
    );
    let (_, json, _) = perfplan(&[
        "diff",
        "tests/diff/money/old.plan",
        "tests/diff/money/new.plan",
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(value["total"]["delta"], "+5.50");
    assert_eq!(
        value["projects"][0]["changes"][0]["change"]["percent"],
        "+11.0"
    );
}

/// Every field of a real project table has its change in the JSON: the
/// header fields, 项目总资金 apart from the year's funds, the mid-term goal,
/// each optional indicator column and a row's move between the sets.
#[test]
fn every_field_of_a_real_table_has_its_json_change() {
    let (code, json, stderr) = perfplan(&[
        "diff",
        "tests/diff/fields/old.plan",
        "tests/diff/fields/new.plan",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "{stderr}");
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(value["header"][0]["field"], "region");
    let changes = value["projects"][0]["changes"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let has = |kind: &str, key: &str, wanted: &str| {
        changes
            .iter()
            .any(|c| c["kind"] == kind && c[key].as_str() == Some(wanted))
    };
    for field in ["category", "supervisor", "implementer", "region", "period"] {
        assert!(has("field", "field", field), "no change of {field}");
    }
    for field in ["value_type", "measure_unit", "scoring", "note", "remark"] {
        assert!(
            has("indicator_field", "field", field),
            "no change of {field}"
        );
    }
    assert!(
        changes
            .iter()
            .any(|c| c["kind"] == "prose" && c["what"]["of"] == "midterm_goal"),
        "no change of the mid-term goal"
    );
    assert!(has("indicator_set", "new", "annual"));
    let total = changes
        .iter()
        .find(|c| c["kind"] == "money" && c["total_funds"] == true && c["source"].is_null())
        .expect("the change of 项目总资金");
    assert_eq!(total["change"]["delta"], "+20.00");
    let year = changes
        .iter()
        .filter(|c| c["kind"] == "money" && c.get("total_funds").is_none())
        .count();
    assert_eq!(year, 2, "the year's two sources, without the flag");
}

#[test]
fn no_difference_with_itself_its_formatted_and_english_forms() {
    let example = "examples/leting-jijian-2022.plan";
    let (code, stdout, _) = perfplan(&["diff", example, example, "--lang", "en"]);
    assert_eq!(
        (code, stdout.trim()),
        (0, "no semantic difference between the two versions")
    );
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (_, english, _) = perfplan(&["fmt", "--stdout", "--keywords", "en", example]);
    let english_path = dir.path().join("en.plan");
    std::fs::write(&english_path, english).expect("writable");
    let (code, _, stderr) = perfplan(&["diff", example, &english_path.to_string_lossy()]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, _) = perfplan(&["diff", example, "examples/leting-jijian-2022.en.plan"]);
    assert_eq!(code, 0);
}

#[test]
fn a_version_that_does_not_parse_exits_2() {
    let (code, _, stderr) = perfplan(&[
        "diff",
        "tests/diff/money/old.plan",
        "tests/ui/syntax/unknown_unit.plan",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("E0103"), "{stderr}");
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=test",
            "-c",
            "user.email=test@example.invalid",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// `REV:PATH` reads a version from git, and `--git` serves as git's
/// external diff command.
#[test]
fn git_revisions_and_the_external_diff_driver() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let d = dir.path();
    let plan = d.join("plan.plan");
    std::fs::copy(root().join("tests/diff/money/old.plan"), &plan).expect("copied");
    git(d, &["init", "-q"]);
    git(d, &["add", "plan.plan"]);
    git(d, &["commit", "-q", "-m", "old"]);
    std::fs::copy(root().join("tests/diff/money/new.plan"), &plan).expect("copied");
    let (code, stdout, stderr) =
        perfplan_in(d, &["diff", "HEAD:plan.plan", "plan.plan", "--lang", "en"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.contains("+5.50"), "{stdout}");
    let (code, _, stderr) = perfplan_in(d, &["diff", "NOPE:plan.plan", "plan.plan"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("NOPE:plan.plan"), "{stderr}");
    std::fs::write(d.join(".gitattributes"), "*.plan diff=perfplan\n").expect("writable");
    let driver = format!("{} diff --git --lang en", env!("CARGO_BIN_EXE_perfplan"));
    let output = Command::new("git")
        .args(["-c", &format!("diff.perfplan.command={driver}"), "diff"])
        .current_dir(d)
        .output()
        .expect("git runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success()
            && text.contains("perfplan diff plan.plan")
            && text.contains("+5.50"),
        "{text}"
    );
}

/// Runs git with `-c NAME=VALUE` settings in `dir`: its exit status and
/// standard output.
fn git_output(dir: &Path, settings: &[String], args: &[&str]) -> (bool, String, String) {
    let mut command = Command::new("git");
    for s in settings {
        command.args(["-c", s]);
    }
    let output = command
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A repository whose `plan.plan` had two commits: a good version, then
/// one with a syntax error (`资金 x50.00`).
fn repository_with_a_broken_version() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let d = dir.path();
    let plan = d.join("plan.plan");
    let good = std::fs::read_to_string(root().join("tests/diff/money/old.plan")).expect("a plan");
    std::fs::write(&plan, &good).expect("writable");
    std::fs::write(d.join(".gitattributes"), "*.plan diff=perfplan\n").expect("writable");
    git(d, &["init", "-q"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "good"]);
    let broken = good.replacen("资金 50.00", "资金 x50.00", 1);
    assert_ne!(broken, good);
    std::fs::write(&plan, broken).expect("writable");
    git(d, &["commit", "-q", "-am", "broken"]);
    dir
}

/// As git's diff driver, a version with a syntax error shows its change as
/// lines (and its diagnostics on standard error); `git log -p` goes on.
#[test]
fn the_diff_driver_never_swallows_a_change() {
    let dir = repository_with_a_broken_version();
    let driver = format!(
        "diff.perfplan.command={} diff --git --lang en",
        env!("CARGO_BIN_EXE_perfplan")
    );
    let (ok, stdout, stderr) = git_output(
        dir.path(),
        std::slice::from_ref(&driver),
        &["diff", "HEAD~1"],
    );
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("-  资金 50.00") && stdout.contains("+  资金 x50.00"),
        "{stdout}"
    );
    assert!(stderr.contains("E0001"), "{stderr}");
    let (ok, stdout, stderr) = git_output(
        dir.path(),
        &[driver],
        &["log", "-p", "--ext-diff", "--format=%s"],
    );
    assert!(ok, "{stderr}");
    assert!(stdout.contains("+  资金 x50.00"), "{stdout}");
    // The first commit adds the file: its lines are shown, not hidden.
    assert!(stdout.contains("+项目 p1"), "{stdout}");
}

/// As git's text converter, a version with a syntax error is shown as it
/// is: `git diff` and `git log -p` do not fail.
#[test]
fn the_text_converter_never_swallows_a_change() {
    let dir = repository_with_a_broken_version();
    let textconv = format!(
        "diff.perfplan.textconv={} diff --textconv --lang en",
        env!("CARGO_BIN_EXE_perfplan")
    );
    let (ok, stdout, stderr) = git_output(dir.path(), &[textconv], &["log", "-p", "--format=%s"]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("+  资金 x50.00"), "{stdout}");
    // A version that parses is shown in the canonical layout.
    let (code, stdout, _) = perfplan(&["diff", "--textconv", "tests/diff/money/old.plan"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("项目 p1"), "{stdout}");
}
