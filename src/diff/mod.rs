//! `perfplan diff`: what changed between two versions of a plan, in the
//! terms a reviewer uses — money, schedules, targets, prose — rather than
//! lines of text.
//!
//! Both versions are compared as resolved models (`crate::model::Plan`),
//! so layout, comments and keyword language never show as changes.
//! Projects are matched by id, then by code; indicators by name within
//! their set (annual or mid-term), then by name across the sets, then
//! (for renames) by path. Prose is compared by character.

mod index;
mod render;
pub mod text;

pub use render::{render_human, render_json, render_markdown};

use crate::model::{self, Funds, Indicator, OverallItem, Party, Plan, Project, Target};
use crate::values::date::days_in_month;
use index::{FirstUnused, first_by_key};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use text::Piece;

/// Every change between two plans.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct PlanDiff {
    pub money_unit: String,
    /// Year, department, framework, money unit, budget units.
    pub header: Vec<Change>,
    /// The department total.
    pub total: Option<MoneyChange>,
    /// The overall part: goal paragraphs and indicators.
    pub overall: Vec<Change>,
    pub projects: Vec<ProjectDiff>,
    /// Safeguard measures.
    pub measures: Vec<Change>,
}

impl PlanDiff {
    pub fn is_empty(&self) -> bool {
        self.header.is_empty()
            && self.total.is_none()
            && self.overall.is_empty()
            && self.projects.is_empty()
            && self.measures.is_empty()
    }
}

/// What happened to one project.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ProjectDiff {
    pub id: String,
    pub name: String,
    pub status: Status,
    pub changes: Vec<Change>,
}

#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Added,
    Removed,
    Changed,
}

/// An amount before and after, with the difference.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct MoneyChange {
    pub old: String,
    pub new: String,
    pub delta: String,
    /// The change relative to the old amount, in percent, one decimal;
    /// `None` when the old amount is zero.
    pub percent: Option<String>,
}

/// One change.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// A plain field: name (a rename), code, unit, year, framework …
    Field {
        field: Field,
        old: String,
        new: String,
    },
    /// The total of a project, or one of its sources: of the year's
    /// funds, or of 项目总资金 (the funds over the whole period).
    Money {
        source: Option<String>,
        change: MoneyChange,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        total_funds: bool,
    },
    /// A schedule checkpoint added, removed or changed (`None` when absent).
    Checkpoint {
        label: String,
        old: Option<String>,
        new: Option<String>,
    },
    IndicatorAdded {
        path: String,
        name: String,
        value: String,
    },
    IndicatorRemoved {
        path: String,
        name: String,
        value: String,
    },
    IndicatorRenamed {
        path: String,
        old: String,
        new: String,
    },
    /// The indicator now sits under other levels.
    IndicatorMoved {
        name: String,
        old: String,
        new: String,
    },
    Target {
        path: String,
        name: String,
        old: String,
        new: String,
    },
    Basis {
        path: String,
        name: String,
        old: String,
        new: String,
    },
    Weight {
        path: String,
        name: String,
        old: String,
        new: String,
    },
    Description {
        path: String,
        name: String,
        pieces: Vec<Piece>,
    },
    /// One of the table's optional columns of an indicator (指标值类型,
    /// 计量单位, 评(扣)分标准, 指标值说明, 备注).
    IndicatorField {
        field: IndicatorField,
        path: String,
        name: String,
        old: String,
        new: String,
    },
    /// The indicator moved between the annual and the mid-term set.
    IndicatorSet {
        path: String,
        name: String,
        old: Set,
        new: Set,
    },
    /// A prose text changed: purpose, a goal, a measure, a summary.
    Prose {
        what: Prose,
        pieces: Vec<Piece>,
    },
    TextAdded {
        what: Prose,
        text: String,
    },
    TextRemoved {
        what: Prose,
        text: String,
    },
}

#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Year,
    Department,
    Framework,
    MoneyUnit,
    Name,
    Code,
    Unit,
    BudgetUnit,
    /// 财政区划 of the plan or of a project.
    Region,
    /// 项目类别.
    Category,
    /// 主管部门, code and name.
    Supervisor,
    /// 实施单位.
    Implementer,
    /// 实施期, as written.
    Period,
}

