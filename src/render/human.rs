//! Diagnostics for people, rendered by codespan-reporting: rustc-like,
//! coloured on a terminal and plain otherwise.

use crate::diagnostic::{Diagnostic, LabelStyle, Lang, Severity};
use crate::source::{FileId, SourceMap};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, Config, DisplayStyle, termcolor::WriteColor};
use std::io::Write;
use std::ops::Range;

/// How much of each diagnostic to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Style {
    /// The message, the source lines with labels, notes and help.
    #[default]
    Rich,
    /// One line: `file:line:column: error[CODE]: message`.
    Short,
}

/// Writes diagnostics to a terminal or any colour-aware writer.
pub fn emit_human(
    out: &mut dyn WriteColor,
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
    lang: Lang,
    style: Style,
) -> std::io::Result<()> {
    let files = FilesView(sources);
    let config = config(style);
    // The plan's text and file names are shown, never obeyed.
    let mut out = super::escape::Escaping::new(out);
    for d in diagnostics {
        term::emit_to_write_style(&mut out, &config, &files, &to_codespan(d, lang))
            .map_err(io_error)?;
    }
    out.flush()
}

/// Renders diagnostics to plain text, as in snapshots.
pub fn render_human(
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
    lang: Lang,
    style: Style,
) -> String {
    let files = FilesView(sources);
    let config = config(style);
    diagnostics
        .iter()
        .map(|d| term::emit_into_string(&config, &files, &to_codespan(d, lang)).unwrap_or_default())
        .map(|text| super::escape::for_terminal(&text).into_owned())
        .collect()
}

fn config(style: Style) -> Config {
    Config {
        display_style: match style {
            Style::Rich => DisplayStyle::Rich,
            Style::Short => DisplayStyle::Short,
        },
        ..Config::default()
    }
}

fn io_error(e: FilesError) -> std::io::Error {
    match e {
        FilesError::Io(e) => e,
        other => std::io::Error::other(other.to_string()),
    }
}

/// The codespan form of a diagnostic, in one language. codespan has no
/// help field: help is the last note, prefixed `help:`.
fn to_codespan(d: &Diagnostic, lang: Lang) -> cs::Diagnostic<FileId> {
    let severity = match d.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
    };
    let labels = d
        .labels
        .iter()
        .map(|l| {
            let style = match l.style {
                LabelStyle::Primary => cs::LabelStyle::Primary,
                LabelStyle::Secondary => cs::LabelStyle::Secondary,
            };
            cs::Label::new(style, l.file, l.span.range()).with_message(l.message.get(lang))
        })
        .collect();
    let mut notes: Vec<String> = d.notes.iter().map(|n| n.get(lang).to_string()).collect();
    if let Some(help) = &d.help {
        notes.push(format!("help: {}", help.get(lang)));
    }
    cs::Diagnostic::new(severity)
        .with_code(d.code)
        .with_message(d.message.get(lang))
        .with_labels(labels)
        .with_notes(notes)
}

/// The source map as codespan's file database.
struct FilesView<'a>(&'a SourceMap);

impl<'a> Files<'a> for FilesView<'a> {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.0
            .get(id)
            .map(|f| f.name.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.0
            .get(id)
            .map(|f| f.text.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        let file = self.0.get(id).ok_or(FilesError::FileMissing)?;
        Ok(file.position(byte_index).line - 1)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        let file = self.0.get(id).ok_or(FilesError::FileMissing)?;
        file.line_range(line_index).ok_or(FilesError::LineTooLarge {
            given: line_index,
            max: file.line_count().saturating_sub(1),
        })
    }
}
