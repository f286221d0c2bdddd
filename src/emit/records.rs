//! The plan as the records provincial budget systems (预算管理一体化)
//! import: the department, each project's header, its funds by source,
//! cost build-up and spending schedule, every goal and every level-3
//! indicator, one record each, with the field names the systems use
//! (`../shared/DOMAIN.md` §5, `docs/records.md`).
//!
//! Records are flat (no nested object) and carry their own keys (year,
//! 财政区划, unit and project code, the plan's project id), so that each
//! kind loads into one table. They are written as one JSON document with
//! a list per kind ([`write_json`], with a published schema, [`schema`]),
//! or as one CSV file with a `record_type` column ([`write_csv`]).
//!
//! Money is in 万元 whatever the plan's unit, converted exactly; every
//! figure is a JSON number written with its exact decimal digits
//! (`120.00`), never through a float.

use crate::model::{
    self, Comparator, Dimension, Indicator, OverallItem, Plan, Project, SourceKind, Target,
    ValueType,
};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::str::FromStr;

/// The `$id` of the records' JSON Schema (version 1 of the layout; an
/// incompatible change gets a new one). Every document names it in its
/// `schema` field.
pub const SCHEMA_ID: &str = "https://perfplan.dev/schema/v1/records.json";

/// Every record of a plan, a list per kind, each in plan order.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct Records {
    /// The `$id` of the schema the document follows.
    pub schema: String,
    pub department: DepartmentRecord,
    pub projects: Vec<ProjectRecord>,
    pub funds: Vec<FundRecord>,
    pub costs: Vec<CostRecord>,
    pub schedules: Vec<ScheduleRecord>,
    pub goals: Vec<GoalRecord>,
    pub indicators: Vec<IndicatorRecord>,
}

/// The department the plan is of (部门整体).
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct DepartmentRecord {
    /// 预算年度.
    pub fiscal_year: u16,
    /// 财政区划 (9 digits), when the plan gives it.
    pub mof_div_code: Option<String>,
    /// 部门名称.
    pub dept_name: String,
    /// The indicator framework (profile) the plan follows.
    pub framework: String,
    /// 部门职责, its paragraphs joined by line breaks.
    pub dept_duty: Option<String>,
    /// The department's project spending: the sum of every project's
    /// total, in 万元.
    pub total_amt: Option<Number>,
    /// 基本支出, in 万元, when the plan states it.
    pub basic_amt: Option<Number>,
}

/// A project's header (项目信息).
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct ProjectRecord {
    pub fiscal_year: u16,
    /// 财政区划: the project's own, else the plan's.
    pub mof_div_code: Option<String>,
    /// 预算单位编码 of the implementing budget unit.
    pub agency_code: Option<String>,
    /// 预算单位名称.
    pub agency_name: Option<String>,
    /// The id the plan gives the project: the key of its records when it
    /// has no code.
    pub pro_id: String,
    /// 项目编码.
    pub pro_code: Option<String>,
    /// 项目名称.
    pub pro_name: String,
    /// 项目类别 / 项目属性 (新增, 延续 …).
    pub pro_cat: Option<String>,
    /// 主管部门编码, as written (`[301]`).
    pub parent_dept_code: Option<String>,
    /// 主管部门名称.
    pub parent_dept_name: Option<String>,
    /// 实施单位编码.
    pub impl_agency_code: Option<String>,
    /// 实施单位名称.
    pub impl_agency_name: Option<String>,
    /// 实施期 as written (`2023-07 至 2025-06`).
    pub performance_period: Option<String>,
    /// 实施期 start: `2023-07` or `2023`.
    pub period_start: Option<String>,
    /// 实施期 end: `2025-06` or `2025`.
    pub period_end: Option<String>,
    /// 资金用途.
    pub fund_use: Option<String>,
    /// 年度资金总额, in 万元.
    pub total_amt: Option<Number>,
    /// 项目总资金 over the whole period, in 万元, when stated.
    pub period_total_amt: Option<Number>,
    /// The project's position in the plan, from 1.
    pub orderby: usize,
}

