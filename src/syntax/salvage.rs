//! Salvaging the first line of a plan or project block that did not parse.
//!
//! A broken head would otherwise hide its whole block: every statement in
//! it is still checked for syntax, but the rules would not see the
//! project, and a broken plan header would drop the plan's settings and
//! units. Real tables give heads such as `计划 2025年 "教育局" {` or
//! `项目 p1 校舍维修 {`; when the keyword and what identifies the block can
//! still be read, the block is kept with them. The line's diagnostic has
//! been reported; these heads are never built into a plan (a plan with an
//! error is not built).

use super::keywords::{self, Kw};
use super::layout;
use crate::ast::{Ident, Keyword, PlanHeader, Project, Text, TextForm, Year};
use crate::source::Span;

/// A plan header from a broken `计划 …{` line whose year (four digits)
/// reads; the department is the first text in quotes, or empty.
pub fn plan_head(content: &str, base: usize) -> Option<PlanHeader> {
    let keyword = head_keyword(content, base, Kw::Plan)?;
    let at = content.find(|c: char| c.is_ascii_digit())?;
    let digits = &content[at..];
    let len = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    let value: u16 = digits.get(..len).filter(|d| d.len() == 4)?.parse().ok()?;
    Some(PlanHeader {
        keyword,
        year: Year {
            value,
            span: Span::new(base + at, base + at + len),
        },
        department: first_text(content, base).unwrap_or_else(|| empty_text(base + content.len())),
        body: Vec::new(),
        broken: Vec::new(),
        span: Span::new(base, base + content.len()),
    })
}

/// A project from a broken `项目 标识 名称 {` line whose identifier reads;
/// its name is the first text in quotes, else the words before `{`.
pub fn project_head(content: &str, base: usize) -> Option<Project> {
    let keyword = head_keyword(content, base, Kw::Project)?;
    let after_kw = keyword.span.end as usize - base;
    let rest = content.get(after_kw..)?;
    let skipped = rest.len() - rest.trim_start_matches(is_gap).len();
    let id_at = after_kw + skipped;
    let word = layout::first_word(content.get(id_at..)?);
    if word.is_empty() || !word.chars().all(is_ident_char) {
        return None;
    }
    let id = Ident {
        name: word.to_string(),
        span: Span::new(base + id_at, base + id_at + word.len()),
    };
    let name_from = id_at + word.len();
    let name = first_text(content, base)
        .or_else(|| bare_name(content, name_from, base))
        .unwrap_or_else(|| empty_text(base + content.len()));
    Some(Project {
        keyword,
        id,
        name,
        body: Vec::new(),
        broken: Vec::new(),
        span: Span::new(base, base + content.len()),
    })
}

/// The keyword that starts the line, when it is `kw`.
fn head_keyword(content: &str, base: usize, kw: Kw) -> Option<Keyword> {
    let word = layout::first_word(content);
    let (found, lang) = keywords::lookup(word)?;
    (found == kw).then_some(Keyword {
        kw,
        lang,
        span: Span::new(base, base + word.len()),
    })
}

/// The first text in `"…"` or `“…”` on the line.
fn first_text(content: &str, base: usize) -> Option<Text> {
    let (open, quote) = content
        .char_indices()
        .find(|(_, c)| matches!(c, '"' | '“'))?;
    let close_char = if quote == '"' { '"' } else { '”' };
    let inner = open + quote.len_utf8();
    let len = content.get(inner..)?.find(close_char)?;
    let end = inner + len + close_char.len_utf8();
    Some(Text {
        value: content.get(inner..inner + len)?.to_string(),
        form: if quote == '"' {
            TextForm::Quoted
        } else {
            TextForm::Chinese
        },
        span: Span::new(base + open, base + end),
    })
}

/// The words between `from` and the `{` that ends the line, as a name.
fn bare_name(content: &str, from: usize, base: usize) -> Option<Text> {
    let rest = content.get(from..)?;
    let body = rest.trim_end().trim_end_matches(['{', '｛']).trim_end();
    let lead = body.len() - body.trim_start_matches(is_gap).len();
    let value = body.get(lead..)?;
    if value.is_empty() {
        return None;
    }
    Some(Text {
        value: value.to_string(),
        form: TextForm::Bare,
        span: Span::new(base + from + lead, base + from + body.len()),
    })
}

fn empty_text(at: usize) -> Text {
    Text {
        value: String::new(),
        form: TextForm::Quoted,
        span: Span::new(at, at),
    }
}

fn is_gap(c: char) -> bool {
    c.is_whitespace() || matches!(c, ':' | '：')
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_head_with_a_year_in_words_keeps_year_and_department() {
        let h = plan_head("计划 2025年 \"教育局\" {", 10);
        let h = h.expect("salvaged");
        assert_eq!(h.year.value, 2025);
        assert_eq!(h.year.span, Span::new(17, 21));
        assert_eq!(h.department.value, "教育局");
        assert!(plan_head("计划 二〇二五 {", 0).is_none());
        assert!(plan_head("项目 2025 {", 0).is_none());
    }

    #[test]
    fn a_project_head_keeps_its_id_and_name() {
        let p = project_head("项目 p1 校舍维修 {", 0).expect("salvaged");
        assert_eq!(p.id.name, "p1");
        assert_eq!(p.name.value, "校舍维修");
        let p = project_head("项目：校舍 \"校舍维修\" 2025 {", 0).expect("salvaged");
        assert_eq!(
            (p.id.name.as_str(), p.name.value.as_str()),
            ("校舍", "校舍维修")
        );
        assert!(project_head("项目 \"校舍维修\" {", 0).is_none());
    }
}
