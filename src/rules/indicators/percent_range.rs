//! W0503: a percentage below 0 or above 100, for an indicator that does not
//! measure growth.

use super::{measured, written_quantity};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::values::unit::Dimension;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "W0503",
        severity: Severity::Warning,
        title_zh: "百分比超出 0% 到 100%",
        title_en: "percentage outside 0% to 100%",
        doc_zh: "## 检查什么\n百分比指标值应在 0% 到 100% 之间（千分比在 0‰ 到 1000‰ 之间）。名称写明增长或变化的（含“增长”“增幅”“增速”“提高”“提升”“同比”“环比”“增加”）不检查。\n\n## 为什么\n完成率、满意度、覆盖率都不会超过 100%，也不会是负数；`= 1000%` 多半是多打了一个 0，`≥ 950%` 多半是想写 `≥ 95%`。\n\n## 例\n`产出.数量 \"举报线索处置率\" = 1000%`\n\n## 修正\n改正数字，如 `= 100%`；若指标考核的是增长幅度，在名称中写明，如 “经费同比增长率”。",
        doc_en: "## What it checks\nA percentage target lies between 0% and 100% (per mille: 0‰ to 1000‰). Indicators whose name speaks of growth or change (增长, 增幅, 增速, 提高, 提升, 同比, 环比, 增加) are not checked.\n\n## Why\nCompletion rates, satisfaction and coverage never exceed 100% and are never negative: `= 1000%` is most likely a 0 too many, `>= 950%` most likely meant `>= 95%`.\n\n## Example\n`output.quantity \"举报线索处置率\" = 1000%`\n\n## Fix\nCorrect the figure, as in `= 100%`; if the indicator measures growth, say so in its name, as in “经费同比增长率”.",
    },
    check,
    scope: Scope::Item,
};

/// Words that make a percentage a change, which may be negative or exceed 100%.
const GROWTH_WORDS: &[&str] = &[
    "增长", "增幅", "增速", "提高", "提升", "同比", "环比", "增加",
];

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (indicator, q, unit) in measured(ctx) {
        if unit.kind.dimension != Dimension::Percent {
            continue;
        }
        if GROWTH_WORDS
            .iter()
            .any(|w| indicator.name.value.contains(w))
        {
            continue;
        }
        let (whole, whole_written) = if unit.kind.per_mille {
            (Decimal::from(1000), "1000‰")
        } else {
            (Decimal::ONE_HUNDRED, "100%")
        };
        let value = q.number.value;
        let written = written_quantity(q);
        let d = if value.is_sign_negative() && !value.is_zero() {
            RULE.diagnostic(msg!(
                "百分比 `{}` 是负数",
                "the percentage `{}` is negative",
                written
            ))
            .primary(indicator.file, q.span, msg!("低于 0%", "below 0%"))
        } else if value > whole {
            RULE.diagnostic(msg!(
                "百分比 `{}` 超过了 {}",
                "the percentage `{}` is over {}",
                written,
                whole_written
            ))
            .primary(
                indicator.file,
                q.span,
                msg!("超过 {}", "over {}", whole_written),
            )
        } else {
            continue;
        };
        out.push(
            d.secondary(
                indicator.file,
                indicator.name.span,
                msg!("名称没有说明是增长幅度", "the name does not speak of growth"),
            )
            .help(msg!(
                "改正数字，比率在 0% 到 100% 之间；若考核的是增长幅度，请在名称中写明，如 “同比增长率”",
                "correct the figure: a rate lies between 0% and 100%; if this measures growth, say so in the name, as in “同比增长率”"
            )),
        );
    }
}
