//! The resolved plan: what `perfplan build` emits.
//!
//! The syntax tree says what was written; this model says what it means:
//! names resolved, defaults applied, amounts in the plan's money unit and
//! the derived figures computed (each project's total, the department
//! total, the per-project summaries). JSON is this model serialised, and
//! the Markdown document is rendered from it, so the two never disagree.
//! Decimals are strings, exact, as written or as computed.
//!
//! The model holds nothing that depends on how the plan was written
//! (keyword language, layout, comments): a plan and its `fmt` output or
//! its English-keyword twin give the same model.

mod resolve;

pub use resolve::{resolve, resolve_frame, resolve_projects};

use schemars::JsonSchema;
use serde::Serialize;

/// The version of the JSON format; raised on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole plan.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct Plan {
    /// The version of this format.
    pub schema_version: u32,
    /// The fiscal year.
    pub year: u16,
    /// The department (部门) the plan is of.
    pub department: String,
    /// The plan is a draft (`草案 是`): its documents' title says
    /// （草案）. Present only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// The framework profile's name.
    pub framework: String,
    /// The money unit of every amount: 元, 万元 or 亿元.
    pub money_unit: String,
    /// 财政区划: the finance region's code, when the header gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub budget_units: Vec<BudgetUnit>,
    /// The department total: the sum of every project's total.
    pub total: String,
    /// 基本支出: the department's basic spending, when the header states
    /// it; its whole spending is this and `total`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basic_spending: Option<String>,
    /// 一、总体绩效目标: goal paragraphs and indicators, in reading order.
    pub overall: Vec<OverallItem>,
    /// 二、分项绩效目标: one per project, in project order.
    pub summaries: Vec<Summary>,
    /// 三、工作保障措施.
    pub measures: Vec<Measure>,
    /// 第二部分: the projects, in the order written.
    pub projects: Vec<Project>,
}

#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct BudgetUnit {
    pub code: String,
    pub name: String,
}

/// One entry of the overall part.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum OverallItem {
    /// A paragraph of the overall goal.
    Goal(String),
    /// A paragraph of the mid-term (中长期) goal.
    MidtermGoal(String),
    /// The department's duties (部门职责).
    Duties(String),
    Indicator(Box<Indicator>),
}

/// What the department part says of one project (分项绩效目标).
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct Summary {
    /// The project's id.
    pub project: String,
    /// The project's name (from its table).
    pub name: String,
    /// The project's total (from its table), in the plan's money unit.
    pub amount: String,
    /// The summary's goal text: the summary's own, or the project's goals
    /// joined.
    pub goal: String,
}

#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct Measure {
    pub title: String,
    pub text: String,
}

/// One project and its 绩效目标表.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct Project {
    /// The id the plan gives the project.
    pub id: String,
    pub name: String,
    /// 项目编码.
    pub code: Option<String>,
    /// The implementing budget unit.
    pub unit: Option<BudgetUnit>,
    pub funds: Funds,
    /// 资金用途.
    pub purpose: Option<String>,
    /// 资金支出计划: cumulative, in date order.
    pub schedule: Vec<Checkpoint>,
    /// 年度绩效目标, numbered 1, 2, 3 … in documents.
    pub goals: Vec<String>,
    /// The indicators in the order written; `midterm` marks the mid-term
    /// set's.
    pub indicators: Vec<Indicator>,
    /// 项目类别 / 项目属性: 新增, 延续 ….
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// 主管部门.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supervisor: Option<Party>,
    /// 实施单位, when the table names it apart from the budget unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implementer: Option<Party>,
    /// 财政区划 of the project, when it differs from the plan's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// 实施期 / 项目期.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// 项目总资金 over the whole period, beside the year's `funds`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_funds: Option<Funds>,
    /// 中期目标 / 实施期目标, numbered in documents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub midterm_goals: Vec<String>,
    /// 成本测算: the cost build-up, whose amounts add up to `funds`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cost_items: Vec<CostItem>,
}

/// One item of a project's cost build-up.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct CostItem {
    pub name: String,
    /// In the plan's money unit.
    pub amount: String,
    /// 测算依据.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}

/// A department or unit: its code when given, and its name.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct Party {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub name: String,
}

/// `[301] 乐亭县教育局`: the code, a space and the name; the name alone
/// when there is no code.
impl std::fmt::Display for Party {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.code {
            Some(code) => write!(f, "{code} {}", self.name),
            None => f.write_str(&self.name),
        }
    }
}

