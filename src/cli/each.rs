//! `perfplan check --each`: each file checked as a plan of its own, as a
//! pre-commit hook passes the changed files of a repository that holds
//! many plans (`.pre-commit-hooks.yaml`). Without it, the files named are
//! one plan, and two plans checked as one report false problems (a second
//! header, another framework).

use super::args::{CheckArgs, Cli};
use super::check_files;
use perfplan::check::Options;
use perfplan::diagnostic::Lang;
use std::process::ExitCode;

/// Checks each file alone and reports it; exits 1 if any has errors. A
/// file that cannot be read stops the run (exit 2), as in `check`.
pub fn run(args: &CheckArgs, cli: &Cli, lang: Lang, color: bool) -> miette::Result<ExitCode> {
    let options = Options {
        lints: args.lints.lint_settings(lang)?,
    };
    let mut failed = false;
    for file in &args.files {
        failed |= check_files(std::slice::from_ref(file), &options, cli, lang, color)?;
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
