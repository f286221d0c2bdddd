//! E0410: a project's period (`实施期`) does not include the plan's year.

use super::header_year;
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::{Ctx, period_of};

pub static RULE: Rule = Rule {
    doc: code_doc!("E0410", Error, "period_year"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(year) = ctx.year else {
        return;
    };
    for p in ctx.projects.iter().copied() {
        let Some(period) = period_of(p.node) else {
            continue;
        };
        if period.period.covers_year(year) {
            continue;
        }
        let mut d = RULE
            .diagnostic(msg!(
                "实施期 {} 不包括计划年度 {} 年",
                "the period {} does not include the plan's year, {}",
                period.written,
                year
            ))
            .primary(
                p.file,
                period.value_span,
                msg!("项目在这段时间实施", "the project runs in this period"),
            );
        if let Some((file, span)) = header_year(ctx) {
            d = d.secondary(
                file,
                span,
                msg!("计划年度为 {} 年", "the plan is for {}", year),
            );
        }
        out.push(d.help(msg!(
            "当年预算只安排实施期内的项目：改正实施期，或检查计划年度",
            "a year's budget funds projects running in that year: correct the period, or the plan's year"
        )));
    }
}
