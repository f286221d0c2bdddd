//! E0308: a project with no `资金` statement.

use super::{amount, stated};
use crate::ast::SummaryStmt;
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Lang};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::{Ctx, funds_of};
use crate::syntax::keywords::Kw;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0308", Error, "missing_funds"),
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
