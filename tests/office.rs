//! `perfplan build --to docx|xlsx`: the Word and Excel files of the
//! example, read back with independent readers (the zip crate and the
//! document XML for Word, calamine for Excel): every figure and text of the
//! seed's tables, the merged 一级/二级 cells, numbers stored as numbers,
//! page and font setup, determinism, and refusal without `-o`.

use calamine::{Data, Reader, Xlsx};
use perfplan::check::{Options, check};
use perfplan::diagnostic::Lang;
use perfplan::model;
use perfplan::sema::Ctx;
use perfplan::source::{SourceFile, SourceMap};
use std::io::{Cursor, Read};

#[path = "common/cli.rs"]
mod cli;

/// The exit code and standard error of a run at the repository's root.
fn run(args: &[&str]) -> (i32, String) {
    let (code, _, stderr) = cli::perfplan(args);
    (code, stderr)
}

const ZH: &str = "examples/leting-jijian-2022.plan";

/// A multi-year project with every field of a real project table.
const FIELDS: &str = "examples/school-repair-2024.plan";

/// The bytes `perfplan build --to FORMAT -o FILE` writes for the example.
fn build(to: &str, lang: &str) -> Vec<u8> {
    build_file(ZH, to, lang)
}

fn build_file(file: &str, to: &str, lang: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let out = dir.path().join(format!("plan.{to}"));
    let out_str = out.to_string_lossy().into_owned();
    let (code, stderr) = run(&[
        "build", file, "--to", to, "--lang", lang, "--color", "never", "-o", &out_str,
    ]);
    assert_eq!(code, 0, "build --to {to}:\n{stderr}");
    std::fs::read(&out).expect("the output file is written")
}

#[path = "common/seed.rs"]
mod seed;

use seed::SEED;

/// What one expected string means in a Word or Excel file.
#[derive(Debug)]
enum Expect {
    /// Text somewhere in the document.
    Text(String),
    /// Cells next to each other in one table row.
    Row(Vec<String>),
    /// A heading (Word) or a cell of its own (Excel).
    Heading(String),
}

/// A Markdown expectation as a table or document expectation. The tables
/// label the spending schedule with its merged title, not with the
/// Markdown's `累计支出` row label, so that label is not sought.
fn expectation(markdown: &str) -> Expect {
    if let Some(heading) = markdown.strip_prefix("#### ") {
        return Expect::Heading(heading.to_string());
    }
    if markdown.starts_with('|') {
        let cells = markdown
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .filter(|c| *c != "累计支出")
            .map(String::from)
            .collect();
        return Expect::Row(cells);
    }
    Expect::Text(markdown.to_string())
}

// ---------------------------------------------------------------- Word --

#[derive(Debug, Default)]
struct WordCell {
    text: String,
    vmerge: Option<String>,
    span: usize,
}

#[derive(Debug)]
enum Block {
    Paragraph { style: String, text: String },
    Table(Vec<Vec<WordCell>>),
}

/// The file at `path` in a zip archive, as text.
fn zip_entry(bytes: &[u8], path: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    let mut file = archive.by_name(path).expect("the entry exists");
    let mut text = String::new();
    file.read_to_string(&mut text).expect("UTF-8 XML");
    text
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let len = tag.get(start..)?.find('"')?;
    tag.get(start..start + len).map(String::from)
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The paragraphs and tables of `word/document.xml`, in order: each
/// paragraph with its style, each table cell with its text, vertical merge
/// and column span.
fn word_blocks(xml: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut table: Option<Vec<Vec<WordCell>>> = None;
    let (mut text, mut style, mut in_text) = (String::new(), String::new(), false);
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        if in_text {
            text.push_str(&unescape(&rest[..open]));
        }
        let close = open + rest[open..].find('>').expect("a closed tag");
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        let cell = table
            .as_mut()
            .and_then(|t| t.last_mut())
            .and_then(|r| r.last_mut());
        match (name, closing) {
            ("w:tbl", false) => table = Some(Vec::new()),
            ("w:tbl", true) => blocks.extend(table.take().map(Block::Table)),
            ("w:tr", false) => table.iter_mut().for_each(|t| t.push(Vec::new())),
            ("w:tc", false) => {
                if let Some(row) = table.as_mut().and_then(|t| t.last_mut()) {
                    row.push(WordCell {
                        span: 1,
                        ..WordCell::default()
                    });
                }
            }
            ("w:vMerge", false) => {
                if let Some(c) = cell {
                    c.vmerge = Some(attr(tag, "w:val").unwrap_or_else(|| "continue".into()));
                }
            }
            ("w:gridSpan", false) => {
                if let Some(c) = cell {
                    c.span = attr(tag, "w:val").and_then(|v| v.parse().ok()).unwrap_or(1);
                }
            }
            ("w:p", false) => {
                text.clear();
                style.clear();
            }
            ("w:pStyle", false) => style = attr(tag, "w:val").unwrap_or_default(),
            ("w:t", false) => in_text = !tag.ends_with('/'),
            ("w:t", true) => in_text = false,
            ("w:p", true) => match cell {
                Some(c) if c.text.is_empty() => c.text = text.clone(),
                Some(c) => c.text = format!("{}\n{text}", c.text),
                None => blocks.push(Block::Paragraph {
                    style: style.clone(),
                    text: text.clone(),
                }),
            },
            _ => {}
        }
    }
    blocks
}

