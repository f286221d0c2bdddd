//! The package around `word/document.xml`: content types, relationships,
//! styles, settings, the list numbering, the footer, and the document
//! properties — short texts written whole.

use super::xml::{self, DECLARATION, R_NS, W_NS};
use super::{
    BODY_FONTS, BODY_SIZE, FOOTER_FONTS, FOOTER_SIZE, HEADING_FONTS, MEASURE_LIST, TABLE_SIZE,
    TEXT_WIDTH, TITLE_SIZE,
};
use crate::diagnostic::Lang;
use crate::emit::layout;
use crate::model::Plan;
use std::fmt::Write as _;

/// 1980-01-01T00:00:00Z: the earliest time a zip entry holds.
const ZIP_EPOCH: i64 = 315_532_800;

/// The one instant the file states: the document's dates and every zip
/// entry's time.
pub(super) struct Stamp {
    year: i64,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
}

impl Stamp {
    /// The instant `epoch` seconds after 1970, clamped to the zip range
    /// (1980 to 2107); 1980-01-01 without one.
    pub fn new(epoch: Option<i64>) -> Stamp {
        // 2107-12-31T23:59:58Z, the last time DOS dates hold.
        const LAST: i64 = 4_354_819_198;
        let secs = epoch.unwrap_or(ZIP_EPOCH).clamp(ZIP_EPOCH, LAST);
        let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
        let (year, month, day) = crate::values::date::civil_from_days(days);
        // Each part is below its bound by construction.
        let part = |v: i64| u8::try_from(v).unwrap_or(0);
        Stamp {
            year,
            month,
            day,
            hour: part(rest / 3600),
            minute: part(rest / 60 % 60),
            // A zip entry holds even seconds only; the properties say the same.
            second: part(rest % 60 / 2 * 2),
        }
    }

    /// The time of every zip entry.
    pub fn zip_time(&self) -> zip::DateTime {
        let year = u16::try_from(self.year).unwrap_or(1980);
        zip::DateTime::from_date_and_time(
            year,
            self.month,
            self.day,
            self.hour,
            self.minute,
            self.second,
        )
        .unwrap_or_default()
    }

    /// `1980-01-01T00:00:00Z`.
    pub fn w3c(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

/// Every part but `word/document.xml`, name and text, in the order they
/// are written.
pub(super) fn fixed_parts(plan: &Plan, lang: Lang, stamp: &Stamp) -> Vec<(&'static str, String)> {
    vec![
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core(plan, lang, stamp)),
        ("docProps/app.xml", app()),
        ("word/_rels/document.xml.rels", document_rels()),
        ("word/styles.xml", styles(lang)),
        ("word/settings.xml", settings(lang)),
        ("word/numbering.xml", numbering()),
        ("word/footer1.xml", footer()),
    ]
}

fn content_types() -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        concat!(
            "{decl}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
            "<Override PartName=\"/word/document.xml\" ContentType=\"{m}.document.main+xml\"/>",
            "<Override PartName=\"/word/styles.xml\" ContentType=\"{m}.styles+xml\"/>",
            "<Override PartName=\"/word/settings.xml\" ContentType=\"{m}.settings+xml\"/>",
            "<Override PartName=\"/word/numbering.xml\" ContentType=\"{m}.numbering+xml\"/>",
            "<Override PartName=\"/word/footer1.xml\" ContentType=\"{m}.footer+xml\"/>",
            "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
            "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>",
            "</Types>"
        ),
        decl = DECLARATION,
        m = main
    )
}

