//! The submission document as a Word file (.docx), in the official layout,
//! written by our own small WordprocessingML writer: the package parts are
//! short fixed texts, and `word/document.xml` is streamed into its zip
//! entry paragraph by paragraph and table by table, one project at a time,
//! so the document is never held whole (only the plan's model and the
//! compressed bytes are).
//!
//! The page is A4 portrait with the margins of Chinese official documents
//! (GB/T 9704: 37/35/28/26 mm); body text is 仿宋 三号 (16 pt) on a 28 pt
//! line, headings 黑体, tables 仿宋 五号 (10.5 pt). Every font is given
//! for ascii, hAnsi, eastAsia and cs together and the styles say the text
//! is `zh-CN`, so renderers pick Chinese glyphs. Headings use Word's own
//! `heading 1–3` styles with outline levels: the navigation pane and the
//! table of contents list them.
//!
//! The bytes depend on the plan and the options alone: the document's
//! dates and every zip entry's time are one fixed instant
//! ([`Options::epoch`]: `SOURCE_DATE_EPOCH` when the caller passes it,
//! else 1980-01-01), entries are written in a fixed order with fixed
//! permissions and compression.

mod body;
mod front;
mod parts;
mod widths;
mod xml;

use crate::diagnostic::Lang;
use crate::model::Plan;
use std::io::{Seek, Write};
use zip::write::SimpleFileOptions;

pub use super::RenderError as Error;

/// What the document holds besides the plan's own parts.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// A cover page: department, year, title, 编制单位 and a line for the
    /// reviewing finance office.
    pub cover: bool,
    /// A 目录: a Word TOC field over the part and section titles, filled
    /// when the document is opened.
    pub toc: bool,
    /// The instant every date of the file says, in seconds since 1970
    /// (`SOURCE_DATE_EPOCH`); `None`, or anything before 1980, is
    /// 1980-01-01, the earliest time a zip entry can hold.
    pub epoch: Option<i64>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            cover: true,
            toc: true,
            epoch: None,
        }
    }
}

/// The Word document for a plan, with Chinese or English headings, with
/// the default [`Options`].
pub fn to_docx(plan: &Plan, lang: Lang) -> Result<Vec<u8>, Error> {
    to_docx_with(plan, lang, &Options::default())
}

/// The Word document for a plan, with these options, as bytes.
pub fn to_docx_with(plan: &Plan, lang: Lang, options: &Options) -> Result<Vec<u8>, Error> {
    let out = write_docx(plan, lang, options, std::io::Cursor::new(Vec::new()))?;
    Ok(out.into_inner())
}

/// Writes the Word document for a plan into `out`, streaming
/// `word/document.xml` into the archive as it is made; gives `out` back.
pub fn write_docx<W: Write + Seek>(
    plan: &Plan,
    lang: Lang,
    options: &Options,
    out: W,
) -> Result<W, Error> {
    let stamp = parts::Stamp::new(options.epoch);
    let entry = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(stamp.zip_time())
        .unix_permissions(0o644);
    let mut zip = zip::ZipWriter::new(out);
    for (name, text) in parts::fixed_parts(plan, lang, &stamp) {
        zip.start_file(name, entry).map_err(Error::from_display)?;
        zip.write_all(text.as_bytes())
            .map_err(Error::from_display)?;
    }
    zip.start_file("word/document.xml", entry)
        .map_err(Error::from_display)?;
    body::document(plan, lang, options, &mut zip).map_err(Error::from_display)?;
    zip.finish().map_err(Error::from_display)
}

/// A4 portrait, in twentieths of a point.
const PAGE: (usize, usize) = (11906, 16838);
/// Top, right, bottom, left margins: 37, 26, 35, 28 mm; header and footer
/// distances.
const MARGINS: (usize, usize, usize, usize) = (2098, 1474, 1984, 1588);
const HEADER_FOOTER: (usize, usize) = (851, 992);
/// The width of the text block, which every table fills.
const TEXT_WIDTH: usize = 8844;

/// Font sizes in half-points.
const TITLE_SIZE: usize = 44;
const BODY_SIZE: usize = 32;
/// 五号 (10.5 pt).
const TABLE_SIZE: usize = 21;
/// 小五 (9 pt): an indicator grid with optional columns.
const DENSE_TABLE_SIZE: usize = 18;
const FOOTER_SIZE: usize = 28;

/// Body text: 仿宋, Latin in Times New Roman.
const BODY_FONTS: xml::Fonts = xml::Fonts {
    east_asia: "仿宋",
    latin: "Times New Roman",
};
/// Headings and table labels: 黑体 throughout.
const HEADING_FONTS: xml::Fonts = xml::Fonts {
    east_asia: "黑体",
    latin: "黑体",
};
/// Page numbers: 宋体.
const FOOTER_FONTS: xml::Fonts = xml::Fonts {
    east_asia: "宋体",
    latin: "Times New Roman",
};

/// The list (`numbering.xml`) that numbers the 保障措施 一、二、三、.
const MEASURE_LIST: u32 = 1;
