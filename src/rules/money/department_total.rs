//! E0303: the department total in the plan header is not the sum of the
//! projects' funds.

use super::{amount, show, stated};
use crate::ast::PlanStmt;
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Message, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0303",
        severity: Severity::Error,
        title_zh: "部门资金合计与各项目资金之和不符",
        title_en: "department total differs from the projects' funds",
        doc_zh: "## 检查什么\n计划头部写出 `资金 X`（部门的项目资金合计）时，X 必须等于计划中每个项目资金总额之和。计划中没有项目，或有项目没写资金（另报 E0308）时不检查。\n\n## 为什么\n部门文本中的合计与各项目表是同一笔钱；合计不符说明漏了项目、多算了项目，或某个数字抄错了。\n\n## 例\n```\n计划 2022 \"纪检会\" {\n  资金 160.00\n}\n```\n而三个项目的资金是 50.00、64.50、40.00，合计 154.50。\n\n## 修正\n把头部的金额改为各项目之和，或改正写错的项目资金；也可以删除这一行，合计由项目表得出。",
        doc_en: "## What it checks\nWhen the plan header states `funds X` (the department's total of project funds), X must equal the sum of the totals of every project of the plan. Not checked when the plan has no project, or when a project states no funds (E0308 reports that).\n\n## Why\nThe department's total and the projects' tables describe the same money; a total that does not match means a project was left out or counted twice, or a figure was copied wrong.\n\n## Example\n```\nplan 2022 \"纪检会\" {\n  funds 160.00\n}\n```\nwhile the three projects have 50.00, 64.50 and 40.00, which add up to 154.50.\n\n## Fix\nWrite the sum of the projects in the header, or correct the project that is wrong; or delete the line: the total follows from the projects.",
    },
    check,
    scope: Scope::Plan,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if ctx.projects.is_empty() {
        return;
    }
    // Every project's total; a project without one (E0308) or with an
    // amount that cannot be read makes the sum meaningless.
    let mut totals = Vec::new();
    let mut sum = Decimal::ZERO;
    for p in ctx.projects.iter().copied() {
        let Some(total) = ctx.project_total(p) else {
            return;
        };
        let Some(next) = sum.checked_add(total.value) else {
            return;
        };
        sum = next;
        totals.push((p.node.id.name.as_str(), total.value));
    }
    for header in ctx.headers.iter().copied() {
        for stmt in &header.node.body {
            let PlanStmt::Funds(funds) = stmt else {
                continue;
            };
            let Some((here, span)) = stated(ctx, funds) else {
                continue;
            };
            if here == sum {
                continue;
            }
            let list = |sep: &str| {
                totals
                    .iter()
                    .map(|(id, v)| format!("{id} {}", amount(ctx, *v)))
                    .collect::<Vec<_>>()
                    .join(sep)
            };
            let d = RULE
                .diagnostic(msg!(
                    "部门资金合计 {} 不等于各项目资金之和 {}",
                    "the department total, {}, is not the sum of the projects' funds, {}",
                    amount(ctx, here),
                    amount(ctx, sum)
                ))
                .primary(header.file, span, msg!("此处写为 {}", "written here as {}", amount(ctx, here)))
                .note(Message::new(
                    format!("各项目的资金：{}", list("，")),
                    format!("the projects' funds: {}", list(", ")),
                ))
                .help(msg!(
                    "各项目资金之和为 {}：把此处改为 {}，或改正写错的项目资金",
                    "the projects add up to {}: write {} here, or correct the project that is wrong",
                    amount(ctx, sum),
                    show(sum)
                ));
            out.push(d);
        }
    }
}
