//! E0303: the department total in the plan header is not the sum of the
//! projects' funds.

use super::{amount, show, stated};
use crate::ast::PlanStmt;
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Message};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0303", Error, "department_total"),
    check,
    scope: Scope::Plan,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if ctx.projects.is_empty() {
        return;
    }
    // Every project's total; a project without one (E0308) or with an
    // amount that cannot be read makes the sum meaningless.
    let mut totals = Vec::new();
    let mut sum = Decimal::ZERO;
    for p in ctx.projects.iter().copied() {
        let Some(total) = ctx.project_total(p) else {
            return;
        };
        let Some(next) = sum.checked_add(total.value) else {
            return;
        };
        sum = next;
        totals.push((p.node.id.name.as_str(), total.value));
    }
    for header in ctx.headers.iter().copied() {
        for stmt in &header.node.body {
            let PlanStmt::Funds(funds) = stmt else {
                continue;
            };
            let Some((here, span)) = stated(ctx, funds) else {
                continue;
            };
            if here == sum {
                continue;
            }
            let list = |sep: &str| {
                totals
                    .iter()
                    .map(|(id, v)| format!("{id} {}", amount(ctx, *v)))
                    .collect::<Vec<_>>()
                    .join(sep)
            };
            let d = RULE
                .diagnostic(msg!(
                    "部门资金合计 {} 不等于各项目资金之和 {}",
                    "the department total, {}, is not the sum of the projects' funds, {}",
                    amount(ctx, here),
                    amount(ctx, sum)
                ))
                .primary(header.file, span, msg!("此处写为 {}", "written here as {}", amount(ctx, here)))
                .note(Message::new(
                    format!("各项目的资金：{}", list("，")),
                    format!("the projects' funds: {}", list(", ")),
                ))
                .help(msg!(
                    "各项目资金之和为 {}：把此处改为 {}，或改正写错的项目资金",
                    "the projects add up to {}: write {} here, or correct the project that is wrong",
                    amount(ctx, sum),
                    show(sum)
                ));
            out.push(d);
        }
    }
}
