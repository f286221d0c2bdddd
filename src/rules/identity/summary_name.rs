//! W0605: a summary restates a project's name differently.

use crate::ast::SummaryStmt;
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0605", Warning, "summary_name"),
    check,
    scope: Scope::Plan,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for s in &ctx.summaries {
        let Some(project) = ctx.project(&s.project.name) else {
            continue;
        };
        for stmt in &s.body {
            let SummaryStmt::Name(name) = stmt else {
                continue;
            };
            if name.text.value == project.name.value {
                continue;
            }
            out.push(
                RULE.diagnostic(msg!(
                    "分项目标中的名称与项目 `{}` 的名称不一致",
                    "the summary names project `{}` differently",
                    project.id.name
                ))
                .primary(
                    s.file,
                    name.text.span,
                    msg!("此处写为“{}”", "written here as \"{}\"", name.text.value),
                )
                .secondary(
                    project.file,
                    project.name.span,
                    msg!(
                        "项目表中为“{}”",
                        "the project's table says \"{}\"",
                        project.name.value
                    ),
                )
                .help(msg!(
                    "删除这一行（名称由项目表生成），或改为“{}”",
                    "drop this line (the name comes from the project) or write \"{}\"",
                    project.name.value
                )),
            );
        }
    }
}
