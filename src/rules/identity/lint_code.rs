//! E0609: a lint setting in the plan names no lint.

use crate::ast::PlanStmt;
use crate::codes::{self, CodeDoc};
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::lint::is_lint;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0609",
        severity: Severity::Error,
        title_zh: "无效的检查级别设置",
        title_en: "invalid lint setting",
        doc_zh: "## 检查什么\n计划头部 `允许`、`警告`、`禁止` 之后的代码必须是警告代码（W 开头），或 `warnings`（全部警告）。错误（E 开头）不能被允许。\n\n## 为什么\n打错的代码不会生效，而作者以为它生效了；错误则意味着计划本身不成立，不能关掉。\n\n## 例\n`允许 W9999`，`允许 E0301`\n\n## 修正\n改为存在的警告代码（`perfplan explain CODE` 可查），或删除这一项。",
        doc_en: "## What it checks\nThe codes after `allow`, `warn` and `deny` in the plan header are warning codes (starting with W) or `warnings` (all of them). Errors (E codes) cannot be allowed.\n\n## Why\nA mistyped code has no effect while the author believes it has; an error means the plan does not hold and cannot be switched off.\n\n## Example\n`allow W9999`, `allow E0301`\n\n## Fix\nWrite an existing warning code (see `perfplan explain CODE`), or delete the entry.",
    },
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
                let (label, help) = match codes::lookup(&code.value) {
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
