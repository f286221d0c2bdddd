//! W0320: a project whose cost indicators state no amount of money.

use super::{amount, is_cost, quantity_target};
use crate::ast::{Indicator, TargetKind};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::{Ctx, indicators_of};
use crate::values::unit::Dimension;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "W0320",
        severity: Severity::Warning,
        title_zh: "成本指标没有金额",
        title_en: "cost indicators with no amount",
        doc_zh: "## 检查什么\n项目有成本指标，却没有一行写出金额：每一行都是百分比（如“成本控制率 ≤ 100%”）、等级、不适用或日期。有一行写了金额（`≤ 50万元`、`≤ 4万元/人`，或没有单位的数，由 E0501/W0508 报告单位）就不报告；有一行是定性的由 W0516 报告，单位不是金额也不是百分比的由 E0502 报告，这时也不在这里重复。没有成本指标的项目不在此列（见 E0204、W0515）。\n\n## 为什么\n“成本指标没有金额”是公开的绩效表中常见的缺陷，也是审核常见的退回理由：成本指标要说明花多少钱，才能与项目资金、实际支出对照；只有一个比率，不知道控制的是多少钱。\n\n## 例\n```\n项目 p1 \"测试项目\" {\n  资金 50.00（财政 50.00）\n  产出.成本 \"成本控制率\" ≤ 100%\n}\n```\n\n## 修正\n加一行金额：`产出.成本 \"项目预算控制数\" ≤ 50.00万元`，或按人计 `产出.成本 \"人均培训成本\" ≤ 0.2万元/人`。",
        doc_en: "## What it checks\nA project with cost indicators of which none states an amount of money: every one is a percentage (such as “成本控制率 <= 100%”), a grade, not applicable or a date. One row with an amount (`<= 50万元`, `<= 4万元/人`, or a number without a unit, whose unit E0501/W0508 report) is enough. A qualitative cost row is W0516's and a cost row in a unit that is neither money nor percent E0502's: the project is not reported again here then. Projects without cost indicators are not this rule's (see E0204, W0515).\n\n## Why\n“Cost indicators with no amount” is a frequent defect of published tables and a common reason to send one back: a cost indicator says how much money, to be compared with the project's funds and its actual spending; a rate alone does not say how much money is controlled.\n\n## Example\n```\nproject p1 \"测试项目\" {\n  funds 50.00 (fiscal 50.00)\n  output.cost \"成本控制率\" <= 100%\n}\n```\n\n## Fix\nAdd a row with an amount: `output.cost \"项目预算控制数\" <= 50.00万元`, or per head `output.cost \"人均培训成本\" <= 0.2万元/人`.",
    },
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
    /// Qualitative, or in another unit: another rule reports the row.
    Elsewhere,
}

fn cost_target(indicator: &Indicator) -> CostTarget {
    match &indicator.target.kind {
        TargetKind::Qualitative { .. } => return CostTarget::Elsewhere,
        TargetKind::Grade { .. } | TargetKind::NotApplicable(_) => return CostTarget::NoAmount,
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
        let Some(first) = costs.first() else {
            continue;
        };
        if costs.iter().any(|i| cost_target(i) != CostTarget::NoAmount) {
            continue;
        }
        let path: Vec<&str> = first
            .path
            .segments
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        let path = path.join(".");
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
