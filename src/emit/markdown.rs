//! The submission document in Markdown, in the official layout: 第一部分
//! 部门整体绩效目标 (总体 / 分项 / 保障措施), 第二部分 one 绩效目标表 per
//! project. GitHub-flavoured tables; every cell is escaped so that a `|`
//! or a line break in the text never breaks a row.

use crate::diagnostic::Lang;
use crate::model::{Checkpoint, Indicator, OverallItem, Plan, Project, SourceKind};
use std::fmt::Write;

/// The headings and labels of the document in one language.
struct Words {
    title: &'static str,
    part1: &'static str,
    overall: &'static str,
    summaries: &'static str,
    measures: &'static str,
    part2: &'static str,
    table: &'static str,
    unit: &'static str,
    code: &'static str,
    name: &'static str,
    budget: &'static str,
    of_which: &'static str,
    purpose: &'static str,
    schedule: &'static str,
    spent: &'static str,
    goals: &'static str,
    project_funds: &'static str,
    goal: &'static str,
    columns: [&'static str; 6],
    aspect: &'static str,
    item: &'static str,
    content: &'static str,
    colon: &'static str,
    other_funds: &'static str,
    total: &'static str,
}

const ZH: Words = Words {
    title: "年部门预算绩效文本",
    part1: "第一部分 部门整体绩效目标",
    overall: "一、总体绩效目标",
    summaries: "二、分项绩效目标",
    measures: "三、工作保障措施",
    part2: "第二部分 预算项目绩效目标",
    table: "绩效目标表",
    unit: "单位",
    code: "项目编码",
    name: "项目名称",
    budget: "预算数",
    of_which: "其中：",
    purpose: "资金用途",
    schedule: "资金支出计划",
    spent: "累计支出",
    goals: "绩效目标",
    project_funds: "项目资金",
    goal: "绩效目标",
    columns: [
        "一级指标",
        "二级指标",
        "三级指标",
        "绩效指标描述",
        "指标值",
        "指标值确定依据",
    ],
    aspect: "方面",
    item: "项目",
    content: "内容",
    colon: "：",
    other_funds: "其他资金",
    total: "合计",
};

const EN: Words = Words {
    title: " budget performance plan",
    part1: "Part 1. Department-wide performance goals",
    overall: "1. Overall performance goals",
    summaries: "2. Goals by project",
    measures: "3. Safeguard measures",
    part2: "Part 2. Project performance goals",
    table: " — performance goal table",
    unit: "Unit",
    code: "Project code",
    name: "Project name",
    budget: "Budget",
    of_which: "of which: ",
    purpose: "Use of funds",
    schedule: "Spending schedule",
    spent: "Spent (cumulative)",
    goals: "Performance goals",
    project_funds: "funds",
    goal: "Goal",
    columns: [
        "Level 1",
        "Level 2",
        "Level 3",
        "Description",
        "Target",
        "Basis",
    ],
    aspect: "",
    item: "Item",
    content: "Content",
    colon: ": ",
    other_funds: "其他资金",
    total: "Total",
};

/// The document for a plan, in Chinese or English headings.
pub fn to_markdown(plan: &Plan, lang: Lang) -> String {
    let w = match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    };
    let mut out = String::new();
    let title = match lang {
        Lang::Zh => format!("{}{}{}", plan.department, plan.year, w.title),
        Lang::En => format!("{} {}{}", plan.department, plan.year, w.title),
    };
    let _ = writeln!(out, "# {}\n", escape(&title));
    let _ = writeln!(out, "## {}\n", w.part1);
    overall(&mut out, plan, w);
    summaries(&mut out, plan, w);
    measures(&mut out, plan, w);
    let _ = writeln!(out, "## {}\n", w.part2);
    for (n, project) in plan.projects.iter().enumerate() {
        project_table(&mut out, plan, project, n + 1, w);
    }
    out.trim_end().to_string() + "\n"
}

fn overall(out: &mut String, plan: &Plan, w: &Words) {
    let _ = writeln!(out, "### {}\n", w.overall);
    let mut last_level1: Option<&str> = None;
    for item in &plan.overall {
        match item {
            OverallItem::Goal(text) => {
                last_level1 = None;
                paragraphs(out, text);
            }
            OverallItem::Indicator(i) => {
                if last_level1 != Some(i.level1.name.as_str()) {
                    let _ = writeln!(out, "**{}{}**\n", escape(&i.level1.name), w.aspect);
                    last_level1 = Some(i.level1.name.as_str());
                }
                let text = i
                    .description
                    .clone()
                    .unwrap_or_else(|| format!("{}{}", i.name, i.value_text));
                let _ = writeln!(
                    out,
                    "- {}{}{}\n",
                    escape(&i.level2.name),
                    w.colon,
                    escape(&text)
                );
            }
        }
    }
}

fn summaries(out: &mut String, plan: &Plan, w: &Words) {
    let _ = writeln!(out, "### {}\n", w.summaries);
    for (n, s) in plan.summaries.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. **{}**，{}{}{}{}\n",
            n + 1,
            escape(&s.name),
            w.project_funds,
            w.colon,
            money(&s.amount),
            plan.money_unit
        );
        let _ = writeln!(
            out,
            "   {}{}{}\n",
            w.goal,
            w.colon,
            escape(&s.goal).replace('\n', "<br>")
        );
    }
    let _ = writeln!(
        out,
        "**{}**{}{}{}\n",
        w.total,
        w.colon,
        money(&plan.total),
        plan.money_unit
    );
}

fn measures(out: &mut String, plan: &Plan, w: &Words) {
    if plan.measures.is_empty() {
        return;
    }
    let _ = writeln!(out, "### {}\n", w.measures);
    for m in &plan.measures {
        let _ = writeln!(out, "#### {}\n", escape(&m.title));
        paragraphs(out, &m.text);
    }
}

