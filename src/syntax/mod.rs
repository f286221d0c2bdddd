//! Parsing: source text to the typed syntax tree, with every syntax error.
//!
//! The [`layout`] scanner splits a file into logical lines and finds its
//! comments. This module walks the lines, keeping track of the `{ }` block
//! each one is in, parses each line with pest using the rule for that block
//! ([`grammar`]), and lowers it to AST nodes ([`lower`]). A line that fails
//! to parse is reported ([`errors`]) and kept as an error node
//! ([`ast::Broken`]), or, for an indicator row whose path and name read,
//! as an indicator whose target is broken; the rest of the file is still
//! read, so one run reports every broken line, and the rules still check
//! everything that does not depend on it.

mod dispatch;
pub mod errors;
pub mod grammar;
pub mod keywords;
pub mod layout;
pub mod lower;
mod salvage;

use crate::ast::{self, Item, OverallStmt, PlanStmt, ProjectStmt, SummaryStmt};
use crate::codes;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::source::{FileId, Span};
use errors::{Context, FailedLine};
use grammar::PlanParser;
use layout::{Line, LineOffsets};
use lower::{Lowered, Lowerer};
use pest::Parser;
use rayon::prelude::*;
use std::ops::Range;

/// Parses one file. Never fails: what does not parse becomes diagnostics,
/// and the tree holds everything that did.
///
/// A large file is cut into runs of lines at lines that start a top-level
/// item (`项目 … {`), and the runs are scanned and walked in parallel. Such
/// a line ends whatever block is open, so each run can start outside any
/// block; the runs are then joined in order, reporting a block left open at
/// the end of one run exactly where the line-by-line walk reports it. The
/// tree and the diagnostics, in their order (the scanner's first, then the
/// walker's), are the same as scanning and walking the file in one piece,
/// whatever the number of threads; and only one run's lines are held at a
/// time per thread.
pub fn parse(file: FileId, text: &str) -> (ast::File, Vec<Diagnostic>) {
    let starts = item_starts_if_large(file, text, RUN_BYTES);
    parse_in_runs(file, text, RUN_BYTES, &starts, &|_| (), &mut |()| ())
}

/// A run's items as `each_run` of [`parse_with`] sees them.
pub struct RunItems<'r> {
    /// The items the run closes; `each_run` may change them (`check` cuts
    /// projects to their outline once their rules have run).
    pub items: &'r mut Vec<Item>,
    /// Whether the run's lines read without an error: its trees then hold
    /// no error node and can be resolved. A block a run leaves open (a
    /// syntax error) is never clean.
    pub clean: bool,
}

/// [`parse`], calling `each_run` on the items each run of the file closes,
/// as soon as the run is walked and on the thread that walked it, and
/// handing what it makes to `sink` in the order of the runs, followed by
/// what it makes of the blocks a run left open (a syntax error), which are
/// closed only when the runs are joined. `each_run` sees each item once.
/// The runs are walked a batch at a time, so `sink` gets the first runs'
/// results while later runs are still to be read. `starts` are the file's
/// [`item_starts`], where runs may be cut.
pub fn parse_with<T: Send>(
    file: FileId,
    text: &str,
    starts: &[ItemStart],
    each_run: &(dyn Fn(RunItems) -> T + Sync),
    sink: &mut dyn FnMut(T),
) -> (ast::File, Vec<Diagnostic>) {
    parse_in_runs(file, text, RUN_BYTES, starts, each_run, sink)
}

/// [`parse_with`], with runs of about `run_bytes`: tests cut small plans
/// into many runs with it.
pub(crate) fn parse_with_runs<T: Send>(
    file: FileId,
    text: &str,
    run_bytes: usize,
    starts: &[ItemStart],
    each_run: &(dyn Fn(RunItems) -> T + Sync),
    sink: &mut dyn FnMut(T),
) -> (ast::File, Vec<Diagnostic>) {
    parse_in_runs(file, text, run_bytes, starts, each_run, sink)
}

