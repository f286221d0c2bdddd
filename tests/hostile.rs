//! Hostile input through the real binary (issue 14, "What reaches a
//! terminal, a document or git" and "Bounded cost"): each file of
//! `tests/hostile/` is run as a user would, and what reaches the terminal,
//! the JSON stream and the documents is checked.
//!
//! - `terminal-escapes.plan`: ANSI escape sequences (cursor moves, screen
//!   erase, a window-title OSC) in strings and names, direction overrides
//!   (Trojan Source) in a comment and a name;
//! - `word-paste.plan`: what text copied from Word carries: U+000B for a
//!   Shift+Enter line break, U+000C for a page break, a NUL;
//! - `lone-cr.plan`: lone CR line endings (old Mac files, some exports);
//! - `braces.plan`: 5 000 lines of `{`, more diagnostics than any screen;
//! - `long-schedule.plan`: one schedule line of 2 000 checkpoints (34 KB),
//!   each a diagnostic.
//!
//! The files are kept byte for byte (`.gitattributes`: `-text`).

use std::path::Path;

#[path = "common/cli.rs"]
mod cli;
use cli::{perfplan, perfplan_in};

const ESCAPES: &str = "tests/hostile/terminal-escapes.plan";
const WORD: &str = "tests/hostile/word-paste.plan";
const LONE_CR: &str = "tests/hostile/lone-cr.plan";
const BRACES: &str = "tests/hostile/braces.plan";

/// Whether a text holds a character that a terminal obeys rather than
/// shows: a control character other than a line break or tab, or a
/// direction override.
fn obeyed_by_a_terminal(text: &str) -> bool {
    text.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

#[test]
fn escape_sequences_in_a_plan_are_shown_not_obeyed() {
    for format in ["human", "short"] {
        let (code, stdout, stderr) = perfplan(&[
            "check",
            ESCAPES,
            "--lang",
            "en",
            "--color",
            "never",
            "--message-format",
            format,
        ]);
        assert_eq!(code, 1, "{stderr}");
        assert!(stdout.is_empty());
        assert!(!obeyed_by_a_terminal(&stderr), "{stderr:?}");
        assert!(format == "short" || stderr.contains("␛[2J␛[H"), "{stderr}");
        assert!(
            stderr.contains("E0010") && stderr.contains("W0011"),
            "{stderr}"
        );
    }
    // In colour too, the only escape sequences are perfplan's own colours.
    let (_, _, stderr) = perfplan(&["check", ESCAPES, "--color", "always"]);
    let colours_removed = strip_sgr(&stderr);
    assert!(
        !obeyed_by_a_terminal(&colours_removed),
        "{colours_removed:?}"
    );
}

/// The text without `ESC [ … m` (Select Graphic Rendition: colours).
fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("\u{1b}[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        match after.find(|c: char| !(c.is_ascii_digit() || c == ';')) {
            Some(j) if after[j..].starts_with('m') => rest = &after[j + 1..],
            _ => {
                out.push('\u{1b}');
                rest = &rest[i + 1..];
            }
        }
    }
    out + rest
}

#[test]
fn a_file_name_with_an_escape_sequence_is_shown_not_obeyed() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let name = "plan\u{1b}[2K\u{1b}[1A.plan";
    std::fs::copy(ESCAPES, dir.path().join(name)).expect("copied");
    let (_, _, stderr) = perfplan_in(dir.path(), &["check", name, "--color", "never"]);
    assert!(!obeyed_by_a_terminal(&stderr), "{stderr:?}");
    assert!(stderr.contains("plan␛[2K␛[1A.plan"), "{stderr}");
    let (code, _, stderr) = perfplan_in(dir.path(), &["check", "missing\u{1b}[2K.plan"]);
    assert_eq!(code, 2);
    assert!(!obeyed_by_a_terminal(&stderr), "{stderr:?}");
}

