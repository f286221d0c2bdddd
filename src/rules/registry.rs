//! The registry of every diagnostic code: the syntax and value codes of
//! [`crate::codes`], then each rule's, in order. `perfplan explain`, the
//! lint settings and `docs/diagnostics*.md` look codes up here.
//!
//! It sits above the rules, which it lists; `codes` below knows nothing of
//! them. The lint rules ([`super::lint`], E0609) look codes up here too.

use crate::codes::{self, CodeDoc};
use crate::diagnostic::{Lang, Severity};

/// Every documented code: the syntax codes, then each rule's, in order.
pub fn all() -> impl Iterator<Item = &'static CodeDoc> {
    codes::CODES.iter().chain(super::all().map(|r| &r.doc))
}

/// Looks a code up, case-insensitively.
pub fn lookup(code: &str) -> Option<&'static CodeDoc> {
    all().find(|c| c.code.eq_ignore_ascii_case(code))
}

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
