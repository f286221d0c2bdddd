//! W0510: an indicator named after a second level (`"数量指标"`).

use super::{is_rate_name, normalize_name};
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0510", Warning, "level2_name"),
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
