//! W0508: a number with no comparator (`100`), often with no unit either.

use super::{Expected, expected_unit, written_quantity};
use crate::ast::TargetKind;
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "W0508",
        severity: Severity::Warning,
        title_zh: "指标值没有比较符",
        title_en: "target without a comparator",
        doc_zh: "## 检查什么\n定量指标值只写了数字，没有比较符（`=`、`≥`、`≤`、`>`、`<`），常常也没有计量单位。\n\n## 为什么\n`100` 是要求等于 100%、不低于 100%，还是 100 个？省级系统要求先选比较符再填数值；`≥` 表示越高越好，`≤` 表示越低越好，考核时据此判断是否完成。\n\n## 例\n`产出.数量 \"举报线索处置率(%)\" 100`\n\n## 修正\n写明比较符和单位：`= 100%` 或 `≥ 95%`。",
        doc_en: "## What it checks\nA quantitative target written as a bare number, with no comparator (`=`, `>=`, `<=`, `>`, `<`) and often no unit.\n\n## Why\nDoes `100` ask for exactly 100%, at least 100%, or 100 items? Provincial systems make the comparator the first choice of a target: `>=` means higher is better, `<=` lower is better, and the assessment depends on it.\n\n## Example\n`output.quantity \"举报线索处置率(%)\" 100`\n\n## Fix\nWrite the comparator and the unit: `= 100%` or `>= 95%`.",
    },
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (_, indicator) in ctx.all_indicators() {
        let TargetKind::Bare(q) = &indicator.target.kind else {
            continue;
        };
        let n = &q.number.written;
        let d = match &q.unit {
            Some(_) => {
                let w = written_quantity(q);
                RULE.diagnostic(msg!(
                    "指标值 `{}` 没有比较符",
                    "the target `{}` has no comparator",
                    w
                ))
                .primary(
                    indicator.file,
                    q.span,
                    msg!(
                        "是等于、不低于还是不超过？",
                        "equal to, at least or at most?"
                    ),
                )
                .help(msg!(
                    "写明比较符：`= {0}` 或 `≥ {0}`",
                    "write the comparator: `= {0}` or `≥ {0}`",
                    w
                ))
            }
            None => {
                let d = RULE
                    .diagnostic(msg!(
                        "指标值 `{}` 既没有比较符，也没有计量单位",
                        "the target `{}` has neither a comparator nor a unit",
                        n
                    ))
                    .primary(
                        indicator.file,
                        q.span,
                        msg!(
                            "是等于、不低于还是不超过？以什么计？",
                            "equal to, at least or at most? And in what unit?"
                        ),
                    );
                match expected_unit(ctx, &indicator) {
                    Expected::Percent => d.help(msg!(
                        "写明比较符和单位：`= {0}%` 或 `≥ {0}%`",
                        "write the comparator and the unit: `= {0}%` or `≥ {0}%`",
                        n
                    )),
                    Expected::Money if ctx.money.word() == "元" => d.help(msg!(
                        "写明比较符和金额单位，如 `≤ {0}元`",
                        "write the comparator and the money unit, as in `≤ {0}元`",
                        n
                    )),
                    Expected::Money => d.help(msg!(
                        "写明比较符和金额单位，如 `≤ {0}{1}` 或 `≤ {0}元`",
                        "write the comparator and the money unit, as in `≤ {0}{1}` or `≤ {0}元`",
                        n,
                        ctx.money.word()
                    )),
                    Expected::Measure => d.help(msg!(
                        "写明比较符和单位，如 `= {0}个`、`≥ {0}人次` 或 `= {0}%`",
                        "write the comparator and the unit, as in `= {0}个`, `≥ {0}人次` or `= {0}%`",
                        n
                    )),
                }
            }
        };
        out.push(d);
    }
}
