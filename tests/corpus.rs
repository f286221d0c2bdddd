//! The corpus of plans as filed (`tests/corpus/`, see its README): every
//! diagnostic the checker reports on a corpus plan is written in the plan
//! itself, as a trailing comment on the line where its primary label
//! starts: `产出.数量 "培训人数" 100  #! W0508`, several codes as
//! `#! W0508 E0501`. A diagnostic on a line that cannot carry a comment
//! (inside a `"""` text) is written on a line of its own right after the
//! text's closing line, `#^ W0407`: "on a line of the text above".
//!
//! For every `.plan` under `tests/corpus/`, the multiset of (line, code)
//! reported by [`check_outline`] equals the multiset annotated; every
//! `corrected.plan` has no error; and the annotations survive `perfplan
//! fmt`: each plan the formatter accepts, formatted, still matches its
//! (moved) annotations.
//!
//! `tests/tolerance/` holds pairs `<name>.plan` / `<name>.fixed.plan`
//! that differ only in their broken lines: the broken plan reports every
//! finding of the rules that the fixed one reports, and each broken line
//! one syntax or value diagnostic.

use perfplan::check::{Options, check_outline, is_syntax_error};
use perfplan::diagnostic::{Diagnostic, Lang};
use perfplan::format::{Options as FmtOptions, format};
use perfplan::source::{SourceFile, SourceMap};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Every `.plan` file under `dir`, sorted.
fn plans_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "plan") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// A path as `cargo run -q -- check PATH` takes it, from the repository's
/// root.
fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// One diagnostic as the harness compares it: its 1-based line, code and
/// English message.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Found {
    line: usize,
    code: String,
    message: String,
}

/// Checks one file's text as a whole plan, as `perfplan check` does.
fn diagnose(name: &str, text: &str) -> (Vec<Diagnostic>, Vec<Found>) {
    let mut sources = SourceMap::new();
    let id = sources.add(SourceFile::new(name, text));
    let file = sources.get(id).expect("the file just added");
    let diagnostics = check_outline(&sources, &Options::default()).diagnostics;
    let found = diagnostics
        .iter()
        .map(|d| {
            let (at, span) = d
                .location()
                .unwrap_or_else(|| panic!("{name}: {} has no location", d.code));
            assert_eq!(at, id, "{name}: {} is in another file", d.code);
            Found {
                line: file.position(span.start as usize).line,
                code: d.code.to_string(),
                message: d.message.get(Lang::En).to_string(),
            }
        })
        .collect();
    (diagnostics, found)
}

/// What a plan's comments expect: a code on exactly one line (`#!`), or on
/// any line of a range (`#^`, the lines of the `"""` text above).
#[derive(Debug)]
struct Expected {
    lines: std::ops::RangeInclusive<usize>,
    code: String,
}

/// Whether a word is a diagnostic code such as `W0508`.
fn is_code(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(chars.next(), Some('E' | 'W')) && word.len() == 5 && chars.all(|c| c.is_ascii_digit())
}

/// The codes after `marker` on a line: every word following it must be a
/// code, else the annotation is malformed.
fn codes_after<'a>(name: &str, number: usize, line: &'a str, marker: &str) -> Vec<&'a str> {
    let Some(at) = line.rfind(marker) else {
        return Vec::new();
    };
    let words: Vec<&str> = line[at + marker.len()..].split_whitespace().collect();
    assert!(
        !words.is_empty() && words.iter().all(|w| is_code(w)),
        "{name}:{number}: malformed annotation `{}`",
        &line[at..]
    );
    words
}

/// The lines of the `"""` text that closes on `closing` (1-based): from
/// the line that opens it to the closing one.
fn text_above(name: &str, lines: &[&str], closing: usize) -> std::ops::RangeInclusive<usize> {
    let opening = (1..closing)
        .rev()
        .find(|&n| lines[n - 1].contains("\"\"\""))
        .unwrap_or_else(|| panic!("{name}:{}: `#^` without a text above", closing + 1));
    opening..=closing
}

fn annotations(name: &str, text: &str) -> Vec<Expected> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let number = index + 1;
        if line.trim_start().starts_with("#^") {
            let range = text_above(name, &lines, number - 1);
            for code in codes_after(name, number, line, "#^") {
                let lines = range.clone();
                out.push(Expected {
                    lines,
                    code: code.to_string(),
                });
            }
        } else {
            for code in codes_after(name, number, line, "#!") {
                out.push(Expected {
                    lines: number..=number,
                    code: code.to_string(),
                });
            }
        }
    }
    out
}

