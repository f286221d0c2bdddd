//! E0504: a count that is not a whole number (`2.5个`).

use super::measured;
use crate::ast::TargetKind;
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::values::unit::Dimension;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0504", Error, "count_not_whole"),
    check,
    scope: Scope::Item,
};

/// Whether a count is whole once its unit's scale is applied: a count in
/// ten thousands (`万人`, `万人次`, `万户` …) is whole when it is a whole
/// number of units, so `1.2万人` (12 000 people) is.
fn is_whole(value: Decimal, unit: &str) -> bool {
    if unit.starts_with('万') {
        (value * Decimal::from(10_000)).fract().is_zero()
    } else {
        value.fract().is_zero()
    }
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (indicator, q, unit) in measured(ctx) {
        if unit.kind.dimension != Dimension::Count || is_whole(q.number.value, &unit.written) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_ten_thousands_are_whole_to_the_unit() {
        assert!(is_whole(Decimal::new(12, 1), "万人"));
        assert!(is_whole(Decimal::new(35_678, 4), "万人次"));
        assert!(!is_whole(Decimal::new(123_456, 5), "万人"));
        assert!(!is_whole(Decimal::new(25, 1), "个"));
        assert!(is_whole(Decimal::new(120, 0), "个"));
    }
}
