//! W0518: an amount of money as the target of a quantity or quality
//! indicator: an input filed as an output.

use super::{is_rate_name, level2_english, measured, written_quantity};
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Message};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::values::unit::Dimension;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0518", Warning, "money_as_output"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let cost_path = ctx.profile.as_ref().and_then(|p| p.cost_path());
    for (indicator, q, unit) in measured(ctx) {
        if unit.kind.dimension != Dimension::Money || is_rate_name(&indicator.name.value) {
            continue;
        }
        let (level_zh, level_en) = match level2_english(ctx, &indicator) {
            Some("quantity") => ("数量指标", "a quantity indicator"),
            Some("quality") => ("质量指标", "a quality indicator"),
            _ => continue,
        };
        let amount = written_quantity(q);
        let help = match &cost_path {
            Some(path) => msg!(
                "写出钱换来的产出，如 `≥ 500人次`、`≥ 20个`；若考核的是花钱的多少，移到 `{}` 下，写作 `≤ {}`",
                "state what the money buys, such as `≥ 500人次` or `≥ 20个`; if it measures the money spent, move it under `{}` as `≤ {}`",
                path,
                amount
            ),
            None => msg!(
                "写出钱换来的产出，如 `≥ 500人次`、`≥ 20个`；若考核的是花钱的多少，移到成本指标下",
                "state what the money buys, such as `≥ 500人次` or `≥ 20个`; if it measures the money spent, move it under a cost level"
            ),
        };
        out.push(
            RULE.diagnostic(Message::new(
                format!(
                    "{}“{}”的指标值是金额 `{}`：资金是投入，不是产出",
                    level_zh,
                    indicator.name.value.trim(),
                    amount
                ),
                format!(
                    "{} (“{}”) is measured in money, `{}`: money is an input, not an output",
                    level_en,
                    indicator.name.value.trim(),
                    amount
                ),
            ))
            .primary(
                indicator.file,
                q.span,
                msg!("金额是投入", "an amount of money is an input"),
            )
            .help(help),
        );
    }
}
