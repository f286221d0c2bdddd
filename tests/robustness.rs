//! Robustness tests: the compiler must never panic, whatever it is given.
//!
//! Three groups of tests:
//!
//! 1. a deterministic mutation test: the example plans are truncated, have
//!    bytes flipped, punctuation inserted, lines deleted, duplicated and
//!    swapped, and every mutant goes through the parser, the checker and
//!    both renderers;
//! 2. edge cases through the library: empty files, a BOM, CRLF line endings,
//!    binary garbage, deep nesting and very long texts;
//! 3. the real `perfplan` binary: exit codes and output formats.
//!
//! Every diagnostic must point into its file: each label's span lies within
//! the text and on character boundaries, so that renderers and editors can
//! slice the source with it.

use perfplan::ast::{Item, ProjectStmt};
use perfplan::check::{check, check_outline};
use perfplan::diagnostic::{Diagnostic, Lang};
use perfplan::render::{Style, render_human, render_json};
use perfplan::source::{FileId, Position, SourceFile, SourceMap};
use perfplan::syntax::parse;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

#[path = "common/cli.rs"]
mod cli;

// ------------------------------------------------------------ fixtures

const ZH_EXAMPLE: &str = "examples/leting-jijian-2022.plan";
const EN_EXAMPLE: &str = "examples/leting-jijian-2022.en.plan";
const AS_FILED: &str = "tests/seed/as-filed.plan";

/// The plans the mutation test starts from, with their paths.
fn corpus() -> [(&'static str, &'static str); 3] {
    [
        (
            ZH_EXAMPLE,
            include_str!("../examples/leting-jijian-2022.plan"),
        ),
        (
            EN_EXAMPLE,
            include_str!("../examples/leting-jijian-2022.en.plan"),
        ),
        (AS_FILED, include_str!("seed/as-filed.plan")),
    ]
}

fn zh_example() -> &'static str {
    corpus()[0].1
}

// ------------------------------------------------------------ random numbers

/// A tiny xorshift64 generator: deterministic, no dependency.
struct XorShift(u64);

impl XorShift {
    fn new(seed: u64) -> XorShift {
        XorShift(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next() as u8).collect()
    }
}

// ------------------------------------------------------------ invariants

/// Asserts that every label of every diagnostic lies within its file and on
/// character boundaries.
fn assert_spans_valid(sources: &SourceMap, diagnostics: &[Diagnostic], what: &str) {
    for d in diagnostics {
        for label in &d.labels {
            let file = sources.get(label.file).unwrap_or_else(|| {
                panic!(
                    "{what}: {} has a label in a file not in the map: {d:?}",
                    d.code
                )
            });
            let text = &file.text;
            let (start, end) = (label.span.start as usize, label.span.end as usize);
            assert!(
                start <= end,
                "{what}: {} has a reversed span {start}..{end}",
                d.code
            );
            assert!(
                end <= text.len(),
                "{what}: {} has a span {start}..{end} past the end of the file ({} bytes)",
                d.code,
                text.len()
            );
            assert!(
                text.is_char_boundary(start) && text.is_char_boundary(end),
                "{what}: {} has a span {start}..{end} inside a character: {d:?}",
                d.code
            );
        }
    }
}

/// Asserts that the spans of the tree's items and comments lie within the
/// text and on character boundaries.
fn assert_tree_spans_valid(text: &str, tree: &perfplan::ast::File, what: &str) {
    let spans = tree
        .items
        .iter()
        .map(Item::span)
        .chain(tree.comments.iter().map(|c| c.span));
    for span in spans {
        let (start, end) = (span.start as usize, span.end as usize);
        assert!(
            start <= end
                && end <= text.len()
                && text.is_char_boundary(start)
                && text.is_char_boundary(end),
            "{what}: tree span {start}..{end} is not a valid range of the {}-byte text",
            text.len()
        );
    }
}

