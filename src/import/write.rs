//! The plan text of an import: the header, the department part, the
//! projects, each statement followed by a comment naming its origin
//! (`# 表3 第5行 第2列`, `# Sheet1!C7`). The text is run through the
//! formatter when it reads without a diagnostic, so it is `fmt`-clean;
//! when it does not (a source with defects: a line the grammar cannot
//! read, a trailing `。` the formatter would drop), it is written as is,
//! and `perfplan check` reports each defect where it stands.

use super::Origin;
use super::recognize::{Line, Plan, ProjectOut, quoted};
use std::collections::HashMap;
use std::fmt::Write as _;

/// The plan text.
pub fn write(plan: &Plan, file_name: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# 由 perfplan import 从 {} 导入：数字与文字均照原样，未作更正。",
        one_line(file_name)
    );
    let _ = writeln!(
        out,
        "# Imported by perfplan import: figures and text exactly as in the source."
    );
    out.push('\n');
    header(&mut out, plan);
    let ids = project_ids(plan);
    overall(&mut out, plan);
    summaries(&mut out, plan, &ids);
    for (title, lines, origin) in &plan.measures {
        let body: Vec<String> = lines.iter().map(|l| format!("  {l}")).collect();
        let _ = writeln!(out, "# {origin}");
        let _ = writeln!(
            out,
            "保障措施 {} \"\"\"\n{}\n\"\"\"\n",
            quoted(title),
            body.join("\n")
        );
    }
    for (p, id) in plan.projects.iter().zip(&ids) {
        project(&mut out, p, id, plan);
    }
    for l in &plan.loose {
        line(&mut out, "", l);
    }
    canonical_if_clean(out)
}

