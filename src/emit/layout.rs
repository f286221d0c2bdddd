//! What the document emitters (Markdown, Word, Excel) share: the headings
//! and labels in each language, the grouping of indicator rows under their
//! first and second levels, and how amounts are printed. One place, so the
//! three renderings of a plan never disagree on order or wording.

use crate::diagnostic::Lang;
use crate::model::{Checkpoint, FundSource, Indicator, Project, SourceKind};

/// The headings and labels of the document in one language.
pub(crate) struct Words {
    pub title: &'static str,
    pub part1: &'static str,
    pub overall: &'static str,
    pub summaries: &'static str,
    pub measures: &'static str,
    pub part2: &'static str,
    pub table: &'static str,
    pub unit: &'static str,
    pub code: &'static str,
    pub name: &'static str,
    pub budget: &'static str,
    pub of_which: &'static str,
    pub purpose: &'static str,
    pub schedule: &'static str,
    /// What follows the schedule's title when it is in shares.
    pub in_shares: &'static str,
    pub spent: &'static str,
    pub goals: &'static str,
    pub project_funds: &'static str,
    pub goal: &'static str,
    pub columns: [&'static str; 6],
    pub aspect: &'static str,
    pub item: &'static str,
    pub content: &'static str,
    pub colon: &'static str,
    pub other_funds: &'static str,
    pub total: &'static str,
    /// The label of the funds block of a project table.
    pub funds_block: &'static str,
    /// The blank reviewer rows at the bottom of a project table.
    pub reviewers: [&'static str; 2],
    /// The department-overall sheet of the workbook.
    pub overall_sheet: &'static str,
    /// The indicator-record sheet of the workbook.
    pub records_sheet: &'static str,
    /// The columns of the indicator records, in the order provincial
    /// systems import them.
    pub record_columns: [&'static str; 11],
    pub department: &'static str,
    pub year: &'static str,
    pub number: &'static str,
    /// The label of a mid-term (中期 / 中长期) goal.
    pub midterm_goal: &'static str,
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
    in_shares: "（%）",
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
    funds_block: "预算规模及资金用途",
    reviewers: ["主管部门审核意见", "财政部门审核意见"],
    overall_sheet: "部门整体绩效目标",
    records_sheet: "指标记录",
    record_columns: [
        "项目编码",
        "项目名称",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标解释",
        "比较符",
        "指标值",
        "计量单位",
        "指标值确定依据",
        "分值",
    ],
    department: "部门名称",
    year: "年度",
    number: "序号",
    midterm_goal: "中期目标",
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
    in_shares: " (%)",
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
    funds_block: "Budget and use of funds",
    reviewers: [
        "Opinion of the supervising department",
        "Opinion of the finance department",
    ],
    overall_sheet: "Department overall",
    records_sheet: "Indicator records",
    record_columns: [
        "Project code",
        "Project name",
        "Level 1",
        "Level 2",
        "Level 3",
        "Definition",
        "Comparator",
        "Value",
        "Unit",
        "Basis",
        "Weight",
    ],
    department: "Department",
    year: "Year",
    number: "No.",
    midterm_goal: "Mid-term goal",
};

/// The words of a language.
pub(crate) fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The document's title: `纪检会2022年部门预算绩效文本`.
pub(crate) fn title(department: &str, year: u16, lang: Lang) -> String {
    let w = words(lang);
    match lang {
        Lang::Zh => format!("{department}{year}{}", w.title),
        Lang::En => format!("{department} {year}{}", w.title),
    }
}

/// A project table's heading: `1. 办案工作经费绩效目标表`.
pub(crate) fn table_heading(n: usize, name: &str, w: &Words) -> String {
    format!("{n}. {name}{}", w.table)
}

/// The line above a project table: the implementing unit, if any.
pub(crate) fn unit_line(p: &Project) -> String {
    p.unit
        .as_ref()
        .map(|u| format!("{}{}", u.code, u.name))
        .unwrap_or_default()
}

/// `单位：万元`.
pub(crate) fn money_unit_label(money_unit: &str, w: &Words) -> String {
    format!("{}{}{}", w.unit, w.colon, money_unit)
}

/// One indicator row, placed in its group. A row that starts a group of
/// its first (second) level carries the number of rows of that group: the
/// height of the merged cell in a printed table.
pub(crate) struct Row<'a> {
    pub indicator: &'a Indicator,
    pub level1_rows: Option<usize>,
    pub level2_rows: Option<usize>,
}

/// The indicator rows grouped by first level, then second level, each
/// group placed where its first row was written; within a group, rows keep
/// their written order.
pub(crate) fn grouped(indicators: &[Indicator]) -> Vec<Row<'_>> {
    let mut sorted: Vec<&Indicator> = indicators.iter().collect();
    sorted.sort_by_key(|i| group_key(indicators, i));
    let mut rows = Vec::with_capacity(sorted.len());
    for (n, &i) in sorted.iter().enumerate() {
        let prev = n.checked_sub(1).and_then(|p| sorted.get(p));
        let first = prev.is_none_or(|p| p.level1.name != i.level1.name);
        let second = first || prev.is_none_or(|p| p.level2.name != i.level2.name);
        let rest = sorted.get(n..).unwrap_or_default();
        rows.push(Row {
            indicator: i,
            level1_rows: first.then(|| run_length(rest, |x| x.level1.name == i.level1.name)),
            level2_rows: second.then(|| {
                run_length(rest, |x| {
                    x.level1.name == i.level1.name && x.level2.name == i.level2.name
                })
            }),
        });
    }
    rows
}

/// How many rows from the start share a group.
fn run_length(rows: &[&Indicator], same: impl Fn(&Indicator) -> bool) -> usize {
    rows.iter().take_while(|x| same(x)).count()
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

/// An amount as tables print it: at least two decimal places.
pub(crate) fn money(amount: &str) -> String {
    match amount.split_once('.') {
        Some((_, frac)) if frac.len() >= 2 => amount.to_string(),
        Some((whole, frac)) => format!("{whole}.{frac:0<2}"),
        None if amount.is_empty() => String::new(),
        None => format!("{amount}.00"),
    }
}

/// How many decimal places an amount prints with: at least two.
pub(crate) fn money_places(amount: &str) -> usize {
    amount.split_once('.').map_or(0, |(_, f)| f.len()).max(2)
}

/// The funds of a project as the table lists them, label and amount: every
/// source, and a blank 其他资金 when the plan has none (the official table
/// always has that row). The first is labelled `其中：`.
pub(crate) fn fund_rows(p: &Project, w: &Words) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = p
        .funds
        .sources
        .iter()
        .map(|s: &FundSource| (s.name.clone(), s.amount.clone()))
        .collect();
    if !p.funds.sources.iter().any(|s| s.kind == SourceKind::Other) {
        rows.push((w.other_funds.to_string(), String::new()));
    }
    rows
}

/// The spending schedule's title: `资金支出计划（%）` (`Spending schedule
/// (%)`) when it is in shares.
pub(crate) fn schedule_title(schedule: &[Checkpoint], w: &Words) -> String {
    if schedule.iter().all(|c| c.share.is_some()) {
        format!("{}{}", w.schedule, w.in_shares)
    } else {
        w.schedule.to_string()
    }
}

/// A checkpoint's value as printed: `25%` or an amount.
pub(crate) fn checkpoint_text(c: &Checkpoint) -> String {
    match (&c.share, &c.amount) {
        (Some(s), _) => format!("{s}%"),
        (None, Some(a)) => money(a),
        (None, None) => String::new(),
    }
}

/// The text of an overall indicator in the department part: its
/// description, else its name and value.
pub(crate) fn overall_text(i: &Indicator) -> String {
    i.description
        .clone()
        .unwrap_or_else(|| format!("{}{}", i.name, i.value_text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_has_two_places() {
        assert_eq!(money("50"), "50.00");
        assert_eq!(money("64.5"), "64.50");
        assert_eq!(money("0.123456"), "0.123456");
        assert_eq!(money_places("0.123456"), 6);
        assert_eq!(money_places("50"), 2);
    }
}
