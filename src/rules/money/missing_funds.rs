//! E0308: a project with no `资金` statement.

use super::{amount, stated};
use crate::ast::SummaryStmt;
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::{Ctx, funds_of};
use crate::syntax::keywords::Kw;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0308",
        severity: Severity::Error,
        title_zh: "项目没有写资金",
        title_en: "project states no funds",
        doc_zh: "## 检查什么\n每个项目都要有一行 `资金`，写出年度资金总额及其来源。\n\n## 为什么\n项目支出绩效目标表的表头必须填年度资金总额；分项目标、部门合计、成本指标和按金额写的支出计划都要与它核对。\n\n## 例\n```\n项目 办案经费 \"办案工作经费\" {\n  编码 13022522P00TD8410008N\n  用途 \"办公费\"\n}\n```\n\n## 修正\n在项目中加一行，如 `资金 50.00（财政 50.00）`。",
        doc_en: "## What it checks\nEvery project needs a `funds` line with the year's total and its sources.\n\n## Why\nA project's table must give the year's total; the summaries, the department total, cost targets and schedules given in amounts are all checked against it.\n\n## Example\n```\nproject 办案经费 \"办案工作经费\" {\n  code 13022522P00TD8410008N\n  purpose \"办公费\"\n}\n```\n\n## Fix\nAdd a line to the project, such as `funds 50.00 (fiscal 50.00)`.",
    },
    check,
    scope: Scope::Plan,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for project in ctx.projects.iter().copied() {
        // A funds line that did not parse has been reported already.
        if funds_of(project.node).is_some() || project.has_broken(Kw::Funds) {
            continue;
        }
        // The example is written in the language of the project's keywords.
        let example = match project.keyword.lang {
            Lang::Zh => "资金 50.00（财政 50.00）",
            Lang::En => "funds 50.00 (fiscal 50.00)",
        };
        let mut d = RULE
            .diagnostic(msg!(
                "项目 `{}` 没有写资金",
                "project `{}` states no funds",
                project.id.name
            ))
            .primary(
                project.file,
                project.id.span,
                msg!("项目中没有 `资金` 行", "the project has no `funds` line"),
            );
        // A summary of the project may state the amount.
        for summary in ctx.summaries_of(&project.id.name) {
            for stmt in &summary.node.body {
                if let SummaryStmt::Funds(funds) = stmt
                    && let Some((value, span)) = stated(ctx, funds)
                {
                    d = d.secondary(
                        summary.file,
                        span,
                        msg!(
                            "分项目标中写为 {}",
                            "the summary says {}",
                            amount(ctx, value)
                        ),
                    );
                }
            }
        }
        d = d.help(msg!(
            "在项目中加一行，写出年度资金总额及来源，如 `{}`",
            "add a line with the year's total and its sources, such as `{}`",
            example
        ));
        out.push(d);
    }
}
