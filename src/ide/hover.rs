//! Hover cards: a diagnostic code (its `perfplan explain` text), an
//! indicator (levels, target, unit, basis, description, weight), a project
//! id (name, code, unit, funds) and a budget unit's code (its name and
//! projects). Labels are in the asked language; the plan's own words stay
//! as written.

use super::navigation::{self, Name};
use super::{Doc, Hover};
use crate::ast::{self, Item, OverallStmt, PlanStmt, ProjectStmt, TargetKind};
use crate::diagnostic::{Lang, Severity};
use crate::rules::registry;
use crate::sema::{In, funds_of, indicators_of};
use crate::source::Span;

/// The card for what is under the offset.
pub(super) fn hover(doc: &Doc, lang: Lang) -> Option<Hover> {
    if let Some(card) = code_card(doc, lang) {
        return Some(card);
    }
    if let Some(at) = navigation::occurrence_at(doc.tree, doc.offset) {
        let markdown = match at.name {
            Name::Project(id) => project_card(doc, id, lang),
            Name::Unit(code) => unit_card(doc, code, lang),
        };
        return Some(Hover {
            span: at.span,
            markdown,
        });
    }
    indicator_card(doc, lang)
}

// ---------------------------------------------------------------- codes

/// A diagnostic code written in the text (`允许 W0508`, a comment): its
/// title and documentation, as `perfplan explain` prints them.
fn code_card(doc: &Doc, lang: Lang) -> Option<Hover> {
    let span = ascii_word_at(doc.text, doc.offset)?;
    let word = doc.slice(span);
    if !looks_like_code(word) {
        return None;
    }
    let entry = registry::lookup(word)?;
    let level = match (entry.severity, lang) {
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Warning, Lang::Zh) => "警告",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
    };
    let markdown = format!(
        "**{}** ({}): {}\n\n{}",
        entry.code,
        level,
        entry.title(lang),
        entry.doc(lang)
    );
    Some(Hover { span, markdown })
}

/// `E0103`, `W0508`: a letter and four digits.
fn looks_like_code(word: &str) -> bool {
    let mut chars = word.chars();
    let letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    letter && word.len() == 5 && chars.all(|c| c.is_ascii_digit())
}

/// The run of ASCII letters and digits around `offset`, if any.
fn ascii_word_at(text: &str, offset: usize) -> Option<Span> {
    let bytes = text.as_bytes();
    let is_word = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
    let mut start = offset.min(bytes.len());
    while start > 0 && is_word(start - 1) {
        start -= 1;
    }
    let mut end = offset.min(bytes.len());
    while is_word(end) {
        end += 1;
    }
    (start < end).then(|| Span::new(start, end))
}

// ---------------------------------------------------------------- projects

/// The card of a project: its name, code, unit and funds.
fn project_card(doc: &Doc, id: &str, lang: Lang) -> String {
    let Some(project) = doc.ctx.project(id) else {
        let missing = match lang {
            Lang::Zh => "计划中没有这个项目。",
            Lang::En => "No project of the plan has this id.",
        };
        return format!("**{}**\n\n{missing}", md(id));
    };
    let mut out = format!("**{}** {}\n", md(id), md(&project.name.value));
    let mut line = |label: String, value: String| {
        out.push_str(&format!("\n- {label}{value}"));
    };
    if let Some(code) = project_code(project.node) {
        line(label(lang, "编码", "Code"), md(code));
    }
    if let Some(code) = project_unit(project.node) {
        let name = unit_name(doc, code).map_or(String::new(), |n| format!(" {}", md(n)));
        line(
            label(lang, "预算单位", "Budget unit"),
            format!("{}{name}", md(code)),
        );
    }
    if let Some(funds) = funds_text(doc, project, lang) {
        line(label(lang, "资金", "Funds"), funds);
    }
    let count = indicators_of(project.node).count();
    line(
        label(lang, "指标", "Indicators"),
        match lang {
            Lang::Zh => format!("{count} 项"),
            Lang::En => count.to_string(),
        },
    );
    out
}

