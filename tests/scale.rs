//! Scale and hostile input, beyond the mutation test and the edge cases of
//! `tests/robustness.rs`:
//!
//! 1. the plan generator (`examples/gen.rs`): its plans check with no
//!    diagnostic at all, build, and are the same bytes for the same seed;
//! 2. parallel parsing: a plan of many files, and a file large enough to
//!    be parsed in parallel runs, give the same trees and diagnostics, in
//!    the same order, with one thread as with several; checking a large
//!    plan a run of projects at a time (`check_outline`) finds what
//!    checking its whole trees finds, and `build --to json` a run at a time
//!    writes the bytes of the whole model's JSON;
//! 3. hostile input, each bounded in time: a string of tens of megabytes,
//!    a project of 200 000 indicator rows, numbers of a million digits,
//!    lines of megabytes, a million braces — a diagnostic or a clean
//!    result, never a panic or a hang;
//! 4. the pipeline of the fuzz target (`fuzz/pipeline.rs`: parse → check →
//!    build → fmt) over mutants of generated plans, under a time budget;
//! 5. the binary: a file that cannot be read, and the byte offset of
//!    invalid UTF-8.
//!
//! Every test here runs in a few seconds in a debug build.

#[allow(dead_code)]
#[path = "../examples/gen.rs"]
mod generator;

#[path = "../fuzz/pipeline.rs"]
mod pipeline;

use perfplan::build::check_for_json;
use perfplan::check::{Checked, Options, check, check_outline};
use perfplan::diagnostic::Diagnostic;
use perfplan::emit::json::to_json;
use perfplan::emit::records;
use perfplan::model;
use perfplan::sema::Ctx;
use perfplan::source::{FileId, SourceFile, SourceMap};
use std::process::Command;
use std::time::{Duration, Instant};

/// A generous bound for one hostile input in a debug build on a slow
/// machine: the point is "no hang", not a benchmark.
const BOUND: Duration = Duration::from_secs(120);

fn one_file(name: &str, text: impl Into<String>) -> SourceMap {
    let mut sources = SourceMap::new();
    sources.add(SourceFile::new(name, text.into()));
    sources
}

/// Checks a map, asserting that it takes less than [`BOUND`], that every
/// label lies within its file, and that checking in outline (what
/// `perfplan check` does) finds the same, also within the bound.
fn check_bounded(what: &str, sources: &SourceMap) -> Checked {
    let started = Instant::now();
    let checked = check(sources, &Options::default());
    let took = started.elapsed();
    assert!(took < BOUND, "{what}: took {took:?}");
    let started = Instant::now();
    let outline = check_outline(sources, &Options::default());
    let took = started.elapsed();
    assert!(took < BOUND, "{what}: in outline, took {took:?}");
    assert!(
        outline.diagnostics == checked.diagnostics,
        "{what}: check_outline and check disagree"
    );
    for d in &checked.diagnostics {
        for label in &d.labels {
            let text = &sources.get(label.file).expect("label in the map").text;
            assert!(
                text.get(label.span.range()).is_some(),
                "{what}: {} label {:?} is not a range of the file",
                d.code,
                label.span
            );
        }
    }
    checked
}

fn codes(diagnostics: &[Diagnostic]) -> Vec<&'static str> {
    diagnostics.iter().map(|d| d.code).collect()
}

// ------------------------------------------------------------ the generator

