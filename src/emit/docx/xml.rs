//! The pieces of WordprocessingML the writer uses: escaped text, runs and
//! paragraphs with the few properties the document needs. Everything is
//! appended to a `String`; elements are written in the order the schema
//! requires, which Word checks.

use std::fmt::Write as _;

/// The WordprocessingML namespace.
pub(super) const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The relationships namespace (`r:id`).
pub(super) const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// The XML declaration every part starts with.
pub(super) const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// Appends a text as XML character data: characters XML forbids become
/// U+FFFD ([`crate::emit::xml_text`]), markup characters are escaped.
pub(super) fn text(out: &mut String, t: &str) {
    let safe = crate::emit::xml_text(t);
    for c in safe.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

/// A font pair: the East Asian face and the face of Latin text.
#[derive(Clone, Copy)]
pub(super) struct Fonts {
    pub east_asia: &'static str,
    pub latin: &'static str,
}

/// Appends `w:rFonts` with ascii, hAnsi, eastAsia and cs together.
pub(super) fn fonts(out: &mut String, f: Fonts) {
    let _ = write!(
        out,
        r#"<w:rFonts w:ascii="{l}" w:hAnsi="{l}" w:eastAsia="{e}" w:cs="{l}"/>"#,
        l = f.latin,
        e = f.east_asia
    );
}

/// Appends a font size in half-points (`w:sz` and `w:szCs`).
pub(super) fn size(out: &mut String, half_points: usize) {
    let _ = write!(
        out,
        r#"<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>"#
    );
}

/// A run of text and how it looks.
#[derive(Clone, Copy, Default)]
pub(super) struct Run<'a> {
    pub text: &'a str,
    pub bold: bool,
    pub fonts: Option<Fonts>,
    /// Half-points; the style's size when `None`.
    pub size: Option<usize>,
    /// A tab before the text.
    pub tab: bool,
}

impl<'a> Run<'a> {
    /// Plain text in the paragraph style's look.
    pub fn plain(text: &'a str) -> Run<'a> {
        Run {
            text,
            ..Run::default()
        }
    }

    /// Bold text.
    pub fn bold(text: &'a str) -> Run<'a> {
        Run {
            text,
            bold: true,
            ..Run::default()
        }
    }
}

/// Appends one run.
pub(super) fn run(out: &mut String, r: &Run) {
    out.push_str("<w:r>");
    if r.bold || r.fonts.is_some() || r.size.is_some() {
        out.push_str("<w:rPr>");
        if let Some(f) = r.fonts {
            fonts(out, f);
        }
        if r.bold {
            out.push_str("<w:b/><w:bCs/>");
        }
        if let Some(s) = r.size {
            size(out, s);
        }
        out.push_str("</w:rPr>");
    }
    if r.tab {
        out.push_str("<w:tab/>");
    }
    if !r.text.is_empty() {
        out.push_str(r#"<w:t xml:space="preserve">"#);
        text(out, r.text);
        out.push_str("</w:t>");
    }
    out.push_str("</w:r>");
}

/// How a paragraph sits: its style and the properties it sets itself.
#[derive(Clone, Copy, Default)]
pub(super) struct Para<'a> {
    pub style: &'a str,
    /// `w:jc`: `center`, `left`, `both`.
    pub align: Option<&'static str>,
    /// Starts a new page.
    pub page_break: bool,
    /// Stays on the page of the next paragraph (a table row: of the next
    /// row).
    pub keep_next: bool,
    /// Numbered in the list `w:numId` (level 0).
    pub numbered: Option<u32>,
    /// A right-aligned tab stop at this position (twips).
    pub right_tab: Option<usize>,
    /// Space before, in twips.
    pub before: Option<usize>,
    /// The first line indented two characters of 三号.
    pub indent_first: bool,
    /// The paragraph mark's size (half-points): an empty paragraph's
    /// height.
    pub mark_size: Option<usize>,
}

impl<'a> Para<'a> {
    /// A paragraph of a style.
    pub fn styled(style: &'a str) -> Para<'a> {
        Para {
            style,
            ..Para::default()
        }
    }
}

/// Appends the opening of a paragraph with its properties.
pub(super) fn open_paragraph(out: &mut String, p: &Para) {
    out.push_str("<w:p><w:pPr>");
    if !p.style.is_empty() {
        let _ = write!(out, r#"<w:pStyle w:val="{}"/>"#, p.style);
    }
    if p.keep_next {
        out.push_str("<w:keepNext/>");
    }
    if p.page_break {
        out.push_str("<w:pageBreakBefore/>");
    }
    if let Some(id) = p.numbered {
        let _ = write!(
            out,
            r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{id}"/></w:numPr>"#
        );
    }
    if let Some(pos) = p.right_tab {
        let _ = write!(
            out,
            r#"<w:tabs><w:tab w:val="right" w:pos="{pos}"/></w:tabs>"#
        );
    }
    if let Some(before) = p.before {
        let _ = write!(out, r#"<w:spacing w:before="{before}"/>"#);
    }
    if p.indent_first {
        out.push_str(r#"<w:ind w:firstLine="640"/>"#);
    }
    if let Some(align) = p.align {
        let _ = write!(out, r#"<w:jc w:val="{align}"/>"#);
    }
    if let Some(s) = p.mark_size {
        out.push_str("<w:rPr>");
        size(out, s);
        out.push_str("</w:rPr>");
    }
    out.push_str("</w:pPr>");
}

/// Appends a whole paragraph.
pub(super) fn paragraph(out: &mut String, p: &Para, runs: &[Run]) {
    open_paragraph(out, p);
    for r in runs {
        run(out, r);
    }
    out.push_str("</w:p>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_made_safe() {
        let mut out = String::new();
        text(&mut out, "a<b>&\"c\u{1b}");
        assert_eq!(out, "a&lt;b&gt;&amp;&quot;c\u{fffd}");
    }

    #[test]
    fn paragraph_properties_come_in_schema_order() {
        let mut out = String::new();
        let p = Para {
            style: "Heading1",
            keep_next: true,
            page_break: true,
            align: Some("center"),
            ..Para::default()
        };
        paragraph(&mut out, &p, &[Run::bold("x")]);
        assert_eq!(
            out,
            concat!(
                r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:keepNext/><w:pageBreakBefore/>"#,
                r#"<w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/></w:rPr>"#,
                r#"<w:t xml:space="preserve">x</w:t></w:r></w:p>"#
            )
        );
    }
}