/// Asserts that the JSON rendering is one valid JSON object per line.
fn assert_json_lines(json: &str, count: usize, what: &str) {
    let lines: Vec<&str> = json.lines().collect();
    assert_eq!(lines.len(), count, "{what}: one JSON line per diagnostic");
    for line in lines {
        let value: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{what}: invalid JSON line ({e}): {line}"));
        assert!(value.is_object(), "{what}: not a JSON object: {line}");
    }
}

/// Runs one text through every phase and renderer, checking the
/// invariants. Returns the diagnostics of `check`.
fn exercise(name: &str, text: &str) -> Vec<Diagnostic> {
    exercise_with(name, text)
}

fn exercise_with(name: &str, text: &str) -> Vec<Diagnostic> {
    let (tree, parsed) = parse(FileId(0), text);
    let mut sources = SourceMap::new();
    sources.add(SourceFile::new(name, text));
    assert_spans_valid(&sources, &parsed, name);
    assert_tree_spans_valid(text, &tree, name);

    let checked = check(&sources, &Default::default());
    assert_spans_valid(&sources, &checked.diagnostics, name);
    assert_eq!(checked.files.len(), 1, "{name}: one tree per file");
    let outline = check_outline(&sources, &Default::default());
    assert!(
        outline.diagnostics == checked.diagnostics,
        "{name}: check_outline and check disagree"
    );

    let human = render_human(&sources, &checked.diagnostics, Lang::Zh, Style::Rich);
    assert_eq!(
        checked.diagnostics.is_empty(),
        human.is_empty(),
        "{name}: rendered text for each diagnostic"
    );
    let _ = render_human(&sources, &checked.diagnostics, Lang::En, Style::Short);
    let json = render_json(&sources, &checked.diagnostics, Lang::Zh);
    assert_json_lines(&json, checked.diagnostics.len(), name);
    checked.diagnostics
}

/// Like [`exercise`], but on a panic saves the input under the temporary
/// directory and fails with a message that says how to reproduce it.
fn exercise_reporting(name: &str, text: &str, description: &str) {
    let result = panic::catch_unwind(AssertUnwindSafe(|| exercise_with(name, text)));
    if let Err(payload) = result {
        let message = payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "<non-string panic>".into());
        let saved = temp_path("mutant.plan");
        let _ = std::fs::write(&saved, text);
        panic!(
            "mutant `{description}` of {name} failed: {message}\n  input saved to {} ({} bytes)",
            saved.display(),
            text.len()
        );
    }
}

// ------------------------------------------------------------ mutations

/// Punctuation inserted by the mutation test: the marks that open or close
/// blocks, texts and comments.
const PUNCTUATION: &[&str] = &["{", "}", "\"", "\"\"\"", "“", "（", "#", "\\", "\n"];

