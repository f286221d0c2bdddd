//! E0540: the table's own unit column (`计量单位`) disagrees with the
//! unit written in the target.

use crate::ast::{Operand, TargetKind, Unit};
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::values::unit;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0540", Error, "unit_column"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (_, indicator) in ctx.all_indicators() {
        let Some(column) = indicator.measure_unit() else {
            continue;
        };
        let target_unit = match &indicator.target.kind {
            TargetKind::Compare {
                value: Operand::Quantity(q),
                ..
            }
            | TargetKind::Bare(q) => q.unit.as_ref(),
            _ => continue,
        };
        // A target without a unit takes the column's, as tables print it.
        let Some(written) = target_unit else {
            continue;
        };
        if same_unit(written, column) {
            continue;
        }
        out.push(
            RULE.diagnostic(msg!(
                "计量单位 `{}` 与指标值的单位 `{}` 不一致",
                "the unit column says `{}`, the target `{}`",
                column.written,
                written.written
            ))
            .primary(
                indicator.file,
                column.span,
                msg!("计量单位栏", "the unit column"),
            )
            .secondary(
                indicator.file,
                written.span,
                msg!("指标值中的单位", "the target's unit"),
            )
            .help(msg!(
                "两处写同一个单位：改正其中一处，或只在计量单位栏中写",
                "write one unit in both places: correct one, or write it in the unit column only"
            )),
        );
    }
}

/// The same unit, however written (`%` and `％`, `平方米` and `㎡`).
fn same_unit(a: &Unit, b: &Unit) -> bool {
    unit::canonical(&a.written) == unit::canonical(&b.written)
}
