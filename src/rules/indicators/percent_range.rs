//! W0503: a percentage below 0 or above 100, for an indicator that does not
//! measure growth.

use super::{measured, written_quantity};
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::values::unit::Dimension;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0503", Warning, "percent_range"),
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
