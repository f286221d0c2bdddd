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
    let config = config(style);
    // The plan's text and file names are shown, never obeyed.
    let mut out = super::escape::Escaping::new(out);
    for d in diagnostics {
        let (files, d) = view_of(sources, d, lang);
        term::emit_to_write_style(&mut out, &config, &files, &d).map_err(io_error)?;
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
    let config = config(style);
    diagnostics
        .iter()
        .map(|d| {
            let (files, d) = view_of(sources, d, lang);
            term::emit_into_string(&config, &files, &d).unwrap_or_default()
        })
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

/// A line longer than this (in bytes) is shown only around its labels.
const LONG_LINE: usize = 1000;

/// How much of a long line is shown on each side of the labels, in bytes
/// (about 40 Chinese characters).
const CONTEXT: usize = 120;

/// The file database for one diagnostic, and the diagnostic in its terms.
/// A diagnostic whose labels all lie on one long line (thousands of
/// checkpoints on one `支出计划` line) is shown on a window of that line,
/// `…` at either end cut: printing the whole line for each of its
/// diagnostics would make the output quadratic in the line.
fn view_of<'a>(
    sources: &'a SourceMap,
    d: &Diagnostic,
    lang: Lang,
) -> (FilesView<'a>, cs::Diagnostic<FileId>) {
    let mut cs = to_codespan(d, lang);
    let window = Window::around(sources, d);
    if let Some(w) = &window {
        let (inside, outside): (Vec<_>, Vec<_>) = std::mem::take(&mut cs.labels)
            .into_iter()
            .partition(|l| l.file_id != w.file || w.holds(&l.range));
        cs.labels = inside
            .into_iter()
            .map(|mut l| {
                if l.file_id == w.file {
                    l.range = w.to_view(l.range.start)..w.to_view(l.range.end);
                }
                l
            })
            .collect();
        // A label the window leaves out is said as a note with its place.
        let notes = outside.into_iter().filter_map(|l| {
            let p = sources.get(l.file_id)?.position(l.range.start);
            Some(format!("{}:{}: {}", p.line, p.column, l.message))
        });
        let at = cs.notes.len().saturating_sub(usize::from(d.help.is_some()));
        cs.notes.splice(at..at, notes);
    }
    (FilesView { sources, window }, cs)
}

/// A cut of one long line, shown as the whole of its file.
struct Window {
    file: FileId,
    /// The 0-based index of the line in its file.
    line_index: usize,
    /// Where the cut starts in the file.
    start: usize,
    /// `…`, the cut, `…`.
    text: String,
    /// The length of the leading `…` (0 when the cut starts the line).
    lead: usize,
}

impl Window {
    /// The window around a diagnostic's primary label when that label
    /// lies on a line longer than [`LONG_LINE`].
    fn around(sources: &SourceMap, d: &Diagnostic) -> Option<Window> {
        let first = d
            .labels
            .iter()
            .find(|l| l.style == LabelStyle::Primary)
            .or(d.labels.first())?;
        let file = sources.get(first.file)?;
        let line_index = file.position(first.span.start as usize).line - 1;
        let line = file.line_range(line_index)?;
        if line.len() <= LONG_LINE {
            return None;
        }
        let from = first.span.start as usize;
        let to = (first.span.end as usize).min(line.end);
        let text = &file.text;
        let start = floor(text, from.saturating_sub(CONTEXT).max(line.start));
        let end = ceil(text, (to + CONTEXT).min(line.end));
        let lead = if start > line.start { "…" } else { "" };
        let tail = if end < line.end { "…" } else { "" };
        let cut = text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r']);
        Some(Window {
            file: first.file,
            line_index,
            start,
            text: format!("{lead}{cut}{tail}"),
            lead: lead.len(),
        })
    }

    /// Whether a range of the file lies within the cut.
    fn holds(&self, range: &Range<usize>) -> bool {
        let end = self.start + self.text.len() - self.lead;
        range.start >= self.start && range.end <= end
    }

    /// An offset in the file as an offset in the window's text.
    fn to_view(&self, offset: usize) -> usize {
        (offset + self.lead)
            .saturating_sub(self.start)
            .min(self.text.len())
    }

    /// An offset in the window's text as an offset in the file.
    fn to_file(&self, offset: usize) -> usize {
        (offset + self.start).saturating_sub(self.lead)
    }
}

fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The source map as codespan's file database, with one file possibly
/// shown through a [`Window`].
struct FilesView<'a> {
    sources: &'a SourceMap,
    window: Option<Window>,
}

impl FilesView<'_> {
    fn window_of(&self, id: FileId) -> Option<&Window> {
        self.window.as_ref().filter(|w| w.file == id)
    }
}

impl<'a> Files<'a> for FilesView<'a> {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.sources
            .get(id)
            .map(|f| f.name.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        if let Some(w) = self.window_of(id) {
            return Ok(&w.text);
        }
        self.sources
            .get(id)
            .map(|f| f.text.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        if let Some(w) = self.window_of(id) {
            return Ok(w.line_index);
        }
        let file = self.sources.get(id).ok_or(FilesError::FileMissing)?;
        Ok(file.position(byte_index).line - 1)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        if let Some(w) = self.window_of(id) {
            let len = w.text.len();
            return Ok(if line_index == w.line_index {
                0..len
            } else {
                len..len
            });
        }
        let file = self.sources.get(id).ok_or(FilesError::FileMissing)?;
        file.line_range(line_index).ok_or(FilesError::LineTooLarge {
            given: line_index,
            max: file.line_count().saturating_sub(1),
        })
    }

    fn column_number(
        &'a self,
        id: FileId,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, FilesError> {
        let file = self.sources.get(id).ok_or(FilesError::FileMissing)?;
        let Some(w) = self.window_of(id) else {
            let start = self.line_range(id, line_index)?.start;
            let before = file.text.get(start..byte_index).unwrap_or("");
            return Ok(before.chars().count() + 1);
        };
        Ok(file.position(w.to_file(byte_index)).column)
    }
}
