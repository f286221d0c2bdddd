//! E0505: a template placeholder (`**`, `XX`, `__`) left in an indicator's
//! name, description, qualitative target or basis.

use super::indicator_texts;
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Message};
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0505", Error, "placeholder"),
    check,
    scope: Scope::Item,
};

const PLACEHOLDER_CHARS: &[char] = &['*', '＊', '_', '＿', '-', '－', 'X', 'x', '×'];
const PLACEHOLDER_RUNS: &[&str] = &["**", "＊＊", "__", "＿＿", "--", "－－", "XX", "xx", "××"];

/// The placeholder a text holds, if any: the whole text, or the first run.
pub(crate) fn placeholder(text: &str) -> Option<&str> {
    let t = text.trim();
    // Both forms need a placeholder character: most texts have none.
    if !t.contains(PLACEHOLDER_CHARS) {
        return None;
    }
    let mut chars = t.chars().filter(|c| !c.is_whitespace()).peekable();
    if chars.peek().is_some() && chars.all(|c| PLACEHOLDER_CHARS.contains(&c)) {
        return Some(t);
    }
    PLACEHOLDER_RUNS.iter().copied().find(|run| t.contains(run))
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (file, field, text) in indicator_texts(ctx) {
        let Some(found) = placeholder(&text.value) else {
            continue;
        };
        out.push(
            RULE.diagnostic(Message::new(
                format!("{}中留有模板占位符 `{}`", field.zh(), found),
                format!("the {} holds the template placeholder `{}`", field.en(), found),
            ))
            .primary(
                file,
                text.span,
                Message::new(format!("`{found}` 是待填的占位符"), format!("`{found}` is to be filled in")),
            )
            .help(Message::new(
                "填上实际的内容；数值写成定量指标值，如 `≥ 120人次`",
                "fill in the real content; write a figure as a quantitative target, such as `≥ 120人次`",
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::{PLACEHOLDER_CHARS, PLACEHOLDER_RUNS, placeholder};

    #[test]
    fn every_run_is_made_of_placeholder_characters() {
        for run in PLACEHOLDER_RUNS {
            assert!(run.chars().all(|c| PLACEHOLDER_CHARS.contains(&c)), "{run}");
        }
    }

    #[test]
    fn finds_placeholders() {
        assert_eq!(placeholder("≥**人次"), Some("**"));
        assert_eq!(placeholder("XX项目"), Some("XX"));
        assert_eq!(placeholder(" - "), Some("-"));
        assert_eq!(placeholder("×"), Some("×"));
        assert_eq!(placeholder("X光机采购数量"), None);
        assert_eq!(placeholder("——"), None);
        assert_eq!(placeholder(""), None);
    }
}
