//! E0514: a grade target (`等级 优`) without a declared scale, or not in it.

use crate::ast::{PlanStmt, TargetKind};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Lang, Message, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::syntax::keywords::closest;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0514",
        severity: Severity::Error,
        title_zh: "未声明的等级",
        title_en: "grade not in the plan's scale",
        doc_zh: "## 检查什么\n以等级为指标值（`等级 优`）时，计划头部必须用 `等级` 声明等级，且指标值是其中之一。\n\n## 为什么\n不能量化的指标用分级的定性表述考核，等级要事先约定（常见的是 优/良/中/差 四级）；没有约定的等级，年底无法评定是否完成。\n\n## 例\n计划头部没有 `等级`，却写了 `效益.社会效益 \"公众安全感\" 等级 优`；或声明了 `等级 优 良 中 差`，却写了 `等级 好`。\n\n## 修正\n在计划头部声明等级：`等级 优 良 中 差`；指标值写其中之一。",
        doc_en: "## What it checks\nA grade target (`grade 优`) needs a scale declared with `grades` in the plan header, and the grade must be one of it.\n\n## Why\nWhat cannot be quantified is assessed in graded wording, and the grades are agreed beforehand (often four: 优/良/中/差); a grade from no agreed scale cannot be assessed at the end of the year.\n\n## Example\nNo `grades` in the header but `benefit.social \"公众安全感\" grade 优`; or `grades 优 良 中 差` declared and `grade 好` written.\n\n## Fix\nDeclare the scale in the plan header, `grades 优 良 中 差`, and use one of its grades.",
    },
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let declared = ctx.headers.first().and_then(|h| {
        h.node.body.iter().find_map(|s| match s {
            PlanStmt::Grades { span, .. } => Some((h.file, *span)),
            _ => None,
        })
    });
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
