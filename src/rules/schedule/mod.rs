//! The schedule rules: spending schedules (支出计划) and dates.
//!
//! A schedule is cumulative: each checkpoint gives the share of the
//! project's funds spent by then (`6月底 50%`), or the amount spent by then
//! (`6月底 25万元`), so the shares never go down and the last one is all of
//! the money. Dates of a plan fall in its year.

mod checkpoint_order;
mod date_outside_year;
mod ends_short;
mod midterm_without_period;
mod period_year;
mod schedule_units;
mod share_decreases;
mod share_range;
mod year_in_text;

use super::Rule;
use crate::ast::{self, Quantity};
use crate::sema::{Ctx, In, period_of, schedules_of};
use crate::source::{FileId, Span};
use crate::values::date::DateValue;
use crate::values::period::Period;
use crate::values::unit::Dimension;
use rust_decimal::Decimal;

/// The rules of this group, in code order.
pub static RULES: &[&Rule] = &[
    &date_outside_year::RULE,
    &checkpoint_order::RULE,
    &share_range::RULE,
    &share_decreases::RULE,
    &ends_short::RULE,
    &schedule_units::RULE,
    &year_in_text::RULE,
    &period_year::RULE,
    &midterm_without_period::RULE,
];

/// What a checkpoint of a schedule gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Share {
    /// A cumulative share, in percent (`‰` converted).
    Percent(Decimal),
    /// A cumulative amount, in the plan's money unit.
    Money(Decimal),
    /// A money amount too large to convert: reported elsewhere, skipped.
    Unreadable,
    /// Neither: no unit, or another unit (`个`, `天`).
    Other,
}

impl Share {
    fn of(ctx: &Ctx, q: &Quantity) -> Share {
        let Some(u) = &q.unit else {
            return Share::Other;
        };
        let value = q.number.value;
        match u.kind.dimension {
            Dimension::Percent if u.kind.per_mille => value
                .checked_div(Decimal::TEN)
                .map_or(Share::Unreadable, Share::Percent),
            Dimension::Percent => Share::Percent(value),
            Dimension::Money => u
                .kind
                .money
                .and_then(|m| m.convert(value, ctx.money))
                .map_or(Share::Unreadable, Share::Money),
            _ => Share::Other,
        }
    }
}

/// A schedule with the project it belongs to.
#[derive(Clone, Copy)]
struct ScheduleAt<'a> {
    project: In<'a, ast::Project>,
    schedule: &'a ast::Schedule,
}

impl ScheduleAt<'_> {
    fn file(&self) -> FileId {
        self.project.file
    }
}

/// Every schedule of every project.
fn every_schedule<'a>(ctx: &Ctx<'a>) -> Vec<ScheduleAt<'a>> {
    let mut out = Vec::new();
    for project in ctx.projects.iter().copied() {
        for schedule in schedules_of(project.node) {
            out.push(ScheduleAt { project, schedule });
        }
    }
    out
}

/// Every indicator the context checks, with the period of its project
/// when it states one; each project's period is looked up once, so that a
/// project of many rows stays linear.
fn indicators_with_period<'a>(ctx: &Ctx<'a>) -> Vec<(In<'a, ast::Indicator>, Option<Period>)> {
    let mut last: Option<(&ast::Project, Option<Period>)> = None;
    let mut out = Vec::new();
    for (project, indicator) in ctx.all_indicators() {
        let period = project.and_then(|p| match last {
            Some((seen, period)) if std::ptr::eq(seen, p.node) => period,
            _ => {
                let period = period_of(p.node).map(|x| x.period);
                last = Some((p.node, period));
                period
            }
        });
        out.push((indicator, period));
    }
    out
}

/// A quantity as written: `25%`, `12.5万元`.
fn written(q: &Quantity) -> String {
    match &q.unit {
        Some(u) => format!("{}{}", q.number.written, u.written),
        None => q.number.written.clone(),
    }
}

/// An amount with at least two places and the plan's unit: `12.50 万元`.
fn money(ctx: &Ctx, value: Decimal) -> String {
    let mut v = value.normalize();
    if v.scale() < 2 {
        v.rescale(2);
    }
    format!("{v} {}", ctx.money.word())
}

/// A share in percent: `50%`.
fn percent(value: Decimal) -> String {
    format!("{}%", value.normalize())
}

/// Where the plan's year is written, for a secondary label.
fn header_year(ctx: &Ctx) -> Option<(FileId, Span)> {
    ctx.headers.first().map(|h| (h.file, h.year.span))
}

/// A checkpoint as a day of the year, month ends resolved, for ordering.
/// The year written on a date is left out (E0401 reports a wrong one).
fn day_of_year(ctx: &Ctx, date: DateValue) -> (u8, u8) {
    let year = date.year.or(ctx.year).unwrap_or(2001);
    (date.month, date.day_in(year))
}
