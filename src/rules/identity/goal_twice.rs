//! W0613: the same goal written twice in one project.

use crate::ast::ProjectStmt;
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0613", Warning, "goal_twice"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for p in ctx.projects.iter().copied() {
        // Annual and mid-term goals apart: W0611 compares the two sets.
        let mut seen = HashMap::new();
        for stmt in &p.node.body {
            let (midterm, goal) = match stmt {
                ProjectStmt::Goal(t) => (false, t),
                ProjectStmt::MidtermGoal(t) => (true, t),
                _ => continue,
            };
            let key = (midterm, normalize(&goal.text.value));
            if key.1.is_empty() {
                continue;
            }
            let Some(first) = seen.get(&key) else {
                seen.insert(key, goal.text.span);
                continue;
            };
            out.push(
                RULE.diagnostic(msg!("同一条目标写了两次", "the same goal is written twice"))
                    .primary(p.file, goal.text.span, msg!("再次写出", "written again"))
                    .secondary(p.file, *first, msg!("第一次在这里", "first written here"))
                    .help(msg!(
                        "删去重复的一条；若两条要说不同的事，分别写清楚",
                        "delete the repeated goal; if the two mean different things, say how"
                    )),
            );
        }
    }
}

/// A goal without blanks and punctuation, for comparing.
fn normalize(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}
