//! E0403: a schedule's percent share below 0% or above 100%.

use super::{Share, every_schedule, written};
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0403", Error, "share_range"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let hundred = Decimal::ONE_HUNDRED;
    for at in every_schedule(ctx) {
        for entry in &at.schedule.entries {
            let Share::Percent(share) = Share::of(ctx, &entry.value) else {
                continue;
            };
            let shown = written(&entry.value);
            let d = if share > hundred {
                RULE.diagnostic(msg!(
                    "支出比例 {} 超过 100%",
                    "a share of {} is more than 100%",
                    shown
                ))
                .primary(
                    at.file(),
                    entry.value.span,
                    msg!("多于全部资金", "more than all of the money"),
                )
            } else if share < Decimal::ZERO {
                RULE.diagnostic(msg!(
                    "支出比例 {} 是负数",
                    "a share of {} is negative",
                    shown
                ))
                .primary(
                    at.file(),
                    entry.value.span,
                    msg!("支出比例不能为负", "a share cannot be negative"),
                )
            } else {
                continue;
            };
            out.push(d.help(msg!(
                "支出计划写截至该时点累计支出占项目资金的比例，在 0% 到 100% 之间；全部支出写 100%",
                "a schedule gives the share of the project's funds spent by each checkpoint, from 0% to 100%; all of it is 100%"
            )));
        }
    }
}
