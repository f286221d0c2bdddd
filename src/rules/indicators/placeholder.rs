//! E0505: a template placeholder (`**`, `XX`, `__`) left in an indicator's
//! name, description, qualitative target or basis.

use super::indicator_texts;
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Message, Severity};
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0505",
        severity: Severity::Error,
        title_zh: "未填写的模板占位符",
        title_en: "template placeholder left in",
        doc_zh: "## 检查什么\n指标名称、指标描述、定性指标值和指标值确定依据中不能留有模板的占位符：只由 `*`、`_`、`-`、`X`、`x`、`×` 组成的文字，或含有 `**`、`__`、`--`、`XX`、`xx`、`××` 的文字。\n\n## 为什么\n下发的模板用 `≥**人次`、`XX项目` 标出待填的地方；省级系统拒收含 `*`、`_`、`-` 的指标值。留着占位符的表说明这一行没有填完。\n\n## 例\n`产出.数量 \"培训人次\" 定性 \"≥**人次\"`\n\n## 修正\n填上实际的内容；数值写成定量指标值，如 `产出.数量 \"培训人次\" ≥ 120人次`。",
        doc_en: "## What it checks\nNo template placeholder is left in an indicator's name, description, qualitative target or basis: a text made only of `*`, `_`, `-`, `X`, `x` or `×`, or one containing `**`, `__`, `--`, `XX`, `xx` or `××`.\n\n## Why\nTemplates mark what is to be filled in with `≥**人次` or `XX项目`, and provincial systems reject values containing `*`, `_` or `-`. A placeholder left in means the row was never finished.\n\n## Example\n`output.quantity \"培训人次\" qualitative \"≥**人次\"`\n\n## Fix\nFill in the real content; write a figure as a quantitative target, as in `output.quantity \"培训人次\" >= 120人次`.",
    },
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
