//! The money rules: funds totals and their sources, the summaries and the
//! department total against the projects, cost targets against the funds,
//! negative amounts and decimal places.
//!
//! Every comparison is exact decimal arithmetic in the plan's money unit
//! (`金额单位`), so `50` and `50.00` are the same amount and `645000元`
//! is `64.5` in a 万元 plan.

mod cost_exceeds_funds;
mod cost_items_sum;
mod cost_without_amount;
mod department_total;
mod fiscal_split;
mod funds_without_sources;
mod missing_funds;
mod negative_amount;
mod per_unit_cost;
mod precision;
mod sources_sum;
mod summary_funds;
mod total_below_annual;

use super::Rule;
use crate::ast::{self, PlanStmt, ProjectStmt, Quantity, SummaryStmt};
use crate::diagnostic::Message;
use crate::sema::{Ctx, indicators_of, schedules_of};
use crate::source::{FileId, Span};
use crate::values::comparator::CmpOp;
use crate::values::unit::{self, Dimension};
use rust_decimal::Decimal;

/// The rules of this group, in code order.
pub static RULES: &[&Rule] = &[
    &summary_funds::RULE,
    &sources_sum::RULE,
    &department_total::RULE,
    &negative_amount::RULE,
    &cost_exceeds_funds::RULE,
    &per_unit_cost::RULE,
    &precision::RULE,
    &missing_funds::RULE,
    &cost_without_amount::RULE,
    &funds_without_sources::RULE,
    &fiscal_split::RULE,
    &total_below_annual::RULE,
    &cost_items_sum::RULE,
];

/// An amount for people: at least two decimal places, as money tables
/// print it (`34.5` → `34.50`), and every place it has beyond.
fn show(value: Decimal) -> String {
    let mut v = value.normalize();
    if v.scale() < 2 {
        v.rescale(2);
    }
    v.to_string()
}

/// An amount with the plan's unit word: `34.50 万元`.
fn amount(ctx: &Ctx, value: Decimal) -> String {
    format!("{} {}", show(value), ctx.money.word())
}

/// A quantity as written: `34.5万元`, `40000`.
fn written(q: &Quantity) -> String {
    match &q.unit {
        Some(u) => format!("{}{}", q.number.written, u.written),
        None => q.number.written.clone(),
    }
}

/// A `资金` statement, with where it is.
#[derive(Clone, Copy)]
struct FundsAt<'a> {
    file: FileId,
    funds: &'a ast::Funds,
}

/// Every `资金` statement of the plan: the header's, the summaries' and the
/// projects' (their `总资金` too).
fn every_funds<'a>(ctx: &Ctx<'a>) -> Vec<FundsAt<'a>> {
    let mut out = Vec::new();
    for h in ctx.headers.iter().copied() {
        for stmt in &h.node.body {
            if let PlanStmt::Funds(funds) = stmt {
                out.push(FundsAt {
                    file: h.file,
                    funds,
                });
            }
        }
    }
    for s in ctx.summaries.iter().copied() {
        for stmt in &s.node.body {
            if let SummaryStmt::Funds(funds) = stmt {
                out.push(FundsAt {
                    file: s.file,
                    funds,
                });
            }
        }
    }
    for p in ctx.projects.iter().copied() {
        for stmt in &p.node.body {
            if let ProjectStmt::Funds(funds) | ProjectStmt::TotalFunds(funds) = stmt {
                out.push(FundsAt {
                    file: p.file,
                    funds,
                });
            }
        }
    }
    out
}

/// What a `资金` statement states, in the plan's unit: its total, or the
/// sum of its sources when it gives no total; with the span to label.
fn stated(ctx: &Ctx, funds: &ast::Funds) -> Option<(Decimal, Span)> {
    if let Some(total) = &funds.total {
        return Some((ctx.to_plan_unit(total)?, total.span));
    }
    let mut sum = Decimal::ZERO;
    for s in funds.counted_sources() {
        sum = sum.checked_add(ctx.to_plan_unit(&s.amount)?)?;
    }
    Some((sum, funds.span))
}

/// The name of a source of funds, in both languages.
fn source_name(source: &ast::FundSource) -> Message {
    match &source.kind {
        ast::SourceKind::Fiscal(_) => Message::new("财政", "fiscal"),
        ast::SourceKind::Other(_) => Message::new("其他", "other"),
        ast::SourceKind::Local(_) => Message::new("本级财政", "local fiscal"),
        ast::SourceKind::Upper(_) => Message::new("上级财政", "upper-level fiscal"),
        ast::SourceKind::SelfRaised(_) => Message::new("自筹", "self-raised"),
        ast::SourceKind::Named(t) => Message::new(t.value.clone(), t.value.clone()),
    }
}

/// Where an amount of money is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// A `资金` total or source.
    Funds,
    /// An indicator's target.
    Target,
    /// A spending schedule's checkpoint.
    Schedule,
}

/// An amount of money in the plan, with where it is.
#[derive(Clone, Copy)]
struct MoneyAt<'a> {
    file: FileId,
    quantity: &'a Quantity,
    place: Place,
}

