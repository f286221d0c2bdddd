//! E0402: a schedule's checkpoints out of date order, or a day twice.

use super::{day_of_year, every_schedule};
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0402", Error, "checkpoint_order"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for at in every_schedule(ctx) {
        // The latest checkpoint so far; each must come after it.
        let mut latest: Option<&crate::ast::Checkpoint> = None;
        for entry in &at.schedule.entries {
            let here = &entry.at;
            let Some(before) = latest else {
                latest = Some(here);
                continue;
            };
            let (a, b) = (day_of_year(ctx, before.date), day_of_year(ctx, here.date));
            if b > a {
                latest = Some(here);
                continue;
            }
            let d = if a == b {
                RULE.diagnostic(msg!(
                    "支出计划中 `{}` 与 `{}` 是同一天",
                    "`{}` and `{}` are the same day of the schedule",
                    before.written,
                    here.written
                ))
                .primary(
                    at.file(),
                    here.span,
                    msg!("又写了一次这一天", "this day again"),
                )
                .secondary(
                    at.file(),
                    before.span,
                    msg!("此处已写过", "first written here"),
                )
                .help(msg!(
                    "每个时间点只写一次：删去其中一个，或改正写错的日期",
                    "write each checkpoint once: delete one of them, or correct the mistyped date"
                ))
            } else {
                RULE.diagnostic(msg!(
                    "支出计划的时间点没有按先后排列",
                    "the schedule's checkpoints are not in date order"
                ))
                .primary(
                    at.file(),
                    here.span,
                    msg!("`{}` 早于写在前面的 `{}`", "`{}` is earlier than `{}`, written before it", here.written, before.written),
                )
                .secondary(at.file(), before.span, msg!("写在前面，日期却更晚", "written first, but later in the year"))
                .help(msg!(
                    "按时间先后写各时间点：把 `{0}` 移到 `{1}` 之前；若是笔误，改正日期",
                    "write the checkpoints in date order: move `{0}` before `{1}`, or correct the date if it is mistyped",
                    here.written,
                    before.written
                ))
            };
            out.push(d);
        }
    }
}
