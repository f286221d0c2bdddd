//! E0307: an amount with more decimal places than the plan allows.

use super::{every_amount, show, written};
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use rust_decimal::RoundingStrategy;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0307", Error, "precision"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let allowed = ctx.precision;
    let word = ctx.money.word();
    for at in every_amount(ctx, false) {
        let q = at.quantity;
        let Some(value) = ctx.to_plan_unit(q) else {
            continue;
        };
        let value = value.normalize();
        let places = value.scale();
        if places <= allowed {
            continue;
        }
        let rounded = value.round_dp_with_strategy(allowed, RoundingStrategy::MidpointAwayFromZero);
        let rounded = if allowed >= 2 {
            show(rounded)
        } else {
            rounded.normalize().to_string()
        };
        let fix = match &q.unit {
            None => rounded,
            Some(_) => format!("{rounded}{word}"),
        };
        let d = RULE
            .diagnostic(msg!(
                "金额 `{}` 的小数位数多于 {} 位",
                "`{}` has more than {} decimal places",
                written(q),
                allowed
            ))
            .primary(
                at.file,
                q.span,
                msg!(
                    "以{0}计有 {2} 位小数，最多 {1} 位",
                    "{2} decimal places in {0}; at most {1} are allowed",
                    word,
                    allowed,
                    places
                ),
            )
            .help(msg!(
                "改正金额，保留至多 {} 位小数（如 `{}`）；或在计划头部用 `精度` 改变允许的位数",
                "correct the amount to at most {} decimal places (e.g. `{}`), or set `precision` in the plan header",
                allowed,
                fix
            ));
        out.push(d);
    }
}
