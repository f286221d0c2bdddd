//! E0307: an amount with more decimal places than the plan allows.

use super::{every_amount, show, written};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use rust_decimal::RoundingStrategy;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0307",
        severity: Severity::Error,
        title_zh: "金额的小数位数过多",
        title_en: "too many decimal places in an amount",
        doc_zh: "## 检查什么\n资金总额和来源、分项目标和计划头部的资金、按金额写的支出计划、指标的金额目标，换算成计划的金额单位后，小数位数不能多于计划允许的位数。默认以万元计 6 位（即到分）；元为 2 位，亿元为 10 位；计划头部的 `精度` 可以改变它。末尾的 0 不计（`50.000000` 只算 0 位）。\n\n## 为什么\n填报说明要求金额以万元计、保留 6 位小数；位数更多的金额比一分钱还小，是抄错或换算错了，系统也无法录入。\n\n## 例\n`资金 50.0000001（财政 50.0000001）` —— 以万元计有 7 位小数。\n\n## 修正\n改正金额，保留至多允许的位数；或在计划头部用 `精度 N` 改变允许的位数。",
        doc_en: "## What it checks\nFunds totals and sources, the funds of summaries and of the plan header, schedules given in amounts, and money targets of indicators, once in the plan's money unit, may not have more decimal places than the plan allows: 6 in 万元 by default (one cent), 2 in 元, 10 in 亿元; `precision` in the plan header changes it. Trailing zeros do not count (`50.000000` has none).\n\n## Why\nFiling instructions ask for amounts in 万元 with 6 decimal places; an amount with more places is smaller than a cent, which means it was copied or converted wrong, and systems cannot take it.\n\n## Example\n`funds 50.0000001 (fiscal 50.0000001)` — 7 decimal places in 万元.\n\n## Fix\nCorrect the amount to at most the allowed places, or set another number of places with `precision N` in the plan header.",
    },
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
