//! The submission document as a Word file (.docx), in the official layout:
//! the same document as the Markdown output, with real Word tables. Each
//! project's 绩效目标表 merges its 一级指标/二级指标 cells vertically over
//! their rows, as the printed tables do. A multi-year project's grid table
//! holds its annual and mid-term sets, each under a title row; optional
//! indicator columns share the text width with the six of every table.
//!
//! The page is A4 portrait with the margins of Chinese official documents
//! (GB/T 9704: 37/35/28/26 mm); body text is 仿宋 三号 (16 pt) on a 28 pt
//! line, headings 黑体, tables 仿宋 五号 (10.5 pt). The East Asian font is
//! set explicitly everywhere, or Word would fall back to the theme font.
//! Headings use Word's own `heading 1–3` styles with outline levels, so the
//! navigation pane lists them.
//!
//! The bytes depend on the plan alone: the document's dates are fixed,
//! paragraph ids are numbered here in document order (docx-rs would draw
//! them from a per-thread counter), and docx-rs writes its zip entries in a
//! fixed order with the zip epoch as their time.

use super::layout::{self, Column, FundsBlock, Grid, Words, money};
use crate::diagnostic::Lang;
use crate::model::{OverallItem, Plan, Project};
use docx_rs::{
    AlignmentType, Docx, Footer, HeightRule, LineSpacing, LineSpacingType, PageMargin, PageNum,
    Paragraph, Run, RunFonts, SpecialIndentType, Style, StyleType, Tab, TabValueType, Table,
    TableAlignmentType, TableCell, TableCellMargins, TableLayoutType, TableRow, VAlignType,
    VMergeType, WidthType,
};

pub use super::RenderError as Error;

/// A4 portrait, in twentieths of a point.
const PAGE: (u32, u32) = (11906, 16838);
/// Top, right, bottom, left margins: 37, 26, 35, 28 mm.
const MARGINS: (i32, i32, i32, i32) = (2098, 1474, 1984, 1588);
/// The width of the text block, which every table fills.
const TEXT_WIDTH: usize = 8844;
/// The document's fixed creation and modification date.
const DATE: &str = "1980-01-01T00:00:00Z";

/// Font sizes in half-points.
const TITLE_SIZE: usize = 44;
const BODY_SIZE: usize = 32;
const TABLE_SIZE: usize = 20;
/// 小五 (9 pt): an indicator grid with optional columns.
const DENSE_TABLE_SIZE: usize = 18;
const FOOTER_SIZE: usize = 28;

const BODY_FONT: &str = "仿宋";
const HEADING_FONT: &str = "黑体";
const LATIN_FONT: &str = "Times New Roman";

/// The label column of a project table's header block.
const LABEL_WIDTH: usize = 1700;
/// The value column beside it when a row holds two fields (项目编码 and
/// 项目名称, 主管部门 and 实施单位 …), and the second label.
const PAIR_WIDTHS: (usize, usize) = (3000, 1200);

/// The Word document for a plan, with Chinese or English headings.
pub fn to_docx(plan: &Plan, lang: Lang) -> Result<Vec<u8>, Error> {
    let mut doc = Builder {
        plan,
        w: layout::words(lang),
        next_id: 0,
        docx: page_setup(styles(Docx::new())),
    };
    doc.document(lang);
    let footer = Footer::new().add_paragraph(doc.page_number());
    let mut out = std::io::Cursor::new(Vec::new());
    // `Docx::pack` streams each part's XML into the archive; `build()`
    // first would hold all of `document.xml` beside the tree and the
    // archive (the same bytes).
    doc.docx
        .footer(footer)
        .pack(&mut out)
        .map_err(Error::from_display)?;
    Ok(out.into_inner())
}

