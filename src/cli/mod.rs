//! The command line: arguments, files, terminals and exit codes.
//!
//! Exit codes: 0 when there is no error, 1 when the plan has errors (or
//! warnings under `--deny warnings`), 2 on a usage or I/O failure. `fmt`
//! goes on past a file it cannot read and exits with the worst of its
//! files (`fmt.rs`); a run stopped by a signal ends as the signal would
//! (`cleanup.rs`).

mod args;
mod build;
mod cleanup;
mod diff;
mod each;
mod errors;
mod fix;
mod fmt;
mod help_zh;
mod import;
mod init;
mod input;
mod lsp;
mod machine;
mod shell;
mod write;

use args::{Cli, ColorArg, Command, MessageFormat};
use perfplan::check::check_outline;
use perfplan::diagnostic::Diagnostic;
use perfplan::diagnostic::Lang;
use perfplan::render;
use perfplan::rules::registry;
use perfplan::source::SourceMap;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Runs the command line and returns the exit code.
pub fn run() -> ExitCode {
    let cli = args::parse(lang_from_env());
    let lang = cli.lang.map(Lang::from).unwrap_or_else(lang_from_env);
    machine::set_lang(lang);
    let color = color_wanted(cli.color);
    errors::install_handler(color);
    let _ = MAX_PER_FILE.set(cli.max_diagnostics);
    let result = match &cli.command {
        Command::Check(a) if a.each => each::run(a, &cli, lang, color),
        Command::Check(a) => run_check(a, &cli, lang, color),
        Command::Build(a) => build::run(a, &cli, lang, color),
        Command::Fmt(a) => fmt::run(a, &cli, lang, color),
        Command::Diff(a) => diff::run(a, &cli, lang, color),
        Command::Import(a) => import::run(a, lang),
        Command::Init(a) => init::run(a, lang),
        Command::Schema(a) => {
            let schema = if a.records {
                perfplan::emit::records::schema()
            } else {
                perfplan::model::schema()
            };
            print_out(&schema, lang).map(|()| ExitCode::SUCCESS)
        }
        Command::Explain(a) => run_explain(&a.code, lang),
        Command::Lsp(_) => lsp::run(lang),
        Command::Completions(a) => shell::completions(a, lang),
        Command::Man(a) => shell::man(a, lang),
    };
    let code = match result {
        Ok(code) => code,
        Err(report) => {
            show_error(&report, cli.message_format);
            ExitCode::from(2)
        }
    };
    // `--message-format sarif`: the one log of the run, written last.
    match machine::finish_sarif(lang) {
        Ok(()) => code,
        Err(report) => {
            eprintln!("{report:?}");
            ExitCode::from(2)
        }
    }
}

/// Shows the command's own error: with miette for people; for tools, as
/// one line of JSON (the shape of a diagnostic, with no location) or one
/// GitHub workflow command on standard output, or a notification in the
/// SARIF log, so that each format for tools holds on every path.
pub(crate) fn show_error(report: &miette::Report, format: MessageFormat) {
    if format == MessageFormat::Sarif {
        machine::gather_report(report);
        return;
    }
    let Some(line) = machine::error_line(report, format) else {
        eprintln!("{report:?}");
        return;
    };
    let mut out = std::io::stdout().lock();
    if writeln!(out, "{line}").and_then(|()| out.flush()).is_err() {
        eprintln!("{report:?}");
    }
}

/// `--max-diagnostics`, set once when the command line is read.
static MAX_PER_FILE: std::sync::OnceLock<usize> = std::sync::OnceLock::new();

fn max_per_file() -> usize {
    MAX_PER_FILE
        .get()
        .copied()
        .unwrap_or(perfplan::render::cap::DEFAULT_PER_FILE)
}

fn run_check(
    args: &args::CheckArgs,
    cli: &Cli,
    lang: Lang,
    color: bool,
) -> miette::Result<ExitCode> {
    let options = perfplan::check::Options {
        lints: args.lints.lint_settings(lang)?,
    };
    if args.fix {
        return fix::run(args, &options, cli, lang, color);
    }
    let failed = check_files(&args.files, &options, cli, lang, color)?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Checks the files as one plan and reports what is found; whether the
/// plan has errors.
pub(crate) fn check_files(
    files: &[std::path::PathBuf],
    options: &perfplan::check::Options,
    cli: &Cli,
    lang: Lang,
    color: bool,
) -> miette::Result<bool> {
    let sources = input::read_all(files, cli.stdin_name(), lang)?;
    let checked = check_outline(&sources, options);
    report(
        &sources,
        &checked.diagnostics,
        cli.message_format,
        lang,
        color,
    )?;
    Ok(checked.error_count() > 0)
}

/// Shows the diagnostics in the chosen format, then a summary line for
/// people. JSON lines go to standard output.
pub(crate) fn report(
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
    format: MessageFormat,
    lang: Lang,
    color: bool,
) -> miette::Result<()> {
    report_to(sources, diagnostics, format, lang, color, Stream::Stdout)
}

/// Where JSON lines (GitHub workflow commands, the SARIF log) go: standard
/// output, or standard error when standard output carries the command's product (the document of `build`, the
/// changes of `diff`), so that neither stream mixes two kinds of text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stream {
    Stdout,
    Stderr,
}

