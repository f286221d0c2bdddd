//! W0515: the overall part sets a cost target, but a project has no cost
//! indicator.

use super::is_cost;
use crate::ast::OverallStmt;
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::{Ctx, In, indicators_of};

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "W0515",
        severity: Severity::Warning,
        title_zh: "总体目标有成本指标，项目没有",
        title_en: "overall cost target not carried into a project",
        doc_zh: "## 检查什么\n总体目标中有成本指标（如 `产出.成本 \"预算指标控制\"`），而某个项目的绩效目标表中没有成本指标。框架本身要求每个项目都有成本指标时（如 central-2021）不报告，由 E0204 报告。\n\n## 为什么\n部门的总体目标由各项目落实：总体目标承诺控制成本，项目表却没有成本指标，这个承诺就无从考核。成本指标缺失也是审核常见的退回理由。\n\n## 例\n总体目标写 `产出.成本 \"预算指标控制\" 定性 \"严格按预算指标控制\"`，项目“办案经费”只有数量、时效、效益和满意度指标。\n\n## 修正\n为项目加一行成本指标，如 `产出.成本 \"项目预算控制数\" ≤ 50.00万元`。",
        doc_en: "## What it checks\nThe overall part has a cost indicator (such as `output.cost \"预算指标控制\"`) but a project's table has none. Not reported when the profile itself requires a cost indicator of every project (central-2021): E0204 reports it then.\n\n## Why\nThe projects carry out the department's overall goal: when the overall part promises to control costs and a project sets no cost target, the promise cannot be assessed. A missing cost indicator is also a common reason for reviewers to send a table back.\n\n## Example\nThe overall part has `output.cost \"预算指标控制\" qualitative \"严格按预算指标控制\"`; project 办案经费 has quantity, timeliness, benefit and satisfaction indicators only.\n\n## Fix\nAdd a cost indicator to the project, such as `output.cost \"项目预算控制数\" <= 50.00万元`.",
    },
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
    let path: Vec<&str> = overall_cost
        .path
        .segments
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    let path = path.join(".");
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