/// One source of a project's funds (资金来源).
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct FundRecord {
    pub fiscal_year: u16,
    pub mof_div_code: Option<String>,
    pub agency_code: Option<String>,
    pub pro_id: String,
    pub pro_code: Option<String>,
    /// `"0"`: the year's funds (年度资金); `"1"`: 项目总资金 over the
    /// whole period.
    pub yearflag: YearFlag,
    /// fiscal (财政), local (本级), upper (上级), self_raised (自筹), other
    /// (其他) or named (a source named in the plan).
    pub source_kind: SourceKind,
    /// The source's name: 财政资金, 上级财政资金 … or the name written.
    pub source_name: String,
    /// The amount, in 万元.
    pub amt: Option<Number>,
    /// The source's position in its list, from 1.
    pub orderby: usize,
}

/// One item of a project's cost build-up (成本测算).
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct CostRecord {
    pub fiscal_year: u16,
    pub mof_div_code: Option<String>,
    pub agency_code: Option<String>,
    pub pro_id: String,
    pub pro_code: Option<String>,
    /// 成本项目.
    pub cost_name: String,
    /// The amount, in 万元.
    pub amt: Option<Number>,
    /// 测算依据.
    pub cost_basis: Option<String>,
    pub orderby: usize,
}

/// One checkpoint of a project's spending schedule (资金支出计划),
/// cumulative.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct ScheduleRecord {
    pub fiscal_year: u16,
    pub mof_div_code: Option<String>,
    pub agency_code: Option<String>,
    pub pro_id: String,
    pub pro_code: Option<String>,
    /// The checkpoint as written: `3月底`, `03-31`.
    pub checkpoint: String,
    pub month: u8,
    /// The day; `null` for the end of the month.
    pub day: Option<u8>,
    /// The share spent by then, in percent, when the schedule is in
    /// shares.
    pub share: Option<Number>,
    /// The amount spent by then, in 万元, when the schedule is in amounts.
    pub amt: Option<Number>,
    pub orderby: usize,
}

/// One goal (`PM_PERF_GOAL_INFO`).
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct GoalRecord {
    pub fiscal_year: u16,
    pub mof_div_code: Option<String>,
    /// `null` for the department's goals.
    pub agency_code: Option<String>,
    /// `null` for the department's goals.
    pub pro_id: Option<String>,
    pub pro_code: Option<String>,
    pub scope: Scope,
    /// `"1"` 总体/中长期 (mid-term) goal, `"0"` 年度 (annual).
    pub yearflag: YearFlag,
    /// The goal's text.
    pub kpi_target: String,
    /// Its position among the goals of the same project (or the
    /// department) and flag, from 1.
    pub orderby: usize,
}

/// One level-3 indicator (`PM_PERF_INDICATOR`).
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct IndicatorRecord {
    pub fiscal_year: u16,
    pub mof_div_code: Option<String>,
    /// `null` for the department's indicators.
    pub agency_code: Option<String>,
    /// `null` for the department's indicators.
    pub pro_id: Option<String>,
    pub pro_code: Option<String>,
    pub scope: Scope,
    /// `"1"` for the mid-term (中期) set, `"0"` for the annual one.
    pub yearflag: YearFlag,
    /// The framework's id of the first level (`产出`).
    pub lv1_perf_ind_id: String,
    /// 一级指标 (`产出指标`).
    pub lv1_perf_ind_name: String,
    /// The framework's id of the second level under the first (`数量`).
    pub lv2_perf_ind_id: String,
    /// 二级指标 (`数量指标`).
    pub lv2_perf_ind_name: String,
    /// 三级指标: the indicator's own name.
    pub lv3_perf_ind_name: String,
    /// 指标解释 / 绩效指标描述.
    pub kpi_content: Option<String>,
    /// The systems' code of the target's form: its comparator, `6` 定性,
    /// `9` 定量 without a comparator, `10` 不适用.
    pub computesign: ComputeSign,
    /// The comparator, when the target has one.
    pub indsymbol: Option<Comparator>,
    /// 指标值 as tables print it: `≥95%`, `≤12月底`, or the qualitative
    /// text.
    pub kpi_val: String,
    /// The target's number, for a target that is a number.
    pub indvalue: Option<Number>,
    /// 计量单位: the table's column, else the target's unit.
    pub meterunit: Option<String>,
    /// 指标值类型: as the table states it, else 定量 for a number or a
    /// deadline, 定性 for text or a grade, 不适用.
    pub value_type: ValueType,
    /// 指标方向: 正向 for ≥, > and =, 反向 for ≤ and <.
    pub direction: Option<Direction>,
    /// What the target's unit measures.
    pub dimension: Option<Dimension>,
    /// 指标值说明.
    pub value_remark: Option<String>,
    /// 指标值确定依据.
    pub ind_basis: Option<String>,
    /// 评(扣)分标准.
    pub kpi_evalstd: Option<String>,
    /// 分值 / 权重.
    pub weight: Option<Number>,
    /// 备注.
    pub kpi_remark: Option<String>,
    /// Its position among the indicators of the same project (or the
    /// department) and flag, in the order written, from 1.
    pub orderby: usize,
}

