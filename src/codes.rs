//! The registry of diagnostic codes.
//!
//! A code never changes its meaning once published. `E00xx` are syntax
//! errors, `E01xx` malformed values. Each entry carries the documentation
//! that `perfplan explain CODE` prints: what it checks, why it matters, an
//! example and the fix; that of the syntax and value codes is in
//! `src/codes/` (`E0001.zh.md`, `E0001.en.md` …).

use crate::diagnostic::{Lang, Severity};

pub const SYNTAX: &str = "E0001";
pub const UNKNOWN_KEYWORD: &str = "E0002";
pub const UNTERMINATED_STRING: &str = "E0003";
pub const FULLWIDTH: &str = "E0004";
pub const UNCLOSED_BLOCK: &str = "E0005";
pub const UNMATCHED_BRACE: &str = "E0006";
pub const BAD_ESCAPE: &str = "E0007";
pub const MISPLACED: &str = "E0008";
pub const MALFORMED_NUMBER: &str = "E0101";
pub const NUMBER_TOO_LARGE: &str = "E0102";
pub const UNKNOWN_UNIT: &str = "E0103";
pub const MALFORMED_DATE: &str = "E0104";
pub const BAD_COMPARATOR: &str = "E0105";
pub const BAD_YEAR: &str = "E0106";
pub const NOT_MONEY_UNIT: &str = "E0107";
pub const BAD_PATH: &str = "E0108";

/// The documentation of one code: what it checks, why it matters, an
/// example and the fix, in Chinese and in English.
///
/// Each language is a Markdown file beside the module that defines the
/// code, included at compile time: the rule `src/rules/money/sources_sum.rs`
/// has `sources_sum.zh.md` and `sources_sum.en.md`, and the syntax codes
/// have theirs in `src/codes/` (`E0001.zh.md` …). A file is a line
/// `# <title>`, a blank line, then the body (`## 检查什么` …), which
/// `perfplan explain` prints and `docs/diagnostics*.md` gathers. Build one
/// with [`code_doc!`]: `code_doc!("E0302", Error, "sources_sum")`.
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

/// Every documented code: the syntax codes, then each rule's, in order.
pub fn all() -> impl Iterator<Item = &'static CodeDoc> {
    CODES.iter().chain(crate::rules::all().map(|r| &r.doc))
}

/// Looks a code up, case-insensitively.
pub fn lookup(code: &str) -> Option<&'static CodeDoc> {
    all().find(|c| c.code.eq_ignore_ascii_case(code))
}

pub static CODES: &[CodeDoc] = &[
    code_doc!(SYNTAX, Error, "codes/E0001"),
    code_doc!(UNKNOWN_KEYWORD, Error, "codes/E0002"),
    code_doc!(UNTERMINATED_STRING, Error, "codes/E0003"),
    code_doc!(FULLWIDTH, Error, "codes/E0004"),
    code_doc!(UNCLOSED_BLOCK, Error, "codes/E0005"),
    code_doc!(UNMATCHED_BRACE, Error, "codes/E0006"),
    code_doc!(BAD_ESCAPE, Error, "codes/E0007"),
    code_doc!(MISPLACED, Error, "codes/E0008"),
    code_doc!(MALFORMED_NUMBER, Error, "codes/E0101"),
    code_doc!(NUMBER_TOO_LARGE, Error, "codes/E0102"),
    code_doc!(UNKNOWN_UNIT, Error, "codes/E0103"),
    code_doc!(MALFORMED_DATE, Error, "codes/E0104"),
    code_doc!(BAD_COMPARATOR, Error, "codes/E0105"),
    code_doc!(BAD_YEAR, Error, "codes/E0106"),
    code_doc!(NOT_MONEY_UNIT, Error, "codes/E0107"),
    code_doc!(BAD_PATH, Error, "codes/E0108"),
];

/// The reference of every code as Markdown, in one language: the source of
/// `docs/diagnostics.md` (Chinese) and `docs/diagnostics.en.md` (English).
pub fn markdown(lang: Lang) -> String {
    let (title, intro, level_error, level_warning) = match lang {
        Lang::Zh => (
            "# 诊断代码",
            "本页由 `src/codes.rs` 与 `src/rules/` 中的文档生成（`cargo test --test docs`），请勿手改。`perfplan explain CODE` 显示同样的内容。\n\nE 开头的是错误：计划不成立，`perfplan check` 以 1 退出。W 开头的是警告（lint）：可在计划头部用 `允许`/`警告`/`禁止`，或在命令行用 `-A`/`-W`/`-D` 调整级别。",
            "错误",
            "警告",
        ),
        Lang::En => (
            "# Diagnostic codes",
            "Generated from the documentation in `src/codes.rs` and `src/rules/` (`cargo test --test docs`); do not edit by hand. `perfplan explain CODE` shows the same text.\n\nE codes are errors: the plan does not hold and `perfplan check` exits 1. W codes are warnings (lints): set their level with `allow`/`warn`/`deny` in the plan header or `-A`/`-W`/`-D` on the command line.",
            "error",
            "warning",
        ),
    };
    let mut out = format!("{title}\n\n{intro}\n\n");
    for doc in all() {
        out.push_str(&format!(
            "- [{}](#{}) {}\n",
            doc.code,
            doc.code.to_lowercase(),
            doc.title(lang)
        ));
    }
    for doc in all() {
        let level = match doc.severity {
            Severity::Error => level_error,
            Severity::Warning => level_warning,
        };
        let body = doc.doc(lang).replace("\n## ", "\n### ");
        let body = body
            .strip_prefix("## ")
            .map_or(body.clone(), |b| format!("### {b}"));
        out.push_str(&format!(
            "\n## {}\n\n**{}** — {}\n\n{}\n",
            doc.code,
            doc.title(lang),
            level,
            body
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for c in all() {
            assert!(seen.insert(c.code), "{} twice", c.code);
            for lang in [Lang::Zh, Lang::En] {
                let text = c.text(lang);
                assert!(text.starts_with("# "), "{}: no `# title` line", c.code);
                assert!(!c.title(lang).is_empty() && !c.doc(lang).is_empty());
                assert_eq!(
                    text,
                    format!("# {}\n\n{}\n", c.title(lang), c.doc(lang)),
                    "{}: not `# title`, a blank line, the body",
                    c.code
                );
            }
        }
        assert!(lookup("e0103").is_some());
    }
}