/// The items of a file other than its projects, parsed; the lines of the
/// projects are skipped unparsed. What the rules need to know of a plan
/// before they can check its projects one run at a time: the header with
/// the settings, the overall part, the summaries, the framework
/// definitions. Diagnostics are not kept: the whole file is parsed again
/// afterwards, and they are reported then. `starts` are the file's
/// [`item_starts`]. The file's broken item heads other than projects'
/// come with them (see [`ast::Broken`]).
pub fn items_but_projects(file: FileId, text: &str, starts: &[ItemStart]) -> ast::File {
    let ends = starts.iter().skip(1).map(|s| s.at).chain([text.len()]);
    let mut tree = ast::File {
        id: file,
        ..ast::File::default()
    };
    for (start, end) in starts.iter().zip(ends).filter(|(s, _)| !s.project) {
        let mut walker = walk_run(file, text, start.at..end).walker;
        // A block the next item interrupts (a syntax error) is closed
        // where its last statement ends, as the whole walk closes it.
        walker.end_of_file();
        let items = walker.items.into_iter();
        tree.items
            .extend(items.filter(|i| !matches!(i, Item::Project(_))));
        let broken = walker.broken.into_iter();
        tree.broken
            .extend(broken.filter(|b| !b.is(keywords::Kw::Project)));
    }
    tree
}

/// A line that starts a top-level item.
#[derive(Clone, Copy, Debug)]
pub struct ItemStart {
    /// The byte offset of the line.
    pub at: usize,
    /// Whether the item is a project.
    pub project: bool,
}

/// Where the top-level items of a file start (lines whose first word is
/// `项目`, `计划` … and that open a block, or `保障措施` lines): one scan
/// of the file's layout, which says both where its runs may be cut and
/// which items are not projects.
pub fn item_starts(file: FileId, text: &str) -> Vec<ItemStart> {
    let mut out = Vec::new();
    for line in layout::lines(file, text, 0..text.len()).quiet() {
        if line.is_blank() {
            continue;
        }
        let content = text.get(line.content.range()).unwrap_or_default();
        if !layout::closes_block(content) && starts_item(content) {
            let word = layout::first_word(content);
            out.push(ItemStart {
                at: line.span.start as usize,
                project: keywords::lookup(word).is_some_and(|(k, _)| k == keywords::Kw::Project),
            });
        }
    }
    out
}

/// [`item_starts`] for a file large enough to be cut into runs; none for a
/// smaller one, which is read in one piece.
fn item_starts_if_large(file: FileId, text: &str, run_bytes: usize) -> Vec<ItemStart> {
    if text.len() < run_bytes.saturating_mul(2) {
        return Vec::new();
    }
    item_starts(file, text)
}

/// The byte ranges of a file's runs, in order: the whole file for a small
/// one.
fn run_bounds(text: &str, run_bytes: usize, items: &[ItemStart]) -> Vec<Range<usize>> {
    let starts = run_starts(text.len(), run_bytes, items);
    if starts.len() < 2 {
        return std::iter::once(0..text.len()).collect();
    }
    starts
        .iter()
        .zip(starts.iter().skip(1).chain([&text.len()]))
        .map(|(&a, &b)| a..b)
        .collect()
}

