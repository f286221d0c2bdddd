//! Emitters: the resolved plan as JSON, as the submission document in
//! Markdown, Word (.docx) and Excel (.xlsx), and as the records budget
//! systems import (JSON or CSV). Each is a pure function from
//! `model::Plan` to text or bytes; `layout` holds what the documents share.

pub mod docx;
pub mod json;
mod layout;
pub mod markdown;
pub mod records;
pub mod xlsx;

/// Why a binary document could not be written: the writer library failed.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct RenderError(String);

impl RenderError {
    fn from_display(e: impl std::fmt::Display) -> RenderError {
        RenderError(e.to_string())
    }
}
