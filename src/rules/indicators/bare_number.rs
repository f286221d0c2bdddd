//! W0508: a number with no comparator (`100`), often with no unit either.

use super::comparator_direction::{Better, better};
use super::{Expected, expected_unit, written_quantity};
use crate::ast::{Indicator, Quantity, TargetKind};
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Fix};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::source::Span;
use crate::values::comparator::CmpOp;
use crate::values::unit::Dimension;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0508", Warning, "bare_number"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (_, indicator) in ctx.all_indicators() {
        let TargetKind::Bare(q) = &indicator.target.kind else {
            continue;
        };
        let n = &q.number.written;
        let d = match q.unit.as_ref().or(indicator.measure_unit()) {
            Some(_) => {
                let w = written_quantity(q);
                let d = RULE
                    .diagnostic(msg!(
                        "指标值 `{}` 没有比较符",
                        "the target `{}` has no comparator",
                        w
                    ))
                    .primary(
                        indicator.file,
                        q.span,
                        msg!(
                            "是等于、不低于还是不超过？",
                            "equal to, at least or at most?"
                        ),
                    )
                    .help(msg!(
                        "写明比较符：`= {0}` 或 `≥ {0}`",
                        "write the comparator: `= {0}` or `≥ {0}`",
                        w
                    ));
                match inferred(ctx, &indicator, q) {
                    Some(op) => d.fix(Fix::safe(
                        msg!("写作 `{} {}`", "write `{} {}`", op.symbol(), w),
                        indicator.file,
                        Span::new(q.span.start as usize, q.span.start as usize),
                        format!("{} ", op.symbol()),
                    )),
                    None => d,
                }
            }
            None => {
                let d = RULE
                    .diagnostic(msg!(
                        "指标值 `{}` 既没有比较符，也没有计量单位",
                        "the target `{}` has neither a comparator nor a unit",
                        n
                    ))
                    .primary(
                        indicator.file,
                        q.span,
                        msg!(
                            "是等于、不低于还是不超过？以什么计？",
                            "equal to, at least or at most? And in what unit?"
                        ),
                    );
                match expected_unit(ctx, &indicator) {
                    Expected::Percent => d.help(msg!(
                        "写明比较符和单位：`= {0}%` 或 `≥ {0}%`",
                        "write the comparator and the unit: `= {0}%` or `≥ {0}%`",
                        n
                    )),
                    Expected::Money if ctx.money.word() == "元" => d.help(msg!(
                        "写明比较符和金额单位，如 `≤ {0}元`",
                        "write the comparator and the money unit, as in `≤ {0}元`",
                        n
                    )),
                    Expected::Money => d.help(msg!(
                        "写明比较符和金额单位，如 `≤ {0}{1}` 或 `≤ {0}元`",
                        "write the comparator and the money unit, as in `≤ {0}{1}` or `≤ {0}元`",
                        n,
                        ctx.money.word()
                    )),
                    Expected::Measure => d.help(msg!(
                        "写明比较符和单位，如 `= {0}个`、`≥ {0}人次` 或 `= {0}%`",
                        "write the comparator and the unit, as in `= {0}个`, `≥ {0}人次` or `= {0}%`",
                        n
                    )),
                }
            }
        };
        out.push(d);
    }
}

/// The comparator a bare target must have, when its unit is written and
/// its name says which way is better (W0520's reading): `≥` for a
/// satisfaction or a completion rate (`=` for one of 100%), `≤` for a cost
/// or an incident rate.
fn inferred(ctx: &Ctx, indicator: &Indicator, q: &Quantity) -> Option<CmpOp> {
    let unit = q.unit.as_ref()?;
    let dim = unit.kind.dimension;
    let money = dim == Dimension::Money || (dim == Dimension::Rate && unit.kind.money.is_some());
    Some(match better(ctx, indicator, dim, money)? {
        Better::Higher if dim == Dimension::Percent && q.number.value == Decimal::ONE_HUNDRED => {
            CmpOp::Eq
        }
        Better::Higher => CmpOp::Ge,
        Better::Lower => CmpOp::Le,
    })
}