/// An optional column of an indicator row.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorField {
    ValueType,
    MeasureUnit,
    Scoring,
    Note,
    Remark,
}

/// The indicator set of a multi-year project a row belongs to.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Set {
    Annual,
    Midterm,
}

impl Set {
    fn of(i: &Indicator) -> Set {
        if i.midterm { Set::Midterm } else { Set::Annual }
    }
}

/// Which prose text.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[serde(tag = "of", content = "which", rename_all = "snake_case")]
pub enum Prose {
    Purpose,
    /// A goal, numbered from 1.
    Goal(usize),
    /// A mid-term goal (中期目标) of a project, numbered from 1.
    MidtermGoal(usize),
    /// A paragraph of the overall goal, numbered from 1.
    OverallGoal(usize),
    /// A paragraph of the overall mid-term goal, numbered from 1.
    OverallMidtermGoal(usize),
    /// The project's 分项绩效目标 text.
    Summary,
    /// A safeguard measure, by title.
    Measure(String),
}

/// Compares two resolved plans.
pub fn diff(old: &Plan, new: &Plan) -> PlanDiff {
    PlanDiff {
        money_unit: new.money_unit.clone(),
        header: header(old, new),
        total: money(&old.total, &new.total),
        overall: overall(old, new),
        projects: projects(old, new),
        measures: measures(old, new),
    }
}

fn header(old: &Plan, new: &Plan) -> Vec<Change> {
    let mut out = Vec::new();
    field(
        &mut out,
        Field::Year,
        &old.year.to_string(),
        &new.year.to_string(),
    );
    field(
        &mut out,
        Field::Department,
        &old.department,
        &new.department,
    );
    field(&mut out, Field::Framework, &old.framework, &new.framework);
    field(&mut out, Field::MoneyUnit, &old.money_unit, &new.money_unit);
    let units = |p: &Plan| {
        p.budget_units
            .iter()
            .map(|u| format!("{} {}", u.code, u.name))
            .collect::<Vec<_>>()
            .join("；")
    };
    field(&mut out, Field::BudgetUnit, &units(old), &units(new));
    field(
        &mut out,
        Field::Region,
        old.region.as_deref().unwrap_or(""),
        new.region.as_deref().unwrap_or(""),
    );
    out
}

fn field(out: &mut Vec<Change>, field: Field, old: &str, new: &str) {
    if old != new {
        out.push(Change::Field {
            field,
            old: old.to_string(),
            new: new.to_string(),
        });
    }
}

/// The change between two decimal amounts, or `None` when they are equal
/// in value (`50` and `50.00` are the same amount).
pub fn money(old: &str, new: &str) -> Option<MoneyChange> {
    let (o, n) = (decimal(old), decimal(new));
    if o == n {
        return None;
    }
    let delta = n.checked_sub(o).unwrap_or_default();
    let percent = (!o.is_zero())
        .then(|| {
            delta
                .checked_div(o)
                .and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED))
        })
        .flatten()
        .map(|p| signed(p.round_dp(1)));
    Some(MoneyChange {
        old: old.to_string(),
        new: new.to_string(),
        delta: signed(delta),
        percent,
    })
}

