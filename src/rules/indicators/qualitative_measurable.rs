//! W0516: a qualitative target on a row that is measurable by nature: a
//! quantity, timeliness or cost indicator.

use super::placeholder::placeholder;
use super::{
    Measurable, is_rate_name, measurable_level, qualitative_figure, repeats_name, short,
    vague_qualitative,
};
use crate::ast::TargetKind;
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Message};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::{Ctx, In};

pub static RULE: Rule = Rule {
    doc: code_doc!("W0516", Warning, "qualitative_measurable"),
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
