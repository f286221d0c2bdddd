//! W0506: a qualitative target that is a slogan (`定性 "提高公众安全感"`).

use super::{has_digit, short};
use crate::ast::TargetKind;
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Lang};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0506", Warning, "vague_qualitative"),
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
    "应保尽保",
    "应助尽助",
    "应补尽补",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_slogans_without_a_figure() {
        assert_eq!(slogan_word("提高公众安全感"), Some("提高"));
        assert_eq!(slogan_word("应保尽保"), Some("应保尽保"));
        assert_eq!(slogan_word("应助尽助，资助覆盖率100%"), None);
        assert_eq!(slogan_word("纳入学校日常管理和年度考核"), None);
    }
}
