//! `perfplan fmt`: rewrite plan files in the canonical layout.

use super::args::{Cli, FmtArgs};
use super::write::write_atomically;
use super::{errors, input};
use perfplan::diagnostic::Lang;
use perfplan::format::{Options, format};
use perfplan::source::{SourceFile, SourceMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Formats each file. A file that does not parse is reported and left
/// untouched; the others are still formatted. Exit 1 when a file did not
/// parse, or, with `--check`, when a file would change.
pub fn run(args: &FmtArgs, cli: &Cli, lang: Lang, color: bool) -> miette::Result<ExitCode> {
    let options = Options {
        keywords: args.keywords.map(Lang::from),
    };
    let files: Vec<PathBuf> = if args.files.is_empty() {
        find_plans(Path::new("."))
    } else {
        args.files
            .iter()
            .flat_map(|p| {
                if p.is_dir() {
                    find_plans(p)
                } else {
                    vec![p.clone()]
                }
            })
            .collect()
    };
    let mut failed = false;
    for path in &files {
        let source = input::read(path, cli.stdin_name(), lang)?;
        match format(&source.text, options) {
            Ok(formatted) => failed |= apply(args, path, &source, &formatted, lang)?,
            Err(diagnostics) => {
                failed = true;
                show_syntax_errors(source, diagnostics, cli, lang, color)?;
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints, checks or writes one formatted file; true when `--check` finds
/// it unformatted.
fn apply(
    args: &FmtArgs,
    path: &Path,
    source: &SourceFile,
    formatted: &str,
    lang: Lang,
) -> miette::Result<bool> {
    // `fmt -` formats standard input to standard output.
    if args.stdout || path == Path::new("-") {
        super::print_out(formatted, lang)?;
        return Ok(false);
    }
    if formatted == source.text {
        return Ok(false);
    }
    if args.check {
        super::print_out(&format!("{}\n", path.display()), lang)?;
        return Ok(true);
    }
    write_atomically(path, formatted).map_err(|e| errors::cannot_write(path, &e, lang))?;
    Ok(false)
}

fn show_syntax_errors(
    source: SourceFile,
    diagnostics: Vec<perfplan::diagnostic::Diagnostic>,
    cli: &Cli,
    lang: Lang,
    color: bool,
) -> miette::Result<()> {
    let mut sources = SourceMap::new();
    sources.add(source);
    super::report(&sources, &diagnostics, cli.message_format, lang, color)
}

/// Every `.plan` file under a directory, sorted, skipping hidden
/// directories and `target`.
fn find_plans(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() && !name.starts_with('.') && name != "target" {
            out.extend(find_plans(&path));
        } else if path.extension().is_some_and(|e| e == "plan") {
            out.push(path.strip_prefix("./").unwrap_or(&path).to_path_buf());
        }
    }
    out.sort();
    out
}
