//! E0601: two projects with the same id.

use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0601",
        severity: Severity::Error,
        title_zh: "项目标识重复",
        title_en: "duplicate project id",
        doc_zh: "## 检查什么\n计划中（包括它的所有文件）每个项目的标识（`项目 办案经费 …` 中的 `办案经费`）只能用一次。\n\n## 为什么\n分项目标和比较版本都靠标识找到项目；两个项目同名，金额和指标就会张冠李戴。\n\n## 例\n两个文件都写了 `项目 信息化 …`。\n\n## 修正\n给其中一个项目换一个标识，或删除重复的项目。",
        doc_en: "## What it checks\nEach project id (`办案经费` in `project 办案经费 …`) is used once in the plan, across all its files.\n\n## Why\nSummaries and version comparisons find projects by id; two projects with one id mix up their money and indicators.\n\n## Example\nTwo files both declare `project 信息化 …`.\n\n## Fix\nRename one of them, or delete the duplicate.",
    },
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