/// A label with its colon: `编码：` or `Code: `.
fn label(lang: Lang, zh: &str, en: &str) -> String {
    match lang {
        Lang::Zh => format!("{zh}："),
        Lang::En => format!("{en}: "),
    }
}

/// A project's `编码`.
fn project_code(p: &ast::Project) -> Option<&str> {
    p.body.iter().find_map(|s| match s {
        ProjectStmt::Code { code, .. } => Some(code.value.as_str()),
        _ => None,
    })
}

/// A project's `预算单位`.
fn project_unit(p: &ast::Project) -> Option<&str> {
    p.body.iter().find_map(|s| match s {
        ProjectStmt::Unit { code, .. } => Some(code.value.as_str()),
        _ => None,
    })
}

/// The name the header gives a unit code.
fn unit_name<'a>(doc: &Doc<'a>, code: &str) -> Option<&'a str> {
    doc.ctx.headers.iter().find_map(|h| {
        h.node.body.iter().find_map(|s| match s {
            PlanStmt::BudgetUnit(u) if u.code.value == code => Some(u.name.value.as_str()),
            _ => None,
        })
    })
}

/// `50.00 万元（财政 50.00）`: the project's total and each source, in the
/// plan's money unit.
fn funds_text(doc: &Doc, project: In<ast::Project>, lang: Lang) -> Option<String> {
    let total = doc.ctx.project_total(project)?;
    let mut out = format!(
        "{} {}",
        money(&total.value.to_string()),
        doc.ctx.money.word()
    );
    let sources: Vec<String> = funds_of(project.node)?
        .sources
        .iter()
        .map(|s| {
            let amount = doc.ctx.to_plan_unit(&s.amount).map_or_else(
                || s.amount.number.written.clone(),
                |v| money(&v.to_string()),
            );
            format!("{} {amount}", source_name(&s.kind, lang))
        })
        .collect();
    if !sources.is_empty() {
        let (open, sep, close) = match lang {
            Lang::Zh => ("（", "，", "）"),
            Lang::En => (" (", ", ", ")"),
        };
        out.push_str(&format!("{open}{}{close}", sources.join(sep)));
    }
    Some(out)
}

/// The name of a source of money, in the asked language; a named source
/// as written.
fn source_name(kind: &ast::SourceKind, lang: Lang) -> String {
    use crate::syntax::keywords::Kw;
    let kw = match kind {
        ast::SourceKind::Fiscal(_) => Kw::Fiscal,
        ast::SourceKind::Other(_) => Kw::Other,
        ast::SourceKind::Local(_) => Kw::Local,
        ast::SourceKind::Upper(_) => Kw::Upper,
        ast::SourceKind::SelfRaised(_) => Kw::SelfRaised,
        ast::SourceKind::Named(text) => return md(&text.value),
    };
    kw.spelling(lang).to_string()
}

// ---------------------------------------------------------------- units

/// The card of a budget unit: its name and the projects it carries out.
fn unit_card(doc: &Doc, code: &str, lang: Lang) -> String {
    let mut out = match unit_name(doc, code) {
        Some(name) => format!("**{}** {}\n", md(code), md(name)),
        None => format!(
            "**{}**\n\n{}\n",
            md(code),
            match lang {
                Lang::Zh => "计划头部没有声明这个预算单位。",
                Lang::En => "The plan header declares no budget unit of this code.",
            }
        ),
    };
    let projects: Vec<_> = doc
        .ctx
        .projects
        .iter()
        .filter(|p| project_unit(p.node) == Some(code))
        .collect();
    out.push_str(&format!(
        "\n{}{}\n",
        label(lang, "项目", "Projects"),
        projects.len()
    ));
    for p in projects {
        let funds = doc.ctx.project_total(*p).map_or(String::new(), |t| {
            format!(
                " — {} {}",
                money(&t.value.to_string()),
                doc.ctx.money.word()
            )
        });
        out.push_str(&format!(
            "\n- {} {}{funds}",
            md(&p.node.id.name),
            md(&p.node.name.value)
        ));
    }
    out
}

