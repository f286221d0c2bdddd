//! W0517: a grade word written as a qualitative target (`定性 "合格"`)
//! instead of a grade of a declared scale.

use super::{measurable_level, normalize_name};
use crate::ast::{PlanStmt, TargetKind};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "W0517",
        severity: Severity::Warning,
        title_zh: "定性指标值是一个等级",
        title_en: "qualitative target that is a grade",
        doc_zh: "## 检查什么\n定性指标值只是一个等级词（优、良、中、差、优秀、良好、优良、合格、及格、达标、好、较好、一般 等），而计划头部没有用 `等级` 声明等级；或声明了等级，这个词就是其中之一，却没有写成 `等级 …`。声明了等级而这个词不在其中的，不报告。数量、时效、成本指标上的定性指标值由 W0516 报告。已写成 `等级 …` 的由 E0514 检查。\n\n## 为什么\n不能量化的指标用分级的定性表述考核，等级要事先约定（常见的是 优/良/中/差 四级）。只写“合格”，没有约定有哪几级、“合格”排在哪里，年底无法评定；写成等级，系统和审核才知道它是分级的指标值。\n\n## 例\n`产出.质量 \"工程验收质量\" 定性 \"合格\"`，计划头部没有 `等级`。\n\n## 修正\n在计划头部声明等级，如 `等级 优秀 良好 合格 不合格`，再把指标值写作 `等级 合格`。",
        doc_en: "## What it checks\nA qualitative target that is only a grade word (优, 良, 中, 差, 优秀, 良好, 优良, 合格, 及格, 达标, 好, 较好, 一般 …) while the plan header declares no grade scale with `grades`; or the plan declares a scale, the word is one of its grades, but the target is not written as `grade …`. A word outside a declared scale is not reported. Qualitative targets of quantity, timeliness and cost indicators are W0516's. Targets written `grade …` are checked by E0514.\n\n## Why\nWhat cannot be quantified is assessed in graded wording, and the grades are agreed beforehand (often four: 优/良/中/差). “合格” alone, with no agreed scale saying which grades there are and where 合格 stands, cannot be assessed; written as a grade, systems and reviewers know it is a graded target.\n\n## Example\n`output.quality \"工程验收质量\" qualitative \"合格\"`, and no `grades` in the plan header.\n\n## Fix\nDeclare the scale in the plan header, such as `grades 优秀 良好 合格 不合格`, and write the target as `grade 合格`.",
    },
    check,
    scope: Scope::Item,
};

/// Common grade scales, best first; a grade word suggests the first scale
/// that holds it.
const SCALES: &[&[&str]] = &[
    &["优", "良", "中", "差"],
    &["优秀", "良好", "合格", "不合格"],
    &["优良", "合格", "不合格"],
    &["好", "较好", "一般", "较差", "差"],
    &["达标", "不达标"],
    &["及格", "不及格"],
];

/// The scale to suggest for a grade word, if the text is one.
fn scale_of(word: &str) -> Option<&'static [&'static str]> {
    SCALES.iter().copied().find(|s| s.contains(&word))
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let declared = ctx.headers.first().and_then(|h| {
        h.node.body.iter().find_map(|s| match s {
            PlanStmt::Grades { span, .. } => Some((h.file, *span)),
            _ => None,
        })
    });
    for (_, indicator) in ctx.all_indicators() {
        let TargetKind::Qualitative { keyword, text } = &indicator.target.kind else {
            continue;
        };
        if measurable_level(ctx, &indicator).is_some() {
            continue;
        }
        let word = normalize_name(&text.value);
        let Some(scale) = scale_of(&word) else {
            continue;
        };
        let grade = match keyword.lang {
            Lang::Zh => format!("等级 {word}"),
            Lang::En => format!("grade {word}"),
        };
        if ctx.grades.is_empty() {
            let grades = match keyword.lang {
                Lang::Zh => format!("等级 {}", scale.join(" ")),
                Lang::En => format!("grades {}", scale.join(" ")),
            };
            out.push(
                RULE.diagnostic(msg!(
                    "定性指标值“{}”是一个等级，但计划没有声明等级",
                    "the qualitative target “{}” is a grade, but the plan declares no grade scale",
                    word
                ))
                .primary(
                    indicator.file,
                    text.span,
                    msg!("没有约定有哪些等级", "no agreed scale of grades"),
                )
                .help(msg!(
                    "在计划头部声明等级，如 `{}`，再把指标值写作 `{}`",
                    "declare the scale in the plan header, such as `{}`, and write the target as `{}`",
                    grades,
                    grade
                )),
            );
            continue;
        }
        if !ctx.grades.contains(&word) {
            continue;
        }
        let mut d = RULE
            .diagnostic(msg!(
                "定性指标值“{}”是计划声明的等级，应写成等级",
                "the qualitative target “{}” is a grade of the plan's scale: write it as a grade",
                word
            ))
            .primary(
                indicator.file,
                indicator.target.span,
                msg!("写成了定性", "written as qualitative"),
            );
        if let Some((file, span)) = declared {
            d = d.secondary(
                file,
                span,
                msg!("等级在这里声明", "the scale is declared here"),
            );
        }
        out.push(d.help(msg!("写作 `{}`", "write `{}`", grade)));
    }
}