/// [`parse_with`], with runs of about `run_bytes` (a file under twice that
/// is read in one piece).
fn parse_in_runs<T: Send>(
    file: FileId,
    text: &str,
    run_bytes: usize,
    starts: &[ItemStart],
    each_run: &(dyn Fn(RunItems) -> T + Sync),
    sink: &mut dyn FnMut(T),
) -> (ast::File, Vec<Diagnostic>) {
    let bounds = run_bounds(text, run_bytes, starts);
    let walk = |r: &Range<usize>| {
        let mut run = walk_run(file, text, r.clone());
        let clean = run.is_clean();
        let done = each_run(RunItems {
            items: &mut run.walker.items,
            clean,
        });
        (run, done)
    };
    let mut parts: Vec<Run> = Vec::with_capacity(bounds.len());
    // A few runs per thread at a time: the results reach `sink` in order
    // while the rest of the file is still being read.
    let batch = rayon::current_num_threads().max(1) * 2;
    for runs in bounds.chunks(batch) {
        let walked: Vec<(Run, T)> = if bounds.len() < 2 {
            runs.iter().map(walk).collect()
        } else {
            runs.par_iter().map(walk).collect()
        };
        for (run, done) in walked {
            parts.push(run);
            sink(done);
        }
    }
    let mut diagnostics = Vec::new();
    let mut comments = Vec::new();
    let mut broken = Vec::new();
    for part in &mut parts {
        diagnostics.append(&mut part.layout.diagnostics);
    }
    let mut walker = Walker::new(file, text, diagnostics);
    for part in parts {
        if walker.open.is_some() {
            // The run starts with a line that starts an item: the
            // line-by-line walk reports the open block there.
            let before = walker.items.len();
            walker.report_unclosed(part.first);
            walker.each_new_item(before, each_run, sink);
        }
        if walker.items.is_empty() {
            walker.items = part.walker.items;
        } else {
            walker.items.extend(part.walker.items);
        }
        walker.diagnostics.extend(part.walker.diagnostics);
        broken.extend(part.walker.broken);
        walker.open = part.walker.open;
        if comments.is_empty() {
            comments = part.layout.comments;
        } else {
            comments.extend(part.layout.comments);
        }
    }
    let before = walker.items.len();
    walker.end_of_file();
    walker.each_new_item(before, each_run, sink);
    broken.append(&mut walker.broken);
    let tree = ast::File {
        id: file,
        items: walker.items,
        comments,
        broken,
    };
    (tree, walker.diagnostics)
}

/// One run of a file, scanned and walked.
struct Run<'a> {
    /// The scanner's comments and diagnostics.
    layout: layout::Layout,
    /// The walk, its last block possibly still open.
    walker: Walker<'a>,
    /// The content of the run's first line.
    first: Option<Span>,
}

impl Run<'_> {
    /// Whether the run read without an error and closed every block it
    /// opened.
    fn is_clean(&self) -> bool {
        let error = |d: &Diagnostic| d.severity == Severity::Error;
        self.walker.open.is_none()
            && !self.walker.diagnostics.iter().any(error)
            && !self.layout.diagnostics.iter().any(error)
    }
}

fn walk_run(file: FileId, text: &str, range: Range<usize>) -> Run<'_> {
    let mut lines = layout::lines(file, text, range);
    let mut walker = Walker::new(file, text, Vec::new());
    let mut first = None;
    for line in lines.by_ref() {
        first.get_or_insert(line.content);
        walker.line(&line);
    }
    Run {
        layout: lines.finish(),
        walker,
        first,
    }
}

/// The number of bytes of text below which a file is read in one piece,
/// and about the size of each run of a larger file.
pub(crate) const RUN_BYTES: usize = 128 * 1024;

/// Where the runs of a file of `len` bytes start: at 0, then at the first
/// item start once a run has `run_bytes`. Empty for a small file.
fn run_starts(len: usize, run_bytes: usize, items: &[ItemStart]) -> Vec<usize> {
    // Spans are 32-bit: past 4 GiB, offsets would not be line starts.
    if len < run_bytes.saturating_mul(2) || u32::try_from(len).is_err() {
        return Vec::new();
    }
    let mut out = vec![0];
    let mut last = 0;
    for item in items {
        if item.at - last >= run_bytes {
            out.push(item.at);
            last = item.at;
        }
    }
    out
}

/// A block whose `}` has not been seen yet.
struct OpenBlock {
    block: Block,
    /// The `{` that opened it.
    brace: Span,
    /// The end of its last statement so far.
    end: usize,
}

enum Block {
    Plan(ast::PlanHeader),
    Overall(ast::Overall),
    Summary(ast::Summary),
    Project(ast::Project),
    Profile(ast::ProfileDef),
    /// A block whose first line did not parse: its lines are still checked,
    /// as the statements of the block it most likely is.
    Broken(Context),
}

impl Block {
    fn context(&self) -> Context {
        match self {
            Block::Plan(_) => Context::Plan,
            Block::Overall(_) => Context::Overall,
            Block::Summary(_) => Context::Summary,
            Block::Project(_) => Context::Project,
            Block::Profile(_) => Context::Profile,
            Block::Broken(c) => *c,
        }
    }
}