/// A random character boundary of `text` (the end included).
fn char_boundary(rng: &mut XorShift, text: &str) -> usize {
    let mut at = rng.below(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A random boundary just before an ASCII digit, so that the inserted
/// digits lengthen a number; any boundary when there is no digit.
fn digit_position(rng: &mut XorShift, text: &str) -> usize {
    let digits: Vec<usize> = text
        .match_indices(|c: char| c.is_ascii_digit())
        .map(|(i, _)| i)
        .collect();
    if digits.is_empty() {
        char_boundary(rng, text)
    } else {
        *rng.pick(&digits)
    }
}

/// One long line of 10 000 characters, of a random sort.
fn long_line(rng: &mut XorShift) -> String {
    match rng.below(4) {
        0 => "x".repeat(10_000),
        1 => "指标".repeat(5_000),
        2 => format!("产出.数量 \"{}\" ≥ 95%", "长".repeat(9_980)),
        _ => "目标 ".chars().cycle().take(10_000).collect(),
    }
}

/// Applies one line-level edit: delete, duplicate or swap lines.
fn edit_lines(rng: &mut XorShift, text: &str, kind: usize) -> (String, String) {
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    if lines.is_empty() {
        return (text.to_string(), "no line to edit".into());
    }
    let i = rng.below(lines.len());
    let what = match kind {
        0 => {
            lines.remove(i);
            format!("delete line {}", i + 1)
        }
        1 => {
            lines.insert(i, lines[i]);
            format!("duplicate line {}", i + 1)
        }
        _ => {
            let j = rng.below(lines.len());
            lines.swap(i, j);
            format!("swap lines {} and {}", i + 1, j + 1)
        }
    };
    (lines.concat(), what)
}

/// Applies one random mutation of the given kind; returns the mutant and a
/// description of the mutation.
fn mutate(rng: &mut XorShift, text: &str, kind: usize) -> (String, String) {
    match kind {
        0 => {
            let at = char_boundary(rng, text);
            (
                text[..at].to_string(),
                format!("truncate at char boundary {at}"),
            )
        }
        1 => {
            let at = rng.below(text.len() + 1);
            (
                String::from_utf8_lossy(&text.as_bytes()[..at]).into_owned(),
                format!("truncate at byte {at}"),
            )
        }
        2 => {
            let mut bytes = text.as_bytes().to_vec();
            if bytes.is_empty() {
                return (String::new(), "flip nothing".into());
            }
            let at = rng.below(bytes.len());
            let mask = 1u8 << rng.below(8);
            bytes[at] ^= mask;
            (
                String::from_utf8_lossy(&bytes).into_owned(),
                format!("flip bit {mask:#04x} of byte {at}"),
            )
        }
        3 => {
            let mark = *rng.pick(PUNCTUATION);
            let at = char_boundary(rng, text);
            let mut out = text.to_string();
            out.insert_str(at, mark);
            (out, format!("insert {mark:?} at {at}"))
        }
        4 => {
            let at = digit_position(rng, text);
            let mut out = text.to_string();
            out.insert_str(at, &"9".repeat(100_000));
            (out, format!("insert 100000 nines at {at}"))
        }
        5 => {
            let line = long_line(rng);
            let starts: Vec<usize> = std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            let at = *rng.pick(&starts);
            let mut out = text.to_string();
            out.insert_str(at, &format!("{line}\n"));
            let start: String = line.chars().take(6).collect();
            (out, format!("insert a 10000-char line {start:?}… at {at}"))
        }
        6..=8 => edit_lines(rng, text, kind - 6),
        _ => {
            // Several cheap mutations stacked.
            let mut out = text.to_string();
            let mut steps = Vec::new();
            for _ in 0..2 + rng.below(3) {
                let k = *rng.pick(&[0, 2, 3, 3, 3, 6, 7, 8]);
                let (next, what) = mutate(rng, &out, k);
                out = next;
                steps.push(what);
            }
            (out, steps.join(", then "))
        }
    }
}

/// The number of mutation kinds that [`mutate`] knows.
const MUTATION_KINDS: usize = 10;

/// Runs the originals and up to `target` mutants of them, deterministically,
/// within the time budget; returns the number of mutants run.
fn run_mutants(target: usize, budget: Duration) -> usize {
    let started = Instant::now();
    let corpus = corpus();
    let mut rng = XorShift::new(0x5EED_CAFE_F00D_1234);
    for (name, text) in corpus {
        exercise_reporting(name, text, "original");
    }
    let mut run = 0;
    for i in 0..target {
        if started.elapsed() > budget {
            break;
        }
        let (name, text) = corpus[i % corpus.len()];
        let kind = (i / corpus.len()) % MUTATION_KINDS;
        let (mutant, description) = mutate(&mut rng, text, kind);
        exercise_reporting(name, &mutant, &format!("#{i} {description}"));
        run += 1;
    }
    println!("robustness: ran {run} mutants in {:.1?}", started.elapsed());
    run
}

/// The number of mutants to run, and the number a normal machine runs
/// within the budget.
const MUTANTS: usize = 600;
const MINIMUM_MUTANTS: usize = 300;
const BUDGET: Duration = Duration::from_secs(20);

/// Mutates the example plans a few hundred times, deterministically, and
/// runs every mutant through the parser, the checker and both renderers:
/// nothing may panic and every label must point into the file. Bounded by
/// a time budget.
#[test]
fn mutants_never_panic_and_spans_stay_in_the_file() {
    let run = run_mutants(MUTANTS, BUDGET);
    if run < MINIMUM_MUTANTS {
        // A slow machine may run out of budget; say so without failing.
        eprintln!("robustness: only {run} of {MINIMUM_MUTANTS} mutants ran within {BUDGET:?}");
    }
    assert!(run > 0, "the time budget was spent before any mutant ran");
}

/// A syntax error at a repaired full-width mark: the scanner reports `、`
/// (E0004) and lets the parser read it as `,`; the parser's syntax error
/// (E0001) must then cover the whole `、` and show it as written.
#[test]
fn syntax_error_at_a_repaired_mark_ends_on_a_char_boundary() {
    for text in [
        "项目 a \"x\" {\n  资金 50、\n}\n",
        "项目 a \"x\" {\n  我、你\n}\n",
        "项目 a \"x\" {\n  产出.数量 \"a\" 【 5%\n}\n",
    ] {
        let diagnostics = exercise(text, text);
        for d in diagnostics.iter().filter(|d| d.code == "E0001") {
            assert!(
                !d.message.en.contains("`,`"),
                "{text:?}: the message names the mark as written: {}",
                d.message.en
            );
        }
    }
}

// ------------------------------------------------------------ edge cases

/// Parses one text as file 0 and returns its tree and diagnostics, checking
/// every invariant on the way.
fn parse_checked(name: &str, text: &str) -> (perfplan::ast::File, Vec<Diagnostic>) {
    exercise(name, text);
    parse(FileId(0), text)
}

/// The codes of a list of diagnostics, for assertion messages.
fn codes(diagnostics: &[Diagnostic]) -> Vec<&'static str> {
    diagnostics.iter().map(|d| d.code).collect()
}

/// An empty file, whitespace only and comments only: no items, no syntax
/// error.
#[test]
fn empty_whitespace_and_comment_only_files_have_no_syntax_errors() {
    let cases = [
        ("empty", ""),
        ("spaces", "   "),
        ("newlines", "\n\n\n"),
        ("mixed blanks", " \t\n\u{3000}\r\n \n\t\t"),
        (
            "comments",
            "# 只有注释\n   # indented\n#\n# no newline at the end",
        ),
        ("comments crlf", "# a\r\n# b\r\n"),
    ];
    for (name, text) in cases {
        let (tree, diagnostics) = parse_checked(name, text);
        assert!(
            diagnostics.is_empty(),
            "{name}: unexpected diagnostics {:?}",
            codes(&diagnostics)
        );
        assert!(tree.items.is_empty(), "{name}: no items expected");
    }
    let (tree, _) = parse(
        FileId(0),
        "# 只有注释\n   # indented\n#\n# no newline at the end",
    );
    assert_eq!(tree.comments.len(), 4, "every comment is kept");
}

/// A UTF-8 byte order mark before a valid plan is skipped: the plan parses
/// with no diagnostics and the same items as without it.
#[test]
fn bom_before_a_valid_plan_is_accepted() {
    let plain = zh_example();
    let with_bom = format!("\u{feff}{plain}");
    let (tree, diagnostics) = parse_checked("bom.plan", &with_bom);
    assert!(
        diagnostics.is_empty(),
        "BOM: unexpected diagnostics {:?}",
        codes(&diagnostics)
    );
    let (plain_tree, _) = parse(FileId(0), plain);
    assert_eq!(tree.items.len(), plain_tree.items.len());
    assert!(!tree.items.is_empty());
    // Every item moves by the three bytes of the BOM.
    for (a, b) in tree.items.iter().zip(&plain_tree.items) {
        assert_eq!(a.span().start, b.span().start + 3);
    }
}

/// A BOM is not a character of the first line: a diagnostic there has the
/// column it would have without the BOM, as editors (which hide the BOM)
/// count it.
#[test]
fn bom_does_not_shift_columns_of_the_first_line() {
    let plain = "计划 x \"y\" {\n}\n";
    let with_bom = format!("\u{feff}{plain}");
    let without = positions(plain, &exercise("plain.plan", plain));
    let with = positions(&with_bom, &exercise("bom.plan", &with_bom));
    assert!(!without.is_empty());
    assert_eq!(
        with, without,
        "the same line and column with and without a BOM"
    );
}

/// A text with `\n` line ends replaced by `\r\n`.
fn to_crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

/// The start and end positions of the primary location of every
/// diagnostic, with its code.
fn positions(text: &str, diagnostics: &[Diagnostic]) -> Vec<(&'static str, Position, Position)> {
    let file = SourceFile::new("x.plan", text);
    diagnostics
        .iter()
        .map(|d| {
            let (_, span) = d.location().expect("every diagnostic has a location");
            (
                d.code,
                file.position(span.start as usize),
                file.position(span.end as usize),
            )
        })
        .collect()
}

/// The Chinese example with its first `资金` line broken, and that line's
/// 1-based number.
fn with_broken_funds_line(text: &str) -> (String, usize) {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let index = lines
        .iter()
        .position(|l| l.trim_start().starts_with("资金"))
        .expect("the example has a 资金 line");
    lines[index] = "  资金 五十万元（财政".to_string();
    (lines.join("\n"), index + 1)
}

/// CRLF line endings: the example parses with no diagnostics, and a broken
/// line is reported at the same line and column as with LF endings.
#[test]
fn crlf_line_endings_parse_and_keep_line_numbers() {
    let crlf = to_crlf(zh_example());
    assert!(crlf.contains("\r\n"));
    let (tree, diagnostics) = parse_checked("crlf.plan", &crlf);
    assert!(
        diagnostics.is_empty(),
        "CRLF: unexpected diagnostics {:?}",
        codes(&diagnostics)
    );
    let (lf_tree, _) = parse(FileId(0), zh_example());
    assert_eq!(tree.items.len(), lf_tree.items.len());
    assert_eq!(tree.comments.len(), lf_tree.comments.len());
    let values = format!("{:?}", tree.items);
    assert!(
        !values.contains("\\r"),
        "no value of the tree keeps a carriage return"
    );

    let (broken_lf, line) = with_broken_funds_line(zh_example());
    let broken_crlf = to_crlf(&broken_lf);
    let lf = exercise("broken-lf.plan", &broken_lf);
    let crlf = exercise("broken-crlf.plan", &broken_crlf);
    assert!(!lf.is_empty(), "the broken line is reported");
    let lf_positions = positions(&broken_lf, &lf);
    let crlf_positions = positions(&broken_crlf, &crlf);
    assert_eq!(
        lf_positions, crlf_positions,
        "LF and CRLF report the same places"
    );
    assert!(
        lf_positions.iter().any(|(_, start, _)| start.line == line),
        "a diagnostic on line {line}: {lf_positions:?}"
    );
    // No label of a CRLF file may cover a lone `\r` at its end.
    for d in &crlf {
        for label in &d.labels {
            let covered = &broken_crlf[label.span.range()];
            assert!(
                !covered.ends_with('\r'),
                "{} label ends in `\\r`: {covered:?}",
                d.code
            );
        }
    }
}

/// Whether a diagnostic is a syntax error (E00xx) rather than a value or
/// semantic one.
fn is_syntax(d: &Diagnostic) -> bool {
    d.code.starts_with("E00")
}

/// An unterminated text at the end of a CRLF line is reported as ending
/// before the `\r`, on the line it starts on.
#[test]
fn unterminated_text_on_a_crlf_line() {
    let text = "项目 a \"x\" {\r\n  目标 \"没有结束\r\n  目标 \"ok\"\r\n}\r\n";
    let diagnostics = exercise("unterminated.plan", text);
    let syntax: Vec<Diagnostic> = diagnostics.into_iter().filter(is_syntax).collect();
    let found = positions(text, &syntax);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.line, 2);
}