/// Matches what was found against what is annotated: exact lines first,
/// then ranges. Returns the unmatched annotations and diagnostics.
fn unmatched(expected: Vec<Expected>, found: &[Found]) -> (Vec<Expected>, Vec<Found>) {
    let mut left: Vec<Option<&Found>> = found.iter().map(Some).collect();
    let (exact, ranged): (Vec<_>, Vec<_>) = expected
        .into_iter()
        .partition(|e| e.lines.start() == e.lines.end());
    let mut missing = Vec::new();
    for e in exact.into_iter().chain(ranged) {
        let hit = left
            .iter_mut()
            .find(|f| f.is_some_and(|f| f.code == e.code && e.lines.contains(&f.line)));
        match hit {
            Some(slot) => *slot = None,
            None => missing.push(e),
        }
    }
    (missing, left.into_iter().flatten().cloned().collect())
}

/// Checks one plan's text against its annotations; the failures, as lines
/// of a report, empty when all is well.
fn compare(name: &str, text: &str) -> Vec<String> {
    let (_, found) = diagnose(name, text);
    let (missing, unexpected) = unmatched(annotations(name, text), &found);
    let mut report = Vec::new();
    for m in missing {
        let at = if m.lines.start() == m.lines.end() {
            m.lines.start().to_string()
        } else {
            format!("{}-{}", m.lines.start(), m.lines.end())
        };
        report.push(format!(
            "{name}:{at}: missing {} (annotated, not reported)",
            m.code
        ));
    }
    for u in unexpected {
        report.push(format!(
            "{name}:{}: unexpected {} (reported, not annotated): {}",
            u.line, u.code, u.message
        ));
    }
    report
}

fn corpus() -> Vec<PathBuf> {
    let plans = plans_under(&root().join("corpus"));
    assert!(plans.len() >= 24, "the corpus was not found: {plans:?}");
    plans
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("a readable plan")
}

fn fail_on(report: Vec<String>) {
    assert!(
        report.is_empty(),
        "\n{}\n\n{} difference(s); see the diagnostics with `cargo run -q -- check PATH`",
        report.join("\n"),
        report.len()
    );
}

/// Every diagnostic of every corpus plan is annotated, and every
/// annotation is reported.
#[test]
fn corpus_plans_report_what_they_annotate() {
    let mut report = Vec::new();
    for path in corpus() {
        report.extend(compare(&relative(&path), &read(&path)));
    }
    fail_on(report);
}

/// Every plan has an as-filed and a corrected version, and the corrected
/// one has no error.
#[test]
fn corrected_plans_have_no_error() {
    let mut report = Vec::new();
    let plans = corpus();
    for path in &plans {
        let dir = path.parent().expect("a plan's directory");
        for twin in ["as-filed.plan", "corrected.plan"] {
            if !dir.join(twin).exists() {
                report.push(format!("{}: no {twin}", relative(dir)));
            }
        }
        if path.file_name().is_some_and(|n| n == "corrected.plan") {
            let name = relative(path);
            let (diagnostics, found) = diagnose(&name, &read(path));
            for (d, f) in diagnostics.iter().zip(&found) {
                if d.is_error() {
                    report.push(format!(
                        "{name}:{}: error {}: {}",
                        f.line, f.code, f.message
                    ));
                }
            }
        }
    }
    report.dedup();
    fail_on(report);
}

/// The annotations are comments, which `perfplan fmt` keeps: every corpus
/// plan the formatter accepts (every corrected one among them), formatted,
/// still reports what its annotations say, and keeps all of them.
#[test]
fn annotations_survive_the_formatter() {
    let mut report = Vec::new();
    let mut formatted_count = 0;
    for path in corpus() {
        let name = relative(&path);
        let text = read(&path);
        let formatted = match format(&text, FmtOptions::default()) {
            Ok(formatted) => formatted,
            Err(_) if !name.ends_with("corrected.plan") => continue,
            Err(d) => {
                report.push(format!("{name}: does not format: {:?}", d[0].code));
                continue;
            }
        };
        formatted_count += 1;
        let count = |t: &str| annotations(&name, t).len();
        if count(&text) != count(&formatted) {
            report.push(format!("{name}: formatting lost annotations"));
        }
        // `fmt` drops a trailing `。`/`；`: the W0009 annotated there is fixed.
        let fixed = |line: &String| line.contains("missing W0009");
        let differences = compare(&format!("{name} (formatted)"), &formatted);
        report.extend(differences.into_iter().filter(|l| !fixed(l)));
    }
    assert!(
        formatted_count >= 12,
        "only {formatted_count} plans formatted"
    );
    fail_on(report);
}