struct Walker<'a> {
    file: FileId,
    text: &'a str,
    items: Vec<Item>,
    /// Broken item heads and broken lines outside any block.
    broken: Vec<ast::Broken>,
    open: Option<OpenBlock>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Walker<'a> {
    fn new(file: FileId, text: &'a str, diagnostics: Vec<Diagnostic>) -> Walker<'a> {
        Walker {
            file,
            text,
            items: Vec::new(),
            broken: Vec::new(),
            open: None,
            diagnostics,
        }
    }

    fn line(&mut self, line: &Line) {
        if line.is_blank() {
            return;
        }
        let content = &self.text[line.content.range()];
        if layout::closes_block(content) {
            self.close(line.content);
            return;
        }
        if self.open.is_some() && starts_item(content) {
            self.report_unclosed(Some(line.content));
        }
        match self.open.as_ref().map(|o| o.block.context()) {
            None => self.top_line(line, content),
            Some(context) => self.body_line(line, content, context),
        }
    }

    fn top_line(&mut self, line: &Line, content: &str) {
        let parsed = if line.has_error {
            None
        } else {
            self.parse_line(line, content, Context::Top)
        };
        match parsed {
            Some(Lowered::PlanHead(h)) => self.open_block(Block::Plan(h), line),
            Some(Lowered::OverallHead(h)) => self.open_block(Block::Overall(h), line),
            Some(Lowered::SummaryHead(h)) => self.open_block(Block::Summary(h), line),
            Some(Lowered::ProjectHead(h)) => self.open_block(Block::Project(h), line),
            Some(Lowered::ProfileHead(h)) => self.open_block(Block::Profile(h), line),
            Some(Lowered::Measure(m)) => self.items.push(Item::Measure(m)),
            _ if self.salvage_head(line, content) => {}
            _ => {
                let first = layout::first_word(content);
                self.broken.push(ast::Broken {
                    what: broken_kind(content, Context::Top),
                    id: second_word(content, first),
                    span: line.content,
                });
                if layout::opens_block(content) {
                    self.open_block(Block::Broken(guess_context(first)), line);
                }
            }
        }
    }

    /// Opens the block of a broken plan or project head whose year or id
    /// still reads (see [`salvage`]), so that its statements are checked.
    fn salvage_head(&mut self, line: &Line, content: &str) -> bool {
        if !layout::opens_block(content) {
            return false;
        }
        let base = line.content.start as usize;
        let block = match salvage::plan_head(content, base) {
            Some(h) => Block::Plan(h),
            None => match salvage::project_head(content, base) {
                Some(p) => Block::Project(p),
                None => return false,
            },
        };
        self.open_block(block, line);
        true
    }

    fn body_line(&mut self, line: &Line, content: &str, context: Context) {
        let lowered = if line.has_error {
            None
        } else {
            self.parse_line(line, content, context)
        };
        let Some(open) = self.open.as_mut() else {
            return;
        };
        open.end = line.content.end as usize;
        let Some(lowered) = lowered else {
            let broken = ast::Broken {
                what: broken_kind(content, context),
                id: None,
                span: line.content,
            };
            match &mut open.block {
                Block::Plan(h) => h.broken.push(broken),
                Block::Overall(o) => o.broken.push(broken),
                Block::Summary(m) => m.broken.push(broken),
                Block::Project(p) => p.broken.push(broken),
                Block::Profile(_) | Block::Broken(_) => {}
            }
            return;
        };
        match (&mut open.block, lowered) {
            (Block::Plan(h), Lowered::Plan(s)) => h.body.push(s),
            (Block::Plan(h), Lowered::Project(ProjectStmt::Basis(s))) => {
                h.body.push(PlanStmt::Basis(s))
            }
            (Block::Overall(o), Lowered::Project(s)) => o.body.extend(into_overall(s)),
            (Block::Overall(o), Lowered::Overall(s)) => o.body.push(s),
            (Block::Summary(m), Lowered::Summary(s)) => m.body.push(s),
            (Block::Summary(m), Lowered::Project(s)) => m.body.extend(into_summary(s)),
            (Block::Project(p), Lowered::Project(s)) => p.body.push(s),
            (Block::Profile(d), Lowered::Profile(s)) => d.body.push(s),
            (Block::Plan(h), Lowered::Project(ProjectStmt::Funds(f))) => {
                h.body.push(PlanStmt::Funds(f))
            }
            (
                Block::Plan(h),
                Lowered::Project(ProjectStmt::Region {
                    keyword,
                    code,
                    span,
                }),
            ) => h.body.push(PlanStmt::Region {
                keyword,
                code,
                span,
            }),
            _ => {}
        }
    }

    /// Parses one line with the rule of its block and lowers it; reports
    /// the failure otherwise.
    fn parse_line(&mut self, line: &Line, content: &str, context: Context) -> Option<Lowered> {
        let rule = context.line_rule();
        let base = line.content.start as usize;
        let original = content;
        let (repaired, offsets);
        let content = if line.repairs.is_empty() {
            offsets = LineOffsets::new(base);
            content
        } else {
            (repaired, offsets) = layout::repaired(content, base, &line.repairs);
            repaired.as_str()
        };
        let reported = self.diagnostics.len();
        let mut lowerer = Lowerer {
            file: self.file,
            offsets: &offsets,
            diagnostics: &mut self.diagnostics,
        };
        // The statement rule the first word names, else (or when it does
        // not read the line) the block's line rule, which reports errors.
        let chosen = dispatch::statement_rule(context, content)
            .and_then(|rule| dispatch::parse_statement(rule, content));
        if let Some(stmt) = chosen {
            let lowered = lowerer.lower_stmt(stmt);
            if lowered.is_none() {
                self.report_unread(line, reported);
            }
            return lowered;
        }
        let lowered = match PlanParser::parse(rule, content) {
            Ok(mut pairs) => pairs.next().and_then(|pair| lowerer.lower_line(pair)),
            Err(error) => {
                let failed = FailedLine {
                    file: self.file,
                    text: content,
                    original,
                    offsets: &offsets,
                    context,
                };
                lowerer.diagnostics.push(errors::diagnose(&failed, &error));
                match context {
                    Context::Project | Context::Overall => lowerer.recover_indicator(content),
                    _ => None,
                }
            }
        };
        if lowered.is_none() {
            self.report_unread(line, reported);
        }
        lowered
    }

    /// Reports a line that did not lower when nothing else has since
    /// `reported`: every error node has its diagnostic, and a line is
    /// never dropped in silence.
    fn report_unread(&mut self, line: &Line, reported: usize) {
        if self.diagnostics.len() == reported {
            self.diagnostics.push(
                Diagnostic::error(
                    codes::SYNTAX,
                    msg!("这一行无法读取", "this line cannot be read"),
                )
                .primary(
                    self.file,
                    line.content,
                    msg!("无法读取", "cannot be read"),
                ),
            );
        }
    }

    fn open_block(&mut self, block: Block, line: &Line) {
        let end = line.content.end as usize;
        // The `{` that ends the line, or a full-width `｛` (three bytes).
        let width = self
            .text
            .get(..end)
            .and_then(|t| t.chars().next_back())
            .map_or(1, char::len_utf8);
        self.open = Some(OpenBlock {
            block,
            brace: Span::new(end.saturating_sub(width), end),
            end,
        });
    }

    fn close(&mut self, brace: Span) {
        match self.open.take() {
            Some(open) => self.finish(open, brace.end as usize),
            None => self.diagnostics.push(
                Diagnostic::error(
                    codes::UNMATCHED_BRACE,
                    msg!("多余的 `}}`", "unmatched `}}`"),
                )
                .primary(
                    self.file,
                    brace,
                    msg!("没有与之对应的 `{{`", "no open block to close"),
                )
                .help(msg!(
                    "删除它，或检查上面的块是否多写了 `}}`",
                    "delete it, or check whether the block above has one `}}` too many"
                )),
            ),
        }
    }

    /// Reports the open block as unclosed, and closes it where its last
    /// statement ends. `next` is the line that starts the next item.
    fn report_unclosed(&mut self, next: Option<Span>) {
        let Some(open) = self.open.take() else {
            return;
        };
        let mut d = Diagnostic::error(codes::UNCLOSED_BLOCK, msg!("块没有闭合", "unclosed block"))
            .primary(
                self.file,
                open.brace,
                msg!("这个 `{{` 没有对应的 `}}`", "this `{{` is never closed"),
            );
        d = match next {
            Some(span) => d.secondary(
                self.file,
                Span::new(span.start as usize, span.start as usize),
                msg!("下一个条目从这里开始", "the next item starts here"),
            ),
            None => d.note(msg!(
                "文件在块闭合之前结束",
                "the file ends before the block is closed"
            )),
        };
        self.diagnostics.push(d.help(msg!(
            "在块的最后一条语句之后加一行 `}}`",
            "add a line `}}` after the block's last statement"
        )));
        let end = open.end;
        self.finish(open, end);
    }

    /// Closes a block into an item. Its statements are kept without spare
    /// room: a plan holds many blocks, and a statement is large.
    fn finish(&mut self, open: OpenBlock, end: usize) {
        let span_to = |s: Span| Span::new(s.start as usize, end);
        let item = match open.block {
            Block::Plan(mut h) => {
                h.span = span_to(h.span);
                h.body.shrink_to_fit();
                Item::Plan(h)
            }
            Block::Overall(mut o) => {
                o.span = span_to(o.span);
                o.body.shrink_to_fit();
                Item::Overall(o)
            }
            Block::Summary(mut s) => {
                s.span = span_to(s.span);
                s.body.shrink_to_fit();
                Item::Summary(s)
            }
            Block::Project(mut p) => {
                p.span = span_to(p.span);
                p.body.shrink_to_fit();
                Item::Project(p)
            }
            Block::Profile(mut d) => {
                d.span = span_to(d.span);
                d.body.shrink_to_fit();
                Item::Profile(d)
            }
            Block::Broken(_) => return,
        };
        self.items.push(item);
    }

    /// Hands `sink` what `each_run` makes of the items closed since there
    /// were `before`: a block that a run left open is closed only when the
    /// runs are joined, and its item must be seen too. Such items are
    /// never clean.
    fn each_new_item<T>(
        &mut self,
        before: usize,
        each_run: &(dyn Fn(RunItems) -> T + Sync),
        sink: &mut dyn FnMut(T),
    ) {
        if self.items.len() <= before {
            return;
        }
        let mut new = self.items.split_off(before);
        sink(each_run(RunItems {
            items: &mut new,
            clean: false,
        }));
        self.items.append(&mut new);
    }

    fn end_of_file(&mut self) {
        if self.open.is_some() {
            self.report_unclosed(None);
        }
    }
}