fn page_setup(docx: Docx) -> Docx {
    let (top, right, bottom, left) = MARGINS;
    docx.page_size(PAGE.0, PAGE.1)
        .page_margin(
            PageMargin::new()
                .top(top)
                .right(right)
                .bottom(bottom)
                .left(left)
                .header(851)
                .footer(992),
        )
        .created_at(DATE)
        .updated_at(DATE)
}

fn fonts(east_asia: &str, latin: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(latin)
        .hi_ansi(latin)
        .cs(latin)
}

/// The paragraph styles: body, headings (with outline levels for the
/// navigation pane), table text.
fn styles(docx: Docx) -> Docx {
    let body_spacing = LineSpacing::new()
        .line(560)
        .line_rule(LineSpacingType::Exact);
    let heading = |id: &str, name: &str, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .fonts(fonts(HEADING_FONT, HEADING_FONT))
            .size(BODY_SIZE)
            .outline_lvl(level)
            .line_spacing(
                LineSpacing::new()
                    .before(240)
                    .after(120)
                    .line(560)
                    .line_rule(LineSpacingType::Exact),
            )
    };
    docx.default_fonts(fonts(BODY_FONT, LATIN_FONT))
        .default_size(BODY_SIZE)
        .add_style(
            Style::new("Normal", StyleType::Paragraph)
                .name("Normal")
                .fonts(fonts(BODY_FONT, LATIN_FONT))
                .size(BODY_SIZE)
                .align(AlignmentType::Both)
                .line_spacing(body_spacing),
        )
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .fonts(fonts(HEADING_FONT, HEADING_FONT))
                .size(TITLE_SIZE)
                .align(AlignmentType::Center)
                .line_spacing(
                    LineSpacing::new()
                        .after(480)
                        .line(720)
                        .line_rule(LineSpacingType::Exact),
                ),
        )
        .add_style(heading("Heading1", "heading 1", 0).align(AlignmentType::Center))
        .add_style(heading("Heading2", "heading 2", 1))
        .add_style(heading("Heading3", "heading 3", 2).indent(
            None,
            Some(SpecialIndentType::FirstLine(640)),
            None,
            None,
        ))
        .add_style(
            Style::new("TableText", StyleType::Paragraph)
                .name("Table Text")
                .based_on("Normal")
                .size(TABLE_SIZE)
                .line_spacing(
                    LineSpacing::new()
                        .line(240)
                        .line_rule(LineSpacingType::Auto),
                ),
        )
}

/// How a table cell's text sits.
#[derive(Clone, Copy)]
enum Align {
    Center,
    Left,
}

/// One cell of a table before it is placed: its width, text, and whether
/// it starts or continues a vertical merge.
struct Cell {
    width: usize,
    text: String,
    align: Align,
    bold: bool,
    merge: Option<VMergeType>,
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

    fn merged(mut self, merge: VMergeType) -> Cell {
        self.merge = Some(merge);
        self
    }
}

/// Builds the body of the document, numbering paragraphs as it goes.
struct Builder<'a> {
    plan: &'a Plan,
    w: &'static Words,
    next_id: u32,
    docx: Docx,
}

