//! W0513: a qualitative target that is a figure mixed with words
//! (`定性 "≥95服务对象满意度"`).

use super::placeholder::placeholder;
use super::{Expected, expected_unit, short, target_text};
use crate::ast::TargetKind;
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Message};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::values::comparator::CmpOp;
use crate::values::unit;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0513", Warning, "qualitative_figure"),
    check,
    scope: Scope::Item,
};

const COMPARATORS: &[(&str, CmpOp)] = &[
    (">=", CmpOp::Ge),
    ("<=", CmpOp::Le),
    ("＞＝", CmpOp::Ge),
    ("＜＝", CmpOp::Le),
    ("≥", CmpOp::Ge),
    ("≧", CmpOp::Ge),
    ("≤", CmpOp::Le),
    ("≦", CmpOp::Le),
    (">", CmpOp::Gt),
    ("＞", CmpOp::Gt),
    ("<", CmpOp::Lt),
    ("＜", CmpOp::Lt),
    ("=", CmpOp::Eq),
    ("＝", CmpOp::Eq),
];

/// A figure read from the start of a text: comparator (written first, or
/// 以上/以下 after), number (ASCII digits) and unit (if one follows).
#[derive(Debug, PartialEq, Eq)]
struct Figure {
    op: Option<CmpOp>,
    number: String,
    unit: Option<String>,
}

fn digit_value(c: char) -> Option<u32> {
    c.to_digit(10).or_else(|| {
        ('０'..='９')
            .contains(&c)
            .then(|| u32::from(c) - u32::from('０'))
    })
}

fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Reads the figure a text starts with; `None` when it starts with neither
/// a comparator nor a digit, or with a date (`2022年`, `12月`, `3日`).
fn leading_figure(text: &str) -> Option<Figure> {
    let t = text.trim_start();
    let (mut op, rest) = match COMPARATORS.iter().find(|(w, _)| t.starts_with(w)) {
        Some((w, op)) => (Some(*op), t.get(w.len()..).unwrap_or("").trim_start()),
        None => (None, t),
    };
    if op.is_none() && !rest.starts_with(is_digit) {
        return None;
    }
    let mut number = String::new();
    let mut end = rest.len();
    for (at, c) in rest.char_indices() {
        if let Some(d) = digit_value(c).and_then(|d| char::from_digit(d, 10)) {
            number.push(d);
        } else if c == '.' && !number.is_empty() && !number.contains('.') {
            number.push('.');
        } else {
            end = at;
            break;
        }
    }
    if number.ends_with('.') {
        number.pop();
        end = end.saturating_sub(1);
    }
    let after = rest.get(end..).unwrap_or("");
    let is_date = after.starts_with('月')
        || after.starts_with('日')
        || (after.starts_with('年') && number.len() == 4);
    if op.is_none() && is_date {
        return None;
    }
    // The longest unit word that follows, if any.
    let chars: Vec<char> = after.chars().take(6).collect();
    let unit = (1..=chars.len()).rev().find_map(|n| {
        let word: String = chars.iter().take(n).collect();
        unit::parse(&word).ok().map(|_| word)
    });
    let tail = after
        .get(unit.as_ref().map_or(0, String::len)..)
        .unwrap_or("");
    if op.is_none() {
        if tail.starts_with("以上") {
            op = Some(CmpOp::Ge);
        } else if tail.starts_with("以下") || tail.starts_with("以内") {
            op = Some(CmpOp::Le);
        }
    }
    Some(Figure { op, number, unit })
}

/// Whether this rule reports a qualitative target: a figure written as
/// text (and not a placeholder, which E0505 reports).
pub(super) fn reports(text: &str) -> bool {
    placeholder(text).is_none() && leading_figure(text).is_some()
}

/// How many separate figures a text holds (`20个单位和120个` holds two).
fn figures(text: &str) -> usize {
    let mut count = 0;
    let mut in_number = false;
    for c in text.chars() {
        let digit = is_digit(c);
        if digit && !in_number {
            count += 1;
        }
        in_number = digit || (in_number && c == '.');
    }
    count
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (_, indicator) in ctx.all_indicators() {
        let TargetKind::Qualitative { text, .. } = &indicator.target.kind else {
            continue;
        };
        if placeholder(&text.value).is_some() {
            continue;
        }
        let Some(figure) = leading_figure(&text.value) else {
            continue;
        };
        let label = msg!("数值和文字混在一起", "a figure mixed with words");
        let several = figures(&text.value) > 1;
        let op = figure.op.unwrap_or(CmpOp::Eq);
        let help = if figure.number.is_empty() {
            msg!(
                "写成定量指标值，如 `≥ 95%`",
                "write it as a quantitative target, such as `≥ 95%`"
            )
        } else {
            let unit = match (&figure.unit, expected_unit(ctx, &indicator)) {
                (_, Expected::Percent) => Some("%".to_string()),
                (Some(u), _) => Some(u.clone()),
                (None, Expected::Money) => Some(ctx.money.word().to_string()),
                (None, Expected::Measure) => None,
            };
            match unit {
                Some(u) if several => {
                    let t = target_text(op, &figure.number, &u);
                    msg!(
                        "写成定量指标值，如 `{}`；几个数值分成几行，每行一个指标",
                        "write it as quantitative targets, such as `{}`, one figure per indicator row",
                        t
                    )
                }
                Some(u) => {
                    let t = target_text(op, &figure.number, &u);
                    msg!(
                        "写成定量指标值：`{}`",
                        "write it as a quantitative target: `{}`",
                        t
                    )
                }
                None => {
                    let t = target_text(op, &figure.number, "");
                    msg!(
                        "写成定量指标值 `{}`，并写明计量单位（如 `个`、`项`、`%`）",
                        "write it as a quantitative target `{}` with its unit (such as `个`, `项` or `%`)",
                        t
                    )
                }
            }
        };
        out.push(
            RULE.diagnostic(Message::new(
                format!("定性指标值“{}”其实是一个数值", short(&text.value)),
                format!(
                    "the qualitative target “{}” is a figure written as text",
                    short(&text.value)
                ),
            ))
            .primary(indicator.file, text.span, label)
            .help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(op: Option<CmpOp>, number: &str, unit: Option<&str>) -> Option<Figure> {
        Some(Figure {
            op,
            number: number.into(),
            unit: unit.map(Into::into),
        })
    }

    #[test]
    fn reads_leading_figures() {
        assert_eq!(
            leading_figure("≥95服务对象满意度"),
            fig(Some(CmpOp::Ge), "95", None)
        );
        assert_eq!(
            leading_figure("20个单位和120个村级党组织"),
            fig(None, "20", Some("个"))
        );
        assert_eq!(
            leading_figure("95%以上"),
            fig(Some(CmpOp::Ge), "95", Some("%"))
        );
        assert_eq!(
            leading_figure("９５％以上"),
            fig(Some(CmpOp::Ge), "95", Some("％"))
        );
        assert_eq!(leading_figure("2022年底前完成"), None);
        assert_eq!(leading_figure("12月底前完成"), None);
        assert_eq!(leading_figure("提高公众安全感"), None);
        assert_eq!(
            leading_figure(">= 3.5万元"),
            fig(Some(CmpOp::Ge), "3.5", Some("万元"))
        );
        assert_eq!(leading_figure("3.项"), fig(None, "3", None));
        assert_eq!(leading_figure("≥"), fig(Some(CmpOp::Ge), "", None));
        assert_eq!(figures("20个单位和120个村级党组织"), 2);
        assert_eq!(figures("≥95.5服务对象满意度"), 1);
    }
}
