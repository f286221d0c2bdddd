//! E0514: a grade target (`等级 优`) without a declared scale, or not in it.

use crate::ast::TargetKind;
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Lang, Message};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::syntax::keywords::closest;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0514", Error, "grade_unknown"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let declared = ctx.grades_stmt();
    for (_, indicator) in ctx.all_indicators() {
        let TargetKind::Grade { keyword, grade } = &indicator.target.kind else {
            continue;
        };
        if ctx.grades.is_empty() {
            let example = match keyword.lang {
                Lang::Zh => "等级 优 良 中 差",
                Lang::En => "grades 优 良 中 差",
            };
            out.push(
                RULE.diagnostic(msg!(
                    "计划没有声明等级，无法评定“{}”",
                    "the plan declares no grade scale to assess “{}” against",
                    grade.value
                ))
                .primary(
                    indicator.file,
                    grade.span,
                    msg!("没有声明的等级", "no scale declared"),
                )
                .help(msg!(
                    "在计划头部声明等级，如 `{}`",
                    "declare the scale in the plan header, such as `{}`",
                    example
                )),
            );
            continue;
        }
        if ctx.grades.contains(&grade.value) {
            continue;
        }
        let scale = ctx.grades.join("、");
        let scale_en = ctx.grades.join(", ");
        let mut d = RULE
            .diagnostic(msg!(
                "“{}”不是计划声明的等级",
                "“{}” is not a grade of the plan's scale",
                grade.value
            ))
            .primary(
                indicator.file,
                grade.span,
                msg!("不在等级中", "not in the scale"),
            );
        if let Some((file, span)) = declared {
            d = d.secondary(
                file,
                span,
                msg!("等级在这里声明", "the scale is declared here"),
            );
        }
        let help = match closest(&grade.value, ctx.grades.iter().map(String::as_str)) {
            Some(s) => Message::new(
                format!("是否想写“{s}”？计划的等级是：{scale}"),
                format!("did you mean “{s}”? The plan's grades are: {scale_en}"),
            ),
            None => Message::new(
                format!("写计划的等级之一：{scale}"),
                format!("write one of the plan's grades: {scale_en}"),
            ),
        };
        out.push(d.help(help));
    }
}
