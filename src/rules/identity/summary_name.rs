//! W0605: a summary restates a project's name differently.

use crate::ast::SummaryStmt;
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "W0605",
        severity: Severity::Warning,
        title_zh: "分项目标中的项目名称与项目表不一致",
        title_en: "summary names the project differently",
        doc_zh: "## 检查什么\n分项目标用 `名称` 重述项目名称时，应与项目表的名称一致。\n\n## 为什么\n项目名称须与部门预算中的名称一致；同一项目两种叫法，审核会以为是两个项目。\n\n## 例\n项目名称“纪检监察信息化建设工作经费”，分项目标写“信息化创新工程、信息化建设经费”。\n\n## 修正\n删除分项目标中的 `名称`（名称由项目表生成），或改为项目表的名称。",
        doc_en: "## What it checks\nWhen a summary restates the project's name with `name`, it matches the project's own name.\n\n## Why\nA project's name must equal its name in the department budget; two names for one project read as two projects.\n\n## Example\nThe project is \"纪检监察信息化建设工作经费\", the summary says \"信息化创新工程、信息化建设经费\".\n\n## Fix\nDrop `name` from the summary (it comes from the project), or write the project's name.",
    },
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
