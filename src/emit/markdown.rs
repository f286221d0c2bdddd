//! The submission document in Markdown, in the official layout: 第一部分
//! 部门整体绩效目标 (总体 / 分项 / 保障措施), 第二部分 one 绩效目标表 per
//! project. GitHub-flavoured tables; every cell is escaped so that a `|`
//! or a line break in the text never breaks a row.
//!
//! A project table shows what its project states and no more: the header
//! rows (主管部门, 实施单位, 项目类别, 实施期, 财政区划), 项目总资金, the
//! 中期/年度 goals and indicator grids of a multi-year project, and the
//! optional indicator columns appear only when given (`layout` decides,
//! for the three documents alike).

use super::layout::{self, Column, Grid, Words, money};
use crate::diagnostic::Lang;
use crate::model::{Checkpoint, OverallItem, Plan, Project};
use std::fmt::Write;

/// The document for a plan, in Chinese or English headings.
pub fn to_markdown(plan: &Plan, lang: Lang) -> String {
    let w = layout::words(lang);
    let mut out = String::new();
    let title = layout::title(plan, lang);
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
            OverallItem::MidtermGoal(text) | OverallItem::Duties(text) => {
                last_level1 = None;
                let label = layout::overall_label(item, w).unwrap_or_default();
                let _ = writeln!(out, "**{label}**\n");
                paragraphs(out, text);
            }
            OverallItem::Indicator(i) => {
                if last_level1 != Some(i.level1.name.as_str()) {
                    let _ = writeln!(out, "**{}{}**\n", escape(&i.level1.name), w.aspect);
                    last_level1 = Some(i.level1.name.as_str());
                }
                let text = layout::overall_text(i);
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
    if let Some(basic) = &plan.basic_spending {
        let _ = writeln!(
            out,
            "{}{}{}{}\n",
            w.basic_spending,
            w.colon,
            money(basic),
            plan.money_unit
        );
    }
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
    let _ = writeln!(
        out,
        "### {}\n",
        escape(&layout::table_heading(n, &p.name, w))
    );
    let unit_name = match layout::unit_line(p) {
        u if u.is_empty() => u,
        u => format!("{u} · "),
    };
    let _ = writeln!(
        out,
        "{}{}\n",
        escape(&unit_name),
        layout::money_unit_label(&plan.money_unit, w)
    );
    header_block(out, plan, p, w);
    cost_items(out, p, w);
    schedule(out, &p.schedule, w);
    for (label, goals) in layout::goal_blocks(p, w) {
        goal_block(out, label, goals);
    }
    let columns = layout::columns(&p.indicators);
    for grid in layout::grids(p, w) {
        indicator_table(out, &grid, &columns, w);
    }
}

/// The table's header block: code and name, the fields the project
/// states (主管部门 …), the funds block, the use of funds.
fn header_block(out: &mut String, plan: &Plan, p: &Project, w: &Words) {
    let mut rows = vec![
        (w.code.to_string(), p.code.clone().unwrap_or_default()),
        (w.name.to_string(), p.name.clone()),
    ];
    for (label, value) in layout::header_fields(plan, p, w) {
        rows.push((label.to_string(), value));
    }
    for block in layout::funds_blocks(p, w) {
        rows.push((block.label.to_string(), money(&block.total)));
        for (name, amount) in block.sources {
            rows.push((format!("{}{}", w.of_which, name), money(&amount)));
        }
    }
    rows.push((w.purpose.to_string(), p.purpose.clone().unwrap_or_default()));
    table_row(out, &[w.item, w.content]);
    table_rule(out, 2);
    for (k, v) in rows {
        table_row(out, &[&k, &v]);
    }
    out.push('\n');
}

/// 成本测算: the cost build-up, when the project gives one.
fn cost_items(out: &mut String, p: &Project, w: &Words) {
    if p.cost_items.is_empty() {
        return;
    }
    let _ = writeln!(out, "**{}**\n", w.cost_items);
    table_row(out, &w.cost_columns);
    table_rule(out, w.cost_columns.len());
    for item in &p.cost_items {
        let basis = item.basis.as_deref().unwrap_or_default();
        table_row(out, &[&item.name, &money(&item.amount), basis]);
    }
    out.push('\n');
}

fn schedule(out: &mut String, schedule: &[Checkpoint], w: &Words) {
    if schedule.is_empty() {
        return;
    }
    let mut head = vec![layout::schedule_title(schedule, w)];
    head.extend(schedule.iter().map(|c| c.label.clone()));
    let mut values = vec![w.spent.to_string()];
    values.extend(schedule.iter().map(layout::checkpoint_text));
    table_row(out, &head.iter().map(String::as_str).collect::<Vec<_>>());
    table_rule(out, head.len());
    table_row(out, &values.iter().map(String::as_str).collect::<Vec<_>>());
    out.push('\n');
}

/// A labelled, numbered block of goals; nothing when there are none.
fn goal_block(out: &mut String, label: &str, goals: &[String]) {
    if goals.is_empty() {
        return;
    }
    let _ = writeln!(out, "**{label}**\n");
    for (i, g) in goals.iter().enumerate() {
        let _ = writeln!(out, "{}. {}", i + 1, escape(g));
    }
    out.push('\n');
}

/// An indicator grid, grouped by first and second level in the order
/// the rows were written; a level is shown on the first row of its group,
/// as the merged cells of the printed table show it. A grid of a
/// multi-year project has its title (年度指标, 中期指标) above it.
fn indicator_table(out: &mut String, grid: &Grid, columns: &[Column], w: &Words) {
    if grid.rows.is_empty() {
        return;
    }
    if let Some(title) = grid.title {
        let _ = writeln!(out, "**{title}**\n");
    }
    let heads: Vec<&str> = columns.iter().map(|c| c.head(w)).collect();
    table_row(out, &heads);
    table_rule(out, heads.len());
    for row in &grid.rows {
        let cells: Vec<&str> = columns
            .iter()
            .map(|&c| match c {
                Column::Level1 if row.level1_rows.is_none() => "",
                Column::Level2 if row.level2_rows.is_none() => "",
                c => c.text(row.indicator),
            })
            .collect();
        table_row(out, &cells);
    }
    out.push('\n');
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

/// Text made safe for Markdown: characters that would start emphasis,
/// code, links or HTML are escaped.
pub(crate) fn escape(text: &str) -> String {
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
}
