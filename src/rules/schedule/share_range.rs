//! E0403: a schedule's percent share below 0% or above 100%.

use super::{Share, every_schedule, written};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0403",
        severity: Severity::Error,
        title_zh: "支出比例超出 0% 到 100%",
        title_en: "schedule share outside 0% to 100%",
        doc_zh: "## 检查什么\n支出计划中的每个百分比都在 0% 到 100% 之间（`‰` 换算为百分比）。\n\n## 为什么\n支出计划写的是截至该时点累计支出占项目资金的比例：不会为负，也不会超过全部资金。\n\n## 例\n`支出计划 3月底 25%，6月底 50%，10月底 75%，12月底 120%`\n\n## 修正\n改正比例；全部支出写 `100%`。",
        doc_en: "## What it checks\nEvery percentage of a schedule is between 0% and 100% (`‰` is converted to percent).\n\n## Why\nA schedule gives the share of the project's funds spent by each checkpoint: it is never negative and never more than all of the money.\n\n## Example\n`schedule 3月底 25%, 6月底 50%, 10月底 75%, 12月底 120%`\n\n## Fix\nCorrect the share; all of the money is `100%`.",
    },
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
