//! E0406: a schedule that is neither all percentages nor all amounts adding
//! up to the project's funds.

use super::{Share, every_schedule, money, written};
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0406", Error, "schedule_units"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for at in every_schedule(ctx) {
        let entries = &at.schedule.entries;
        let shares: Vec<Share> = entries.iter().map(|e| Share::of(ctx, &e.value)).collect();
        let help_units = msg!(
            "每个时间点都写累计百分比（如 `6月底 50%`），或都写累计金额（如 `6月底 25万元`）",
            "give every checkpoint a cumulative percentage (`6月底 50%`), or every one a cumulative amount (`6月底 25万元`)"
        );

        // Entries in no unit or another unit.
        let bad: Vec<_> = entries
            .iter()
            .zip(&shares)
            .filter(|(_, s)| **s == Share::Other)
            .map(|(e, _)| e)
            .collect();
        if let Some(first) = bad.first() {
            let mut d = RULE.diagnostic(msg!(
                "支出计划只能写百分比或金额，不能写 `{}`",
                "a schedule gives percentages or amounts, not `{}`",
                written(&first.value)
            ));
            for e in &bad {
                let label = match &e.value.unit {
                    None => msg!("`{}` 没有单位", "`{}` has no unit", written(&e.value)),
                    Some(_) => msg!(
                        "`{}` 既不是百分比也不是金额",
                        "`{}` is neither a percentage nor an amount",
                        written(&e.value)
                    ),
                };
                d = d.primary(at.file(), e.value.span, label);
            }
            out.push(d.help(help_units));
            continue;
        }

        // Percentages and amounts mixed.
        let first_percent = entries
            .iter()
            .zip(&shares)
            .find(|(_, s)| matches!(s, Share::Percent(_)));
        let first_money = entries
            .iter()
            .zip(&shares)
            .find(|(_, s)| matches!(s, Share::Money(_)));
        if let (Some((p, _)), Some((m, _))) = (first_percent, first_money) {
            // The primary label goes to whichever kind comes second.
            let (pct, amt) = (written(&p.value), written(&m.value));
            let pct_label = msg!("`{}` 是百分比", "`{}` is a percentage", pct);
            let amt_label = msg!("`{}` 是金额", "`{}` is an amount", amt);
            let d = RULE.diagnostic(msg!(
                "支出计划混用了百分比和金额",
                "the schedule mixes percentages and amounts"
            ));
            let d = if p.span.start < m.span.start {
                d.primary(at.file(), m.value.span, amt_label).secondary(
                    at.file(),
                    p.value.span,
                    pct_label,
                )
            } else {
                d.primary(at.file(), p.value.span, pct_label).secondary(
                    at.file(),
                    m.value.span,
                    amt_label,
                )
            };
            out.push(d.help(help_units));
            continue;
        }

        // Amounts: the last one is the project's total.
        let Some((last, Share::Money(value))) = entries.last().zip(shares.last()) else {
            continue;
        };
        if !shares.iter().all(|s| matches!(s, Share::Money(_))) {
            continue;
        }
        let Some(total) = ctx.project_total(at.project) else {
            continue;
        };
        if *value == total.value {
            continue;
        }
        let mut target = total.value.normalize();
        if target.scale() < 2 {
            target.rescale(2);
        }
        let d = RULE
            .diagnostic(msg!(
                "支出计划最后累计 {}，不等于项目资金 {}",
                "the schedule ends at {}, not at the project's funds of {}",
                money(ctx, *value),
                money(ctx, total.value)
            ))
            .primary(
                at.file(),
                last.value.span,
                msg!("到 {} 累计 {}", "{1} by {0}", last.at.written, money(ctx, *value)),
            )
            .secondary(total.file, total.span, msg!("项目资金为 {}", "the project's funds are {}", money(ctx, total.value)))
            .help(msg!(
                "金额与百分比一样是累计的，最后一个时间点应等于项目资金：改为 `{0} {1}{2}`",
                "amounts are cumulative, like percentages, so the last checkpoint equals the project's funds: write `{0} {1}{2}`",
                last.at.written,
                target,
                ctx.money.word()
            ));
        out.push(d);
    }
}
