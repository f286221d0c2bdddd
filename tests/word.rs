//! `perfplan build --to docx`: what issue 16 asks of the Word file, read
//! back from the archive (zip + quick-xml): the cover and the TOC field,
//! repeating header rows, rows that do not split, 一级 groups kept on one
//! page, no empty page, tables within the text width, Chinese language
//! tags, document properties, reproducible bytes, the unit's code and
//! name, and the switches. When LibreOffice is installed, the document is
//! also rendered to PDF and its pages and figures checked.

use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::{Cursor, Read};
use std::path::Path;
use std::process::Command;

#[path = "common/cli.rs"]
mod cli;

#[path = "common/seed.rs"]
mod seed;

const ZH: &str = "examples/leting-jijian-2022.plan";
/// A multi-year project with optional indicator columns.
const FIELDS: &str = "examples/school-repair-2024.plan";
/// The width of the text block in twips.
const TEXT_WIDTH: usize = 8844;

/// The bytes `build --to docx` writes, with extra arguments and
/// environment.
fn build_with(file: &str, extra: &[&str], env: &[(&str, &str)]) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let out = dir.path().join("plan.docx");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_perfplan"));
    cmd.current_dir(root)
        .args(["build", file, "--to", "docx", "--color", "never", "-o"])
        .arg(&out)
        .args(extra)
        .env_remove("SOURCE_DATE_EPOCH");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let output = cmd.output().expect("perfplan runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::read(&out).expect("the file is written")
}

fn build(extra: &[&str]) -> Vec<u8> {
    build_with(ZH, extra, &[])
}

fn entry(bytes: &[u8], path: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    let mut file = archive.by_name(path).expect("the entry exists");
    let mut text = String::new();
    file.read_to_string(&mut text).expect("UTF-8 XML");
    text
}

fn document(bytes: &[u8]) -> String {
    entry(bytes, "word/document.xml")
}

/// What the page flow is made of, in document order.
#[derive(Debug, PartialEq)]
enum Flow {
    /// A page break: before a paragraph, a `w:br` of type page, or the
    /// end of a section (the next starts on a new page).
    Break,
    /// Some text.
    Text,
}

