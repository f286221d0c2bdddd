//! W0306: a per-unit cost (人均…) whose target is not a rate.

use super::{is_cost, per_unit_denominator, per_unit_marker, quantity_target, written};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::values::unit::Dimension;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "W0306",
        severity: Severity::Warning,
        title_zh: "人均成本没有写成比率",
        title_en: "per-unit cost not written as a rate",
        doc_zh: "## 检查什么\n名称表明按单位计的成本指标（含 人均、每人、每、单位、平均、次均、户均、生均），目标值应当写比率单位（`万元/人`、`元/次`），而不是金额。（没有单位的数由 E0501 或 W0508 报告。）\n\n## 为什么\n`≤ 4万元` 读作全部成本不超过 4 万元，与“人均”不是一回事；没有单位的数按计划的金额单位读，更容易差出一万倍。写出比率，审核者和系统才知道这是每个单位的金额。\n\n## 例\n`产出.成本 \"人均工作经费\" ≤ 4万元`\n\n## 修正\n写出比率单位：`产出.成本 \"人均工作经费\" ≤ 4万元/人`。若确实是总额，改掉名称中的“人均”。可以用 `允许 W0306` 关闭此警告。",
        doc_en: "## What it checks\nA cost indicator whose name marks a cost per unit (人均, 每人, 每, 单位, 平均, 次均, 户均, 生均) should give its target in a rate unit (`万元/人`, `元/次`), not as an amount. (A number without a unit is reported by E0501 or W0508.)\n\n## Why\n`<= 4万元` reads as a total cost of at most 4 万元, which is not what 人均 (per person) says; a number without a unit is read in the plan's money unit, which makes a slip by a factor of ten thousand easy. Written as a rate, the target says what it means to reviewers and systems alike.\n\n## Example\n`output.cost \"人均工作经费\" <= 4万元`\n\n## Fix\nWrite a rate unit: `output.cost \"人均工作经费\" <= 4万元/人`. If it really is a total, take the per-unit word out of the name. `allow W0306` turns the warning off.",
    },
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (_, indicator) in ctx.all_indicators() {
        let name = &indicator.name;
        let Some(marker) = per_unit_marker(&name.value) else {
            continue;
        };
        if !is_cost(ctx, indicator.node) {
            continue;
        }
        let Some((cmp, q)) = quantity_target(&indicator.target) else {
            continue;
        };
        let sym = cmp.map_or("≤", |c| c.symbol());
        let per = per_unit_denominator(&name.value).unwrap_or_else(|| "人".to_string());
        let (label, example) = match &q.unit {
            // A number without a unit is E0501 (or W0508) already.
            None => continue,
            Some(u) if u.kind.dimension == Dimension::Money => (
                msg!(
                    "`{}` 是总额，不是每单位的金额",
                    "`{}` is a total, not an amount per unit",
                    written(q)
                ),
                format!("{sym} {}{}/{per}", q.number.written, u.written),
            ),
            Some(_) => continue,
        };
        let d = RULE
            .diagnostic(msg!(
                "按单位计的成本 `{}` 没有写成比率",
                "the per-unit cost `{}` is not written as a rate",
                name.value
            ))
            .primary(indicator.file, q.span, label)
            .secondary(
                indicator.file,
                name.span,
                msg!(
                    "名称中的“{}”表示按单位计",
                    "“{}” in the name means a cost per unit",
                    marker
                ),
            )
            .help(msg!(
                "写出比率单位，如 `{}`",
                "write a rate unit, such as `{}`",
                example
            ));
        out.push(d);
    }
}
