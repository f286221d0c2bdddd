//! What the document emitters (Markdown, Word, Excel) share: the headings
//! and labels in each language, which rows a project table's header and
//! funds blocks have, its goal blocks, its indicator grids (annual and
//! mid-term) and their columns, the grouping of indicator rows under their
//! first and second levels, and how amounts are printed. One place, so the
//! three renderings of a plan never disagree on order or wording.

use crate::diagnostic::Lang;
use crate::model::{Checkpoint, FundSource, Funds, Indicator, Party, Plan, Project, SourceKind};

/// The columns of the workbook's indicator records sheet.
pub(crate) const RECORD_COLUMNS: usize = 25;

/// The headings and labels of the document in one language.
pub(crate) struct Words {
    pub title: &'static str,
    /// What follows the title of a draft.
    pub draft: &'static str,
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
    /// The columns of the indicator records: first those provincial
    /// systems import, in their order, then the table's optional columns
    /// and the annual/mid-term flag.
    pub record_columns: [&'static str; RECORD_COLUMNS],
    pub department: &'static str,
    pub year: &'static str,
    pub number: &'static str,
    /// The label of a mid-term (中期 / 中长期) goal.
    pub midterm_goal: &'static str,
    /// The label of the department's duties (部门职责).
    pub duties: &'static str,
    /// The cost build-up (成本测算) of a project, and its columns.
    pub cost_items: &'static str,
    pub cost_columns: [&'static str; 3],
    /// The department's basic spending (基本支出).
    pub basic_spending: &'static str,
    /// The rows of a project's header block that only some tables have.
    pub supervisor: &'static str,
    pub implementer: &'static str,
    pub category: &'static str,
    pub period: &'static str,
    pub region: &'static str,
    /// 项目总资金: the funds over the whole period.
    pub total_funds: &'static str,
    /// The two goal blocks of a multi-year project.
    pub midterm_goals: &'static str,
    pub annual_goals: &'static str,
    /// The titles of the two indicator grids of a multi-year project.
    pub annual_set: &'static str,
    pub midterm_set: &'static str,
    /// The annual/mid-term flag of an indicator record.
    pub annual: &'static str,
    pub midterm: &'static str,
    /// The optional columns of the indicator grid.
    pub value_type: &'static str,
    pub measure_unit: &'static str,
    pub note: &'static str,
    pub scoring: &'static str,
    pub remark: &'static str,
}

const ZH: Words = Words {
    title: "年部门预算绩效文本",
    draft: "（草案）",
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
        "年度",
        "财政区划",
        "单位编码",
        "项目编码",
        "项目名称",
        "范围",
        "年度/中期",
        "序号",
        "一级指标编码",
        "一级指标",
        "二级指标编码",
        "二级指标",
        "三级指标",
        "指标解释",
        "比较符",
        "指标值（数值）",
        "指标值（文字）",
        "计量单位",
        "指标值类型",
        "指标方向",
        "指标值确定依据",
        "评(扣)分标准",
        "分值",
        "指标值说明",
        "备注",
    ],
    department: "部门名称",
    year: "年度",
    number: "序号",
    midterm_goal: "中期目标",
    duties: "部门职责",
    cost_items: "成本测算",
    cost_columns: ["成本项目", "金额", "测算依据"],
    basic_spending: "基本支出",
    supervisor: "主管部门",
    implementer: "实施单位",
    category: "项目类别",
    period: "实施期",
    region: "财政区划",
    total_funds: "项目总资金",
    midterm_goals: "中期目标",
    annual_goals: "年度目标",
    annual_set: "年度指标",
    midterm_set: "中期指标",
    annual: "年度",
    midterm: "中期",
    value_type: "指标值类型",
    measure_unit: "计量单位",
    note: "指标值说明",
    scoring: "评(扣)分标准",
    remark: "备注",
};

const EN: Words = Words {
    title: " budget performance plan",
    draft: " (Draft)",
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
        "Year",
        "Region code",
        "Unit code",
        "Project code",
        "Project name",
        "Scope",
        "Annual/mid-term",
        "No.",
        "Level 1 code",
        "Level 1",
        "Level 2 code",
        "Level 2",
        "Level 3",
        "Definition",
        "Comparator",
        "Value (number)",
        "Value (text)",
        "Unit",
        "Value type",
        "Direction",
        "Basis",
        "Scoring",
        "Weight",
        "Value note",
        "Remark",
    ],
    department: "Department",
    year: "Year",
    number: "No.",
    midterm_goal: "Mid-term goal",
    duties: "Duties",
    cost_items: "Cost build-up",
    cost_columns: ["Item", "Amount", "Basis"],
    basic_spending: "Basic spending",
    supervisor: "Supervising department",
    implementer: "Implemented by",
    category: "Project category",
    period: "Period",
    region: "Finance region",
    total_funds: "Total funds",
    midterm_goals: "Mid-term goals",
    annual_goals: "Annual goals",
    annual_set: "Annual indicators",
    midterm_set: "Mid-term indicators",
    annual: "annual",
    midterm: "mid-term",
    value_type: "Type",
    measure_unit: "Unit",
    note: "Value note",
    scoring: "Scoring",
    remark: "Remark",
};

