//! E0501: a quantitative target with a comparator but no unit (`≥ 95`).

use super::{Expected, expected_unit, unit_suggestion, written_target};
use crate::ast::{Operand, TargetKind};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0501",
        severity: Severity::Error,
        title_zh: "指标值没有计量单位",
        title_en: "target without a unit",
        doc_zh: "## 检查什么\n写了比较符的定量指标值必须带计量单位：`≥ 95%`、`≤ 4万元/人`、`= 120个`，而不是 `≥ 95`、`< 40000`。\n\n## 为什么\n省级系统要求定量指标填写计量单位；没有单位的数字无法考核：`< 40000` 是 4 万元还是 4 亿元？`≥ 95` 是 95% 还是 95 人次？\n\n## 例\n`产出.时效 \"工作按时完成率\" ≥ 95`\n\n## 修正\n在数字后写上单位：比率写 `%`（`≥ 95%`），成本写金额（`≤ 4万元/人`），数量写量词（`= 120个`）。",
        doc_en: "## What it checks\nA quantitative target with a comparator carries a unit: `≥ 95%`, `≤ 4万元/人`, `= 120个`, not `≥ 95` or `< 40000`.\n\n## Why\nProvincial systems require the unit of every quantitative target, and a bare figure cannot be assessed: is `< 40000` forty thousand yuan or four hundred million? Is `≥ 95` a percentage or a head count?\n\n## Example\n`output.timeliness \"工作按时完成率\" >= 95`\n\n## Fix\nWrite the unit after the number: `%` for a rate (`>= 95%`), money for a cost (`<= 4万元/人`), a measure word for a count (`= 120个`).",
    },
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (_, indicator) in ctx.all_indicators() {
        let TargetKind::Compare {
            comparator,
            value: Operand::Quantity(q),
        } = &indicator.target.kind
        else {
            continue;
        };
        if q.unit.is_some() {
            continue;
        }
        let expected = expected_unit(ctx, &indicator);
        let written = written_target(&indicator);
        let mut d = RULE
            .diagnostic(msg!(
                "指标值 `{}` 没有计量单位",
                "the target `{}` has no unit",
                written
            ))
            .primary(indicator.file, q.span, msg!("缺少计量单位", "no unit"));
        d = match expected {
            Expected::Percent => d.secondary(
                indicator.file,
                indicator.name.span,
                msg!(
                    "从名称看是比率，以 % 计",
                    "a rate by its name, measured in %"
                ),
            ),
            Expected::Money => d.secondary(
                indicator.file,
                indicator.path.span,
                msg!("成本指标，以金额计", "a cost indicator, measured in money"),
            ),
            Expected::Measure => d,
        };
        let help = unit_suggestion(ctx, expected, comparator.op, &q.number.written);
        out.push(d.help(help));
    }
}
