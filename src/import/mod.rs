//! `perfplan import`: a Word (.docx) or Excel (.xlsx) plan as filed, read
//! into plan text that says every figure and text exactly as the source
//! does, each statement with a comment naming where it came from.
//!
//! The phases: [`docx`] and [`xlsx`] read the file's bytes into a
//! [`Document`] — paragraphs and tables in order, each table a rectangular
//! grid whose merged cells are spread over their rows and columns, every
//! cell with its [`Origin`]; [`recognize`] finds the plan in it (header
//! blocks, funds, schedules, goals, indicator grids in their several
//! column orders, the department part); [`write`] prints the plan text.
//! Nothing here touches files: the binary passes the bytes in.

pub mod docx;
pub mod recognize;
pub mod write;
pub mod xlsx;

use std::fmt;

/// The largest uncompressed size of one zip entry, and of all entries
/// together, that import reads: a larger one is refused (a zip bomb).
pub const MAX_UNCOMPRESSED: u64 = 256 * 1024 * 1024;

/// Why a file could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Not a zip archive (so neither .docx nor .xlsx), or a damaged one.
    NotZip(String),
    /// A zip, but not a Word document or an Excel workbook.
    NotOffice,
    /// An entry (or all of them) larger than [`MAX_UNCOMPRESSED`].
    TooLarge { entry: String, size: u64 },
    /// The document's XML or the workbook could not be read.
    Malformed(String),
}

impl Error {
    /// The message in Chinese and in English.
    pub fn messages(&self) -> (String, String) {
        match self {
            Error::NotZip(e) => (
                format!("不是 Word (.docx) 或 Excel (.xlsx) 文件：不是 zip 压缩包或已损坏（{e}）"),
                format!(
                    "not a Word (.docx) or Excel (.xlsx) file: not a zip archive, or a damaged one ({e})"
                ),
            ),
            Error::NotOffice => (
                "这个 zip 压缩包既不是 Word (.docx) 文档也不是 Excel (.xlsx) 工作簿；旧的 .doc/.xls 请先另存为 .docx/.xlsx".into(),
                "this zip archive is neither a Word (.docx) document nor an Excel (.xlsx) workbook; save an old .doc/.xls as .docx/.xlsx first".into(),
            ),
            Error::TooLarge { entry, size } => (
                format!(
                    "压缩包中的 `{entry}` 解压后为 {size} 字节，超过 {MAX_UNCOMPRESSED} 字节的上限（疑似压缩炸弹）"
                ),
                format!(
                    "`{entry}` in the archive unpacks to {size} bytes, over the limit of {MAX_UNCOMPRESSED} (a zip bomb?)"
                ),
            ),
            Error::Malformed(e) => (
                format!("文件内容无法读取：{e}"),
                format!("the file's content cannot be read: {e}"),
            ),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.messages().1)
    }
}

impl std::error::Error for Error {}

/// Where a cell or paragraph came from: `表3 第5行 第2列`, `Sheet1!C7`,
/// `第12段`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin(pub String);

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One cell of a grid after merges are spread: its text, where it came
/// from, and whether it is a copy of a merged cell's value (not its
/// top-left cell).
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: String,
    pub origin: Origin,
    /// A copy spread from a merged cell above or to the left.
    pub copy: bool,
    /// An Excel number shown with the General format: its value, for the
    /// recognizer's percent rule (a share stored as 0.95 in a % column).
    pub general_number: Option<f64>,
}

/// A table (Word) or sheet (Excel): rows of cells, every row as wide as
/// the widest.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// `表3`, or the sheet's name.
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

/// A top-level block of a document, in reading order.
#[derive(Debug, Clone)]
pub enum Block {
    Paragraph {
        text: String,
        /// The paragraph style's id (`Heading2`), when it has one.
        style: Option<String>,
        origin: Origin,
    },
    Table(Table),
}

/// A document as import sees it.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub blocks: Vec<Block>,
}

/// What an import read, for its summary line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub tables: usize,
    pub projects: usize,
    pub indicators: usize,
    /// Cells and paragraphs kept as `# 未识别` comments.
    pub kept_as_comments: usize,
}

/// The result of an import: the plan text and what was read.
#[derive(Debug, Clone)]
pub struct Imported {
    pub text: String,
    pub summary: Summary,
}

/// The kind of office file, from its zip entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Docx,
    Xlsx,
}

/// Import a .docx or .xlsx file's bytes (the kind is found from the
/// archive, not from the name). `name` is the file's name, for the
/// comment at the top of the plan.
pub fn import(bytes: &[u8], name: &str) -> Result<Imported, Error> {
    let doc = match kind(bytes)? {
        Kind::Docx => docx::read(bytes)?,
        Kind::Xlsx => xlsx::read(bytes)?,
    };
    let plan = recognize::recognize(&doc);
    let text = write::write(&plan, name);
    Ok(Imported {
        text,
        summary: plan.summary,
    })
}

/// Whether the bytes are a Word document or an Excel workbook; refuses a
/// file that is not a zip, and a zip whose entries unpack to more than
/// [`MAX_UNCOMPRESSED`] bytes.
pub fn kind(bytes: &[u8]) -> Result<Kind, Error> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| Error::NotZip(e.to_string()))?;
    let mut total: u64 = 0;
    let mut found = None;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| Error::NotZip(e.to_string()))?;
        let size = entry.size();
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        total = total.saturating_add(size);
        if size > MAX_UNCOMPRESSED || total > MAX_UNCOMPRESSED {
            return Err(Error::TooLarge {
                entry: name,
                size: size.max(total),
            });
        }
        match name.as_str() {
            "word/document.xml" => found = Some(Kind::Docx),
            "xl/workbook.xml" => found = found.or(Some(Kind::Xlsx)),
            _ => {}
        }
    }
    found.ok_or(Error::NotOffice)
}

/// Text as the recognizer compares labels: without blanks of any width or
/// line breaks, full-width parentheses and colons in ASCII, no trailing
/// colon.
pub fn normalize(text: &str) -> String {
    let s: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '：' => ':',
            c => c,
        })
        .collect();
    s.trim_end_matches(':').to_string()
}
