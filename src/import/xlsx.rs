//! An Excel workbook (.xlsx) as tables: each sheet one [`Table`] from its
//! first row and column (so titles above a header keep their rows), read
//! with calamine. A merged region's value is copied into each of its
//! cells. A number is shown as its number format shows it: `0.00` keeps
//! two places, `0%` shows 0.95 as `95%`, quoted text in the format (`"≥"0%`)
//! is kept around the number; a number with the General format is written
//! in its shortest form and marked, so the recognizer can apply its
//! percent rule (see `docs/import.md`).

use super::{Block, Cell, Document, Error, Origin, Table};
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

/// The workbook's sheets, in order.
pub fn read(bytes: &[u8]) -> Result<Document, Error> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(malformed)?;
    let mut blocks = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(malformed)?;
        let styles = book.worksheet_style(&name).ok();
        let merges = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
        blocks.push(Block::Table(sheet(&name, &range, styles.as_ref(), &merges)));
    }
    Ok(Document { blocks })
}

fn malformed(e: impl std::fmt::Display) -> Error {
    Error::Malformed(e.to_string())
}

/// The largest sheet import lays out, in rows and columns: a workbook's
/// stated dimensions can be anything.
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLS: u32 = 256;

/// One sheet as a grid from A1.
fn sheet(
    name: &str,
    range: &calamine::Range<Data>,
    styles: Option<&calamine::StyleRange>,
    merges: &[calamine::Dimensions],
) -> Table {
    let (rows, cols) = range.end().map_or((0, 0), |(r, c)| {
        ((r + 1).min(MAX_ROWS), (c + 1).min(MAX_COLS))
    });
    let mut grid: Vec<Vec<Cell>> = (0..rows)
        .map(|r| {
            (0..cols)
                .map(|c| cell(name, r, c, range.get_value((r, c)), styles))
                .collect()
        })
        .collect();
    for m in merges {
        spread(&mut grid, m.start, m.end);
    }
    Table {
        name: name.to_string(),
        rows: grid,
    }
}

/// Copy a merged region's top-left cell into the rest of it.
fn spread(grid: &mut [Vec<Cell>], start: (u32, u32), end: (u32, u32)) {
    let Some(first) = grid
        .get(start.0 as usize)
        .and_then(|row| row.get(start.1 as usize))
        .cloned()
    else {
        return;
    };
    for r in start.0..=end.0.min(MAX_ROWS) {
        for c in start.1..=end.1.min(MAX_COLS) {
            if (r, c) == start {
                continue;
            }
            if let Some(cell) = grid
                .get_mut(r as usize)
                .and_then(|row| row.get_mut(c as usize))
            {
                *cell = Cell {
                    copy: true,
                    ..first.clone()
                };
            }
        }
    }
}

/// `A`, `B` … `Z`, `AA` …: a column's letters.
pub fn column_letters(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

fn cell(
    sheet: &str,
    r: u32,
    c: u32,
    value: Option<&Data>,
    styles: Option<&calamine::StyleRange>,
) -> Cell {
    let format = styles
        .and_then(|s| s.get((r, c)))
        .and_then(|s| s.number_format.as_ref())
        .map(|f| f.format_code.as_str())
        .unwrap_or("General");
    let number = |n: f64| {
        if is_general(format) {
            (general(n), Some(n))
        } else {
            (formatted(n, format), None)
        }
    };
    let (text, general_number) = match value {
        None | Some(Data::Empty) => (String::new(), None),
        Some(Data::String(s)) => (s.clone(), None),
        Some(Data::Float(f)) => number(*f),
        Some(Data::Int(i)) => number(*i as f64),
        Some(Data::Bool(b)) => (b.to_string(), None),
        Some(Data::DateTime(d)) => number(d.as_f64()),
        Some(Data::DateTimeIso(s) | Data::DurationIso(s)) => (s.clone(), None),
        Some(Data::Error(e)) => (format!("#{e:?}"), None),
    };
    Cell {
        text,
        origin: Origin(format!("{sheet}!{}{}", column_letters(c), r + 1)),
        copy: false,
        general_number,
    }
}

fn is_general(format: &str) -> bool {
    format.is_empty() || format.eq_ignore_ascii_case("general") || format == "@"
}

/// A number in its shortest exact form: `50`, `0.95`, `64.5`.
pub fn general(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A number as its format shows it: quoted and plain literal text kept,
/// decimal places from the `0`s after the point, `%` multiplying by 100.
/// Thousands separators, colours and conditions are left out; a format
/// with date or time parts shows the number in its General form.
pub fn formatted(n: f64, code: &str) -> String {
    let section = first_section(code);
    let mut prefix = String::new();
    let mut suffix = String::new();
    let mut decimals = 0usize;
    let mut digits_seen = false;
    let mut after_point = false;
    let mut percent = false;
    let mut chars = section.chars().peekable();
    while let Some(ch) = chars.next() {
        let out = if digits_seen {
            &mut suffix
        } else {
            &mut prefix
        };
        match ch {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                    out.push(q);
                }
            }
            '\\' => {
                if let Some(q) = chars.next() {
                    out.push(q);
                }
            }
            '[' => {
                for q in chars.by_ref() {
                    if q == ']' {
                        break;
                    }
                }
            }
            '_' | '*' => {
                chars.next();
            }
            '0' | '#' | '?' => {
                digits_seen = true;
                if after_point {
                    decimals += 1;
                }
            }
            '.' if digits_seen || chars.peek().is_some_and(|c| matches!(c, '0' | '#')) => {
                digits_seen = true;
                after_point = true;
            }
            ',' if digits_seen => {}
            '%' => {
                percent = true;
                out.push('%');
            }
            'y' | 'm' | 'd' | 'h' | 's' | 'Y' | 'M' | 'D' | 'H' | 'S' => return general(n),
            c => out.push(c),
        }
    }
    if !digits_seen {
        return general(n);
    }
    let value = if percent { n * 100.0 } else { n };
    format!("{prefix}{value:.decimals$}{suffix}")
}

/// The first section of a number format (the one for positive numbers).
fn first_section(code: &str) -> &str {
    let mut quoted = false;
    for (i, ch) in code.char_indices() {
        match ch {
            '"' => quoted = !quoted,
            ';' if !quoted => return code.get(..i).unwrap_or(code),
            _ => {}
        }
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_show_what_excel_shows() {
        assert_eq!(formatted(0.95, "\"≥\"0%"), "≥95%");
        assert_eq!(formatted(50.0, "0.00"), "50.00");
        assert_eq!(formatted(6.0, "\"≥\"0\"所\""), "≥6所");
        assert_eq!(formatted(0.255, "0.0%"), "25.5%");
        assert_eq!(general(0.95), "0.95");
        assert_eq!(general(2022.0), "2022");
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(27), "AB");
    }
}