fn word_document(bytes: &[u8]) -> Vec<Block> {
    word_blocks(&zip_entry(bytes, "word/document.xml"))
}

fn word_tables(blocks: &[Block]) -> Vec<&Vec<Vec<WordCell>>> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            Block::Paragraph { .. } => None,
        })
        .collect()
}

fn word_holds(blocks: &[Block], expect: &Expect) -> bool {
    match expect {
        Expect::Text(s) => blocks.iter().any(|b| match b {
            Block::Paragraph { text, .. } => text.contains(s.as_str()),
            Block::Table(t) => t.iter().flatten().any(|c| c.text.contains(s.as_str())),
        }),
        Expect::Row(cells) => word_tables(blocks).iter().any(|t| {
            t.iter().any(|row| {
                let texts: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
                texts.windows(cells.len()).any(|w| w == cells.as_slice())
            })
        }),
        Expect::Heading(h) => blocks.iter().any(|b| {
            matches!(b, Block::Paragraph { style, text } if style.starts_with("Heading") && text == h)
        }),
    }
}

#[test]
fn word_holds_every_figure_and_text_of_the_seed_tables() {
    let blocks = word_document(&build("docx", "zh"));
    for markdown in SEED {
        // The Word file separates a unit's code and name by a space.
        let expect = match expectation(markdown) {
            Expect::Text(t) if t.starts_with("22200") => {
                Expect::Text(format!("{} {}", &t[..6], &t[6..]))
            }
            other => other,
        };
        assert!(
            word_holds(&blocks, &expect),
            "the document lacks {expect:?}"
        );
    }
    assert!(
        !word_holds(&blocks, &Expect::Text("34.5".into())),
        "the summary's wrong 34.5 must not appear"
    );
}

/// The vertical runs of a column of an indicator grid: each level's name
/// and how many rows its cell covers.
fn word_runs(grid: &[&Vec<WordCell>], col: usize) -> Vec<(String, usize)> {
    let mut runs: Vec<(String, usize)> = Vec::new();
    for row in grid {
        let cell = &row[col];
        match cell.vmerge.as_deref() {
            Some("continue") => {
                assert!(cell.text.is_empty(), "a continued cell is blank");
                runs.last_mut().expect("a merge to continue").1 += 1;
            }
            _ => runs.push((cell.text.clone(), 1)),
        }
    }
    runs
}

fn runs(list: &[(&str, usize)]) -> Vec<(String, usize)> {
    list.iter().map(|(s, n)| (s.to_string(), *n)).collect()
}

/// The indicator grids of the projects: the tables headed 一级指标, less
/// their head and the reviewer rows (which span columns).
fn word_grids(blocks: &[Block]) -> Vec<Vec<&Vec<WordCell>>> {
    word_tables(blocks)
        .into_iter()
        .filter(|t| {
            t.first()
                .and_then(|r| r.first())
                .is_some_and(|c| c.text == "一级指标")
        })
        .map(|t| t.iter().skip(1).filter(|r| r.len() == 6).collect())
        .collect()
}

#[test]
fn word_merges_first_and_second_levels_over_their_rows() {
    let blocks = word_document(&build("docx", "zh"));
    let grids = word_grids(&blocks);
    assert_eq!(grids.len(), 3);
    assert_eq!(
        word_runs(&grids[0], 0),
        runs(&[("产出指标", 4), ("效益指标", 3), ("满意度指标", 1)])
    );
    assert_eq!(
        word_runs(&grids[2], 0),
        runs(&[("产出指标", 5), ("效益指标", 4), ("满意度指标", 1)])
    );
    assert_eq!(
        word_runs(&grids[2], 1),
        runs(&[
            ("数量指标", 2),
            ("质量指标", 1),
            ("时效指标", 1),
            ("成本指标", 1),
            ("经济效益指标", 1),
            ("社会效益指标", 1),
            ("生态效益指标", 1),
            ("可持续影响指标", 1),
            ("服务对象满意度指标", 1),
        ])
    );
    // A group of several rows starts its merge; a group of one is not merged.
    assert_eq!(grids[2][0][0].vmerge.as_deref(), Some("restart"));
    assert_eq!(grids[2][0][1].vmerge.as_deref(), Some("restart"));
    assert_eq!(grids[2][2][1].vmerge, None);
}

