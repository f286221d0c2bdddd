//! E0502: the unit of a target does not fit what the indicator measures: a
//! cost indicator not in money, a rate not in percent.

use super::{dimension_name, is_cost, is_per_unit_rate_name, is_rate_name, measured, target_text};
use crate::ast::TargetKind;
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Message};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::values::comparator::CmpOp;
use crate::values::unit::Dimension;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0502", Error, "wrong_dimension"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (indicator, q, unit) in measured(ctx) {
        let dim = unit.kind.dimension;
        let money_like =
            dim == Dimension::Money || (dim == Dimension::Rate && unit.kind.money.is_some());
        let name = &indicator.name.value;
        let cost = is_cost(ctx, &indicator);
        let op = match &indicator.target.kind {
            TargetKind::Compare { comparator, .. } => comparator.op,
            _ => CmpOp::Eq,
        };
        // The label of the unit, made only for a diagnostic.
        let found = || {
            let (found_zh, found_en) = dimension_name(dim, unit.kind.money.is_some());
            Message::new(
                format!("`{}` 是{}", unit.written, found_zh),
                format!("`{}` is {}", unit.written, found_en),
            )
        };
        if is_rate_name(name) {
            let ok = dim == Dimension::Percent
                || (is_per_unit_rate_name(name) && dim == Dimension::Rate)
                || (cost && money_like);
            if ok {
                continue;
            }
            let fixed = target_text(op, &q.number.written, "%");
            out.push(
                RULE.diagnostic(Message::new(
                    format!("比率指标的单位应为 %，不能是 `{}`", unit.written),
                    format!("a rate is measured in %, not in `{}`", unit.written),
                ))
                .primary(indicator.file, unit.span, found())
                .secondary(
                    indicator.file,
                    indicator.name.span,
                    msg!(
                        "从名称看是比率，应以 % 计",
                        "a rate by its name: percent expected"
                    ),
                )
                .help(msg!(
                    "写作 `{}`；若考核的是个数或金额，请改名称，不要叫“率”",
                    "write `{}`; if it counts things or money, rename it so that it is not a rate",
                    fixed
                )),
            );
        } else if cost && !money_like {
            let money = ctx.money.word();
            let fixed = target_text(op, &q.number.written, money);
            out.push(
                RULE.diagnostic(Message::new(
                    format!("成本指标的单位应为金额，不能是 `{}`", unit.written),
                    format!("a cost indicator is measured in money, not in `{}`", unit.written),
                ))
                .primary(indicator.file, unit.span, found())
                .secondary(
                    indicator.file,
                    indicator.path.span,
                    msg!("成本指标，应以金额计", "a cost indicator: money expected"),
                )
                .help(msg!(
                    "写成金额，如 `{}`，人均写作 `{}/人`；若考核的不是成本，请移到别的二级指标下",
                    "write an amount, such as `{}`, or per head `{}/人`; if it is not a cost, move it under another second level",
                    fixed,
                    money
                )),
            );
        }
    }
}
