//! E0604: a summary (分项目标) refers to a project that does not exist.

use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::syntax::keywords::closest;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0604", Error, "unknown_project"),
    check,
    scope: Scope::Plan,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let ids: Vec<&str> = ctx.projects.iter().map(|p| p.id.name.as_str()).collect();
    for s in &ctx.summaries {
        if ctx.project(&s.project.name).is_some() || ctx.may_be_broken_project(&s.project.name) {
            continue;
        }
        let d = RULE
            .diagnostic(msg!(
                "没有标识为 `{}` 的项目",
                "there is no project `{}`",
                s.project.name
            ))
            .primary(
                s.file,
                s.project.span,
                msg!("未知的项目", "unknown project"),
            );
        let help = match closest(&s.project.name, ids.iter().copied()) {
            Some(id) => msg!("是否想写 `{}`？", "did you mean `{}`?", id),
            None if ids.is_empty() => msg!("计划中还没有项目", "the plan has no projects yet"),
            None => msg!(
                "计划中的项目：{}",
                "the plan's projects: {}",
                ids.join(", ")
            ),
        };
        out.push(d.help(help));
    }
}