/// Whether a line starts a new top-level item: its first word is `项目`,
/// `计划` … and it opens a block (or is a `保障措施` line).
fn starts_item(content: &str) -> bool {
    let word = layout::first_word(content);
    keywords::is_top_level(word)
        && (layout::opens_block(content)
            || keywords::lookup(word).is_some_and(|(k, _)| k == keywords::Kw::Measure))
}

/// What a line that did not parse was meant to be: a keyword (or the
/// keyword it is a slip for), an indicator row (its first word is followed
/// by the `.` of a path, or, inside a project or the overall part, it is
/// not a keyword at all), or unknown.
fn broken_kind(content: &str, context: Context) -> ast::BrokenKind {
    let word = layout::first_word(content);
    let after = content.get(word.len()..).unwrap_or("");
    if after.starts_with(['.', '。', '．']) {
        return ast::BrokenKind::Indicator;
    }
    let kw = keywords::lookup(word)
        .or_else(|| keywords::suggest(word).and_then(keywords::lookup))
        .map(|(k, _)| k);
    match (kw, context) {
        (Some(kw), _) => ast::BrokenKind::Keyword(kw),
        (None, Context::Project | Context::Overall) => ast::BrokenKind::Indicator,
        (None, _) => ast::BrokenKind::Unknown,
    }
}

