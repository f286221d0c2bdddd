//! W0519: a rate written as a count (`"培训覆盖面" = 20个`), or a count
//! written as a rate (`"受益人数" ≥ 95%`).

use super::{is_rate_name, is_share_name, measured, strip_percent_suffix};
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Message};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::values::unit::Dimension;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0519", Warning, "rate_as_count"),
    check,
    scope: Scope::Item,
};

/// Endings of names that count things.
const COUNT_ENDINGS: &[&str] = &[
    "人数", "人次", "次数", "个数", "户数", "家数", "件数", "项数",
];

/// Words that make a percentage the change of a count (减少违规人数 10%).
const CHANGE_WORDS: &[&str] = &[
    "增长", "增加", "提高", "提升", "减少", "降低", "减低", "下降", "压减",
];

/// A name that counts things, and not the change of a count.
fn is_count_name(name: &str) -> bool {
    let s = strip_percent_suffix(name);
    COUNT_ENDINGS.iter().any(|w| s.ends_with(w)) && !CHANGE_WORDS.iter().any(|w| s.contains(w))
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (indicator, q, unit) in measured(ctx) {
        let name = &indicator.name.value;
        let dim = unit.kind.dimension;
        let d = if dim == Dimension::Count && is_share_name(name) && !is_rate_name(name) {
            RULE.diagnostic(Message::new(
                format!(
                    "“{}”说的是占比，指标值却是个数 `{}{}`",
                    name.trim(),
                    q.number.written,
                    unit.written
                ),
                format!(
                    "“{}” is a share, but its target is a count, `{}{}`",
                    name.trim(),
                    q.number.written,
                    unit.written
                ),
            ))
            .primary(
                indicator.file,
                q.span,
                msg!("个数，不是占比", "a count, not a share"),
            )
            .help(msg!(
                "占比写百分比，如 `= 100%`、`≥ 90%`；若考核的是个数，改名称，如“覆盖乡镇数”",
                "write a share in percent, such as `= 100%` or `≥ 90%`; if it counts things, rename it (such as 覆盖乡镇数)"
            ))
        } else if dim == Dimension::Percent && is_count_name(name) && !is_rate_name(name) {
            RULE.diagnostic(Message::new(
                format!(
                    "“{}”说的是个数，指标值却是百分比 `{}{}`",
                    name.trim(),
                    q.number.written,
                    unit.written
                ),
                format!(
                    "“{}” is a count, but its target is a percentage, `{}{}`",
                    name.trim(),
                    q.number.written,
                    unit.written
                ),
            ))
            .primary(
                indicator.file,
                q.span,
                msg!("百分比，不是个数", "a percentage, not a count"),
            )
            .help(msg!(
                "个数写量词，如 `≥ 500人`、`≥ 20个`；若考核的是比率，改名称，如“受益人口覆盖率”",
                "write a count with its measure word, such as `≥ 500人` or `≥ 20个`; if it is a rate, rename it (such as 受益人口覆盖率)"
            ))
        } else {
            continue;
        };
        out.push(d);
    }
}