/// Several files in one source map: every label names the right file and
/// points into it, and each file has its tree.
#[test]
fn several_files_keep_their_labels_apart() {
    let mut sources = SourceMap::new();
    let (broken, _) = with_broken_funds_line(zh_example());
    let texts = [
        zh_example().to_string(),
        broken,
        corpus()[1].1.to_string(),
        "}\n".into(),
        String::new(),
    ];
    for (i, text) in texts.iter().enumerate() {
        sources.add(SourceFile::new(format!("part-{i}.plan"), text.clone()));
    }
    let checked = check(&sources, &Default::default());
    assert_eq!(checked.files.len(), texts.len());
    assert_spans_valid(&sources, &checked.diagnostics, "several files");
    // The files together are no sound plan (two headers, the same projects
    // twice); what matters here is where the syntax errors land.
    let files: Vec<u32> = checked
        .diagnostics
        .iter()
        .filter(|d| is_syntax(d))
        .filter_map(|d| d.location())
        .map(|(f, _)| f.0)
        .collect();
    assert!(
        files.contains(&1) && files.contains(&3),
        "the broken files are reported: {files:?}"
    );
    assert!(
        !files.contains(&0) && !files.contains(&2),
        "the clean files are not: {files:?}"
    );
    assert!(files.is_sorted(), "diagnostics are sorted by file");
    let json = render_json(&sources, &checked.diagnostics, Lang::En);
    assert_json_lines(&json, checked.diagnostics.len(), "several files");
    assert!(!render_human(&sources, &checked.diagnostics, Lang::Zh, Style::Rich).is_empty());
}

