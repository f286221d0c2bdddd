//! E0401: a checkpoint or deadline dated in another year than the plan's.

use super::{every_schedule, header_year};
use crate::ast::{Checkpoint, Operand, TargetKind};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::source::FileId;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0401",
        severity: Severity::Error,
        title_zh: "日期不在计划年度内",
        title_en: "date outside the plan's year",
        doc_zh: "## 检查什么\n支出计划的时间点和指标中的期限（`≤ 2022-11-30`）写出年份时，年份必须是计划的年度（`计划 2022 …`）。不写年份的日期（`3月底`、`11-30`）就在计划年度内，不检查。\n\n## 为什么\n年度绩效目标说的是这一年的事；别的年份几乎总是照抄上一年的表格没有改。\n\n## 例\n```\n计划 2022 \"纪检会\" { … }\n支出计划 3月底 25%，6月底 50%，10月底 75%，2021-12-31 100%\n```\n\n## 修正\n把年份改为计划年度（`2022-12-31`），或不写年份（`12月底`）。",
        doc_en: "## What it checks\nWhen a schedule's checkpoint or an indicator's deadline (`<= 2022-11-30`) is written with a year, the year must be the plan's (`plan 2022 …`). Dates without a year (`3月底`, `11-30`) are in the plan's year and are not checked.\n\n## Why\nAn annual plan is about its own year; another year is nearly always left over from last year's table.\n\n## Example\n```\nplan 2022 \"纪检会\" { … }\nschedule 3月底 25%, 6月底 50%, 10月底 75%, 2021-12-31 100%\n```\n\n## Fix\nWrite the plan's year (`2022-12-31`), or leave the year out (`12月底`).",
    },
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
    for (_, indicator) in ctx.all_indicators() {
        if let TargetKind::Compare {
            value: Operand::Date(date),
            ..
        } = &indicator.target.kind
        {
            check_date(ctx, year, indicator.file, date, out);
        }
    }
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
