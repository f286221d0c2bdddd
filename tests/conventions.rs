//! Command-line conventions (issue 15): `--help` in Chinese (from
//! `--lang zh` or a `zh_*` locale) and in English, the shell completion
//! scripts, the manual page, and `check --each` for pre-commit hooks.

use std::process::Command;

/// Runs perfplan with a locale and no `LC_ALL`/`LC_MESSAGES`: exit code,
/// standard output, standard error.
fn run_with_lang(lang: &str, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_perfplan"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .output()
        .expect("the perfplan binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Every subcommand a user can run.
const COMMANDS: [&str; 10] = [
    "check",
    "build",
    "fmt",
    "diff",
    "import",
    "init",
    "schema",
    "explain",
    "completions",
    "man",
];

#[test]
fn help_is_chinese_with_lang_zh_or_a_chinese_locale() {
    let (code, root, _) = run_with_lang("C", &["--lang", "zh", "--help"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("help_zh", root);
    let (code, check, _) = run_with_lang("zh_CN.UTF-8", &["check", "--help"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("help_check_zh", check);
    // `--lang=zh` after the command, and `help check`, say the same.
    let (_, same, _) = run_with_lang("C", &["check", "--lang=zh", "--help"]);
    assert_eq!(same, check);
    let (_, same, _) = run_with_lang("zh_CN.UTF-8", &["help", "check"]);
    assert_eq!(same, check);
    // `--lang en` wins over the locale.
    let (_, english, _) = run_with_lang("zh_CN.UTF-8", &["--lang", "en", "--help"]);
    assert!(
        english.contains("Usage:") && !english.contains("用法"),
        "{english}"
    );
}

#[test]
fn help_is_english_otherwise() {
    let (code, root, _) = run_with_lang("C", &["--help"]);
    assert_eq!(code, 0);
    assert!(root.contains("Usage: perfplan"), "{root}");
    assert!(root.contains("[possible values: zh, en]"), "{root}");
    for c in COMMANDS {
        assert!(root.contains(&format!("  {c} ")), "{c} missing:\n{root}");
    }
    // A usage error is clap's, in English, and exits 2.
    let (code, _, stderr) = run_with_lang("zh_CN.UTF-8", &["check", "--no-such-flag"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unexpected argument"), "{stderr}");
}

#[test]
fn completions_name_every_command() {
    let (code, bash, _) = run_with_lang("C", &["completions", "bash"]);
    assert_eq!(code, 0);
    assert!(bash.contains("complete -F _perfplan"), "{bash}");
    for c in COMMANDS {
        assert!(bash.contains(c), "{c} missing from the bash script");
    }
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let (code, script, stderr) = run_with_lang("C", &["completions", shell]);
        assert_eq!(code, 0, "{shell}: {stderr}");
        assert!(
            script.contains("perfplan") && script.contains("explain"),
            "{shell}"
        );
    }
    // zsh and fish describe the commands, in the language of the messages.
    let (_, fish, _) = run_with_lang("zh_CN.UTF-8", &["completions", "fish"]);
    assert!(fish.contains("解释一个诊断代码"), "{fish}");
    let (code, _, stderr) = run_with_lang("C", &["completions", "tcsh"]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn the_man_page_names_every_command() {
    let (code, page, _) = run_with_lang("C", &["man"]);
    assert_eq!(code, 0);
    assert!(page.starts_with(".TH perfplan 1 "), "{page}");
    for c in COMMANDS {
        assert!(
            page.contains(&format!("perfplan\\-{c}(1)")),
            "{c} missing:\n{page}"
        );
    }
    let (code, check, _) = run_with_lang("C", &["man", "check"]);
    assert_eq!(code, 0);
    assert!(check.starts_with(".TH perfplan-check 1 "), "{check}");
    assert!(check.contains("\\-\\-allow"), "{check}");
    let (code, _, stderr) = run_with_lang("C", &["man", "nosuch", "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("there is no command `nosuch`"), "{stderr}");
}

/// Two plans checked as one report false problems; `--each` checks each
/// file alone, as the pre-commit hook does, and fails if any fails.
#[test]
fn check_each_checks_each_file_as_a_plan() {
    let clean = [
        "examples/leting-jijian-2022.plan",
        "tests/sectors/agriculture-2023.plan",
    ];
    let root = env!("CARGO_MANIFEST_DIR");
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_perfplan"))
            .args(args)
            .args(["--lang", "en", "--color", "never"])
            .current_dir(root)
            .output()
            .expect("the perfplan binary runs");
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        (output.status.code().unwrap_or(-1), stderr)
    };
    let (code, _) = run(&["check", clean[0], clean[1]]);
    assert_eq!(code, 1, "two plans as one");
    let (code, stderr) = run(&["check", "--each", clean[0], clean[1]]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr.matches("check passed: 1 file(s)").count(),
        2,
        "{stderr}"
    );
    let (code, stderr) = run(&[
        "check",
        "--each",
        clean[0],
        "tests/ui/syntax/unknown_unit.plan",
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("error[E0103]"), "{stderr}");
}
