//! `word/document.xml`: the body of the document, written into the zip
//! entry as it is made. A project's tables are built as rows of cells, written,
//! and dropped before the next project; the buffer is handed to the
//! archive whenever it grows past a few tens of kilobytes.
//!
//! Tables: the header row(s) repeat on every page (`w:tblHeader`), no row
//! splits across pages (`w:cantSplit`), and the rows of a 一级 group keep
//! with the next (`w:keepNext` on their paragraphs, all but the group's
//! last) so that a merged 一级 cell is not broken across pages when the
//! group fits on one.

use super::widths::{self, Need};
use super::xml::{self, Para, R_NS, Run, W_NS};
use super::{
    DENSE_TABLE_SIZE, HEADER_FOOTER, HEADING_FONTS, MARGINS, MEASURE_LIST, Options, PAGE,
    TABLE_SIZE, TEXT_WIDTH, front, parts,
};
use crate::diagnostic::Lang;
use crate::emit::layout::{self, Column, FundsBlock, Grid, Words, money};
use crate::model::{OverallItem, Plan, Project};
use std::fmt::Write as _;
use std::io::{self, Write};

/// How much XML is gathered before it goes to the archive.
const FLUSH_AT: usize = 64 * 1024;

/// Writes the whole `word/document.xml` of a plan into `out`.
pub(super) fn document<W: Write>(
    plan: &Plan,
    lang: Lang,
    options: &Options,
    out: &mut W,
) -> io::Result<()> {
    let mut doc = Doc {
        plan,
        w: layout::words(lang),
        buf: String::with_capacity(FLUSH_AT + 4096),
        out,
    };
    let _ = write!(
        doc.buf,
        r#"{}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>"#,
        xml::DECLARATION
    );
    let title = layout::title(plan, lang);
    if options.cover {
        front::cover(&mut doc.buf, plan, lang);
    }
    if options.toc {
        front::toc(&mut doc.buf, plan, lang, options.cover);
    }
    if options.cover || options.toc {
        // The front matter is a section of its own, without page numbers;
        // the body starts on a new page with page 1.
        doc.buf.push_str("<w:p><w:pPr>");
        section(&mut doc.buf, false);
        doc.buf.push_str("</w:pPr></w:p>");
    } else {
        xml::paragraph(&mut doc.buf, &Para::styled("Title"), &[Run::plain(&title)]);
    }
    front::part_title(&mut doc.buf, doc.w.part1, false);
    doc.overall();
    doc.summaries();
    doc.measures();
    front::part_title(&mut doc.buf, doc.w.part2, true);
    for (n, project) in plan.projects.iter().enumerate() {
        doc.project(project, n + 1);
        doc.flush_if_full()?;
    }
    section(&mut doc.buf, true);
    doc.buf.push_str("</w:body></w:document>");
    doc.out.write_all(doc.buf.as_bytes())
}

/// Appends a section's properties: A4 with the margins, and for the body
/// the footer with page numbers starting at 1.
fn section(out: &mut String, body: bool) {
    let (top, right, bottom, left) = MARGINS;
    let (header, footer) = HEADER_FOOTER;
    out.push_str("<w:sectPr>");
    if body {
        let _ = write!(
            out,
            r#"<w:footerReference w:type="default" r:id="{}"/>"#,
            parts::FOOTER_ID
        );
    }
    let _ = write!(
        out,
        concat!(
            r#"<w:pgSz w:w="{}" w:h="{}"/>"#,
            r#"<w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="{}" w:footer="{}" w:gutter="0"/>"#
        ),
        PAGE.0, PAGE.1, top, right, bottom, left, header, footer
    );
    if body {
        out.push_str(r#"<w:pgNumType w:start="1"/>"#);
    }
    out.push_str("</w:sectPr>");
}

/// The body being written: the plan, the words of its language, the XML
/// not yet handed to the archive.
struct Doc<'a, W: Write> {
    plan: &'a Plan,
    w: &'static Words,
    buf: String,
    out: &'a mut W,
}

/// Body text: the first line indented two characters.
fn body_para() -> Para<'static> {
    Para {
        style: "Normal",
        indent_first: true,
        ..Para::default()
    }
}

