//! Emitters: the resolved plan as JSON and as the Markdown submission
//! document. Each is a pure function from `model::Plan` to text.

pub mod json;
pub mod markdown;