/// The word after `first` on a line: the identifier of an item head.
fn second_word(content: &str, first: &str) -> Option<String> {
    let rest = content
        .get(first.len()..)?
        .trim_start_matches([' ', '\t', ':', '：', '\u{3000}']);
    let word = layout::first_word(rest);
    (!word.is_empty() && !word.starts_with(['"', '“', '{', '｛'])).then(|| word.to_string())
}

/// The block a broken first line most likely opens, from its first word
/// (or the keyword it is a slip for).
fn guess_context(word: &str) -> Context {
    let kw = keywords::lookup(word).map(|(k, _)| k).or_else(|| {
        keywords::suggest(word)
            .and_then(keywords::lookup)
            .map(|(k, _)| k)
    });
    match kw {
        Some(keywords::Kw::Plan) => Context::Plan,
        Some(keywords::Kw::Overall) => Context::Overall,
        Some(keywords::Kw::Summary) => Context::Summary,
        Some(keywords::Kw::Profile) => Context::Profile,
        _ => Context::Project,
    }
}

fn into_overall(stmt: ProjectStmt) -> Option<OverallStmt> {
    match stmt {
        ProjectStmt::Goal(g) => Some(OverallStmt::Goal(g)),
        ProjectStmt::MidtermGoal(g) => Some(OverallStmt::MidtermGoal(g)),
        ProjectStmt::Indicator(i) => Some(OverallStmt::Indicator(i)),
        _ => None,
    }
}

