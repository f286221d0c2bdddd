//! W0521: two satisfaction floors for the same group in one project
//! (`"服务对象满意度" ≥ 95%` and `"服务对象满意率" ≥ 90%`).

use super::{normalize_name, satisfaction_group, scopes};
use crate::ast::{Indicator, TargetKind};
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Message};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::{Ctx, In};
use crate::values::comparator::CmpOp;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0521", Warning, "satisfaction_twice"),
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