impl Builder<'_> {
    /// A new paragraph with the next id in document order.
    fn p(&mut self) -> Paragraph {
        self.next_id = self.next_id.saturating_add(1);
        Paragraph::new().id(format!("{:08X}", self.next_id))
    }

    fn push(&mut self, p: Paragraph) {
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
    }

    fn push_table(&mut self, t: Table) {
        self.docx = std::mem::take(&mut self.docx).add_table(t);
    }

    fn styled(&mut self, style: &str, text: &str) -> Paragraph {
        self.p().style(style).add_run(Run::new().safe_text(text))
    }

    fn heading(&mut self, level: usize, text: &str) -> Paragraph {
        self.styled(&format!("Heading{level}"), text)
    }

    /// Body text: one paragraph per non-blank line, indented two characters.
    fn paragraphs(&mut self, text: &str) {
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let p = self
                .body_paragraph()
                .add_run(Run::new().safe_text(line.trim()));
            self.push(p);
        }
    }

    fn body_paragraph(&mut self) -> Paragraph {
        self.p()
            .style("Normal")
            .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
    }

    fn page_number(&mut self) -> Paragraph {
        let run = |t: &str| {
            Run::new()
                .safe_text(t)
                .size(FOOTER_SIZE)
                .fonts(fonts("宋体", LATIN_FONT))
        };
        self.p()
            .align(AlignmentType::Center)
            .add_run(run("— "))
            .add_page_num(PageNum::new())
            .add_run(run(" —"))
    }

    fn document(&mut self, lang: Lang) {
        let plan = self.plan;
        let title = layout::title(&plan.department, plan.year, lang);
        let p = self.styled("Title", &title);
        self.push(p);
        let p = self.heading(1, self.w.part1);
        self.push(p);
        self.overall();
        self.summaries();
        self.measures();
        let p = self.heading(1, self.w.part2).page_break_before(true);
        self.push(p);
        for (n, project) in plan.projects.iter().enumerate() {
            self.project(project, n + 1);
        }
    }

    fn overall(&mut self) {
        let p = self.heading(2, self.w.overall);
        self.push(p);
        let mut last_level1: Option<&str> = None;
        for item in &self.plan.overall {
            match item {
                OverallItem::Goal(text) => {
                    last_level1 = None;
                    self.paragraphs(text);
                }
                OverallItem::MidtermGoal(text) | OverallItem::Duties(text) => {
                    last_level1 = None;
                    let label = layout::overall_label(item, self.w).unwrap_or_default();
                    let p = self
                        .body_paragraph()
                        .add_run(Run::new().safe_text(label).bold());
                    self.push(p);
                    self.paragraphs(text);
                }
                OverallItem::Indicator(i) => {
                    if last_level1 != Some(i.level1.name.as_str()) {
                        let text = format!("{}{}", i.level1.name, self.w.aspect);
                        let p = self
                            .body_paragraph()
                            .add_run(Run::new().safe_text(text).bold());
                        self.push(p);
                        last_level1 = Some(i.level1.name.as_str());
                    }
                    let text = format!(
                        "{}{}{}",
                        i.level2.name,
                        self.w.colon,
                        layout::overall_text(i)
                    );
                    self.paragraphs(&text);
                }
            }
        }
    }

    fn summaries(&mut self) {
        let (plan, w) = (self.plan, self.w);
        let p = self.heading(2, w.summaries);
        self.push(p);
        for (n, s) in plan.summaries.iter().enumerate() {
            let funds = format!(
                "，{}{}{}{}",
                w.project_funds,
                w.colon,
                money(&s.amount),
                plan.money_unit
            );
            let p = self
                .body_paragraph()
                .add_run(Run::new().safe_text(format!("{}. ", n + 1)))
                .add_run(Run::new().safe_text(&s.name).bold())
                .add_run(Run::new().safe_text(funds));
            self.push(p);
            self.paragraphs(&format!("{}{}{}", w.goal, w.colon, s.goal));
        }
        let total = format!("{}{}{}", w.colon, money(&plan.total), plan.money_unit);
        let p = self
            .body_paragraph()
            .add_run(Run::new().safe_text(w.total).bold())
            .add_run(Run::new().safe_text(total));
        self.push(p);
    }

    fn measures(&mut self) {
        if self.plan.measures.is_empty() {
            return;
        }
        let p = self.heading(2, self.w.measures);
        self.push(p);
        for m in &self.plan.measures {
            let p = self.heading(3, &m.title);
            self.push(p);
            self.paragraphs(&m.text);
        }
    }

    /// One project's 绩效目标表, from a new page (第二部分's heading stands
    /// alone on its page, as in the filed documents): the heading, the unit
    /// line, the header block, and the indicator grid with the reviewer
    /// rows.
    fn project(&mut self, p: &Project, n: usize) {
        let heading = layout::table_heading(n, &p.name, self.w);
        let para = self
            .heading(2, &heading)
            .align(AlignmentType::Center)
            .page_break_before(true);
        self.push(para);
        let unit = layout::money_unit_label(&self.plan.money_unit, self.w);
        let line = self
            .p()
            .style("TableText")
            .add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH))
            .add_run(Run::new().safe_text(layout::unit_line(p)))
            .add_run(Run::new().add_tab().safe_text(unit));
        self.push(line);
        let header = self.header_rows(p);
        let table = self.table(header, None, None);
        self.push_table(table);
        let gap = self.p().style("TableText").size(8);
        self.push(gap);
        let columns = layout::columns(&p.indicators);
        let widths = column_widths(&columns);
        let grid = self.indicator_rows(p, &columns, &widths);
        let size = (columns.len() > BASE_COLUMNS).then_some(DENSE_TABLE_SIZE);
        let table = self.table(grid, Some(widths), size);
        self.push_table(table);
    }

    /// 项目编码/名称 and the fields the project states, funds and their
    /// use, the spending schedule, the goals.
    fn header_rows(&self, p: &Project) -> Vec<Vec<Cell>> {
        let w = self.w;
        let mut fields = vec![(w.code, p.code.clone().unwrap_or_default())];
        fields.push((w.name, p.name.clone()));
        fields.extend(layout::header_fields(self.plan, p, w));
        let mut rows: Vec<Vec<Cell>> = fields.chunks(2).map(field_row).collect();
        let mut funds = Vec::new();
        for block in layout::funds_blocks(p, w) {
            funds.extend(funds_rows(block, w));
        }
        for (k, row) in funds.into_iter().enumerate() {
            let merge = if k == 0 {
                Cell::label(LABEL_WIDTH, w.funds_block).merged(VMergeType::Restart)
            } else {
                continuation()
            };
            rows.push(std::iter::once(merge).chain(row).collect());
        }
        rows.push(vec![
            continuation(),
            Cell::new(REST, p.purpose.clone().unwrap_or_default(), Align::Left),
        ]);
        if let Some(costs) = layout::cost_text(p, w) {
            rows.push(vec![
                Cell::label(LABEL_WIDTH, w.cost_items),
                Cell::new(REST, costs, Align::Left),
            ]);
        }
        if !p.schedule.is_empty() {
            let widths = split(REST, p.schedule.len());
            let title = layout::schedule_title(&p.schedule, w);
            let mut labels = vec![Cell::label(LABEL_WIDTH, title).merged(VMergeType::Restart)];
            let mut values = vec![continuation()];
            for (c, width) in p.schedule.iter().zip(&widths) {
                labels.push(Cell::label(*width, &c.label));
                values.push(Cell::new(*width, layout::checkpoint_text(c), Align::Center));
            }
            rows.push(labels);
            rows.push(values);
        }
        for (label, goals) in layout::goal_blocks(p, w) {
            rows.push(vec![
                Cell::label(LABEL_WIDTH, label),
                Cell::new(REST, layout::numbered(goals), Align::Left),
            ]);
        }
        rows
    }

    /// The indicator grids: for each, its title (a multi-year project's
    /// 年度指标, 中期指标) across the table, the column heads, one row per
    /// indicator with the first and second levels merged over their
    /// groups; then the reviewer rows.
    fn indicator_rows(&self, p: &Project, columns: &[Column], widths: &[usize]) -> Vec<Vec<Cell>> {
        let mut rows = Vec::new();
        let grids = layout::grids(p, self.w);
        for grid in &grids {
            if let Some(title) = grid.title {
                rows.push(vec![Cell::label(TEXT_WIDTH, title)]);
            }
            rows.push(
                widths
                    .iter()
                    .zip(columns)
                    .map(|(width, c)| Cell::label(*width, c.head(self.w)))
                    .collect(),
            );
            rows.extend(grid_rows(grid, columns, widths));
        }
        let first_two: usize = widths.iter().take(2).sum();
        for reviewer in self.w.reviewers {
            rows.push(vec![
                Cell::label(first_two, reviewer),
                Cell::new(TEXT_WIDTH - first_two, "", Align::Left),
            ]);
        }
        rows
    }

    /// A table filling the text width. Without a grid, the grid is every
    /// cell boundary of every row, and each cell spans the columns between
    /// its own boundaries.
    /// Its text is of the table style's size, or of `size` (half-points).
    fn table(
        &mut self,
        rows: Vec<Vec<Cell>>,
        grid: Option<Vec<usize>>,
        size: Option<usize>,
    ) -> Table {
        let grid = grid.unwrap_or_else(|| grid_of(&rows));
        let reviewers = self.w.reviewers;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            // The reviewer rows are left blank for handwriting: make room.
            let tall = row
                .first()
                .is_some_and(|c| reviewers.contains(&c.text.as_str()));
            let mut start = 0;
            let mut cells = Vec::with_capacity(row.len());
            for cell in row {
                let span = span_of(&grid, start, start + cell.width);
                start += cell.width;
                cells.push(self.cell(cell, span, size));
            }
            let height = if tall { 850.0 } else { 340.0 };
            let row = TableRow::new(cells)
                .row_height(height)
                .height_rule(HeightRule::AtLeast)
                .cant_split();
            out.push(row);
        }
        Table::new(out)
            .set_grid(grid)
            .width(TEXT_WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .align(TableAlignmentType::Center)
            .margins(TableCellMargins::new().margin(30, 85, 30, 85))
    }

    fn cell(&mut self, cell: Cell, span: usize, size: Option<usize>) -> TableCell {
        let mut out = TableCell::new()
            .width(cell.width, WidthType::Dxa)
            .vertical_align(VAlignType::Center);
        if span > 1 {
            out = out.grid_span(span);
        }
        if let Some(merge) = cell.merge {
            out = out.vertical_merge(merge);
        }
        let align = match cell.align {
            Align::Center => AlignmentType::Center,
            Align::Left => AlignmentType::Left,
        };
        let lines: Vec<&str> = if cell.text.is_empty() {
            vec![""]
        } else {
            cell.text.lines().collect()
        };
        for line in lines {
            let mut run = Run::new().safe_text(line);
            if cell.bold {
                run = run.bold().fonts(fonts(HEADING_FONT, HEADING_FONT));
            }
            if let Some(size) = size {
                run = run.size(size);
            }
            let p = self.p().style("TableText").align(align).add_run(run);
            out = out.add_paragraph(p);
        }
        out
    }
}

