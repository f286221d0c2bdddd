//! E0608: a budget unit declared twice.

use crate::ast::PlanStmt;
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0608", Error, "duplicate_unit"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let units: Vec<_> = ctx
        .headers
        .iter()
        .flat_map(|h| {
            h.node.body.iter().filter_map(move |s| match s {
                PlanStmt::BudgetUnit(u) => Some((h.file, u)),
                _ => None,
            })
        })
        .collect();
    // The first declaration of each code.
    let mut first_use: HashMap<&str, usize> = HashMap::with_capacity(units.len());
    for (i, (file, unit)) in units.iter().enumerate() {
        let first_index = *first_use.entry(unit.code.value.as_str()).or_insert(i);
        let Some((first_file, first)) = units.get(first_index).filter(|_| first_index != i) else {
            continue;
        };
        out.push(
            RULE.diagnostic(msg!(
                "预算单位 `{}` 声明了两次",
                "budget unit `{}` is declared twice",
                unit.code.value
            ))
            .primary(
                *file,
                unit.code.span,
                msg!("再次声明", "declared again here"),
            )
            .secondary(
                *first_file,
                first.code.span,
                msg!("第一次在这里", "first declared here"),
            )
            .help(msg!("删除其中一行", "delete one of the lines")),
        );
    }
}
