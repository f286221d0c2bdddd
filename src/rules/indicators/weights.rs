//! E0512: weights (分值) given to some indicators but not all, or not
//! totalling 100.

use super::scopes;
use crate::ast::IndicatorAttr;
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Lang, Message};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0512", Error, "weights"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for scope in scopes(ctx).into_iter().filter(|s| s.read_whole()) {
        let weighted: Vec<_> = scope
            .indicators
            .iter()
            .filter_map(|i| {
                i.attrs.iter().find_map(|a| match a {
                    IndicatorAttr::Weight { keyword, value, .. } => Some((i, keyword, value)),
                    _ => None,
                })
            })
            .collect();
        let Some((first, keyword, _)) = weighted.first() else {
            continue;
        };
        let kw = match keyword.lang {
            Lang::Zh => "分值",
            Lang::En => "weight",
        };
        let Some(sum) = weighted
            .iter()
            .try_fold(Decimal::ZERO, |s, (_, _, v)| s.checked_add(v.value))
        else {
            continue;
        };
        let sum = sum.normalize();
        let place = scope.name();
        let missing: Vec<_> = scope
            .indicators
            .iter()
            .filter(|i| i.weight().is_none())
            .collect();
        if !missing.is_empty() {
            let mut d = RULE.diagnostic(Message::new(
                format!("{}中有 {} 个指标没有分值", place.zh, missing.len()),
                format!(
                    "{} indicator(s) of {} have no weight",
                    missing.len(),
                    place.en
                ),
            ));
            for i in &missing {
                d = d.primary(i.file, i.name.span, msg!("没有分值", "no weight"));
            }
            d = d
                .secondary(
                    first.file,
                    first.name.span,
                    msg!("这个指标有分值", "this one has a weight"),
                )
                .note(msg!(
                    "已写的分值合计 {}，全部指标合计应为 100",
                    "the weights given total {}; all of them together must total 100",
                    sum
                ))
                .help(msg!(
                    "给每个指标写上 `{0} …`，使合计为 100；不用分值的，全部删去 `{0}`",
                    "give every indicator a `{0} …` so that they total 100, or remove every `{0}`",
                    kw
                ));
            out.push(d);
        } else if sum != Decimal::ONE_HUNDRED {
            let (file, span) = match (&scope.project, ctx.overall.first()) {
                (Some(p), _) => (p.file, p.id.span),
                (None, Some(o)) => (o.file, o.keyword.span),
                (None, None) => (first.file, first.name.span),
            };
            let diff = (sum - Decimal::ONE_HUNDRED).abs().normalize();
            let (more_zh, more_en) = if sum > Decimal::ONE_HUNDRED {
                ("多", "over")
            } else {
                ("少", "short")
            };
            let mut d = RULE
                .diagnostic(Message::new(
                    format!("{}的分值合计 {}，不是 100", place.zh, sum),
                    format!("the weights of {} total {}, not 100", place.en, sum),
                ))
                .primary(file, span, msg!("分值合计 {}", "weights total {}", sum));
            for (i, _, value) in &weighted {
                d = d.secondary(i.file, value.span, msg!("{}", "{}", value.written));
            }
            out.push(
                d.note(Message::new(
                    format!("比 100 {more_zh} {diff}"),
                    format!("{diff} {more_en} of 100"),
                ))
                .help(msg!(
                    "调整各指标的分值，使合计恰好为 100",
                    "adjust the weights so that they total exactly 100"
                )),
            );
        }
    }
}