fn project_table(out: &mut String, plan: &Plan, p: &Project, n: usize, w: &Words) {
    let _ = writeln!(out, "### {}. {}{}\n", n, escape(&p.name), w.table);
    let unit_name = p
        .unit
        .as_ref()
        .map(|u| format!("{}{} · ", u.code, u.name))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}{}{}{}\n",
        escape(&unit_name),
        w.unit,
        w.colon,
        plan.money_unit
    );
    header_block(out, p, w);
    schedule(out, &p.schedule, w);
    if !p.goals.is_empty() {
        let _ = writeln!(out, "**{}**\n", w.goals);
        for (i, g) in p.goals.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, escape(g));
        }
        out.push('\n');
    }
    indicator_table(out, &p.indicators, w);
}

fn header_block(out: &mut String, p: &Project, w: &Words) {
    let mut rows = vec![
        (w.code.to_string(), p.code.clone().unwrap_or_default()),
        (w.name.to_string(), p.name.clone()),
        (w.budget.to_string(), money(&p.funds.total)),
    ];
    for s in &p.funds.sources {
        rows.push((format!("{}{}", w.of_which, s.name), money(&s.amount)));
    }
    // The official table always has a row for 其他资金, blank when none.
    if !p.funds.sources.iter().any(|s| s.kind == SourceKind::Other) {
        rows.push((format!("{}{}", w.of_which, w.other_funds), String::new()));
    }
    rows.push((w.purpose.to_string(), p.purpose.clone().unwrap_or_default()));
    table_row(out, &[w.item, w.content]);
    table_rule(out, 2);
    for (k, v) in rows {
        table_row(out, &[&k, &v]);
    }
    out.push('\n');
}

fn schedule(out: &mut String, schedule: &[Checkpoint], w: &Words) {
    if schedule.is_empty() {
        return;
    }
    let in_percent = schedule.iter().all(|c| c.share.is_some());
    let title = if in_percent {
        format!("{}（%）", w.schedule)
    } else {
        w.schedule.to_string()
    };
    let mut head = vec![title];
    head.extend(schedule.iter().map(|c| c.label.clone()));
    let mut values = vec![w.spent.to_string()];
    values.extend(schedule.iter().map(|c| match (&c.share, &c.amount) {
        (Some(s), _) => format!("{s}%"),
        (None, Some(a)) => money(a),
        (None, None) => String::new(),
    }));
    table_row(out, &head.iter().map(String::as_str).collect::<Vec<_>>());
    table_rule(out, head.len());
    table_row(out, &values.iter().map(String::as_str).collect::<Vec<_>>());
    out.push('\n');
}

/// The indicator grid, grouped by first and second level in the order
/// the rows were written; a level is shown on the first row of its group,
/// as the merged cells of the printed table show it.
fn indicator_table(out: &mut String, indicators: &[Indicator], w: &Words) {
    if indicators.is_empty() {
        return;
    }
    table_row(out, &w.columns);
    table_rule(out, 6);
    let mut rows: Vec<&Indicator> = indicators.iter().collect();
    rows.sort_by_key(|i| group_key(indicators, i));
    let (mut prev1, mut prev2) = (None, None);
    for i in rows {
        let first = prev1 != Some(&i.level1.name);
        let second = first || prev2 != Some(&i.level2.name);
        let cells = [
            if first { i.level1.name.as_str() } else { "" },
            if second { i.level2.name.as_str() } else { "" },
            i.name.as_str(),
            i.description.as_deref().unwrap_or(""),
            i.value_text.as_str(),
            i.basis.as_deref().unwrap_or(""),
        ];
        table_row(out, &cells);
        prev1 = Some(&i.level1.name);
        prev2 = Some(&i.level2.name);
    }
    out.push('\n');
}

/// Rows group by their first level, then second level, each group placed
/// where its first row was written.
fn group_key(all: &[Indicator], i: &Indicator) -> (usize, usize) {
    let first_of_level1 = all.iter().position(|x| x.level1 == i.level1).unwrap_or(0);
    let first_of_level2 = all
        .iter()
        .position(|x| x.level1 == i.level1 && x.level2 == i.level2)
        .unwrap_or(0);
    (first_of_level1, first_of_level2)
}

fn table_row(out: &mut String, cells: &[&str]) {
    out.push('|');
    for c in cells {
        let _ = write!(out, " {} |", cell(c));
    }
    out.push('\n');
}

fn table_rule(out: &mut String, n: usize) {
    out.push('|');
    for _ in 0..n {
        out.push_str("---|");
    }
    out.push('\n');
}

fn paragraphs(out: &mut String, text: &str) {
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let _ = writeln!(out, "{}\n", escape(line));
    }
}

/// An amount as tables print it: at least two decimal places.
fn money(amount: &str) -> String {
    match amount.split_once('.') {
        Some((_, frac)) if frac.len() >= 2 => amount.to_string(),
        Some((whole, frac)) => format!("{whole}.{frac:0<2}"),
        None if amount.is_empty() => String::new(),
        None => format!("{amount}.00"),
    }
}

/// Text made safe for Markdown: characters that would start emphasis,
/// code, links or HTML are escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A table cell: escaped, on one line.
fn cell(text: &str) -> String {
    escape(text).replace("\r\n", "<br>").replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_never_break_a_row() {
        assert_eq!(cell("a|b\nc"), "a\\|b<br>c");
        assert_eq!(escape("<40000"), "\\<40000");
    }

    #[test]
    fn money_has_two_places() {
        assert_eq!(money("50"), "50.00");
        assert_eq!(money("64.5"), "64.50");
        assert_eq!(money("0.123456"), "0.123456");
    }
}
