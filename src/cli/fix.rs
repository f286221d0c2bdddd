//! `perfplan check --fix`: apply the checker's fixes to the plan's files,
//! then report what is left.

use super::args::{CheckArgs, Cli};
use super::write::write_atomically;
use super::{errors, input, print_out, report};
use perfplan::check::Options;
use perfplan::diagnostic::{Applicability, Diagnostic, Lang};
use perfplan::fix::{Fixed, fix_plan};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Fixes the files of `args` in place (standard input's text goes to
/// standard output, fixed), then shows the diagnostics of the fixed plan
/// and a line saying what was fixed. Exit code as `check`'s, for what is
/// left.
pub fn run(
    args: &CheckArgs,
    options: &Options,
    cli: &Cli,
    lang: Lang,
    color: bool,
) -> miette::Result<ExitCode> {
    let sources = input::read_all(&args.files, cli.stdin_name(), lang)?;
    let files = sources
        .iter()
        .map(|(_, f)| (f.name.clone(), f.text.clone()))
        .collect();
    let fixed = fix_plan(files, options, args.unsafe_fixes);
    for (path, file) in args.files.iter().zip(&fixed.files) {
        if path == Path::new("-") {
            print_out(&file.text, lang)?;
        } else if file.fixed > 0 {
            write_atomically(path, &file.text).map_err(|e| errors::cannot_write(path, &e, lang))?;
        }
    }
    report(
        &fixed.sources,
        &fixed.diagnostics,
        cli.message_format,
        lang,
        color,
    )?;
    if cli.message_format != super::args::MessageFormat::Json {
        let line = summary(&fixed, args.unsafe_fixes, lang);
        let _ = writeln!(std::io::stderr(), "{line}");
    }
    Ok(
        if perfplan::diagnostic::error_count(&fixed.diagnostics) > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        },
    )
}

/// How many problems were fixed, in how many files, and how many more an
/// unsafe fix would mend.
fn summary(fixed: &Fixed, unsafe_applied: bool, lang: Lang) -> String {
    let total = fixed.total();
    let files = fixed.files.iter().filter(|f| f.fixed > 0).count();
    let waiting = if unsafe_applied {
        0
    } else {
        unsafe_left(&fixed.diagnostics)
    };
    let mut line = match lang {
        Lang::Zh => format!("已修复 {total} 处问题（{files} 个文件）"),
        Lang::En => format!("fixed {total} problem(s) in {files} file(s)"),
    };
    if waiting > 0 {
        line.push_str(&match lang {
            Lang::Zh => format!(
                "；另有 {waiting} 处可用 `--fix --unsafe-fixes` 修复（会改动数值或用词，请先核对）"
            ),
            Lang::En => format!(
                "; {waiting} more can be fixed with `--fix --unsafe-fixes` (they change a figure or a word: review them)"
            ),
        });
    }
    line
}

/// How many diagnostics have an unsafe fix.
fn unsafe_left(diagnostics: &[Diagnostic]) -> usize {
    diagnostics
        .iter()
        .filter(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Unsafe)
        })
        .count()
}
