//! E0603: a project names a budget unit the plan does not declare.

use crate::ast::{PlanStmt, ProjectStmt};
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use std::collections::HashSet;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0603", Error, "unknown_unit"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let declared: Vec<&str> = ctx
        .headers
        .iter()
        .flat_map(|h| h.node.body.iter())
        .filter_map(|s| match s {
            PlanStmt::BudgetUnit(u) => Some(u.code.value.as_str()),
            _ => None,
        })
        .collect();
    let known: HashSet<&str> = declared.iter().copied().collect();
    for p in &ctx.projects {
        for stmt in &p.body {
            let ProjectStmt::Unit { code, .. } = stmt else {
                continue;
            };
            if known.contains(code.value.as_str()) {
                continue;
            }
            let help = if declared.is_empty() {
                msg!(
                    "在计划头部声明：`预算单位 {} \"单位名称\"`",
                    "declare it in the plan header: `unit {} \"unit name\"`",
                    code.value
                )
            } else {
                msg!(
                    "已声明的预算单位：{}；或在计划头部声明 `预算单位 {} \"单位名称\"`",
                    "declared units: {}; or declare `unit {} \"unit name\"` in the header",
                    declared.join(", "),
                    code.value
                )
            };
            out.push(
                RULE.diagnostic(msg!(
                    "预算单位 `{}` 未声明",
                    "budget unit `{}` is not declared",
                    code.value
                ))
                .primary(
                    p.file,
                    code.span,
                    msg!("计划头部没有这个单位", "not declared in the plan header"),
                )
                .help(help),
            );
        }
    }
}
