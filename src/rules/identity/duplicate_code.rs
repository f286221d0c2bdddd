//! E0602: two projects with the same project code (项目编码).

use crate::ast::{Code, ProjectStmt};
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::{Ctx, In};
use crate::source::FileId;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0602", Error, "duplicate_code"),
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
