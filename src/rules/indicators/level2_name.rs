//! W0510: an indicator named after a second level (`"数量指标"`).

use super::{is_rate_name, normalize_name};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "W0510",
        severity: Severity::Warning,
        title_zh: "三级指标用了二级指标的名称",
        title_en: "indicator named after a second level",
        doc_zh: "## 检查什么\n三级指标名称就是框架中某个二级指标的名称，如“数量指标”“社会效益”。名称本身是比率的（如“服务对象满意度”：以“率”结尾或含“满意度”“比例”“占比”，且不以“指标”结尾）不报告，因为它说明了考核什么。\n\n## 为什么\n二级指标是分类，三级指标才是考核的内容。把分类名写在三级指标处，等于这一行没有填，是公开的绩效表中常见的缺陷。\n\n## 例\n`产出.数量 \"数量指标\" = 100%`\n\n## 修正\n写出具体考核什么，如 `产出.数量 \"举报线索处置率\" = 100%`。",
        doc_en: "## What it checks\nAn indicator whose name is the name of a second level of the profile, such as 数量指标 or 社会效益. A name that is itself a rate (such as 服务对象满意度: ending in 率 or containing 满意度, 比例 or 占比, and not ending in 指标) is not reported, since it says what is measured.\n\n## Why\nSecond levels are categories; the third level is what is measured. A category written as the indicator's name leaves the row empty, a frequent defect of published tables.\n\n## Example\n`output.quantity \"数量指标\" = 100%`\n\n## Fix\nName what is measured, as in `output.quantity \"举报线索处置率\" = 100%`.",
    },
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(profile) = &ctx.profile else {
        return;
    };
    // Each second-level spelling by its ASCII-lowercase form, the first in
    // the profile's order kept: one lookup per indicator, not a scan.
    let mut level2_names: HashMap<String, &str> = HashMap::new();
    for l in profile.all_level2_names() {
        level2_names.entry(l.to_ascii_lowercase()).or_insert(l);
    }
    for (_, indicator) in ctx.all_indicators() {
        let name = normalize_name(&indicator.name.value);
        if name.is_empty() || (is_rate_name(&name) && !name.ends_with("指标")) {
            continue;
        }
        let key = if name.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(name.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(name.as_str())
        };
        let Some(&level2) = level2_names.get(key.as_ref()) else {
            continue;
        };
        out.push(
            RULE.diagnostic(msg!(
                "三级指标名称“{}”是二级指标的名称",
                "the indicator is named “{}”, which is a second level",
                indicator.name.value.trim()
            ))
            .primary(
                indicator.file,
                indicator.name.span,
                msg!(
                    "“{}”是分类，不是考核的内容",
                    "“{}” is a category, not what is measured",
                    level2
                ),
            )
            .help(msg!(
                "写出具体考核什么，如 “举报线索处置率”",
                "name what is measured, such as “举报线索处置率”"
            )),
        );
    }
}
