//! At most so many diagnostics per file are shown, as compilers do: a file
//! of a million broken lines would otherwise make a gigabyte of output.
//! What is left out is counted, per file, and said.

use crate::diagnostic::{Diagnostic, Lang};
use crate::source::{FileId, SourceMap};
use serde::Serialize;

/// How many diagnostics of one file are shown unless the user says
/// otherwise (`--max-diagnostics`).
pub const DEFAULT_PER_FILE: usize = 1000;

/// The diagnostics of one file (or of none) that were not shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Omitted {
    pub file: Option<FileId>,
    pub errors: usize,
    pub warnings: usize,
}

/// The diagnostics to show — the first `per_file` of each file, in the
/// order given (sorted by file and position) — and what was left out.
/// `per_file == 0` shows them all.
pub fn cap(diagnostics: &[Diagnostic], per_file: usize) -> (Vec<&Diagnostic>, Vec<Omitted>) {
    let mut shown = Vec::with_capacity(diagnostics.len().min(per_file.max(1) * 4));
    let mut omitted: Vec<Omitted> = Vec::new();
    let mut current: Option<(Option<FileId>, usize)> = None;
    for d in diagnostics {
        let file = d.location().map(|(f, _)| f);
        let count = match current {
            Some((f, n)) if f == file => n + 1,
            _ => 1,
        };
        current = Some((file, count));
        if per_file == 0 || count <= per_file {
            shown.push(d);
            continue;
        }
        match omitted.last_mut().filter(|o| o.file == file) {
            Some(o) if d.is_error() => o.errors += 1,
            Some(o) => o.warnings += 1,
            None => omitted.push(Omitted {
                file,
                errors: usize::from(d.is_error()),
                warnings: usize::from(!d.is_error()),
            }),
        }
    }
    (shown, omitted)
}

impl Omitted {
    /// The line people read: how many were left out, and how to see them.
    pub fn message(&self, sources: &SourceMap, lang: Lang) -> String {
        let name = self.file_name(sources);
        let (e, w) = (self.errors, self.warnings);
        match lang {
            Lang::Zh => format!(
                "…… `{name}` 中另有 {e} 个错误和 {w} 个警告未显示（--max-diagnostics 0 显示全部）"
            ),
            Lang::En => format!(
                "… and {e} more error(s) and {w} warning(s) in `{name}` not shown (--max-diagnostics 0 shows all)"
            ),
        }
    }

    fn file_name<'a>(&self, sources: &'a SourceMap) -> &'a str {
        self.file
            .and_then(|f| sources.get(f))
            .map_or("", |s| s.name.as_str())
    }

    /// One line of JSON, beside the diagnostics of `--message-format json`.
    pub fn json_line(&self, sources: &SourceMap, lang: Lang) -> String {
        #[derive(Serialize)]
        struct Line<'a> {
            code: &'static str,
            severity: &'static str,
            message: String,
            file: &'a str,
            omitted_errors: usize,
            omitted_warnings: usize,
            labels: [(); 0],
            notes: [(); 0],
            help: Option<()>,
        }
        let line = Line {
            code: "perfplan::omitted",
            severity: if self.errors > 0 { "error" } else { "warning" },
            message: self.message(sources, lang),
            file: self.file_name(sources),
            omitted_errors: self.errors,
            omitted_warnings: self.warnings,
            labels: [],
            notes: [],
            help: None,
        };
        serde_json::to_string(&line).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msg;
    use crate::source::Span;

    fn at(file: u32, start: usize, error: bool) -> Diagnostic {
        let d = if error {
            Diagnostic::error("E0001", msg!("错", "bad"))
        } else {
            Diagnostic::warning("W0009", msg!("警告", "warn"))
        };
        d.primary(FileId(file), Span::new(start, start + 1), msg!("", ""))
    }

    #[test]
    fn keeps_the_first_of_each_file_and_counts_the_rest() {
        let list: Vec<Diagnostic> = (0..5)
            .map(|i| at(0, i, i % 2 == 0))
            .chain((0..2).map(|i| at(1, i, true)))
            .collect();
        let (shown, omitted) = cap(&list, 2);
        assert_eq!(shown.len(), 4);
        assert_eq!(
            omitted,
            vec![Omitted {
                file: Some(FileId(0)),
                errors: 2,
                warnings: 1
            }]
        );
        assert_eq!(cap(&list, 0).0.len(), 7);
    }
}
