//! Lint levels: which warnings a plan allows, warns about or denies.
//!
//! Every `W` code is a lint with a default level of "warn". A plan sets
//! levels in its header (`允许 W0506`, `警告 …`, `禁止 …`; `warnings`
//! names them all); the command line's `-A/-W/-D CODE` overrides the plan.
//! Errors (`E` codes) cannot be allowed.

use crate::ast::PlanStmt;
use crate::diagnostic::{Diagnostic, Severity};
use crate::syntax::keywords::Kw;

/// What to do with a lint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Allow,
    Warn,
    Deny,
}

/// A level set for a code, or for all warnings (`code == "warnings"`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting {
    pub code: String,
    pub level: Level,
}

/// Whether a code names a lint (or the `warnings` group).
pub fn is_lint(code: &str) -> bool {
    code.eq_ignore_ascii_case("warnings")
        || (code.starts_with(['W', 'w']) && super::registry::lookup(code).is_some())
}

/// The settings a plan's headers make, in order.
pub fn plan_settings(ctx: &crate::sema::Ctx) -> Vec<Setting> {
    let mut settings = Vec::new();
    for header in &ctx.headers {
        for stmt in &header.body {
            let PlanStmt::Lint { keyword, codes, .. } = stmt else {
                continue;
            };
            let level = match keyword.kw {
                Kw::Allow => Level::Allow,
                Kw::Deny => Level::Deny,
                _ => Level::Warn,
            };
            settings.extend(codes.iter().map(|c| Setting {
                code: c.value.clone(),
                level,
            }));
        }
    }
    settings
}

/// Applies the plan's settings, then the command line's, to the
/// diagnostics of lints; other diagnostics pass unchanged.
pub fn apply(diagnostics: Vec<Diagnostic>, plan: &[Setting], cli: &[Setting]) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .filter_map(|mut d| {
            if !d.code.starts_with('W') {
                return Some(d);
            }
            match level_for(d.code, plan.iter().chain(cli)) {
                Some(Level::Allow) => None,
                Some(Level::Deny) => {
                    d.severity = Severity::Error;
                    Some(d)
                }
                Some(Level::Warn) | None => Some(d),
            }
        })
        .collect()
}

/// The last setting that names a code (or all warnings) wins.
fn level_for<'s>(code: &str, settings: impl Iterator<Item = &'s Setting>) -> Option<Level> {
    settings
        .filter(|s| s.code.eq_ignore_ascii_case(code) || s.code.eq_ignore_ascii_case("warnings"))
        .last()
        .map(|s| s.level)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msg;

    fn warning() -> Diagnostic {
        Diagnostic::warning("W0506", msg!("x", "x"))
    }

    fn set(code: &str, level: Level) -> Setting {
        Setting {
            code: code.into(),
            level,
        }
    }

    #[test]
    fn the_command_line_wins_over_the_plan() {
        let plan = [set("W0506", Level::Allow)];
        assert!(apply(vec![warning()], &plan, &[]).is_empty());
        let cli = [set("W0506", Level::Deny)];
        let out = apply(vec![warning()], &plan, &cli);
        assert_eq!(out[0].severity, Severity::Error);
    }

    #[test]
    fn warnings_names_every_lint_and_errors_stay() {
        let out = apply(
            vec![warning(), Diagnostic::error("E0301", msg!("x", "x"))],
            &[],
            &[set("warnings", Level::Allow)],
        );
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].code, "E0301");
    }
}
