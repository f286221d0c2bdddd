//! The indicators rules.

use super::Rule;

/// The rules of this group, in code order.
pub static RULES: &[&Rule] = &[];
