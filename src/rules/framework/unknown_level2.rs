//! E0203: an indicator's second level (二级) is not under its first level.

use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Message};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::syntax::keywords::closest;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0203", Error, "unknown_level2"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(profile) = &ctx.profile else {
        return;
    };
    for (_, indicator) in ctx.all_indicators() {
        let [first, second] = indicator.path.segments.as_slice() else {
            continue;
        };
        let Some(l1) = profile.level1(&first.name) else {
            continue;
        };
        if profile.level2(l1, &second.name).is_some() {
            continue;
        }
        let level1 = &profile.levels[l1];
        let children: Vec<&str> = level1.children.iter().map(|c| c.id.as_str()).collect();
        let d = RULE
            .diagnostic(msg!(
                "`{}` 不是 `{}` 下的二级指标",
                "`{}` is not a second level of `{}`",
                second.name,
                first.name
            ))
            .primary(
                indicator.file,
                second.span,
                msg!("不在 `{}` 之下", "not under `{}`", level1.id),
            );
        let parents = profile.parents_of(&second.name);
        let help = match parents.first().and_then(|&p| profile.levels.get(p)) {
            Some(parent) => msg!(
                "`{0}` 属于 `{1}`：写作 `{1}.{0}`",
                "`{0}` belongs under `{1}`: write `{1}.{0}`",
                second.name,
                parent.id
            ),
            None => suggestion(&second.name, level1, &children),
        };
        out.push(d.help(help));
    }
}

fn suggestion(word: &str, level1: &crate::sema::profile::Level1, children: &[&str]) -> Message {
    let aliases = level1
        .children
        .iter()
        .flat_map(|c| c.aliases.iter().map(String::as_str));
    match closest(word, aliases) {
        Some(s) => msg!("是否想写 `{}`？", "did you mean `{}`?", s),
        None => msg!(
            "`{}` 下的二级指标是：{}",
            "the second levels under `{}` are: {}",
            level1.id,
            children.join("、")
        ),
    }
}
