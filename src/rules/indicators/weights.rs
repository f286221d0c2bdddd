//! E0512: weights (分值) given to some indicators but not all, or not
//! totalling 100.

use super::scopes;
use crate::ast::IndicatorAttr;
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Lang, Message, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0512",
        severity: Severity::Error,
        title_zh: "分值不全或合计不是 100",
        title_en: "weights missing or not totalling 100",
        doc_zh: "## 检查什么\n一个项目（或总体目标）中只要有一个指标写了 `分值`，每个指标都要写，而且合计恰好是 100。\n\n## 为什么\n省级系统要求使用分值的指标合计为 100；年底自评按分值打分，缺了分值的指标无法计分，合计不是 100 的得分无法与满分比较。\n\n## 例\n`产出.数量 \"举报线索处置率\" = 100% 分值 50`\n`满意度.服务对象满意度 \"服务对象满意度\" ≥ 95% 分值 40`\n\n## 修正\n给每个指标写上 `分值`，并调整到合计 100。",
        doc_en: "## What it checks\nOnce one indicator of a project (or of the overall part) has a `weight`, every indicator there has one, and they total exactly 100.\n\n## Why\nProvincial systems require weights, where used, to total 100; the year-end self-assessment scores each indicator by its weight, so an indicator without one cannot be scored and a total other than 100 cannot be compared with full marks.\n\n## Example\n`output.quantity \"举报线索处置率\" = 100% weight 50`\n`satisfaction.service-recipient \"服务对象满意度\" >= 95% weight 40`\n\n## Fix\nGive every indicator a `weight`, and adjust them to total 100.",
    },
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
