//! `perfplan build`: check the plan, then write its JSON or Markdown.

use super::args::{BuildArgs, Cli, Format};
use super::{errors, input, report};
use perfplan::check::{Options, check};
use perfplan::diagnostic::Lang;
use perfplan::emit::{json::to_json, markdown::to_markdown};
use perfplan::model;
use perfplan::sema::Ctx;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Builds the output, or refuses a plan with errors (exit 1) after showing
/// its diagnostics. Warnings are shown and do not stop the build.
pub fn run(args: &BuildArgs, cli: &Cli, lang: Lang, color: bool) -> miette::Result<ExitCode> {
    let options = Options {
        lints: args.lints.lint_settings(lang)?,
    };
    let sources = input::read_all(&args.files, lang)?;
    let checked = check(&sources, &options);
    if !checked.diagnostics.is_empty() {
        report(&sources, &checked, cli.message_format, lang, color)?;
    }
    if checked.error_count() > 0 {
        return Ok(ExitCode::from(1));
    }
    let ctx = Ctx::new(&checked.files);
    let Some(plan) = model::resolve(&ctx) else {
        return Err(errors::cannot_build(lang));
    };
    let text = match args.to {
        Format::Json => to_json(&plan),
        Format::Md => to_markdown(&plan, lang),
    };
    match &args.output {
        Some(path) => {
            write_atomically(path, &text).map_err(|e| errors::cannot_write(path, &e, lang))?
        }
        None => std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .map_err(|e| errors::output_failed(e, lang))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes a temporary file beside the target, then renames it over the
/// target: readers see the old file or the new one, never half of one.
pub(crate) fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
