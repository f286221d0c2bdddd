//! E0201: the plan names a framework profile that does not exist.

use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::{Ctx, profile};
use crate::syntax::keywords::closest;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0201", Error, "unknown_profile"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if ctx.profile.is_some() {
        return;
    }
    let Some((file, name)) = ctx.framework_stmt() else {
        return;
    };
    let declared = ctx.profile_defs.iter().map(|d| d.name.name.as_str());
    let known: Vec<&str> = profile::builtin()
        .iter()
        .map(|p| p.name.as_str())
        .chain(declared)
        .collect();
    let mut d = RULE
        .diagnostic(msg!(
            "未知的指标框架 `{}`",
            "unknown framework profile `{}`",
            name.value
        ))
        .primary(file, name.span, msg!("没有这个框架", "no such profile"));
    d = match closest(&name.value, known.iter().copied()) {
        Some(s) => d.help(msg!("是否想写 `{}`？", "did you mean `{}`?", s)),
        None => d.help(msg!(
            "可用的框架：{}；自定义框架用 `框架定义` 声明",
            "known profiles: {}; declare your own with `profile`",
            known.join(", ")
        )),
    };
    out.push(d.note(msg!(
        "框架不明，指标的一级、二级未作检查",
        "without a profile, indicator levels were not checked"
    )));
}
