//! E0311: a project's money over its whole period (`总资金`) is less than
//! the year's (`资金`).

use super::{amount, stated};
use crate::ast::ProjectStmt;
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0311", Error, "total_below_annual"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for p in ctx.projects.iter().copied() {
        let Some(year) = ctx.project_total(p) else {
            continue;
        };
        for stmt in &p.node.body {
            let ProjectStmt::TotalFunds(total) = stmt else {
                continue;
            };
            let Some((whole, span)) = stated(ctx, total) else {
                continue;
            };
            if whole >= year.value {
                continue;
            }
            out.push(
                RULE.diagnostic(msg!(
                    "项目总资金 {} 少于当年资金 {}",
                    "the project's total funds, {}, are less than this year's, {}",
                    amount(ctx, whole),
                    amount(ctx, year.value)
                ))
                .primary(p.file, span, msg!("整个实施期的资金", "the money of the whole period"))
                .secondary(year.file, year.span, msg!("当年的资金", "this year's money"))
                .help(msg!(
                    "总资金是整个实施期的资金，至少等于当年资金：检查两行是否写反或漏写了单位",
                    "total funds cover the whole period and are at least this year's: check whether the two lines are swapped or a unit is missing"
                )),
            );
        }
    }
}
