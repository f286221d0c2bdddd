//! W0321: a project's funds given as a total with no sources
//! (`资金 50.00` rather than `资金 50.00（财政 50.00）`).

use super::written;
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::{Ctx, funds_of};

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "W0321",
        severity: Severity::Warning,
        title_zh: "资金没有写来源",
        title_en: "funds without their sources",
        doc_zh: "## 检查什么\n项目的 `资金` 行只写了总额，括号中没有写来源（财政、其他，或具名的来源如“上年结转”）。分项目标和计划头部的 `资金` 只是复述总额，不检查。不要求写来源的地方，可以在计划头部写 `允许 W0321`。\n\n## 为什么\n项目表的年度资金总额 = 财政拨款 + 其他资金（+ 上年结转等），表中要分列；全部是财政资金时，财政资金等于总额，其他资金为空。只有总额，看不出钱从哪里来。\n\n## 例\n`资金 50.00`\n\n## 修正\n写出来源：`资金 50.00（财政 50.00）`；有其他来源的分别写出，如 `资金 70（财政 50，其他 15，\"上年结转\" 5）`。",
        doc_en: "## What it checks\nA project's `funds` line that gives a total and no sources in parentheses (fiscal, other, or a named source such as “上年结转”). The `funds` of summaries and of the plan header only restate totals and are not checked. Where sources are not asked for, write `allow W0321` in the plan header.\n\n## Why\nA project's total for the year is fiscal money plus other money (plus carry-overs and the like), and the table shows them apart; when all the money is fiscal, fiscal equals the total and other is empty. A total alone does not say where the money comes from.\n\n## Example\n`funds 50.00`\n\n## Fix\nWrite the sources: `funds 50.00 (fiscal 50.00)`; other sources each on their own, such as `funds 70 (fiscal 50, other 15, \"上年结转\" 5)`.",
    },
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
