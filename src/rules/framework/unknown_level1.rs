//! E0202: an indicator's first level (一级) is not in the plan's profile.

use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::syntax::keywords::closest;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0202",
        severity: Severity::Error,
        title_zh: "未知的一级指标",
        title_en: "unknown first-level indicator",
        doc_zh: "## 检查什么\n指标行的一级指标（`产出.数量` 中的 `产出`）必须是计划所用框架中的一级指标。\n\n## 为什么\n审核和省级系统按框架的一级指标归类；框架之外的一级指标无法录入。\n\n## 例\n`产岀.数量 \"举报线索处置率\" = 100%`（`岀` 是错字）\n\n## 修正\n改为提示的一级指标，如 `产出`；或在计划头部用 `框架` 选择合适的框架。",
        doc_en: "## What it checks\nThe first level of an indicator row (`output` in `output.quantity`) must be a first level of the plan's framework profile.\n\n## Why\nReviewers and provincial systems file indicators by the profile's first levels; one outside the profile cannot be entered.\n\n## Example\n`outptu.quantity \"举报线索处置率\" = 100%`\n\n## Fix\nWrite the suggested first level, such as `output`, or choose another profile with `framework` in the plan header.",
    },
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(profile) = &ctx.profile else {
        return;
    };
    for (_, indicator) in ctx.all_indicators() {
        let Some(first) = indicator.path.segments.first() else {
            continue;
        };
        if profile.level1(&first.name).is_some() {
            continue;
        }
        let aliases = profile
            .levels
            .iter()
            .flat_map(|l| l.aliases.iter().map(String::as_str));
        let known: Vec<&str> = profile.levels.iter().map(|l| l.id.as_str()).collect();
        let mut d = RULE
            .diagnostic(msg!(
                "未知的一级指标 `{}`",
                "unknown first level `{}`",
                first.name
            ))
            .primary(
                indicator.file,
                first.span,
                msg!(
                    "框架 {} 中没有这个一级指标",
                    "not a first level of profile {}",
                    profile.name
                ),
            );
        d = match closest(&first.name, aliases) {
            Some(s) => d.help(msg!("是否想写 `{}`？", "did you mean `{}`?", s)),
            None => d.help(msg!(
                "框架 {} 的一级指标是：{}",
                "the first levels of profile {} are: {}",
                profile.name,
                known.join("、")
            )),
        };
        out.push(d);
    }
}
