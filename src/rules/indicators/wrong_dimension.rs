//! E0502: the unit of a target does not fit what the indicator measures: a
//! cost indicator not in money, a rate not in percent.

use super::{dimension_name, is_cost, is_per_unit_rate_name, is_rate_name, measured, target_text};
use crate::ast::TargetKind;
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Message, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::values::comparator::CmpOp;
use crate::values::unit::Dimension;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0502",
        severity: Severity::Error,
        title_zh: "计量单位与指标不符",
        title_en: "unit does not fit the indicator",
        doc_zh: "## 检查什么\n成本指标以金额计（`万元`，或 `万元/人` 这样的人均金额）；名称为比率的指标（以“率”结尾，不计末尾的 `(%)`，或含“满意度”“比例”“占比”）以百分比计。名称以“频率”“效率”“速率”结尾的，也可以用 `次/年` 这样的比值。名称为比率的成本指标可以用百分比。\n\n## 为什么\n成本指标没有金额，是审核常见的退回理由；把比率写成个数（“处置率 = 100个”）说明名称和指标值有一个写错了。\n\n## 例\n`产出.成本 \"人均工作经费\" ≤ 4人`\n`产出.数量 \"举报线索处置率\" = 100个`\n\n## 修正\n成本写金额：`≤ 4万元/人`；比率写百分比：`= 100%`。如果考核的确实是个数，把名称改为“处置数”之类，不要叫“率”。",
        doc_en: "## What it checks\nA cost indicator is measured in money (`万元`, or an amount per head such as `万元/人`); an indicator whose name makes it a rate (ending in 率, a trailing `(%)` aside, or containing 满意度, 比例 or 占比) is measured in percent. A name ending in 频率, 效率 or 速率 may also take a per-unit measure such as `次/年`, and a cost indicator named as a rate may take percent.\n\n## Why\nA cost indicator without an amount is a common reason for reviewers to send a table back, and a rate written as a count (“处置率 = 100个”) means either the name or the target is wrong.\n\n## Example\n`output.cost \"人均工作经费\" <= 4人`\n`output.quantity \"举报线索处置率\" = 100个`\n\n## Fix\nWrite a cost in money: `<= 4万元/人`; a rate in percent: `= 100%`. If the indicator really counts things, rename it (处置数 rather than 处置率).",
    },
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (indicator, q, unit) in measured(ctx) {
        let dim = unit.kind.dimension;
        let money_like =
            dim == Dimension::Money || (dim == Dimension::Rate && unit.kind.money.is_some());
        let name = &indicator.name.value;
        let cost = is_cost(ctx, &indicator);
        let op = match &indicator.target.kind {
            TargetKind::Compare { comparator, .. } => comparator.op,
            _ => CmpOp::Eq,
        };
        // The label of the unit, made only for a diagnostic.
        let found = || {
            let (found_zh, found_en) = dimension_name(dim, unit.kind.money.is_some());
            Message::new(
                format!("`{}` 是{}", unit.written, found_zh),
                format!("`{}` is {}", unit.written, found_en),
            )
        };
        if is_rate_name(name) {
            let ok = dim == Dimension::Percent
                || (is_per_unit_rate_name(name) && dim == Dimension::Rate)
                || (cost && money_like);
            if ok {
                continue;
            }
            let fixed = target_text(op, &q.number.written, "%");
            out.push(
                RULE.diagnostic(Message::new(
                    format!("比率指标的单位应为 %，不能是 `{}`", unit.written),
                    format!("a rate is measured in %, not in `{}`", unit.written),
                ))
                .primary(indicator.file, unit.span, found())
                .secondary(
                    indicator.file,
                    indicator.name.span,
                    msg!(
                        "从名称看是比率，应以 % 计",
                        "a rate by its name: percent expected"
                    ),
                )
                .help(msg!(
                    "写作 `{}`；若考核的是个数或金额，请改名称，不要叫“率”",
                    "write `{}`; if it counts things or money, rename it so that it is not a rate",
                    fixed
                )),
            );
        } else if cost && !money_like {
            let money = ctx.money.word();
            let fixed = target_text(op, &q.number.written, money);
            out.push(
                RULE.diagnostic(Message::new(
                    format!("成本指标的单位应为金额，不能是 `{}`", unit.written),
                    format!("a cost indicator is measured in money, not in `{}`", unit.written),
                ))
                .primary(indicator.file, unit.span, found())
                .secondary(
                    indicator.file,
                    indicator.path.span,
                    msg!("成本指标，应以金额计", "a cost indicator: money expected"),
                )
                .help(msg!(
                    "写成金额，如 `{}`，人均写作 `{}/人`；若考核的不是成本，请移到别的二级指标下",
                    "write an amount, such as `{}`, or per head `{}/人`; if it is not a cost, move it under another second level",
                    fixed,
                    money
                )),
            );
        }
    }
}
