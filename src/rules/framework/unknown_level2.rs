//! E0203: an indicator's second level (二级) is not under its first level.

use crate::ast::Path;
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Lang, Message};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::sema::profile::{self, Profile};
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
        if let Some(variant) = satisfaction_variant(ctx, profile, &indicator.path) {
            out.push(variant_help(ctx, d, profile, &indicator.path, &variant));
            continue;
        }
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

/// Another profile, built in or declared in the plan, where this path is
/// its satisfaction level: satisfaction filed under 效益 in a `classic`
/// plan is how `classic-benefit-satisfaction` files it.
fn satisfaction_variant(ctx: &Ctx, profile: &Profile, path: &Path) -> Option<String> {
    let declared = ctx
        .profile_defs
        .iter()
        .map(|d| Profile::from_def(d.node, d.file).0);
    let builtin = profile::builtin().iter().cloned();
    declared
        .chain(builtin)
        .filter(|p| p.name != profile.name)
        .find(|p| p.resolve(path).is_some_and(|r| p.is_satisfaction(r)))
        .map(|p| p.name)
}

/// The help for satisfaction filed as the variant profile files it:
/// declare that profile, or file it where this profile does.
fn variant_help(
    ctx: &Ctx,
    mut d: Diagnostic,
    profile: &Profile,
    path: &Path,
    variant: &str,
) -> Diagnostic {
    let written = path.written();
    let stmt = ctx.framework_stmt();
    let keyword = match ctx.headers.first().map(|h| h.keyword.lang) {
        Some(Lang::En) => "framework",
        _ => "框架",
    };
    if let Some((file, name)) = stmt {
        d = d.secondary(file, name.span, msg!("计划用的框架", "the plan's profile"));
    }
    let help = match profile.satisfaction_path() {
        Some(own) => msg!(
            "`{0}` 是框架 {1} 中满意度指标的写法：表格这样分级的，在计划头部写 `{2} {1}`；否则按框架 {3} 写作 `{4}`",
            "`{0}` is where profile {1} files satisfaction: if the table is laid out so, write `{2} {1}` in the plan header; else write `{4}`, as profile {3} does",
            written,
            variant,
            keyword,
            profile.name,
            own
        ),
        None => msg!(
            "`{0}` 是框架 {1} 中满意度指标的写法：表格这样分级的，在计划头部写 `{2} {1}`",
            "`{0}` is where profile {1} files satisfaction: if the table is laid out so, write `{2} {1}` in the plan header",
            written,
            variant,
            keyword
        ),
    };
    d.help(help)
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