/// A generated plan checks with no diagnostic at all, builds, and its JSON
/// has every project; the same seed gives the same bytes, another seed
/// another plan.
#[test]
fn generated_plans_are_clean_and_deterministic() {
    for seed in [1, 2, 77] {
        let text = generator::generate(120, seed);
        assert_eq!(text, generator::generate(120, seed), "seed {seed}");
        let sources = one_file("generated.plan", text);
        let checked = check_bounded("generated", &sources);
        assert!(
            checked.diagnostics.is_empty(),
            "seed {seed}: {:?}",
            codes(&checked.diagnostics)
        );
        assert!(checked.parsed_whole);
        let ctx = Ctx::new(&checked.files);
        let plan = model::resolve(&ctx).expect("a generated plan builds");
        assert_eq!(plan.projects.len(), 120);
        let json: serde_json::Value =
            serde_json::from_str(&to_json(&plan)).expect("the JSON parses");
        assert_eq!(json["projects"].as_array().map(Vec::len), Some(120));
        let records = records::records(&plan);
        let rows: usize = plan.projects.iter().map(|p| p.indicators.len()).sum();
        let overall = plan
            .overall
            .iter()
            .filter(|i| matches!(i, model::OverallItem::Indicator(_)))
            .count();
        assert_eq!(records.indicators.len(), rows + overall, "seed {seed}");
        let mut bytes = Vec::new();
        records::write_json(&records, &mut bytes).expect("the records are written");
        serde_json::from_slice::<serde_json::Value>(&bytes).expect("the records parse");
        let mut csv = Vec::new();
        records::write_csv(&records, &mut csv).expect("the CSV is written");
        for p in &plan.projects {
            let rows = p.indicators.len();
            assert!((8..=14).contains(&rows), "{}: {rows} rows", p.id);
        }
    }
    assert_ne!(generator::generate(50, 1), generator::generate(50, 2));
}

// ------------------------------------------------------------ parallel parsing

/// Runs `f` in a pool of `threads` threads.
fn with_threads<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
        .install(f)
}

/// What a check found, as text: the trees and the diagnostics in order.
fn outcome(checked: &Checked) -> String {
    format!("{:?}\n{:?}", checked.files, checked.diagnostics)
}

/// A plan of many files, some broken, and a file big enough to be parsed
/// in parallel runs (with an unclosed block, a stray brace and a `"""`
/// text among its items): the same trees and diagnostics, in the same
/// order, with one thread and with four, and sorted.
#[test]
fn parallel_parsing_does_not_depend_on_the_threads() {
    let big = generator::generate(400, 5);
    assert!(big.len() > 512 * 1024, "big enough for several runs");
    let mut broken = big.clone();
    // A block left open just before an item, far into the file.
    let at = broken
        .match_indices("\n项目 ")
        .nth(300)
        .map_or(0, |(i, _)| i + 1);
    broken.insert_str(at, "项目 未闭合 \"没有右括号\" {\n  资金 5.00\n");
    broken.push_str("}\n保障措施 \"末尾\" \"\"\"\n  没有结束\n");

    let mut sources = SourceMap::new();
    sources.add(SourceFile::new("big.plan", big));
    sources.add(SourceFile::new("broken.plan", broken));
    for i in 0..40 {
        let text = match i % 4 {
            0 => format!("项目 p{i} \"x\" {{\n  资金 1{i}.00（财政 1{i}.00）\n}}\n"),
            1 => format!("项目 q{i} \"x\" {{\n  资金 五十\n"),
            2 => "}\n{\n".to_string(),
            _ => format!("分项目标 r{i} {{\n  目标 \"\"\"\n"),
        };
        sources.add(SourceFile::new(format!("part-{i}.plan"), text));
    }
    let one = with_threads(1, || check(&sources, &Options::default()));
    let four = with_threads(4, || check(&sources, &Options::default()));
    assert!(!one.diagnostics.is_empty());
    assert!(
        outcome(&one) == outcome(&four),
        "one thread and four differ"
    );
    let keys: Vec<_> = one
        .diagnostics
        .iter()
        .map(|d| d.location().unwrap_or_default())
        .map(|(f, s)| (f, s.start))
        .collect();
    assert!(keys.is_sorted(), "diagnostics are sorted by file and place");
    // The unclosed block in the middle of the big file is reported.
    assert!(
        one.diagnostics
            .iter()
            .any(|d| d.code == "E0005" && d.location().is_some_and(|(f, _)| f == FileId(1))),
        "{:?}",
        codes(&one.diagnostics)
    );
}

