//! E0602: two projects with the same project code (项目编码).

use crate::ast::{Code, ProjectStmt};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::{Ctx, In};
use crate::source::FileId;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0602",
        severity: Severity::Error,
        title_zh: "项目编码重复",
        title_en: "duplicate project code",
        doc_zh: "## 检查什么\n两个项目不能有相同的项目编码（`编码`）。\n\n## 为什么\n项目编码是预算管理一体化系统中项目的唯一标识，重复的编码会让绩效目标挂到错误的项目上。\n\n## 例\n两个项目都写 `编码 13022522P00TD8410008N`。\n\n## 修正\n从预算系统中核对并改正其中一个编码。",
        doc_en: "## What it checks\nNo two projects share a project code (`code`).\n\n## Why\nThe code identifies the project in the provincial budget system; a repeated code attaches the goals to the wrong project.\n\n## Example\nTwo projects with `code 13022522P00TD8410008N`.\n\n## Fix\nLook the code up in the budget system and correct one of them.",
    },
    check,
    scope: Scope::Plan,
};

fn codes<'a>(ctx: &Ctx<'a>) -> Vec<(FileId, &'a Code)> {
    let mut out = Vec::new();
    for p in ctx.projects.iter().copied() {
        let In { file, node } = p;
        for stmt in &node.body {
            if let ProjectStmt::Code { code, .. } = stmt {
                out.push((file, code));
            }
        }
    }
    out
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let all = codes(ctx);
    // The first use of each code.
    let mut first_use: HashMap<&str, usize> = HashMap::with_capacity(all.len());
    for (i, (file, code)) in all.iter().enumerate() {
        let first_index = *first_use.entry(code.value.as_str()).or_insert(i);
        let Some((first_file, first)) = all.get(first_index).filter(|_| first_index != i) else {
            continue;
        };
        out.push(
            RULE.diagnostic(msg!(
                "项目编码 `{}` 重复",
                "project code `{}` is used twice",
                code.value
            ))
            .primary(*file, code.span, msg!("再次使用", "used again here"))
            .secondary(
                *first_file,
                first.span,
                msg!("第一次在这里", "first used here"),
            )
            .help(msg!(
                "从预算系统中核对项目编码",
                "check the codes in the budget system"
            )),
        );
    }
}
