//! E0509: two indicators with the same name (三级指标) in one project, or
//! twice in the overall part.

use super::{normalize_name, scopes};
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Message};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0509", Error, "duplicate_name"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for scope in scopes(ctx) {
        // The first row of each name (a map, so that a table of many rows
        // stays linear).
        // The mid-term and the annual set may each have a row of a name.
        let mut seen: HashMap<(bool, String), usize> = HashMap::new();
        for (index, indicator) in scope.indicators.iter().enumerate() {
            let name = normalize_name(&indicator.name.value);
            if name.is_empty() {
                continue;
            }
            let set = indicator.midterm.is_some();
            let first_index = *seen.entry((set, name)).or_insert(index);
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
