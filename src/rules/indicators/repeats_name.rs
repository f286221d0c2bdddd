//! W0507: a qualitative target that repeats the indicator's name.

use super::{normalize_name, short};
use crate::ast::TargetKind;
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "W0507",
        severity: Severity::Warning,
        title_zh: "定性指标值重复指标名称",
        title_en: "qualitative target that repeats the name",
        doc_zh: "## 检查什么\n定性指标值与指标名称相同（不计 `(%)`、空格和末尾的标点）。\n\n## 为什么\n指标值要说明达到什么标准；照抄名称等于没有填写指标值，审核无从判断是否完成。\n\n## 例\n`效益.经济效益 \"提高工作效率\" 定性 \"提高工作效率\"`\n\n## 修正\n写出标准：能量化的写 `≥ 90%`，不能量化的用等级，如 `等级 优`。",
        doc_en: "## What it checks\nA qualitative target that is the indicator's name again (ignoring `(%)`, blanks and trailing punctuation).\n\n## Why\nThe target says what standard is to be met; copying the name leaves the target empty, and reviewers cannot tell whether it was met.\n\n## Example\n`benefit.economic \"提高工作效率\" qualitative \"提高工作效率\"`\n\n## Fix\nState the standard: quantify it (`>= 90%`) or use a grade (`grade 优`).",
    },
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
