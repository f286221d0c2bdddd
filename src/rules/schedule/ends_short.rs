//! W0405: a percent schedule that ends below 100%.

use super::{Share, every_schedule, written};
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0405", Warning, "ends_short"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for at in every_schedule(ctx) {
        let entries = &at.schedule.entries;
        let all_percent = entries
            .iter()
            .all(|e| matches!(Share::of(ctx, &e.value), Share::Percent(_)));
        let Some(last) = entries.last() else {
            continue;
        };
        let Share::Percent(share) = Share::of(ctx, &last.value) else {
            continue;
        };
        // Above 100% and below 0% are E0403's.
        if !all_percent || share >= Decimal::ONE_HUNDRED || share < Decimal::ZERO {
            continue;
        }
        let shown = written(&last.value);
        let d = RULE
            .diagnostic(msg!(
                "支出计划止于 {}：到最后一个时间点应支出全部资金",
                "the schedule ends at {}: by the last checkpoint all the money should be spent",
                shown
            ))
            .primary(
                at.file(),
                last.span,
                msg!(
                    "最后一个时间点只到 {}",
                    "only {} by the last checkpoint",
                    shown
                ),
            )
            .help(msg!(
                "把最后的比例改为 100%，或补上最后一个时间点，如 `12月底 100%`",
                "make the last share 100%, or add the last checkpoint, such as `12月底 100%`"
            ));
        out.push(d);
    }
}
