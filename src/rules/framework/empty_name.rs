//! E0205: an indicator without a name (三级指标).

use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0205",
        severity: Severity::Error,
        title_zh: "三级指标名称为空",
        title_en: "empty indicator name",
        doc_zh: "## 检查什么\n每个指标行都要有三级指标名称，不能是空的 `\"\"` 或只有空格。\n\n## 为什么\n空名称的指标相当于表中空着的二级指标行：审核无法知道考核什么，省级系统也拒收缺列的行。\n\n## 例\n`产出.数量 \"\" = 100%`\n\n## 修正\n写出考核的内容，如 `产出.数量 \"举报线索处置率\" = 100%`。",
        doc_en: "## What it checks\nEvery indicator row has a name (三级指标), not `\"\"` or blanks.\n\n## Why\nAn unnamed indicator is an empty second-level row in the table: nobody can tell what is measured, and provincial systems reject rows with missing columns.\n\n## Example\n`output.quantity \"\" = 100%`\n\n## Fix\nName what is measured, such as `output.quantity \"举报线索处置率\" = 100%`.",
    },
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (_, indicator) in ctx.all_indicators() {
        if indicator.name.value.trim().is_empty() {
            out.push(
                RULE.diagnostic(msg!("指标没有名称", "the indicator has no name"))
                    .primary(
                        indicator.file,
                        indicator.name.span,
                        msg!("三级指标名称为空", "empty name"),
                    )
                    .help(msg!(
                        "写出考核的内容，如 \"举报线索处置率\"",
                        "name what is measured, such as \"举报线索处置率\""
                    )),
            );
        }
    }
}
