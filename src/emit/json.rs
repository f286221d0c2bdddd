//! The resolved plan as JSON: pretty-printed, keys in the model's order,
//! the same bytes for the same plan.

use crate::model::Plan;

/// The JSON text of a plan, ending in a newline.
pub fn to_json(plan: &Plan) -> String {
    serde_json::to_string_pretty(plan).unwrap_or_default() + "\n"
}
