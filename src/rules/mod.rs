//! The semantic rules, one module per rule (as Ruff does).
//!
//! Each rule module holds its check and its messages in both languages. Its
//! documentation (what it checks, why it matters to a reviewer, an example
//! and the fix) is two Markdown files beside it, included at compile time:
//! `money/sources_sum.rs` has `money/sources_sum.zh.md` and
//! `money/sources_sum.en.md`, each a line `# <title>`, a blank line and the
//! body (see [`crate::codes::CodeDoc`]). `perfplan explain CODE` prints that
//! documentation and `docs/diagnostics.md` is generated from it, through
//! [`registry`], the list of every code (the syntax codes' and the rules').
//!
//! A new rule: a module `<group>/<rule>.rs` with its `RULE` (documentation
//! `code_doc!("W0516", Warning, "<rule>")`, check, scope), its two `.md`
//! files, its place in the group's `RULES`, and a plan that triggers it
//! and one that does not in `tests/ui/rules/<group>/`.
//!
//! A rule reads the plan through [`Ctx`] and pushes diagnostics; it never
//! stops at the first problem. Its [`Scope`] says how much of the plan it
//! needs to see at once, which lets `check` hold a large plan's projects
//! one run at a time. Lint levels (`允许`/`警告`/`禁止` in the
//! plan, `-A/-W/-D` on the command line) are applied afterwards by
//! [`lint::apply`].

pub mod framework;
pub mod identity;
pub mod indicators;
pub mod lint;
pub mod money;
pub mod registry;
pub mod schedule;

use crate::codes::CodeDoc;
use crate::diagnostic::Diagnostic;
use crate::sema::Ctx;
use rayon::prelude::*;

/// A rule: its documentation (code, default severity, texts), its check
/// and its scope.
pub struct Rule {
    pub doc: CodeDoc,
    pub check: fn(&Ctx, &mut Vec<Diagnostic>),
    pub scope: Scope,
}

/// How much of a plan a rule must see at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The rule looks at one item at a time (a project with its indicators,
    /// the header, the overall part) against the plan's settings. It can
    /// run on a [`Ctx`] holding some of the projects: what it reports
    /// inside a project depends on that project and the items that are not
    /// projects only.
    Item,
    /// The rule compares items with each other (ids, codes, the department
    /// total, summaries against projects). It sees every project, but only
    /// its outline: id, name, code, unit, funds and goals (see
    /// [`crate::ast::Project::cut_to_outline`]).
    Plan,
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
    run_rules(ctx, all().collect())
}

/// Runs the rules of one scope, as [`run`] does.
pub fn run_scope(ctx: &Ctx, scope: Scope) -> Vec<Diagnostic> {
    run_rules(ctx, all().filter(|r| r.scope == scope).collect())
}

fn run_rules(ctx: &Ctx, rules: Vec<&Rule>) -> Vec<Diagnostic> {
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