// ------------------------------------------------------------ tolerance

/// The pairs of `tests/tolerance/`: each broken plan and its fixed twin.
fn tolerance_pairs() -> Vec<(PathBuf, PathBuf)> {
    let pairs: Vec<_> = plans_under(&root().join("tolerance"))
        .into_iter()
        .filter(|p| !p.to_string_lossy().ends_with(".fixed.plan"))
        .map(|p| {
            let fixed = p.with_extension("fixed.plan");
            assert!(fixed.exists(), "{} has no .fixed.plan", relative(&p));
            (p, fixed)
        })
        .collect();
    assert!(pairs.len() >= 5, "the tolerance pairs were not found");
    pairs
}

/// Whether a diagnostic says a line or value could not be read, or was
/// read loosely (W0009, W0109): what a fixed line no longer has.
fn reads_a_line(d: &Diagnostic) -> bool {
    is_syntax_error(d) || d.code == "W0009" || d.code == "W0109"
}

/// The rules' findings: (line, code, message) of every diagnostic that is
/// not about reading a line.
fn findings(diagnostics: &[Diagnostic], found: &[Found]) -> BTreeSet<Found> {
    diagnostics
        .iter()
        .zip(found)
        .filter(|(d, _)| !reads_a_line(d))
        .map(|(_, f)| f.clone())
        .collect()
}

/// A broken plan reports every finding of the rules that its fixed twin
/// reports, and no other; each broken line has exactly one syntax or value
/// diagnostic, and no other line has one. The fixed plan reads whole and
/// has several findings.
#[test]
fn broken_lines_hide_no_other_defect() {
    let mut report = Vec::new();
    for (broken_path, fixed_path) in tolerance_pairs() {
        let name = relative(&broken_path);
        let (broken_text, fixed_text) = (read(&broken_path), read(&fixed_path));
        let broken_lines: Vec<usize> = broken_text
            .lines()
            .zip(fixed_text.lines())
            .enumerate()
            .filter(|(_, (b, f))| b != f)
            .map(|(i, _)| i + 1)
            .collect();
        assert_eq!(
            broken_text.lines().count(),
            fixed_text.lines().count(),
            "{name}: the fixed plan has other lines"
        );
        assert!(
            (1..=2).contains(&broken_lines.len()),
            "{name}: {} broken lines",
            broken_lines.len()
        );
        let (bd, bf) = diagnose(&name, &broken_text);
        let (fd, ff) = diagnose(&relative(&fixed_path), &fixed_text);
        if let Some((_, f)) = fd.iter().zip(&ff).find(|(d, _)| reads_a_line(d)) {
            report.push(format!(
                "{name}: the fixed plan has {} on line {}",
                f.code, f.line
            ));
        }
        let (broken, fixed) = (findings(&bd, &bf), findings(&fd, &ff));
        if fixed.len() < 3 {
            report.push(format!(
                "{name}: only {} finding(s) in the fixed plan",
                fixed.len()
            ));
        }
        for f in fixed.difference(&broken) {
            report.push(format!(
                "{name}:{}: hidden by the broken line(s): {} {}",
                f.line, f.code, f.message
            ));
        }
        for f in broken.difference(&fixed) {
            report.push(format!(
                "{name}:{}: only in the broken plan: {} {}",
                f.line, f.code, f.message
            ));
        }
        let reading: Vec<(&Found, bool)> = bd
            .iter()
            .zip(&bf)
            .filter(|(d, _)| reads_a_line(d))
            .map(|(d, f)| (f, is_syntax_error(d)))
            .collect();
        for line in &broken_lines {
            let on_it: Vec<_> = reading.iter().filter(|(f, _)| f.line == *line).collect();
            if on_it.len() != 1 || !on_it[0].1 {
                report.push(format!(
                    "{name}:{line}: not one syntax or value error but {on_it:?}"
                ));
            }
        }
        for (f, _) in reading
            .iter()
            .filter(|(f, _)| !broken_lines.contains(&f.line))
        {
            report.push(format!(
                "{name}:{}: {} on a line that is not broken: {}",
                f.line, f.code, f.message
            ));
        }
    }
    fail_on(report);
}