impl<W: Write> Doc<'_, W> {
    /// Hands the XML gathered so far to the archive once there is enough.
    fn flush_if_full(&mut self) -> io::Result<()> {
        if self.buf.len() >= FLUSH_AT {
            self.out.write_all(self.buf.as_bytes())?;
            self.buf.clear();
        }
        Ok(())
    }

    fn heading(&mut self, level: usize, text: &str) {
        let style = format!("Heading{level}");
        xml::paragraph(&mut self.buf, &Para::styled(&style), &[Run::plain(text)]);
    }

    /// Body text: one paragraph per non-blank line, indented two
    /// characters.
    fn paragraphs(&mut self, text: &str) {
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            self.indented(&[Run::plain(line.trim())]);
        }
    }

    /// One body paragraph of these runs, its first line indented.
    fn indented(&mut self, runs: &[Run]) {
        xml::paragraph(&mut self.buf, &body_para(), runs);
    }

    fn overall(&mut self) {
        let (plan, w) = (self.plan, self.w);
        self.heading(2, w.overall);
        let mut last_level1: Option<&str> = None;
        for item in &plan.overall {
            match item {
                OverallItem::Goal(text) => {
                    last_level1 = None;
                    self.paragraphs(text);
                }
                OverallItem::MidtermGoal(text) | OverallItem::Duties(text) => {
                    last_level1 = None;
                    let label = layout::overall_label(item, w).unwrap_or_default();
                    self.indented(&[Run::bold(label)]);
                    self.paragraphs(text);
                }
                OverallItem::Indicator(i) => {
                    if last_level1 != Some(i.level1.name.as_str()) {
                        let text = format!("{}{}", i.level1.name, w.aspect);
                        self.indented(&[Run::bold(&text)]);
                        last_level1 = Some(i.level1.name.as_str());
                    }
                    let text = format!("{}{}{}", i.level2.name, w.colon, layout::overall_text(i));
                    self.paragraphs(&text);
                }
            }
        }
    }

    fn summaries(&mut self) {
        let (plan, w) = (self.plan, self.w);
        self.heading(2, w.summaries);
        for (n, s) in plan.summaries.iter().enumerate() {
            let number = format!("{}. ", n + 1);
            let funds = format!(
                "，{}{}{}{}",
                w.project_funds,
                w.colon,
                money(&s.amount),
                plan.money_unit
            );
            self.indented(&[Run::plain(&number), Run::bold(&s.name), Run::plain(&funds)]);
            self.paragraphs(&format!("{}{}{}", w.goal, w.colon, s.goal));
        }
        let total = format!("{}{}{}", w.colon, money(&plan.total), plan.money_unit);
        self.indented(&[Run::bold(w.total), Run::plain(&total)]);
    }

    /// 三、工作保障措施: each measure a heading numbered 一、二、三、 by
    /// Word's list numbering, then its text.
    fn measures(&mut self) {
        let plan = self.plan;
        if plan.measures.is_empty() {
            return;
        }
        self.heading(2, self.w.measures);
        for m in &plan.measures {
            let p = Para {
                numbered: Some(MEASURE_LIST),
                ..Para::styled("Heading3")
            };
            xml::paragraph(&mut self.buf, &p, &[Run::plain(&m.title)]);
            self.paragraphs(&m.text);
        }
    }

    /// One project's 绩效目标表: the heading (from a new page, but for the
    /// first, which follows 第二部分's title on its page), the unit line,
    /// the header block, and the indicator grid with the reviewer rows.
    fn project(&mut self, p: &Project, n: usize) {
        let heading = layout::table_heading(n, &p.name, self.w);
        let para = Para {
            align: Some("center"),
            page_break: n > 1,
            ..Para::styled("Heading2")
        };
        xml::paragraph(&mut self.buf, &para, &[Run::plain(&heading)]);
        let unit = layout::money_unit_label(&self.plan.money_unit, self.w);
        let line = Para {
            right_tab: Some(TEXT_WIDTH),
            keep_next: true,
            ..Para::styled("TableText")
        };
        let unit_line = unit_line(p);
        let tabbed = Run {
            tab: true,
            ..Run::plain(&unit)
        };
        xml::paragraph(&mut self.buf, &line, &[Run::plain(&unit_line), tabbed]);
        let header = self.header_rows(p);
        let grid = grid_of(&header);
        write_table(
            &mut self.buf,
            &Table {
                grid,
                rows: header,
                size: None,
            },
        );
        let gap = Para {
            mark_size: Some(8),
            ..Para::styled("TableText")
        };
        xml::paragraph(&mut self.buf, &gap, &[]);
        let columns = layout::columns(&p.indicators);
        let grids = layout::grids(p, self.w);
        let size = if columns.len() > BASE_COLUMNS {
            DENSE_TABLE_SIZE
        } else {
            TABLE_SIZE
        };
        let widths = column_widths(&columns, &grids, self.w, size);
        let rows = self.indicator_rows(&grids, &columns, &widths);
        let table = Table {
            grid: widths,
            rows,
            size: (size != TABLE_SIZE).then_some(size),
        };
        write_table(&mut self.buf, &table);
    }

    /// 项目编码/名称 and the fields the project states, funds and their
    /// use, the spending schedule, the goals; the first row repeats on
    /// every page the block runs over.
    fn header_rows(&self, p: &Project) -> Vec<Row> {
        let w = self.w;
        let mut fields = vec![(w.code, p.code.clone().unwrap_or_default())];
        fields.push((w.name, p.name.clone()));
        fields.extend(layout::header_fields(self.plan, p, w));
        let mut rows: Vec<Row> = fields.chunks(2).map(|f| Row::new(field_row(f))).collect();
        if let Some(first) = rows.first_mut() {
            first.header = true;
        }
        let mut funds = Vec::new();
        for block in layout::funds_blocks(p, w) {
            funds.extend(funds_rows(block, w));
        }
        for (k, row) in funds.into_iter().enumerate() {
            let merge = if k == 0 {
                Cell::label(LABEL_WIDTH, w.funds_block).merged(Merge::Restart)
            } else {
                continuation()
            };
            rows.push(Row::new(std::iter::once(merge).chain(row).collect()));
        }
        rows.push(Row::new(vec![
            continuation(),
            Cell::new(REST, p.purpose.clone().unwrap_or_default(), Align::Left),
        ]));
        if let Some(costs) = layout::cost_text(p, w) {
            rows.push(Row::new(vec![
                Cell::label(LABEL_WIDTH, w.cost_items),
                Cell::new(REST, costs, Align::Left),
            ]));
        }
        if !p.schedule.is_empty() {
            let widths = split(REST, p.schedule.len());
            let title = layout::schedule_title(&p.schedule, w);
            let mut labels = vec![Cell::label(LABEL_WIDTH, title).merged(Merge::Restart)];
            let mut values = vec![continuation()];
            for (c, width) in p.schedule.iter().zip(&widths) {
                labels.push(Cell::label(*width, &c.label));
                values.push(Cell::new(*width, layout::checkpoint_text(c), Align::Center));
            }
            rows.push(Row {
                keep: true,
                ..Row::new(labels)
            });
            rows.push(Row::new(values));
        }
        for (label, goals) in layout::goal_blocks(p, w) {
            rows.push(Row::new(vec![
                Cell::label(LABEL_WIDTH, label),
                Cell::new(REST, layout::numbered(goals), Align::Left),
            ]));
        }
        rows
    }

    /// The indicator grids: for each, its title (a multi-year project's
    /// 年度指标, 中期指标) across the table, the column heads, one row per
    /// indicator with the first and second levels merged over their
    /// groups; then the reviewer rows. The first grid's title and heads
    /// repeat on every page.
    fn indicator_rows(&self, grids: &[Grid], columns: &[Column], widths: &[usize]) -> Vec<Row> {
        let mut rows = Vec::new();
        for (k, grid) in grids.iter().enumerate() {
            let head = |cells| Row {
                header: k == 0,
                keep: true,
                ..Row::new(cells)
            };
            if let Some(title) = grid.title {
                rows.push(head(vec![Cell::label(TEXT_WIDTH, title)]));
            }
            let heads = widths
                .iter()
                .zip(columns)
                .map(|(width, c)| Cell::label(*width, c.head(self.w)))
                .collect();
            rows.push(head(heads));
            rows.extend(grid_rows(grid, columns, widths));
        }
        // The reviewer rows never stand alone on a page: the last
        // indicator row goes with them.
        if let Some(last) = rows.last_mut() {
            last.keep = true;
        }
        let first_two: usize = widths.iter().take(2).sum();
        for (k, reviewer) in self.w.reviewers.iter().enumerate() {
            rows.push(Row {
                keep: k == 0,
                tall: true,
                ..Row::new(vec![
                    Cell::label(first_two, *reviewer),
                    Cell::new(TEXT_WIDTH.saturating_sub(first_two), "", Align::Left),
                ])
            });
        }
        rows
    }
}

