//! The plan's tables as an Excel workbook (.xlsx): one sheet for the
//! department-overall table, one per project (named after it), and a last
//! sheet of indicator records: the department's and every project's
//! level-3 indicators as `build --to records` gives them (year, region,
//! unit and project codes, scope, annual/mid-term, level codes and names,
//! comparator, the value as a number or as text in separate columns, unit,
//! value type, direction, basis, scoring, weight, notes).
//!
//! The tables keep the printed layout: 一级/二级 cells merged over their
//! rows, "单位：万元" at the top right, the header block on the third row.
//! Figures are numbers, not text: amounts with their decimal places in the
//! plan's money unit, shares as percentages, and a quantitative target is
//! its number with a format that shows its comparator and unit (`≥95%`).
//! Column widths are computed from the display width of the text (a
//! Chinese character is two columns), which Excel's own autofit gets wrong.
//!
//! The bytes depend on the plan alone: the workbook's creation date is
//! fixed and rust_xlsxwriter writes its zip entries in a fixed order with
//! the zip epoch as their time.

use super::layout::{self, Column, FundsBlock, RECORD_COLUMNS, Row, Words, money};
use super::records::{self, IndicatorRecord};
use crate::diagnostic::Lang;
use crate::model::{Checkpoint, Indicator, OverallItem, Plan, Project, Target};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, FormatPattern,
    Workbook, Worksheet, XlsxError,
};
use std::collections::{HashMap, HashSet};
use unicode_width::UnicodeWidthStr;

pub use super::RenderError as Error;

impl From<XlsxError> for Error {
    fn from(e: XlsxError) -> Error {
        Error::from_display(e)
    }
}

/// The columns of a table sheet: the six of the indicator grid (more when
/// the grid has optional columns).
const COLUMNS: u16 = 6;
/// Schedule checkpoints per row of a project sheet (columns B–F).
const CHECKPOINTS_PER_ROW: usize = 5;
/// Column widths, in Excel's units (about one Latin character; a Chinese
/// character takes two).
const MIN_WIDTH: f64 = 8.0;
/// The height of one line of 11 pt text, in points, and a row's padding.
const LINE_HEIGHT: f64 = 15.0;
const ROW_PADDING: f64 = 5.0;
const BODY_FONT: &str = "宋体";
const HEADING_FONT: &str = "黑体";

/// The workbook for a plan, with Chinese or English headings.
pub fn to_xlsx(plan: &Plan, lang: Lang) -> Result<Vec<u8>, Error> {
    let w = layout::words(lang);
    let mut sheets = vec![overall_sheet(plan, w, lang)];
    let mut names = Names::new(&[w.overall_sheet, w.records_sheet]);
    for (n, p) in plan.projects.iter().enumerate() {
        sheets.push(project_sheet(plan, p, n + 1, names.take(&p.name, n + 1), w));
    }
    sheets.push(records_sheet(plan, w));
    let mut workbook = Workbook::new();
    let date = ExcelDateTime::from_ymd(1980, 1, 1)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&date));
    for sheet in &sheets {
        write_sheet(workbook.add_worksheet(), sheet)?;
    }
    Ok(workbook.save_to_buffer()?)
}

/// What a cell holds.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Text(String),
    /// A number and its number format.
    Number(f64, String),
    Blank,
}

/// How a cell looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Title,
    Note,
    NoteRight,
    Head,
    Label,
    Text,
    Center,
    Section,
}

/// A cell, or a merged range whose value sits in its top-left cell.
struct Placed {
    row: u32,
    col: u16,
    rows: u32,
    cols: u16,
    value: Value,
    style: Style,
}

/// A sheet laid out before it is written.
struct Sheet {
    name: String,
    cells: Vec<Placed>,
    /// The row being filled.
    row: u32,
    /// Rows above this one stay in view.
    freeze_rows: u32,
    /// Rows that need at least this height (points).
    min_heights: Vec<(u32, f64)>,
    /// An autofilter over the header row and the rows below it.
    filter: bool,
    /// Printed on one page (a project's table), else one page wide.
    one_page: bool,
    /// The columns the table spans: those of its indicator grid.
    cols: u16,
}

impl Sheet {
    fn new(name: impl Into<String>) -> Sheet {
        Sheet {
            name: name.into(),
            cells: Vec::new(),
            row: 0,
            freeze_rows: 0,
            min_heights: Vec::new(),
            filter: false,
            one_page: false,
            cols: COLUMNS,
        }
    }

    /// A sheet whose table spans the columns of its indicator grid.
    fn with_columns(name: impl Into<String>, columns: &[Column]) -> Sheet {
        let cols = u16::try_from(columns.len()).unwrap_or(COLUMNS).max(COLUMNS);
        Sheet {
            cols,
            ..Sheet::new(name)
        }
    }

