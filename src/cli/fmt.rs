//! `perfplan fmt`: rewrite plan files in the canonical layout.
//!
//! Which files: those named on the command line (a symbolic link named
//! there is written through, as `write.rs` says), and every `.plan` file
//! found by walking a directory named there, or the current directory when
//! none is named. The walk is ripgrep's (the `ignore` crate): it honours
//! `.gitignore` (in a git repository or not), `.ignore` and
//! `.perfplanignore` files, skips hidden files and directories, and never
//! follows a symbolic link, to a directory (which could lead out of the
//! tree, or round in a loop) or to a file (which the walk leaves alone).
//! The files are taken in sorted order.
//!
//! Nothing stops the run: a file that cannot be read, is not UTF-8, does
//! not parse or cannot be written is reported, and the other files are
//! still formatted. The exit code is then the worst of:
//! - 2 when a file or directory could not be read or a file not written;
//! - 1 when a file did not parse, or, with `--check`, would change;
//! - 0 otherwise.
//!
//! Output: `--check` lists the files that would change; `--stdout` and
//! `fmt -` print the formatted text. With `--message-format json` every
//! line on standard output is one JSON object: for `--check`, a diagnostic
//! (`perfplan::fmt`) per file that would change; for `--stdout` and `-`,
//! `{"file": …, "formatted": …}` per file.

use super::args::{Cli, FmtArgs, MessageFormat};
use super::write::write_atomically;
use super::{errors, input};
use perfplan::diagnostic::{Diagnostic, Lang, Severity};
use perfplan::format::{Options, format};
use perfplan::source::{SourceFile, SourceMap};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The name of the ignore file read only by perfplan.
const IGNORE_FILE: &str = ".perfplanignore";

/// Formats each file and returns the exit code described in the module's
/// documentation. Only a failure to write standard output stops the run.
pub fn run(args: &FmtArgs, cli: &Cli, lang: Lang, color: bool) -> miette::Result<ExitCode> {
    if cli.message_format == MessageFormat::Sarif {
        return Err(errors::fmt_no_sarif(lang));
    }
    let mut run = Run {
        args,
        cli,
        lang,
        color,
        options: Options {
            keywords: args.keywords.map(Lang::from),
        },
        io_failed: false,
        failed: false,
    };
    for path in run.files() {
        run.file(&path)?;
    }
    Ok(run.exit_code())
}

/// One run of `fmt`: its settings and what has gone wrong so far.
struct Run<'a> {
    args: &'a FmtArgs,
    cli: &'a Cli,
    lang: Lang,
    color: bool,
    options: Options,
    /// A file or directory could not be read, or a file not written.
    io_failed: bool,
    /// A file did not parse, or (`--check`) would change.
    failed: bool,
}