/// Random bytes, lossily decoded: diagnostics, never a panic.
#[test]
fn binary_garbage_is_reported_without_panicking() {
    let mut rng = XorShift::new(0xBAD_DA7A);
    for round in 0..20 {
        let len = 1 + rng.below(16 * 1024);
        let bytes = rng.bytes(len);
        let text = String::from_utf8_lossy(&bytes);
        let diagnostics = exercise(&format!("garbage-{round}.plan"), &text);
        assert!(
            !diagnostics.is_empty(),
            "garbage round {round} ({len} bytes) raised no diagnostic"
        );
    }
}

/// Deep nesting: 10 000 `{` on one line, and 10 000 lines of `{` (and of
/// `}`), are reported without a stack overflow.
#[test]
fn deep_nesting_is_reported_without_overflow() {
    let one_line = "{".repeat(10_000);
    assert!(!exercise("one-line.plan", &one_line).is_empty());

    let head = format!("项目 a \"x\" {}\n}}\n", "{".repeat(10_000));
    assert!(!exercise("head.plan", &head).is_empty());

    let in_project = format!("项目 a \"x\" {{\n  目标 {}\n}}\n", "{".repeat(10_000));
    assert!(!exercise("in-project.plan", &in_project).is_empty());

    let many_open = "{\n".repeat(10_000);
    assert!(!exercise("many-open.plan", &many_open).is_empty());

    let many_close = "}\n".repeat(10_000);
    let diagnostics = exercise("many-close.plan", &many_close);
    assert_eq!(diagnostics.len(), 10_000, "one unmatched `}}` per line");
}

