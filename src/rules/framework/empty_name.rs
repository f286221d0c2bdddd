//! E0205: an indicator without a name (三级指标).

use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0205", Error, "empty_name"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (_, indicator) in ctx.all_indicators() {
        if indicator.name.value.trim().is_empty() {
            out.push(
                RULE.diagnostic(msg!("指标没有名称", "the indicator has no name"))
                    .primary(
                        indicator.file,
                        indicator.name.span,
                        msg!("三级指标名称为空", "empty name"),
                    )
                    .help(msg!(
                        "写出考核的内容，如 \"举报线索处置率\"",
                        "name what is measured, such as \"举报线索处置率\""
                    )),
            );
        }
    }
}