/// The words of a language.
pub(crate) fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The document's title: `纪检会2022年部门预算绩效文本`, and
/// `纪检会2022年部门预算绩效文本（草案）` for a draft.
pub(crate) fn title(plan: &Plan, lang: Lang) -> String {
    let w = words(lang);
    let (department, year) = (&plan.department, plan.year);
    let draft = if plan.draft { w.draft } else { "" };
    match lang {
        Lang::Zh => format!("{department}{year}{}{draft}", w.title),
        Lang::En => format!("{department} {year}{}{draft}", w.title),
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
pub(crate) fn grouped<'a>(indicators: &[&'a Indicator]) -> Vec<Row<'a>> {
    let mut sorted: Vec<&Indicator> = indicators.to_vec();
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
fn group_key(all: &[&Indicator], i: &Indicator) -> (usize, usize) {
    let first_of_level1 = all.iter().position(|x| x.level1 == i.level1).unwrap_or(0);
    let first_of_level2 = all
        .iter()
        .position(|x| x.level1 == i.level1 && x.level2 == i.level2)
        .unwrap_or(0);
    (first_of_level1, first_of_level2)
}

/// One indicator grid of a project table: the annual set, or the
/// mid-term set of a multi-year project. A project without mid-term rows
/// has one grid without a title, as single-year tables print it.
pub(crate) struct Grid<'a> {
    pub title: Option<&'static str>,
    pub rows: Vec<Row<'a>>,
}

/// The indicator grids of a project: the annual set, then the mid-term
/// set when there is one (each titled, an empty one left out).
pub(crate) fn grids<'a>(p: &'a Project, w: &Words) -> Vec<Grid<'a>> {
    let set = |midterm: bool| -> Vec<&'a Indicator> {
        p.indicators
            .iter()
            .filter(|i| i.midterm == midterm)
            .collect()
    };
    let (annual, midterm) = (set(false), set(true));
    if midterm.is_empty() {
        return vec![Grid {
            title: None,
            rows: grouped(&annual),
        }];
    }
    [(w.annual_set, annual), (w.midterm_set, midterm)]
        .into_iter()
        .filter(|(_, rows)| !rows.is_empty())
        .map(|(title, rows)| Grid {
            title: Some(title),
            rows: grouped(&rows),
        })
        .collect()
}

/// A column of the indicator grid. The six of every table, and the
/// optional ones (指标值类型, 计量单位, 指标值说明, 评(扣)分标准, 备注)
/// that a table shows when one of its rows fills them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Column {
    Level1,
    Level2,
    Name,
    Description,
    ValueType,
    Value,
    MeasureUnit,
    Note,
    Basis,
    Scoring,
    Remark,
}

impl Column {
    /// Every column, in the order the grid prints them.
    const ALL: [Column; 11] = [
        Column::Level1,
        Column::Level2,
        Column::Name,
        Column::Description,
        Column::ValueType,
        Column::Value,
        Column::MeasureUnit,
        Column::Note,
        Column::Basis,
        Column::Scoring,
        Column::Remark,
    ];

    pub(crate) fn head(self, w: &Words) -> &'static str {
        let [l1, l2, name, description, value, basis] = w.columns;
        match self {
            Column::Level1 => l1,
            Column::Level2 => l2,
            Column::Name => name,
            Column::Description => description,
            Column::ValueType => w.value_type,
            Column::Value => value,
            Column::MeasureUnit => w.measure_unit,
            Column::Note => w.note,
            Column::Basis => basis,
            Column::Scoring => w.scoring,
            Column::Remark => w.remark,
        }
    }

    /// The text of a row's cell (a level's full name: the emitters merge
    /// or blank it over its group).
    pub(crate) fn text(self, i: &Indicator) -> &str {
        let optional = match self {
            Column::Level1 => return &i.level1.name,
            Column::Level2 => return &i.level2.name,
            Column::Name => return &i.name,
            Column::Value => return &i.value_text,
            Column::Description => &i.description,
            Column::ValueType => return i.value_type.map_or("", |v| v.word()),
            Column::MeasureUnit => &i.measure_unit,
            Column::Note => &i.note,
            Column::Basis => &i.basis,
            Column::Scoring => &i.scoring,
            Column::Remark => &i.remark,
        };
        optional.as_deref().unwrap_or("")
    }

    /// Whether a table shows the column only when a row fills it.
    fn optional(self) -> bool {
        matches!(
            self,
            Column::ValueType
                | Column::MeasureUnit
                | Column::Note
                | Column::Scoring
                | Column::Remark
        )
    }
}