#[test]
fn word_tables_fit_the_page_and_have_reviewer_rows() {
    let bytes = build("docx", "zh");
    let xml = zip_entry(&bytes, "word/document.xml");
    assert!(
        xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
        "A4 portrait"
    );
    let blocks = word_blocks(&xml);
    let tables = word_tables(&blocks);
    assert_eq!(tables.len(), 6, "a header block and a grid per project");
    // Every table fills the 8844-twip text block exactly.
    for grid in xml.split("<w:tblGrid>").skip(1) {
        let grid = grid.split("</w:tblGrid>").next().unwrap_or("");
        let width: usize = grid
            .split("<w:gridCol ")
            .skip(1)
            .filter_map(|c| attr(c, "w:w"))
            .filter_map(|w| w.parse::<usize>().ok())
            .sum();
        assert_eq!(width, 8844, "{grid}");
    }
    for grid in tables.iter().skip(1).step_by(2) {
        let labels: Vec<&str> = grid
            .iter()
            .rev()
            .take(2)
            .map(|r| r[0].text.as_str())
            .collect();
        assert_eq!(labels, ["财政部门审核意见", "主管部门审核意见"]);
        assert!(grid.iter().rev().take(2).all(|r| r[1].text.is_empty()));
    }
    let header = &tables[0];
    assert_eq!(header[1][0].vmerge.as_deref(), Some("restart"));
    assert_eq!(header[1][0].text, "预算规模及资金用途");
    assert_eq!(header[2][0].vmerge.as_deref(), Some("continue"));
    let sources: Vec<&str> = header[1].iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        sources,
        [
            "预算规模及资金用途",
            "预算数",
            "50.00",
            "其中：财政资金",
            "50.00",
            "其他资金",
            ""
        ]
    );
}

