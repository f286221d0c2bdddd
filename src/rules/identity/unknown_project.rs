//! E0604: a summary (分项目标) refers to a project that does not exist.

use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::syntax::keywords::closest;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0604",
        severity: Severity::Error,
        title_zh: "分项目标引用了不存在的项目",
        title_en: "summary of an unknown project",
        doc_zh: "## 检查什么\n`分项目标 标识 { … }` 中的标识必须是计划中某个项目的标识。\n\n## 为什么\n分项目标的金额和名称由项目表生成；找不到项目，这一段就无从核对。\n\n## 例\n项目写作 `项目 信息化 …`，分项目标写作 `分项目标 信息化建设 { … }`。\n\n## 修正\n改为项目的标识。",
        doc_en: "## What it checks\nThe id in `summary ID { … }` is the id of a project of the plan.\n\n## Why\nA summary's amount and name come from the project; without the project the summary cannot be checked.\n\n## Example\nThe project is `project 信息化 …`, the summary `summary 信息化建设 { … }`.\n\n## Fix\nWrite the project's id.",
    },
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
