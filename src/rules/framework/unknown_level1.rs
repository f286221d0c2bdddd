//! E0202: an indicator's first level (一级) is not in the plan's profile.

use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::syntax::keywords::closest;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0202", Error, "unknown_level1"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(profile) = &ctx.profile else {
        return;
    };
    for (_, indicator) in ctx.all_indicators() {
        let Some(first) = indicator.path.segments.first() else {
            continue;
        };
        if profile.level1(&first.name).is_some() {
            continue;
        }
        let aliases = profile
            .levels
            .iter()
            .flat_map(|l| l.aliases.iter().map(String::as_str));
        let known: Vec<&str> = profile.levels.iter().map(|l| l.id.as_str()).collect();
        let mut d = RULE
            .diagnostic(msg!(
                "未知的一级指标 `{}`",
                "unknown first level `{}`",
                first.name
            ))
            .primary(
                indicator.file,
                first.span,
                msg!(
                    "框架 {} 中没有这个一级指标",
                    "not a first level of profile {}",
                    profile.name
                ),
            );
        d = match closest(&first.name, aliases) {
            Some(s) => d.help(msg!("是否想写 `{}`？", "did you mean `{}`?", s)),
            None => d.help(msg!(
                "框架 {} 的一级指标是：{}",
                "the first levels of profile {} are: {}",
                profile.name,
                known.join("、")
            )),
        };
        out.push(d);
    }
}
