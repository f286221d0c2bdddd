//! `perfplan fmt`: the canonical layout of a plan file.
//!
//! The formatter prints the syntax tree back, losing nothing: every comment
//! stays beside the statement it belongs to, numbers keep their written
//! precision, texts keep their words, and the formatted file means exactly
//! what the original meant (it compiles to the same JSON). Only layout and
//! spelling change: one statement per line, two-space indentation, at most
//! one blank line, indicator rows aligned in columns (by display width, a
//! CJK character being two columns), accepted full-width marks written in
//! ASCII, comparators as symbols, keywords in one language.

mod comments;

/// Every keyword of a file (the editor's completion reads its languages).
pub(crate) use comments::keywords as file_keywords;
mod print;

use crate::ast::{self, Item};
use crate::diagnostic::{Diagnostic, Lang};
use crate::sema::profile::{self, Profile};
use crate::source::FileId;

/// How to format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The keyword language; `None` keeps the file's dominant one.
    pub keywords: Option<Lang>,
}

/// Formats a file, or returns its syntax diagnostics when it does not
/// parse cleanly (a file that does not parse is never rewritten).
pub fn format(text: &str, options: Options) -> Result<String, Vec<Diagnostic>> {
    // A lone `\r` ends a line, as when the file is read (`SourceFile`).
    let text = &*crate::source::unify_line_ends(text);
    let (file, diagnostics) = crate::syntax::parse(FileId(0), text);
    // Warnings of the reading (a trailing `。`, a loose unit) leave the
    // tree whole: the file is formatted, and a trailing mark, which the
    // tree does not hold, is dropped, as the warning asks.
    if crate::diagnostic::error_count(&diagnostics) > 0 {
        return Err(diagnostics);
    }
    let lang = options.keywords.unwrap_or_else(|| dominant_language(&file));
    let profile = file_profile(&file);
    Ok(print::Printer::new(text, &file, lang, profile.as_ref()).print())
}

/// The profile a file's paths are written against: the one its header
/// names (built in or declared in the file), else `classic`.
fn file_profile(file: &ast::File) -> Option<Profile> {
    let mut name = "classic".to_string();
    for item in &file.items {
        if let Item::Plan(h) = item {
            for stmt in &h.body {
                if let ast::PlanStmt::Framework { name: n, .. } = stmt {
                    name = n.value.clone();
                }
            }
        }
    }
    let declared = file.items.iter().find_map(|i| match i {
        Item::Profile(d) if d.name.name == name => Some(Profile::from_def(d, file.id).0),
        _ => None,
    });
    declared.or_else(|| profile::builtin().iter().find(|p| p.name == name).cloned())
}

/// The language most of a file's keywords are written in (Chinese on a
/// tie).
pub fn dominant_language(file: &ast::File) -> Lang {
    let mut counts = (0usize, 0usize);
    for kw in comments::keywords(file) {
        match kw.lang {
            Lang::Zh => counts.0 += 1,
            Lang::En => counts.1 += 1,
        }
    }
    if counts.1 > counts.0 {
        Lang::En
    } else {
        Lang::Zh
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trailing_mark_is_dropped_and_a_broken_line_refused() {
        let plan = "项目 a \"x\" {\n  产出.质量 \"合格率\" ≥ 95%以上。\n}\n";
        let formatted = format(plan, Options::default()).expect("only a warning");
        assert!(formatted.contains("\"合格率\" ≥ 95%\n"), "{formatted}");
        assert!(format("项目 a \"x\" {\n  资金 五十\n}\n", Options::default()).is_err());
    }
}
