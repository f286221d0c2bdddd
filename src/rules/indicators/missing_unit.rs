//! E0501: a quantitative target with a comparator but no unit (`≥ 95`).

use super::{Expected, expected_unit, unit_suggestion, written_target};
use crate::ast::{Operand, TargetKind};
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0501", Error, "missing_unit"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (_, indicator) in ctx.all_indicators() {
        let TargetKind::Compare {
            comparator,
            value: Operand::Quantity(q),
        } = &indicator.target.kind
        else {
            continue;
        };
        // The table's own unit column gives the unit.
        if q.unit.is_some() || indicator.measure_unit().is_some() {
            continue;
        }
        let expected = expected_unit(ctx, &indicator);
        let written = written_target(&indicator);
        let mut d = RULE
            .diagnostic(msg!(
                "指标值 `{}` 没有计量单位",
                "the target `{}` has no unit",
                written
            ))
            .primary(indicator.file, q.span, msg!("缺少计量单位", "no unit"));
        d = match expected {
            Expected::Percent => d.secondary(
                indicator.file,
                indicator.name.span,
                msg!(
                    "从名称看是比率，以 % 计",
                    "a rate by its name, measured in %"
                ),
            ),
            Expected::Money => d.secondary(
                indicator.file,
                indicator.path.span,
                msg!("成本指标，以金额计", "a cost indicator, measured in money"),
            ),
            Expected::Measure => d,
        };
        let help = unit_suggestion(ctx, expected, comparator.op, &q.number.written);
        out.push(d.help(help));
    }
}
