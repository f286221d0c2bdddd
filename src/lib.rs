//! perfplan: a compiler for budget performance plans (预算绩效目标).
//!
//! The library is pure: it takes source text and returns values and
//! diagnostics. Only the binary (`src/main.rs`, `src/cli`) touches files,
//! terminals and exit codes. See ARCHITECTURE.md for the phases.

pub mod ast;
pub mod build;
pub mod check;
pub mod codes;
pub mod diagnostic;
pub mod diff;
pub mod emit;
pub mod fix;
pub mod format;
pub mod ide;
pub mod import;
pub mod lsp;
pub mod model;
pub mod render;
pub mod rules;
pub mod sema;
pub mod source;
pub mod starter;
pub mod syntax;
pub mod values;
