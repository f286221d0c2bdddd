//! The semantic rules, one module per rule (as Ruff does).
//!
//! Each rule module holds its check, its messages in both languages and its
//! documentation: what it checks, why it matters to a reviewer, an example
//! and the fix. `perfplan explain CODE` prints that documentation and
//! `docs/diagnostics.md` is generated from it.
//!
//! A rule reads the plan through [`Ctx`] and pushes diagnostics; it never
//! stops at the first problem. Lint levels (`允许`/`警告`/`禁止` in the
//! plan, `-A/-W/-D` on the command line) are applied afterwards by
//! [`lint::apply`].

pub mod framework;
pub mod identity;
pub mod indicators;
pub mod lint;
pub mod money;
pub mod schedule;

use crate::codes::CodeDoc;
use crate::diagnostic::Diagnostic;
use crate::sema::Ctx;
use rayon::prelude::*;

/// A rule: its documentation (code, default severity, texts) and its check.
pub struct Rule {
    pub doc: CodeDoc,
    pub check: fn(&Ctx, &mut Vec<Diagnostic>),
}

/// Every rule, in code order.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    framework::RULES
        .iter()
        .chain(money::RULES)
        .chain(schedule::RULES)
        .chain(indicators::RULES)
        .chain(identity::RULES)
        .copied()
}

/// Runs every rule over a plan. The rules run side by side (they only read
/// `ctx`); their diagnostics are joined in rule order, as if they had run
/// one after the other.
pub fn run(ctx: &Ctx) -> Vec<Diagnostic> {
    let rules: Vec<&Rule> = all().collect();
    let found: Vec<Vec<Diagnostic>> = rules
        .par_iter()
        .map(|rule| {
            let mut out = Vec::new();
            (rule.check)(ctx, &mut out);
            out
        })
        .collect();
    found.into_iter().flatten().collect()
}

impl Rule {
    /// A diagnostic of this rule, at its default severity.
    pub fn diagnostic(&self, message: crate::diagnostic::Message) -> Diagnostic {
        let mut d = Diagnostic::error(self.doc.code, message);
        d.severity = self.doc.severity;
        d
    }
}
