//! The message formats for tools: JSON lines and GitHub workflow commands
//! are written as each report is made; the SARIF log is gathered over the
//! whole run (a run may report more than once: `diff` each version, the
//! command's own error after its diagnostics) and written once, at its
//! end ([`finish_sarif`]).
//!
//! The log goes where JSON lines would go: standard output, or standard
//! error when standard output carries the command's product (`build`
//! to standard output, `diff`).

use super::Stream;
use super::args::MessageFormat;
use perfplan::diagnostic::{Diagnostic, Lang};
use perfplan::render::{self, cap::Omitted, sarif::SarifLog};
use perfplan::source::SourceMap;
use std::io::Write;
use std::sync::{Mutex, OnceLock};

/// The SARIF log of this run, once something has been reported, and the
/// stream it goes to.
static SARIF: Mutex<Option<(SarifLog, Stream)>> = Mutex::new(None);

/// The language of messages, set once when the command line is read: an
/// error may open the log before any report does.
static LANG: OnceLock<Lang> = OnceLock::new();

/// Sets the language of the run's messages.
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The lines of the formats written as they come (JSON, GitHub), each
/// ending in a newline; `None` for the other formats.
pub fn lines(
    sources: &SourceMap,
    shown: &[&Diagnostic],
    omitted: &[Omitted],
    format: MessageFormat,
    lang: Lang,
) -> Option<String> {
    let mut text = String::new();
    match format {
        MessageFormat::Json => {
            for d in shown {
                text.push_str(&render::json_line(sources, d, lang));
                text.push('\n');
            }
            for o in omitted {
                text.push_str(&o.json_line(sources, lang));
                text.push('\n');
            }
        }
        MessageFormat::Github => {
            for d in shown {
                text.push_str(&render::github::github_line(sources, d, lang));
                text.push('\n');
            }
            for o in omitted {
                text.push_str(&render::github::omitted_line(o, sources, lang));
                text.push('\n');
            }
        }
        _ => return None,
    }
    Some(text)
}

/// Adds diagnostics to the run's SARIF log; the first report decides the
/// stream.
pub fn gather(
    sources: &SourceMap,
    shown: &[&Diagnostic],
    omitted: &[Omitted],
    lang: Lang,
    stream: Stream,
) {
    let mut log = SARIF.lock().unwrap_or_else(|e| e.into_inner());
    let (log, _) = log.get_or_insert_with(|| (SarifLog::new(lang), stream));
    log.add(sources, shown, omitted);
}

/// Adds an error of the command itself to the run's SARIF log (on
/// standard output unless a report chose standard error).
fn gather_error(code: &str, message: &str) {
    let lang = LANG.get().copied().unwrap_or_default();
    let mut log = SARIF.lock().unwrap_or_else(|e| e.into_inner());
    let (log, _) = log.get_or_insert_with(|| (SarifLog::new(lang), Stream::Stdout));
    log.add_error(code, message);
}

/// Writes the run's SARIF log, if anything was reported in SARIF.
pub fn finish_sarif(lang: Lang) -> miette::Result<()> {
    let taken = SARIF.lock().unwrap_or_else(|e| e.into_inner()).take();
    let Some((log, stream)) = taken else {
        return Ok(());
    };
    let text = log.to_json();
    let written = match stream {
        Stream::Stdout => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes()).and_then(|()| out.flush())
        }
        Stream::Stderr => std::io::stderr().lock().write_all(text.as_bytes()),
    };
    super::quiet_on_closed_pipe(written, lang)
}

/// The command's own error as one line in a format for tools, with its
/// help: a JSON object or a workflow command. `None` for the formats
/// people read, and for SARIF ([`gather_report`]).
pub fn error_line(report: &miette::Report, format: MessageFormat) -> Option<String> {
    let code = super::errors::code_of(report);
    match format {
        MessageFormat::Json => Some(
            serde_json::json!({
                "code": code,
                "severity": "error",
                "message": report.to_string(),
                "labels": [],
                "notes": [],
                "help": report.help().map(|h| h.to_string()),
            })
            .to_string(),
        ),
        MessageFormat::Github => Some(render::github::error_line(
            code.unwrap_or(OTHER_ERROR),
            &with_help(report),
        )),
        MessageFormat::Human | MessageFormat::Short | MessageFormat::Sarif => None,
    }
}

/// The code of an error that is not one of ours.
const OTHER_ERROR: &str = "perfplan::error";

/// Adds the command's own error to the run's SARIF log.
pub fn gather_report(report: &miette::Report) {
    let code = super::errors::code_of(report).unwrap_or(OTHER_ERROR);
    gather_error(code, &with_help(report));
}

/// An error's message, then its help on a line of its own.
fn with_help(report: &miette::Report) -> String {
    match report.help() {
        Some(help) => format!("{report}\n{help}"),
        None => report.to_string(),
    }
}
