//! E0301: a summary (分项目标) states other funds than its project's table.

use super::{amount, show, stated};
use crate::ast::SummaryStmt;
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0301",
        severity: Severity::Error,
        title_zh: "分项目标的资金与项目表不一致",
        title_en: "summary funds differ from the project",
        doc_zh: "## 检查什么\n`分项目标 X { 资金 … }` 写出的金额必须等于项目 X 自己的资金总额（按计划的金额单位比较，`50` 与 `50.00` 相同）。\n\n## 为什么\n部门文本的“分项绩效目标”与项目支出绩效目标表是同一笔钱，金额不一致时审核无法判断哪一个是对的。项目表是准的：分项目标中的金额只是重述。\n\n## 例\n```\n分项目标 信息化 {\n  资金 34.5万元\n}\n项目 信息化 \"纪检监察信息化建设工作经费\" {\n  资金 64.50（财政 64.50）\n}\n```\n\n## 修正\n删除分项目标中的 `资金` 行（金额由项目表自动生成），或改为项目表中的金额，如 `资金 64.50`。",
        doc_en: "## What it checks\nThe amount a `summary X { funds … }` states must equal project X's own total (compared in the plan's money unit: `50` and `50.00` are the same).\n\n## Why\nThe department text's summary of a project and the project's own table describe the same money; when they disagree a reviewer cannot tell which is right. The project's table is the source of truth: the summary only restates it.\n\n## Example\n```\nsummary 信息化 {\n  funds 34.5万元\n}\nproject 信息化 \"纪检监察信息化建设工作经费\" {\n  funds 64.50 (fiscal 64.50)\n}\n```\n\n## Fix\nDelete the summary's `funds` line (the amount is then derived from the project), or write the project's amount, e.g. `funds 64.50`.",
    },
    check,
    scope: Scope::Plan,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for summary in ctx.summaries.iter().copied() {
        // An unknown project is reported by another rule.
        let Some(project) = ctx.project(&summary.project.name) else {
            continue;
        };
        let Some(total) = ctx.project_total(project) else {
            continue;
        };
        for stmt in &summary.node.body {
            let SummaryStmt::Funds(funds) = stmt else {
                continue;
            };
            let Some((here, span)) = stated(ctx, funds) else {
                continue;
            };
            if here == total.value {
                continue;
            }
            let d = RULE
                .diagnostic(msg!(
                    "分项目标 `{}` 的资金与项目表不一致",
                    "the funds in the summary of `{}` differ from the project's table",
                    summary.project.name
                ))
                .primary(
                    summary.file,
                    span,
                    msg!("此处写为 {}", "written here as {}", amount(ctx, here)),
                )
                .secondary(
                    total.file,
                    total.span,
                    msg!(
                        "项目表中为 {}",
                        "the project's table says {}",
                        amount(ctx, total.value)
                    ),
                )
                .help(msg!(
                    "删除此处的金额（由项目表自动生成），或改为 {}",
                    "drop the amount here (it is derived from the project) or write {}",
                    show(total.value)
                ));
            out.push(d);
        }
    }
}
