//! Renderers: diagnostics for people (codespan-reporting) and for tools
//! (JSON lines, a SARIF log, GitHub Actions workflow commands). All take
//! the one [`Diagnostic`] model and a language.

pub mod cap;
pub mod escape;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

pub use human::{Style, emit_human, render_human};
pub use json::{json_line, render_json};
