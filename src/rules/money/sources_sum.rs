//! E0302: the sources of a `资金` statement do not add up to its total.

use super::{amount, every_funds, show, source_name};
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Message};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0302", Error, "sources_sum"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for at in every_funds(ctx) {
        let funds = at.funds;
        let Some(total_q) = &funds.total else {
            continue;
        };
        if funds.sources.is_empty() {
            continue;
        }
        let Some(total) = ctx.to_plan_unit(total_q) else {
            continue;
        };
        let mut sum = Some(Decimal::ZERO);
        let mut parts = Vec::new();
        for source in funds.counted_sources() {
            let value = ctx.to_plan_unit(&source.amount);
            sum = sum.zip(value).and_then(|(a, b)| a.checked_add(b));
            parts.push((source, value));
        }
        let Some(sum) = sum else {
            continue;
        };
        let Some(diff) = sum.checked_sub(total) else {
            continue;
        };
        if diff.is_zero() {
            continue;
        }
        let mut d = RULE
            .diagnostic(msg!(
                "资金来源之和 {} 不等于总额 {}",
                "the sources add up to {}, not the total of {}",
                amount(ctx, sum),
                amount(ctx, total)
            ))
            .primary(
                at.file,
                total_q.span,
                msg!("总额为 {}", "the total is {}", amount(ctx, total)),
            );
        for (source, value) in parts {
            let Some(value) = value else {
                continue;
            };
            let name = source_name(source);
            d = d.secondary(
                at.file,
                source.amount.span,
                Message::new(
                    format!("{} {}", name.zh, amount(ctx, value)),
                    format!("{} {}", name.en, amount(ctx, value)),
                ),
            );
        }
        let help = if diff.is_sign_negative() {
            msg!(
                "各来源之和为 {0}，比总额少 {1}：把总额改为 {2}，或补上缺少的来源",
                "the sources add up to {0}, {1} less than the total: make the total {2}, or add the missing source",
                amount(ctx, sum),
                amount(ctx, diff.abs()),
                show(sum)
            )
        } else {
            msg!(
                "各来源之和为 {0}，比总额多 {1}：把总额改为 {2}，或改正多写的来源",
                "the sources add up to {0}, {1} more than the total: make the total {2}, or correct the source that is too large",
                amount(ctx, sum),
                amount(ctx, diff),
                show(sum)
            )
        };
        out.push(d.help(help));
    }
}