/// The columns of a table whose rows are these: the six of every table,
/// and each optional one that some row fills.
pub(crate) fn columns<'a>(rows: impl IntoIterator<Item = &'a Indicator> + Clone) -> Vec<Column> {
    Column::ALL
        .into_iter()
        .filter(|c| !c.optional() || rows.clone().into_iter().any(|i| !c.text(i).is_empty()))
        .collect()
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
    let mut rows = source_rows(&p.funds);
    if !p.funds.sources.iter().any(|s| s.kind == SourceKind::Other) {
        rows.push((w.other_funds.to_string(), String::new()));
    }
    rows
}

fn source_rows(funds: &Funds) -> Vec<(String, String)> {
    funds
        .sources
        .iter()
        .map(|s: &FundSource| (s.name.clone(), s.amount.clone()))
        .collect()
}

/// One block of the funds: its label and total, and its sources (label,
/// amount).
pub(crate) struct FundsBlock {
    pub label: &'static str,
    pub total: String,
    pub sources: Vec<(String, String)>,
}

/// The funds of a project table: the year's (预算数, every source and the
/// 其他资金 row), then 项目总资金 with its sources when the project
/// states it.
pub(crate) fn funds_blocks(p: &Project, w: &Words) -> Vec<FundsBlock> {
    let mut blocks = vec![FundsBlock {
        label: w.budget,
        total: p.funds.total.clone(),
        sources: fund_rows(p, w),
    }];
    if let Some(total) = &p.total_funds {
        blocks.push(FundsBlock {
            label: w.total_funds,
            total: total.total.clone(),
            sources: source_rows(total),
        });
    }
    blocks
}

/// The rows of a project's header block that only some tables have, as
/// (label, value) in the order of the official table (主管部门 and
/// 实施单位, 项目类别 and 实施期, 财政区划): each only when the project
/// states it; the region is the project's, else the plan's.
pub(crate) fn header_fields(plan: &Plan, p: &Project, w: &Words) -> Vec<(&'static str, String)> {
    let region = p.region.as_ref().or(plan.region.as_ref());
    [
        (w.supervisor, p.supervisor.as_ref().map(Party::to_string)),
        (w.implementer, p.implementer.as_ref().map(Party::to_string)),
        (w.category, p.category.clone()),
        (w.period, p.period.as_ref().map(|x| x.written.clone())),
        (w.region, region.cloned()),
    ]
    .into_iter()
    .filter_map(|(label, value)| Some((label, value?)))
    .collect()
}

/// The cost build-up of a project as one text, an item a line
/// (`屋面防水：60.00（6所学校…）`), for the documents whose header block is
/// a grid of label and text; `None` when the project gives none.
pub(crate) fn cost_text(p: &Project, w: &Words) -> Option<String> {
    if p.cost_items.is_empty() {
        return None;
    }
    let lines: Vec<String> = p
        .cost_items
        .iter()
        .map(|c| match &c.basis {
            Some(b) => format!("{}{}{}（{}）", c.name, w.colon, money(&c.amount), b),
            None => format!("{}{}{}", c.name, w.colon, money(&c.amount)),
        })
        .collect();
    Some(lines.join("\n"))
}

/// The goal blocks of a project table, label and goals: 中期目标 and
/// 年度目标 for a multi-year project, else the one 绩效目标 block.
pub(crate) fn goal_blocks<'a>(p: &'a Project, w: &Words) -> Vec<(&'static str, &'a [String])> {
    if p.midterm_goals.is_empty() {
        vec![(w.goals, &p.goals)]
    } else {
        vec![
            (w.midterm_goals, &p.midterm_goals),
            (w.annual_goals, &p.goals),
        ]
    }
}

/// Goals numbered in one text, a line each: `1.…`.
pub(crate) fn numbered(goals: &[String]) -> String {
    goals
        .iter()
        .enumerate()
        .map(|(i, g)| format!("{}.{g}", i + 1))
        .collect::<Vec<_>>()
        .join("\n")
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

/// The label of an entry of the overall part printed as a labelled
/// paragraph (a mid-term goal, the duties); `None` for the others.
pub(crate) fn overall_label(item: &crate::model::OverallItem, w: &Words) -> Option<&'static str> {
    match item {
        crate::model::OverallItem::MidtermGoal(_) => Some(w.midterm_goal),
        crate::model::OverallItem::Duties(_) => Some(w.duties),
        _ => None,
    }
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