    /// A cell of the current row spanning `cols` columns.
    fn put(&mut self, col: u16, cols: u16, value: Value, style: Style) {
        self.put_tall(col, 1, cols, value, style);
    }

    /// A cell of the current row spanning `rows` rows and `cols` columns.
    fn put_tall(&mut self, col: u16, rows: u32, cols: u16, value: Value, style: Style) {
        self.cells.push(Placed {
            row: self.row,
            col,
            rows: rows.max(1),
            cols: cols.max(1),
            value,
            style,
        });
    }

    fn text(&mut self, col: u16, cols: u16, text: impl Into<String>, style: Style) {
        self.put(col, cols, Value::Text(text.into()), style);
    }

    fn next_row(&mut self) {
        self.row += 1;
    }

    /// The title row and the `单位：万元` row above a table.
    fn title(&mut self, title: &str, left: &str, unit: &str) {
        let cols = self.cols;
        self.text(0, cols, title, Style::Title);
        self.next_row();
        self.text(0, cols - 2, left, Style::Note);
        self.text(cols - 2, 2, unit, Style::NoteRight);
        self.next_row();
        self.freeze_rows = 2;
    }
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

/// An amount as a number with its decimal places (at least two); blank
/// when there is none.
fn money_value(amount: &str) -> Value {
    match amount.parse::<f64>() {
        Ok(n) if !amount.is_empty() => Value::Number(n, places("0", layout::money_places(amount))),
        _ if amount.is_empty() => Value::Blank,
        _ => text(money(amount)),
    }
}

/// A share in percent (`"25"`) as the number 0.25 shown as `25%`.
fn percent_value(share: &str) -> Value {
    match share.parse::<f64>() {
        Ok(n) => Value::Number(n / 100.0, places("0", decimals(share)) + "%"),
        Err(_) => text(format!("{share}%")),
    }
}

/// `0`, `0.00`: a number format with so many decimal places.
fn places(whole: &str, n: usize) -> String {
    if n == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{}", "0".repeat(n))
    }
}

/// The decimal places a number was written with.
fn decimals(number: &str) -> usize {
    number.split_once('.').map_or(0, |(_, f)| f.len())
}

/// Text for a number format: shown as written, whatever its characters.
fn literal(s: &str) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("\"{}\"", s.replace('"', ""))
    }
}

/// An indicator's 指标值: a quantitative target is its number, formatted
/// to show its comparator and unit as the document writes them (`≥95%`,
/// `≤4万元/人`); any other target is its text.
fn target_value(i: &Indicator) -> Value {
    let Target::Quantitative {
        comparator,
        value,
        unit,
        ..
    } = &i.target
    else {
        return text(&i.value_text);
    };
    let Ok(n) = value.parse::<f64>() else {
        return text(&i.value_text);
    };
    let prefix = literal(comparator.map_or("", |c| c.symbol()));
    let number = places("0", decimals(value));
    match unit.as_deref() {
        Some("%") => Value::Number(n / 100.0, format!("{prefix}{number}%")),
        unit => Value::Number(
            n,
            format!("{prefix}{number}{}", literal(unit.unwrap_or(""))),
        ),
    }
}

/// The department-overall sheet: the overall goals and indicators, the
/// per-project summaries with the derived total, the safeguard measures.
fn overall_sheet(plan: &Plan, w: &Words, lang: Lang) -> Sheet {
    let indicators = plan.overall.iter().filter_map(|item| match item {
        OverallItem::Indicator(i) => Some(&**i),
        _ => None,
    });
    let mut s = Sheet::with_columns(w.overall_sheet, &layout::columns(indicators));
    let title = match lang {
        Lang::Zh => format!("{}{}年{}表", plan.department, plan.year, w.overall_sheet),
        Lang::En => format!("{} {} — {}", plan.department, plan.year, w.overall_sheet),
    };
    s.title(&title, "", &layout::money_unit_label(&plan.money_unit, w));
    s.text(0, 1, w.department, Style::Label);
    s.text(1, s.cols - 1, &plan.department, Style::Center);
    s.next_row();
    s.text(0, 1, w.year, Style::Label);
    s.put(
        1,
        s.cols - 1,
        Value::Number(f64::from(plan.year), "0".into()),
        Style::Center,
    );
    s.next_row();
    overall_items(&mut s, plan, w);
    summaries(&mut s, plan, w);
    measures(&mut s, plan, w);
    s
}