/// The text in the canonical layout when it reads without a single
/// diagnostic; as written otherwise. The formatter drops what a warning
/// of the reading asks to drop (a trailing `。`, W0009), and an import
/// keeps every defect of the source for the checker to report.
fn canonical_if_clean(text: String) -> String {
    let (_, diagnostics) = crate::syntax::parse(crate::source::FileId(0), &text);
    if !diagnostics.is_empty() {
        return text;
    }
    crate::format::format(&text, crate::format::Options::default()).unwrap_or(text)
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

/// A statement with its origin as a trailing comment.
fn line(out: &mut String, indent: &str, l: &Line) {
    let origin = l.origin.as_ref().map(|o| o.0.as_str()).unwrap_or("");
    if l.text.starts_with('#') {
        let _ = writeln!(out, "{indent}{} @ {origin}", one_line(&l.text));
    } else if l.text.contains('\n') {
        let _ = writeln!(out, "{indent}# {origin}");
        let _ = writeln!(out, "{indent}{}", l.text);
    } else if origin.is_empty() {
        let _ = writeln!(out, "{indent}{}", l.text);
    } else {
        let _ = writeln!(out, "{indent}{}  # {origin}", l.text);
    }
}

fn statement(text: String, origin: &Origin) -> Line {
    Line {
        text,
        origin: Some(origin.clone()),
    }
}

fn header(out: &mut String, plan: &Plan) {
    let (Some((year, yo)), Some((dept, _))) = (&plan.year, &plan.department) else {
        let _ = writeln!(
            out,
            "# 未找到计划的年度和部门（文档标题）：请补写 计划 年度 \"部门\" {{ … }}\n"
        );
        for (code, name, origin) in &plan.units {
            let _ = writeln!(out, "# 预算单位 {code} {}  @ {origin}", quoted(name));
        }
        return;
    };
    let _ = writeln!(out, "计划 {year} {} {{  # {yo}", quoted(dept));
    let _ = writeln!(out, "  框架 {}", plan.framework);
    match &plan.money_unit {
        Some((unit, origin)) => line(out, "  ", &statement(format!("金额单位 {unit}"), origin)),
        None => {
            let _ = writeln!(out, "  金额单位 万元  # 文档未写单位，按万元");
        }
    }
    if let Some(region) = common_region(plan) {
        let _ = writeln!(out, "  财政区划 {region}");
    }
    for (code, name, origin) in &plan.units {
        let code = if code.chars().all(|c| c.is_ascii_digit()) {
            code.clone()
        } else {
            quoted(code)
        };
        line(
            out,
            "  ",
            &statement(format!("预算单位 {code} {}", quoted(name)), origin),
        );
    }
    if let Some((total, origin)) = &plan.total {
        line(out, "  ", &statement(format!("资金 {total}"), origin));
    }
    out.push_str("}\n\n");
}

/// The 财政区划 every project table shows, written once in the header.
fn common_region(plan: &Plan) -> Option<String> {
    let regions: Vec<&str> = plan
        .projects
        .iter()
        .map(|p| p.region())
        .collect::<Option<_>>()?;
    let first = *regions.first()?;
    regions
        .iter()
        .all(|r| *r == first)
        .then(|| first.to_string())
}

fn overall(out: &mut String, plan: &Plan) {
    if plan.overall.is_empty() {
        return;
    }
    out.push_str("总体目标 {\n");
    for l in &plan.overall {
        line(out, "  ", l);
    }
    out.push_str("}\n\n");
}

fn summaries(out: &mut String, plan: &Plan, ids: &[String]) {
    for (n, s) in plan.summaries.iter().enumerate() {
        let same_place = plan
            .projects
            .get(n)
            .is_some_and(|p| p.display_name() == s.name)
            .then_some(n);
        let by_name = || {
            plan.projects
                .iter()
                .position(|p| p.display_name() == s.name)
        };
        let by_place = (n < ids.len()).then_some(n);
        let id = same_place
            .or_else(by_name)
            .or(by_place)
            .and_then(|i| ids.get(i));
        let Some(id) = id else {
            let _ = writeln!(
                out,
                "# 未识别: 分项目标 {} {}  @ {}",
                quoted(&s.name),
                s.amount,
                s.origin
            );
            continue;
        };
        let _ = writeln!(out, "分项目标 {id} {{  # {}", s.origin);
        let _ = writeln!(out, "  名称 {}", quoted(&s.name));
        if !s.amount.is_empty() {
            let _ = writeln!(out, "  资金 {}", s.amount);
        }
        for l in &s.goals {
            line(out, "  ", l);
        }
        out.push_str("}\n\n");
    }
}

/// A project id for each project: its name without the characters an id
/// cannot hold, made unique with `-2`, `-3` ….
fn project_ids(plan: &Plan) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    plan.projects
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let mut id: String = p
                .display_name()
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                .take(24)
                .collect();
            if id.is_empty() || id.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
                id = format!("项目{}{id}", n + 1);
            }
            let count = seen.entry(id.clone()).or_insert(0);
            *count += 1;
            if *count > 1 {
                id = format!("{id}-{count}");
            }
            id
        })
        .collect()
}

fn project(out: &mut String, p: &ProjectOut, id: &str, plan: &Plan) {
    let origin = p
        .name
        .as_ref()
        .or(p.heading.as_ref())
        .map(|(_, o)| o.0.clone())
        .unwrap_or_default();
    let _ = writeln!(out, "项目 {id} {} {{  # {origin}", quoted(p.display_name()));
    let hoisted = common_region(plan).is_some();
    for l in p.statements(hoisted) {
        line(out, "  ", &l);
    }
    if !p.indicators.is_empty() {
        out.push('\n');
    }
    for l in &p.indicators {
        line(out, "  ", l);
    }
    out.push_str("}\n\n");
}

#[cfg(test)]
mod canonical_tests {
    use super::canonical_if_clean;

    #[test]
    fn a_text_with_a_warning_of_the_reading_is_kept_as_written() {
        let with_mark = "项目 a \"x\" {\n    资金 10.00。\n}\n".to_string();
        assert_eq!(canonical_if_clean(with_mark.clone()), with_mark);
        let clean = "项目 a \"x\" {\n    资金 10.00\n}\n".to_string();
        assert_eq!(
            canonical_if_clean(clean),
            "项目 a \"x\" {\n  资金 10.00\n}\n"
        );
    }
}