/// A project's period: first and last month (`2023-07`) or year (`2023`),
/// and the period as written.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct Period {
    pub start: String,
    pub end: String,
    pub written: String,
}

/// 预算数 and its sources, in the plan's money unit.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct Funds {
    pub total: String,
    pub sources: Vec<FundSource>,
}

#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct FundSource {
    pub kind: SourceKind,
    /// 财政资金, 其他资金, or the name written.
    pub name: String,
    pub amount: String,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Fiscal,
    /// 本级财政: fiscal money of the unit's own government.
    Local,
    /// 上级财政: fiscal transfers from the level above.
    Upper,
    /// 自筹: the unit's own money.
    SelfRaised,
    Other,
    Named,
}

/// A checkpoint of the spending schedule.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct Checkpoint {
    /// As written: `3月底`, `03-31`.
    pub label: String,
    pub month: u8,
    /// `null` for the end of the month.
    pub day: Option<u8>,
    /// The cumulative share spent by then, in percent (`"25"`), or
    /// `null` when the schedule is in amounts.
    pub share: Option<String>,
    /// The cumulative amount spent by then, in the plan's money unit, when
    /// the schedule is in amounts.
    pub amount: Option<String>,
}

/// One indicator row.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct Indicator {
    pub level1: Level,
    pub level2: Level,
    /// 三级指标.
    pub name: String,
    /// 绩效指标描述.
    pub description: Option<String>,
    pub target: Target,
    /// 指标值 as reviewers write it: `≥95%`, `≤4万元/人`, `定性` text.
    pub value_text: String,
    /// 指标值确定依据: the row's, else the project's, else the plan's.
    pub basis: Option<String>,
    /// 分值.
    pub weight: Option<String>,
    /// Whether the row belongs to the mid-term (中期) set.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub midterm: bool,
    /// 指标值类型 as the table states it: 定量, 定性 or 不适用.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_type: Option<ValueType>,
    /// 计量单位 as the table's own column states it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure_unit: Option<String>,
    /// 评(扣)分标准.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scoring: Option<String>,
    /// 指标值说明.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// 备注.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
}

/// A first or second level, by its short id and official name.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct Level {
    pub id: String,
    pub name: String,
}

/// A target (指标值).
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Target {
    /// `≥ 95%`, `= 120个`, `≤ 4万元/人`; a bare number has no comparator.
    Quantitative {
        comparator: Option<Comparator>,
        value: String,
        unit: Option<String>,
        dimension: Option<Dimension>,
    },
    /// `≤ 12月底`.
    Deadline {
        comparator: Comparator,
        date: String,
    },
    /// `定性 "…"`.
    Qualitative { text: String },
    /// `等级 优`.
    Grade { grade: String },
    /// `不适用`.
    NotApplicable,
}

/// A target's comparator (`≥`, `≤`, `=`, `>`, `<`, whatever the plan
/// wrote) and what its unit measures: the values' own types, which the
/// schema names `Comparator` and `Dimension`.
pub use crate::values::comparator::CmpOp as Comparator;
pub use crate::values::unit::Dimension;

/// 指标值类型, by its official word: 定量 (quantitative), 定性
/// (qualitative) or 不适用 (not applicable).
#[derive(Clone, Copy, Debug, Serialize, JsonSchema, PartialEq, Eq)]
pub enum ValueType {
    #[serde(rename = "定量")]
    Quantitative,
    #[serde(rename = "定性")]
    Qualitative,
    #[serde(rename = "不适用")]
    NotApplicable,
}

impl ValueType {
    /// The official word: 定量, 定性 or 不适用.
    pub fn word(self) -> &'static str {
        match self {
            ValueType::Quantitative => "定量",
            ValueType::Qualitative => "定性",
            ValueType::NotApplicable => "不适用",
        }
    }
}

/// The `$id` of the model's JSON Schema: a stable name for version 1 of
/// the format (a new version gets a new one).
pub const SCHEMA_ID: &str = "https://perfplan.dev/schema/v1/plan.json";

/// The JSON Schema of the model, as `perfplan schema` prints it.
pub fn schema() -> String {
    schema_text(schemars::schema_for!(Plan), SCHEMA_ID)
}

/// A schema as pretty JSON ending in a newline, with its `$id`.
pub(crate) fn schema_text(mut schema: schemars::Schema, id: &str) -> String {
    schema.insert("$id".to_string(), id.into());
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
