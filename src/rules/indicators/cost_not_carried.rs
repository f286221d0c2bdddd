//! W0515: the overall part sets a cost target, but a project has no cost
//! indicator.

use super::is_cost;
use crate::ast::OverallStmt;
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::{Ctx, In, indicators_of};

pub static RULE: Rule = Rule {
    doc: code_doc!("W0515", Warning, "cost_not_carried"),
    check,
    scope: Scope::Item,
};

/// Whether the profile itself requires a cost level of every project (as
/// central-2021 does): E0204 then reports the missing cost indicator.
fn profile_requires_cost(ctx: &Ctx) -> bool {
    let Some(profile) = &ctx.profile else {
        return false;
    };
    profile.required.iter().any(|r| {
        let Some(level1) = profile.levels.get(r.level1) else {
            return false;
        };
        let english = match r.level2 {
            None => &level1.english,
            Some(i) => match level1.children.get(i) {
                Some(level2) => &level2.english,
                None => return false,
            },
        };
        english.as_deref() == Some("cost")
    })
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if profile_requires_cost(ctx) {
        return;
    }
    // The overall part is looked up, not gone over: in the context of a
    // run of projects it is not among `all_indicators`.
    let overall_cost = ctx.overall.iter().find_map(|o| {
        o.node.body.iter().find_map(|s| match s {
            OverallStmt::Indicator(i) if is_cost(ctx, i) => Some(In {
                file: o.file,
                node: &**i,
            }),
            _ => None,
        })
    });
    let Some(overall_cost) = overall_cost else {
        return;
    };
    let path = overall_cost.path.written();
    for p in ctx.projects.iter().copied() {
        if indicators_of(p.node).any(|i| is_cost(ctx, i)) || p.has_broken_indicator() {
            continue;
        }
        let help = match ctx.project_total(p) {
            Some(total) => {
                let amount = format!("{}{}", total.value, ctx.money.word());
                msg!(
                    "为项目加一行成本指标，如 `{} \"项目预算控制数\" ≤ {}`",
                    "add a cost indicator to the project, such as `{} \"项目预算控制数\" ≤ {}`",
                    path,
                    amount
                )
            }
            None => msg!(
                "为项目加一行成本指标，如 `{} \"人均工作经费\" ≤ 4万元/人`",
                "add a cost indicator to the project, such as `{} \"人均工作经费\" ≤ 4万元/人`",
                path
            ),
        };
        out.push(
            RULE.diagnostic(msg!(
                "总体目标有成本指标，项目 {} 却没有",
                "the overall part sets a cost target, but project {} has none",
                p.id.name
            ))
            .primary(p.file, p.id.span, msg!("没有成本指标", "no cost indicator"))
            .secondary(
                overall_cost.file,
                overall_cost.name.span,
                msg!("总体目标的成本指标", "the overall cost target"),
            )
            .help(help),
        );
    }
}