/// 一、总体绩效目标 in reading order: each run of goal paragraphs is one
/// text row, each run of indicators one grid.
fn overall_items(s: &mut Sheet, plan: &Plan, w: &Words) {
    section(s, w.overall);
    let mut goals: Vec<&str> = Vec::new();
    let mut grid: Vec<&Indicator> = Vec::new();
    for item in &plan.overall {
        match item {
            OverallItem::Goal(t) => {
                flush_grid(s, &mut grid, w);
                goals.push(t.trim());
            }
            OverallItem::MidtermGoal(t) | OverallItem::Duties(t) => {
                flush_grid(s, &mut grid, w);
                flush_goals(s, &mut goals);
                let label = layout::overall_label(item, w).unwrap_or_default();
                s.text(0, 1, label, Style::Label);
                s.text(1, s.cols - 1, t.trim(), Style::Text);
                s.next_row();
            }
            OverallItem::Indicator(i) => {
                flush_goals(s, &mut goals);
                grid.push(&**i);
            }
        }
    }
    flush_goals(s, &mut goals);
    flush_grid(s, &mut grid, w);
}

fn flush_goals(s: &mut Sheet, goals: &mut Vec<&str>) {
    if !goals.is_empty() {
        s.text(0, s.cols, goals.join("\n"), Style::Text);
        s.next_row();
        goals.clear();
    }
}

fn flush_grid(s: &mut Sheet, grid: &mut Vec<&Indicator>, w: &Words) {
    if !grid.is_empty() {
        let columns = layout::columns(grid.iter().copied());
        indicator_grid(s, &layout::grouped(grid), &columns, w);
        grid.clear();
    }
}

fn section(s: &mut Sheet, title: &str) {
    s.text(0, s.cols, title, Style::Section);
    s.next_row();
}

fn summaries(s: &mut Sheet, plan: &Plan, w: &Words) {
    section(s, w.summaries);
    s.text(0, 1, w.number, Style::Head);
    s.text(1, 1, w.name, Style::Head);
    s.text(2, 1, w.project_funds, Style::Head);
    s.text(3, s.cols - 3, w.goal, Style::Head);
    s.next_row();
    for (n, sum) in plan.summaries.iter().enumerate() {
        let number = u32::try_from(n + 1).map_or(0.0, f64::from);
        s.put(0, 1, Value::Number(number, "0".into()), Style::Center);
        s.text(1, 1, &sum.name, Style::Center);
        s.put(2, 1, money_value(&sum.amount), Style::Center);
        s.text(3, s.cols - 3, &sum.goal, Style::Text);
        s.next_row();
    }
    s.text(0, 2, w.total, Style::Label);
    s.put(2, 1, money_value(&plan.total), Style::Center);
    s.put(3, s.cols - 3, Value::Blank, Style::Text);
    s.next_row();
}

fn measures(s: &mut Sheet, plan: &Plan, w: &Words) {
    if plan.measures.is_empty() {
        return;
    }
    section(s, w.measures);
    for m in &plan.measures {
        s.text(0, 2, &m.title, Style::Label);
        s.text(2, s.cols - 2, m.text.trim(), Style::Text);
        s.next_row();
    }
}

/// One project's 绩效目标表.
fn project_sheet(plan: &Plan, p: &Project, n: usize, name: String, w: &Words) -> Sheet {
    let columns = layout::columns(&p.indicators);
    let mut s = Sheet::with_columns(name, &columns);
    s.one_page = true;
    let title = layout::table_heading(n, &p.name, w);
    let unit = layout::money_unit_label(&plan.money_unit, w);
    s.title(&title, &layout::unit_line(p), &unit);
    let mut fields = vec![(w.code, p.code.clone().unwrap_or_default())];
    fields.push((w.name, p.name.clone()));
    fields.extend(layout::header_fields(plan, p, w));
    for pair in fields.chunks(2) {
        field_row(&mut s, pair);
    }
    funds(&mut s, p, w);
    if let Some(costs) = layout::cost_text(p, w) {
        s.text(0, 1, w.cost_items, Style::Label);
        s.text(1, s.cols - 1, costs, Style::Text);
        s.next_row();
    }
    schedule(&mut s, &p.schedule, w);
    for (label, goals) in layout::goal_blocks(p, w) {
        s.text(0, 1, label, Style::Label);
        s.text(1, s.cols - 1, layout::numbered(goals), Style::Text);
        s.next_row();
    }
    s.next_row();
    for grid in layout::grids(p, w) {
        if let Some(title) = grid.title {
            section(&mut s, title);
        }
        indicator_grid(&mut s, &grid.rows, &columns, w);
    }
    for reviewer in w.reviewers {
        s.text(0, 2, reviewer, Style::Label);
        s.put(2, s.cols - 2, Value::Blank, Style::Text);
        s.min_heights.push((s.row, 60.0));
        s.next_row();
    }
    s
}

