//! E0609: a lint setting in the plan names no lint.

use crate::ast::PlanStmt;
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::lint::is_lint;
use crate::rules::registry;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0609", Error, "lint_code"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for h in &ctx.headers {
        for stmt in &h.body {
            let PlanStmt::Lint { codes: list, .. } = stmt else {
                continue;
            };
            for code in list.iter().filter(|c| !is_lint(&c.value)) {
                let (label, help) = match registry::lookup(&code.value) {
                    Some(doc) => (
                        msg!(
                            "`{}` 是错误，不能调整级别",
                            "`{}` is an error and cannot be allowed",
                            doc.code
                        ),
                        msg!(
                            "改正计划中的问题，而不是忽略它",
                            "fix the problem in the plan rather than silence it"
                        ),
                    ),
                    None => (
                        msg!("没有这个诊断代码", "no such diagnostic code"),
                        msg!(
                            "用 `perfplan explain CODE` 查看代码；警告代码以 W 开头",
                            "see `perfplan explain CODE`; warning codes start with W"
                        ),
                    ),
                };
                out.push(
                    RULE.diagnostic(msg!(
                        "`{}` 不是可以调整级别的警告",
                        "`{}` is not a lint",
                        code.value
                    ))
                    .primary(h.file, code.span, label)
                    .help(help),
                );
            }
        }
    }
}
