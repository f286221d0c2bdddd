//! W0207: a satisfaction indicator filed under another level
//! (`效益.社会效益 "群众满意度"`).

use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::indicators::satisfaction_group;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0207", Warning, "satisfaction_outside_level"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(profile) = &ctx.profile else {
        return;
    };
    let Some(target) = profile.satisfaction_path() else {
        return;
    };
    for (_, indicator) in ctx.all_indicators() {
        if satisfaction_group(&indicator.name.value).is_none() {
            continue;
        }
        let Some(resolved) = ctx.resolve(&indicator) else {
            continue;
        };
        if profile.is_satisfaction(resolved) {
            continue;
        }
        let path = indicator.path.written();
        out.push(
            RULE.diagnostic(msg!(
                "满意度指标“{}”填在了 `{}` 下",
                "the satisfaction indicator “{}” is filed under `{}`",
                indicator.name.value.trim(),
                path
            ))
            .primary(
                indicator.file,
                indicator.path.span,
                msg!("满意度不属于这一级", "satisfaction does not belong here"),
            )
            .help(msg!(
                "移到满意度指标下：`{} \"{}\" …`",
                "move it under the satisfaction level: `{} \"{}\" …`",
                target,
                indicator.name.value.trim()
            )),
        );
    }
}
