//! E0305: a cost target larger than the whole project's funds.

use super::{
    amount, per_unit_denominator, per_unit_marker, project_cost_indicators, quantity_target,
};
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Message};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::values::unit::{Dimension, MoneyUnit};

pub static RULE: Rule = Rule {
    doc: code_doc!("E0305", Error, "cost_exceeds_funds"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (project, indicator) in project_cost_indicators(ctx) {
        let Some((cmp, q)) = quantity_target(&indicator.target) else {
            continue;
        };
        let Some(total) = ctx.project_total(project) else {
            continue;
        };
        // Most targets are within the funds: compare before writing any
        // message (the same amount as below).
        let within = match &q.unit {
            None => q.number.value <= total.value,
            Some(u) => match u
                .kind
                .money
                .and_then(|m| m.convert(q.number.value, ctx.money))
            {
                Some(value) => value <= total.value,
                None => true,
            },
        };
        if within {
            continue;
        }
        let number = q.number.value;
        let sym = cmp.map_or("≤", |c| c.symbol());
        let word = ctx.money.word();
        let total_text = amount(ctx, total.value);
        // The amount in the plan's unit, the label under it, and the help.
        let (value, label, help) = match &q.unit {
            None => {
                let value = number;
                let label = msg!(
                    "没有单位，读作 {} {}",
                    "no unit: read as {} {}",
                    q.number.written,
                    word
                );
                let rate = per_unit_marker(&indicator.name.value)
                    .and(per_unit_denominator(&indicator.name.value))
                    .map(|d| format!("/{d}"))
                    .unwrap_or_default();
                let as_yuan = MoneyUnit::Yuan
                    .convert(number, ctx.money)
                    .filter(|v| ctx.money != MoneyUnit::Yuan && *v <= total.value);
                let head = msg!(
                    "`{0}` 没有单位，按计划的金额单位读作 {0} {1}，超过项目资金 {2}",
                    "`{0}` has no unit, so it is read in the plan's money unit as {0} {1}, more than the project's funds of {2}",
                    q.number.written,
                    word,
                    total_text
                );
                let tail = match as_yuan {
                    Some(v) => msg!(
                        "若指 {0} 元，请写作 `{1} {2}{3}{4}`",
                        "if you mean {0} 元, write `{1} {2}{3}{4}`",
                        q.number.written,
                        sym,
                        v,
                        word,
                        rate
                    ),
                    None => msg!(
                        "请写出金额单位并核对数值",
                        "write the money unit and check the number"
                    ),
                };
                (value, label, join(head, tail))
            }
            Some(u) => {
                let Some(money) = u.kind.money else {
                    continue;
                };
                let Some(value) = money.convert(number, ctx.money) else {
                    continue;
                };
                let is_rate = match u.kind.dimension {
                    Dimension::Money => false,
                    Dimension::Rate => true,
                    _ => continue,
                };
                let per = u
                    .written
                    .split_once('/')
                    .map(|(_, d)| format!("/{d}"))
                    .unwrap_or_default();
                let label = if is_rate {
                    msg!("每单位 {}", "{} per unit", amount(ctx, value))
                } else {
                    msg!("目标为 {}", "the target is {}", amount(ctx, value))
                };
                let head = if is_rate {
                    msg!(
                        "一个单位的成本就超过了整个项目的资金 {}：核对数值和单位",
                        "one unit would cost more than the project's whole funds of {}: check the number and the unit",
                        total_text
                    )
                } else {
                    msg!(
                        "成本目标不能超过项目资金 {}：核对数值和单位",
                        "a cost target cannot exceed the project's funds of {}: check the number and the unit",
                        total_text
                    )
                };
                // An amount far beyond the project (a hundred times or more)
                // was most likely written in 元.
                let far_beyond = total
                    .value
                    .checked_mul(rust_decimal::Decimal::ONE_HUNDRED)
                    .is_some_and(|limit| value >= limit);
                let fits_in_yuan = money != MoneyUnit::Yuan
                    && far_beyond
                    && MoneyUnit::Yuan
                        .convert(number, ctx.money)
                        .is_some_and(|v| v <= total.value);
                let help = if fits_in_yuan {
                    let tail = msg!(
                        "若指 {0} 元，请写作 `{1} {0}元{2}`",
                        "if you mean {0} 元, write `{1} {0}元{2}`",
                        q.number.written,
                        sym,
                        per
                    );
                    join(head, tail)
                } else {
                    head
                };
                (value, label, help)
            }
        };
        if value <= total.value {
            continue;
        }
        let d = RULE
            .diagnostic(msg!(
                "成本指标 `{}` 的目标超过项目资金",
                "the target of cost indicator `{}` exceeds the project's funds",
                indicator.name.value
            ))
            .primary(project.file, q.span, label)
            .secondary(
                total.file,
                total.span,
                msg!("项目资金为 {}", "the project's funds are {}", total_text),
            )
            .help(help);
        out.push(d);
    }
}

/// Two sentences of a help line: `A；B` / `A; B`.
fn join(head: Message, tail: Message) -> Message {
    Message::new(
        format!("{}；{}", head.zh, tail.zh),
        format!("{}; {}", head.en, tail.en),
    )
}
