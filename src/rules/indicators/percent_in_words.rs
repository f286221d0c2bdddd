//! W0523: a `%` attached to a qualitative target with no figure
//! (`定性 "良好%"`), as copied from a table whose value column was
//! formatted as percent.

use super::has_digit;
use crate::ast::TargetKind;
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0523", Warning, "percent_in_words"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (_, indicator) in ctx.all_indicators() {
        let TargetKind::Qualitative { text, .. } = &indicator.target.kind else {
            continue;
        };
        let value = text.value.trim();
        let Some(at) = value.find(['%', '％']) else {
            continue;
        };
        // A figure with its percent (`达到95%`) is W0513's.
        if has_digit(value) {
            continue;
        }
        let sign = &value[at..at + value[at..].chars().next().map_or(1, char::len_utf8)];
        let without: String = value.chars().filter(|c| !matches!(c, '%' | '％')).collect();
        out.push(
            RULE.diagnostic(msg!(
                "定性指标值“{}”带有 `{}`",
                "the qualitative target “{}” carries a `{}`",
                value,
                sign
            ))
            .primary(indicator.file, text.span, msg!("文字没有百分比", "words have no percentage"))
            .help(msg!(
                "删去 `{0}`，写作 定性 \"{1}\"；若要求的是比率，写出数值，如 `≥ 90%`",
                "delete `{0}` and write qualitative \"{1}\"; if a rate is meant, give its figure, as in `>= 90%`",
                sign,
                without
            )),
        );
    }
}