/// The width of a header row's value beside its label.
const REST: usize = TEXT_WIDTH - LABEL_WIDTH;

/// A blank label cell that continues the vertical merge above it.
fn continuation() -> Cell {
    Cell::new(LABEL_WIDTH, "", Align::Center).merged(VMergeType::Continue)
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
    let per_row = if funds.len() > FUNDS_PER_ROW {
        FUNDS_PER_ROW
    } else {
        funds.len()
    };
    let widths = split(REST, per_row * 2);
    funds
        .chunks(per_row)
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

/// The columns every indicator grid has.
const BASE_COLUMNS: usize = 6;
/// Pairs of label and amount in a row of the funds block.
const FUNDS_PER_ROW: usize = 3;
/// The room of a short optional column (指标值类型, 计量单位): two
/// characters of 小五.
const NARROW: usize = 560;

/// A grid column's share of the width left to the columns that are not
/// narrow: with the six of every table alone, their widths in twips (the
/// text width exactly); beside optional columns, a denser share that
/// leaves room for them.
fn column_weight(c: Column, dense: bool) -> usize {
    let (plain, dense_weight) = match c {
        Column::Level1 => (1050, 600),
        Column::Level2 => (1450, 800),
        Column::Name => (1650, 1000),
        Column::Description => (2150, 900),
        Column::Value => (1300, 1050),
        Column::Basis => (1244, 1100),
        Column::Note | Column::Scoring => (0, 950),
        Column::Remark => (0, 800),
        Column::ValueType | Column::MeasureUnit => (0, 0),
    };
    if dense { dense_weight } else { plain }
}

/// The widths of the grid's columns in twips, adding up to the text
/// width: the short optional columns get `NARROW`, the others share the
/// rest by their weights.
fn column_widths(columns: &[Column]) -> Vec<usize> {
    let dense = columns.len() > BASE_COLUMNS;
    let narrow = |c: &Column| matches!(c, Column::ValueType | Column::MeasureUnit);
    let fixed = NARROW * columns.iter().filter(|c| narrow(c)).count();
    let rest = TEXT_WIDTH.saturating_sub(fixed);
    let total = columns
        .iter()
        .map(|c| column_weight(*c, dense))
        .sum::<usize>()
        .max(1);
    let mut widths: Vec<usize> = columns
        .iter()
        .map(|c| {
            if narrow(c) {
                NARROW
            } else {
                column_weight(*c, dense) * rest / total
            }
        })
        .collect();
    let used: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += TEXT_WIDTH.saturating_sub(used);
    }
    widths
}