fn into_summary(stmt: ProjectStmt) -> Option<SummaryStmt> {
    match stmt {
        ProjectStmt::Goal(g) => Some(SummaryStmt::Goal(g)),
        ProjectStmt::Funds(f) => Some(SummaryStmt::Funds(f)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::{Operand, TargetKind};
    use crate::diagnostic::Lang;
    use crate::values::comparator::CmpOp;

    const ACCEPTED: &str = include_str!("../../tests/ui/syntax/accepted_forms.plan");

    fn project(file: &ast::File) -> &ast::Project {
        file.items
            .iter()
            .find_map(|i| match i {
                Item::Project(p) => Some(p),
                _ => None,
            })
            .expect("a project")
    }

    fn indicators(p: &ast::Project) -> Vec<&ast::Indicator> {
        p.body
            .iter()
            .filter_map(|s| match s {
                ProjectStmt::Indicator(i) => Some(&**i),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn lowers_every_form_with_spans_and_written_forms() {
        let (file, diagnostics) = parse(FileId(0), ACCEPTED);
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        assert_eq!(file.items.len(), 5);
        let p = project(&file);
        assert_eq!(p.keyword.lang, Lang::En);
        assert_eq!(&ACCEPTED[p.id.span.range()], "办案经费");
        let rows = indicators(p);
        assert_eq!(rows.len(), 17);
        let target = |name: &str| {
            rows.iter()
                .find(|r| r.name.value == name)
                .map(|r| match &r.target.kind {
                    TargetKind::Compare { comparator, .. } => Some(comparator.op),
                    _ => None,
                })
        };
        // A comparator said twice, a word comparator, a deadline with 前.
        assert_eq!(target("回访率"), Some(Some(CmpOp::Ge)));
        assert_eq!(target("培训覆盖率"), Some(Some(CmpOp::Ge)));
        assert_eq!(target("整改完成时限"), Some(Some(CmpOp::Le)));
        let first = rows[0];
        assert_eq!(first.path.segments[0].name, "output");
        assert_eq!(first.basis().map(|b| b.value.as_str()), Some("依据"));
        let (weighted, _) = parse(
            FileId(0),
            "项目 a \"x\" {\n  产出.数量 \"n\" = 1个 分值 10.0\n}\n",
        );
        let weight = indicators(project(&weighted))
            .first()
            .and_then(|i| i.weight().cloned());
        assert_eq!(weight.map(|w| w.written), Some("10.0".to_string()));
        match &rows[3].target.kind {
            TargetKind::Compare {
                comparator,
                value: Operand::Quantity(q),
            } => {
                assert_eq!(comparator.op, CmpOp::Le);
                assert_eq!(q.unit.as_ref().map(|u| u.written.as_str()), Some("万元/人"));
            }
            other => panic!("unexpected {other:?}"),
        }
        match &rows[5].target.kind {
            TargetKind::Compare { comparator, .. } => assert!(comparator.postfix),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn keeps_comments_and_written_precision() {
        let (file, _) = parse(FileId(0), ACCEPTED);
        assert_eq!(file.comments.len(), 2);
        assert!(file.comments[0].own_line && !file.comments[1].own_line);
        let funds = project(&file).body.iter().find_map(|s| match s {
            ProjectStmt::Funds(f) => Some(&**f),
            _ => None,
        });
        let funds = funds.expect("funds");
        assert_eq!(
            funds.total.as_ref().map(|t| t.number.written.as_str()),
            Some("50.00")
        );
        assert_eq!(funds.sources.len(), 3);
        assert_eq!(funds.sources[2].amount.number.value.to_string(), "5.00");
    }

    #[test]
    fn block_text_is_dedented_keeping_inner_indentation() {
        let (file, _) = parse(FileId(0), ACCEPTED);
        let goal = file.items.iter().find_map(|i| match i {
            Item::Overall(o) => o.body.iter().find_map(|s| match s {
                OverallStmt::Goal(g) => Some(g.text.value.clone()),
                _ => None,
            }),
            _ => None,
        });
        assert_eq!(goal.as_deref(), Some("第一段。\n  缩进保留。"));
    }

    /// A file parsed in many small runs, in parallel, gives the same tree
    /// and the same diagnostics in the same order as in one piece: on the
    /// examples, and on mutants of them that leave blocks open across run
    /// boundaries, open `"""` texts, stray braces and broken lines.
    #[test]
    fn runs_in_parallel_give_the_same_result_as_one_piece() {
        let examples = [
            include_str!("../../examples/leting-jijian-2022.plan"),
            include_str!("../../examples/leting-jijian-2022.en.plan"),
            include_str!("../../tests/seed/as-filed.plan"),
            ACCEPTED,
        ];
        let marks = [
            "{",
            "}",
            "\"\"\"",
            "\"",
            "“",
            "#",
            "项目 x \"y\" {",
            "\u{feff}",
            "\r",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut texts: Vec<String> = examples.iter().map(|t| t.to_string()).collect();
        for round in 0..120 {
            let base = examples[round % examples.len()];
            let lines: Vec<&str> = base.split_inclusive('\n').collect();
            let mut out = String::new();
            for line in &lines {
                match next(12) {
                    0 => {}
                    1 => {
                        out.push_str(marks[next(marks.len())]);
                        out.push_str(line);
                    }
                    2 => {
                        out.push_str(line);
                        out.push_str(line);
                    }
                    _ => out.push_str(line),
                }
            }
            texts.push(out);
        }
        let starts = item_starts(FileId(3), examples[0]);
        assert!(run_starts(examples[0].len(), 200, &starts).len() > 3);
        for (i, text) in texts.iter().enumerate() {
            let parsed = |run_bytes| {
                let starts = item_starts(FileId(3), text);
                let mut seen = (0, true);
                let (tree, diagnostics) = parse_in_runs(
                    FileId(3),
                    text,
                    run_bytes,
                    &starts,
                    &|run| (run.items.len(), run.clean),
                    &mut |(items, clean)| seen = (seen.0 + items, seen.1 && clean),
                );
                // `each_run` sees every item once, and every run is clean
                // exactly when the file has no error.
                let error = diagnostics.iter().any(|d| d.severity == Severity::Error);
                assert_eq!(seen, (tree.items.len(), !error), "text #{i}, {run_bytes}");
                format!("{tree:?} {diagnostics:?}")
            };
            let whole = parsed(usize::MAX);
            for run_bytes in [1, 200, 1000] {
                let runs = parsed(run_bytes);
                assert!(
                    whole == runs,
                    "text #{i} differs in runs of {run_bytes} bytes"
                );
            }
        }
    }

    #[test]
    fn one_broken_line_does_not_hide_the_next() {
        let text = "项目 a \"x\" {\n  资金 abc\n  资金 5元元\n  产出.数量 \"n\" = 1个\n}\n";
        let (file, diagnostics) = parse(FileId(0), text);
        assert_eq!(diagnostics.len(), 2);
        assert_eq!(indicators(project(&file)).len(), 1);
    }
}
