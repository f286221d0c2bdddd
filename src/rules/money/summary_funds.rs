//! E0301: a summary (分项目标) states other funds than its project's table.

use super::{amount, show, stated};
use crate::ast::SummaryStmt;
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Fix};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::source::Span;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0301", Error, "summary_funds"),
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
            out.push(match restated(ctx, funds, total.value) {
                Some((span, text)) => d.fix(Fix::safe(
                    msg!("改为项目表中的 {}", "write the project's {}", text),
                    summary.file,
                    span,
                    text,
                )),
                None => d,
            });
        }
    }
}

/// Where to write the project's total in a summary's `资金` and what: the
/// number of its stated total, when that is in the plan's money unit (a
/// total in another unit, or one made of sources only, is left to the
/// user).
fn restated(ctx: &Ctx, funds: &crate::ast::Funds, total: Decimal) -> Option<(Span, String)> {
    let stated = funds.total.as_ref()?;
    let in_plan_unit = match &stated.unit {
        None => true,
        Some(u) => u.kind.money == Some(ctx.money),
    };
    in_plan_unit.then(|| (stated.number.span, show(total)))
}