/// A header row of one or two fields: label in A, value in B–C; the
/// second's label in D, its value from E to the table's edge (a field
/// alone reaches the edge from B).
fn field_row(s: &mut Sheet, fields: &[(&str, String)]) {
    let mut col = 0;
    for (k, (label, value)) in fields.iter().enumerate() {
        let cols = if k + 1 == fields.len() {
            s.cols - col - 1
        } else {
            2
        };
        s.text(col, 1, *label, Style::Label);
        s.text(col + 1, cols, value, Style::Center);
        col += 3;
    }
    s.next_row();
}

/// The funds block: the year's 预算数 and every source, one source a row,
/// then 项目总资金 and its sources when stated, then 资金用途; the
/// block's label is merged down beside them.
fn funds(s: &mut Sheet, p: &Project, w: &Words) {
    let blocks = layout::funds_blocks(p, w);
    let height: u32 = blocks.iter().map(block_height).sum();
    s.put_tall(0, height + 1, 1, text(w.funds_block), Style::Label);
    for block in blocks {
        funds_block(s, block, w);
    }
    s.text(
        1,
        s.cols - 1,
        p.purpose.clone().unwrap_or_default(),
        Style::Text,
    );
    s.next_row();
}

/// The rows a block of funds takes: one per source, at least one.
fn block_height(block: &FundsBlock) -> u32 {
    u32::try_from(block.sources.len()).unwrap_or(1).max(1)
}

/// A total merged down beside its sources, one source a row.
fn funds_block(s: &mut Sheet, block: FundsBlock, w: &Words) {
    let height = block_height(&block);
    s.put_tall(1, height, 1, text(block.label), Style::Label);
    s.put_tall(2, height, 1, money_value(&block.total), Style::Center);
    if block.sources.is_empty() {
        s.put(3, 1, Value::Blank, Style::Label);
        s.put(4, s.cols - 4, Value::Blank, Style::Center);
        s.next_row();
    }
    for (k, (name, amount)) in block.sources.into_iter().enumerate() {
        let label = if k == 0 {
            format!("{}{name}", w.of_which)
        } else {
            name
        };
        s.text(3, 1, label, Style::Label);
        s.put(4, s.cols - 4, money_value(&amount), Style::Center);
        s.next_row();
    }
}

/// The spending schedule: checkpoints over columns B–F, a row of dates
/// and a row of shares per five checkpoints, the title merged beside.
fn schedule(s: &mut Sheet, schedule: &[Checkpoint], w: &Words) {
    let edge = s.cols;
    if schedule.is_empty() {
        return;
    }
    let chunks: Vec<&[Checkpoint]> = schedule.chunks(CHECKPOINTS_PER_ROW).collect();
    let rows = u32::try_from(chunks.len() * 2).unwrap_or(2);
    s.put_tall(
        0,
        rows,
        1,
        text(layout::schedule_title(schedule, w)),
        Style::Label,
    );
    for chunk in chunks {
        let mut values = Vec::with_capacity(chunk.len());
        for (k, c) in chunk.iter().enumerate() {
            let (col, cols) = checkpoint_columns(k, chunk.len(), edge);
            s.text(col, cols, &c.label, Style::Label);
            let value = match (&c.share, &c.amount) {
                (Some(share), _) => percent_value(share),
                (None, Some(amount)) => money_value(amount),
                (None, None) => Value::Blank,
            };
            values.push((col, cols, value));
        }
        s.next_row();
        for (col, cols, value) in values {
            s.put(col, cols, value, Style::Center);
        }
        s.next_row();
    }
}

/// The columns of the `k`th of `n` checkpoints in a row: one each from
/// column B, the last reaching to the table's edge.
fn checkpoint_columns(k: usize, n: usize, edge: u16) -> (u16, u16) {
    let col = u16::try_from(k + 1).unwrap_or(1);
    if k + 1 == n {
        (col, edge - col)
    } else {
        (col, 1)
    }
}