/// [`report`], with JSON lines on the stream given. At most
/// `--max-diagnostics` per file are shown, and what is left out is said.
pub(crate) fn report_to(
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
    format: MessageFormat,
    lang: Lang,
    color: bool,
    json_to: Stream,
) -> miette::Result<()> {
    let io = |e: std::io::Error| errors::output_failed(e, lang);
    let (shown, omitted) = render::cap::cap(diagnostics, max_per_file());
    if format == MessageFormat::Sarif {
        machine::gather(sources, &shown, &omitted, lang, json_to);
        return Ok(());
    }
    if let Some(text) = machine::lines(sources, &shown, &omitted, format, lang) {
        let written = match json_to {
            Stream::Stdout => std::io::stdout().lock().write_all(text.as_bytes()),
            Stream::Stderr => std::io::stderr().lock().write_all(text.as_bytes()),
        };
        return quiet_on_closed_pipe(written, lang);
    }
    let choice = if color {
        codespan_reporting::term::termcolor::ColorChoice::Always
    } else {
        codespan_reporting::term::termcolor::ColorChoice::Never
    };
    let mut err = codespan_reporting::term::termcolor::StandardStream::stderr(choice);
    let style = match format {
        MessageFormat::Short => render::Style::Short,
        _ => render::Style::Rich,
    };
    let shown: Vec<Diagnostic> = shown.into_iter().cloned().collect();
    render::emit_human(&mut err, sources, &shown, lang, style).map_err(io)?;
    for o in &omitted {
        let line = o.message(sources, lang);
        writeln!(err, "{}", render::escape::for_terminal(&line)).map_err(io)?;
    }
    writeln!(err, "{}", summary(sources, diagnostics, lang)).map_err(io)?;
    Ok(())
}

fn summary(sources: &SourceMap, diagnostics: &[Diagnostic], lang: Lang) -> String {
    let line = counts(sources, diagnostics, lang);
    let fixable = perfplan::fix::applicable(diagnostics, false).count();
    match lang {
        _ if fixable == 0 => line,
        Lang::Zh => format!("{line}\n其中 {fixable} 处可用 `perfplan check --fix` 自动修复"),
        Lang::En => format!("{line}\n{fixable} of them can be fixed with `perfplan check --fix`"),
    }
}

/// How many files were checked and how many errors and warnings they have.
fn counts(sources: &SourceMap, diagnostics: &[Diagnostic], lang: Lang) -> String {
    let files = sources.iter().count();
    let errors = perfplan::diagnostic::error_count(diagnostics);
    let warnings = diagnostics.len() - errors;
    match lang {
        Lang::Zh if errors + warnings == 0 => format!("检查通过：{files} 个文件，没有发现问题"),
        Lang::Zh => format!("检查完成：{files} 个文件，{errors} 个错误，{warnings} 个警告"),
        Lang::En if errors + warnings == 0 => {
            format!("check passed: {files} file(s), no problems found")
        }
        Lang::En => {
            format!("check finished: {files} file(s), {errors} error(s), {warnings} warning(s)")
        }
    }
}

fn run_explain(code: &str, lang: Lang) -> miette::Result<ExitCode> {
    let Some(doc) = registry::lookup(code) else {
        return Err(errors::unknown_code(code, lang));
    };
    let level = match (doc.severity, lang) {
        (perfplan::diagnostic::Severity::Error, Lang::Zh) => "错误",
        (perfplan::diagnostic::Severity::Warning, Lang::Zh) => "警告",
        (perfplan::diagnostic::Severity::Error, Lang::En) => "error",
        (perfplan::diagnostic::Severity::Warning, Lang::En) => "warning",
    };
    let text = format!(
        "{} ({}): {}\n\n{}\n",
        doc.code,
        level,
        doc.title(lang),
        doc.doc(lang)
    );
    print_out(&text, lang).map(|()| ExitCode::SUCCESS)
}

/// Writes to standard output, as every Unix tool does: a reader that has
/// gone (`| head`) ends the output quietly; any other failure (a full
/// disk) is an error, never a panic.
pub(crate) fn print_out(text: &str, lang: Lang) -> miette::Result<()> {
    let mut out = std::io::stdout().lock();
    let written = out.write_all(text.as_bytes()).and_then(|()| out.flush());
    quiet_on_closed_pipe(written, lang)
}

/// A write's result with a closed pipe taken as the end of the output.
pub(crate) fn quiet_on_closed_pipe(written: std::io::Result<()>, lang: Lang) -> miette::Result<()> {
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| errors::output_failed(e, lang)),
    }
}

/// The language of messages from the locale: Chinese for `zh_*`.
fn lang_from_env() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .map(|v| Lang::from_locale(&v))
        .unwrap_or(Lang::En)
}

/// Whether to colour the output: `--color`, then `NO_COLOR`, then whether
/// standard error is a terminal.
fn color_wanted(arg: ColorArg) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stderr().is_terminal()
        }
    }
}
