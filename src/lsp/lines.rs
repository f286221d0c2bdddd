//! Byte offsets ↔ LSP positions, in the encoding the client negotiated.
//!
//! The compiler's spans are byte offsets. An LSP position is a 0-based
//! line and a column counted in the negotiated unit: UTF-16 code units by
//! default (VS Code knows no other), UTF-8 bytes when the client offers
//! them, or code points. A Chinese character is 3 bytes, 1 UTF-16 unit
//! and 1 code point, so an unconverted column is wrong by 3× on a line
//! of Chinese.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the LSP specification and
//! `crate::source` both say.

use lsp_types::{Position, PositionEncodingKind, Range};

/// The unit an LSP column counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

impl Encoding {
    /// The encoding to use with a client that offers `offered` (in its
    /// order of preference): UTF-8 if offered (no conversion needed),
    /// otherwise UTF-16, which every client supports.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        let offered = offered.unwrap_or_default();
        if offered.contains(&PositionEncodingKind::UTF8) {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    /// How many units `c` counts for.
    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// Where each line of a text starts.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
            }
        }
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// The position of byte `offset` of `text` (clamped to the text).
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> Position {
        let offset = floor_boundary(text, offset.min(self.len));
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let column: usize = text
            .get(start..offset)
            .unwrap_or("")
            .chars()
            .map(|c| enc.width(c))
            .sum();
        Position::new(line as u32, column as u32)
    }

    /// The range of a byte span.
    pub fn range(&self, text: &str, span: crate::source::Span, enc: Encoding) -> Range {
        Range::new(
            self.position(text, span.start as usize, enc),
            self.position(text, span.end as usize, enc),
        )
    }

    /// The byte offset of `pos`: a column past the end of its line is the
    /// line's end, a line past the end is the text's end, and a column in
    /// the middle of a character is that character's start.
    pub fn offset(&self, text: &str, pos: Position, enc: Encoding) -> usize {
        let Some(&start) = self.starts.get(pos.line as usize) else {
            return self.len;
        };
        let end = self.line_end(text, pos.line as usize);
        let mut units = 0;
        for (i, c) in text.get(start..end).unwrap_or("").char_indices() {
            let next = units + enc.width(c);
            if next > pos.character as usize {
                return start + i;
            }
            units = next;
        }
        end
    }

    /// The end of line `line`'s content, before its line break (the last
    /// line has none).
    fn line_end(&self, text: &str, line: usize) -> usize {
        let start = self.starts.get(line).copied().unwrap_or(self.len);
        let Some(&next) = self.starts.get(line + 1) else {
            return self.len;
        };
        let content = text.get(start..next).unwrap_or("");
        let content = content
            .strip_suffix("\r\n")
            .or_else(|| content.strip_suffix('\n'))
            .or_else(|| content.strip_suffix('\r'))
            .unwrap_or(content);
        start + content.len()
    }
}

/// The nearest character boundary at or before `offset`.
fn floor_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "计划 2024 \"某局\" {\r\n  框架 classic\n}\r末";

    #[test]
    fn counts_columns_in_the_negotiated_unit() {
        let index = LineIndex::new(TEXT);
        let at = TEXT.find("2024").unwrap();
        assert_eq!(
            index.position(TEXT, at, Encoding::Utf16),
            Position::new(0, 3)
        );
        assert_eq!(
            index.position(TEXT, at, Encoding::Utf8),
            Position::new(0, 7)
        );
        assert_eq!(
            index.position(TEXT, at, Encoding::Utf32),
            Position::new(0, 3)
        );
        let classic = TEXT.find("classic").unwrap();
        assert_eq!(
            index.position(TEXT, classic, Encoding::Utf16),
            Position::new(1, 5)
        );
        let last = TEXT.find('末').unwrap();
        assert_eq!(
            index.position(TEXT, last, Encoding::Utf16),
            Position::new(3, 0)
        );
    }

    #[test]
    fn an_astral_character_counts_two_utf16_units() {
        let text = "𠀀x";
        let index = LineIndex::new(text);
        assert_eq!(
            index.position(text, 4, Encoding::Utf16),
            Position::new(0, 2)
        );
        assert_eq!(index.offset(text, Position::new(0, 2), Encoding::Utf16), 4);
        assert_eq!(index.offset(text, Position::new(0, 1), Encoding::Utf16), 0);
    }

    #[test]
    fn offsets_round_trip_and_clamp_to_the_line() {
        let index = LineIndex::new(TEXT);
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            for (offset, _) in TEXT.char_indices() {
                // The `\n` of a `\r\n` is inside the line break: no
                // position names it.
                if TEXT[..offset].ends_with('\r') {
                    continue;
                }
                let pos = index.position(TEXT, offset, enc);
                assert_eq!(index.offset(TEXT, pos, enc), offset, "{enc:?} {offset}");
            }
        }
        let line_end = TEXT.find('\r').unwrap();
        assert_eq!(
            index.offset(TEXT, Position::new(0, 99), Encoding::Utf16),
            line_end
        );
        assert_eq!(
            index.offset(TEXT, Position::new(9, 0), Encoding::Utf16),
            TEXT.len()
        );
        assert_eq!(
            index.position(TEXT, 2, Encoding::Utf16),
            Position::new(0, 0)
        );
    }
}