/// An indicator grid: the column heads, then one row per indicator with
/// the first and second levels merged over their groups.
fn indicator_grid(s: &mut Sheet, rows: &[Row], columns: &[Column], w: &Words) {
    for (col, c) in (0..).zip(columns) {
        s.text(col, 1, c.head(w), Style::Head);
    }
    s.next_row();
    for row in rows {
        let i = row.indicator;
        for (col, &c) in (0..).zip(columns) {
            let merged = match c {
                Column::Level1 => Some(row.level1_rows),
                Column::Level2 => Some(row.level2_rows),
                _ => None,
            };
            match merged {
                Some(Some(n)) => {
                    let n = u32::try_from(n).unwrap_or(1);
                    s.put_tall(col, n, 1, text(c.text(i)), Style::Center);
                }
                Some(None) => {}
                None if c == Column::Value => s.put(col, 1, target_value(i), Style::Center),
                None if matches!(c, Column::ValueType | Column::MeasureUnit) => {
                    s.text(col, 1, c.text(i), Style::Center);
                }
                None => s.text(col, 1, c.text(i), Style::Text),
            }
        }
        s.next_row();
    }
}

/// The indicator records sheet: one row per level-3 indicator, the
/// department's and every project's, as `build --to records` gives them
/// (`records::IndicatorRecord`), so the sheet and the systems' records
/// never disagree. A number is a number (a percentage the same 0.95 shown
/// as 95% as on the project sheets), a text target is in a column of its
/// own, and a row carries the year, region, unit and level codes.
fn records_sheet(plan: &Plan, w: &Words) -> Sheet {
    let mut s = Sheet::new(w.records_sheet);
    for (col, head) in (0..).zip(w.record_columns) {
        s.text(col, 1, head, Style::Head);
    }
    s.next_row();
    s.freeze_rows = 1;
    s.filter = true;
    let names: HashMap<&str, &str> = plan
        .projects
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    for r in records::records(plan).indicators {
        let name = r.pro_id.as_deref().and_then(|id| names.get(id)).copied();
        for (col, value) in (0..).zip(record_cells(&r, name, w)) {
            s.put(col, 1, value, Style::Text);
        }
        s.next_row();
    }
    s
}

/// The cells of one indicator record, in the order of `record_columns`.
fn record_cells(
    r: &IndicatorRecord,
    project_name: Option<&str>,
    w: &Words,
) -> [Value; RECORD_COLUMNS] {
    let opt = |t: &Option<String>| text(t.clone().unwrap_or_default());
    let (number, words) = record_value(r);
    [
        Value::Number(f64::from(r.fiscal_year), "0".into()),
        opt(&r.mof_div_code),
        opt(&r.agency_code),
        opt(&r.pro_code),
        text(project_name.unwrap_or_default()),
        text(word(&r.scope)),
        text(match r.yearflag {
            records::YearFlag::Annual => w.annual,
            records::YearFlag::Midterm => w.midterm,
        }),
        Value::Number(r.orderby as f64, "0".into()),
        text(&r.lv1_perf_ind_id),
        text(&r.lv1_perf_ind_name),
        text(&r.lv2_perf_ind_id),
        text(&r.lv2_perf_ind_name),
        text(&r.lv3_perf_ind_name),
        opt(&r.kpi_content),
        text(r.indsymbol.map(|c| c.symbol()).unwrap_or_default()),
        number,
        words,
        opt(&r.meterunit),
        text(r.value_type.word()),
        text(r.direction.as_ref().map(word).unwrap_or_default()),
        opt(&r.ind_basis),
        opt(&r.kpi_evalstd),
        r.weight.map_or(Value::Blank, |n| exact(n.0)),
        opt(&r.value_remark),
        opt(&r.kpi_remark),
    ]
}

/// A record's value: the number (a percentage as the fraction shown with
/// `%`, as the project sheets show it) or the text, each in its column.
fn record_value(r: &IndicatorRecord) -> (Value, Value) {
    let Some(n) = r.indvalue else {
        return (Value::Blank, text(&r.kpi_val));
    };
    let percent = r.meterunit.as_deref() == Some("%");
    let written = n.0.to_string();
    let number = match written.parse::<f64>() {
        Ok(v) if percent => Value::Number(v / 100.0, places("0", decimals(&written)) + "%"),
        Ok(_) => exact(n.0),
        Err(_) => text(&written),
    };
    (number, Value::Blank)
}

/// An exact decimal as a number cell with its own decimal places.
fn exact(d: rust_decimal::Decimal) -> Value {
    let written = d.to_string();
    match written.parse::<f64>() {
        Ok(v) => Value::Number(v, places("0", decimals(&written))),
        Err(_) => text(written),
    }
}

/// The word an enum of the records is written as (its serde name:
/// 部门整体, 正向 …).
fn word<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Unique, valid sheet names: at most 31 UTF-16 units, none of
/// `[]:*?/\`, no apostrophe at either end, unique ignoring case.
struct Names {
    /// Every name given, lowercased.
    taken: HashSet<String>,
    /// For a base name given before, the suffix number to try next: the
    /// ones below it are taken, and stay taken.
    next_suffix: HashMap<String, usize>,
}