/// The line above a project table: the implementing unit's code and name,
/// a space between (`222002 中国共产党乐亭县纪律委员会`).
fn unit_line(p: &Project) -> String {
    p.unit
        .as_ref()
        .map(|u| format!("{} {}", u.code, u.name))
        .unwrap_or_default()
}

/// The label column of a project table's header block.
const LABEL_WIDTH: usize = 1700;
/// The value column beside it when a row holds two fields (项目编码 and
/// 项目名称, 主管部门 and 实施单位 …), and the second label.
const PAIR_WIDTHS: (usize, usize) = (3000, 1200);
/// The width of a header row's value beside its label.
const REST: usize = TEXT_WIDTH - LABEL_WIDTH;
/// The columns every indicator grid has.
const BASE_COLUMNS: usize = 6;
/// Pairs of label and amount in a row of the funds block.
const FUNDS_PER_ROW: usize = 3;
/// The least height of a row, and of a reviewer row (left blank for
/// handwriting), in twips.
const ROW_HEIGHT: usize = 340;
const TALL_ROW_HEIGHT: usize = 850;

/// How a table cell's text sits.
#[derive(Clone, Copy)]
enum Align {
    Center,
    Left,
}

/// A cell's part in a vertical merge.
#[derive(Clone, Copy)]
enum Merge {
    Restart,
    Continue,
}

