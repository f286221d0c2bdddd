//! Emitters: the resolved plan as JSON, and as the submission document in
//! Markdown, Word (.docx) and Excel (.xlsx). Each is a pure function from
//! `model::Plan` to text or bytes; `layout` holds what the documents share.

pub mod docx;
pub mod json;
mod layout;
pub mod markdown;
pub mod xlsx;
