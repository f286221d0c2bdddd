//! E0302: the sources of a `资金` statement do not add up to its total.

use super::{amount, every_funds, show, source_name};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Message, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0302",
        severity: Severity::Error,
        title_zh: "资金来源之和不等于总额",
        title_en: "funds sources do not add up to the total",
        doc_zh: "## 检查什么\n写出总额和来源的 `资金` 行（项目、分项目标、计划头部），各来源（财政、其他、具名来源）之和必须正好等于总额，差一分也不行。\n\n## 为什么\n年度资金总额 = 财政拨款 + 其他资金（+ 上年结转等）。来源之和与总额不符，通常是漏写了一个来源，或总额、来源中有一个抄错；表格差几分钱是常见的缺陷。\n\n## 例\n`资金 70（财政 50，其他 15）` —— 来源之和 65，比总额少 5。\n\n## 修正\n补上缺少的来源（如 `\"上年结转\" 5`），或改正写错的总额或来源，使两者相等。",
        doc_en: "## What it checks\nIn a `funds` line that gives a total and sources (in a project, a summary or the plan header), the sources (fiscal, other, named ones) must add up to exactly the total, to the cent.\n\n## Why\nA year's total is fiscal money plus other money (plus carry-overs and the like). When the sources do not add up, a source is usually missing or one figure was copied wrong; totals off by a few cents are a common defect of filed tables.\n\n## Example\n`funds 70 (fiscal 50, other 15)` — the sources add up to 65, 5 less than the total.\n\n## Fix\nAdd the missing source (e.g. `\"上年结转\" 5`), or correct the total or the source that is wrong, so that they agree.",
    },
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
        for source in &funds.sources {
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
