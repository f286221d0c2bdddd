//! E0310: the `本级` and `上级` parts of a fiscal amount do not add up to it.

use super::{amount, show};
use crate::ast::{ProjectStmt, SourceKind};
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0310", Error, "fiscal_split"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for p in ctx.projects.iter().copied() {
        for stmt in &p.node.body {
            let (ProjectStmt::Funds(funds) | ProjectStmt::TotalFunds(funds)) = stmt else {
                continue;
            };
            let Some(fiscal) = funds
                .sources
                .iter()
                .find(|s| matches!(s.kind, SourceKind::Fiscal(_)))
            else {
                continue;
            };
            let parts: Vec<_> = funds.fiscal_split().collect();
            if parts.is_empty() {
                continue;
            }
            let Some(whole) = ctx.to_plan_unit(&fiscal.amount) else {
                continue;
            };
            let sum = parts.iter().try_fold(Decimal::ZERO, |sum, s| {
                sum.checked_add(ctx.to_plan_unit(&s.amount)?)
            });
            let Some(sum) = sum.filter(|sum| *sum != whole) else {
                continue;
            };
            let mut d = RULE
                .diagnostic(msg!(
                    "本级和上级财政资金之和 {} 不等于财政资金 {}",
                    "the local and upper-level fiscal amounts add up to {}, not the fiscal amount of {}",
                    amount(ctx, sum),
                    amount(ctx, whole)
                ))
                .primary(
                    p.file,
                    fiscal.amount.span,
                    msg!("财政资金 {}", "fiscal {}", amount(ctx, whole)),
                );
            for part in parts {
                d = d.secondary(
                    p.file,
                    part.amount.span,
                    msg!("其中的一部分", "a part of it"),
                );
            }
            out.push(d.help(msg!(
                "本级与上级是财政资金的细分，两者之和应为 {}：改正财政资金或其中一项",
                "local and upper-level money split the fiscal amount and must add up to it ({}): correct the fiscal amount or a part",
                show(sum)
            )));
        }
    }
}