/// Whether a goal or indicator is the department's (部门整体) or a
/// project's (项目).
#[derive(Clone, Copy, Debug, Serialize, JsonSchema, PartialEq, Eq)]
pub enum Scope {
    #[serde(rename = "部门整体")]
    Department,
    #[serde(rename = "项目")]
    Project,
}

/// The systems' `yearflag`: `"1"` 总体/中长期, `"0"` 年度.
#[derive(Clone, Copy, Debug, Serialize, JsonSchema, PartialEq, Eq)]
pub enum YearFlag {
    #[serde(rename = "0")]
    Annual,
    #[serde(rename = "1")]
    Midterm,
}

impl YearFlag {
    fn of(midterm: bool) -> YearFlag {
        if midterm {
            YearFlag::Midterm
        } else {
            YearFlag::Annual
        }
    }
}

/// The systems' `computesign`: the comparator, or a code for a target
/// without one.
#[derive(Clone, Copy, Debug, Serialize, JsonSchema, PartialEq, Eq)]
pub enum ComputeSign {
    #[serde(rename = "≥")]
    Ge,
    #[serde(rename = "≤")]
    Le,
    #[serde(rename = "=")]
    Eq,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "<")]
    Lt,
    // 定性: qualitative text or a grade.
    #[serde(rename = "6")]
    Qualitative,
    // 定量（其他）: a number without a comparator.
    #[serde(rename = "9")]
    OtherQuantitative,
    // 不适用.
    #[serde(rename = "10")]
    NotApplicable,
}

impl From<Comparator> for ComputeSign {
    fn from(c: Comparator) -> ComputeSign {
        match c {
            Comparator::Ge => ComputeSign::Ge,
            Comparator::Le => ComputeSign::Le,
            Comparator::Eq => ComputeSign::Eq,
            Comparator::Gt => ComputeSign::Gt,
            Comparator::Lt => ComputeSign::Lt,
        }
    }
}

/// 指标方向: whether more (正向) or less (反向) is better.
#[derive(Clone, Copy, Debug, Serialize, JsonSchema, PartialEq, Eq)]
pub enum Direction {
    #[serde(rename = "正向")]
    Positive,
    #[serde(rename = "反向")]
    Negative,
}

impl From<Comparator> for Direction {
    fn from(c: Comparator) -> Direction {
        match c {
            Comparator::Ge | Comparator::Gt | Comparator::Eq => Direction::Positive,
            Comparator::Le | Comparator::Lt => Direction::Negative,
        }
    }
}

/// An exact decimal, written in JSON as a number with its own digits
/// (`120.00`), never through a float.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number(pub Decimal);

impl Number {
    /// The number a decimal text reads as; `None` for anything else.
    fn parse(text: &str) -> Option<Number> {
        Decimal::from_str(text).ok().map(Number)
    }
}

impl Serialize for Number {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let raw = RawValue::from_string(self.0.to_string()).map_err(serde::ser::Error::custom)?;
        raw.serialize(s)
    }
}

