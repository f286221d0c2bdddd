//! E0206: a profile declaration (`框架定义`) that does not hold together.

use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::sema::profile::{Profile, ProfileProblem, builtin};

pub static RULE: Rule = Rule {
    doc: code_doc!("E0206", Error, "bad_profile"),
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
