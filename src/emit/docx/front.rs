//! The front matter of a 部门预算绩效文本 and its part titles: the cover
//! page, the 目录 (a Word TOC field over the part and section titles),
//! and 第一部分 / 第二部分, which begin on a page of their own content.

use super::xml::{self, Para, Run};
use super::{BODY_FONTS, HEADING_FONTS};
use crate::diagnostic::Lang;
use crate::emit::layout;
use crate::model::Plan;

/// The words of the front matter in one language.
struct FrontWords {
    prepared_by: &'static str,
    reviewed_by: &'static str,
    contents: &'static str,
}

const ZH: FrontWords = FrontWords {
    prepared_by: "编制单位：",
    reviewed_by: "审核单位：",
    contents: "目　　录",
};

const EN: FrontWords = FrontWords {
    prepared_by: "Prepared by: ",
    reviewed_by: "Reviewed by: ",
    contents: "Contents",
};

fn words(lang: Lang) -> &'static FrontWords {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The blank the reviewing finance office fills in.
const BLANK: &str = "＿＿＿＿＿＿＿＿＿＿＿＿";

/// The cover title's size in half-points (一号) and its distance from the
/// top of the text (twips).
const COVER_TITLE_SIZE: usize = 52;
const COVER_TOP: usize = 3600;

/// The instruction of the table of contents: heading levels 1–2 and
/// outline levels, as hyperlinks, without page numbers in web view.
pub(super) const TOC_FIELD: &str = r#" TOC \o "1-2" \h \z \u "#;

/// Appends the cover page: the title (department, year, and （草案） for
/// a draft), 编制单位 (the department) and a line for the reviewing
/// finance office.
pub(super) fn cover(out: &mut String, plan: &Plan, lang: Lang) {
    let f = words(lang);
    let title = layout::title(plan, lang);
    let p = Para {
        align: Some("center"),
        before: Some(COVER_TOP),
        ..Para::styled("Normal")
    };
    let run = Run {
        text: &title,
        fonts: Some(HEADING_FONTS),
        size: Some(COVER_TITLE_SIZE),
        ..Run::default()
    };
    xml::paragraph(out, &p, &[run]);
    let line = |before| Para {
        align: Some("center"),
        before: Some(before),
        ..Para::styled("Normal")
    };
    let plain = |text| Run {
        text,
        fonts: Some(BODY_FONTS),
        ..Run::default()
    };
    xml::paragraph(
        out,
        &line(4800),
        &[plain(f.prepared_by), plain(&plan.department)],
    );
    let office = match lang {
        Lang::Zh => format!("{BLANK}财政局"),
        Lang::En => format!("{BLANK} finance bureau"),
    };
    xml::paragraph(out, &line(240), &[plain(f.reviewed_by), plain(&office)]);
}

/// Appends the 目录: its title (on a new page after a cover), then a TOC
/// field for Word to fill with page numbers and the project tables when
/// it opens the file (`w:updateFields` in the settings, and the field
/// marked dirty). Until then the field shows the part and section titles
/// alone: a list of project tables there would read, to `perfplan
/// import`, as the tables' own headings.
pub(super) fn toc(out: &mut String, plan: &Plan, lang: Lang, after_cover: bool) {
    let w = layout::words(lang);
    let title = Para {
        page_break: after_cover,
        ..Para::styled("TOCHeading")
    };
    xml::paragraph(out, &title, &[Run::plain(words(lang).contents)]);
    let mut entries: Vec<(&str, String)> = vec![
        ("TOC1", w.part1.to_string()),
        ("TOC2", w.overall.to_string()),
        ("TOC2", w.summaries.to_string()),
    ];
    if !plan.measures.is_empty() {
        entries.push(("TOC2", w.measures.to_string()));
    }
    entries.push(("TOC1", w.part2.to_string()));
    let last = entries.len() - 1;
    for (k, (style, text)) in entries.into_iter().enumerate() {
        xml::open_paragraph(out, &Para::styled(style));
        if k == 0 {
            out.push_str(r#"<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>"#);
            out.push_str(r#"<w:r><w:instrText xml:space="preserve">"#);
            out.push_str(TOC_FIELD);
            out.push_str("</w:instrText></w:r>");
            out.push_str(r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#);
        }
        xml::run(out, &Run::plain(&text));
        if k == last {
            out.push_str(r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#);
        }
        out.push_str("</w:p>");
    }
}

/// Appends a part title (第一部分, 第二部分): a level-1 heading, from a new
/// page when `new_page`. What follows it stays on its page: the first
/// project table is not pushed to the next page.
pub(super) fn part_title(out: &mut String, text: &str, new_page: bool) {
    let p = Para {
        page_break: new_page,
        ..Para::styled("Heading1")
    };
    xml::paragraph(out, &p, &[Run::plain(text)]);
}
