//! W0321: a project's funds given as a total with no sources
//! (`资金 50.00` rather than `资金 50.00（财政 50.00）`).

use super::written;
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Lang};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::{Ctx, funds_of};

pub static RULE: Rule = Rule {
    doc: code_doc!("W0321", Warning, "funds_without_sources"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for project in ctx.projects.iter().copied() {
        let Some(funds) = funds_of(project.node) else {
            continue;
        };
        let Some(total) = &funds.total else {
            continue;
        };
        if !funds.sources.is_empty() {
            continue;
        }
        let total = written(total);
        let example = match funds.keyword.lang {
            Lang::Zh => format!("资金 {total}（财政 {total}）"),
            Lang::En => format!("funds {total} (fiscal {total})"),
        };
        out.push(
            RULE.diagnostic(msg!(
                "项目 {} 的资金只写了总额，没有写来源",
                "the funds of project {} give a total but no sources",
                project.id.name
            ))
            .primary(
                project.file,
                funds.span,
                msg!("没有财政、其他等来源", "no fiscal, other or named sources"),
            )
            .help(msg!(
                "在括号中写出来源；全部是财政资金时写 `{}`",
                "write the sources in parentheses; when all the money is fiscal, `{}`",
                example
            )),
        );
    }
}
