//! E0404: a cumulative share or amount lower than the one before it.

use super::{Share, every_schedule, money, percent, written};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Message, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0404",
        severity: Severity::Error,
        title_zh: "累计支出进度下降",
        title_en: "cumulative share goes down",
        doc_zh: "## 检查什么\n支出计划是累计的：每个时间点的比例（或金额）不能小于前一个时间点。\n\n## 为什么\n每个时间点写的是到那时为止一共支出了多少，已经花出的钱不会变少。比例下降，多半是把某一期的支出当成了累计数，或把数字写错了。\n\n## 例\n`支出计划 3月底 25%，6月底 50%，10月底 40%，12月底 100%` —— 若 10月底 的 40% 是 7 到 10 月的支出，累计应写 90%。\n\n## 修正\n每个时间点写截至该时点的累计数：把这一期的支出加到前一个时间点的累计数上。",
        doc_en: "## What it checks\nA schedule is cumulative: the share (or amount) at each checkpoint is not lower than at the checkpoint before it.\n\n## Why\nEach checkpoint says how much has been spent in all by then, and money spent does not come back. A share that goes down usually means one period's spending was written instead of the running total, or a figure was mistyped.\n\n## Example\n`schedule 3月底 25%, 6月底 50%, 10月底 40%, 12月底 100%` — if the 40% at 10月底 is what is spent from July to October, the running total is 90%.\n\n## Fix\nWrite the running total at each checkpoint: add the period's spending to the total of the checkpoint before.",
    },
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