impl JsonSchema for Number {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Number".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number" })
    }
}

/// The records of a plan.
pub fn records(plan: &Plan) -> Records {
    let mut r = Records {
        schema: SCHEMA_ID.to_string(),
        department: department(plan),
        projects: Vec::new(),
        funds: Vec::new(),
        costs: Vec::new(),
        schedules: Vec::new(),
        goals: Vec::new(),
        indicators: Vec::new(),
    };
    overall(plan, &mut r);
    for (n, p) in plan.projects.iter().enumerate() {
        project(plan, p, n + 1, &mut r);
    }
    r
}

/// An amount of the plan, in 万元: exact, by moving the decimal point.
fn wan(amount: &str, money_unit: &str) -> Option<Number> {
    let d = Decimal::from_str(amount).ok()?;
    let d = match money_unit {
        "元" => {
            let mut d = d;
            d.set_scale(d.scale().checked_add(4)?).ok()?;
            d
        }
        "亿元" => d.checked_mul(Decimal::from(10_000))?,
        _ => d,
    };
    Some(Number(d))
}

fn department(plan: &Plan) -> DepartmentRecord {
    let duties: Vec<&str> = plan
        .overall
        .iter()
        .filter_map(|item| match item {
            OverallItem::Duties(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    DepartmentRecord {
        fiscal_year: plan.year,
        mof_div_code: plan.region.clone(),
        dept_name: plan.department.clone(),
        framework: plan.framework.clone(),
        dept_duty: (!duties.is_empty()).then(|| duties.join("\n")),
        total_amt: wan(&plan.total, &plan.money_unit),
        basic_amt: plan
            .basic_spending
            .as_deref()
            .and_then(|b| wan(b, &plan.money_unit)),
    }
}

/// Who a goal or indicator belongs to: the department or a project.
struct Owner {
    scope: Scope,
    year: u16,
    mof_div_code: Option<String>,
    agency_code: Option<String>,
    pro_id: Option<String>,
    pro_code: Option<String>,
}

impl Owner {
    fn department(plan: &Plan) -> Owner {
        Owner {
            scope: Scope::Department,
            year: plan.year,
            mof_div_code: plan.region.clone(),
            agency_code: None,
            pro_id: None,
            pro_code: None,
        }
    }

    fn project(key: &Key) -> Owner {
        Owner {
            scope: Scope::Project,
            year: key.year,
            mof_div_code: key.mof_div_code.clone(),
            agency_code: key.agency_code.clone(),
            pro_id: Some(key.pro_id.clone()),
            pro_code: key.pro_code.clone(),
        }
    }

    fn goal(&self, text: &str, yearflag: YearFlag, orderby: usize) -> GoalRecord {
        GoalRecord {
            fiscal_year: self.year,
            mof_div_code: self.mof_div_code.clone(),
            agency_code: self.agency_code.clone(),
            pro_id: self.pro_id.clone(),
            pro_code: self.pro_code.clone(),
            scope: self.scope,
            yearflag,
            kpi_target: text.to_string(),
            orderby,
        }
    }

    fn indicator(&self, i: &Indicator, orderby: usize) -> IndicatorRecord {
        let form = TargetForm::of(&i.target);
        IndicatorRecord {
            fiscal_year: self.year,
            mof_div_code: self.mof_div_code.clone(),
            agency_code: self.agency_code.clone(),
            pro_id: self.pro_id.clone(),
            pro_code: self.pro_code.clone(),
            scope: self.scope,
            yearflag: YearFlag::of(i.midterm),
            lv1_perf_ind_id: i.level1.id.clone(),
            lv1_perf_ind_name: i.level1.name.clone(),
            lv2_perf_ind_id: i.level2.id.clone(),
            lv2_perf_ind_name: i.level2.name.clone(),
            lv3_perf_ind_name: i.name.clone(),
            kpi_content: i.description.clone(),
            computesign: form.computesign,
            indsymbol: form.comparator,
            kpi_val: i.value_text.clone(),
            indvalue: form.value,
            meterunit: i.measure_unit.clone().or(form.unit),
            value_type: i.value_type.unwrap_or(form.value_type),
            direction: form.comparator.map(Direction::from),
            dimension: form.dimension,
            value_remark: i.note.clone(),
            ind_basis: i.basis.clone(),
            kpi_evalstd: i.scoring.clone(),
            weight: i.weight.as_deref().and_then(Number::parse),
            kpi_remark: i.remark.clone(),
            orderby,
        }
    }

    /// The goal and indicator records of a list of goals and indicators
    /// (each numbered within its flag, in the order given).
    fn push_all<'i>(&self, items: impl Iterator<Item = Item<'i>>, r: &mut Records) {
        let mut counts = Counts::default();
        for item in items {
            match item {
                Item::Goal(text, flag) => r.goals.push(self.goal(text, flag, counts.goal(flag))),
                Item::Indicator(i) => {
                    let n = counts.indicator(YearFlag::of(i.midterm));
                    r.indicators.push(self.indicator(i, n));
                }
            }
        }
    }
}

/// A goal (its text and flag) or an indicator, in reading order.
enum Item<'a> {
    Goal(&'a str, YearFlag),
    Indicator(&'a Indicator),
}

/// How many goals and indicators of each flag have been numbered.
#[derive(Default)]
struct Counts {
    goals: [usize; 2],
    indicators: [usize; 2],
}

impl Counts {
    fn next(slot: &mut [usize; 2], flag: YearFlag) -> usize {
        let n = match flag {
            YearFlag::Annual => &mut slot[0],
            YearFlag::Midterm => &mut slot[1],
        };
        *n += 1;
        *n
    }

    fn goal(&mut self, flag: YearFlag) -> usize {
        Counts::next(&mut self.goals, flag)
    }

    fn indicator(&mut self, flag: YearFlag) -> usize {
        Counts::next(&mut self.indicators, flag)
    }
}

/// What the systems' fields say of a target.
struct TargetForm {
    computesign: ComputeSign,
    comparator: Option<Comparator>,
    value: Option<Number>,
    unit: Option<String>,
    value_type: ValueType,
    dimension: Option<Dimension>,
}

impl TargetForm {
    fn of(target: &Target) -> TargetForm {
        let mut form = TargetForm {
            computesign: ComputeSign::Qualitative,
            comparator: None,
            value: None,
            unit: None,
            value_type: ValueType::Qualitative,
            dimension: None,
        };
        match target {
            Target::Quantitative {
                comparator,
                value,
                unit,
                dimension,
            } => {
                form.computesign = comparator.map_or(ComputeSign::OtherQuantitative, Into::into);
                form.comparator = *comparator;
                form.value = Number::parse(value);
                form.unit = unit.clone();
                form.value_type = ValueType::Quantitative;
                form.dimension = *dimension;
            }
            Target::Deadline { comparator, .. } => {
                form.computesign = (*comparator).into();
                form.comparator = Some(*comparator);
                form.value_type = ValueType::Quantitative;
            }
            Target::Qualitative { .. } | Target::Grade { .. } => {}
            Target::NotApplicable => {
                form.computesign = ComputeSign::NotApplicable;
                form.value_type = ValueType::NotApplicable;
            }
        }
        form
    }
}

/// The department's goals and indicators, from the overall part.
fn overall(plan: &Plan, r: &mut Records) {
    let items = plan.overall.iter().filter_map(|item| match item {
        OverallItem::Goal(text) => Some(Item::Goal(text, YearFlag::Annual)),
        OverallItem::MidtermGoal(text) => Some(Item::Goal(text, YearFlag::Midterm)),
        OverallItem::Indicator(i) => Some(Item::Indicator(i)),
        OverallItem::Duties(_) => None,
    });
    Owner::department(plan).push_all(items, r);
}

/// A project's header, funds, costs, schedule, goals and indicators.
fn project(plan: &Plan, p: &Project, orderby: usize, r: &mut Records) {
    let unit = plan.money_unit.as_str();
    let key = Key::of(plan, p);
    r.projects.push(ProjectRecord {
        fiscal_year: key.year,
        mof_div_code: key.mof_div_code.clone(),
        agency_code: key.agency_code.clone(),
        agency_name: p.unit.as_ref().map(|u| u.name.clone()),
        pro_id: key.pro_id.clone(),
        pro_code: key.pro_code.clone(),
        pro_name: p.name.clone(),
        pro_cat: p.category.clone(),
        parent_dept_code: p.supervisor.as_ref().and_then(|s| s.code.clone()),
        parent_dept_name: p.supervisor.as_ref().map(|s| s.name.clone()),
        impl_agency_code: p.implementer.as_ref().and_then(|s| s.code.clone()),
        impl_agency_name: p.implementer.as_ref().map(|s| s.name.clone()),
        performance_period: p.period.as_ref().map(|x| x.written.clone()),
        period_start: p.period.as_ref().map(|x| x.start.clone()),
        period_end: p.period.as_ref().map(|x| x.end.clone()),
        fund_use: p.purpose.clone(),
        total_amt: wan(&p.funds.total, unit),
        period_total_amt: p.total_funds.as_ref().and_then(|f| wan(&f.total, unit)),
        orderby,
    });
    funds(&key, &p.funds, YearFlag::Annual, unit, r);
    if let Some(total) = &p.total_funds {
        funds(&key, total, YearFlag::Midterm, unit, r);
    }
    for (n, c) in p.cost_items.iter().enumerate() {
        r.costs.push(CostRecord {
            fiscal_year: key.year,
            mof_div_code: key.mof_div_code.clone(),
            agency_code: key.agency_code.clone(),
            pro_id: key.pro_id.clone(),
            pro_code: key.pro_code.clone(),
            cost_name: c.name.clone(),
            amt: wan(&c.amount, unit),
            cost_basis: c.basis.clone(),
            orderby: n + 1,
        });
    }
    for (n, c) in p.schedule.iter().enumerate() {
        r.schedules.push(ScheduleRecord {
            fiscal_year: key.year,
            mof_div_code: key.mof_div_code.clone(),
            agency_code: key.agency_code.clone(),
            pro_id: key.pro_id.clone(),
            pro_code: key.pro_code.clone(),
            checkpoint: c.label.clone(),
            month: c.month,
            day: c.day,
            share: c.share.as_deref().and_then(Number::parse),
            amt: c.amount.as_deref().and_then(|a| wan(a, unit)),
            orderby: n + 1,
        });
    }
    let goals = p
        .midterm_goals
        .iter()
        .map(|g| Item::Goal(g, YearFlag::Midterm))
        .chain(p.goals.iter().map(|g| Item::Goal(g, YearFlag::Annual)));
    let items = goals.chain(p.indicators.iter().map(Item::Indicator));
    Owner::project(&key).push_all(items, r);
}

/// The keys every record of a project carries.
struct Key {
    year: u16,
    mof_div_code: Option<String>,
    agency_code: Option<String>,
    pro_id: String,
    pro_code: Option<String>,
}

impl Key {
    fn of(plan: &Plan, p: &Project) -> Key {
        Key {
            year: plan.year,
            mof_div_code: p.region.clone().or_else(|| plan.region.clone()),
            agency_code: p.unit.as_ref().map(|u| u.code.clone()),
            pro_id: p.id.clone(),
            pro_code: p.code.clone(),
        }
    }
}

/// One record per source of a project's funds.
fn funds(key: &Key, f: &model::Funds, yearflag: YearFlag, unit: &str, r: &mut Records) {
    for (n, s) in f.sources.iter().enumerate() {
        r.funds.push(FundRecord {
            fiscal_year: key.year,
            mof_div_code: key.mof_div_code.clone(),
            agency_code: key.agency_code.clone(),
            pro_id: key.pro_id.clone(),
            pro_code: key.pro_code.clone(),
            yearflag,
            source_kind: s.kind,
            source_name: s.name.clone(),
            amt: wan(&s.amount, unit),
            orderby: n + 1,
        });
    }
}

/// Writes the records as one pretty-printed JSON document, ending in a
/// newline.
pub fn write_json(records: &Records, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, records)?;
    out.write_all(b"\n")
}

/// The JSON Schema of the records, as `perfplan schema --records` prints
/// it.
pub fn schema() -> String {
    model::schema_text(schemars::schema_for!(Records), SCHEMA_ID)
}

/// The columns of the CSV, in order: `record_type`, the keys, then each
/// kind's fields. Every field of every record is one of them (a unit
/// test holds it).
pub const CSV_COLUMNS: [&str; 55] = [
    "record_type",
    "fiscal_year",
    "mof_div_code",
    "dept_name",
    "framework",
    "agency_code",
    "agency_name",
    "pro_id",
    "pro_code",
    "pro_name",
    "scope",
    "yearflag",
    "orderby",
    "pro_cat",
    "parent_dept_code",
    "parent_dept_name",
    "impl_agency_code",
    "impl_agency_name",
    "performance_period",
    "period_start",
    "period_end",
    "fund_use",
    "dept_duty",
    "total_amt",
    "basic_amt",
    "period_total_amt",
    "source_kind",
    "source_name",
    "cost_name",
    "cost_basis",
    "checkpoint",
    "month",
    "day",
    "share",
    "amt",
    "kpi_target",
    "lv1_perf_ind_id",
    "lv1_perf_ind_name",
    "lv2_perf_ind_id",
    "lv2_perf_ind_name",
    "lv3_perf_ind_name",
    "kpi_content",
    "computesign",
    "indsymbol",
    "kpi_val",
    "indvalue",
    "meterunit",
    "value_type",
    "direction",
    "dimension",
    "value_remark",
    "ind_basis",
    "kpi_evalstd",
    "weight",
    "kpi_remark",
];

/// Writes the records as one CSV file: UTF-8 with a byte-order mark (so
/// that Excel reads it as UTF-8), CRLF line ends, a header row of
/// [`CSV_COLUMNS`], then one row per record, the department first, then
/// projects, funds, costs, schedules, goals and indicators, each kind in
/// plan order. A field a record does not have is empty.
pub fn write_csv(records: &Records, out: &mut dyn Write) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    write_row(out, CSV_COLUMNS.iter().map(|c| (*c).to_string()))?;
    let r = records;
    csv_rows(out, "department", std::slice::from_ref(&r.department))?;
    csv_rows(out, "project", &r.projects)?;
    csv_rows(out, "fund", &r.funds)?;
    csv_rows(out, "cost", &r.costs)?;
    csv_rows(out, "schedule", &r.schedules)?;
    csv_rows(out, "goal", &r.goals)?;
    csv_rows(out, "indicator", &r.indicators)
}

/// The rows of one kind of record.
fn csv_rows<T: Serialize>(out: &mut dyn Write, kind: &str, records: &[T]) -> io::Result<()> {
    for record in records {
        let fields = fields_of(record)?;
        write_row(
            out,
            CSV_COLUMNS.iter().map(|&c| match c {
                "record_type" => kind.to_string(),
                _ => fields.get(c).cloned().unwrap_or_default(),
            }),
        )?;
    }
    Ok(())
}

/// A record's fields as CSV text: a string as it is, a number with its
/// exact digits, `null` as nothing.
fn fields_of<T: Serialize>(record: &T) -> io::Result<BTreeMap<String, String>> {
    let json = serde_json::to_string(record)?;
    let raw: BTreeMap<String, Box<RawValue>> = serde_json::from_str(&json)?;
    let mut fields = BTreeMap::new();
    for (name, value) in raw {
        let text = value.get();
        let cell = match text.as_bytes().first() {
            Some(b'"') => serde_json::from_str::<String>(text)?,
            _ if text == "null" => String::new(),
            _ => text.to_string(),
        };
        fields.insert(name, cell);
    }
    Ok(fields)
}

/// One CSV row: a field with a comma, a quote or a line break is quoted,
/// its quotes doubled.
fn write_row(out: &mut dyn Write, cells: impl Iterator<Item = String>) -> io::Result<()> {
    for (n, cell) in cells.enumerate() {
        if n > 0 {
            out.write_all(b",")?;
        }
        if cell.contains([',', '"', '\r', '\n']) {
            write!(out, "\"{}\"", cell.replace('"', "\"\""))?;
        } else {
            out.write_all(cell.as_bytes())?;
        }
    }
    out.write_all(b"\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wan_text(amount: &str, unit: &str) -> Option<String> {
        wan(amount, unit).map(|n| n.0.to_string())
    }

    #[test]
    fn money_is_converted_to_wan_exactly() {
        assert_eq!(wan_text("120.00", "万元").as_deref(), Some("120.00"));
        assert_eq!(wan_text("500000", "元").as_deref(), Some("50.0000"));
        assert_eq!(wan_text("123.45", "元").as_deref(), Some("0.012345"));
        assert_eq!(wan_text("1.5", "亿元").as_deref(), Some("15000.0"));
        assert_eq!(wan_text("", "万元"), None);
        assert_eq!(wan_text("1.0000000000000000000000000", "元"), None);
    }

    #[test]
    fn numbers_are_written_with_their_own_digits() {
        let n = Number::parse("120.00").map(|n| serde_json::to_string(&n).ok());
        assert_eq!(n, Some(Some("120.00".to_string())));
        let n = Number::parse("-0.5").map(|n| serde_json::to_string(&n).ok());
        assert_eq!(n, Some(Some("-0.5".to_string())));
    }

    #[test]
    fn csv_fields_are_quoted_when_they_must_be() {
        let mut out = Vec::new();
        let cells = ["a", "b,c", "say \"hi\"", "two\nlines", "≥95%"].map(String::from);
        assert!(write_row(&mut out, cells.into_iter()).is_ok());
        assert_eq!(
            String::from_utf8_lossy(&out),
            "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",≥95%\r\n"
        );
    }

    /// Every field of every kind of record has its CSV column, and every
    /// column but `record_type` is some record's field.
    #[test]
    fn csv_columns_are_the_fields_of_the_records() {
        let schema = serde_json::to_value(schemars::schema_for!(Records)).unwrap_or_default();
        let mut fields = std::collections::BTreeSet::new();
        let kinds = [
            "DepartmentRecord",
            "ProjectRecord",
            "FundRecord",
            "CostRecord",
            "ScheduleRecord",
            "GoalRecord",
            "IndicatorRecord",
        ];
        for kind in kinds {
            let properties = schema["$defs"][kind]["properties"].as_object();
            assert!(properties.is_some(), "{kind} has fields");
            fields.extend(properties.into_iter().flat_map(|p| p.keys().cloned()));
        }
        let columns: std::collections::BTreeSet<String> = CSV_COLUMNS
            .iter()
            .filter(|c| **c != "record_type")
            .map(|c| c.to_string())
            .collect();
        assert_eq!(fields, columns);
        assert_eq!(columns.len() + 1, CSV_COLUMNS.len(), "no column twice");
    }

    #[test]
    fn direction_and_computesign_follow_the_comparator() {
        let target = |comparator| Target::Quantitative {
            comparator,
            value: "95".to_string(),
            unit: Some("%".to_string()),
            dimension: Some(Dimension::Percent),
        };
        let form = TargetForm::of(&target(Some(Comparator::Le)));
        assert_eq!(form.computesign, ComputeSign::Le);
        assert_eq!(
            form.comparator.map(Direction::from),
            Some(Direction::Negative)
        );
        assert_eq!(Direction::from(Comparator::Eq), Direction::Positive);
        let bare = TargetForm::of(&target(None));
        assert_eq!(bare.computesign, ComputeSign::OtherQuantitative);
        assert_eq!(bare.value_type, ValueType::Quantitative);
        let text = TargetForm::of(&Target::Qualitative {
            text: "良好".to_string(),
        });
        assert_eq!(
            (text.computesign, text.value_type),
            (ComputeSign::Qualitative, ValueType::Qualitative)
        );
        let none = TargetForm::of(&Target::NotApplicable);
        assert_eq!(none.computesign, ComputeSign::NotApplicable);
    }
}
