//! W0611: a mid-term goal that is word for word an annual goal.

use crate::ast::ProjectStmt;
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0611", Warning, "midterm_same_goal"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for p in ctx.projects.iter().copied() {
        let goals = |midterm: bool| {
            p.node.body.iter().filter_map(move |s| match s {
                ProjectStmt::MidtermGoal(t) if midterm => Some(t),
                ProjectStmt::Goal(t) if !midterm => Some(t),
                _ => None,
            })
        };
        for mid in goals(true) {
            let same =
                goals(false).find(|a| normalize(&a.text.value) == normalize(&mid.text.value));
            let Some(annual) = same else {
                continue;
            };
            out.push(
                RULE.diagnostic(msg!(
                    "中期目标与年度目标完全相同",
                    "a mid-term goal is the same as an annual goal"
                ))
                .primary(p.file, mid.text.span, msg!("中期目标", "the mid-term goal"))
                .secondary(p.file, annual.text.span, msg!("年度目标", "the annual goal"))
                .help(msg!(
                    "中期目标写整个实施期要达到的结果，年度目标写今年完成的部分，如“三年改造12所”与“今年改造6所”",
                    "a mid-term goal states what the whole period achieves, an annual goal this year's share, as “12 schools in three years” and “6 this year”"
                )),
            );
        }
    }
}

/// A goal without blanks and end punctuation, for comparing.
fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '。' | '；' | '.' | ';' | '，' | ','))
        .collect()
}
