//! E0608: a budget unit declared twice.

use crate::ast::PlanStmt;
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0608",
        severity: Severity::Error,
        title_zh: "预算单位重复声明",
        title_en: "budget unit declared twice",
        doc_zh: "## 检查什么\n计划头部中每个预算单位编码只声明一次。\n\n## 为什么\n同一编码的两个名称，印在表上必有一个是错的。\n\n## 例\n`预算单位 222002 \"…纪律委员会\"` 写了两次，名称不同。\n\n## 修正\n删除其中一行。",
        doc_en: "## What it checks\nEach budget unit code is declared once in the plan header.\n\n## Why\nTwo names for one code: one of them is wrong on the printed table.\n\n## Example\n`unit 222002 \"…\"` twice, with different names.\n\n## Fix\nDelete one of the lines.",
    },
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let units: Vec<_> = ctx
        .headers
        .iter()
        .flat_map(|h| {
            h.node.body.iter().filter_map(move |s| match s {
                PlanStmt::BudgetUnit(u) => Some((h.file, u)),
                _ => None,
            })
        })
        .collect();
    // The first declaration of each code.
    let mut first_use: HashMap<&str, usize> = HashMap::with_capacity(units.len());
    for (i, (file, unit)) in units.iter().enumerate() {
        let first_index = *first_use.entry(unit.code.value.as_str()).or_insert(i);
        let Some((first_file, first)) = units.get(first_index).filter(|_| first_index != i) else {
            continue;
        };
        out.push(
            RULE.diagnostic(msg!(
                "预算单位 `{}` 声明了两次",
                "budget unit `{}` is declared twice",
                unit.code.value
            ))
            .primary(
                *file,
                unit.code.span,
                msg!("再次声明", "declared again here"),
            )
            .secondary(
                *first_file,
                first.code.span,
                msg!("第一次在这里", "first declared here"),
            )
            .help(msg!("删除其中一行", "delete one of the lines")),
        );
    }
}
