//! Emitters: the resolved plan as JSON, as the submission document in
//! Markdown, Word (.docx) and Excel (.xlsx), and as the records budget
//! systems import (JSON or CSV). Each is a pure function from
//! `model::Plan` to text or bytes; `layout` holds what the documents share.

pub mod docx;
pub mod json;
pub(crate) mod layout;
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

/// A text as XML may hold it: XML 1.0 allows no control character but
/// tab and line breaks, nor U+FFFE and U+FFFF, and a Word or Excel file
/// holding one does not open. The checker reports such characters
/// (E0010), so a plan that builds has none; a model made another way has
/// each shown as U+FFFD (�) rather than a file that cannot be opened.
pub(crate) fn xml_text(text: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: char| !matches!(c, '\0'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}');
    if text.chars().all(allowed) {
        return std::borrow::Cow::Borrowed(text);
    }
    let safe = text
        .chars()
        .map(|c| if allowed(c) { c } else { '\u{FFFD}' })
        .collect();
    std::borrow::Cow::Owned(safe)
}