impl Names {
    fn new(reserved: &[&str]) -> Names {
        Names {
            taken: reserved
                .iter()
                .chain(&["History"])
                .map(|n| n.to_lowercase())
                .collect(),
            next_suffix: HashMap::new(),
        }
    }

    /// The name for a sheet: the wanted name made valid, else with the
    /// first suffix `~2`, `~3` … that makes it unique.
    fn take(&mut self, wanted: &str, n: usize) -> String {
        let base = sanitize(wanted);
        let base = if base.is_empty() { n.to_string() } else { base };
        let mut name = truncate(&base, 31);
        if self.taken.contains(&name.to_lowercase()) {
            let mut k = self.next_suffix.get(&base).copied().unwrap_or(2);
            loop {
                let suffix = format!("~{k}");
                name = truncate(&base, 31 - suffix.len()) + &suffix;
                k += 1;
                if !self.taken.contains(&name.to_lowercase()) {
                    break;
                }
            }
            self.next_suffix.insert(base, k);
        }
        self.taken.insert(name.to_lowercase());
        name
    }
}

fn sanitize(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '_',
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => ' ',
            c => c,
        })
        .collect();
    cleaned.trim().trim_matches('\'').trim().to_string()
}

/// The longest prefix of `s` within `max` UTF-16 units.
fn truncate(s: &str, max: usize) -> String {
    let mut len = 0;
    s.chars()
        .take_while(|c| {
            len += c.len_utf16();
            len <= max
        })
        .collect()
}

/// Writes a laid-out sheet: cells, merged ranges, widths, heights, panes.
fn write_sheet(ws: &mut Worksheet, s: &Sheet) -> Result<(), XlsxError> {
    ws.set_name(&s.name)?;
    let widths = column_widths(s);
    for (col, width) in (0..).zip(&widths) {
        ws.set_column_width(col, *width)?;
    }
    let heights = row_heights(s, &widths);
    for (row, height) in &heights {
        ws.set_row_height(*row, *height)?;
    }
    print_setup(ws, s, &widths, &heights)?;
    for c in &s.cells {
        write_cell(ws, c)?;
    }
    if s.freeze_rows > 0 {
        ws.set_freeze_panes(s.freeze_rows, 0)?;
    }
    if s.filter && s.row > 1 {
        let last_col = u16::try_from(widths.len().saturating_sub(1)).unwrap_or(0);
        ws.autofilter(0, 0, s.row - 1, last_col)?;
    }
    Ok(())
}

/// The widest table, in Excel's character units, that a portrait A4 page
/// prints at full size (its width less the default margins); wider ones
/// print landscape.
const PORTRAIT_CHARS: f64 = 92.0;
/// The same on a landscape page.
const LANDSCAPE_CHARS: f64 = 135.0;
/// The printable height of an A4 page, in points, less the default
/// margins: portrait, landscape.
const PAGE_POINTS: (f64, f64) = (730.0, 480.0);
/// Excel keeps at most this many manual page breaks on a sheet.
const MAX_BREAKS: usize = 1023;

/// How a sheet prints: A4, portrait when its table fits the width, else
/// landscape; one page wide (a project's table on one page); the title or
/// header rows repeated at the top of every page; a section heading never
/// left alone at the bottom of a page.
fn print_setup(
    ws: &mut Worksheet,
    s: &Sheet,
    widths: &[f64],
    heights: &[(u32, f64)],
) -> Result<(), XlsxError> {
    let width: f64 = widths.iter().sum();
    let landscape = width > PORTRAIT_CHARS;
    ws.set_paper_size(9);
    if landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_print_fit_to_pages(1, u16::from(s.one_page));
    if s.freeze_rows > 0 && s.row > s.freeze_rows {
        ws.set_repeat_rows(0, s.freeze_rows - 1)?;
    }
    if !s.one_page {
        let breaks = section_breaks(s, width, heights, landscape);
        ws.set_page_breaks(&breaks)?;
    }
    Ok(())
}

/// The rows before which a page must break so that no section heading is
/// the last row of a page: the pages are laid out as Excel will, scaled
/// to the page's width, with the repeated rows at the top of each.
fn section_breaks(s: &Sheet, width: f64, heights: &[(u32, f64)], landscape: bool) -> Vec<u32> {
    let (page_chars, page) = if landscape {
        (LANDSCAPE_CHARS, PAGE_POINTS.1)
    } else {
        (PORTRAIT_CHARS, PAGE_POINTS.0)
    };
    let scale = (page_chars / width.max(1.0)).min(1.0);
    let height = |r: u32| heights.get(r as usize).map_or(LINE_HEIGHT, |(_, h)| *h);
    let repeated: f64 = (0..s.freeze_rows).map(height).sum();
    let room = page / scale;
    let sections: HashSet<u32> = s
        .cells
        .iter()
        .filter(|c| c.style == Style::Section)
        .map(|c| c.row)
        .collect();
    let mut breaks = Vec::new();
    let mut used = repeated;
    for r in s.freeze_rows..s.row {
        let h = height(r);
        if used + h > room {
            // The page ends here of itself.
            used = repeated;
        } else if sections.contains(&r) && used + h + height(r + 1) > room {
            if breaks.len() < MAX_BREAKS {
                breaks.push(r);
            }
            used = repeated;
        }
        used += h;
    }
    breaks
}

