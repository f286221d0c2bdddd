//! E0206: a profile declaration (`框架定义`) that does not hold together.

use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::sema::profile::{Profile, ProfileProblem, builtin};

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0206",
        severity: Severity::Error,
        title_zh: "框架定义有误",
        title_en: "malformed profile",
        doc_zh: "## 检查什么\n`框架定义` 中：每个二级指标写作 `一级.二级`，其一级指标已在上方声明；同一指标不重复声明；`必需` 所列的指标已声明；框架名不与内置框架或另一个框架重名。\n\n## 为什么\n框架是检查所有指标的依据，框架本身错了，检查结果就不可信。\n\n## 例\n`二级 产出.数量 \"数量指标\"` 写在 `一级 产出 …` 之前。\n\n## 修正\n先声明一级，再声明其下的二级；删除重复的声明。",
        doc_en: "## What it checks\nIn a `profile`: each second level is written `level1.level2` under a first level declared above it; nothing is declared twice; every `required` level exists; the name is not that of a built-in or another profile.\n\n## Why\nThe profile is what every indicator is checked against; a broken profile makes every result doubtful.\n\n## Example\n`level2 output.quantity \"数量指标\"` before `level1 output …`.\n\n## Fix\nDeclare the first level, then its second levels; remove duplicates.",
    },
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (i, def) in ctx.profile_defs.iter().enumerate() {
        let name = &def.name.name;
        let twice = ctx.profile_defs[..i].iter().any(|d| &d.name.name == name);
        if twice || builtin().iter().any(|p| &p.name == name) {
            out.push(
                RULE.diagnostic(msg!(
                    "框架 `{}` 重名",
                    "profile `{}` is declared twice",
                    name
                ))
                .primary(
                    def.file,
                    def.name.span,
                    msg!("已有同名的框架", "this name is taken"),
                )
                .help(msg!(
                    "换一个名字，如 `{}-省级`",
                    "choose another name, such as `{}-local`",
                    name
                )),
            );
        }
        let (_, problems) = Profile::from_def(def.node, def.file);
        for problem in problems {
            out.push(report(def.file, problem));
        }
    }
}

fn report(file: crate::source::FileId, problem: ProfileProblem) -> Diagnostic {
    match problem {
        ProfileProblem::UnknownParent { path } => RULE
            .diagnostic(msg!(
                "二级指标没有已声明的一级指标",
                "the second level has no declared first level"
            ))
            .primary(
                file,
                path.span,
                msg!(
                    "应写作 `一级.二级`，一级在上方声明",
                    "write `level1.level2` with the first level declared above"
                ),
            )
            .help(msg!(
                "先写 `一级 …`，再写其下的 `二级 …`",
                "declare `level1 …` first, then its `level2 …` lines"
            )),
        ProfileProblem::Duplicate { span, name } => RULE
            .diagnostic(msg!("`{}` 重复声明", "`{}` is declared twice", name))
            .primary(file, span, msg!("重复", "declared again here"))
            .help(msg!("删除重复的一行", "delete the repeated line")),
        ProfileProblem::UnknownRequired { path } => RULE
            .diagnostic(msg!(
                "`必需` 所列的指标未声明",
                "a `required` level is not declared"
            ))
            .primary(
                file,
                path.span,
                msg!("框架中没有这个指标", "not a level of this profile"),
            )
            .help(msg!(
                "只列出框架中已声明的一级或 `一级.二级`",
                "list only declared first levels or `level1.level2`"
            )),
    }
}
