//! W0506: a qualitative target that is a slogan (`定性 "提高公众安全感"`).

use super::{has_digit, short};
use crate::ast::TargetKind;
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "W0506",
        severity: Severity::Warning,
        title_zh: "定性指标值是口号",
        title_en: "qualitative target that is a slogan",
        doc_zh: "## 检查什么\n定性指标值含“提高”“加强”“促进”“巩固”“持续”“稳步”“确保”“提升”“改善”“推进”“深化”“强化”“进一步”“有效”这类词，又没有任何数字。\n\n## 为什么\n“提高公众安全感”说的是方向，不是标准：年底无法判断是否完成。填报要求能量化的尽量量化，不能量化的用分级的定性表述（如 优/良/中/差）。\n\n## 例\n`效益.社会效益 \"公众安全感指数\" 定性 \"提高公众安全感\"`\n\n## 修正\n量化：`效益.社会效益 \"公众安全感指数\" ≥ 90%`；或在计划头部声明等级（`等级 优 良 中 差`），写 `等级 优`。",
        doc_en: "## What it checks\nA qualitative target that uses a slogan word (提高, 加强, 促进, 巩固, 持续, 稳步, 确保, 提升, 改善, 推进, 深化, 强化, 进一步, 有效) and holds no figure.\n\n## Why\n“提高公众安全感” (raise the public's sense of security) gives a direction, not a standard: at the end of the year nobody can tell whether it was met. Filing instructions ask to quantify wherever possible, and to use graded wording (优/良/中/差) where not.\n\n## Example\n`benefit.social \"公众安全感指数\" qualitative \"提高公众安全感\"`\n\n## Fix\nQuantify it: `benefit.social \"公众安全感指数\" >= 90%`; or declare a grade scale in the plan header (`grades 优 良 中 差`) and write `grade 优`.",
    },
    check,
    scope: Scope::Item,
};

/// Words that give a direction rather than a standard.
const SLOGAN_WORDS: &[&str] = &[
    "进一步",
    "提高",
    "加强",
    "促进",
    "巩固",
    "持续",
    "稳步",
    "确保",
    "提升",
    "改善",
    "推进",
    "深化",
    "强化",
    "有效",
];

/// The slogan word of a qualitative target this rule reports: one with a
/// slogan word and no figure.
pub(super) fn slogan_word(text: &str) -> Option<&'static str> {
    if has_digit(text) {
        return None;
    }
    SLOGAN_WORDS.iter().copied().find(|w| text.contains(w))
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (_, indicator) in ctx.all_indicators() {
        let TargetKind::Qualitative { keyword, text } = &indicator.target.kind else {
            continue;
        };
        let Some(word) = slogan_word(&text.value) else {
            continue;
        };
        let grade = match keyword.lang {
            Lang::Zh => "等级 优",
            Lang::En => "grade 优",
        };
        out.push(
            RULE.diagnostic(msg!(
                "定性指标值“{}”是口号，无法考核",
                "the qualitative target “{}” is a slogan and cannot be assessed",
                short(&text.value)
            ))
            .primary(
                indicator.file,
                text.span,
                msg!(
                    "“{}”说的是方向，不是标准",
                    "“{}” gives a direction, not a standard",
                    word
                ),
            )
            .help(msg!(
                "写出可考核的标准：能量化的写成 `≥ 90%` 这样的指标值，不能量化的用等级，如 `{}`",
                "state a standard: quantify it, as in `≥ 90%`, or use a grade, as in `{}`",
                grade
            )),
        );
    }
}
