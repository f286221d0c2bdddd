//! W0405: a percent schedule that ends below 100%.

use super::{Share, every_schedule, written};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "W0405",
        severity: Severity::Warning,
        title_zh: "支出计划没有到 100%",
        title_en: "schedule does not reach 100%",
        doc_zh: "## 检查什么\n按百分比写的支出计划，最后一个时间点应为 100%。\n\n## 为什么\n年度资金原则上在年内支出完毕；计划停在 75%，说明有四分之一的钱没有安排，或漏写了最后一个时间点（通常是 `12月底 100%`）。多年期项目等确有理由时，可以用 `允许 W0405` 关闭此警告；用 `禁止 W0405` 把它当作错误。\n\n## 例\n`支出计划 3月底 25%，6月底 50%，10月底 75%`\n\n## 修正\n补上最后一个时间点：`支出计划 3月底 25%，6月底 50%，10月底 75%，12月底 100%`，或把最后的比例改为 100%。",
        doc_en: "## What it checks\nA schedule given in percentages should reach 100% at its last checkpoint.\n\n## Why\nA year's money is meant to be spent within the year; a schedule that stops at 75% leaves a quarter of the money unplanned, or lacks its last checkpoint (usually `12月底 100%`). Where there is a reason, such as a project over several years, `allow W0405` turns the warning off; `deny W0405` makes it an error.\n\n## Example\n`schedule 3月底 25%, 6月底 50%, 10月底 75%`\n\n## Fix\nAdd the last checkpoint: `schedule 3月底 25%, 6月底 50%, 10月底 75%, 12月底 100%`, or make the last share 100%.",
    },
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