fn decimal(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

fn signed(d: Decimal) -> String {
    if d.is_sign_negative() {
        d.to_string()
    } else {
        format!("+{d}")
    }
}

fn overall(old: &Plan, new: &Plan) -> Vec<Change> {
    let goals = |p: &Plan, midterm: bool| -> Vec<String> {
        p.overall
            .iter()
            .filter_map(|i| match i {
                OverallItem::Goal(g) if !midterm => Some(g.clone()),
                OverallItem::MidtermGoal(g) if midterm => Some(g.clone()),
                _ => None,
            })
            .collect()
    };
    let indicators = |p: &Plan| -> Vec<Indicator> {
        p.overall
            .iter()
            .filter_map(|i| {
                if let OverallItem::Indicator(x) = i {
                    Some((**x).clone())
                } else {
                    None
                }
            })
            .collect()
    };
    let mut out = Vec::new();
    texts(
        &mut out,
        &goals(old, false),
        &goals(new, false),
        Prose::OverallGoal,
    );
    texts(
        &mut out,
        &goals(old, true),
        &goals(new, true),
        Prose::OverallMidtermGoal,
    );
    indicator_changes(&mut out, &indicators(old), &indicators(new));
    out
}

fn measures(old: &Plan, new: &Plan) -> Vec<Change> {
    let mut out = Vec::new();
    let new_by_title = first_by_key(new.measures.iter().map(|n| (n.title.as_str(), n)));
    for m in &old.measures {
        match new_by_title.get(m.title.as_str()) {
            Some(n) => prose(&mut out, Prose::Measure(m.title.clone()), &m.text, &n.text),
            None => out.push(Change::TextRemoved {
                what: Prose::Measure(m.title.clone()),
                text: m.text.clone(),
            }),
        }
    }
    let old_titles: HashSet<&str> = old.measures.iter().map(|m| m.title.as_str()).collect();
    for n in new
        .measures
        .iter()
        .filter(|n| !old_titles.contains(n.title.as_str()))
    {
        out.push(Change::TextAdded {
            what: Prose::Measure(n.title.clone()),
            text: n.text.clone(),
        });
    }
    out
}

/// Projects matched by id, then by code; the rest added or removed.
/// The new projects are looked up through maps, by id and by code.
fn projects(old: &Plan, new: &Plan) -> Vec<ProjectDiff> {
    let mut out = Vec::new();
    let mut matched_new = vec![false; new.projects.len()];
    let by_id = first_by_key(
        new.projects
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i)),
    );
    let mut by_code = FirstUnused::new(new.projects.iter().map(|n| n.code.as_deref()));
    let summaries = Summaries::of(old, new);
    for o in &old.projects {
        let found = by_id.get(o.id.as_str()).copied().or_else(|| {
            o.code
                .as_deref()
                .and_then(|c| by_code.first(&Some(c), &matched_new))
        });
        let Some((i, n)) = found.and_then(|i| Some((i, new.projects.get(i)?))) else {
            out.push(whole(o, Status::Removed));
            continue;
        };
        if let Some(seen) = matched_new.get_mut(i) {
            *seen = true;
        }
        let changes = project_changes(&summaries, new.year, o, n);
        if !changes.is_empty() {
            out.push(ProjectDiff {
                id: n.id.clone(),
                name: n.name.clone(),
                status: Status::Changed,
                changes,
            });
        }
    }
    for (i, n) in new.projects.iter().enumerate() {
        if !matched_new[i] {
            out.push(whole(n, Status::Added));
        }
    }
    out
}

/// Each side's 分项绩效目标 texts by project id (the first one of an id).
struct Summaries<'a> {
    old: HashMap<&'a str, &'a str>,
    new: HashMap<&'a str, &'a str>,
}

impl<'a> Summaries<'a> {
    fn of(old: &'a Plan, new: &'a Plan) -> Summaries<'a> {
        let goals = |plan: &'a Plan| {
            first_by_key(
                plan.summaries
                    .iter()
                    .map(|s| (s.project.as_str(), s.goal.as_str())),
            )
        };
        Summaries {
            old: goals(old),
            new: goals(new),
        }
    }
}

/// An added or removed project, with its total.
fn whole(p: &Project, status: Status) -> ProjectDiff {
    let zero = "0".to_string();
    let (o, n) = match status {
        Status::Added => (&zero, &p.funds.total),
        _ => (&p.funds.total, &zero),
    };
    let changes = money(o, n)
        .map(|change| Change::Money {
            source: None,
            change,
            total_funds: false,
        })
        .into_iter()
        .collect();
    ProjectDiff {
        id: p.id.clone(),
        name: p.name.clone(),
        status,
        changes,
    }
}

