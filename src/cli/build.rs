//! `perfplan build`: check the plan, then write its JSON, Markdown, Word
//! or Excel output. The binary formats are written only to a file.

use super::args::{BuildArgs, Cli, Format};
use super::{errors, input, report};
use perfplan::check::{Options, check};
use perfplan::diagnostic::Lang;
use perfplan::emit::{docx::to_docx, json::write_json, markdown::to_markdown, xlsx::to_xlsx};
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
    let plan = model::resolve(&Ctx::new(&checked.files));
    // The model owns its text: the trees and the sources can go before
    // the output is written, which bounds the peak memory of a large plan.
    drop(checked);
    drop(sources);
    let Some(plan) = plan else {
        return Err(errors::cannot_build(lang));
    };
    let render = |e: &dyn std::fmt::Display| errors::cannot_render(args.to.name(), e, lang);
    let bytes = match args.to {
        Format::Json => None,
        Format::Md => Some(to_markdown(&plan, lang).into_bytes()),
        Format::Docx => Some(to_docx(&plan, lang).map_err(|e| render(&e))?),
        Format::Xlsx => Some(to_xlsx(&plan, lang).map_err(|e| render(&e))?),
    };
    // JSON is written as it is serialised; the other formats as built.
    let write = |out: &mut dyn Write| match &bytes {
        Some(b) => out.write_all(b),
        None => write_json(&plan, out),
    };
    match &args.output {
        Some(path) => {
            write_atomically_with(path, write).map_err(|e| errors::cannot_write(path, &e, lang))?
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            write(&mut out)
                .and_then(|()| out.flush())
                .map_err(|e| errors::output_failed(e, lang))?
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes a temporary file beside the target, then renames it over the
/// target: readers see the old file or the new one, never half of one.
pub(crate) fn write_atomically(path: &Path, bytes: impl AsRef<[u8]>) -> std::io::Result<()> {
    write_atomically_with(path, |out| out.write_all(bytes.as_ref()))
}

/// [`write_atomically`], with the content written by `write`.
pub(crate) fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = tempfile::NamedTempFile::new_in(dir)?;
    let mut out = std::io::BufWriter::new(tmp);
    write(&mut out)?;
    let tmp = out.into_inner().map_err(|e| e.into_error())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
