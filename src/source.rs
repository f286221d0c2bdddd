//! Source files, byte spans and line/column lookup.
//!
//! Every AST node and every diagnostic label carries a [`Span`]: a byte range
//! in one [`SourceFile`]. Lines and columns are computed only when a
//! diagnostic is shown, by [`SourceFile::position`].

use std::ops::Range;
use std::sync::OnceLock;

/// Identifies one file of a [`SourceMap`]; the index of the file in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(pub u32);

/// A byte range `start..end` in one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: clamp_u32(start),
            end: clamp_u32(end.max(start)),
        }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A line and column, both 1-based. `column` counts Unicode characters;
/// `utf16_column` counts UTF-16 code units, as editors do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub utf16_column: usize,
}

/// One plan file: its name as given by the user and its text.
///
/// The text has its line endings read as written on any system: `\n`,
/// `\r\n`, and a lone `\r` (old Mac files, text pasted from Word) all end
/// a line. A lone `\r` is made `\n` when the file is read (one byte for
/// one, so every offset is still the file's); [`SourceFile::had_lone_cr`]
/// tells `fmt` that the file on disk differs from its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    /// Where each line starts, made the first time a line or column is
    /// asked for: a plan that checks clean never needs it.
    line_starts: OnceLock<Vec<usize>>,
    had_lone_cr: bool,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let mut text = text.into();
        let had_lone_cr = has_lone_cr(&text);
        if had_lone_cr {
            text = unify_line_ends(&text).into_owned();
        }
        SourceFile {
            name: name.into(),
            text,
            line_starts: OnceLock::new(),
            had_lone_cr,
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// Whether the file as read had a lone `\r` line ending, which its
    /// text holds as `\n`.
    pub fn had_lone_cr(&self) -> bool {
        self.had_lone_cr
    }

    /// The text under `span`; empty when the span is out of range.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// The byte range of a 0-based line, its newline included.
    pub fn line_range(&self, line_index: usize) -> Option<Range<usize>> {
        let starts = self.line_starts();
        let start = *starts.get(line_index)?;
        let end = starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(self.text.len());
        Some(start..end)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts().len()
    }

    /// The line and column of a byte offset (clamped to the text).
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= offset) - 1;
        // A byte-order mark is invisible in editors: it takes no column.
        let before = &self.text[starts[line]..offset];
        let before = before.strip_prefix('\u{feff}').unwrap_or(before);
        Position {
            line: line + 1,
            column: before.chars().count() + 1,
            utf16_column: before.encode_utf16().count() + 1,
        }
    }
}

/// The text with every lone `\r` (one not followed by `\n`) made a `\n`:
/// the same length, so offsets are unchanged. Borrowed when there is none.
pub fn unify_line_ends(text: &str) -> std::borrow::Cow<'_, str> {
    if !has_lone_cr(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        let next_is_lf = chars.peek().is_some_and(|&(_, n)| n == '\n');
        out.push(if c == '\r' && !next_is_lf { '\n' } else { c });
    }
    std::borrow::Cow::Owned(out)
}

/// Whether the text has a `\r` not followed by `\n`.
fn has_lone_cr(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The files of one plan, in the order the user gave them.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn new() -> SourceMap {
        SourceMap::default()
    }

    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(clamp_u32(self.files.len() - 1))
    }

    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(clamp_u32(i)), f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_cr_ends_a_line_and_keeps_every_offset() {
        let text = "计划 2025\r项目 p1\r\n资金 50\r";
        let file = SourceFile::new("a.plan", text);
        assert!(file.had_lone_cr());
        assert_eq!(file.text, "计划 2025\n项目 p1\r\n资金 50\n");
        assert_eq!(file.text.len(), text.len());
        assert_eq!(file.position(text.find('项').unwrap_or(0)).line, 2);
        assert_eq!(file.position(text.find('资').unwrap_or(0)).line, 3);
        assert!(!SourceFile::new("b.plan", "a\r\nb\n").had_lone_cr());
    }

    #[test]
    fn positions_count_characters_and_utf16_units() {
        let file = SourceFile::new("a.plan", "ab\n资金 50\n");
        let p = file.position("ab\n资金 ".len());
        assert_eq!((p.line, p.column, p.utf16_column), (2, 4, 4));
        assert_eq!(file.position(0).line, 1);
        assert_eq!(file.position(10_000).line, 3);
    }

    #[test]
    fn position_inside_a_character_rounds_down() {
        let file = SourceFile::new("a.plan", "资金");
        assert_eq!(file.position(1).column, 1);
    }
}
