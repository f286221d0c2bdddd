//! W0507: a qualitative target that repeats the indicator's name.

use super::{normalize_name, short};
use crate::ast::TargetKind;
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Lang};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0507", Warning, "repeats_name"),
    check,
    scope: Scope::Item,
};

/// Whether a qualitative target only repeats the indicator's name.
pub(super) fn repeats(name: &str, text: &str) -> bool {
    let name = normalize_name(name);
    !name.is_empty() && normalize_name(text) == name
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (_, indicator) in ctx.all_indicators() {
        let TargetKind::Qualitative { keyword, text } = &indicator.target.kind else {
            continue;
        };
        if !repeats(&indicator.name.value, &text.value) {
            continue;
        }
        let grade = match keyword.lang {
            Lang::Zh => "等级 优",
            Lang::En => "grade 优",
        };
        out.push(
            RULE.diagnostic(msg!(
                "定性指标值“{}”只是重复了指标名称",
                "the qualitative target “{}” only repeats the indicator's name",
                short(&text.value)
            ))
            .primary(indicator.file, text.span, msg!("与名称相同", "same as the name"))
            .secondary(indicator.file, indicator.name.span, msg!("指标名称", "the name"))
            .help(msg!(
                "写出要达到的标准：能量化的写成 `≥ 90%` 这样的指标值，不能量化的用等级，如 `{}`",
                "state the standard to be met: quantify it, as in `≥ 90%`, or use a grade, as in `{}`",
                grade
            )),
        );
    }
}
