//! Diagnostics for tools: one JSON object per line (`--message-format json`).
//!
//! Lines and columns are 1-based; columns count Unicode characters, and
//! `utf16_column` counts UTF-16 units as editors do. `byte_start` and
//! `byte_end` are offsets in the file.

use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::source::{FileId, SourceMap, Span};
use serde::Serialize;

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    severity: Severity,
    message: &'a str,
    #[serde(flatten)]
    location: Option<JsonLocation<'a>>,
    labels: Vec<JsonLabel<'a>>,
    notes: Vec<&'a str>,
    help: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<JsonFix<'a>>,
}

/// A diagnostic's fix: what it does, whether `check --fix` applies it
/// (`safe`) or only `--unsafe-fixes`, and its edits.
#[derive(Serialize)]
struct JsonFix<'a> {
    message: &'a str,
    applicability: crate::diagnostic::Applicability,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    #[serde(flatten)]
    location: Option<JsonLocation<'a>>,
    replacement: &'a str,
}

#[derive(Serialize)]
struct JsonLocation<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    utf16_column: usize,
    byte_start: u32,
    byte_end: u32,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    primary: bool,
    message: &'a str,
    #[serde(flatten)]
    location: Option<JsonLocation<'a>>,
}

fn location<'a>(sources: &'a SourceMap, file: FileId, span: Span) -> Option<JsonLocation<'a>> {
    let source = sources.get(file)?;
    let start = source.position(span.start as usize);
    let end = source.position(span.end as usize);
    Some(JsonLocation {
        file: &source.name,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        utf16_column: start.utf16_column,
        byte_start: span.start,
        byte_end: span.end,
    })
}

/// One diagnostic as one line of JSON (no newline).
pub fn json_line(sources: &SourceMap, d: &Diagnostic, lang: Lang) -> String {
    let labels = d
        .labels
        .iter()
        .map(|l| JsonLabel {
            primary: l.style == crate::diagnostic::LabelStyle::Primary,
            message: l.message.get(lang),
            location: location(sources, l.file, l.span),
        })
        .collect();
    let value = JsonDiagnostic {
        code: d.code,
        severity: d.severity,
        message: d.message.get(lang),
        location: d.location().and_then(|(f, s)| location(sources, f, s)),
        labels,
        notes: d.notes.iter().map(|n| n.get(lang)).collect(),
        help: d.help.as_ref().map(|h| h.get(lang)),
        fix: d.fix.as_ref().map(|f| JsonFix {
            message: f.message.get(lang),
            applicability: f.applicability,
            edits: f
                .edits
                .iter()
                .map(|e| JsonEdit {
                    location: location(sources, e.file, e.span),
                    replacement: &e.replacement,
                })
                .collect(),
        }),
    };
    serde_json::to_string(&value).unwrap_or_default()
}

/// All diagnostics as JSON lines, each ending in a newline.
pub fn render_json(sources: &SourceMap, diagnostics: &[Diagnostic], lang: Lang) -> String {
    diagnostics
        .iter()
        .map(|d| json_line(sources, d, lang) + "\n")
        .collect()
}