#[test]
fn text_pasted_from_word_is_reported_and_never_built() {
    let (code, _, stderr) = perfplan(&["check", WORD, "--lang", "en", "--color", "never"]);
    assert_eq!(code, 1);
    for expected in [
        "U+000B (vertical tab, Word's manual line break)",
        "U+000C (form feed, Word's page break)",
        "U+0000 (NUL)",
        "replace it by a line break",
    ] {
        assert!(stderr.contains(expected), "{expected}: {stderr}");
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let out = dir.path().join("plan.docx");
    let out = out.to_string_lossy();
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join(WORD);
    let plan = plan.to_string_lossy();
    let (code, _, _) = perfplan(&["build", &plan, "--to", "docx", "-o", &out]);
    assert_eq!(code, 1);
    assert!(!Path::new(&*out).exists());
}

#[test]
fn lone_cr_line_endings_are_lines() {
    let (code, _, stderr) = perfplan(&[
        "check",
        LONE_CR,
        "--lang",
        "en",
        "--message-format",
        "short",
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("lone-cr.plan:12:20: error[E0001]"),
        "{stderr}"
    );
    // `fmt` writes the file with `\n`, once its error is fixed.
    let dir = tempfile::tempdir().expect("a temporary directory");
    let text = std::fs::read_to_string(LONE_CR).expect("the file");
    let fixed = text.replace("95 %%", "95%");
    std::fs::write(dir.path().join("p.plan"), &fixed).expect("writable");
    let (code, _, stderr) = perfplan_in(dir.path(), &["fmt", "--check", "p.plan"]);
    assert_eq!(
        code, 1,
        "a lone-CR file is not in the canonical layout: {stderr}"
    );
    let (code, _, stderr) = perfplan_in(dir.path(), &["fmt", "p.plan"]);
    assert_eq!(code, 0, "{stderr}");
    let written = std::fs::read_to_string(dir.path().join("p.plan")).expect("the file");
    assert!(
        !written.contains('\r') && written.lines().count() >= 12,
        "{written:?}"
    );
}

#[test]
fn diagnostics_are_capped_per_file_with_a_count_of_the_rest() {
    let (code, stdout, _) = perfplan(&["check", BRACES, "--message-format", "json"]);
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect();
    assert_eq!(lines.len(), 1001);
    let last = &lines[1000];
    assert_eq!(last["code"], "perfplan::omitted");
    let omitted = last["omitted_errors"].as_u64().unwrap_or(0);
    assert!(omitted >= 3999, "{last}");
    let (_, _, stderr) = perfplan(&[
        "check",
        BRACES,
        "--lang",
        "en",
        "--max-diagnostics",
        "3",
        "--message-format",
        "short",
    ]);
    assert_eq!(stderr.lines().filter(|l| l.contains("error[")).count(), 3);
    assert!(stderr.contains("more error(s)"), "{stderr}");
    assert!(
        stderr.contains("check finished: 1 file(s), 500"),
        "{stderr}"
    );
    let (_, stdout, _) = perfplan(&[
        "check",
        BRACES,
        "--max-diagnostics",
        "0",
        "--message-format",
        "json",
    ]);
    assert!(stdout.lines().count() > 5000);
}

#[test]
fn json_messages_hold_on_every_path() {
    // An I/O error is a JSON line on standard output, nothing else.
    let (code, stdout, stderr) = perfplan(&["check", "missing.plan", "--message-format", "json"]);
    assert_eq!(code, 2);
    let line: serde_json::Value = serde_json::from_str(stdout.trim()).expect("JSON");
    assert_eq!(line["code"], "perfplan::io");
    assert!(stderr.is_empty(), "{stderr}");
    // `build` to standard output: the document there, the messages (a
    // warning) as JSON lines on standard error.
    let (code, stdout, stderr) = perfplan(&[
        "build",
        "tests/ui/rules/framework/W0207_satisfaction_outside_level.plan",
        "--to",
        "json",
        "--message-format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let plan: serde_json::Value = serde_json::from_str(&stdout).expect("the plan's JSON alone");
    assert!(plan["projects"].is_array());
    assert!(!stderr.is_empty());
    for l in stderr.lines() {
        let d: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
        assert_eq!(d["severity"], "warning");
    }
}

/// One schedule line of 2 000 checkpoints, each day repeated: each
/// diagnostic shows a window of the line around its place, not the whole
/// line (which made the output quadratic in the line: 24 MB here).
#[test]
fn a_long_line_is_shown_around_each_diagnostic() {
    let plan = "tests/hostile/long-schedule.plan";
    let line = std::fs::read_to_string(plan)
        .expect("the file")
        .lines()
        .nth(6)
        .map_or(0, str::len);
    assert!(line > 30_000);
    let (code, _, stderr) = perfplan(&["check", plan, "--lang", "en", "--color", "never"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("check finished: 1 file(s), 1999 error(s)"),
        "{}",
        &stderr[..2000]
    );
    assert!(stderr.len() < 1_000 * 1_000, "{} bytes", stderr.len());
    assert!(stderr.contains("7 │ … 12月31日"));
    assert!(stderr.contains("= 7:8: first written here"));
}