/// A plan large enough for many runs, with problems both within projects
/// (sources that do not add up, a share over 100%) and between them (a
/// project id used twice, a summary of no project, a department total
/// that is not the sum): `check_outline` reports exactly what `check`
/// reports, with one thread and with four.
#[test]
fn checking_in_outline_finds_what_the_whole_trees_show() {
    let mut text = generator::generate(400, 9);
    let starts: Vec<usize> = text.match_indices("\n项目 ").map(|(i, _)| i + 1).collect();
    let first_project = &text[starts[0]..starts[1]];
    let duplicate = first_project.to_string();
    let funds_at = starts[250] + text[starts[250]..].find("  资金 ").expect("funds");
    let funds_end = funds_at + text[funds_at..].find('\n').expect("a line");
    text.replace_range(funds_at..funds_end, "  资金 10.00 (财政 4.00)");
    let share_at = starts[320] + text[starts[320]..].find("% 描述").expect("a share") - 2;
    text.insert(share_at, '9');
    text.push_str(&duplicate);
    text.push_str("分项目标 没有这个项目 {\n  目标 \"x\"\n}\n");
    let header_end = text.find("\n}\n").expect("the header's end");
    text.insert_str(header_end, "\n  资金 1.00");
    assert!(text.len() > 512 * 1024, "big enough for several runs");
    let sources = one_file("plan.plan", text);

    let whole = check(&sources, &Options::default());
    assert!(whole.parsed_whole);
    let found = codes(&whole.diagnostics);
    for code in ["E0302", "E0303", "E0601", "E0604"] {
        assert!(found.contains(&code), "{code} in {found:?}");
    }
    for threads in [1, 4] {
        let outline = with_threads(threads, || check_outline(&sources, &Options::default()));
        assert!(
            outline.diagnostics == whole.diagnostics,
            "{threads} threads: {:?}",
            codes(&outline.diagnostics)
        );
    }
}

/// `build --to json` of a plan in many runs: the bytes of the whole
/// resolved model's JSON, with one thread and with four.
#[test]
fn json_a_run_at_a_time_is_the_whole_models_json() {
    let sources = one_file("plan.plan", generator::generate(400, 3));
    let checked = check(&sources, &Options::default());
    let expected = to_json(&model::resolve(&Ctx::new(&checked.files)).expect("it builds"));
    for threads in [1, 4] {
        let written = with_threads(threads, || {
            let checked = check_for_json(&sources, &Options::default(), &tempfile::tempfile);
            assert!(checked.outline.diagnostics.is_empty());
            let build = checked.into_build().expect("spilled").expect("it builds");
            let mut out = Vec::new();
            build.write(&mut out).expect("write to memory");
            out
        });
        assert!(written == expected.as_bytes(), "{threads} threads");
    }
}

// ------------------------------------------------------------ hostile input

/// A goal text of 24 MB on one line, and one over 24 MB of lines: they
/// parse and keep their value (the line-by-line design holds one line at a
/// time, and the text rules are linear).
#[test]
fn a_string_of_tens_of_megabytes() {
    let body = "保障纪律审查和监察调查工作顺利开展，".repeat(24 * 1024 * 1024 / 54);
    assert!(body.len() >= 24_000_000);
    let text = format!("项目 a \"x\" {{\n  目标 \"{body}\"\n}}\n");
    let checked = check_bounded("24 MB string", &one_file("string.plan", text));
    // The check runs: no syntax error, only the rules' findings about a
    // project without funds and the like.
    assert!(
        checked
            .diagnostics
            .iter()
            .all(|d| !d.code.starts_with("E00")),
        "{:?}",
        codes(&checked.diagnostics)
    );
    let goal = checked.files[0].items.iter().find_map(|i| match i {
        perfplan::ast::Item::Project(p) => p.body.iter().find_map(|s| match s {
            perfplan::ast::ProjectStmt::Goal(g) => Some(g.text.value.len()),
            _ => None,
        }),
        _ => None,
    });
    assert_eq!(goal, Some(body.len()));

    let unterminated = format!("项目 a \"x\" {{\n  目标 \"\"\"\n{body}\n}}\n");
    let checked = check_bounded("unterminated", &one_file("open.plan", unterminated));
    assert!(codes(&checked.diagnostics).contains(&"E0003"));
}

