//! W0521: two satisfaction floors for the same group in one project
//! (`"服务对象满意度" ≥ 95%` and `"服务对象满意率" ≥ 90%`).

use super::{normalize_name, satisfaction_group, scopes};
use crate::ast::{Indicator, TargetKind};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Message, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::{Ctx, In};
use crate::values::comparator::CmpOp;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "W0521",
        severity: Severity::Warning,
        title_zh: "同一对象的满意度写了两行",
        title_en: "two satisfaction floors for the same group",
        doc_zh: "## 检查什么\n同一个项目（或总体目标）中，两行满意度指标（名称以“满意度”“满意率”“满意程度”结尾）都写了下限（`≥` 或 `>`），名称去掉这几个字后是同一个对象，如“服务对象满意度 ≥ 95%”和“服务对象满意率 ≥ 90%”。名称完全相同的由 E0509 报告，这里不重复。\n\n## 为什么\n同一群人的满意度只有一个，两个不同的下限互相矛盾：年底按哪一个考核？多半是复制一行后改了字没有删去旧的一行。\n\n## 例\n```\n满意度.服务对象满意度 \"服务对象满意度\" ≥ 95%\n满意度.服务对象满意度 \"服务对象满意率\" ≥ 90%\n```\n\n## 修正\n只保留一行；若考核的是不同的人群，在名称中写明，如“学生满意度”“家长满意度”。",
        doc_en: "## What it checks\nTwo satisfaction indicators (names ending in 满意度, 满意率 or 满意程度) of one project (or of the overall part), both with a floor (`>=` or `>`), whose names name the same group once those words are taken off, such as “服务对象满意度 >= 95%” and “服务对象满意率 >= 90%”. Rows with the very same name are E0509's and are not reported again here.\n\n## Why\nA group of people has one satisfaction; two floors for it contradict each other: which one is assessed at the end of the year? Usually a row was copied and reworded, and the old one was not deleted.\n\n## Example\n```\nsatisfaction.service-recipient \"服务对象满意度\" >= 95%\nsatisfaction.service-recipient \"服务对象满意率\" >= 90%\n```\n\n## Fix\nKeep one row; if the rows assess different groups, name them in the names, such as 学生满意度 (students) and 家长满意度 (parents).",
    },
    check,
    scope: Scope::Item,
};

/// Whether a target is a floor: `≥ 95%`, `> 90%`, `95%以上`.
fn is_floor(indicator: &Indicator) -> bool {
    matches!(
        &indicator.target.kind,
        TargetKind::Compare { comparator, .. } if matches!(comparator.op, CmpOp::Ge | CmpOp::Gt)
    )
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for scope in scopes(ctx) {
        // The first floor of each group.
        let mut first: HashMap<&str, In<Indicator>> = HashMap::new();
        for indicator in &scope.indicators {
            if !is_floor(indicator) {
                continue;
            }
            let Some(group) = satisfaction_group(&indicator.name.value) else {
                continue;
            };
            let Some(earlier) = first.get(group) else {
                first.insert(group, *indicator);
                continue;
            };
            if normalize_name(&earlier.name.value) == normalize_name(&indicator.name.value) {
                continue;
            }
            let (who_zh, who_en) = if group.is_empty() {
                ("未写明对象".to_string(), "no group named".to_string())
            } else {
                (format!("“{group}”"), format!("“{group}”"))
            };
            out.push(
                RULE.diagnostic(Message::new(
                    format!(
                        "{}中两行满意度指标考核的是同一对象（{}）",
                        scope.name().zh,
                        who_zh
                    ),
                    format!(
                        "two satisfaction floors in {} for the same group ({})",
                        scope.name().en,
                        who_en
                    ),
                ))
                .primary(
                    indicator.file,
                    indicator.name.span,
                    msg!("又一行同一对象的满意度", "the same group's satisfaction again"),
                )
                .secondary(
                    earlier.file,
                    earlier.name.span,
                    msg!("第一行在这里", "first here"),
                )
                .help(msg!(
                    "只保留一行；若考核的是不同的人群，在名称中写明，如“学生满意度”“家长满意度”",
                    "keep one row; if they assess different groups, name the groups, such as 学生满意度 and 家长满意度"
                )),
            );
        }
    }
}
