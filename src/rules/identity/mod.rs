//! Identity and reference rules: ids, codes, units, the header.

mod duplicate_code;
mod duplicate_project;
mod duplicate_statement;
mod duplicate_unit;
mod generic_goal;
mod goal_twice;
mod lint_code;
mod midterm_same_goal;
mod plan_header;
mod region_code;
mod summary_name;
mod unknown_project;
mod unknown_unit;

use super::Rule;

/// The rules of this group, in code order.
pub static RULES: &[&Rule] = &[
    &duplicate_project::RULE,
    &duplicate_code::RULE,
    &unknown_unit::RULE,
    &unknown_project::RULE,
    &summary_name::RULE,
    &plan_header::RULE,
    &duplicate_statement::RULE,
    &duplicate_unit::RULE,
    &lint_code::RULE,
    &generic_goal::RULE,
    &midterm_same_goal::RULE,
    &region_code::RULE,
    &goal_twice::RULE,
];
