//! W0518: an amount of money as the target of a quantity or quality
//! indicator: an input filed as an output.

use super::{is_rate_name, level2_english, measured, written_quantity};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Message, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::values::unit::Dimension;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "W0518",
        severity: Severity::Warning,
        title_zh: "数量或质量指标写的是金额",
        title_en: "money as a quantity or quality target",
        doc_zh: "## 检查什么\n数量指标或质量指标（按框架中二级指标的英文名 quantity、quality 认定）的指标值是一笔金额（`≥ 50万元`）。名称是比率的（以“率”结尾等），金额单位由 E0502 报告，这里不重复。\n\n## 为什么\n填报要求明确：资金、人员是投入，不是产出。数量指标写做了多少事（培训多少人次、建成多少公里），质量指标写做得怎样（合格率、达标率）；“投入资金 ≥ 50万元”只说明钱花了，没有说明钱换来了什么。\n\n## 例\n`产出.数量 \"投入资金\" ≥ 50万元`\n\n## 修正\n写出产出本身：`产出.数量 \"培训人次\" ≥ 500人次`。若考核的确实是花钱的多少，移到成本指标下：`产出.成本 \"项目预算控制数\" ≤ 50万元`。",
        doc_en: "## What it checks\nA quantity or quality indicator (by the English names of the profile's second levels, quantity and quality) whose target is an amount of money (`>= 50万元`). When the name is a rate (ending in 率 and the like), the money unit is E0502's and is not reported again here.\n\n## Why\nFiling instructions are plain: money and staff are inputs, not outputs. A quantity indicator says how much is done (people trained, kilometres built), a quality indicator how well (pass rates, compliance rates); “投入资金 >= 50万元” says that money was spent, not what it bought.\n\n## Example\n`output.quantity \"投入资金\" >= 50万元`\n\n## Fix\nState the output itself: `output.quantity \"培训人次\" >= 500人次`. If the indicator really measures the money spent, move it under the cost level: `output.cost \"项目预算控制数\" <= 50万元`.",
    },
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let cost_path = ctx.profile.as_ref().and_then(|p| p.cost_path());
    for (indicator, q, unit) in measured(ctx) {
        if unit.kind.dimension != Dimension::Money || is_rate_name(&indicator.name.value) {
            continue;
        }
        let (level_zh, level_en) = match level2_english(ctx, &indicator) {
            Some("quantity") => ("数量指标", "a quantity indicator"),
            Some("quality") => ("质量指标", "a quality indicator"),
            _ => continue,
        };
        let amount = written_quantity(q);
        let help = match &cost_path {
            Some(path) => msg!(
                "写出钱换来的产出，如 `≥ 500人次`、`≥ 20个`；若考核的是花钱的多少，移到 `{}` 下，写作 `≤ {}`",
                "state what the money buys, such as `≥ 500人次` or `≥ 20个`; if it measures the money spent, move it under `{}` as `≤ {}`",
                path,
                amount
            ),
            None => msg!(
                "写出钱换来的产出，如 `≥ 500人次`、`≥ 20个`；若考核的是花钱的多少，移到成本指标下",
                "state what the money buys, such as `≥ 500人次` or `≥ 20个`; if it measures the money spent, move it under a cost level"
            ),
        };
        out.push(
            RULE.diagnostic(Message::new(
                format!(
                    "{}“{}”的指标值是金额 `{}`：资金是投入，不是产出",
                    level_zh,
                    indicator.name.value.trim(),
                    amount
                ),
                format!(
                    "{} (“{}”) is measured in money, `{}`: money is an input, not an output",
                    level_en,
                    indicator.name.value.trim(),
                    amount
                ),
            ))
            .primary(
                indicator.file,
                q.span,
                msg!("金额是投入", "an amount of money is an input"),
            )
            .help(help),
        );
    }
}
