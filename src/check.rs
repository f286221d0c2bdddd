//! The compiler driver: from the source files of one plan to its syntax
//! trees and every diagnostic, sorted for display.

use crate::ast;
use crate::diagnostic::{self, Diagnostic};
use crate::rules::{self, lint};
use crate::sema::Ctx;
use crate::source::SourceMap;
use crate::syntax;
use rayon::prelude::*;

/// How to check: settings that come from outside the plan.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Lint levels from the command line (`-A/-W/-D CODE`); they win over
    /// the plan's own.
    pub lints: Vec<lint::Setting>,
}

/// The result of checking a plan.
#[derive(Debug, Default)]
pub struct Checked {
    /// One tree per file, in the order of the source map.
    pub files: Vec<ast::File>,
    /// Every problem found, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the semantic rules ran: they run only on a plan whose every
    /// line parsed, so that a broken line cannot cause false reports (a
    /// project "without funds" because its funds line did not parse).
    pub semantic_checked: bool,
}

impl Checked {
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }
}

/// Parses every file of the plan, runs every rule over the whole, applies
/// the lint levels and collects all diagnostics.
pub fn check(sources: &SourceMap, options: &Options) -> Checked {
    let mut checked = Checked::default();
    // The files are parsed in parallel (and a large file in parallel runs
    // of its items, see `syntax::parse`); the trees and diagnostics are
    // joined in the order of the source map.
    let files: Vec<_> = sources.iter().collect();
    let parsed: Vec<(ast::File, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|(id, file)| syntax::parse(*id, &file.text))
        .collect();
    for (tree, diagnostics) in parsed {
        checked.files.push(tree);
        checked.diagnostics.extend(diagnostics);
    }
    if checked.diagnostics.is_empty() {
        let ctx = Ctx::new(&checked.files);
        let found = rules::run(&ctx);
        let plan_lints = lint::plan_settings(&ctx);
        checked.diagnostics = lint::apply(found, &plan_lints, &options.lints);
        checked.semantic_checked = true;
    }
    diagnostic::sort(&mut checked.diagnostics);
    checked
}
