//! E0304: a negative amount of money.

use super::{Place, every_amount, written};
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0304", Error, "negative_amount"),
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