impl Run<'_> {
    /// 2 on an I/O failure, else 1 on a failure, else 0.
    fn exit_code(&self) -> ExitCode {
        match (self.io_failed, self.failed) {
            (true, _) => ExitCode::from(2),
            (false, true) => ExitCode::from(1),
            (false, false) => ExitCode::SUCCESS,
        }
    }

    /// Reports an error of the application (miette) and goes on.
    fn io_error(&mut self, report: miette::Report) {
        super::show_error(&report, self.cli.message_format);
        self.io_failed = true;
    }

    /// The files named, with each directory named replaced by the plan
    /// files under it; the current directory's when none is named.
    fn files(&mut self) -> Vec<PathBuf> {
        if self.args.files.is_empty() {
            return self.walk(Path::new("."));
        }
        let named = self.args.files.clone();
        let mut out = Vec::new();
        for path in named {
            if path.is_dir() {
                out.extend(self.walk(&path));
            } else {
                out.push(path);
            }
        }
        out
    }

    /// Every `.plan` file under `root`, sorted, as the module's
    /// documentation says; what cannot be read is reported.
    fn walk(&mut self, root: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for entry in walker(root).build() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    self.io_error(errors::cannot_walk(&e, self.lang));
                    continue;
                }
            };
            if let Some(e) = entry.error() {
                self.io_error(errors::cannot_walk(e, self.lang));
            }
            if is_plan_file(&entry) {
                let path = entry.into_path();
                out.push(
                    path.strip_prefix("./")
                        .map_or(path.clone(), Path::to_path_buf),
                );
            }
        }
        out.sort();
        out
    }

    /// Reads, formats and then prints, checks or writes one file.
    fn file(&mut self, path: &Path) -> miette::Result<()> {
        let source = match input::read(path, self.cli.stdin_name(), self.lang) {
            Ok(source) => source,
            Err(report) => {
                self.io_error(report);
                return Ok(());
            }
        };
        match format(&source.text, self.options) {
            Ok(formatted) => self.apply(path, &source, &formatted),
            Err(diagnostics) => {
                self.failed = true;
                self.show_syntax_errors(source, diagnostics)
            }
        }
    }

    /// Checks, prints or writes one formatted file.
    fn apply(&mut self, path: &Path, source: &SourceFile, formatted: &str) -> miette::Result<()> {
        // A file with lone `\r` line endings is rewritten with `\n`.
        let unchanged = formatted == source.text && !source.had_lone_cr();
        if self.args.check {
            if !unchanged {
                self.failed = true;
                return self.print_unformatted(&source.name);
            }
            return Ok(());
        }
        // `fmt -` formats standard input to standard output.
        if self.args.stdout || path == Path::new("-") {
            return self.print_formatted(&source.name, formatted);
        }
        if unchanged {
            return Ok(());
        }
        if let Err(e) = write_atomically(path, formatted) {
            self.io_error(errors::cannot_write(path, &e, self.lang));
        }
        Ok(())
    }

    fn json(&self) -> bool {
        self.cli.message_format == MessageFormat::Json
    }

    /// `--check`: names a file that would change, as a path or as a JSON
    /// diagnostic.
    fn print_unformatted(&self, name: &str) -> miette::Result<()> {
        let line = if self.json() {
            json_line(&WouldChange::new(name, self.lang))
        } else {
            perfplan::render::escape::for_terminal(name).into_owned()
        };
        super::print_out(&format!("{line}\n"), self.lang)
    }

    /// `--stdout`: prints a formatted file, as it is or as a JSON object.
    fn print_formatted(&self, name: &str, formatted: &str) -> miette::Result<()> {
        if self.json() {
            let line = json_line(&Formatted {
                file: name,
                formatted,
            });
            return super::print_out(&format!("{line}\n"), self.lang);
        }
        super::print_out(formatted, self.lang)
    }

    fn show_syntax_errors(
        &self,
        source: SourceFile,
        diagnostics: Vec<Diagnostic>,
    ) -> miette::Result<()> {
        let mut sources = SourceMap::new();
        sources.add(source);
        super::report(
            &sources,
            &diagnostics,
            self.cli.message_format,
            self.lang,
            self.color,
        )
    }
}

/// The walker of a directory: ignore files, no hidden entries, no links
/// followed, entries in name order.
fn walker(root: &Path) -> ignore::WalkBuilder {
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .follow_links(false)
        .hidden(true)
        .require_git(false)
        .add_custom_ignore_filename(IGNORE_FILE)
        .sort_by_file_name(|a, b| a.cmp(b));
    builder
}

/// A regular file (not a link to one) named `*.plan`.
fn is_plan_file(entry: &ignore::DirEntry) -> bool {
    entry.file_type().is_some_and(|t| t.is_file())
        && entry.path().extension().is_some_and(|e| e == "plan")
}

/// `fmt --check --message-format json`: a file that would change, shaped
/// as a diagnostic of `--message-format json` without a position.
#[derive(Serialize)]
struct WouldChange<'a> {
    code: &'static str,
    severity: Severity,
    message: &'static str,
    file: &'a str,
    labels: [(); 0],
    notes: [(); 0],
    help: Option<&'static str>,
}

impl<'a> WouldChange<'a> {
    fn new(file: &'a str, lang: Lang) -> Self {
        WouldChange {
            code: "perfplan::fmt",
            severity: Severity::Error,
            message: match lang {
                Lang::Zh => "文件需要重新格式化",
                Lang::En => "file would be reformatted",
            },
            file,
            labels: [],
            notes: [],
            help: None,
        }
    }
}

/// `fmt --stdout --message-format json`: one file's formatted text.
#[derive(Serialize)]
struct Formatted<'a> {
    file: &'a str,
    formatted: &'a str,
}

/// A value as one line of JSON (the values here always serialise).
fn json_line(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
}