/// One project of 200 000 indicator rows: checked in bounded time, with
/// one E0509 for each repeated name (the duplicate check is a map, not a
/// scan of the rows before).
#[test]
fn a_project_of_two_hundred_thousand_indicators() {
    let rows = 200_000;
    let mut text = String::from(
        "计划 2025 \"x\" {\n  预算单位 1 \"u\"\n}\n项目 a \"大表\" {\n  预算单位 1\n  资金 100.00（财政 100.00）\n  支出计划 12月底 100%\n",
    );
    for i in 0..rows {
        // Every thousandth row repeats the name of the row before it.
        let n = if i % 1000 == 999 { i - 1 } else { i };
        text.push_str(&format!("  产出.数量 \"完成任务{n}\" ≥ {}个\n", i % 97 + 1));
    }
    text.push_str("  满意度.服务对象满意度 \"满意度\" ≥ 90%\n}\n");
    let checked = check_bounded("200k rows", &one_file("rows.plan", text));
    assert!(
        checked.parsed_whole,
        "{:?}",
        &codes(&checked.diagnostics)[..5]
    );
    let repeated = checked
        .diagnostics
        .iter()
        .filter(|d| d.code == "E0509")
        .count();
    assert_eq!(repeated, rows / 1000);
}

/// Numbers of a million digits, wherever a number may stand: each is
/// reported, none overflows.
#[test]
fn numbers_of_a_million_digits() {
    let digits = "9".repeat(1_000_000);
    let places = [
        format!("计划 {digits} \"x\" {{\n}}\n"),
        format!("计划 2025 \"x\" {{\n  精度 {digits}\n}}\n"),
        format!("项目 a \"x\" {{\n  资金 {digits}\n}}\n"),
        format!("项目 a \"x\" {{\n  资金 5（财政 0.{digits}）\n}}\n"),
        format!("项目 a \"x\" {{\n  支出计划 12月底 {digits}%\n}}\n"),
        format!("项目 a \"x\" {{\n  产出.数量 \"n\" ≥ {digits}个 分值 {digits}\n}}\n"),
        format!("项目 a \"x\" {{\n  产出.数量 \"n\" ≥ 1.{digits}%\n}}\n"),
    ];
    for (i, text) in places.iter().enumerate() {
        let checked = check_bounded(
            &format!("digits #{i}"),
            &one_file("digits.plan", text.clone()),
        );
        assert!(
            checked.diagnostics.iter().any(|d| d.is_error()),
            "digits #{i}: {:?}",
            codes(&checked.diagnostics)
        );
    }
}

/// Lines of megabytes: words, a path of 100 000 segments, a run of
/// full-width marks, a million `{` on one line, and 100 000 lines that
/// each open a block.
#[test]
fn very_long_lines_and_many_braces() {
    let cases = [
        ("words", format!("{}\n", "无意义的词 ".repeat(300_000))),
        (
            "path",
            format!(
                "项目 a \"x\" {{\n  {} \"n\" = 1个\n}}\n",
                "a.".repeat(100_000) + "a"
            ),
        ),
        (
            "full-width",
            format!("项目 a \"x\" {{\n  资金 {}\n}}\n", "５".repeat(300_000)),
        ),
        (
            "semicolons",
            format!("项目 a \"x\" {{\n  资金 5{}\n}}\n", "；".repeat(20_000)),
        ),
        ("one-line braces", "{".repeat(1_000_000)),
        ("open blocks", "项目 a \"x\" {\n".repeat(100_000)),
    ];
    for (what, text) in cases {
        let checked = check_bounded(what, &one_file("long.plan", text));
        assert!(!checked.diagnostics.is_empty(), "{what}: no diagnostic");
    }
}