// ---------------------------------------------------------------- indicators

/// An indicator and what it inherits its basis from.
struct Found<'a> {
    indicator: &'a ast::Indicator,
    project: Option<&'a ast::Project>,
}

/// The card of the indicator on the offset's line.
fn indicator_card(doc: &Doc, lang: Lang) -> Option<Hover> {
    let found = indicator_at(doc)?;
    let i = found.indicator;
    let span = [i.path.span, i.name.span, i.target.span]
        .into_iter()
        .find(|s| navigation::contains(*s, doc.offset))
        .unwrap_or(i.span);
    let mut out = format!("**{}**", md(&i.name.value));
    if i.midterm.is_some() {
        out.push_str(match lang {
            Lang::Zh => "（中期指标）",
            Lang::En => " (mid-term)",
        });
    }
    out.push_str(&format!("\n\n{}\n", levels(doc, i, lang)));
    let mut line = |label: String, value: String| out.push_str(&format!("\n- {label}{value}"));
    line(label(lang, "目标值", "Target"), target_text(doc, i, lang));
    if let Some(unit) = measure_unit(i) {
        line(label(lang, "计量单位", "Measure unit"), md(unit));
    }
    if let Some(basis) = basis_text(doc, &found, lang) {
        line(label(lang, "依据", "Basis"), basis);
    }
    if let Some(desc) = i.description() {
        line(label(lang, "描述", "Description"), md(&desc.value));
    }
    if let Some(weight) = i.weight() {
        line(label(lang, "分值", "Weight"), md(&weight.written));
    }
    Some(Hover {
        span,
        markdown: out,
    })
}

/// The indicator on the offset's line (from its first blank to its
/// comment).
fn indicator_at<'a>(doc: &Doc<'a>) -> Option<Found<'a>> {
    let line = doc.line_around(doc.offset);
    let on_line =
        |i: &ast::Indicator| i.span.start as usize <= line.end && line.start <= i.span.end as usize;
    for item in &doc.tree.items {
        match item {
            Item::Overall(o) => {
                let found = o.body.iter().find_map(|s| match s {
                    OverallStmt::Indicator(i) if on_line(i) => Some(&**i),
                    _ => None,
                });
                if let Some(indicator) = found {
                    return Some(Found {
                        indicator,
                        project: None,
                    });
                }
            }
            Item::Project(p) if navigation::contains(p.span, doc.offset) => {
                let indicator = indicators_of(p).find(|i| on_line(i))?;
                return Some(Found {
                    indicator,
                    project: Some(p),
                });
            }
            _ => {}
        }
    }
    None
}

/// `产出指标 › 数量指标`: the levels' official names, from the plan's
/// framework; the path as written when it does not resolve.
fn levels(doc: &Doc, i: &ast::Indicator, lang: Lang) -> String {
    let resolved = doc.ctx.resolve(i).and_then(|r| {
        let profile = doc.ctx.profile.as_ref()?;
        let level1 = profile.levels.get(r.level1)?;
        let level2 = profile.level2_of(r)?;
        Some((level1, level2))
    });
    match resolved {
        Some((l1, l2)) => {
            let names = format!("{} › {}", md(&l1.name), md(&l2.name));
            match (lang, &l1.english, &l2.english) {
                (Lang::En, Some(e1), Some(e2)) => format!("{names} ({e1} › {e2})"),
                _ => names,
            }
        }
        None => format!(
            "{} {}",
            md(&i.path.written()),
            match lang {
                Lang::Zh => "（框架中没有这个层级）",
                Lang::En => "(not a level of the framework)",
            }
        ),
    }
}

