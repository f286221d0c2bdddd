//! `perfplan build`: check the plan, then write its JSON, Markdown, Word
//! or Excel output. The binary formats are written only to a file.

use super::args::{BuildArgs, Cli, Format};
use super::{errors, input, report};
use perfplan::check::{Options, check};
use perfplan::diagnostic::Lang;
use perfplan::emit::{docx::to_docx, json::to_json, markdown::to_markdown, xlsx::to_xlsx};
use perfplan::model;
use perfplan::sema::Ctx;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Builds the output, or refuses a plan with errors (exit 1) after showing
/// its diagnostics. Warnings are shown and do not stop the build.
pub fn run(args: &BuildArgs, cli: &Cli, lang: Lang, color: bool) -> miette::Result<ExitCode> {
    if args.to.is_binary() && args.output.is_none() {
        return Err(errors::needs_output(args.to.name(), lang));
    }
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
    let render = |e: &dyn std::fmt::Display| errors::cannot_render(args.to.name(), e, lang);
    let bytes = match args.to {
        Format::Json => to_json(&plan).into_bytes(),
        Format::Md => to_markdown(&plan, lang).into_bytes(),
        Format::Docx => to_docx(&plan, lang).map_err(|e| render(&e))?,
        Format::Xlsx => to_xlsx(&plan, lang).map_err(|e| render(&e))?,
    };
    match &args.output {
        Some(path) => {
            write_atomically(path, &bytes).map_err(|e| errors::cannot_write(path, &e, lang))?
        }
        None => std::io::stdout()
            .lock()
            .write_all(&bytes)
            .map_err(|e| errors::output_failed(e, lang))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes a temporary file beside the target, then renames it over the
/// target: readers see the old file or the new one, never half of one.
pub(crate) fn write_atomically(path: &Path, bytes: impl AsRef<[u8]>) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes.as_ref())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
