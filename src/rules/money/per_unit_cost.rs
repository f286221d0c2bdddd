//! W0306: a per-unit cost (人均…) whose target is not a rate.

use super::{is_cost, per_unit_denominator, per_unit_marker, quantity_target, written};
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::values::unit::Dimension;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0306", Warning, "per_unit_cost"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (_, indicator) in ctx.all_indicators() {
        let name = &indicator.name;
        let Some(marker) = per_unit_marker(&name.value) else {
            continue;
        };
        if !is_cost(ctx, indicator.node) {
            continue;
        }
        let Some((cmp, q)) = quantity_target(&indicator.target) else {
            continue;
        };
        let sym = cmp.map_or("≤", |c| c.symbol());
        let per = per_unit_denominator(&name.value).unwrap_or_else(|| "人".to_string());
        let (label, example) = match &q.unit {
            // A number without a unit is E0501 (or W0508) already.
            None => continue,
            Some(u) if u.kind.dimension == Dimension::Money => (
                msg!(
                    "`{}` 是总额，不是每单位的金额",
                    "`{}` is a total, not an amount per unit",
                    written(q)
                ),
                format!("{sym} {}{}/{per}", q.number.written, u.written),
            ),
            Some(_) => continue,
        };
        let d = RULE
            .diagnostic(msg!(
                "按单位计的成本 `{}` 没有写成比率",
                "the per-unit cost `{}` is not written as a rate",
                name.value
            ))
            .primary(indicator.file, q.span, label)
            .secondary(
                indicator.file,
                name.span,
                msg!(
                    "名称中的“{}”表示按单位计",
                    "“{}” in the name means a cost per unit",
                    marker
                ),
            )
            .help(msg!(
                "写出比率单位，如 `{}`",
                "write a rate unit, such as `{}`",
                example
            ));
        out.push(d);
    }
}
