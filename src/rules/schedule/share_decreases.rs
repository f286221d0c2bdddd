//! E0404: a cumulative share or amount lower than the one before it.

use super::{Share, every_schedule, money, percent, written};
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Message};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0404", Error, "share_decreases"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for at in every_schedule(ctx) {
        let entries = &at.schedule.entries;
        for (before, here) in entries.iter().zip(entries.iter().skip(1)) {
            let (a, b) = (Share::of(ctx, &before.value), Share::of(ctx, &here.value));
            // The running total if `here` were one period's spending.
            let (sum, within) = match (a, b) {
                (Share::Percent(a), Share::Percent(b)) if b < a => {
                    let sum = a.checked_add(b);
                    (
                        sum.map(percent),
                        sum.is_some_and(|s| s <= Decimal::ONE_HUNDRED),
                    )
                }
                (Share::Money(a), Share::Money(b)) if b < a => {
                    let sum = a.checked_add(b);
                    let total = ctx.project_total(at.project).map(|t| t.value);
                    let within = sum.zip(total).is_some_and(|(s, t)| s <= t);
                    (sum.map(|s| money(ctx, s)), within)
                }
                _ => continue,
            };
            let (was, now) = (written(&before.value), written(&here.value));
            let explain = msg!(
                "支出计划是累计的：每个时间点写截至该时点一共支出的数，不能少于前一个",
                "a schedule is cumulative: each checkpoint gives all that is spent by then, never less than the one before"
            );
            let help = match sum.filter(|_| within) {
                Some(sum) => Message::new(
                    format!("{}；若 {now} 只是这一期的支出，累计应写 {sum}", explain.zh),
                    format!(
                        "{}; if {now} is this period's spending alone, the running total is {sum}",
                        explain.en
                    ),
                ),
                None => explain,
            };
            let d = RULE
                .diagnostic(msg!(
                    "累计支出进度从 {} 降到 {}",
                    "the cumulative spending falls from {} to {}",
                    was,
                    now
                ))
                .primary(
                    at.file(),
                    here.value.span,
                    msg!(
                        "到 {} 累计 {}，少于前一个时间点",
                        "{1} by {0}, less than before",
                        here.at.written,
                        now
                    ),
                )
                .secondary(
                    at.file(),
                    before.value.span,
                    msg!(
                        "到 {} 已累计 {}",
                        "{1} already by {0}",
                        before.at.written,
                        was
                    ),
                )
                .help(help);
            out.push(d);
        }
    }
}
