//! The compiler driver: from the source files of one plan to its syntax
//! trees and every diagnostic, sorted for display.

use crate::ast;
use crate::diagnostic::{self, Diagnostic};
use crate::source::SourceMap;
use crate::syntax;

/// The result of checking a plan.
#[derive(Debug, Default)]
pub struct Checked {
    /// One tree per file, in the order of the source map.
    pub files: Vec<ast::File>,
    /// Every problem found, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }
}

/// Parses every file of the plan and collects all diagnostics.
pub fn check(sources: &SourceMap) -> Checked {
    let mut checked = Checked::default();
    for (id, file) in sources.iter() {
        let (tree, diagnostics) = syntax::parse(id, &file.text);
        checked.files.push(tree);
        checked.diagnostics.extend(diagnostics);
    }
    diagnostic::sort(&mut checked.diagnostics);
    checked
}
