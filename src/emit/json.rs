//! The resolved plan as JSON: pretty-printed, keys in the model's order,
//! the same bytes for the same plan.

use crate::model::Plan;
use std::io::{self, Write};

/// Writes the JSON of a plan, ending in a newline, as it is serialised:
/// a large plan's text is never held whole in memory.
pub fn write_json(plan: &Plan, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, plan)?;
    out.write_all(b"\n")
}

/// The JSON text of a plan, ending in a newline.
pub fn to_json(plan: &Plan) -> String {
    let mut bytes = Vec::new();
    match write_json(plan, &mut bytes) {
        Ok(()) => String::from_utf8(bytes).unwrap_or_default(),
        Err(_) => String::new(),
    }
}
