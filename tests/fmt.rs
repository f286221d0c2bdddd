//! `perfplan fmt`: canonical, lossless, idempotent.
//!
//! Over every plan in the repository and over generated variants: the
//! formatter keeps every comment, keeps the meaning (the same JSON, the
//! same diagnostics), and formatting twice changes nothing.

use perfplan::check::{Options as CheckOptions, check};
use perfplan::diagnostic::Lang;
use perfplan::format::{Options, format};
use perfplan::model;
use perfplan::sema::Ctx;
use perfplan::source::{SourceFile, SourceMap};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.plan` file of the repository that parses cleanly.
fn plans() -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut dirs = vec![
        root().join("examples"),
        root().join("profiles"),
        root().join("tests"),
    ];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "plan") {
                let text = std::fs::read_to_string(&path).expect("readable");
                if format(&text, Options::default()).is_ok() {
                    out.push((path, text));
                }
            }
        }
    }
    out.sort();
    assert!(out.len() > 20, "the repository's plans were not found");
    out
}

fn fmt(text: &str, keywords: Option<Lang>) -> String {
    format(text, Options { keywords }).expect("the plan parses")
}

/// What a plan means: its JSON when it has no errors, and its diagnostics'
/// codes and messages either way.
fn meaning(text: &str) -> (String, Vec<String>) {
    let mut sources = SourceMap::new();
    sources.add(SourceFile::new("plan.plan", text));
    let checked = check(&sources, &CheckOptions::default());
    // Codes, not messages: a message quotes keywords as they were written.
    // W0009 (a trailing `。`) is the one warning `fmt` fixes: not compared.
    let diagnostics = checked
        .diagnostics
        .iter()
        .filter(|d| d.code != "W0009")
        .map(|d| d.code.to_string())
        .collect();
    let json = if checked.error_count() == 0 {
        model::resolve(&Ctx::new(&checked.files))
            .map(|p| perfplan::emit::json::to_json(&p))
            .unwrap_or_default()
    } else {
        String::new()
    };
    (json, diagnostics)
}

fn comments(text: &str) -> Vec<String> {
    let (file, _) = perfplan::syntax::parse(perfplan::source::FileId(0), text);
    file.comments
        .iter()
        .map(|c| text[c.span.range()].trim_end().to_string())
        .collect()
}

#[test]
fn formatting_is_idempotent_lossless_and_keeps_the_meaning() {
    for (path, text) in plans() {
        let name = path.display();
        let once = fmt(&text, None);
        assert_eq!(
            fmt(&once, None),
            once,
            "{name}: formatting twice changes the text"
        );
        assert_eq!(comments(&once), comments(&text), "{name}: comments changed");
        assert_eq!(
            meaning(&once),
            meaning(&text),
            "{name}: the meaning changed"
        );
    }
}

#[test]
fn switching_keyword_language_round_trips() {
    for (path, text) in plans() {
        let name = path.display();
        let zh = fmt(&text, Some(Lang::Zh));
        let en = fmt(&zh, Some(Lang::En));
        assert_eq!(
            fmt(&en, Some(Lang::Zh)),
            zh,
            "{name}: en → zh does not give the zh form back"
        );
        assert_eq!(
            meaning(&en),
            meaning(&zh),
            "{name}: the English form means something else"
        );
    }
}

#[test]
fn the_english_example_is_the_chinese_one_in_english() {
    let zh =
        std::fs::read_to_string(root().join("examples/leting-jijian-2022.plan")).expect("readable");
    let en = std::fs::read_to_string(root().join("examples/leting-jijian-2022.en.plan"))
        .expect("readable");
    assert_eq!(meaning(&zh).0, meaning(&en).0);
    assert_eq!(
        fmt(&en, Some(Lang::Zh))
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .collect::<Vec<_>>(),
        fmt(&zh, Some(Lang::Zh))
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .collect::<Vec<_>>()
    );
}

/// Variants of each plan that differ only in layout and spelling: extra
/// blanks, full-width marks, Chinese separators. They format to the same
/// text as the plan.
#[test]
fn layout_variants_format_to_the_same_text() {
    for (path, text) in plans() {
        let canonical = fmt(&text, None);
        for (i, variant) in variants(&canonical).into_iter().enumerate() {
            let name = path.display();
            let formatted = format(&variant, Options::default())
                .unwrap_or_else(|d| panic!("{name} variant {i} does not parse: {d:#?}\n{variant}"));
            assert_eq!(
                formatted, canonical,
                "{name}: variant {i} formats differently"
            );
        }
    }
}

fn variants(text: &str) -> Vec<String> {
    let in_block_text = block_text_lines(text);
    let per_line = |f: &dyn Fn(&str) -> String| {
        text.lines()
            .enumerate()
            .map(|(n, l)| {
                if in_block_text.contains(&n) || l.trim_start().starts_with('#') {
                    l.to_string()
                } else {
                    f(l)
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    };
    vec![
        per_line(&|l| format!("    {}", l.trim_start())),
        per_line(&|l| {
            outside_text(l, &|s| {
                s.replace(", ", "，").replace(" (", "（").replace(')', "）")
            })
        }),
        per_line(&|l| outside_text(l, &|s| s.replace(" = ", " ＝ ").replace('%', "％"))),
        per_line(&|l| format!("{l}   ")),
        text.replace("\n\n", "\n\n\n"),
    ]
}

/// Applies `f` to the parts of a line outside its quoted texts.
fn outside_text(line: &str, f: &dyn Fn(&str) -> String) -> String {
    let mut out = String::new();
    for (i, part) in line.split('"').enumerate() {
        if i > 0 {
            out.push('"');
        }
        out.push_str(&if i % 2 == 0 {
            f(part)
        } else {
            part.to_string()
        });
    }
    out
}

/// The line numbers inside `"""` texts, which layout changes must not touch.
fn block_text_lines(text: &str) -> Vec<usize> {
    let mut inside = false;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let quotes = line.matches("\"\"\"").count();
        if inside {
            out.push(n);
        }
        if quotes % 2 == 1 {
            inside = !inside;
        }
    }
    out
}

#[test]
fn a_messy_plan_and_its_formatted_form() {
    let text = std::fs::read_to_string(root().join("tests/fmt/messy.plan")).expect("readable");
    let formatted = fmt(&text, None);
    insta::with_settings!({ snapshot_path => "fmt/snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!("messy", format!("----- SOURCE\n{text}----- FORMATTED\n{formatted}"));
        insta::assert_snapshot!("messy_en", fmt(&text, Some(Lang::En)));
    });
    assert_eq!(comments(&formatted), comments(&text));
    assert_eq!(meaning(&formatted), meaning(&text));
}

#[test]
fn a_file_that_does_not_parse_is_refused() {
    assert!(format("项目 a \"x\" {\n  资金 五十\n}\n", Options::default()).is_err());
}

/// `草案`, `封面` and `目录` keep their value, written `是`/`否` with
/// Chinese keywords and `yes`/`no` with English ones, whatever the
/// spelling (`true`, `no`) and language it was written in; comments stay.
#[test]
fn yes_and_no_follow_the_keyword_language() {
    let text =
        "计划 2022 \"x\" {\n  草案：true   # 还在改\n  cover no\n  # 不要目录\n  目录:否\n}\n";
    assert_eq!(
        fmt(text, Some(Lang::Zh)),
        "计划 2022 \"x\" {\n  草案 是  # 还在改\n  封面 否\n  # 不要目录\n  目录 否\n}\n"
    );
    assert_eq!(
        fmt(text, Some(Lang::En)),
        "plan 2022 \"x\" {\n  draft yes  # 还在改\n  cover no\n  # 不要目录\n  toc no\n}\n"
    );
    let yes = "plan 2022 \"x\" {\n  cover 是\n  toc yes\n}\n";
    assert_eq!(
        fmt(yes, None),
        "plan 2022 \"x\" {\n  cover yes\n  toc yes\n}\n"
    );
}