fn write_cell(ws: &mut Worksheet, c: &Placed) -> Result<(), XlsxError> {
    let num = match &c.value {
        Value::Number(_, f) => Some(f.as_str()),
        _ => None,
    };
    let format = format(c.style, num);
    let (last_row, last_col) = (c.row + c.rows - 1, c.col + c.cols - 1);
    if c.rows > 1 || c.cols > 1 {
        ws.merge_range(c.row, c.col, last_row, last_col, "", &format)?;
    }
    match &c.value {
        Value::Text(t) if !t.is_empty() => {
            ws.write_string_with_format(c.row, c.col, super::xml_text(t), &format)?;
        }
        Value::Number(n, _) => {
            ws.write_number_with_format(c.row, c.col, *n, &format)?;
        }
        _ => {
            ws.write_blank(c.row, c.col, &format)?;
        }
    }
    Ok(())
}

fn format(style: Style, num: Option<&str>) -> Format {
    let base = Format::new()
        .set_font_name(BODY_FONT)
        .set_font_size(11)
        .set_align(FormatAlign::VerticalCenter);
    let cell = base.clone().set_border(FormatBorder::Thin).set_text_wrap();
    let fill = |f: Format| {
        f.set_pattern(FormatPattern::Solid)
            .set_background_color(Color::RGB(0xF2F2F2))
    };
    let format = match style {
        Style::Title => base
            .set_font_name(HEADING_FONT)
            .set_font_size(16)
            .set_align(FormatAlign::Center)
            .set_text_wrap(),
        Style::Note => base,
        Style::NoteRight => base.set_align(FormatAlign::Right),
        Style::Head => fill(
            cell.set_font_name(HEADING_FONT)
                .set_align(FormatAlign::Center),
        ),
        Style::Label => cell.set_bold().set_align(FormatAlign::Center),
        Style::Text => cell.set_align(FormatAlign::Left),
        Style::Center => cell.set_align(FormatAlign::Center),
        Style::Section => fill(
            cell.set_font_name(HEADING_FONT)
                .set_align(FormatAlign::Left),
        ),
    };
    match num {
        Some(n) => format.set_num_format(n),
        None => format,
    }
}

/// The text a cell shows, near enough to measure it.
fn shown(value: &Value) -> String {
    match value {
        Value::Text(t) => t.clone(),
        Value::Number(n, format) => {
            // Quoted parts of the format are shown as written; the rest is
            // the number, scaled for a percentage.
            let code: String = format.split('"').step_by(2).collect();
            let percent = code.contains('%');
            let places = code
                .split_once('.')
                .map_or(0, |(_, p)| p.matches('0').count());
            let n = if percent { n * 100.0 } else { *n };
            let sign = if percent { "%" } else { "" };
            let number = format!("{n:.places$}{sign}");
            format
                .split('"')
                .enumerate()
                .map(|(k, part)| match (k % 2, part.is_empty()) {
                    (1, _) => part,
                    (_, false) => number.as_str(),
                    (_, true) => "",
                })
                .collect()
        }
        Value::Blank => String::new(),
    }
}