fn project_changes(summaries: &Summaries, year: u16, o: &Project, n: &Project) -> Vec<Change> {
    let mut out = Vec::new();
    field(&mut out, Field::Name, &o.name, &n.name);
    field(
        &mut out,
        Field::Code,
        o.code.as_deref().unwrap_or(""),
        n.code.as_deref().unwrap_or(""),
    );
    let unit = |p: &Project| {
        p.unit
            .as_ref()
            .map(|u| format!("{} {}", u.code, u.name))
            .unwrap_or_default()
    };
    field(&mut out, Field::Unit, &unit(o), &unit(n));
    table_fields(&mut out, o, n);
    funds(&mut out, Some(&o.funds), Some(&n.funds), false);
    funds(
        &mut out,
        o.total_funds.as_ref(),
        n.total_funds.as_ref(),
        true,
    );
    schedule(&mut out, o, n, year);
    prose(
        &mut out,
        Prose::Purpose,
        o.purpose.as_deref().unwrap_or(""),
        n.purpose.as_deref().unwrap_or(""),
    );
    texts(
        &mut out,
        &o.midterm_goals,
        &n.midterm_goals,
        Prose::MidtermGoal,
    );
    texts(&mut out, &o.goals, &n.goals, Prose::Goal);
    let old_summary = summaries.old.get(o.id.as_str());
    if let (Some(a), Some(b)) = (old_summary, summaries.new.get(n.id.as_str())) {
        prose(&mut out, Prose::Summary, a, b);
    }
    indicator_changes(&mut out, &o.indicators, &n.indicators);
    out
}

/// The fields of a project table's header block: 项目类别, 主管部门,
/// 实施单位, 财政区划 (the project's own; a change of the plan's is in the
/// plan's header), 实施期.
fn table_fields(out: &mut Vec<Change>, o: &Project, n: &Project) {
    let text = |s: &Option<String>| s.clone().unwrap_or_default();
    let party = |p: &Option<Party>| p.as_ref().map(Party::to_string).unwrap_or_default();
    let period = |p: &Project| p.period.as_ref().map(|x| x.written.clone());
    field(out, Field::Category, &text(&o.category), &text(&n.category));
    field(
        out,
        Field::Supervisor,
        &party(&o.supervisor),
        &party(&n.supervisor),
    );
    field(
        out,
        Field::Implementer,
        &party(&o.implementer),
        &party(&n.implementer),
    );
    field(out, Field::Region, &text(&o.region), &text(&n.region));
    field(out, Field::Period, &text(&period(o)), &text(&period(n)));
}

/// The change of a project's funds, the year's or 项目总资金: the total,
/// then each source (a source absent on one side counts as zero). Funds
/// absent on one side have no total (`（无）`).
fn funds(out: &mut Vec<Change>, o: Option<&Funds>, n: Option<&Funds>, total_funds: bool) {
    let total = |f: Option<&Funds>| f.map_or(String::new(), |f| f.total.clone());
    if let Some(change) = money(&total(o), &total(n)) {
        out.push(Change::Money {
            source: None,
            change,
            total_funds,
        });
    }
    fn sources(f: Option<&Funds>) -> &[model::FundSource] {
        f.map_or(&[], |f| f.sources.as_slice())
    }
    let mut names: Vec<&str> = sources(o).iter().map(|s| s.name.as_str()).collect();
    for s in sources(n) {
        if !names.contains(&s.name.as_str()) {
            names.push(&s.name);
        }
    }
    for name in names {
        let amount = |f: Option<&Funds>| {
            sources(f)
                .iter()
                .find(|s| s.name == name)
                .map_or("0".to_string(), |s| s.amount.clone())
        };
        if let Some(change) = money(&amount(o), &amount(n)) {
            out.push(Change::Money {
                source: Some(name.to_string()),
                change,
                total_funds,
            });
        }
    }
}