#[test]
fn word_sets_chinese_fonts_and_heading_styles() {
    let bytes = build("docx", "zh");
    let styles = zip_entry(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"w:eastAsia="仿宋""#), "body in 仿宋");
    assert!(styles.contains(r#"w:eastAsia="黑体""#), "headings in 黑体");
    for level in 0..3 {
        assert!(
            styles.contains(&format!(r#"<w:outlineLvl w:val="{level}"/>"#)),
            "heading {} has an outline level",
            level + 1
        );
    }
    let blocks = word_document(&bytes);
    let headings: Vec<&str> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { style, text } if style == "Heading1" => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        ["第一部分 部门整体绩效目标", "第二部分 预算项目绩效目标"]
    );
    let core = zip_entry(&bytes, "docProps/core.xml");
    assert!(core.contains("1980-01-01T00:00:00Z"), "{core}");
}

#[test]
fn word_in_english_has_english_headings() {
    let blocks = word_document(&build("docx", "en"));
    for heading in [
        "Part 1. Department-wide performance goals",
        "3. Safeguard measures",
    ] {
        assert!(
            word_holds(&blocks, &Expect::Heading(heading.into())),
            "{heading}"
        );
    }
    assert!(word_holds(
        &blocks,
        &Expect::Row(vec!["Level 1".into(), "Level 2".into()])
    ));
}

// --------------------------------------------------------------- Excel --

fn workbook(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes)).expect("calamine reads the workbook")
}

fn sheet(book: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Vec<Vec<Data>> {
    let range = book.worksheet_range(name).expect("the sheet exists");
    let (top, left) = range.start().unwrap_or((0, 0));
    assert_eq!(left, 0);
    let mut rows = vec![Vec::new(); top as usize];
    rows.extend(range.rows().map(|r| r.to_vec()));
    rows
}

/// Whether a cell shows an expected string: text equal to it, or a
/// number equal to the figure (`50.00`, `25%`).
fn shows(cell: &Data, expected: &str) -> bool {
    match cell {
        Data::String(s) => s == expected,
        Data::Float(f) => match expected.strip_suffix('%') {
            Some(p) => p.parse::<f64>().is_ok_and(|p| (f * 100.0 - p).abs() < 1e-9),
            None => expected.parse::<f64>().is_ok_and(|e| (f - e).abs() < 1e-9),
        },
        _ => false,
    }
}

fn excel_holds(sheets: &[Vec<Vec<Data>>], expect: &Expect) -> bool {
    let rows = || sheets.iter().flatten();
    match expect {
        Expect::Text(s) => rows().flatten().any(|c| match c {
            Data::String(t) => t.contains(s.as_str()),
            other => shows(other, s),
        }),
        Expect::Row(cells) => rows().any(|row| {
            let filled: Vec<&Data> = row.iter().filter(|c| **c != Data::Empty).collect();
            filled
                .windows(cells.len())
                .any(|w| w.iter().zip(cells).all(|(c, e)| shows(c, e)))
        }),
        Expect::Heading(h) => rows().flatten().any(|c| shows(c, h)),
    }
}

/// The Markdown's sentences about money and units are numbers here: the
/// summary's amount beside its project, the target in the record's
/// comparator, value and unit columns.
fn excel_expectation(markdown: &str) -> Expect {
    match markdown {
        "项目资金：64.50万元" => {
            Expect::Row(vec!["纪检监察信息化建设工作经费".into(), "64.50".into()])
        }
        "≤4万元/人" => Expect::Row(vec!["≤".into(), "4".into(), "万元/人".into()]),
        other => expectation(other),
    }
}

fn all_sheets(bytes: Vec<u8>) -> (Vec<String>, Vec<Vec<Vec<Data>>>) {
    let mut book = workbook(bytes);
    let names = book.sheet_names();
    let sheets = names.iter().map(|n| sheet(&mut book, n)).collect();
    (names, sheets)
}

#[test]
fn excel_holds_every_figure_and_text_of_the_seed_tables() {
    let (names, sheets) = all_sheets(build("xlsx", "zh"));
    assert_eq!(
        names,
        [
            "部门整体绩效目标",
            "办案工作经费",
            "纪检监察信息化建设工作经费",
            "巡察工作经费",
            "指标记录"
        ]
    );
    for markdown in SEED {
        let expect = excel_expectation(markdown);
        assert!(
            excel_holds(&sheets, &expect),
            "the workbook lacks {expect:?}"
        );
    }
    assert!(
        !excel_holds(&sheets, &Expect::Text("34.5".into())),
        "the summary's wrong 34.5 must not appear"
    );
}

/// The merged ranges of a sheet within one column, as (first row, last row).
fn merged_in_column(book: &mut Xlsx<Cursor<Vec<u8>>>, name: &str, col: u32) -> Vec<(u32, u32)> {
    let mut ranges: Vec<(u32, u32)> = book
        .merge_cells_by_sheet_name(name)
        .expect("merged regions")
        .into_iter()
        .filter(|d| d.start.1 == col && d.end.1 == col && d.end.0 > d.start.0)
        .map(|d| (d.start.0, d.end.0))
        .collect();
    ranges.sort_unstable();
    ranges
}

/// The row where a sheet's indicator grid starts (its head).
fn grid_head(rows: &[Vec<Data>]) -> u32 {
    let at = rows
        .iter()
        .position(|r| r.first() == Some(&Data::String("一级指标".into())))
        .expect("an indicator grid");
    u32::try_from(at).expect("a small sheet")
}

#[test]
fn excel_merges_first_and_second_levels_over_their_rows() {
    let mut book = workbook(build("xlsx", "zh"));
    let rows = sheet(&mut book, "办案工作经费");
    let head = grid_head(&rows);
    assert_eq!(
        merged_in_column(&mut book, "办案工作经费", 0)
            .into_iter()
            .filter(|r| r.0 > head)
            .collect::<Vec<_>>(),
        [(head + 1, head + 4), (head + 5, head + 7)]
    );
    assert_eq!(rows[head as usize + 1][0], Data::String("产出指标".into()));
    assert_eq!(rows[head as usize + 5][0], Data::String("效益指标".into()));
    assert_eq!(rows[head as usize + 2][0], Data::Empty);
    let rows = sheet(&mut book, "巡察工作经费");
    let head = grid_head(&rows);
    let level2: Vec<(u32, u32)> = merged_in_column(&mut book, "巡察工作经费", 1)
        .into_iter()
        .filter(|r| r.0 > head)
        .collect();
    assert_eq!(level2, [(head + 1, head + 2)]);
    assert_eq!(rows[head as usize + 1][1], Data::String("数量指标".into()));
}

#[test]
fn excel_stores_numbers_as_numbers() {
    let mut book = workbook(build("xlsx", "zh"));
    let rows = sheet(&mut book, "办案工作经费");
    let styles = book.worksheet_style("办案工作经费").expect("styles");
    let find = |label: &str| {
        rows.iter()
            .enumerate()
            .find_map(|(r, row)| {
                let c = row.iter().position(|c| *c == Data::String(label.into()))?;
                Some((r, c))
            })
            .unwrap_or_else(|| panic!("no cell {label}"))
    };
    let format_at = |r: usize, c: usize| {
        styles
            .get((r as u32, c as u32))
            .and_then(|s| s.number_format.as_ref())
            .map(|f| f.format_code.clone())
            .unwrap_or_default()
    };
    // The budget is a number with two decimals.
    let (r, c) = find("预算数");
    assert_eq!(rows[r][c + 1], Data::Float(50.0));
    assert_eq!(format_at(r, c + 1), "0.00");
    // The schedule's shares are numbers shown as percentages.
    let (r, c) = find("3月底");
    assert_eq!(rows[r + 1][c], Data::Float(0.25));
    assert_eq!(format_at(r + 1, c), "0%");
    // A target is its number, shown with its comparator and unit.
    let (r, _) = find("工作按时完成率");
    assert_eq!(rows[r][4], Data::Float(0.95));
    assert_eq!(format_at(r, 4), "\"≥\"0%");
    let (r, _) = find("项目预算控制数");
    assert_eq!(rows[r][4], Data::Float(50.0));
    assert_eq!(format_at(r, 4), "\"≤\"0.00\"万元\"");
    // A qualitative target stays text.
    let (r, _) = find("提高效率");
    assert_eq!(rows[r][4], Data::String("提高案件办结工作效率".into()));
}

/// The value in the column headed `head` of a records row.
fn field<'a>(rows: &'a [Vec<Data>], row: &'a [Data], head: &str) -> &'a Data {
    let col = rows[0]
        .iter()
        .position(|h| h == &Data::String(head.into()))
        .unwrap_or_else(|| panic!("no column {head}"));
    row.get(col).unwrap_or(&Data::Empty)
}

/// The records row of the indicator called `name`.
fn record_of<'a>(rows: &'a [Vec<Data>], name: &str) -> &'a [Data] {
    rows.iter()
        .find(|r| field(rows, r, "三级指标") == &Data::String(name.into()))
        .unwrap_or_else(|| panic!("no record of {name}"))
}

#[test]
fn excel_indicator_records_match_the_records_export() {
    let mut book = workbook(build("xlsx", "zh"));
    let rows = sheet(&mut book, "指标记录");
    let head: Vec<Data> = [
        "年度",
        "财政区划",
        "单位编码",
        "项目编码",
        "项目名称",
        "范围",
        "年度/中期",
        "序号",
        "一级指标编码",
        "一级指标",
        "二级指标编码",
        "二级指标",
        "三级指标",
        "指标解释",
        "比较符",
        "指标值（数值）",
        "指标值（文字）",
        "计量单位",
        "指标值类型",
        "指标方向",
        "指标值确定依据",
        "评(扣)分标准",
        "分值",
        "指标值说明",
        "备注",
    ]
    .iter()
    .map(|s| Data::String(s.to_string()))
    .collect();
    assert_eq!(rows[0], head);
    // One row per indicator record of `build --to records`: the
    // department's and every project's.
    let (code, records, stderr) = cli::perfplan(&["build", ZH, "--to", "records", "-o", "-"]);
    assert_eq!(code, 0, "{stderr}");
    let records: serde_json::Value = serde_json::from_str(&records).expect("records JSON");
    let indicators = records["indicators"].as_array().expect("indicators");
    assert_eq!(rows.len(), 1 + indicators.len());
    let department = rows
        .iter()
        .filter(|r| field(&rows, r, "范围") == &Data::String("部门整体".into()))
        .count();
    assert!(department > 0, "the department's indicators are recorded");

    let s = |t: &str| Data::String(t.into());
    let cost = record_of(&rows, "人均工作经费");
    for (head, value) in [
        ("年度", Data::Float(2022.0)),
        ("单位编码", s("222003")),
        ("项目编码", s("13022522P00407510001E")),
        ("项目名称", s("巡察工作经费")),
        ("范围", s("项目")),
        ("年度/中期", s("年度")),
        ("一级指标", s("产出指标")),
        ("二级指标", s("成本指标")),
        ("比较符", s("≤")),
        ("指标值（数值）", Data::Float(4.0)),
        ("指标值（文字）", Data::Empty),
        ("计量单位", s("万元/人")),
        ("指标值类型", s("定量")),
        ("指标方向", s("反向")),
        ("指标值确定依据", s("根据年初工作计划安排")),
    ] {
        assert_eq!(field(&rows, cost, head), &value, "{head}");
    }
    assert!(matches!(field(&rows, cost, "一级指标编码"), Data::String(c) if !c.is_empty()));
    assert!(matches!(field(&rows, cost, "二级指标编码"), Data::String(c) if !c.is_empty()));

    // A percentage is the number the project sheet holds (0.95 shown as
    // 95%), never 95 on one sheet and 0.95 on another.
    let percent = record_of(&rows, "工作按时完成率");
    assert_eq!(field(&rows, percent, "指标值（数值）"), &Data::Float(0.95));
    assert_eq!(field(&rows, percent, "计量单位"), &s("%"));
    let Data::String(name) = field(&rows, percent, "项目名称").clone() else {
        panic!("a project name");
    };
    let project = sheet(&mut book, &name);
    assert!(
        project.iter().flatten().any(|c| c == &Data::Float(0.95)),
        "the project sheet holds 0.95 too"
    );
    // A text target is in the text column, the number column blank.
    let words = record_of(&rows, "提高效率");
    assert_eq!(field(&rows, words, "指标值（数值）"), &Data::Empty);
    assert_eq!(
        field(&rows, words, "指标值（文字）"),
        &s("提高案件办结工作效率")
    );
}

#[test]
fn excel_freezes_header_rows_and_sets_widths() {
    let bytes = build("xlsx", "zh");
    let project = zip_entry(&bytes, "xl/worksheets/sheet2.xml");
    assert!(project.contains(r#"ySplit="2""#), "title rows frozen");
    let records = zip_entry(&bytes, "xl/worksheets/sheet5.xml");
    assert!(records.contains(r#"ySplit="1""#), "record head frozen");
    // The 指标值确定依据 column fits its ten Chinese characters.
    let col_f = project
        .split("<col ")
        .find(|c| attr(c, "min").as_deref() == Some("6"))
        .and_then(|c| attr(c, "width"))
        .and_then(|w| w.parse::<f64>().ok())
        .expect("column F has a width");
    assert!(col_f >= 20.0, "{col_f}");
    let core = zip_entry(&bytes, "docProps/core.xml");
    assert!(core.contains("1980-01-01T00:00:00Z"), "{core}");
}

// ------------------------------------------------- multi-year project --

/// The text of every field the multi-year example adds to a project
/// table: the header rows, the sources and 项目总资金, the 中期/年度
/// goals and grids, the optional indicator columns and their values.
const FIELD_TEXTS: &[&str] = &[
    "成本测算",
    "屋面防水：60.00（6所学校共1.2万平方米，每平方米50元）",
    "消防设施改造：20.00（按消防部门整改清单）",
    "部门职责",
    "主管部门",
    "[301] 乐亭县教育局",
    "实施单位",
    "乐亭县第一中学等12所学校",
    "项目类别",
    "延续",
    "实施期",
    "2023-07 至 2025-06",
    "财政区划",
    "130225000",
    "其中：本级财政资金",
    "上级财政资金",
    "自筹资金",
    "项目总资金",
    "360.00",
    "其中：财政资金",
    "320.00",
    "40.00",
    "中期目标",
    "2025年6月底前完成全县12所中小学校舍维修改造，消除C级危房。",
    "年度目标",
    "年度指标",
    "中期指标",
    "指标值类型",
    "定性",
    "计量单位",
    "元/生",
    "评(扣)分标准",
    "每少1所扣2分",
    "每降低1个百分点扣1分",
    "指标值说明",
    "以竣工验收报告为准",
    "备注",
    "按受益学生人数计算",
    "C级危房消除率",
];

/// The rows of a Word table as their cells' texts.
fn texts(table: &[Vec<WordCell>]) -> Vec<Vec<&str>> {
    table
        .iter()
        .map(|r| r.iter().map(|c| c.text.as_str()).collect())
        .collect()
}

/// The rows of an indicator set: those after its title row, up to the
/// next title or the reviewer rows.
fn set_rows<'a>(rows: &[Vec<&'a str>], title: &str) -> Vec<Vec<&'a str>> {
    rows.iter()
        .skip_while(|r| *r != &vec![title])
        .skip(1)
        .take_while(|r| r.len() > 2)
        .cloned()
        .collect()
}

#[test]
fn word_shows_every_field_of_a_multi_year_project() {
    let blocks = word_document(&build_file(FIELDS, "docx", "zh"));
    for text in FIELD_TEXTS {
        let expect = Expect::Text(text.to_string());
        assert!(word_holds(&blocks, &expect), "the document lacks {text:?}");
    }
    let row = |cells: &[&str]| Expect::Row(cells.iter().map(|c| c.to_string()).collect());
    for expect in [
        row(&[
            "主管部门",
            "[301] 乐亭县教育局",
            "实施单位",
            "乐亭县第一中学等12所学校",
        ]),
        row(&["项目类别", "延续", "实施期", "2023-07 至 2025-06"]),
        row(&["财政区划", "130225000"]),
        row(&[
            "预算数",
            "120.00",
            "其中：本级财政资金",
            "80.00",
            "上级财政资金",
            "30.00",
        ]),
        row(&[
            "项目总资金",
            "360.00",
            "其中：财政资金",
            "320.00",
            "自筹资金",
            "40.00",
        ]),
        row(&[
            "年度目标",
            "1.2024年完成6所学校的屋面防水和门窗更换\n2.维修后的校舍通过竣工验收，安全等级达到B级以上",
        ]),
    ] {
        assert!(
            word_holds(&blocks, &expect),
            "the document lacks {expect:?}"
        );
    }
    let tables = word_tables(&blocks);
    assert_eq!(tables.len(), 2, "a header block and one grid table");
    let grid = texts(tables[1]);
    let heads = [
        "一级指标",
        "二级指标",
        "三级指标",
        "绩效指标描述",
        "指标值类型",
        "指标值",
        "计量单位",
        "指标值说明",
        "指标值确定依据",
        "评(扣)分标准",
        "备注",
    ];
    let annual = set_rows(&grid, "年度指标");
    let midterm = set_rows(&grid, "中期指标");
    assert_eq!(annual[0], heads);
    assert_eq!(midterm[0], heads);
    assert_eq!(annual.len(), 1 + 7, "the annual set");
    assert_eq!(midterm.len(), 1 + 2, "the mid-term set");
    assert_eq!(
        midterm[1],
        [
            "产出指标",
            "数量指标",
            "完成维修的学校数量",
            "",
            "定量",
            "≥12所",
            "所",
            "",
            "根据《乐亭县中小学校舍维修改造三年规划》",
            "",
            ""
        ]
    );
    assert_eq!(
        annual[1][2..],
        [
            "完成维修的学校数量",
            "",
            "定量",
            "≥6所",
            "所",
            "以竣工验收报告为准",
            "根据《乐亭县中小学校舍维修改造三年规划》",
            "每少1所扣2分",
            ""
        ]
    );
    assert_eq!(
        grid.iter().rev().take(2).map(|r| r[0]).collect::<Vec<_>>(),
        ["财政部门审核意见", "主管部门审核意见"]
    );
    let english = word_document(&build_file(FIELDS, "docx", "en"));
    for text in [
        "Supervising department",
        "Total funds",
        "Mid-term goals",
        "Mid-term indicators",
        "Scoring",
    ] {
        assert!(word_holds(&english, &Expect::Text(text.into())), "{text}");
    }
}

#[test]
fn excel_shows_every_field_of_a_multi_year_project() {
    let (names, sheets) = all_sheets(build_file(FIELDS, "xlsx", "zh"));
    assert_eq!(
        names,
        ["部门整体绩效目标", "中小学校舍维修改造", "指标记录"]
    );
    for text in FIELD_TEXTS {
        let expect = Expect::Text(text.to_string());
        assert!(excel_holds(&sheets, &expect), "the workbook lacks {text:?}");
    }
    let row = |cells: &[&str]| Expect::Row(cells.iter().map(|c| c.to_string()).collect());
    for expect in [
        row(&[
            "主管部门",
            "[301] 乐亭县教育局",
            "实施单位",
            "乐亭县第一中学等12所学校",
        ]),
        row(&["项目类别", "延续", "实施期", "2023-07 至 2025-06"]),
        row(&[
            "预算规模及资金用途",
            "预算数",
            "120.00",
            "其中：本级财政资金",
            "80.00",
        ]),
        row(&["项目总资金", "360.00", "其中：财政资金", "320.00"]),
        row(&[
            "中期目标",
            "1.2025年6月底前完成全县12所中小学校舍维修改造，消除C级危房。",
        ]),
    ] {
        assert!(
            excel_holds(&sheets, &expect),
            "the workbook lacks {expect:?}"
        );
    }
    // The two grids: each titled, with the optional columns; the mid-term
    // rows only in the second.
    let table = &sheets[1];
    let at = |title: &str| {
        table
            .iter()
            .position(|r| r.first() == Some(&Data::String(title.into())))
            .unwrap_or_else(|| panic!("no {title} grid"))
    };
    let (annual, midterm) = (at("年度指标"), at("中期指标"));
    assert!(annual < midterm);
    assert_eq!(table[midterm + 1].len(), 11);
    assert_eq!(table[midterm + 1][10], Data::String("备注".into()));
    assert_eq!(table[midterm + 2][5], Data::Float(12.0));
    assert_eq!(table[midterm + 3][2], Data::String("C级危房消除率".into()));
    assert_eq!(table[annual + 2][5], Data::Float(6.0));
    // The records: one per indicator, annual then mid-term, with the
    // optional columns and the flag.
    let records = &sheets[2];
    assert_eq!(records.len(), 1 + 7 + 2);
    let s = |t: &str| Data::String(t.into());
    let first = &records[1];
    for (head, value) in [
        ("三级指标", s("完成维修的学校数量")),
        ("指标解释", Data::Empty),
        ("比较符", s("≥")),
        ("指标值（数值）", Data::Float(6.0)),
        ("计量单位", s("所")),
        (
            "指标值确定依据",
            s("根据《乐亭县中小学校舍维修改造三年规划》"),
        ),
        ("指标值类型", s("定量")),
        ("评(扣)分标准", s("每少1所扣2分")),
        ("指标值说明", s("以竣工验收报告为准")),
        ("年度/中期", s("年度")),
    ] {
        assert_eq!(field(records, first, head), &value, "{head}");
    }
    assert_eq!(
        field(records, &records[8], "指标值（数值）"),
        &Data::Float(12.0)
    );
    assert_eq!(field(records, &records[8], "年度/中期"), &s("中期"));
    let remark = record_of(records, "生均维修成本");
    assert_eq!(field(records, remark, "备注"), &s("按受益学生人数计算"));
}

// ------------------------------------------------------------- common --

#[test]
fn output_is_deterministic() {
    assert!(build("docx", "zh") == build("docx", "zh"), "docx differs");
    assert!(build("xlsx", "zh") == build("xlsx", "zh"), "xlsx differs");
}

/// The library called twice in one thread gives the same bytes too (the
/// Word writer keeps no state between calls; docx-rs, used before, drew
/// paragraph ids from a per-thread counter).
#[test]
fn emitters_are_deterministic_in_process() {
    let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(ZH))
        .expect("the example");
    let mut sources = SourceMap::new();
    sources.add(SourceFile::new(ZH, text));
    let checked = check(&sources, &Options { lints: Vec::new() });
    let ctx = Ctx::new(&checked.files);
    let plan = model::resolve(&ctx).expect("the example resolves");
    let docx = |lang| perfplan::emit::docx::to_docx(&plan, lang).expect("docx");
    let xlsx = |lang| perfplan::emit::xlsx::to_xlsx(&plan, lang).expect("xlsx");
    assert!(docx(Lang::Zh) == docx(Lang::Zh));
    assert!(docx(Lang::En) == docx(Lang::En));
    assert!(xlsx(Lang::Zh) == xlsx(Lang::Zh));
}

#[test]
fn binary_formats_need_an_output_file() {
    for to in ["docx", "xlsx"] {
        let (code, stderr) = run(&["build", ZH, "--to", to, "--lang", "en"]);
        assert_eq!(code, 2, "--to {to} without -o:\n{stderr}");
        assert!(stderr.contains("-o"), "{stderr}");
        let (code, stderr) = run(&["build", ZH, "--to", to, "--lang", "zh"]);
        assert_eq!(code, 2);
        assert!(stderr.contains("请用 -o 指定输出文件"), "{stderr}");
    }
}

// ------------------------------------------------- control characters --

/// The example's model with control characters in its texts, as a model
/// made by another program than the checker might hold them.
fn model_with_control_characters() -> model::Plan {
    let mut sources = SourceMap::new();
    let text = std::fs::read_to_string(ZH).expect("the example");
    sources.add(SourceFile::new(ZH, text));
    let checked = check(&sources, &Options::default());
    let mut plan = model::resolve(&Ctx::new(&checked.files)).expect("the example resolves");
    let hostile = "乐亭\u{b}县\u{1b}[2K\u{0}纪委\u{ffff}";
    plan.department = hostile.into();
    if let Some(p) = plan.projects.first_mut() {
        p.name = hostile.into();
    }
    plan
}

/// XML 1.0 forbids these: one of them and Word or Excel cannot open the file.
fn has_char_xml_forbids(xml: &str) -> bool {
    xml.chars().any(|c| {
        matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
    })
}

#[test]
fn documents_never_hold_characters_xml_forbids() {
    let plan = model_with_control_characters();
    let word = perfplan::emit::docx::to_docx(&plan, Lang::Zh).expect("a Word file");
    let xml = zip_entry(&word, "word/document.xml");
    assert!(!has_char_xml_forbids(&xml));
    assert!(xml.contains("乐亭\u{fffd}县\u{fffd}[2K\u{fffd}纪委\u{fffd}"));
    let excel = perfplan::emit::xlsx::to_xlsx(&plan, Lang::Zh).expect("an Excel file");
    let mut archive = zip::ZipArchive::new(Cursor::new(&excel)).expect("a zip archive");
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("an entry");
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        let mut xml = String::new();
        if name.ends_with(".xml") && entry.read_to_string(&mut xml).is_ok() {
            assert!(!has_char_xml_forbids(&xml), "{name}");
        }
    }
    assert!(Xlsx::new(Cursor::new(excel)).is_ok());
}

#[test]
fn excel_sheets_print_one_page_wide_with_their_titles_repeated() {
    let bytes = build("xlsx", "zh");
    let workbook = zip_entry(&bytes, "xl/workbook.xml");
    let sheets = workbook.matches("<sheet ").count();
    assert!(sheets >= 3);
    assert_eq!(
        workbook.matches("_xlnm.Print_Titles").count(),
        sheets,
        "every sheet repeats its title or header rows: {workbook}"
    );
    for n in 1..=sheets {
        let xml = zip_entry(&bytes, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(
            xml.contains(r#"fitToPage="1""#),
            "sheet{n} fits the page width"
        );
        assert!(xml.contains(r#"paperSize="9""#), "sheet{n} is A4");
        assert!(!xml.contains(r#"fitToWidth="0""#), "sheet{n}");
    }
    // The records are wide: landscape.
    let records = zip_entry(&bytes, &format!("xl/worksheets/sheet{sheets}.xml"));
    assert!(records.contains(r#"orientation="landscape""#));
}
