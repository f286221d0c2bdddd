//! W0513: a qualitative target that is a figure mixed with words
//! (`定性 "≥95服务对象满意度"`).

use super::placeholder::placeholder;
use super::{Expected, expected_unit, short, target_text};
use crate::ast::TargetKind;
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Fix, Message};
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
    /// Whether the text is the figure and nothing else (a trailing
    /// 以上/以下/以内 included).
    whole: bool,
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
    let mut rest = tail;
    if op.is_none() {
        if let Some(r) = tail.strip_prefix("以上") {
            op = Some(CmpOp::Ge);
            rest = r;
        } else if let Some(r) = tail
            .strip_prefix("以下")
            .or_else(|| tail.strip_prefix("以内"))
        {
            op = Some(CmpOp::Le);
            rest = r;
        }
    }
    let whole = rest.trim().is_empty();
    Some(Figure {
        op,
        number,
        unit,
        whole,
    })
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
        let d = RULE
            .diagnostic(Message::new(
                format!("定性指标值“{}”其实是一个数值", short(&text.value)),
                format!(
                    "the qualitative target “{}” is a figure written as text",
                    short(&text.value)
                ),
            ))
            .primary(indicator.file, text.span, label)
            .help(help);
        out.push(match quantitative(&figure, several) {
            Some((target, safe)) => {
                let what = msg!("写成定量指标值 `{}`", "write `{}`", target);
                let span = indicator.target.span;
                d.fix(if safe {
                    Fix::safe(what, indicator.file, span, target)
                } else {
                    Fix::unsafe_edit(what, indicator.file, span, target)
                })
            }
            None => d,
        });
    }
}

/// The quantitative target a figure written as text stands for, and
/// whether putting it in the text's place is safe: it is when the text is
/// the figure alone, with its comparator and unit written (`"≥90%"`);
/// words beside it, or a comparator read as `=`, make it a guess.
fn quantitative(figure: &Figure, several: bool) -> Option<(String, bool)> {
    let unit = figure.unit.as_deref()?;
    if several || figure.number.is_empty() {
        return None;
    }
    let unit = unit.replace('％', "%");
    let target = target_text(figure.op.unwrap_or(CmpOp::Eq), &figure.number, &unit);
    Some((target, figure.whole && figure.op.is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(op: Option<CmpOp>, number: &str, unit: Option<&str>, whole: bool) -> Option<Figure> {
        Some(Figure {
            op,
            number: number.into(),
            unit: unit.map(Into::into),
            whole,
        })
    }

    #[test]
    fn reads_leading_figures() {
        assert_eq!(
            leading_figure("≥95服务对象满意度"),
            fig(Some(CmpOp::Ge), "95", None, false)
        );
        assert_eq!(
            leading_figure("20个单位和120个村级党组织"),
            fig(None, "20", Some("个"), false)
        );
        assert_eq!(
            leading_figure("95%以上"),
            fig(Some(CmpOp::Ge), "95", Some("%"), true)
        );
        assert_eq!(
            leading_figure("９５％以上"),
            fig(Some(CmpOp::Ge), "95", Some("％"), true)
        );
        assert_eq!(leading_figure("2022年底前完成"), None);
        assert_eq!(leading_figure("12月底前完成"), None);
        assert_eq!(leading_figure("提高公众安全感"), None);
        assert_eq!(
            leading_figure(">= 3.5万元"),
            fig(Some(CmpOp::Ge), "3.5", Some("万元"), true)
        );
        assert_eq!(leading_figure("3.项"), fig(None, "3", None, false));
        assert_eq!(leading_figure("≥"), fig(Some(CmpOp::Ge), "", None, true));
        assert_eq!(figures("20个单位和120个村级党组织"), 2);
        assert_eq!(figures("≥95.5服务对象满意度"), 1);
    }

    #[test]
    fn a_figure_alone_is_a_safe_fix_and_one_among_words_a_guess() {
        let q = |t: &str| leading_figure(t).and_then(|f| quantitative(&f, figures(t) > 1));
        assert_eq!(q("≥90%"), Some(("≥ 90%".into(), true)));
        assert_eq!(q("95％以上"), Some(("≥ 95%".into(), true)));
        assert_eq!(q("≥0.1个百分点"), Some(("≥ 0.1个百分点".into(), true)));
        assert_eq!(q("90%"), Some(("= 90%".into(), false)));
        assert_eq!(q("≥95%的群众满意"), Some(("≥ 95%".into(), false)));
        assert_eq!(q("≥95服务对象满意度"), None);
        assert_eq!(q("20个单位和120个村级党组织"), None);
    }
}
