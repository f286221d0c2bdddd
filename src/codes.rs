//! The diagnostic codes of the syntax and the values, and the type of a
//! code's documentation.
//!
//! A code never changes its meaning once published. `E00xx` are syntax
//! errors, `E01xx` malformed values. Each entry carries the documentation
//! that `perfplan explain CODE` prints: what it checks, why it matters, an
//! example and the fix; that of the syntax and value codes is in
//! `src/codes/` (`E0001.zh.md`, `E0001.en.md` …).
//!
//! This module is at the bottom: the value modules, the parser and every
//! rule use it, and it uses nothing above it. The registry of every code,
//! the rules' included, is in `src/rules/registry.rs`.

use crate::diagnostic::{Lang, Severity};

pub const SYNTAX: &str = "E0001";
pub const UNKNOWN_KEYWORD: &str = "E0002";
pub const UNTERMINATED_STRING: &str = "E0003";
pub const FULLWIDTH: &str = "E0004";
pub const UNCLOSED_BLOCK: &str = "E0005";
pub const UNMATCHED_BRACE: &str = "E0006";
pub const BAD_ESCAPE: &str = "E0007";
pub const MISPLACED: &str = "E0008";
pub const TRAILING_MARK: &str = "W0009";
pub const CONTROL_CHAR: &str = "E0010";
pub const BIDI_CONTROL: &str = "W0011";
pub const MALFORMED_NUMBER: &str = "E0101";
pub const NUMBER_TOO_LARGE: &str = "E0102";
pub const UNKNOWN_UNIT: &str = "E0103";
pub const MALFORMED_DATE: &str = "E0104";
pub const BAD_COMPARATOR: &str = "E0105";
pub const BAD_YEAR: &str = "E0106";
pub const NOT_MONEY_UNIT: &str = "E0107";
pub const BAD_PATH: &str = "E0108";
pub const LOOSE_UNIT: &str = "W0109";
pub const NOT_YES_NO: &str = "E0110";

/// The documentation of one code: what it checks, why it matters, an
/// example and the fix, in Chinese and in English.
///
/// Each language is a Markdown file beside the module that defines the
/// code, included at compile time: the rule `src/rules/money/sources_sum.rs`
/// has `sources_sum.zh.md` and `sources_sum.en.md`, and the syntax codes
/// have theirs in `src/codes/` (`E0001.zh.md` …). A file is a line
/// `# <title>`, a blank line, then the body (`## 检查什么` …), which
/// `perfplan explain` prints and `docs/diagnostics*.md` gathers. Build one
/// with `code_doc!`: `code_doc!("E0302", Error, "sources_sum")`.
pub struct CodeDoc {
    pub code: &'static str,
    pub severity: Severity,
    /// The Chinese file: title line, blank line, body.
    pub zh: &'static str,
    /// The English file.
    pub en: &'static str,
}

/// A [`CodeDoc`] from a code, its default severity (`Error` or `Warning`)
/// and the stem of its two files, relative to the file that invokes the
/// macro: `code_doc!("E0302", Error, "sources_sum")` includes
/// `sources_sum.zh.md` and `sources_sum.en.md` beside it.
macro_rules! code_doc {
    ($code:expr, $severity:ident, $stem:literal) => {
        $crate::codes::CodeDoc {
            code: $code,
            severity: $crate::diagnostic::Severity::$severity,
            zh: include_str!(concat!($stem, ".zh.md")),
            en: include_str!(concat!($stem, ".en.md")),
        }
    };
}
pub(crate) use code_doc;

impl CodeDoc {
    /// The file of one language.
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }

    /// The title: the file's first line, without its `# `.
    pub fn title(&self, lang: Lang) -> &'static str {
        split(self.text(lang)).0
    }

    /// The body: what follows the title and the blank line, without the
    /// file's final newline.
    pub fn doc(&self, lang: Lang) -> &'static str {
        split(self.text(lang)).1
    }
}

/// A documentation file's title and body.
fn split(text: &'static str) -> (&'static str, &'static str) {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let title = first.strip_prefix("# ").unwrap_or(first);
    let body = rest.strip_prefix('\n').unwrap_or(rest);
    (title.trim_end(), body.trim_end())
}

/// The syntax and value codes, in order.
pub static CODES: &[CodeDoc] = &[
    code_doc!(SYNTAX, Error, "codes/E0001"),
    code_doc!(UNKNOWN_KEYWORD, Error, "codes/E0002"),
    code_doc!(UNTERMINATED_STRING, Error, "codes/E0003"),
    code_doc!(FULLWIDTH, Error, "codes/E0004"),
    code_doc!(UNCLOSED_BLOCK, Error, "codes/E0005"),
    code_doc!(UNMATCHED_BRACE, Error, "codes/E0006"),
    code_doc!(BAD_ESCAPE, Error, "codes/E0007"),
    code_doc!(MISPLACED, Error, "codes/E0008"),
    code_doc!(TRAILING_MARK, Warning, "codes/W0009"),
    code_doc!(CONTROL_CHAR, Error, "codes/E0010"),
    code_doc!(BIDI_CONTROL, Warning, "codes/W0011"),
    code_doc!(MALFORMED_NUMBER, Error, "codes/E0101"),
    code_doc!(NUMBER_TOO_LARGE, Error, "codes/E0102"),
    code_doc!(UNKNOWN_UNIT, Error, "codes/E0103"),
    code_doc!(MALFORMED_DATE, Error, "codes/E0104"),
    code_doc!(BAD_COMPARATOR, Error, "codes/E0105"),
    code_doc!(BAD_YEAR, Error, "codes/E0106"),
    code_doc!(NOT_MONEY_UNIT, Error, "codes/E0107"),
    code_doc!(BAD_PATH, Error, "codes/E0108"),
    code_doc!(LOOSE_UNIT, Warning, "codes/W0109"),
    code_doc!(NOT_YES_NO, Error, "codes/E0110"),
];