/// The rows of one grid.
fn grid_rows(grid: &Grid, columns: &[Column], widths: &[usize]) -> Vec<Vec<Cell>> {
    grid.rows
        .iter()
        .map(|row| {
            columns
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
                .collect()
        })
        .collect()
}

/// A first- or second-level cell: it starts a vertical merge on the first
/// row of its group and continues it below (a group of one row is not
/// merged).
fn level_cell(width: usize, name: &str, rows: Option<usize>) -> Cell {
    match rows {
        Some(1) => Cell::new(width, name, Align::Center),
        Some(_) => Cell::new(width, name, Align::Center).merged(VMergeType::Restart),
        None => Cell::new(width, "", Align::Center).merged(VMergeType::Continue),
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
fn grid_of(rows: &[Vec<Cell>]) -> Vec<usize> {
    let mut bounds: Vec<usize> = rows
        .iter()
        .flat_map(|row| {
            row.iter().scan(0, |at, c| {
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

/// Text for a run, made safe for XML ([`super::xml_text`]): every text
/// of the Word file goes through here.
trait SafeText {
    fn safe_text(self, text: impl AsRef<str>) -> Self;
}

impl SafeText for Run {
    fn safe_text(self, text: impl AsRef<str>) -> Run {
        self.add_text(super::xml_text(text.as_ref()))
    }
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
    fn grid_columns_fill_the_text_width() {
        let six = [
            Column::Level1,
            Column::Level2,
            Column::Name,
            Column::Description,
            Column::Value,
            Column::Basis,
        ];
        assert_eq!(column_widths(&six), [1050, 1450, 1650, 2150, 1300, 1244]);
        let mut all = six.to_vec();
        all.extend([
            Column::ValueType,
            Column::MeasureUnit,
            Column::Note,
            Column::Scoring,
            Column::Remark,
        ]);
        let widths = column_widths(&all);
        assert_eq!(widths.iter().sum::<usize>(), TEXT_WIDTH);
        assert_eq!(widths[6..8], [NARROW, NARROW]);
    }

    #[test]
    fn the_grid_holds_every_boundary() {
        let rows = vec![
            vec![Cell::new(4, "", Align::Left), Cell::new(6, "", Align::Left)],
            vec![Cell::new(5, "", Align::Left), Cell::new(5, "", Align::Left)],
        ];
        let grid = grid_of(&rows);
        assert_eq!(grid, vec![4, 1, 5]);
        assert_eq!(span_of(&grid, 0, 4), 1);
        assert_eq!(span_of(&grid, 4, 10), 2);
        assert_eq!(span_of(&grid, 0, 5), 2);
    }
}