/// The target as written, on one line.
fn target_text(doc: &Doc, i: &ast::Indicator, lang: Lang) -> String {
    if matches!(i.target.kind, TargetKind::Broken) {
        return match lang {
            Lang::Zh => "（未能读取）".to_string(),
            Lang::En => "(does not read)".to_string(),
        };
    }
    md(&one_line(doc.slice(i.target.span)))
}

/// The unit of the table's `计量单位` column, else the target's own.
fn measure_unit(i: &ast::Indicator) -> Option<&str> {
    if let Some(unit) = i.measure_unit() {
        return Some(&unit.written);
    }
    let quantity = match &i.target.kind {
        TargetKind::Compare {
            value: ast::Operand::Quantity(q),
            ..
        }
        | TargetKind::Bare(q) => q,
        _ => return None,
    };
    quantity.unit.as_ref().map(|u| u.written.as_str())
}

/// The indicator's basis: its own, else its project's, else the plan's,
/// saying where an inherited one comes from.
fn basis_text(doc: &Doc, found: &Found, lang: Lang) -> Option<String> {
    if let Some(own) = found.indicator.basis() {
        return Some(md(&one_line(&own.value)));
    }
    let of_project = found.project.and_then(|p| {
        p.body.iter().find_map(|s| match s {
            ProjectStmt::Basis(t) => Some(&t.text.value),
            _ => None,
        })
    });
    let (basis, whose) = match of_project {
        Some(b) => (
            b,
            label_from(lang, "（项目的默认依据）", " (the project's default)"),
        ),
        None => {
            let header = doc.ctx.headers.first()?;
            let b = header.node.body.iter().find_map(|s| match s {
                PlanStmt::Basis(t) => Some(&t.text.value),
                _ => None,
            })?;
            (
                b,
                label_from(lang, "（计划的默认依据）", " (the plan's default)"),
            )
        }
    };
    Some(format!("{}{whose}", md(&one_line(basis))))
}