// ------------------------------------------------------------ the fuzz pipeline

/// A tiny xorshift generator for the mutants.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// The fuzz target's pipeline (parse → check → build JSON and Markdown →
/// fmt, with its invariants) over a generated plan and mutants of it:
/// bytes flipped, punctuation and form feeds (file breaks) inserted, lines
/// dropped. Bounded by a time budget.
#[test]
fn fuzz_pipeline_over_mutants_never_panics() {
    let budget = Duration::from_secs(15);
    let started = Instant::now();
    let base = generator::generate(6, 3);
    pipeline::run(base.as_bytes());
    let marks: [&[u8]; 9] = [
        b"{",
        b"}",
        b"\"",
        b"\"\"\"",
        b"\x0c",
        b"\n",
        "；".as_bytes(),
        b"#",
        b"\xff",
    ];
    let mut rng = Rng(0xF022_5EED);
    let mut run = 0;
    while started.elapsed() < budget && run < 400 {
        let mut bytes = base.as_bytes().to_vec();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(bytes.len() + 1);
            match rng.below(3) {
                0 => {
                    if let Some(b) = bytes.get_mut(at) {
                        *b ^= 1 << rng.below(8);
                    }
                }
                1 => {
                    let mark = marks[rng.below(marks.len())];
                    bytes.splice(at..at, mark.iter().copied());
                }
                _ => {
                    let end = bytes[at..]
                        .iter()
                        .position(|&b| b == b'\n')
                        .map_or(bytes.len(), |i| at + i);
                    bytes.drain(at..end);
                }
            }
        }
        pipeline::run(&bytes);
        run += 1;
    }
    println!("fuzz pipeline: {run} mutants in {:.1?}", started.elapsed());
    assert!(run > 0);
}

// ------------------------------------------------------------ the binary

fn perfplan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_perfplan"))
        .args(["--color", "never", "--lang", "en"])
        .args(args)
        .output()
        .expect("the perfplan binary runs")
}

/// A file that exists but cannot be read (even by root: reading
/// `/proc/self/mem` from its start fails with an I/O error): exit 2, and
/// the message names the file.
#[cfg(target_os = "linux")]
#[test]
fn cli_unreadable_file_exits_2() {
    let output = perfplan(&["check", "/proc/self/mem"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("/proc/self/mem"), "{stderr}");
}

/// Invalid UTF-8 after valid text: the message gives the offset of the
/// first bad byte.
#[test]
fn cli_invalid_utf8_reports_the_byte_offset() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("gbk.plan");
    let mut bytes = "计划 2025 \"x\" {\n".as_bytes().to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice(b"\xb2\xe2\xca\xd4\n}\n");
    std::fs::write(&path, &bytes).expect("write the file");
    let output = perfplan(&["check", path.to_str().expect("a UTF-8 path")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("offset {offset}")),
        "offset {offset} expected: {stderr}"
    );
}

// ------------------------------------------------------------ found by fuzzing

/// An unclosed block opened by a full-width `｛` (reported, and read as
/// `{`): the "never closed" label covers the whole mark, not a byte inside
/// it. Found by the fuzz target.
#[test]
fn unclosed_block_opened_by_a_full_width_brace() {
    let text = "项目 a \"x\" ｛\n  资金 5.00\n项目 b \"y\" {\n}\n";
    let checked = check_bounded("full-width brace", &one_file("brace.plan", text));
    let unclosed = checked
        .diagnostics
        .iter()
        .find(|d| d.code == "E0005")
        .expect("the block is reported unclosed");
    let (_, span) = unclosed.location().expect("a location");
    assert_eq!(&text[span.range()], "｛");
}
