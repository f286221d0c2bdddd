//! E0304: a negative amount of money.

use super::{Place, every_amount, written};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0304",
        severity: Severity::Error,
        title_zh: "金额为负数",
        title_en: "negative amount",
        doc_zh: "## 检查什么\n资金总额和各来源（项目、分项目标、计划头部）、按金额写的支出计划，以及指标中的金额目标（`≤ 50万元`、`≤ 4万元/人`）都不能是负数。\n\n## 为什么\n预算资金和成本没有负数；负号几乎总是误输入，或把“压减多少”写成了负数。\n\n## 例\n`资金 50.00（财政 60.00，其他 -10.00）`\n\n## 修正\n去掉负号。资金来源若有退回或压减，按实际来源写正数；指标要表达压减时，把“压减”写进指标名称，目标写正数，如 `产出.成本 \"经费压减额\" ≥ 5万元`。",
        doc_en: "## What it checks\nFunds totals and sources (in projects, summaries and the plan header), schedules given in amounts, and money targets of indicators (`≤ 50万元`, `≤ 4万元/人`) cannot be negative.\n\n## Why\nBudget money and costs are never negative; a minus sign is almost always a typing slip, or a cut written as a negative amount.\n\n## Example\n`funds 50.00 (fiscal 60.00, other -10.00)`\n\n## Fix\nRemove the minus sign. Write each source as the positive amount it brings; to state a cut in an indicator, say so in its name and write a positive target, e.g. `output.cost \"经费压减额\" >= 5万元`.",
    },
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for at in every_amount(ctx, true) {
        let q = at.quantity;
        if !q.number.value.is_sign_negative() || q.number.value.is_zero() {
            continue;
        }
        let help = match at.place {
            Place::Funds => msg!(
                "去掉 `-`：资金总额和各来源都不能为负",
                "remove the `-`: a total and its sources cannot be negative"
            ),
            Place::Schedule => msg!(
                "去掉 `-`：支出计划写截至该时点累计已支出的金额",
                "remove the `-`: a schedule gives the amount spent by each checkpoint"
            ),
            Place::Target => msg!(
                "去掉 `-`；要表达压减，把“压减”写进指标名称，目标写正数",
                "remove the `-`; to state a cut, say so in the indicator's name and write a positive target"
            ),
        };
        let d = RULE
            .diagnostic(msg!("金额不能为负数", "an amount cannot be negative"))
            .primary(
                at.file,
                q.span,
                msg!("此处写为 {}", "written here as {}", written(q)),
            )
            .help(help);
        out.push(d);
    }
}
