//! W0516: a qualitative target on a row that is measurable by nature: a
//! quantity, timeliness or cost indicator.

use super::placeholder::placeholder;
use super::{
    Measurable, is_rate_name, measurable_level, qualitative_figure, repeats_name, short,
    vague_qualitative,
};
use crate::ast::TargetKind;
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Message, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::{Ctx, In};

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "W0516",
        severity: Severity::Warning,
        title_zh: "可以计量的指标写成了定性",
        title_en: "qualitative target on a measurable indicator",
        doc_zh: "## 检查什么\n数量指标、时效指标和成本指标的指标值写成了定性（`定性 \"…\"`）。按框架中二级指标的英文名认定（quantity、timeliness、cost），所以对每个框架都适用；central-2021 中一级指标“成本”下的指标都是成本指标。留有模板占位符（E0505）、以数字或比较符开头（W0513）、是口号（W0506）或照抄指标名称（W0507）的定性指标值由那几条报告，这里不重复。\n\n## 为什么\n数量、时效和成本天然可以计量：做了多少、什么时候完成、花了多少钱。填报要求能量化的尽量量化；“按时完成”“严格控制成本”这样的文字，年底无法判断是否完成。\n\n## 例\n`产出.时效 \"按时完成\" 定性 \"项目按时完成\"`\n`产出.成本 \"预算指标控制\" 定性 \"严格按预算指标控制\"`\n\n## 修正\n写成定量指标值：数量写个数或比率（`≥ 20个`、`= 100%`），时效写期限或比率（`≤ 12月底`、`≥ 95%`），成本写金额（`≤ 50.00万元`、`≤ 4万元/人`）。",
        doc_en: "## What it checks\nA quantity, timeliness or cost indicator whose target is qualitative (`qualitative \"…\"`). The levels are found by the English names of the profile's second levels (quantity, timeliness, cost), so the rule works for every profile; under central-2021 every indicator of the first level cost is a cost indicator. A qualitative target with a template placeholder (E0505), one that starts with a figure or a comparator (W0513), a slogan (W0506) or a copy of the name (W0507) is reported by that rule, not again here.\n\n## Why\nQuantity, timeliness and cost can be measured by nature: how much was done, by when, for how much money. Filing instructions ask to quantify wherever possible; “按时完成” (done on time) or “严格控制成本” (costs strictly controlled) cannot be assessed at the end of the year.\n\n## Example\n`output.timeliness \"按时完成\" qualitative \"项目按时完成\"`\n`output.cost \"预算指标控制\" qualitative \"严格按预算指标控制\"`\n\n## Fix\nWrite a quantitative target: a count or a rate for a quantity (`>= 20个`, `= 100%`), a deadline or a rate for timeliness (`<= 12月底`, `>= 95%`), an amount for a cost (`<= 50.00万元`, `<= 4万元/人`).",
    },
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (project, indicator) in ctx.all_indicators() {
        let TargetKind::Qualitative { text, .. } = &indicator.target.kind else {
            continue;
        };
        let Some(level) = measurable_level(ctx, &indicator) else {
            continue;
        };
        if reported_elsewhere(&indicator.name.value, &text.value) {
            continue;
        }
        out.push(
            RULE.diagnostic(Message::new(
                format!(
                    "{}“{}”的指标值写成了定性：“{}”",
                    level.zh(),
                    indicator.name.value.trim(),
                    short(&text.value)
                ),
                format!(
                    "{} (“{}”) has a qualitative target: “{}”",
                    level.en(),
                    indicator.name.value.trim(),
                    short(&text.value)
                ),
            ))
            .primary(
                indicator.file,
                indicator.target.span,
                Message::new(
                    format!("{}可以计量，应写成定量指标值", level.zh()),
                    format!(
                        "{} can be measured: write a quantitative target",
                        level.en()
                    ),
                ),
            )
            .help(help(ctx, level, project, &indicator)),
        );
    }
}

/// Whether another rule reports this qualitative target: a placeholder
/// (E0505), a figure (W0513), a slogan (W0506) or the name again (W0507).
/// Their help says to quantify it as well.
fn reported_elsewhere(name: &str, text: &str) -> bool {
    placeholder(text).is_some()
        || qualitative_figure::reports(text)
        || vague_qualitative::slogan_word(text).is_some()
        || repeats_name::repeats(name, text)
}

/// What to write instead, by what the level measures.
fn help(
    ctx: &Ctx,
    level: Measurable,
    project: Option<In<crate::ast::Project>>,
    indicator: &crate::ast::Indicator,
) -> Message {
    let rate = is_rate_name(&indicator.name.value);
    match level {
        Measurable::Quantity if rate => msg!(
            "写成比率，如 `= 100%` 或 `≥ 95%`",
            "write a rate, such as `= 100%` or `≥ 95%`"
        ),
        Measurable::Quantity => msg!(
            "写出做了多少，带计量单位，如 `≥ 20个`、`≥ 500人次`；考核比率的写 `= 100%`",
            "write how much is done, with its unit, such as `≥ 20个` or `≥ 500人次`; a rate takes `= 100%`"
        ),
        Measurable::Timeliness if rate => {
            msg!("写成比率，如 `≥ 95%`", "write a rate, such as `≥ 95%`")
        }
        Measurable::Timeliness => msg!(
            "写成期限，如 `≤ 12月底`、`≤ 30天`；或写按时完成的比率，如 `≥ 95%`",
            "write a deadline, such as `≤ 12月底` or `≤ 30天`, or the share done on time, such as `≥ 95%`"
        ),
        Measurable::Cost if rate => msg!(
            "写成比率，如 `≤ 100%`；或写金额上限，如 `≤ 50万元`",
            "write a rate, such as `≤ 100%`, or an upper limit in money, such as `≤ 50万元`"
        ),
        Measurable::Cost => {
            let limit = project
                .and_then(|p| ctx.project_total(p))
                .map_or_else(|| "50".to_string(), |t| t.value.to_string());
            let money = ctx.money.word();
            msg!(
                "写成金额上限，如 `≤ {0}{1}`；按人计的写 `≤ 4{1}/人`",
                "write an upper limit in money, such as `≤ {0}{1}`, or per head `≤ 4{1}/人`",
                limit,
                money
            )
        }
    }
}