/// One cell of a table before it is placed: its width, text, and whether
/// it starts or continues a vertical merge.
struct Cell {
    width: usize,
    text: String,
    align: Align,
    bold: bool,
    merge: Option<Merge>,
}

impl Cell {
    fn new(width: usize, text: impl Into<String>, align: Align) -> Cell {
        Cell {
            width,
            text: text.into(),
            align,
            bold: false,
            merge: None,
        }
    }

    fn label(width: usize, text: impl Into<String>) -> Cell {
        Cell {
            bold: true,
            ..Cell::new(width, text, Align::Center)
        }
    }

    fn merged(mut self, merge: Merge) -> Cell {
        self.merge = Some(merge);
        self
    }
}

/// One row: its cells, whether it repeats at the top of every page,
/// whether it stays on the page of the next row, whether it is tall.
struct Row {
    cells: Vec<Cell>,
    header: bool,
    keep: bool,
    tall: bool,
}

impl Row {
    fn new(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            header: false,
            keep: false,
            tall: false,
        }
    }
}

/// A table: its column widths, rows, and text size when not the table
/// style's.
struct Table {
    grid: Vec<usize>,
    rows: Vec<Row>,
    size: Option<usize>,
}

/// Appends a table filling the text width, centred, fixed layout, ruled.
fn write_table(out: &mut String, table: &Table) {
    let _ = write!(
        out,
        concat!(
            r#"<w:tbl><w:tblPr><w:tblW w:w="{}" w:type="dxa"/><w:jc w:val="center"/>"#,
            "<w:tblBorders>",
            r#"<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#,
            r#"<w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#,
            r#"<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#,
            r#"<w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#,
            r#"<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#,
            r#"<w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#,
            "</w:tblBorders>",
            r#"<w:tblLayout w:type="fixed"/>"#,
            r#"<w:tblCellMar><w:top w:w="30" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>"#,
            r#"<w:bottom w:w="30" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>"#,
            "</w:tblPr><w:tblGrid>"
        ),
        TEXT_WIDTH
    );
    for width in &table.grid {
        let _ = write!(out, r#"<w:gridCol w:w="{width}"/>"#);
    }
    out.push_str("</w:tblGrid>");
    for row in &table.rows {
        write_row(out, row, &table.grid, table.size);
    }
    out.push_str("</w:tbl>");
}

/// Appends one row: never split across pages; a header row repeats.
fn write_row(out: &mut String, row: &Row, grid: &[usize], size: Option<usize>) {
    let height = if row.tall {
        TALL_ROW_HEIGHT
    } else {
        ROW_HEIGHT
    };
    let _ = write!(
        out,
        r#"<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{height}" w:hRule="atLeast"/>"#
    );
    if row.header {
        out.push_str("<w:tblHeader/>");
    }
    out.push_str("</w:trPr>");
    let mut start = 0;
    for cell in &row.cells {
        let span = span_of(grid, start, start + cell.width);
        start += cell.width;
        write_cell(out, cell, span, row.keep, size);
    }
    out.push_str("</w:tr>");
}

/// Appends one cell: a paragraph per line of its text.
fn write_cell(out: &mut String, cell: &Cell, span: usize, keep: bool, size: Option<usize>) {
    let _ = write!(
        out,
        r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/>"#,
        cell.width
    );
    if span > 1 {
        let _ = write!(out, r#"<w:gridSpan w:val="{span}"/>"#);
    }
    match cell.merge {
        Some(Merge::Restart) => out.push_str(r#"<w:vMerge w:val="restart"/>"#),
        Some(Merge::Continue) => out.push_str(r#"<w:vMerge w:val="continue"/>"#),
        None => {}
    }
    out.push_str(r#"<w:vAlign w:val="center"/></w:tcPr>"#);
    let align = match cell.align {
        Align::Center => "center",
        Align::Left => "left",
    };
    let para = Para {
        align: Some(align),
        keep_next: keep,
        ..Para::styled("TableText")
    };
    let mut lines = cell.text.lines().peekable();
    if lines.peek().is_none() {
        xml::paragraph(out, &para, &[]);
    }
    for line in lines {
        let run = Run {
            text: line,
            bold: cell.bold,
            fonts: cell.bold.then_some(HEADING_FONTS),
            size,
            tab: false,
        };
        xml::paragraph(out, &para, &[run]);
    }
    out.push_str("</w:tc>");
}

/// A blank label cell that continues the vertical merge above it.
fn continuation() -> Cell {
    Cell::new(LABEL_WIDTH, "", Align::Center).merged(Merge::Continue)
}

/// A header row of one or two fields, each a label and its value.
fn field_row(fields: &[(&str, String)]) -> Vec<Cell> {
    let (value, label) = PAIR_WIDTHS;
    match fields {
        [(l1, v1), (l2, v2)] => vec![
            Cell::label(LABEL_WIDTH, *l1),
            Cell::new(value, v1, Align::Center),
            Cell::label(label, *l2),
            Cell::new(REST - value - label, v2, Align::Center),
        ],
        _ => fields
            .iter()
            .flat_map(|(l, v)| {
                [
                    Cell::label(LABEL_WIDTH, *l),
                    Cell::new(REST, v, Align::Center),
                ]
            })
            .collect(),
    }
}

/// The rows of a block of funds beside the block's label: the total and
/// each source, label and amount (the first source labelled `其中：`), at
/// most `FUNDS_PER_ROW` pairs a row so that amounts stay on one line.
fn funds_rows(block: FundsBlock, w: &Words) -> Vec<Vec<Cell>> {
    let mut funds = vec![(block.label.to_string(), money(&block.total))];
    for (k, (name, amount)) in block.sources.into_iter().enumerate() {
        let label = if k == 0 {
            format!("{}{name}", w.of_which)
        } else {
            name
        };
        funds.push((label, money(&amount)));
    }
    let per_row = funds.len().min(FUNDS_PER_ROW);
    let widths = split(REST, per_row * 2);
    funds
        .chunks(per_row.max(1))
        .map(|chunk| {
            let mut row = Vec::with_capacity(chunk.len() * 2);
            for (k, (label, amount)) in chunk.iter().enumerate() {
                let label_width = widths.get(2 * k).copied().unwrap_or(0);
                // The last amount of a row reaches the table's edge.
                let amount_width = if k + 1 == chunk.len() {
                    widths.iter().skip(2 * k + 1).sum()
                } else {
                    widths.get(2 * k + 1).copied().unwrap_or(0)
                };
                row.push(Cell::label(label_width, label.clone()));
                row.push(Cell::new(amount_width, amount.clone(), Align::Center));
            }
            row
        })
        .collect()
}

/// The widths of the grid's columns in twips, adding up to the text
/// width, from their heads and every cell of every grid
/// ([`widths::fit`]).
fn column_widths(columns: &[Column], grids: &[Grid], w: &Words, size: usize) -> Vec<usize> {
    let mut needs = vec![Need::default(); columns.len()];
    for (need, c) in needs.iter_mut().zip(columns) {
        need.add(*c, c.head(w));
        for row in grids.iter().flat_map(|g| &g.rows) {
            need.add(*c, c.text(row.indicator));
        }
    }
    widths::fit(&needs, size, TEXT_WIDTH)
}

/// The rows of one grid; each row but the last of its 一级 group keeps
/// with the next.
fn grid_rows(grid: &Grid, columns: &[Column], widths: &[usize]) -> Vec<Row> {
    let mut left_in_group = 0usize;
    grid.rows
        .iter()
        .map(|row| {
            if let Some(n) = row.level1_rows {
                left_in_group = n;
            }
            let keep = left_in_group > 1;
            left_in_group = left_in_group.saturating_sub(1);
            let cells = columns
                .iter()
                .zip(widths)
                .map(|(&c, &width)| {
                    let text = c.text(row.indicator);
                    match c {
                        Column::Level1 => level_cell(width, text, row.level1_rows),
                        Column::Level2 => level_cell(width, text, row.level2_rows),
                        Column::Value | Column::ValueType | Column::MeasureUnit => {
                            Cell::new(width, text, Align::Center)
                        }
                        _ => Cell::new(width, text, Align::Left),
                    }
                })
                .collect();
            Row {
                keep,
                ..Row::new(cells)
            }
        })
        .collect()
}

/// A first- or second-level cell: it starts a vertical merge on the first
/// row of its group and continues it below (a group of one row is not
/// merged).
fn level_cell(width: usize, name: &str, rows: Option<usize>) -> Cell {
    match rows {
        Some(1) => Cell::new(width, name, Align::Center),
        Some(_) => Cell::new(width, name, Align::Center).merged(Merge::Restart),
        None => Cell::new(width, "", Align::Center).merged(Merge::Continue),
    }
}

/// `total` split into `n` widths that add up to it exactly.
fn split(total: usize, n: usize) -> Vec<usize> {
    let n = n.max(1);
    let each = total / n;
    let mut widths = vec![each; n];
    if let Some(last) = widths.last_mut() {
        *last = total - each * (n - 1);
    }
    widths
}

/// The columns of a table whose rows have cells of different widths: the
/// gaps between every boundary of every row.
fn grid_of(rows: &[Row]) -> Vec<usize> {
    let mut bounds: Vec<usize> = rows
        .iter()
        .flat_map(|row| {
            row.cells.iter().scan(0, |at, c| {
                *at += c.width;
                Some(*at)
            })
        })
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    let mut prev = 0;
    bounds
        .into_iter()
        .map(|b| {
            let width = b - prev;
            prev = b;
            width
        })
        .collect()
}

/// How many grid columns lie between two boundaries.
fn span_of(grid: &[usize], start: usize, end: usize) -> usize {
    let mut at = 0;
    let mut span = 0;
    for width in grid {
        if at >= start && at < end {
            span += 1;
        }
        at += width;
    }
    span.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_adds_up() {
        assert_eq!(split(10, 3), vec![3, 3, 4]);
        assert_eq!(split(10, 0), vec![10]);
    }

    #[test]
    fn the_grid_holds_every_boundary() {
        let rows = vec![
            Row::new(vec![
                Cell::new(4, "", Align::Left),
                Cell::new(6, "", Align::Left),
            ]),
            Row::new(vec![
                Cell::new(5, "", Align::Left),
                Cell::new(5, "", Align::Left),
            ]),
        ];
        let grid = grid_of(&rows);
        assert_eq!(grid, vec![4, 1, 5]);
        assert_eq!(span_of(&grid, 0, 4), 1);
        assert_eq!(span_of(&grid, 4, 10), 2);
        assert_eq!(span_of(&grid, 0, 5), 2);
    }
}
