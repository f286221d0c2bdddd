//! E0305: a cost target larger than the whole project's funds.

use super::{
    amount, per_unit_denominator, per_unit_marker, project_cost_indicators, quantity_target,
};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Message, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::values::unit::{Dimension, MoneyUnit};

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0305",
        severity: Severity::Error,
        title_zh: "成本目标超过项目资金",
        title_en: "cost target exceeds the project's funds",
        doc_zh: "## 检查什么\n项目的成本指标（`产出.成本`；central-2021 框架中一级指标 `成本` 下的指标）写的是金额时，换算成计划的金额单位后不能超过该项目的资金总额。金额可以是：带金额单位的数（`≤ 60万元`）；比率的每单位金额（`≤ 4万元/人` 中的 4 万元，一个单位的成本超过整个项目的资金必是写错）；没有单位的数，按计划的金额单位读（`金额单位 万元` 时 `40000` 就是 40000 万元）。\n\n## 为什么\n一个项目的成本不可能超过它的全部资金。这几乎总是单位错了：表格以万元为单位，却把元数照抄进来。\n\n## 例\n```\n项目 巡察经费 \"巡察工作经费\" {\n  资金 40.00（财政 40.00）\n  产出.成本 \"人均工作经费\" < 40000\n}\n```\n`40000` 按万元读是 40000 万元，而项目只有 40.00 万元；说明中写的是“人均工作经费不超4万元”。\n\n## 修正\n写出单位，并核对数值：`产出.成本 \"人均工作经费\" ≤ 4万元/人`。",
        doc_en: "## What it checks\nA project's cost indicator (`output.cost`; under the central-2021 profile, an indicator of the first level `cost`) whose target is money must not exceed the project's total once converted into the plan's money unit. The money may be an amount with a money unit (`<= 60万元`); the amount per unit of a rate (the 4 万元 of `<= 4万元/人`: one unit cannot cost more than the whole project); or a number without a unit, which is read in the plan's money unit (in a `money 万元` plan, `40000` is 40000 万元).\n\n## Why\nA project cannot cost more than all of its money. The cause is nearly always a unit: the table is in 万元 but an amount in 元 was copied into it.\n\n## Example\n```\nproject 巡察经费 \"巡察工作经费\" {\n  funds 40.00 (fiscal 40.00)\n  output.cost \"人均工作经费\" < 40000\n}\n```\n`40000` read in 万元 is 40000 万元, while the project has 40.00 万元; its description says at most 4 万元 per person.\n\n## Fix\nWrite the unit and check the number: `output.cost \"人均工作经费\" <= 4万元/人`.",
    },
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
