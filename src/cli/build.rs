//! `perfplan build`: check the plan, then write its JSON, Markdown, Word,
//! Excel or records output. The binary formats are written only to a file.

use super::args::{BuildArgs, Cli, Format, MessageFormat, RecordFormat};
use super::write;
use super::{Stream, errors, input, report_to};
use perfplan::build;
use perfplan::check::{Options, check};
use perfplan::diagnostic::{Diagnostic, Lang, error_count};
use perfplan::emit::records::{self, write_csv};
use perfplan::emit::{docx::to_docx_with, json::to_json, markdown::to_markdown, xlsx::to_xlsx};
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
    if args.format.is_some() && args.to != Format::Records {
        return Err(format_needs_records(args.to.name(), lang));
    }
    let options = Options {
        lints: args.lints.lint_settings(lang)?,
    };
    let sources = input::read_all(&args.files, cli.stdin_name(), lang)?;
    // The document on standard output is never mixed with JSON lines.
    let json_to = match args.output.as_deref() {
        Some(path) if path != Path::new("-") => Stream::Stdout,
        _ => Stream::Stderr,
    };
    // A SARIF log is written even without a diagnostic: an upload of it
    // closes the alerts of the last one.
    let sarif = cli.message_format == MessageFormat::Sarif;
    let shown = |diagnostics: &[Diagnostic]| -> miette::Result<bool> {
        if !diagnostics.is_empty() || sarif {
            let format = cli.message_format;
            report_to(&sources, diagnostics, format, lang, color, json_to)?;
        }
        Ok(error_count(diagnostics) > 0)
    };
    if matches!(args.to, Format::Json) {
        // The projects' JSON is made as they are checked, a run at a time,
        // and kept in a temporary file beside the output: the plan is
        // parsed once and never held whole in memory.
        let dir = spill_dir(args);
        let new_file = || tempfile::tempfile_in(&dir);
        let checked = build::check_for_json(&sources, &options, &new_file);
        if shown(&checked.outline.diagnostics)? {
            return Ok(ExitCode::from(1));
        }
        drop(sources);
        let spill_failed = |e: std::io::Error| errors::cannot_write(&dir, &e, lang);
        let build = checked
            .into_build()
            .map_err(spill_failed)?
            .ok_or_else(|| errors::cannot_build(lang))?;
        write_output(args, lang, |out| build.write(out))?;
        return Ok(ExitCode::SUCCESS);
    }
    let checked = check(&sources, &options);
    if shown(&checked.diagnostics)? {
        return Ok(ExitCode::from(1));
    }
    let ctx = Ctx::new(&checked.files);
    let plan = model::resolve(&ctx);
    // What the header says of the Word document's front matter.
    let (cover, toc) = (ctx.cover, ctx.toc);
    drop(ctx);
    // The model owns its text: the trees and the sources can go before
    // the document is made.
    drop(checked);
    drop(sources);
    let Some(plan) = plan else {
        return Err(errors::cannot_build(lang));
    };
    let render = |e: &dyn std::fmt::Display| errors::cannot_render(args.to.name(), e, lang);
    let doc_lang = args.document_lang(cli);
    let bytes = match args.to {
        Format::Json => to_json(&plan).into_bytes(),
        Format::Md => to_markdown(&plan, doc_lang).into_bytes(),
        Format::Docx => {
            to_docx_with(&plan, doc_lang, &args.docx_options(cover, toc)).map_err(|e| render(&e))?
        }
        Format::Xlsx => to_xlsx(&plan, doc_lang).map_err(|e| render(&e))?,
        Format::Records => {
            let records = records::records(&plan);
            let mut bytes = Vec::new();
            match args.format.unwrap_or(RecordFormat::Json) {
                RecordFormat::Json => records::write_json(&records, &mut bytes),
                RecordFormat::Csv => write_csv(&records, &mut bytes),
            }
            .map_err(|e| render(&e))?;
            bytes
        }
    };
    write_output(args, lang, |out| out.write_all(&bytes))?;
    Ok(ExitCode::SUCCESS)
}

/// Where `build --to json` keeps the projects' text of a large plan
/// until it is known to build, in unnamed temporary files: the output's
/// directory, or the system's temporary directory for standard output.
fn spill_dir(args: &BuildArgs) -> std::path::PathBuf {
    let Some(output) = args.output.as_deref().filter(|p| *p != Path::new("-")) else {
        return std::env::temp_dir();
    };
    let dir = output.parent().filter(|d| !d.as_os_str().is_empty());
    dir.unwrap_or(Path::new(".")).to_path_buf()
}

/// Writes the output to `-o FILE`, atomically, or to standard output.
fn write_output(
    args: &BuildArgs,
    lang: Lang,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> miette::Result<()> {
    match args.output.as_deref().filter(|p| *p != Path::new("-")) {
        Some(path) if write::is_one_of(path, &args.files) => {
            let refused = std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "it is one of the plan's own files, which the output would replace",
            );
            Err(errors::cannot_write(path, &refused, lang))
        }
        Some(path) => write::write_atomically_with(path, write)
            .map_err(|e| errors::cannot_write(path, &e, lang)),
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let written = write(&mut out).and_then(|()| out.flush());
            super::quiet_on_closed_pipe(written, lang)
        }
    }
}

/// A usage error of the command line, in the user's language.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{message}")]
#[diagnostic(code(perfplan::build))]
struct UsageError {
    message: String,
    #[help]
    help: String,
}

/// `--format` chooses between the forms of `--to records` alone.
fn format_needs_records(to: &str, lang: Lang) -> miette::Report {
    let (message, help) = match lang {
        Lang::Zh => (
            format!("`--format` 只用于 `--to records`，不能与 `--to {to}` 同用"),
            "例如 perfplan build plan.plan --to records --format csv -o records.csv".to_string(),
        ),
        Lang::En => (
            format!("`--format` is only for `--to records`, not `--to {to}`"),
            "for example: perfplan build plan.plan --to records --format csv -o records.csv"
                .to_string(),
        ),
    };
    miette::Report::new(UsageError { message, help })
}