/// A relationships part: (id, type's last segment, target).
fn relationships(rels: &[(&str, &str, &str)]) -> String {
    let mut out = format!(
        "{DECLARATION}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    );
    for (id, kind, target) in rels {
        let base = if kind.starts_with("metadata/") {
            "http://schemas.openxmlformats.org/package/2006/relationships"
        } else {
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        };
        let _ = write!(
            out,
            r#"<Relationship Id="{id}" Type="{base}/{kind}" Target="{target}"/>"#
        );
    }
    out.push_str("</Relationships>");
    out
}

fn package_rels() -> String {
    relationships(&[
        ("rId1", "officeDocument", "word/document.xml"),
        ("rId2", "metadata/core-properties", "docProps/core.xml"),
        ("rId3", "extended-properties", "docProps/app.xml"),
    ])
}

/// The footer's relationship id in `document.xml`.
pub(super) const FOOTER_ID: &str = "rId4";

fn document_rels() -> String {
    relationships(&[
        ("rId1", "styles", "styles.xml"),
        ("rId2", "settings", "settings.xml"),
        ("rId3", "numbering", "numbering.xml"),
        (FOOTER_ID, "footer", "footer1.xml"),
    ])
}

/// Title, subject and creator (the department), the language, and the
/// fixed dates.
fn core(plan: &Plan, lang: Lang, stamp: &Stamp) -> String {
    let mut out = format!(
        concat!(
            "{}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" ",
            "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" ",
            "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        ),
        DECLARATION
    );
    let title = layout::title(plan, lang);
    let subject = match lang {
        Lang::Zh => format!("{}年预算绩效目标", plan.year),
        Lang::En => format!("{} budget performance goals", plan.year),
    };
    for (tag, value) in [
        ("dc:title", title.as_str()),
        ("dc:subject", subject.as_str()),
        ("dc:creator", plan.department.as_str()),
        ("cp:lastModifiedBy", plan.department.as_str()),
        ("dc:language", language(lang)),
    ] {
        let _ = write!(out, "<{tag}>");
        xml::text(&mut out, value);
        let _ = write!(out, "</{tag}>");
    }
    let date = stamp.w3c();
    for tag in ["dcterms:created", "dcterms:modified"] {
        let _ = write!(out, r#"<{tag} xsi:type="dcterms:W3CDTF">{date}</{tag}>"#);
    }
    out.push_str("</cp:coreProperties>");
    out
}

fn app() -> String {
    format!(
        concat!(
            "{}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">",
            "<Application>perfplan</Application></Properties>"
        ),
        DECLARATION
    )
}

/// The document's language tag.
fn language(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en-US",
    }
}

/// The run properties every style starts from: body fonts and size, and
/// the language, East Asian text always Chinese.
fn defaults(lang: Lang) -> String {
    let mut out = String::from("<w:docDefaults><w:rPrDefault><w:rPr>");
    xml::fonts(&mut out, BODY_FONTS);
    out.push_str(r#"<w:kern w:val="2"/>"#);
    xml::size(&mut out, BODY_SIZE);
    let _ = write!(
        out,
        r#"<w:lang w:val="{}" w:eastAsia="zh-CN" w:bidi="ar-SA"/>"#,
        language(lang)
    );
    out.push_str("</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>");
    out
}

/// One paragraph style.
struct Style<'a> {
    id: &'a str,
    name: &'a str,
    /// Paragraph properties, in schema order.
    ppr: &'a str,
    fonts: Option<xml::Fonts>,
    size: Option<usize>,
}

fn style(out: &mut String, s: &Style) {
    let based = if s.id == "Normal" {
        r#"<w:qFormat/>"#.to_string()
    } else {
        r#"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#.to_string()
    };
    let default = if s.id == "Normal" {
        r#" w:default="1""#
    } else {
        ""
    };
    let _ = write!(
        out,
        r#"<w:style w:type="paragraph"{default} w:styleId="{}"><w:name w:val="{}"/>{based}<w:pPr>{}</w:pPr><w:rPr>"#,
        s.id, s.name, s.ppr
    );
    if let Some(f) = s.fonts {
        xml::fonts(out, f);
    }
    if let Some(size) = s.size {
        xml::size(out, size);
    }
    out.push_str("</w:rPr></w:style>");
}

/// The heading styles' paragraph properties: outline level, spacing,
/// alignment.
fn heading_ppr(level: usize, extra: &str) -> String {
    format!(
        r#"<w:keepNext/><w:spacing w:before="240" w:after="120" w:line="560" w:lineRule="exact"/>{extra}<w:outlineLvl w:val="{level}"/>"#
    )
}

fn styles(lang: Lang) -> String {
    let mut out = format!(r#"{DECLARATION}<w:styles xmlns:w="{W_NS}">"#);
    out.push_str(&defaults(lang));
    let h1 = heading_ppr(0, r#"<w:jc w:val="center"/>"#);
    let h2 = heading_ppr(1, "");
    let h3 = heading_ppr(2, r#"<w:ind w:firstLine="640"/>"#);
    let toc = |indent: usize| {
        format!(
            r#"<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_WIDTH}"/></w:tabs><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:left="{indent}"/>"#
        )
    };
    let (toc1, toc2) = (toc(0), toc(640));
    let list = [
        Style {
            id: "Normal",
            name: "Normal",
            ppr: r#"<w:spacing w:line="560" w:lineRule="exact"/><w:jc w:val="both"/>"#,
            fonts: Some(BODY_FONTS),
            size: Some(BODY_SIZE),
        },
        Style {
            id: "Title",
            name: "Title",
            ppr: r#"<w:spacing w:after="480" w:line="720" w:lineRule="exact"/><w:jc w:val="center"/>"#,
            fonts: Some(HEADING_FONTS),
            size: Some(TITLE_SIZE),
        },
        Style {
            id: "Heading1",
            name: "heading 1",
            ppr: &h1,
            fonts: Some(HEADING_FONTS),
            size: Some(BODY_SIZE),
        },
        Style {
            id: "Heading2",
            name: "heading 2",
            ppr: &h2,
            fonts: Some(HEADING_FONTS),
            size: Some(BODY_SIZE),
        },
        Style {
            id: "Heading3",
            name: "heading 3",
            ppr: &h3,
            fonts: Some(HEADING_FONTS),
            size: Some(BODY_SIZE),
        },
        Style {
            id: "TableText",
            name: "Table Text",
            ppr: r#"<w:spacing w:line="240" w:lineRule="auto"/>"#,
            fonts: None,
            size: Some(TABLE_SIZE),
        },
        Style {
            id: "TOCHeading",
            name: "TOC Heading",
            ppr: r#"<w:spacing w:after="240" w:line="560" w:lineRule="exact"/><w:jc w:val="center"/>"#,
            fonts: Some(HEADING_FONTS),
            size: Some(BODY_SIZE),
        },
        Style {
            id: "TOC1",
            name: "toc 1",
            ppr: &toc1,
            fonts: None,
            size: None,
        },
        Style {
            id: "TOC2",
            name: "toc 2",
            ppr: &toc2,
            fonts: None,
            size: None,
        },
    ];
    for s in &list {
        style(&mut out, s);
    }
    out.push_str("</w:styles>");
    out
}

/// Fields are updated when Word opens the file (the table of contents);
/// tabs every two characters of 三号; East Asian line breaking.
fn settings(lang: Lang) -> String {
    format!(
        concat!(
            "{decl}<w:settings xmlns:w=\"{w}\">",
            "<w:defaultTabStop w:val=\"640\"/>",
            "<w:characterSpacingControl w:val=\"compressPunctuation\"/>",
            "<w:updateFields w:val=\"true\"/>",
            "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>",
            "<w:themeFontLang w:val=\"{lang}\" w:eastAsia=\"zh-CN\"/>",
            "</w:settings>"
        ),
        decl = DECLARATION,
        w = W_NS,
        lang = language(lang)
    )
}

/// One list: 一、二、三、 with nothing between the number and the text,
/// for the 保障措施.
fn numbering() -> String {
    format!(
        concat!(
            "{decl}<w:numbering xmlns:w=\"{w}\">",
            "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>",
            "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>",
            "<w:suff w:val=\"nothing\"/><w:lvlText w:val=\"%1、\"/><w:lvlJc w:val=\"left\"/>",
            "<w:pPr><w:ind w:left=\"0\" w:firstLine=\"640\"/></w:pPr></w:lvl></w:abstractNum>",
            "<w:num w:numId=\"{id}\"><w:abstractNumId w:val=\"0\"/></w:num>",
            "</w:numbering>"
        ),
        decl = DECLARATION,
        w = W_NS,
        id = MEASURE_LIST
    )
}

/// The page number, `— 1 —`, centred.
fn footer() -> String {
    let mut out = format!(r#"{DECLARATION}<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">"#);
    out.push_str(r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr>"#);
    let look = |out: &mut String| {
        out.push_str("<w:rPr>");
        xml::fonts(out, FOOTER_FONTS);
        xml::size(out, FOOTER_SIZE);
        out.push_str("</w:rPr>");
    };
    let run = |out: &mut String, inner: &str| {
        out.push_str("<w:r>");
        look(out);
        out.push_str(inner);
        out.push_str("</w:r>");
    };
    run(&mut out, r#"<w:t xml:space="preserve">— </w:t>"#);
    run(&mut out, r#"<w:fldChar w:fldCharType="begin"/>"#);
    run(
        &mut out,
        r#"<w:instrText xml:space="preserve"> PAGE </w:instrText>"#,
    );
    run(&mut out, r#"<w:fldChar w:fldCharType="separate"/>"#);
    run(&mut out, "<w:t>1</w:t>");
    run(&mut out, r#"<w:fldChar w:fldCharType="end"/>"#);
    run(&mut out, r#"<w:t xml:space="preserve"> —</w:t>"#);
    out.push_str("</w:p></w:ftr>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_clamped_to_the_zip_range() {
        assert_eq!(Stamp::new(None).w3c(), "1980-01-01T00:00:00Z");
        assert_eq!(Stamp::new(Some(0)).w3c(), "1980-01-01T00:00:00Z");
        assert_eq!(
            Stamp::new(Some(1_700_000_001)).w3c(),
            "2023-11-14T22:13:20Z"
        );
        assert_eq!(Stamp::new(Some(i64::MAX)).w3c(), "2107-12-31T23:59:58Z");
        assert_eq!(Stamp::new(Some(951_782_400)).w3c(), "2000-02-29T00:00:00Z");
    }
}
