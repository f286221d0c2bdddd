//! W0519: a rate written as a count (`"培训覆盖面" = 20个`), or a count
//! written as a rate (`"受益人数" ≥ 95%`).

use super::{is_rate_name, is_share_name, measured, strip_percent_suffix};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Message, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::values::unit::Dimension;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "W0519",
        severity: Severity::Warning,
        title_zh: "比率写成了个数，或个数写成了比率",
        title_en: "rate written as a count, or count as a rate",
        doc_zh: "## 检查什么\n名称说的是占比（以“覆盖面”“受益面”“普及面”“比重”“百分比”结尾），指标值却是个数（`个`、`人`、`项` 这样的量词）；或名称说的是个数（以“人数”“人次”“次数”“个数”“户数”“家数”“件数”“项数”结尾，且不是“减少”“增长”这样说变化的），指标值却是百分比。以“率”结尾、含“比例”“占比”“满意度”的名称写成个数，由 E0502 报告，这里不重复。\n\n## 为什么\n公开的绩效表中常见“其实是比率的个数”：名称是覆盖面，数值却是 20 个，考核时不知道 20 个占应覆盖的多少；反过来，“受益人数 ≥ 95%”不知道是多少人。名称和指标值必须说的是同一件事。\n\n## 例\n`产出.数量 \"培训覆盖面\" = 20个`\n`效益.社会效益 \"受益人数\" ≥ 95%`\n\n## 修正\n比率写百分比：`产出.数量 \"培训覆盖面\" = 100%`；考核个数就改名称：`产出.数量 \"培训覆盖乡镇数\" = 20个`。个数写量词：`效益.社会效益 \"受益人数\" ≥ 500人`，或改名为“受益人口覆盖率”。",
        doc_en: "## What it checks\nA name that speaks of a share (ending in 覆盖面, 受益面, 普及面, 比重 or 百分比) with a count as its target (a measure word such as `个`, `人`, `项`); or a name that speaks of a count (ending in 人数, 人次, 次数, 个数, 户数, 家数, 件数 or 项数, and not speaking of a change such as 减少 or 增长) with a percentage as its target. Names ending in 率 or containing 比例, 占比 or 满意度 written as counts are E0502's and are not reported again here.\n\n## Why\n“Counts that are really rates” are a frequent defect of published tables: a coverage of 20 does not say how much of what should be covered it is; and “受益人数 >= 95%” (beneficiaries at least 95%) does not say how many people. The name and the target must speak of the same thing.\n\n## Example\n`output.quantity \"培训覆盖面\" = 20个`\n`benefit.social \"受益人数\" >= 95%`\n\n## Fix\nWrite a share in percent: `output.quantity \"培训覆盖面\" = 100%`, or rename it when it counts: `output.quantity \"培训覆盖乡镇数\" = 20个`. Write a count with its measure word: `benefit.social \"受益人数\" >= 500人`, or rename it as a rate (“受益人口覆盖率”).",
    },
    check,
    scope: Scope::Item,
};

/// Endings of names that count things.
const COUNT_ENDINGS: &[&str] = &[
    "人数", "人次", "次数", "个数", "户数", "家数", "件数", "项数",
];

/// Words that make a percentage the change of a count (减少违规人数 10%).
const CHANGE_WORDS: &[&str] = &[
    "增长", "增加", "提高", "提升", "减少", "降低", "减低", "下降", "压减",
];

/// A name that counts things, and not the change of a count.
fn is_count_name(name: &str) -> bool {
    let s = strip_percent_suffix(name);
    COUNT_ENDINGS.iter().any(|w| s.ends_with(w)) && !CHANGE_WORDS.iter().any(|w| s.contains(w))
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (indicator, q, unit) in measured(ctx) {
        let name = &indicator.name.value;
        let dim = unit.kind.dimension;
        let d = if dim == Dimension::Count && is_share_name(name) && !is_rate_name(name) {
            RULE.diagnostic(Message::new(
                format!(
                    "“{}”说的是占比，指标值却是个数 `{}{}`",
                    name.trim(),
                    q.number.written,
                    unit.written
                ),
                format!(
                    "“{}” is a share, but its target is a count, `{}{}`",
                    name.trim(),
                    q.number.written,
                    unit.written
                ),
            ))
            .primary(
                indicator.file,
                q.span,
                msg!("个数，不是占比", "a count, not a share"),
            )
            .help(msg!(
                "占比写百分比，如 `= 100%`、`≥ 90%`；若考核的是个数，改名称，如“覆盖乡镇数”",
                "write a share in percent, such as `= 100%` or `≥ 90%`; if it counts things, rename it (such as 覆盖乡镇数)"
            ))
        } else if dim == Dimension::Percent && is_count_name(name) && !is_rate_name(name) {
            RULE.diagnostic(Message::new(
                format!(
                    "“{}”说的是个数，指标值却是百分比 `{}{}`",
                    name.trim(),
                    q.number.written,
                    unit.written
                ),
                format!(
                    "“{}” is a count, but its target is a percentage, `{}{}`",
                    name.trim(),
                    q.number.written,
                    unit.written
                ),
            ))
            .primary(
                indicator.file,
                q.span,
                msg!("百分比，不是个数", "a percentage, not a count"),
            )
            .help(msg!(
                "个数写量词，如 `≥ 500人`、`≥ 20个`；若考核的是比率，改名称，如“受益人口覆盖率”",
                "write a count with its measure word, such as `≥ 500人` or `≥ 20个`; if it is a rate, rename it (such as 受益人口覆盖率)"
            ))
        } else {
            continue;
        };
        out.push(d);
    }
}
