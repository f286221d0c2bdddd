//! E0603: a project names a budget unit the plan does not declare.

use crate::ast::{PlanStmt, ProjectStmt};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use std::collections::HashSet;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0603",
        severity: Severity::Error,
        title_zh: "未声明的预算单位",
        title_en: "undeclared budget unit",
        doc_zh: "## 检查什么\n项目的 `预算单位` 必须是计划头部用 `预算单位 编码 \"名称\"` 声明过的单位。\n\n## 为什么\n绩效目标表上方印有实施单位的编码和名称；未声明的编码无法印出单位名称，也可能是打错了。\n\n## 例\n头部声明了 222002，项目写 `预算单位 22202`。\n\n## 修正\n改为已声明的编码，或在计划头部声明这个单位。",
        doc_en: "## What it checks\nA project's `unit` is a budget unit declared in the plan header with `unit CODE \"name\"`.\n\n## Why\nEach project table is headed by its unit's code and name; an undeclared code has no name to print and is often a typo.\n\n## Example\nThe header declares 222002, the project says `unit 22202`.\n\n## Fix\nUse a declared code, or declare the unit in the header.",
    },
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
