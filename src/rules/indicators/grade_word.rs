//! W0517: a grade word written as a qualitative target (`定性 "合格"`)
//! instead of a grade of a declared scale.

use super::{measurable_level, normalize_name};
use crate::ast::TargetKind;
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Lang};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0517", Warning, "grade_word"),
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
    let declared = ctx.grades_stmt();
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
