//! W0411: mid-term goals, mid-term indicators or total funds in a project
//! whose period is not given or lies within one year.

use crate::ast::ProjectStmt;
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::{Ctx, period_of};
use crate::source::Span;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0411", Warning, "midterm_without_period"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for p in ctx.projects.iter().copied() {
        let period = period_of(p.node);
        if period.is_some_and(|x| x.period.spans_years()) {
            continue;
        }
        let Some(first) = p.node.body.iter().find_map(multi_year_part) else {
            continue;
        };
        let d = RULE
            .diagnostic(msg!(
                "项目 `{}` 有中期内容，但实施期不跨年度",
                "project `{}` has mid-term parts, but its period is not over several years",
                p.id.name
            ))
            .primary(
                p.file,
                first,
                msg!("只有跨年度项目才有", "only multi-year projects have this"),
            );
        let d = match period {
            Some(x) => d.secondary(
                p.file,
                x.value_span,
                msg!("实施期在一年之内", "the period is within one year"),
            ),
            None => d.note(msg!("项目没有写实施期", "the project gives no period")),
        };
        out.push(d.help(msg!(
            "写出整个实施期，如 `实施期 2023-07 至 2025-06`；一年内完成的项目只写年度目标、年度指标和当年资金",
            "give the whole period, such as `period 2023-07 至 2025-06`; a project done within a year has annual goals, indicators and funds only"
        )));
    }
}

/// Where a statement that only a multi-year project has is written.
fn multi_year_part(stmt: &ProjectStmt) -> Option<Span> {
    match stmt {
        ProjectStmt::MidtermGoal(t) => Some(t.keyword.span),
        ProjectStmt::TotalFunds(f) => Some(f.keyword.span),
        ProjectStmt::Indicator(i) => i.midterm.map(|k| k.span),
        _ => None,
    }
}
