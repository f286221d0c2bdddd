//! A Word document (.docx) as paragraphs and tables in reading order:
//! a streaming walk of `word/document.xml` (zip, then quick-xml). Each
//! top-level `w:p` is a paragraph (its text, with `w:tab` as a tab and
//! `w:br` as a line break, and its style); each top-level `w:tbl` a table
//! whose cells are placed on the table's grid by adding up `w:gridSpan`
//! (and `w:gridBefore`), a cell spanning columns copied into each of them
//! and a `w:vMerge` continuation given the text of the cell it continues.
//! Paragraphs inside a cell are its lines; a table nested in a cell adds
//! its text to the cell's.

use super::{Block, Cell, Document, Error, MAX_UNCOMPRESSED, Origin, Table};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::Read;

/// The document's paragraphs and tables.
pub fn read(bytes: &[u8]) -> Result<Document, Error> {
    let xml = entry(bytes, "word/document.xml")?;
    parse(&xml)
}

/// The text of one zip entry, at most [`MAX_UNCOMPRESSED`] bytes whatever
/// its header claims.
fn entry(bytes: &[u8], name: &str) -> Result<String, Error> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| Error::NotZip(e.to_string()))?;
    let file = zip.by_name(name).map_err(|_| Error::NotOffice)?;
    let mut out = Vec::new();
    file.take(MAX_UNCOMPRESSED + 1)
        .read_to_end(&mut out)
        .map_err(|e| Error::Malformed(format!("{name}: {e}")))?;
    if out.len() as u64 > MAX_UNCOMPRESSED {
        return Err(Error::TooLarge {
            entry: name.to_string(),
            size: out.len() as u64,
        });
    }
    String::from_utf8(out).map_err(|e| Error::Malformed(format!("{name}: {e}")))
}

/// One cell as written in its row, before merges are spread.
struct RawCell {
    text: String,
    span: usize,
    /// `Some(true)` starts a vertical merge, `Some(false)` continues one.
    vmerge: Option<bool>,
}

#[derive(Default)]
struct RawRow {
    before: usize,
    cells: Vec<RawCell>,
}

/// What the walk is inside of.
#[derive(Default)]
struct Walk {
    blocks: Vec<Block>,
    /// Depth of `w:tbl` elements: 1 inside a top-level table.
    tables: usize,
    /// Depth of `w:tc` elements.
    cells: usize,
    in_paragraph: bool,
    in_text: bool,
    paragraph: String,
    style: Option<String>,
    rows: Vec<RawRow>,
    paragraphs_seen: usize,
    tables_seen: usize,
}

/// Parse `word/document.xml`.
pub fn parse(xml: &str) -> Result<Document, Error> {
    let mut reader = Reader::from_str(xml);
    let mut w = Walk::default();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| Error::Malformed(format!("word/document.xml: {e}")))?;
        match event {
            Event::Start(e) => w.start(&e, false),
            Event::Empty(e) => w.start(&e, true),
            Event::End(e) => w.end(e.local_name().as_ref()),
            Event::Text(t) if w.in_text => w.paragraph.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if w.in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    w.paragraph.push(c);
                } else {
                    w.paragraph.push_str(named_entity(&r.xml10_content()));
                }
            }
            Event::CData(t) if w.in_text => {
                w.paragraph.push_str(&t);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(Document { blocks: w.blocks })
}

/// The five entities XML predefines.
fn named_entity(name: &str) -> &'static str {
    match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    }
}

/// The `w:val` attribute of an element.
fn val(e: &BytesStart) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == "val")
        .map(|a| a.value.into_owned())
}