/// The text of the only goal of the only project of a file.
fn only_goal(tree: &perfplan::ast::File) -> &str {
    let [Item::Project(project)] = tree.items.as_slice() else {
        panic!("expected one project, found {} items", tree.items.len());
    };
    let goals: Vec<&str> = project
        .body
        .iter()
        .filter_map(|s| match s {
            ProjectStmt::Goal(g) => Some(g.text.value.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(goals.len(), 1, "one goal expected");
    goals[0]
}

/// A one-megabyte text in a goal statement parses, in each of the three
/// text forms, and keeps its value.
#[test]
fn one_megabyte_goal_text_parses() {
    let unit = "保障纪律审查工作顺利开展 and more, 100%; ";
    let body = unit.repeat((1 << 20) / unit.len() + 1);
    assert!(body.len() >= 1 << 20);
    let forms = [
        ("quoted", format!("  目标 \"{body}\"")),
        ("chinese quotes", format!("  目标 “{body}”")),
        ("block", format!("  目标 \"\"\"\n    {body}\n  \"\"\"")),
    ];
    for (name, goal) in forms {
        let text = format!("项目 a \"x\" {{\n{goal}\n}}\n");
        let (tree, diagnostics) = parse_checked(name, &text);
        assert!(
            diagnostics.is_empty(),
            "{name}: unexpected diagnostics {:?}",
            codes(&diagnostics)
        );
        assert_eq!(
            only_goal(&tree).trim(),
            body.trim(),
            "{name}: the text is kept"
        );
    }
}

/// A number of 100 000 digits is a diagnostic, not a panic or an overflow.
#[test]
fn huge_number_is_reported() {
    let text = format!("项目 a \"x\" {{\n  资金 {}\n}}\n", "9".repeat(100_000));
    let diagnostics = exercise("huge.plan", &text);
    assert!(
        !diagnostics.is_empty(),
        "a 100 000-digit amount must be reported"
    );
}

// ------------------------------------------------------------ the binary

/// What a run of the binary gave: exit code, standard output and error.
type Run = (i32, String, String);

/// Runs `perfplan` with `--color never --lang en` and the given arguments,
/// from the crate's root.
fn perfplan(args: &[&str]) -> Run {
    let mut all = vec!["--color", "never", "--lang", "en"];
    all.extend_from_slice(args);
    cli::perfplan(&all)
}

fn stdout(run: &Run) -> String {
    run.1.clone()
}

fn stderr(run: &Run) -> String {
    run.2.clone()
}

/// Asserts the exit code, showing the output when it differs.
fn assert_exit(run: &Run, expected: i32, what: &str) {
    assert_eq!(
        run.0, expected,
        "{what}: exit status\n--- stdout\n{}\n--- stderr\n{}",
        run.1, run.2
    );
}

/// A unique path under the temporary directory.
fn temp_path(name: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!(
        "perfplan-robustness-{}-{n}-{name}",
        std::process::id()
    ))
}

/// A temporary file, deleted when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &[u8]) -> TempFile {
        let path = temp_path(name);
        std::fs::write(&path, contents).expect("write a temporary file");
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("temporary paths are UTF-8")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A plan with one syntax error, on line 2.
const BROKEN_PLAN: &str = "项目 a \"x\" {\n  资金 五十\n}\n";

/// A file that does not exist: exit 2, and the message names it.
#[test]
fn cli_missing_file_exits_2() {
    let missing = temp_path("does-not-exist.plan");
    let missing = missing.to_str().unwrap();
    let output = perfplan(&["check", missing]);
    assert_exit(&output, 2, "missing file");
    assert!(
        stderr(&output).contains(missing),
        "stderr names the path: {}",
        stderr(&output)
    );
}

/// A directory instead of a file: exit 2.
#[test]
fn cli_directory_exits_2() {
    let output = perfplan(&["check", "examples"]);
    assert_exit(&output, 2, "directory");
    assert!(
        stderr(&output).contains("examples"),
        "stderr names the path: {}",
        stderr(&output)
    );
}

/// A file that is not UTF-8: exit 2, and the message gives the offset.
#[test]
fn cli_invalid_utf8_exits_2() {
    let file = TempFile::new("latin1.plan", b"\xff\xfe plan");
    let output = perfplan(&["check", file.path()]);
    assert_exit(&output, 2, "invalid UTF-8");
    assert!(
        stderr(&output).contains("offset"),
        "stderr mentions the offset: {}",
        stderr(&output)
    );
}

/// The Chinese example plan checks clean: exit 0.
#[test]
fn cli_example_exits_0() {
    for example in [ZH_EXAMPLE, EN_EXAMPLE] {
        let output = perfplan(&["check", example]);
        assert_exit(&output, 0, example);
    }
}

/// The as-filed seed runs to completion and exits 1: it has the defects
/// the checker exists for.
#[test]
fn cli_as_filed_runs() {
    let output = perfplan(&["check", AS_FILED]);
    assert_exit(&output, 1, "as-filed");
}

/// A plan with a syntax error: exit 1, and the error is shown.
#[test]
fn cli_syntax_error_exits_1() {
    let file = TempFile::new("broken.plan", BROKEN_PLAN.as_bytes());
    let output = perfplan(&["check", file.path()]);
    assert_exit(&output, 1, "syntax error");
    assert!(
        stderr(&output).contains("E0"),
        "stderr shows a code: {}",
        stderr(&output)
    );
}

/// `--message-format json`: one JSON object per line on standard output,
/// each with the documented keys.
#[test]
fn cli_json_lines_have_the_documented_keys() {
    let file = TempFile::new("broken-json.plan", BROKEN_PLAN.as_bytes());
    let output = perfplan(&["--message-format", "json", "check", file.path()]);
    assert_exit(&output, 1, "json");
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert!(!lines.is_empty(), "at least one diagnostic on stdout");
    for line in lines {
        let value: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("invalid JSON ({e}): {line}"));
        let object = value
            .as_object()
            .unwrap_or_else(|| panic!("not an object: {line}"));
        for key in cli::JSON_LINE_KEYS {
            assert!(object.contains_key(key), "key `{key}` missing: {line}");
        }
        assert_eq!(object["file"], file.path(), "the file as given");
        if object["code"]
            .as_str()
            .is_some_and(|c| c.starts_with("E00"))
        {
            assert_eq!(object["line"], 2, "the syntax error is on line 2");
        }
        assert!(object["labels"].is_array());
    }
}

/// `--message-format json` on a clean plan prints nothing to stdout.
#[test]
fn cli_json_clean_plan_prints_nothing() {
    let output = perfplan(&["--message-format", "json", "check", ZH_EXAMPLE]);
    assert_exit(&output, 0, "json clean");
    assert!(
        stdout(&output).trim().is_empty(),
        "stdout: {}",
        stdout(&output)
    );
}

/// `explain` of a known code: exit 0 and the code is printed.
#[test]
fn cli_explain_known_code() {
    let output = perfplan(&["explain", "E0103"]);
    assert_exit(&output, 0, "explain E0103");
    assert!(
        stdout(&output).contains("E0103"),
        "stdout: {}",
        stdout(&output)
    );
}

/// `explain` of an unknown code: exit 2.
#[test]
fn cli_explain_unknown_code_exits_2() {
    let output = perfplan(&["explain", "E9999"]);
    assert_exit(&output, 2, "explain E9999");
    assert!(
        stderr(&output).contains("E9999"),
        "stderr: {}",
        stderr(&output)
    );
}

/// An unknown flag is a usage error: exit 2.
#[test]
fn cli_unknown_flag_exits_2() {
    let output = perfplan(&["check", "--no-such-flag", ZH_EXAMPLE]);
    assert_exit(&output, 2, "unknown flag");
}
