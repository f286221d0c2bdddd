//! E0509: two indicators with the same name (三级指标) in one project, or
//! twice in the overall part.

use super::{normalize_name, scopes};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Message, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0509",
        severity: Severity::Error,
        title_zh: "重复的三级指标",
        title_en: "indicator named twice",
        doc_zh: "## 检查什么\n同一个项目（或总体目标）中，两个指标的三级指标名称相同（不计 `(%)`、空格和末尾的标点）。\n\n## 为什么\n三级指标是一张表中指标的名字：同名的两行，审核和自评时分不清考核的是哪一行，省级系统也按名称对应指标。多半是复制一行后忘了改名，或同一个指标写了两次。\n\n## 例\n`产出.数量 \"举报线索处置率\" = 100%`\n`产出.质量 \"举报线索处置率\" ≥ 95%`\n\n## 修正\n删去重复的一行，或给每一行一个能区分的名称（写明对象或时段）。",
        doc_en: "## What it checks\nTwo indicators of one project (or of the overall part) with the same name (ignoring `(%)`, blanks and trailing punctuation).\n\n## Why\nThe name identifies an indicator within its table: with two rows of the same name, reviewers and the year-end self-assessment cannot tell which is meant, and provincial systems match indicators by name. Usually a row was copied and not renamed, or the same indicator was entered twice.\n\n## Example\n`output.quantity \"举报线索处置率\" = 100%`\n`output.quality \"举报线索处置率\" >= 95%`\n\n## Fix\nDelete the repeated row, or give each row a name that tells it apart (say what or when it measures).",
    },
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for scope in scopes(ctx) {
        // The first row of each name (a map, so that a table of many rows
        // stays linear).
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (index, indicator) in scope.indicators.iter().enumerate() {
            let name = normalize_name(&indicator.name.value);
            if name.is_empty() {
                continue;
            }
            let first_index = *seen.entry(name).or_insert(index);
            let Some(first) = scope
                .indicators
                .get(first_index)
                .filter(|_| first_index != index)
            else {
                continue;
            };
            let place = scope.name();
            out.push(
                RULE.diagnostic(Message::new(
                    format!("{}中有两个指标都叫“{}”", place.zh, indicator.name.value.trim()),
                    format!(
                        "two indicators of {} are named “{}”",
                        place.en,
                        indicator.name.value.trim()
                    ),
                ))
                .primary(indicator.file, indicator.name.span, msg!("又用了这个名称", "the name again"))
                .secondary(first.file, first.name.span, msg!("第一次在这里", "first used here"))
                .help(msg!(
                    "删去重复的一行，或给每一行一个能区分的名称（写明对象或时段）",
                    "delete the repeated row, or give each row a name that tells it apart (say what or when it measures)"
                )),
            );
        }
    }
}
