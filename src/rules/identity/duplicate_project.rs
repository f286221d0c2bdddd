//! E0601: two projects with the same id.

use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0601", Error, "duplicate_project"),
    check,
    scope: Scope::Plan,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for p in &ctx.projects {
        // The first project of this id, when it is another one.
        let Some(first) = ctx
            .project(&p.id.name)
            .filter(|q| !std::ptr::eq(q.node, p.node))
        else {
            continue;
        };
        out.push(
            RULE.diagnostic(msg!(
                "项目标识 `{}` 重复",
                "project id `{}` is used twice",
                p.id.name
            ))
            .primary(p.file, p.id.span, msg!("再次使用", "used again here"))
            .secondary(
                first.file,
                first.id.span,
                msg!("第一次在这里", "first used here"),
            )
            .help(msg!(
                "给其中一个项目换一个标识",
                "give one of the projects another id"
            )),
        );
    }
}