/// Checkpoints matched by date (`6月底` and `06-30` are the same day).
fn schedule(out: &mut Vec<Change>, o: &Project, n: &Project, year: u16) {
    let value = |c: &model::Checkpoint| match (&c.share, &c.amount) {
        (Some(s), _) => format!("{}%", decimal(s).normalize()),
        (None, Some(a)) => decimal(a).normalize().to_string(),
        (None, None) => String::new(),
    };
    let key = |c: &model::Checkpoint| {
        (
            c.month,
            c.day.unwrap_or_else(|| days_in_month(year, c.month)),
        )
    };
    let mut keys: Vec<(u8, u8)> = o.schedule.iter().chain(&n.schedule).map(key).collect();
    keys.sort_unstable();
    keys.dedup();
    let old_at = first_by_key(o.schedule.iter().map(|c| (key(c), c)));
    let new_at = first_by_key(n.schedule.iter().map(|c| (key(c), c)));
    for k in keys {
        let a = old_at.get(&k).copied();
        let b = new_at.get(&k).copied();
        let (va, vb) = (a.map(value), b.map(value));
        if va != vb {
            let label = b.or(a).map(|c| c.label.clone()).unwrap_or_default();
            out.push(Change::Checkpoint {
                label,
                old: va,
                new: vb,
            });
        }
    }
}

/// Numbered texts (goals, paragraphs) compared position by position.
fn texts(out: &mut Vec<Change>, old: &[String], new: &[String], what: fn(usize) -> Prose) {
    for i in 0..old.len().max(new.len()) {
        match (old.get(i), new.get(i)) {
            (Some(a), Some(b)) => prose(out, what(i + 1), a, b),
            (Some(a), None) => out.push(Change::TextRemoved {
                what: what(i + 1),
                text: a.clone(),
            }),
            (None, Some(b)) => out.push(Change::TextAdded {
                what: what(i + 1),
                text: b.clone(),
            }),
            (None, None) => {}
        }
    }
}

fn prose(out: &mut Vec<Change>, what: Prose, old: &str, new: &str) {
    if old != new {
        out.push(Change::Prose {
            what,
            pieces: text::diff(old, new),
        });
    }
}

/// An indicator's place: its levels' ids (`产出.数量`), after `中期 ` for
/// a row of the mid-term set, as the plan writes it.
fn path(i: &Indicator) -> String {
    let prefix = if i.midterm { "中期 " } else { "" };
    format!("{prefix}{}", levels(i))
}

fn levels(i: &Indicator) -> String {
    format!("{}.{}", i.level1.id, i.level2.id)
}

/// Indicators matched by name within their set (annual or mid-term), then
/// by name across the sets (a row moved between them); left-over pairs at
/// the same path are renames; the rest are added or removed.
fn indicator_changes<'a>(out: &mut Vec<Change>, old: &'a [Indicator], new: &'a [Indicator]) {
    let mut used = vec![false; new.len()];
    let mut pairs: Vec<Option<usize>> = vec![None; old.len()];
    let mut same_set = FirstUnused::new(new.iter().map(|n| (n.name.as_str(), n.midterm)));
    match_by(old, &mut pairs, &mut used, |o, used| {
        same_set.first(&(o.name.as_str(), o.midterm), used)
    });
    let mut same_name = FirstUnused::new(new.iter().map(|n| n.name.as_str()));
    match_by(old, &mut pairs, &mut used, |o, used| {
        same_name.first(o.name.as_str(), used)
    });
    for (o, pair) in old.iter().zip(&pairs) {
        if let Some(n) = pair.and_then(|i| new.get(i)) {
            indicator_pair(out, o, n);
        }
    }
    let mut same_path = FirstUnused::new(new.iter().map(path));
    let unmatched_old = old.iter().zip(&pairs).filter(|(_, p)| p.is_none());
    for (o, _) in unmatched_old {
        let renamed = same_path.first(path(o).as_str(), &used);
        match renamed.and_then(|i| Some((i, new.get(i)?))) {
            Some((i, n)) => {
                used[i] = true;
                out.push(Change::IndicatorRenamed {
                    path: path(o),
                    old: o.name.clone(),
                    new: n.name.clone(),
                });
                indicator_pair(out, o, n);
            }
            None => out.push(Change::IndicatorRemoved {
                path: path(o),
                name: o.name.clone(),
                value: o.value_text.clone(),
            }),
        }
    }
    for (_, n) in new.iter().enumerate().filter(|(i, _)| !used[*i]) {
        out.push(Change::IndicatorAdded {
            path: path(n),
            name: n.name.clone(),
            value: n.value_text.clone(),
        });
    }
}