impl Walk {
    fn start(&mut self, e: &BytesStart, empty: bool) {
        match e.local_name().as_ref() {
            "tbl" if !empty => {
                self.tables += 1;
                if self.tables == 1 {
                    self.rows.clear();
                }
            }
            "tr" if self.tables == 1 => self.rows.push(RawRow::default()),
            "gridBefore" if self.tables == 1 => {
                if let Some(row) = self.rows.last_mut() {
                    row.before = val(e).and_then(|v| v.parse().ok()).unwrap_or(0).min(64);
                }
            }
            "tc" if !empty => {
                self.cells += 1;
                if self.tables == 1
                    && self.cells == 1
                    && let Some(row) = self.rows.last_mut()
                {
                    row.cells.push(RawCell {
                        text: String::new(),
                        span: 1,
                        vmerge: None,
                    });
                }
            }
            "gridSpan" if self.tables == 1 && self.cells == 1 => {
                if let Some(cell) = self.current_cell() {
                    cell.span = val(e)
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .clamp(1, 64);
                }
            }
            "vMerge" if self.tables == 1 && self.cells == 1 => {
                let restart = val(e).is_some_and(|v| v == "restart");
                if let Some(cell) = self.current_cell() {
                    cell.vmerge = Some(restart);
                }
            }
            "p" if !empty => {
                self.in_paragraph = true;
                self.paragraph.clear();
                self.style = None;
            }
            "pStyle" if self.in_paragraph => self.style = val(e),
            "t" if !empty => self.in_text = true,
            "tab" if self.in_paragraph && !self.in_text => self.paragraph.push('\t'),
            "br" | "cr" if self.in_paragraph => self.paragraph.push('\n'),
            _ => {}
        }
    }

    fn current_cell(&mut self) -> Option<&mut RawCell> {
        self.rows.last_mut().and_then(|r| r.cells.last_mut())
    }

    fn end(&mut self, name: &str) {
        match name {
            "t" => self.in_text = false,
            "p" => {
                self.in_paragraph = false;
                let text = std::mem::take(&mut self.paragraph);
                if self.tables == 0 {
                    self.paragraphs_seen += 1;
                    self.blocks.push(Block::Paragraph {
                        text,
                        style: self.style.take(),
                        origin: Origin(format!("第{}段", self.paragraphs_seen)),
                    });
                } else if let Some(cell) = self.current_cell() {
                    if !cell.text.is_empty() {
                        cell.text.push('\n');
                    }
                    cell.text.push_str(&text);
                }
            }
            "tc" => self.cells = self.cells.saturating_sub(1),
            "tbl" => {
                self.tables = self.tables.saturating_sub(1);
                if self.tables == 0 {
                    self.tables_seen += 1;
                    let name = format!("表{}", self.tables_seen);
                    let rows = std::mem::take(&mut self.rows);
                    self.blocks.push(Block::Table(grid(&name, rows)));
                }
            }
            _ => {}
        }
    }
}

/// The rectangular grid of a table: each cell at its grid column, a
/// spanning cell copied to the right, a vertical continuation given the
/// text and origin of the cell above.
fn grid(name: &str, rows: Vec<RawRow>) -> Table {
    let mut out: Vec<Vec<Cell>> = Vec::with_capacity(rows.len());
    for (r, row) in rows.into_iter().enumerate() {
        let mut cells: Vec<Cell> = (0..row.before).map(|_| Cell::default()).collect();
        for raw in row.cells {
            let col = cells.len();
            let above = out.last().and_then(|prev| prev.get(col)).cloned();
            let (text, origin, copy) = match (raw.vmerge, above) {
                (Some(false), Some(above)) => (above.text, above.origin, true),
                _ => (
                    raw.text,
                    Origin(format!("{name} 第{}行 第{}列", r + 1, col + 1)),
                    false,
                ),
            };
            for k in 0..raw.span {
                cells.push(Cell {
                    text: text.clone(),
                    origin: origin.clone(),
                    copy: copy || k > 0,
                    general_number: None,
                });
            }
        }
        out.push(cells);
    }
    let width = out.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut out {
        row.resize_with(width, Cell::default);
    }
    Table {
        name: name.to_string(),
        rows: out,
    }
}
