//! E0312: the items of a project's cost build-up (`测算`) do not add up
//! to its funds.

use super::{amount, show};
use crate::ast::ProjectStmt;
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0312", Error, "cost_items_sum"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for p in ctx.projects.iter().copied() {
        let items: Vec<_> = p
            .node
            .body
            .iter()
            .filter_map(|s| match s {
                ProjectStmt::CostItem(c) => Some(&**c),
                _ => None,
            })
            .collect();
        let Some(first) = items.first() else {
            continue;
        };
        let Some(total) = ctx.project_total(p) else {
            continue;
        };
        let sum = items.iter().try_fold(Decimal::ZERO, |sum, c| {
            sum.checked_add(ctx.to_plan_unit(&c.amount)?)
        });
        let Some(sum) = sum.filter(|s| *s != total.value) else {
            continue;
        };
        out.push(
            RULE.diagnostic(msg!(
                "成本测算合计 {} 不等于项目资金 {}",
                "the cost build-up adds up to {}, not the project's funds of {}",
                amount(ctx, sum),
                amount(ctx, total.value)
            ))
            .primary(p.file, first.keyword.span, msg!("成本测算从这里开始", "the cost build-up starts here"))
            .secondary(total.file, total.span, msg!("项目资金", "the project's funds"))
            .help(msg!(
                "各项成本之和应等于项目资金：改正某一项，或把资金改为 {}",
                "the items must add up to the project's funds: correct an item, or make the funds {}",
                show(sum)
            )),
        );
    }
}