/// The page breaks and texts of `document.xml`.
fn flow(xml: &str) -> Vec<Flow> {
    let mut reader = Reader::from_str(xml);
    let (mut out, mut in_ppr, mut section_end, mut in_text) = (Vec::new(), false, false, false);
    loop {
        let event = reader.read_event().expect("well-formed XML");
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().into_inner() {
                "w:pPr" => in_ppr = true,
                "w:pageBreakBefore" => out.push(Flow::Break),
                "w:sectPr" if in_ppr => section_end = true,
                "w:br" => {
                    let page = e
                        .attributes()
                        .flatten()
                        .any(|a| a.key.into_inner() == "w:type" && &*a.value == "page");
                    if page {
                        out.push(Flow::Break);
                    }
                }
                "w:t" => in_text = true,
                _ => {}
            },
            Event::End(e) => match e.name().into_inner() {
                "w:pPr" => in_ppr = false,
                "w:t" => in_text = false,
                "w:p" if section_end => {
                    section_end = false;
                    out.push(Flow::Break);
                }
                _ => {}
            },
            Event::Text(t) if in_text && !t.clone().into_inner().trim().is_empty() => {
                out.push(Flow::Text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The tables of `document.xml`, each as its rows' XML.
fn tables(xml: &str) -> Vec<Vec<&str>> {
    xml.split("<w:tbl>")
        .skip(1)
        .map(|t| {
            let t = t.split("</w:tbl>").next().unwrap_or("");
            t.split("<w:tr>")
                .skip(1)
                .map(|r| r.split("</w:tr>").next().unwrap_or(""))
                .collect()
        })
        .collect()
}

fn attr_values<'a>(xml: &'a str, tag: &str, attr: &str) -> Vec<&'a str> {
    xml.split(&format!("<{tag} "))
        .skip(1)
        .filter_map(|s| {
            let start = s.find(&format!("{attr}=\""))? + attr.len() + 2;
            let len = s.get(start..)?.find('"')?;
            s.get(start..start + len)
        })
        .collect()
}

/// The text of a piece of XML, its tags left out.
fn text_of(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(start) = rest.find("<w:t xml:space=\"preserve\">") {
        rest = &rest[start + 26..];
        let end = rest.find("</w:t>").unwrap_or(rest.len());
        out.push_str(&rest[..end]);
        rest = &rest[end..];
    }
    out
}

#[test]
fn the_cover_and_the_table_of_contents_come_first() {
    let xml = document(&build(&[]));
    let cover = xml
        .find("纪检会2022年部门预算绩效文本")
        .expect("the cover title");
    assert!(xml.contains("编制单位：</w:t>"), "编制单位");
    assert!(xml.contains("审核单位："), "the reviewing office's line");
    let toc = xml.find(r#"TOC \o "1-2" \h \z \u"#).expect("a TOC field");
    assert!(cover < toc);
    assert!(xml.contains(r#"<w:fldChar w:fldCharType="begin" w:dirty="true"/>"#));
    let part1 = xml.find(">第一部分 部门整体绩效目标<").expect("part 1");
    assert!(toc < part1);
    let settings = entry(&build(&[]), "word/settings.xml");
    assert!(settings.contains(r#"<w:updateFields w:val="true"/>"#));
}

#[test]
fn switches_leave_out_the_cover_and_the_table_of_contents() {
    let xml = document(&build(&["--no-cover"]));
    assert!(!xml.contains("编制单位"));
    assert!(xml.contains("TOC \\o"));
    let xml = document(&build(&["--no-toc"]));
    assert!(xml.contains("编制单位"));
    assert!(!xml.contains("TOC \\o"));
    let xml = document(&build(&["--no-cover", "--no-toc"]));
    assert!(!xml.contains("编制单位") && !xml.contains("TOC \\o"));
    // The title heads the body instead, and no section break is left.
    assert!(xml.contains(r#"<w:pStyle w:val="Title"/>"#));
    assert_eq!(xml.matches("<w:sectPr>").count(), 1);
}

/// The example with `lines` added to its header, written to a temporary
/// file: the directory (kept while the test runs) and the file's path.
fn with_header(lines: &str) -> (tempfile::TempDir, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(ZH)).expect("the example is readable");
    let anchor = "  金额单位 万元\n";
    assert!(text.contains(anchor), "the example's header has moved");
    let text = text.replacen(anchor, &format!("{anchor}{lines}"), 1);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("plan.plan");
    std::fs::write(&path, text).expect("the plan is written");
    let path = path.to_string_lossy().into_owned();
    (dir, path)
}

/// The text of the paragraphs of one style (`Title`).
fn styled_text(xml: &str, style: &str) -> Vec<String> {
    let mark = format!(r#"<w:pStyle w:val="{style}"/>"#);
    xml.split("<w:p>")
        .filter(|p| p.contains(&mark))
        .map(text_of)
        .collect()
}

#[test]
fn a_draft_says_so_on_the_cover_in_the_title_and_the_properties() {
    let (_dir, plan) = with_header("  草案 是\n");
    let bytes = build_with(&plan, &[], &[]);
    let xml = document(&bytes);
    let cover = xml
        .find(">纪检会2022年部门预算绩效文本（草案）<")
        .expect("the cover's title says （草案）");
    assert!(cover < xml.find("编制单位").expect("the cover"));
    assert_eq!(xml.matches("（草案）").count(), 1, "once, on the cover");
    let core = entry(&bytes, "docProps/core.xml");
    assert!(core.contains("<dc:title>纪检会2022年部门预算绩效文本（草案）</dc:title>"));
    // Without the front matter, the title heading the body says it.
    let xml = document(&build_with(&plan, &["--no-cover", "--no-toc"], &[]));
    assert_eq!(
        styled_text(&xml, "Title"),
        ["纪检会2022年部门预算绩效文本（草案）"]
    );
    let en = document(&build_with(&plan, &["--doc-lang", "en"], &[]));
    assert!(en.contains(">纪检会 2022 budget performance plan (Draft)<"));
    // A plan that is not a draft never says it.
    let (_dir, not_draft) = with_header("  草案 否\n");
    let bytes = build_with(&not_draft, &["--no-cover", "--no-toc"], &[]);
    assert!(!document(&bytes).contains("草案"));
    assert_eq!(
        styled_text(&document(&bytes), "Title"),
        ["纪检会2022年部门预算绩效文本"]
    );
    assert!(!document(&build(&[])).contains("草案"));
}

#[test]
fn the_header_leaves_out_the_cover_and_the_table_of_contents() {
    let has_cover = |xml: &str| xml.contains("编制单位");
    let has_toc = |xml: &str| xml.contains("TOC \\o");
    let (_dir, neither) = with_header("  封面：否\n  目录：否\n");
    let xml = document(&build_with(&neither, &[], &[]));
    assert!(!has_cover(&xml) && !has_toc(&xml));
    assert_eq!(styled_text(&xml, "Title"), ["纪检会2022年部门预算绩效文本"]);
    let (_dir, no_toc) = with_header("  toc no\n");
    let xml = document(&build_with(&no_toc, &[], &[]));
    assert!(has_cover(&xml) && !has_toc(&xml));
    // The command line wins over the header, both ways.
    let xml = document(&build_with(&neither, &["--cover"], &[]));
    assert!(has_cover(&xml) && !has_toc(&xml));
    let xml = document(&build_with(&neither, &["--toc"], &[]));
    assert!(!has_cover(&xml) && has_toc(&xml));
    let (_dir, both) = with_header("  封面 是\n  目录 是\n");
    let xml = document(&build_with(&both, &["--no-cover"], &[]));
    assert!(!has_cover(&xml) && has_toc(&xml));
    // Of `--cover` and `--no-cover`, the last one given.
    let xml = document(&build_with(&neither, &["--no-cover", "--cover"], &[]));
    assert!(has_cover(&xml));
    let xml = document(&build_with(&both, &["--toc", "--no-toc"], &[]));
    assert!(!has_toc(&xml));
}

#[test]
fn no_page_is_left_empty() {
    for extra in [
        &[][..],
        &["--no-cover"],
        &["--no-toc"],
        &["--no-cover", "--no-toc"],
    ] {
        for file in [ZH, FIELDS] {
            let flow = flow(&document(&build_with(file, extra, &[])));
            assert_eq!(
                flow.first(),
                Some(&Flow::Text),
                "{file} {extra:?} starts with a break"
            );
            for pair in flow.windows(2) {
                assert!(
                    pair != [Flow::Break, Flow::Break],
                    "{file} {extra:?}: two page breaks with nothing between"
                );
            }
        }
    }
    // 第二部分 shares its page with the first project table.
    let xml = document(&build(&[]));
    let part2 = xml.rfind(">第二部分 预算项目绩效目标<").expect("part 2");
    let first = xml[part2..]
        .find("1. 办案工作经费绩效目标表")
        .expect("project 1")
        + part2;
    assert!(!xml[part2..first].contains("pageBreakBefore"));
}

#[test]
fn header_rows_repeat_and_rows_never_split() {
    for file in [ZH, FIELDS] {
        let xml = document(&build_with(file, &[], &[]));
        for table in tables(&xml) {
            let first = table.first().expect("a row");
            assert!(first.contains("<w:tblHeader/>"), "{file}: {first}");
            for row in &table {
                assert!(row.contains("<w:cantSplit/>"), "{file}: {row}");
            }
        }
    }
}

#[test]
fn a_first_level_group_keeps_together() {
    let xml = document(&build(&[]));
    let grids: Vec<Vec<&str>> = tables(&xml)
        .into_iter()
        .filter(|t| {
            t.first()
                .is_some_and(|r| text_of(r).starts_with("一级指标"))
        })
        .collect();
    assert_eq!(grids.len(), 3);
    // The first grid: 产出指标 over 4 rows, 效益指标 over 3, 满意度指标 1;
    // the last row keeps with the reviewer rows below it, so they never
    // stand alone on a page.
    let rows: Vec<bool> = grids[0]
        .iter()
        .skip(1)
        .take(8)
        .map(|r| r.contains("<w:keepNext/>"))
        .collect();
    assert_eq!(rows, [true, true, true, false, true, true, false, true]);
    assert!(text_of(grids[0][9]).contains("主管部门审核意见"));
    // The column heads stay with the first row.
    assert!(grids[0][0].contains("<w:keepNext/>"));
}

#[test]
fn every_table_fits_the_text_width() {
    for file in [ZH, FIELDS] {
        let xml = document(&build_with(file, &[], &[]));
        for grid in xml.split("<w:tblGrid>").skip(1) {
            let grid = grid.split("</w:tblGrid>").next().unwrap_or("");
            let width: usize = attr_values(grid, "w:gridCol", "w:w")
                .iter()
                .filter_map(|w| w.parse::<usize>().ok())
                .sum();
            assert!(width <= TEXT_WIDTH, "{file}: {width}");
        }
    }
}

#[test]
fn columns_follow_their_content() {
    let xml = document(&build(&[]));
    let grid = xml
        .split("<w:tblGrid>")
        .nth(2)
        .and_then(|g| g.split("</w:tblGrid>").next())
        .expect("the first indicator grid");
    let widths: Vec<usize> = attr_values(grid, "w:gridCol", "w:w")
        .iter()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert_eq!(widths.len(), 6);
    // 指标值 holds `≤50.00万元` on one line: 13 half-characters of 五号
    // (≤ is full-width in a Chinese font, and a space is set before 万).
    assert!(widths[4] >= 13 * 105 + 170, "{widths:?}");
    // No column is narrower than four characters.
    assert!(widths.iter().all(|w| *w >= 4 * 210 + 170), "{widths:?}");
}

#[test]
fn styles_say_chinese_and_tables_are_wuhao() {
    let bytes = build(&[]);
    let styles = entry(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"<w:lang w:val="zh-CN" w:eastAsia="zh-CN""#));
    assert!(styles.contains(
        r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋" w:cs="Times New Roman"/>"#
    ));
    let table_text = styles
        .split(r#"w:styleId="TableText""#)
        .nth(1)
        .and_then(|s| s.split("</w:style>").next())
        .expect("the table text style");
    assert!(table_text.contains(r#"<w:sz w:val="21"/>"#), "{table_text}");
    let english = entry(&build(&["--doc-lang", "en"]), "word/styles.xml");
    assert!(english.contains(r#"<w:lang w:val="en-US" w:eastAsia="zh-CN""#));
}

#[test]
fn properties_are_filled() {
    let core = entry(&build(&[]), "docProps/core.xml");
    for expected in [
        "<dc:title>纪检会2022年部门预算绩效文本</dc:title>",
        "<dc:subject>2022年预算绩效目标</dc:subject>",
        "<dc:creator>纪检会</dc:creator>",
        ">1980-01-01T00:00:00Z</dcterms:created>",
        ">1980-01-01T00:00:00Z</dcterms:modified>",
    ] {
        assert!(core.contains(expected), "{expected} in {core}");
    }
}

#[test]
fn two_builds_give_the_same_bytes_and_source_date_epoch_is_used() {
    assert!(build(&[]) == build(&[]));
    let env = [("SOURCE_DATE_EPOCH", "1700000000")];
    let stamped = build_with(ZH, &[], &env);
    assert!(stamped == build_with(ZH, &[], &env));
    let core = entry(&stamped, "docProps/core.xml");
    assert!(
        core.contains(">2023-11-14T22:13:20Z</dcterms:created>"),
        "{core}"
    );
    let mut archive = zip::ZipArchive::new(Cursor::new(&stamped)).expect("a zip archive");
    for i in 0..archive.len() {
        let file = archive.by_index(i).expect("an entry");
        let time = file.last_modified().expect("a time");
        assert_eq!((time.year(), time.month(), time.day()), (2023, 11, 14));
    }
    let plain = build(&[]);
    let mut archive = zip::ZipArchive::new(Cursor::new(&plain)).expect("a zip archive");
    let time = archive
        .by_index(0)
        .expect("an entry")
        .last_modified()
        .expect("a time");
    assert_eq!((time.year(), time.month(), time.day()), (1980, 1, 1));
}

#[test]
fn a_unit_is_its_code_a_space_and_its_name() {
    let xml = document(&build(&[]));
    assert!(xml.contains(">222002 中国共产党乐亭县纪律委员会<"));
    assert!(xml.contains(">222003 中共乐亭县委巡察工作领导小组办公室<"));
}

// ------------------------------------------------------ LibreOffice --

/// Whether a program can be started.
fn installed(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok()
}

/// The text of each page of a PDF, by `pdftotext` (pages split at form
/// feeds).
fn pdf_pages(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut pages: Vec<String> = text.split('\u{c}').map(String::from).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The example rendered by LibreOffice: the cover, the 目录, 第一部分 on
/// the first page of the body, no page without text of its own, and every
/// figure of the seed's tables in the text (no clipped cell).
#[test]
fn libreoffice_renders_every_page_and_figure() {
    if !installed("soffice") || !installed("pdftotext") {
        println!("skipped: soffice or pdftotext is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let docx = dir.path().join("plan.docx");
    std::fs::write(&docx, build(&[])).expect("written");
    let profile = format!("-env:UserInstallation=file://{}/lo", dir.path().display());
    let status = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&docx)
        .output()
        .expect("soffice runs");
    let pdf = dir.path().join("plan.pdf");
    assert!(pdf.exists(), "{}", String::from_utf8_lossy(&status.stderr));
    let pages = pdf_pages(&pdf);
    println!("LibreOffice: {} pages", pages.len());
    assert!(squeezed(&pages[0]).contains("纪检会2022年部门预算绩效文本"));
    let toc = squeezed(&pages[1]);
    assert!(
        toc.starts_with('目') && toc.contains("一、总体绩效目标"),
        "{toc}"
    );
    assert!(squeezed(&pages[2]).starts_with("第一部分"));
    for (n, page) in pages.iter().enumerate() {
        // A page holds more than its page number.
        let text = squeezed(page);
        let bare = text.trim_matches(|c: char| c == '—' || c.is_ascii_digit());
        assert!(!bare.is_empty(), "page {} is empty", n + 1);
    }
    let part2 = pages
        .iter()
        .skip(2)
        .find(|p| squeezed(p).contains("第二部分预算项目绩效目标"))
        .expect("part 2");
    assert!(squeezed(part2).contains("1.办案工作经费绩效目标表"));
    let all = squeezed(&pages.concat());
    for expected in seed::SEED {
        for piece in expected.split('|').map(str::trim) {
            // Figures and codes; a long sentence wraps inside its cell, and
            // pdftotext may interleave the lines of neighbouring cells.
            let figure = piece.chars().any(|c| c.is_ascii_digit()) && piece.chars().count() <= 24;
            if figure {
                let piece = squeezed(piece).replace("：", "");
                let found = all.replace("：", "").contains(&piece);
                assert!(found, "the PDF lacks {piece}");
            }
        }
    }
}
