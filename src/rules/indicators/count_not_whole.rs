//! E0504: a count that is not a whole number (`2.5个`).

use super::measured;
use crate::ast::TargetKind;
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::values::unit::Dimension;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0504",
        severity: Severity::Error,
        title_zh: "个数不是整数",
        title_en: "count that is not a whole number",
        doc_zh: "## 检查什么\n以量词计的指标值（个、项、人次、辆 …）必须是整数。\n\n## 为什么\n不存在 2.5 个单位、0.5 次巡察；带小数的个数多半是把平均数或比率写成了个数。\n\n## 例\n`产出.数量 \"常规巡察单位数\" = 2.5个`\n\n## 修正\n写整数，如 `= 3个`；考核平均数的，用比值单位，如 `≥ 2.5次/人`。",
        doc_en: "## What it checks\nA target counted with a measure word (个, 项, 人次, 辆 …) is a whole number.\n\n## Why\nThere are no 2.5 units or half an inspection; a fractional count is usually an average or a rate written as a count.\n\n## Example\n`output.quantity \"常规巡察单位数\" = 2.5个`\n\n## Fix\nWrite a whole number, as in `= 3个`; for an average, use a per-unit measure such as `>= 2.5次/人`.",
    },
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (indicator, q, unit) in measured(ctx) {
        if unit.kind.dimension != Dimension::Count || q.number.value.fract().is_zero() {
            continue;
        }
        let prefix = match &indicator.target.kind {
            TargetKind::Compare { comparator, .. } => format!("{} ", comparator.op.symbol()),
            _ => String::new(),
        };
        let down = format!(
            "{prefix}{}{}",
            q.number.value.floor().normalize(),
            unit.written
        );
        let up = format!(
            "{prefix}{}{}",
            q.number.value.ceil().normalize(),
            unit.written
        );
        let written = format!("{}{}", q.number.written, unit.written);
        out.push(
            RULE.diagnostic(msg!("个数 `{}` 不是整数", "the count `{}` is not a whole number", written))
                .primary(
                    indicator.file,
                    q.span,
                    msg!("以 `{}` 计的个数应为整数", "a count in `{}` is a whole number", unit.written),
                )
                .help(msg!(
                    "写整数，如 `{}` 或 `{}`；考核平均数的，用比值单位，如 `次/人`",
                    "write a whole number, such as `{}` or `{}`; for an average, use a per-unit measure such as `次/人`",
                    down,
                    up
                )),
        );
    }
}
