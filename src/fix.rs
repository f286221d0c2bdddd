//! Applying the checker's fixes to a plan's text: `perfplan check --fix`
//! and the editor's quick fixes.
//!
//! A diagnostic may carry one [`Fix`] (its edits go together or not at
//! all). [`apply`] takes the fixes of one file that do not overlap, in
//! order of position; [`fix_plan`] checks, applies and checks again until
//! nothing is left to fix, as `cargo fix` and `ruff --fix` do, so a fix
//! that only becomes possible once another is made is made too.
//!
//! Edits are made on the text exactly as read (a lone `\r` stays a lone
//! `\r`): [`SourceFile`] keeps every byte offset of the file, so a span
//! from a diagnostic is a span of that text.

use crate::check::{Options, check_outline};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::source::{FileId, SourceFile, SourceMap};

/// After this many rounds the loop stops: a fix that undoes another would
/// otherwise go on for ever.
pub const MAX_ROUNDS: usize = 10;

/// The fixes of `diagnostics` that may be applied: the safe ones, or every
/// one when `unsafe_too`.
pub fn applicable(diagnostics: &[Diagnostic], unsafe_too: bool) -> impl Iterator<Item = &Fix> {
    diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(move |f| unsafe_too || f.applicability == Applicability::Safe)
}

/// `text` (the file `file`) with as many of `fixes` applied as do not
/// overlap, earliest first, and how many were applied. A fix with an edit
/// in another file, or out of the text, or not on a character boundary,
/// is left out.
pub fn apply<'f>(
    text: &str,
    file: FileId,
    fixes: impl IntoIterator<Item = &'f Fix>,
) -> (String, usize) {
    let mut chosen: Vec<&Edit> = Vec::new();
    let mut count = 0;
    let mut candidates: Vec<&Fix> = fixes
        .into_iter()
        .filter(|f| !f.edits.is_empty() && f.edits.iter().all(|e| e.file == file && fits(text, e)))
        .collect();
    candidates.sort_by_key(|f| f.edits.iter().map(|e| (e.span.start, e.span.end)).min());
    for fix in candidates {
        if fix
            .edits
            .iter()
            .any(|e| chosen.iter().any(|c| overlap(c, e)))
        {
            continue;
        }
        chosen.extend(fix.edits.iter());
        count += 1;
    }
    chosen.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for edit in chosen {
        let range = edit.span.range();
        out.push_str(text.get(copied..range.start).unwrap_or(""));
        out.push_str(&edit.replacement);
        copied = range.end;
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    (out, count)
}

/// Whether an edit's span lies in `text` on character boundaries.
fn fits(text: &str, edit: &Edit) -> bool {
    let r = edit.span.range();
    r.start <= r.end && text.get(r).is_some()
}

/// Whether two edits touch the same text. Two insertions at one place
/// overlap (their order would be a guess); an insertion at the edge of a
/// replacement does not.
fn overlap(a: &Edit, b: &Edit) -> bool {
    let (a, b) = (a.span.range(), b.span.range());
    if a.start == b.start {
        return true;
    }
    a.start < b.end && b.start < a.end
}

/// One file of a plan to fix: its name and its text as read.
#[derive(Clone, Debug)]
pub struct FixFile {
    pub name: String,
    pub text: String,
    /// How many fixes were applied to it.
    pub fixed: usize,
}

/// What [`fix_plan`] did: each file's new text and count, and the
/// diagnostics of the plan as fixed.
#[derive(Debug)]
pub struct Fixed {
    pub files: Vec<FixFile>,
    pub sources: SourceMap,
    pub diagnostics: Vec<Diagnostic>,
    /// The rounds it took (at most [`MAX_ROUNDS`]).
    pub rounds: usize,
}

impl Fixed {
    /// How many fixes were applied in all.
    pub fn total(&self) -> usize {
        self.files.iter().map(|f| f.fixed).sum()
    }
}

/// Checks the plan made of `files`, applies the fixes found (the safe ones,
/// or all with `unsafe_too`), and checks again, until a round applies
/// nothing or [`MAX_ROUNDS`] have run.
pub fn fix_plan(files: Vec<(String, String)>, options: &Options, unsafe_too: bool) -> Fixed {
    let mut files: Vec<FixFile> = files
        .into_iter()
        .map(|(name, text)| FixFile {
            name,
            text,
            fixed: 0,
        })
        .collect();
    let mut rounds = 0;
    loop {
        let sources = source_map(&files);
        let diagnostics = check_outline(&sources, options).diagnostics;
        let mut applied = 0;
        if rounds < MAX_ROUNDS {
            for (i, file) in files.iter_mut().enumerate() {
                let id = FileId(i as u32);
                let (text, n) = apply(&file.text, id, applicable(&diagnostics, unsafe_too));
                if n > 0 {
                    file.text = text;
                    file.fixed += n;
                    applied += n;
                }
            }
        }
        if applied == 0 {
            return Fixed {
                files,
                sources,
                diagnostics,
                rounds,
            };
        }
        rounds += 1;
    }
}

/// A source map of the files, with ids in their order.
fn source_map(files: &[FixFile]) -> SourceMap {
    let mut sources = SourceMap::new();
    for f in files {
        sources.add(SourceFile::new(f.name.clone(), f.text.clone()));
    }
    sources
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Message;
    use crate::source::Span;

    fn fix(start: usize, end: usize, with: &str) -> Fix {
        Fix::safe(Message::new("", ""), FileId(0), Span::new(start, end), with)
    }

    #[test]
    fn applies_fixes_in_order_of_position() {
        let fixes = [fix(5, 8, ","), fix(0, 0, "# ")];
        let (text, n) = apply("a b c，d", FileId(0), &fixes);
        assert_eq!((text.as_str(), n), ("# a b c,d", 2));
    }

    #[test]
    fn leaves_an_overlapping_fix_for_the_next_round() {
        let fixes = [fix(0, 3, "x"), fix(2, 4, "y"), fix(1, 1, "z")];
        let (text, n) = apply("abcdef", FileId(0), &fixes);
        assert_eq!((text.as_str(), n), ("xdef", 1));
    }

    #[test]
    fn skips_an_edit_off_a_character_boundary_or_in_another_file() {
        let mut other = fix(0, 1, "x");
        other.edits[0].file = FileId(1);
        let fixes = [fix(1, 2, "x"), other];
        let (text, n) = apply("中文", FileId(0), &fixes);
        assert_eq!((text.as_str(), n), ("中文", 0));
    }

    #[test]
    fn fixes_a_plan_until_nothing_is_left_to_fix() {
        let text = "计划 2024 \"某局\" {\n  框架 classic；\n}\n";
        let fixed = fix_plan(
            vec![("a.plan".into(), text.into())],
            &Options::default(),
            false,
        );
        assert_eq!(
            fixed.files[0].text,
            "计划 2024 \"某局\" {\n  框架 classic\n}\n"
        );
        assert_eq!(fixed.total(), 1);
        assert!(fixed.diagnostics.iter().all(|d| d.fix.is_none()));
    }
}
