//! W0612: a finance region code (`财政区划`) that is not nine digits.

use crate::ast::{Code, PlanStmt, ProjectStmt};
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::source::FileId;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0612", Warning, "region_code"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for h in ctx.headers.iter().copied() {
        for stmt in &h.node.body {
            if let PlanStmt::Region { code, .. } = stmt {
                check_code(h.file, code, out);
            }
        }
    }
    for p in ctx.projects.iter().copied() {
        for stmt in &p.node.body {
            if let ProjectStmt::Region { code, .. } = stmt {
                check_code(p.file, code, out);
            }
        }
    }
}

fn check_code(file: FileId, code: &Code, out: &mut Vec<Diagnostic>) {
    let digits = code.value.chars().filter(char::is_ascii_digit).count();
    if digits == 9 && code.value.len() == 9 {
        return;
    }
    out.push(
        RULE.diagnostic(msg!(
            "财政区划 `{}` 不是 9 位数字",
            "the finance region `{}` is not nine digits",
            code.value
        ))
        .primary(file, code.span, msg!("{} 个字符", "{} characters", code.value.chars().count()))
        .help(msg!(
            "财政区划代码为 9 位数字，如 `130225000`；县级代码后补 0",
            "a finance region code is nine digits, such as `130225000`; pad a county's code with zeros"
        )),
    );
}
