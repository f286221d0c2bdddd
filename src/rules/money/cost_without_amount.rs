//! W0320: a project whose cost indicators state no amount of money.

use super::{amount, is_cost, quantity_target};
use crate::ast::{Indicator, TargetKind};
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::{Ctx, indicators_of};
use crate::values::unit::Dimension;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0320", Warning, "cost_without_amount"),
    check,
    scope: Scope::Item,
};

/// What a cost row's target is, for this rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CostTarget {
    /// An amount of money, or a number that is read as one.
    Amount,
    /// A percentage, a grade, not applicable or a date: no amount.
    NoAmount,
    /// Qualitative, in another unit, or a target that did not read:
    /// another rule reports the row.
    Elsewhere,
}

fn cost_target(indicator: &Indicator) -> CostTarget {
    match &indicator.target.kind {
        TargetKind::Qualitative { .. } => return CostTarget::Elsewhere,
        TargetKind::Grade { .. } | TargetKind::NotApplicable(_) => return CostTarget::NoAmount,
        TargetKind::Broken => return CostTarget::Elsewhere,
        _ => {}
    }
    let Some((_, q)) = quantity_target(&indicator.target) else {
        return CostTarget::NoAmount;
    };
    let Some(unit) = &q.unit else {
        return CostTarget::Amount;
    };
    match unit.kind.dimension {
        Dimension::Money => CostTarget::Amount,
        Dimension::Rate if unit.kind.money.is_some() => CostTarget::Amount,
        Dimension::Percent => CostTarget::NoAmount,
        _ => CostTarget::Elsewhere,
    }
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for project in ctx.projects.iter().copied() {
        let costs: Vec<&Indicator> = indicators_of(project.node)
            .filter(|i| is_cost(ctx, i))
            .collect();
        // A row that did not read may be a cost row with an amount.
        let Some(first) = costs.first().filter(|_| !project.has_broken_indicator()) else {
            continue;
        };
        if costs.iter().any(|i| cost_target(i) != CostTarget::NoAmount) {
            continue;
        }
        let path = first.path.written();
        let mut d = RULE
            .diagnostic(msg!(
                "项目 {} 的成本指标没有一行写出金额",
                "no cost indicator of project {} states an amount",
                project.id.name
            ))
            .primary(
                project.file,
                first.target.span,
                msg!("不是金额", "not an amount"),
            );
        for other in costs.iter().skip(1) {
            d = d.secondary(
                project.file,
                other.target.span,
                msg!("也不是金额", "not an amount either"),
            );
        }
        let help = match ctx.project_total(project) {
            Some(total) => {
                let limit = amount(ctx, total.value).replace(' ', "");
                msg!(
                    "加一行金额，如 `{} \"项目预算控制数\" ≤ {}`，或按人计的金额（`{}/人`）",
                    "add a row with an amount, such as `{} \"项目预算控制数\" ≤ {}`, or an amount per head (`{}/人`)",
                    path,
                    limit,
                    ctx.money.word()
                )
            }
            None => msg!(
                "加一行金额，如 `{} \"项目预算控制数\" ≤ 50{}`",
                "add a row with an amount, such as `{} \"项目预算控制数\" ≤ 50{}`",
                path,
                ctx.money.word()
            ),
        };
        out.push(d.help(help));
    }
}
