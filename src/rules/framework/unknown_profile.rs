//! E0201: the plan names a framework profile that does not exist.

use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::{Ctx, profile};
use crate::syntax::keywords::closest;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0201",
        severity: Severity::Error,
        title_zh: "未知的指标框架",
        title_en: "unknown framework profile",
        doc_zh: "## 检查什么\n计划头部 `框架` 所写的指标框架必须是内置框架（`classic`、`classic-benefit-satisfaction`、`central-2021`），或计划的某个文件中用 `框架定义` 声明的框架。\n\n## 为什么\n一级、二级指标是否正确，取决于所用的框架；框架不明，就无法检查指标。\n\n## 例\n`框架 clasic`\n\n## 修正\n改为已有的框架名；省级自定义框架请把含 `框架定义` 的文件一并交给 perfplan。",
        doc_en: "## What it checks\nThe profile named by `framework` in the plan header must be built in (`classic`, `classic-benefit-satisfaction`, `central-2021`) or declared with `profile` in one of the plan's files.\n\n## Why\nWhether an indicator's first and second levels are right depends on the profile; without it no indicator can be checked.\n\n## Example\n`framework clasic`\n\n## Fix\nName an existing profile; for a provincial profile, pass the file that declares it along with the plan.",
    },
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
