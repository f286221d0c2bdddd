//! Framework rules: indicator paths against the plan's profile.

mod unknown_level1;

use super::Rule;

/// The rules of this group, in code order.
pub static RULES: &[&Rule] = &[&unknown_level1::RULE];
