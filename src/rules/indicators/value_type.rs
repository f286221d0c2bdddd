//! E0541: the value type column (`类型`: 定量, 定性, 不适用) disagrees
//! with the target written.

use crate::ast::TargetKind;
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::syntax::keywords::Kw;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0541", Error, "value_type"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (_, indicator) in ctx.all_indicators() {
        let Some(stated) = indicator.value_kind() else {
            continue;
        };
        let Some(written) = kind_of(&indicator.target.kind) else {
            continue;
        };
        if written == stated.kw {
            continue;
        }
        let word = |kw: Kw| kw.spelling(stated.lang);
        out.push(
            RULE.diagnostic(msg!(
                "指标值类型写作 `{}`，但指标值是{}",
                "the value type says `{}`, but the target is {}",
                word(stated.kw),
                word(written)
            ))
            .primary(
                indicator.file,
                stated.span,
                msg!("指标值类型", "the value type"),
            )
            .secondary(
                indicator.file,
                indicator.target.span,
                msg!("指标值", "the target"),
            )
            .help(msg!(
                "改正指标值类型为 `{}`，或按类型改写指标值",
                "make the value type `{}`, or rewrite the target to match the type",
                word(written)
            )),
        );
    }
}

/// The value type a target is by its form; `None` for a target that did
/// not read.
fn kind_of(target: &TargetKind) -> Option<Kw> {
    Some(match target {
        TargetKind::Compare { .. } | TargetKind::Bare(_) => Kw::Quantitative,
        TargetKind::Qualitative { .. } | TargetKind::Grade { .. } => Kw::Qualitative,
        TargetKind::NotApplicable(_) => Kw::NotApplicable,
        TargetKind::Broken => return None,
    })
}