/// Every amount of money written in the plan: funds totals and sources,
/// money targets of indicators (and money rates such as `4万元/人` when
/// `rates` is true), and money amounts of schedules.
fn every_amount<'a>(ctx: &Ctx<'a>, rates: bool) -> Vec<MoneyAt<'a>> {
    let mut out = Vec::new();
    for f in every_funds(ctx) {
        let quantities = f
            .funds
            .total
            .iter()
            .chain(f.funds.sources.iter().map(|s| &s.amount));
        out.extend(quantities.map(|quantity| MoneyAt {
            file: f.file,
            quantity,
            place: Place::Funds,
        }));
    }
    for (_, indicator) in ctx.all_indicators() {
        let Some((_, q)) = quantity_target(&indicator.node.target) else {
            continue;
        };
        let Some(u) = &q.unit else {
            continue;
        };
        let money = u.kind.dimension == Dimension::Money;
        let rate = u.kind.dimension == Dimension::Rate && u.kind.money.is_some();
        if money || (rates && rate) {
            out.push(MoneyAt {
                file: indicator.file,
                quantity: q,
                place: Place::Target,
            });
        }
    }
    for p in ctx.projects.iter().copied() {
        for schedule in schedules_of(p.node) {
            for entry in &schedule.entries {
                if entry
                    .value
                    .unit
                    .as_ref()
                    .is_some_and(|u| u.kind.dimension == Dimension::Money)
                {
                    out.push(MoneyAt {
                        file: p.file,
                        quantity: &entry.value,
                        place: Place::Schedule,
                    });
                }
            }
        }
    }
    out
}

/// The quantity of a quantitative target (`≤ 50万元`, or a bare `100`)
/// and its comparator (`None` for a bare number).
fn quantity_target(target: &ast::Target) -> Option<(Option<CmpOp>, &Quantity)> {
    match &target.kind {
        ast::TargetKind::Compare {
            comparator,
            value: ast::Operand::Quantity(q),
        } => Some((Some(comparator.op), q)),
        ast::TargetKind::Bare(q) => Some((None, q)),
        _ => None,
    }
}

/// Whether an indicator is a cost indicator (成本指标) of the plan's
/// profile: its second level is `cost` (classic), or its first level is
/// (central-2021).
fn is_cost(ctx: &Ctx, indicator: &ast::Indicator) -> bool {
    let (Some(profile), Some(r)) = (&ctx.profile, ctx.resolve(indicator)) else {
        return false;
    };
    let first = profile
        .levels
        .get(r.level1)
        .and_then(|l| l.english.as_deref());
    let second = profile.level2_of(r).and_then(|l| l.english.as_deref());
    first == Some("cost") || second == Some("cost")
}

/// Every cost indicator of every project, with its project.
fn project_cost_indicators<'a>(
    ctx: &Ctx<'a>,
) -> Vec<(crate::sema::In<'a, ast::Project>, &'a ast::Indicator)> {
    let mut out = Vec::new();
    for p in ctx.projects.iter().copied() {
        for i in indicators_of(p.node) {
            if is_cost(ctx, i) {
                out.push((p, i));
            }
        }
    }
    out
}

/// Words of an indicator name that mark a cost per unit (人均工作经费).
const PER_UNIT_MARKERS: &[&str] = &["人均", "每人", "次均", "户均", "生均", "平均", "单位", "每"];

/// The first characters of the markers, to pass over most names quickly.
const MARKER_STARTS: &[char] = &['人', '每', '次', '户', '生', '平', '单'];

/// The first per-unit marker in a name.
fn per_unit_marker(name: &str) -> Option<&'static str> {
    // Every marker starts with one of these: most names have none.
    if !name.contains(MARKER_STARTS) {
        return None;
    }
    PER_UNIT_MARKERS.iter().copied().find(|m| name.contains(m))
}

/// The unit a per-unit cost is counted in, read from its name: `人` for
/// 人均 and 每人, `户` for 户均, the word after 每 when it is a unit
/// (每次, 每年); `None` when the name does not say.
fn per_unit_denominator(name: &str) -> Option<String> {
    for (marker, unit) in [
        ("人均", "人"),
        ("每人", "人"),
        ("生均", "人"),
        ("次均", "次"),
        ("户均", "户"),
    ] {
        if name.contains(marker) {
            return Some(unit.to_string());
        }
    }
    let (_, after) = name.split_once('每')?;
    let word: String = after.chars().take(1).collect();
    let kind = unit::parse(&word).ok()?;
    (kind.dimension != Dimension::Money && kind.dimension != Dimension::Percent).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_amounts_with_two_places_at_least() {
        assert_eq!(show(Decimal::new(345, 1)), "34.50");
        assert_eq!(show(Decimal::new(40000, 0)), "40000.00");
        assert_eq!(show(Decimal::new(-10, 0)), "-10.00");
        assert_eq!(show(Decimal::new(123_456_789, 7)), "12.3456789");
    }

    #[test]
    fn every_marker_starts_with_a_listed_character() {
        for marker in PER_UNIT_MARKERS {
            assert!(marker.starts_with(MARKER_STARTS), "{marker}");
        }
    }

    #[test]
    fn reads_per_unit_names() {
        assert_eq!(per_unit_marker("人均工作经费"), Some("人均"));
        assert_eq!(per_unit_marker("项目预算控制数"), None);
        assert_eq!(per_unit_denominator("人均工作经费").as_deref(), Some("人"));
        assert_eq!(per_unit_denominator("每次培训费用").as_deref(), Some("次"));
        assert_eq!(per_unit_denominator("单位成本"), None);
    }
}