/// Pairs each old indicator not yet paired with the new one that `find`
/// gives (the first unused one it accepts), and marks that one used.
fn match_by<'a>(
    old: &'a [Indicator],
    pairs: &mut [Option<usize>],
    used: &mut [bool],
    mut find: impl FnMut(&'a Indicator, &[bool]) -> Option<usize>,
) {
    for (o, pair) in old.iter().zip(pairs.iter_mut()) {
        if pair.is_some() {
            continue;
        }
        if let Some(i) = find(o, used) {
            if let Some(seen) = used.get_mut(i) {
                *seen = true;
            }
            *pair = Some(i);
        }
    }
}

fn indicator_pair(out: &mut Vec<Change>, o: &Indicator, n: &Indicator) {
    let (p, name) = (path(n), n.name.clone());
    if levels(o) != levels(n) {
        out.push(Change::IndicatorMoved {
            name: name.clone(),
            old: levels(o),
            new: levels(n),
        });
    }
    if o.midterm != n.midterm {
        out.push(Change::IndicatorSet {
            path: p.clone(),
            name: name.clone(),
            old: Set::of(o),
            new: Set::of(n),
        });
    }
    if !same_target(&o.target, &n.target) {
        out.push(Change::Target {
            path: p.clone(),
            name: name.clone(),
            old: o.value_text.clone(),
            new: n.value_text.clone(),
        });
    }
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    if o.basis != n.basis {
        out.push(Change::Basis {
            path: p.clone(),
            name: name.clone(),
            old: opt(&o.basis),
            new: opt(&n.basis),
        });
    }
    let weight = |s: &Option<String>| {
        s.as_deref()
            .map(|w| decimal(w).normalize().to_string())
            .unwrap_or_default()
    };
    if weight(&o.weight) != weight(&n.weight) {
        out.push(Change::Weight {
            path: p.clone(),
            name: name.clone(),
            old: opt(&o.weight),
            new: opt(&n.weight),
        });
    }
    if o.description != n.description {
        let pieces = text::diff(&opt(&o.description), &opt(&n.description));
        out.push(Change::Description {
            path: p.clone(),
            name: name.clone(),
            pieces,
        });
    }
    optional_fields(out, o, n, &p, &name);
}

/// The changes of an indicator's optional columns.
fn optional_fields(out: &mut Vec<Change>, o: &Indicator, n: &Indicator, path: &str, name: &str) {
    let value_type = |i: &Indicator| i.value_type.map(|v| v.word().to_string());
    let fields = [
        (IndicatorField::ValueType, value_type(o), value_type(n)),
        (
            IndicatorField::MeasureUnit,
            o.measure_unit.clone(),
            n.measure_unit.clone(),
        ),
        (
            IndicatorField::Scoring,
            o.scoring.clone(),
            n.scoring.clone(),
        ),
        (IndicatorField::Note, o.note.clone(), n.note.clone()),
        (IndicatorField::Remark, o.remark.clone(), n.remark.clone()),
    ];
    for (field, a, b) in fields {
        if a != b {
            out.push(Change::IndicatorField {
                field,
                path: path.to_string(),
                name: name.to_string(),
                old: a.unwrap_or_default(),
                new: b.unwrap_or_default(),
            });
        }
    }
}

/// Targets compared by meaning: `95%` and `95.0%` are the same target.
fn same_target(a: &Target, b: &Target) -> bool {
    match (a, b) {
        (
            Target::Quantitative {
                comparator: c1,
                value: v1,
                unit: u1,
                ..
            },
            Target::Quantitative {
                comparator: c2,
                value: v2,
                unit: u2,
                ..
            },
        ) => c1 == c2 && decimal(v1) == decimal(v2) && u1 == u2,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_change_has_delta_and_percent() {
        let c = money("64.50", "70.00").expect("a change");
        assert_eq!(
            (c.delta.as_str(), c.percent.as_deref()),
            ("+5.50", Some("+8.5"))
        );
        assert!(money("50", "50.00").is_none());
        assert_eq!(money("0", "3").and_then(|c| c.percent), None);
        assert_eq!(money("40", "30").map(|c| c.delta), Some("-10".to_string()));
    }
}