/// The display width of the widest line of a text (CJK counts two).
fn display_width(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// Each column wide enough for its single-column cells, within bounds.
fn column_widths(s: &Sheet) -> Vec<f64> {
    let columns = s.cells.iter().map(|c| c.col + c.cols).max().unwrap_or(0);
    (0..columns)
        .map(|col| {
            s.cells
                .iter()
                .filter(|c| c.col == col && c.cols == 1)
                .map(|c| (display_width(&shown(&c.value)) as f64 + 2.0).min(widest(c.style)))
                .fold(MIN_WIDTH, f64::max)
        })
        .collect()
}

/// The widest a cell of a style makes its column; longer text wraps.
/// Labels and short values wrap early, so that the tables fit a page.
fn widest(style: Style) -> f64 {
    match style {
        Style::Head | Style::Label => 14.0,
        Style::Center => 16.0,
        _ => 30.0,
    }
}

/// Every row gets the height of its lines (text wraps within its cell).
/// One pass over the cells, each row's height kept by its number.
fn row_heights(s: &Sheet, widths: &[f64]) -> Vec<(u32, f64)> {
    let rows = usize::try_from(s.row).unwrap_or(0);
    let mut text = vec![LINE_HEIGHT + ROW_PADDING; rows];
    let mut min = vec![0.0_f64; rows];
    for c in s.cells.iter().filter(|c| c.rows == 1) {
        if let Some(h) = usize::try_from(c.row).ok().and_then(|r| text.get_mut(r)) {
            *h = h.max(cell_height(c, widths));
        }
    }
    for (row, height) in &s.min_heights {
        if let Some(m) = usize::try_from(*row).ok().and_then(|r| min.get_mut(r)) {
            *m = m.max(*height);
        }
    }
    (0..s.row)
        .zip(text.iter().zip(&min))
        .map(|(row, (text, min))| (row, text.max(*min)))
        .collect()
}

/// The height a cell's text needs: its lines at its font's size (a title
/// is 16 pt, so fewer characters fit a column).
fn cell_height(c: &Placed, widths: &[f64]) -> f64 {
    let (scale, line) = match c.style {
        Style::Title => (11.0 / 16.0, 22.0),
        _ => (1.0, LINE_HEIGHT),
    };
    let lines = lines_of(&shown(&c.value), span_width(widths, c) * scale);
    lines as f64 * line + ROW_PADDING
}

fn span_width(widths: &[f64], c: &Placed) -> f64 {
    let start = usize::from(c.col);
    widths.iter().skip(start).take(usize::from(c.cols)).sum()
}

/// How many lines a text takes in a cell this wide.
fn lines_of(text: &str, width: f64) -> usize {
    let usable = width.max(1.0);
    text.lines()
        .map(|l| {
            ((UnicodeWidthStr::width(l) as f64) / usable)
                .ceil()
                .max(1.0) as usize
        })
        .sum::<usize>()
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sheet of `rows` plain rows after two title rows, with section
    /// headings at `sections`.
    fn long_sheet(rows: u32, sections: &[u32]) -> Sheet {
        let mut s = Sheet::new("s");
        s.title("t", "", "");
        while s.row < rows {
            let style = if sections.contains(&s.row) {
                Style::Section
            } else {
                Style::Text
            };
            s.text(0, 1, "x", style);
            s.next_row();
        }
        s
    }

    #[test]
    fn a_section_heading_is_never_the_last_row_of_a_page() {
        // Portrait, 20-point rows: 36 rows fill a page of 730 points.
        let heights = |s: &Sheet| (0..s.row).map(|r| (r, 20.0)).collect::<Vec<_>>();
        let last_on_first_page = 35;
        let s = long_sheet(100, &[10, last_on_first_page]);
        let breaks = section_breaks(&s, 50.0, &heights(&s), false);
        assert_eq!(breaks, [last_on_first_page], "only the stranded heading");
        // A heading that starts a page needs no break.
        let s = long_sheet(100, &[36]);
        assert!(section_breaks(&s, 50.0, &heights(&s), false).is_empty());
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut names = Names::new(&["指标记录"]);
        assert_eq!(names.take("a/b:c", 1), "a_b_c");
        assert_eq!(names.take("A/B:C", 2), "A_B_C~2");
        assert_eq!(names.take("'指标记录'", 3), "指标记录~2");
        assert_eq!(names.take("", 4), "4");
        let long = "很".repeat(40);
        let name = names.take(&long, 5);
        assert_eq!(name.chars().count(), 31);
        assert_eq!(names.take(&long, 6).encode_utf16().count(), 31);
    }

    #[test]
    fn number_formats_show_comparator_and_unit() {
        assert_eq!(places("0", 2), "0.00");
        assert_eq!(literal("≥"), "\"≥\"");
        assert_eq!(percent_value("25"), Value::Number(0.25, "0%".into()));
        assert_eq!(money_value("64.5"), Value::Number(64.5, "0.00".into()));
        assert_eq!(money_value(""), Value::Blank);
        let v = Value::Number(0.95, "\"≥\"0%".into());
        assert_eq!(shown(&v), "≥95%");
        let v = Value::Number(4.0, "\"≤\"0\"万元/人\"".into());
        assert_eq!(shown(&v), "≤4万元/人");
    }

    #[test]
    fn wrapped_text_counts_lines() {
        assert_eq!(lines_of("很很很很很", 10.0), 1);
        assert_eq!(lines_of("很很很很很很", 10.0), 2);
        assert_eq!(lines_of("a\nb", 10.0), 2);
    }
}
