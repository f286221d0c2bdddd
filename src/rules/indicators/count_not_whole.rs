//! E0504: a count that is not a whole number (`2.5个`).

use super::measured;
use crate::ast::TargetKind;
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::values::unit::Dimension;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0504", Error, "count_not_whole"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (indicator, q, unit) in measured(ctx) {
        if unit.kind.dimension != Dimension::Count || q.number.value.fract().is_zero() {
            continue;
        }
        let prefix = match &indicator.target.kind {
            TargetKind::Compare { comparator, .. } => format!("{} ", comparator.op.symbol()),
            _ => String::new(),
        };
        let down = format!(
            "{prefix}{}{}",
            q.number.value.floor().normalize(),
            unit.written
        );
        let up = format!(
            "{prefix}{}{}",
            q.number.value.ceil().normalize(),
            unit.written
        );
        let written = format!("{}{}", q.number.written, unit.written);
        out.push(
            RULE.diagnostic(msg!("个数 `{}` 不是整数", "the count `{}` is not a whole number", written))
                .primary(
                    indicator.file,
                    q.span,
                    msg!("以 `{}` 计的个数应为整数", "a count in `{}` is a whole number", unit.written),
                )
                .help(msg!(
                    "写整数，如 `{}` 或 `{}`；考核平均数的，用比值单位，如 `次/人`",
                    "write a whole number, such as `{}` or `{}`; for an average, use a per-unit measure such as `次/人`",
                    down,
                    up
                )),
        );
    }
}