/// One of two fixed texts by language.
fn label_from(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A text on one line: its line breaks made spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An amount as the tables print it (`emit::layout::money`).
pub(super) use crate::emit::layout::money;

/// A plan's text escaped for Markdown, so that it shows as written.
pub(super) use crate::emit::markdown::escape as md;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Options;
    use crate::ide::Analysis;

    const PLAN: &str = "计划 2022 \"纪检会\" {\n  金额单位 万元\n  预算单位 222002 \"纪委\"\n  依据 \"年初计划\"\n  允许 W0506\n}\n\n分项目标 信息化 {\n  目标 \"建好平台\"\n}\n\n项目 信息化 \"信息化建设\" {\n  编码 P001\n  预算单位 222002\n  资金 500000元（财政 300000元，\"上年结转\" 20）\n  产出.数量 \"终端数量\" ≥ 20台 描述 \"采购终端\" 分值 10\n  中期 效益.社会效益 \"安全感\" 定性 \"提高\" 依据 \"调查\"\n  满意度.服务对象满意度 \"满意度\" ≥ 9 5%\n}\n";

    fn at(needle: &str, nth: usize) -> usize {
        PLAN.match_indices(needle).nth(nth).map_or(0, |(i, _)| i)
    }

    fn card(offset: usize, lang: Lang) -> String {
        let a = Analysis::new("a.plan", PLAN, &Options::default());
        a.hover(offset, lang).map_or(String::new(), |h| h.markdown)
    }

    #[test]
    fn a_code_gets_its_explanation() {
        let a = Analysis::new("a.plan", PLAN, &Options::default());
        let offset = at("W0506", 0) + 2;
        let hover = a.hover(offset, Lang::En);
        let Some(hover) = hover else {
            panic!("no hover on a code");
        };
        assert_eq!(
            a.sources().get(a.file()).map(|f| f.slice(hover.span)),
            Some("W0506")
        );
        assert!(hover.markdown.starts_with("**W0506** (warning): "));
        assert!(card(offset, Lang::Zh).starts_with("**W0506** (警告): "));
        assert!(!looks_like_code("2022"));
    }

    #[test]
    fn a_project_id_gets_name_code_unit_and_funds_in_the_plan_unit() {
        let text = card(at("信息化", 0), Lang::Zh);
        assert!(text.starts_with("**信息化** 信息化建设"), "{text}");
        assert!(text.contains("- 编码：P001"), "{text}");
        assert!(text.contains("- 预算单位：222002 纪委"), "{text}");
        assert!(
            text.contains("- 资金：50.00 万元（财政 30.00，上年结转 20.00）"),
            "{text}"
        );
        let text = card(at("信息化", 1), Lang::En);
        assert!(
            text.contains("- Funds: 50.00 万元 (fiscal 30.00, 上年结转 20.00)"),
            "{text}"
        );
    }

    #[test]
    fn a_unit_code_gets_its_name_and_projects() {
        let text = card(at("222002", 1), Lang::Zh);
        assert!(text.starts_with("**222002** 纪委"), "{text}");
        assert!(text.contains("- 信息化 信息化建设 — 50.00 万元"), "{text}");
    }

    #[test]
    fn an_indicator_gets_levels_target_unit_basis_description_weight() {
        let text = card(at("终端数量", 0) + 3, Lang::Zh);
        assert!(text.contains("产出指标 › 数量指标"), "{text}");
        assert!(text.contains("- 目标值：≥ 20台"), "{text}");
        assert!(text.contains("- 计量单位：台"), "{text}");
        assert!(
            text.contains("- 依据：年初计划（计划的默认依据）"),
            "{text}"
        );
        assert!(text.contains("- 描述：采购终端"), "{text}");
        assert!(text.contains("- 分值：10"), "{text}");
        // Anywhere on its line, the leading blanks included.
        assert_eq!(card(at("产出.数量", 0) - 1, Lang::Zh), text);
        let text = card(at("安全感", 0), Lang::En);
        assert!(text.contains("(mid-term)"), "{text}");
        assert!(text.contains("(benefit › social)"), "{text}");
        assert!(text.contains("- Basis: 调查"), "{text}");
        let text = card(at("9 5%", 0), Lang::En);
        assert!(text.contains("- Target: (does not read)"), "{text}");
    }

    #[test]
    fn a_project_basis_is_the_default_of_its_indicators() {
        let text = "项目 p \"n\" {\n  依据 \"项目依据\"\n  产出.数量 \"a\" ≥ 1个\n}\n";
        let a = Analysis::new("a.plan", text, &Options::default());
        let offset = text.find("产出").unwrap_or(0);
        let card = a
            .hover(offset, Lang::Zh)
            .map_or(String::new(), |h| h.markdown);
        assert!(
            card.contains("- 依据：项目依据（项目的默认依据）"),
            "{card}"
        );
    }

    #[test]
    fn unknown_projects_and_units_say_so() {
        let text = "分项目标 无此 {\n}\n项目 p \"n\" {\n  预算单位 999\n}\n";
        let a = Analysis::new("a.plan", text, &Options::default());
        let card = |needle: &str| {
            let offset = text.find(needle).unwrap_or(0);
            a.hover(offset, Lang::Zh)
                .map_or(String::new(), |h| h.markdown)
        };
        assert_eq!(card("无此"), "**无此**\n\n计划中没有这个项目。");
        let unit = card("999");
        assert!(unit.contains("计划头部没有声明这个预算单位。"), "{unit}");
        assert!(unit.contains("- p n"), "{unit}");
    }

    #[test]
    fn plain_words_get_nothing() {
        assert_eq!(card(at("目标", 0), Lang::Zh), "");
        assert_eq!(card(0, Lang::Zh), "");
        assert_eq!(card(PLAN.len(), Lang::Zh), "");
    }

    #[test]
    fn markdown_is_escaped() {
        assert_eq!(md("a_b*c"), "a\\_b\\*c");
        assert_eq!(money("5"), "5.00");
        assert_eq!(money("5.5"), "5.50");
        assert_eq!(money("5.125"), "5.125");
    }
}
