//! Framework rules: the profile, and indicator paths against it.

mod bad_profile;
mod benefit_without_economic_social;
mod empty_name;
mod missing_required_level;
mod satisfaction_outside_level;
mod unknown_level1;
mod unknown_level2;
mod unknown_profile;

use super::Rule;

/// The rules of this group, in code order.
pub static RULES: &[&Rule] = &[
    &unknown_profile::RULE,
    &unknown_level1::RULE,
    &unknown_level2::RULE,
    &missing_required_level::RULE,
    &empty_name::RULE,
    &bad_profile::RULE,
    &satisfaction_outside_level::RULE,
    &benefit_without_economic_social::RULE,
];
