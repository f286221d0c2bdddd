//! E0401: a checkpoint or deadline dated in another year than the plan's.

use super::{every_schedule, header_year, indicators_with_period};
use crate::ast::{Checkpoint, Operand, TargetKind};
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::source::FileId;
use crate::values::period::Period;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0401", Error, "date_outside_year"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(year) = ctx.year else {
        return;
    };
    for at in every_schedule(ctx) {
        for entry in &at.schedule.entries {
            check_date(ctx, year, at.file(), &entry.at, out);
        }
    }
    for (indicator, period) in indicators_with_period(ctx) {
        if let TargetKind::Compare {
            value: Operand::Date(date),
            ..
        } = &indicator.target.kind
        {
            // A deadline inside a multi-year project's period is valid,
            // in any of its years.
            if period.is_some_and(|p| in_period(&p, date)) {
                continue;
            }
            check_date(ctx, year, indicator.file, date, out);
        }
    }
}

/// Whether a date with a year falls in a period.
fn in_period(period: &Period, date: &Checkpoint) -> bool {
    date.date
        .year
        .is_some_and(|y| period.covers(y, date.date.month))
}

fn check_date(ctx: &Ctx, year: u16, file: FileId, date: &Checkpoint, out: &mut Vec<Diagnostic>) {
    let Some(written_year) = date.date.year else {
        return;
    };
    if written_year == year {
        return;
    }
    let mut d = RULE
        .diagnostic(msg!(
            "日期 `{}` 不在计划年度 {} 年内",
            "`{}` is not in the plan's year, {}",
            date.written,
            year
        ))
        .primary(
            file,
            date.span,
            msg!("这是 {} 年", "this is in {}", written_year),
        );
    if let Some((header_file, span)) = header_year(ctx) {
        d = d.secondary(
            header_file,
            span,
            msg!("计划年度为 {} 年", "the plan is for {}", year),
        );
    }
    let fixed = date
        .written
        .replacen(&written_year.to_string(), &year.to_string(), 1);
    let help = if fixed != date.written {
        msg!(
            "改为 `{}`，或不写年份（不写年份的日期就在计划年度内）",
            "write `{}`, or leave the year out (a date without a year is in the plan's year)",
            fixed
        )
    } else {
        msg!(
            "把年份改为 {}，或不写年份（不写年份的日期就在计划年度内）",
            "write the year {}, or leave it out (a date without a year is in the plan's year)",
            year
        )
    };
    out.push(d.help(help));
}
