//! Completion: what may be written at the cursor, read from the line so
//! far and the block it is in.
//!
//! - at the start of a line, the statement keywords of the block (and in
//!   the overall part and a project, the framework's first levels, which
//!   start an indicator row);
//! - after `一级.`, the second levels under that first level;
//! - after `分项目标`, the plan's project ids; after `预算单位` in a
//!   project, the header's unit codes; after `框架`, the frameworks; after
//!   `允许`/`警告`/`禁止`, the lint codes;
//! - in a schedule, the checkpoints (`3月底` …) and after an amount `%`;
//!   in funds, the sources; after a number, the units;
//! - on an indicator row after its name, the target words and the
//!   attributes.
//!
//! Elsewhere it gives the block's keywords. Keywords come in the language
//! the file already uses (both when it uses none or both). Every item's
//! filter text carries the pinyin of its label ([`super::pinyin`]).

use super::{Completion, CompletionKind, Doc, pinyin};
use crate::ast::{self, PlanStmt};
use crate::diagnostic::{Lang, Severity};
use crate::rules::registry;
use crate::sema::profile;
use crate::source::{FileId, Span};
use crate::syntax::keywords::{self, Kw};
use crate::syntax::layout;
use crate::values::unit::{self, Dimension};

/// The block a line is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Block {
    Top,
    Plan,
    Overall,
    Summary,
    Project,
    Profile,
    /// A block whose head does not say what it is.
    Other,
}

/// Where the cursor is: its block, the line before the word being typed
/// (without indentation), and that word.
#[derive(Debug)]
struct Cursor<'t> {
    block: Block,
    lead: &'t str,
    partial: &'t str,
    /// Where the word being typed starts.
    start: usize,
}

/// The languages the file writes its keywords in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Langs {
    zh: bool,
    en: bool,
}

impl Langs {
    /// The languages to offer keywords in: the file's, or both when it
    /// uses none or both.
    fn offered(self) -> &'static [Lang] {
        match (self.zh, self.en) {
            (true, false) => &[Lang::Zh],
            (false, true) => &[Lang::En],
            _ => &[Lang::Zh, Lang::En],
        }
    }
}

/// What every list is made with.
struct Env<'d, 'a> {
    doc: &'d Doc<'a>,
    lang: Lang,
    langs: &'static [Lang],
    replace: Span,
}

/// The completions at the document's offset.
pub(super) fn completions(doc: &Doc, lang: Lang) -> Vec<Completion> {
    let Some(cursor) = cursor(doc) else {
        return Vec::new();
    };
    let env = Env {
        doc,
        lang,
        langs: keyword_langs(doc.tree).offered(),
        replace: Span::new(cursor.start, doc.offset),
    };
    suggest(&cursor, &env)
}

// ---------------------------------------------------------------- where

/// The cursor's block and line, or `None` inside a text or a comment.
fn cursor<'t>(doc: &Doc<'t>) -> Option<Cursor<'t>> {
    let text: &'t str = doc.text;
    let line = doc.line_around(doc.offset);
    let before = text.get(line.start..doc.offset)?;
    if in_text_or_comment(before) {
        return None;
    }
    let block = block_at(doc, line.start)?;
    let partial_len: usize = before
        .chars()
        .rev()
        .take_while(|&c| is_word_char(c))
        .map(char::len_utf8)
        .sum();
    let start = doc.offset - partial_len;
    let lead = text.get(line.start..start)?;
    let lead = lead.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    Some(Cursor {
        block,
        lead,
        partial: text.get(start..doc.offset)?,
        start,
    })
}

/// A character of a word being typed: Chinese characters, letters,
/// digits, `-` and `_`.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// The block the line starting at `line_start` is in; `None` when that
/// line is inside a `"""` text that started above it.
fn block_at(doc: &Doc, line_start: usize) -> Option<Block> {
    let mut block = Block::Top;
    for line in layout::lines(FileId(0), doc.text, 0..doc.text.len()).quiet() {
        if line.span.start as usize >= line_start {
            break;
        }
        if line.span.end as usize >= line_start {
            return None;
        }
        let content = doc.slice(line.content);
        if layout::closes_block(content) {
            block = Block::Top;
        } else if layout::opens_block(content) {
            block = block_of(layout::first_word(content));
        }
    }
    Some(block)
}

/// The block a head's first word opens.
fn block_of(word: &str) -> Block {
    match keywords::lookup(word).map(|(kw, _)| kw) {
        Some(Kw::Plan) => Block::Plan,
        Some(Kw::Overall) => Block::Overall,
        Some(Kw::Summary) => Block::Summary,
        Some(Kw::Project) => Block::Project,
        Some(Kw::Profile) => Block::Profile,
        _ => Block::Other,
    }
}

/// Whether the end of `before` (a line up to the cursor) is inside a
/// quoted text or a comment.
fn in_text_or_comment(before: &str) -> bool {
    let mut rest = before;
    loop {
        let Some(at) = rest.find(['#', '"', '“']) else {
            return false;
        };
        let after = rest.get(at + 1..).unwrap_or("");
        let next = if rest[at..].starts_with('#') {
            return true;
        } else if rest[at..].starts_with('“') {
            let after = rest.get(at + '“'.len_utf8()..).unwrap_or("");
            after.find('”').map(|i| &after[i + '”'.len_utf8()..])
        } else if let Some(body) = after.strip_prefix("\"\"") {
            body.find("\"\"\"").map(|i| &body[i + 3..])
        } else {
            closing_quote(after).map(|i| &after[i + 1..])
        };
        match next {
            Some(next) => rest = next,
            None => return true,
        }
    }
}

/// The offset of the `"` that closes a quoted text (after a `\` escape is
/// skipped).
fn closing_quote(text: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some(i),
            _ => {}
        }
    }
    None
}

// ---------------------------------------------------------------- what

/// The list for a cursor.
fn suggest(cursor: &Cursor, ctx: &Env) -> Vec<Completion> {
    if cursor.lead.is_empty() {
        return line_start(cursor.block, ctx);
    }
    let (midterm, rest) = strip_midterm(cursor.lead);
    if let Some(level1) = rest
        .strip_suffix('.')
        .filter(|w| !w.is_empty() && is_word(w))
    {
        return level2_items(level1, ctx);
    }
    if is_indicator_row(rest) {
        return indicator_row(cursor, rest, ctx);
    }
    let first = layout::first_word(rest);
    let args = rest.get(first.len()..).unwrap_or("");
    let first_arg = args
        .chars()
        .all(|c| c.is_whitespace() || c == ':' || c == '：');
    let (kw, kw_lang) = keywords::lookup(first).unzip();
    match (cursor.block, kw) {
        (_, _) if midterm && first.is_empty() => level1_items(ctx),
        (Block::Top, Some(Kw::Summary)) if first_arg => project_items(ctx),
        (Block::Project, Some(Kw::Unit)) if first_arg => unit_code_items(ctx),
        (Block::Plan, Some(Kw::Framework)) if first_arg => profile_items(ctx),
        (Block::Plan, Some(Kw::Money)) if first_arg => units(MONEY_UNITS, ctx),
        (Block::Plan, Some(Kw::Allow | Kw::Warn | Kw::Deny)) => lint_code_items(ctx),
        (Block::Plan, Some(Kw::Draft | Kw::Cover | Kw::Toc)) if first_arg => {
            yes_no_items(kw_lang.unwrap_or(Lang::Zh), ctx)
        }
        (Block::Project, Some(Kw::Schedule)) => schedule(cursor, args, ctx),
        (_, Some(Kw::Funds | Kw::TotalFunds)) => funds(cursor, args, ctx),
        (_, Some(Kw::CostItem | Kw::BasicSpending)) => after_number(cursor, ALL_UNITS, ctx),
        (_, Some(_)) => Vec::new(),
        _ => line_start(cursor.block, ctx),
    }
}

/// The line without a leading `中期` / `midterm`, and whether it had one.
fn strip_midterm(lead: &str) -> (bool, &str) {
    let first = layout::first_word(lead);
    match keywords::lookup(first) {
        Some((Kw::Midterm, _)) => (
            true,
            lead.get(first.len()..)
                .unwrap_or("")
                .trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == '：'),
        ),
        _ => (false, lead),
    }
}

/// Whether a text is one word.
fn is_word(text: &str) -> bool {
    text.chars().all(is_word_char)
}

/// Whether a line starts with an indicator path: a word that is no
/// keyword, then `.`.
fn is_indicator_row(rest: &str) -> bool {
    let first = layout::first_word(rest);
    !first.is_empty()
        && keywords::lookup(first).is_none()
        && rest.get(first.len()..).is_some_and(|r| r.starts_with('.'))
}

/// The statement keywords of a block, and the first levels where an
/// indicator row may start.
fn line_start(block: Block, ctx: &Env) -> Vec<Completion> {
    let (kws, levels): (&[Kw], bool) = match block {
        Block::Top | Block::Other => (keywords::TOP_LEVEL, false),
        Block::Plan => (PLAN, false),
        Block::Overall => (OVERALL, true),
        Block::Summary => (SUMMARY, false),
        Block::Project => (PROJECT, true),
        Block::Profile => (PROFILE, false),
    };
    let mut out = keyword_items(kws, ctx);
    if levels {
        out.extend(level1_items(ctx));
    }
    out
}

/// On an indicator row: units after a number, the value types after
/// `类型`, units after `计量单位`, else (once the name is written) the
/// target words and the attributes.
fn indicator_row(cursor: &Cursor, rest: &str, ctx: &Env) -> Vec<Completion> {
    if starts_with_number(cursor.partial) {
        return after_number(cursor, ALL_UNITS, ctx);
    }
    let last = rest.split_whitespace().last().unwrap_or("");
    let last = last.trim_end_matches([':', '：']);
    match keywords::lookup(last).map(|(kw, _)| kw) {
        Some(Kw::Kind) => keyword_items(KINDS, ctx),
        Some(Kw::MeasureUnit) => units(ALL_UNITS, ctx),
        _ if rest.contains(['"', '”']) => keyword_items(INDICATOR_TAIL, ctx),
        _ => Vec::new(),
    }
}

/// In a schedule: a checkpoint where one is due (every other word), else
/// `%` or a money unit after the amount.
fn schedule(cursor: &Cursor, args: &str, ctx: &Env) -> Vec<Completion> {
    let words = args
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | ':' | '：'))
        .filter(|w| !w.is_empty())
        .count();
    if words % 2 == 0 {
        checkpoint_items(ctx)
    } else {
        after_number(cursor, SCHEDULE_UNITS, ctx)
    }
}

/// In funds: a money unit after an amount, a source inside the
/// parentheses.
fn funds(cursor: &Cursor, args: &str, ctx: &Env) -> Vec<Completion> {
    if starts_with_number(cursor.partial) {
        return after_number(cursor, MONEY_UNITS, ctx);
    }
    let opened = args.rfind(['(', '（']);
    let closed = args.rfind([')', '）']);
    match (opened, closed) {
        (Some(o), Some(c)) if c > o => Vec::new(),
        (Some(_), _) => keyword_items(SOURCES, ctx),
        _ => Vec::new(),
    }
}

/// Units after the number being typed (`95` → `95%`), replacing what
/// follows the number; nothing when no number is being typed.
fn after_number(cursor: &Cursor, words: &[&str], ctx: &Env) -> Vec<Completion> {
    let digits = cursor
        .partial
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(cursor.partial.len());
    if digits == 0 {
        return Vec::new();
    }
    let replace = Span::new(cursor.start + digits, ctx.replace.end as usize);
    let ctx = Env { replace, ..*ctx };
    units(words, &ctx)
}

fn starts_with_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
}

// ---------------------------------------------------------------- lists

const PLAN: &[Kw] = &[
    Kw::Framework,
    Kw::Money,
    Kw::Unit,
    Kw::Basis,
    Kw::Grades,
    Kw::Precision,
    Kw::Allow,
    Kw::Warn,
    Kw::Deny,
    Kw::Funds,
    Kw::BasicSpending,
    Kw::Region,
    Kw::Draft,
    Kw::Cover,
    Kw::Toc,
];
const OVERALL: &[Kw] = &[Kw::Goal, Kw::MidtermGoal, Kw::Duties, Kw::Midterm];
const SUMMARY: &[Kw] = &[Kw::Name, Kw::Funds, Kw::Goal];
const PROJECT: &[Kw] = &[
    Kw::Code,
    Kw::Unit,
    Kw::Funds,
    Kw::Purpose,
    Kw::Schedule,
    Kw::Goal,
    Kw::Basis,
    Kw::Category,
    Kw::Supervisor,
    Kw::Implementer,
    Kw::Region,
    Kw::Period,
    Kw::TotalFunds,
    Kw::MidtermGoal,
    Kw::CostItem,
    Kw::Midterm,
];
const PROFILE: &[Kw] = &[Kw::Level1, Kw::Level2, Kw::Required];
const INDICATOR_TAIL: &[Kw] = &[
    Kw::Qualitative,
    Kw::Grade,
    Kw::NotApplicable,
    Kw::Desc,
    Kw::Basis,
    Kw::Weight,
    Kw::Kind,
    Kw::MeasureUnit,
    Kw::Scoring,
    Kw::Note,
    Kw::Remark,
];
const KINDS: &[Kw] = &[Kw::Quantitative, Kw::Qualitative, Kw::NotApplicable];
const SOURCES: &[Kw] = &[Kw::Fiscal, Kw::Local, Kw::Upper, Kw::SelfRaised, Kw::Other];

const MONEY_UNITS: &[&str] = &["万元", "元", "亿元"];
const SCHEDULE_UNITS: &[&str] = &["%", "万元", "元"];
/// The units offered after a number, the common ones first. Each reads
/// as a unit (a test holds it to `values::unit::parse`).
#[rustfmt::skip]
const ALL_UNITS: &[&str] = &[
    "%", "万元", "元", "亿元", "个", "人次", "人", "项", "次", "天", "户", "家", "件", "台", "套", "所",
    "辆", "场", "期", "名", "份", "篇", "批", "座", "处", "条", "间", "张", "本", "册", "村", "小时",
    "工作日", "日", "月", "个月", "年", "周", "季度", "分钟", "平方米", "亩", "万亩", "公顷", "平方公里",
    "米", "公里", "延米", "吨", "万吨", "公斤", "立方米", "千瓦时", "万千瓦时", "元/人", "万元/人",
    "元/人·月", "次/年", "‰", "个百分点", "人天", "户次", "课时", "学时", "万人", "万人次", "万户",
    "株", "棵", "头", "只", "门", "类", "种", "部", "宗", "起", "例", "支", "层", "组", "块", "口",
    "笔", "单", "床", "班", "场次", "节", "课", "学分", "人月", "家次", "批次", "项次", "车次",
    "台次", "辆次", "镇", "乡镇", "栋", "架", "艘", "位", "生", "对", "片",
];
/// The quarter ends first, then the other month ends.
const CHECKPOINTS: &[u8] = &[3, 6, 9, 12, 1, 2, 4, 5, 7, 8, 10, 11];

/// One completion whose label is inserted as is.
fn item(label: &str, kind: CompletionKind, detail: Option<String>, ctx: &Env) -> Completion {
    Completion {
        label: label.to_string(),
        kind,
        detail,
        filter_text: pinyin::filter_text(label),
        insert_text: label.to_string(),
        replace: ctx.replace,
    }
}

/// Keywords in the file's languages, each with its other spelling.
fn keyword_items(kws: &[Kw], ctx: &Env) -> Vec<Completion> {
    let mut out = Vec::new();
    for &lang in ctx.langs {
        for kw in kws {
            let other = match lang {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            };
            let detail = Some(kw.spelling(other).to_string());
            out.push(item(
                kw.spelling(lang),
                CompletionKind::Keyword,
                detail,
                ctx,
            ));
        }
    }
    out
}

/// The framework's first levels: their short names, or their English
/// names in a file of English keywords.
fn level1_items(ctx: &Env) -> Vec<Completion> {
    let Some(profile) = ctx.doc.ctx.profile.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for &lang in ctx.langs {
        for level in &profile.levels {
            if let Some(label) = level_label(&level.id, level.english.as_deref(), lang) {
                let detail = Some(level.name.clone());
                out.push(item(label, CompletionKind::Level, detail, ctx));
            }
        }
    }
    out
}

/// The second levels under the first level a word names.
fn level2_items(level1: &str, ctx: &Env) -> Vec<Completion> {
    let Some(profile) = ctx.doc.ctx.profile.as_ref() else {
        return Vec::new();
    };
    let Some(parent) = profile.level1(level1).and_then(|i| profile.levels.get(i)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for &lang in ctx.langs {
        for level in &parent.children {
            if let Some(label) = level_label(&level.id, level.english.as_deref(), lang) {
                let detail = Some(format!("{} › {}", parent.name, level.name));
                out.push(item(label, CompletionKind::Level, detail, ctx));
            }
        }
    }
    out
}

/// A level's label in a language: its short name, or its English name.
fn level_label<'a>(id: &'a str, english: Option<&'a str>, lang: Lang) -> Option<&'a str> {
    match lang {
        Lang::Zh => Some(id),
        Lang::En => english,
    }
}

/// Unit words, with what they measure as detail.
fn units(words: &[&str], ctx: &Env) -> Vec<Completion> {
    words
        .iter()
        .map(|w| {
            let detail = unit::parse(w)
                .ok()
                .map(|k| dimension_name(k.dimension, ctx.lang).to_string());
            item(w, CompletionKind::Unit, detail, ctx)
        })
        .collect()
}

fn dimension_name(d: Dimension, lang: Lang) -> &'static str {
    let (zh, en) = match d {
        Dimension::Money => ("金额", "money"),
        Dimension::Percent => ("百分比", "percent"),
        Dimension::Count => ("计数", "count"),
        Dimension::Length => ("长度", "length"),
        Dimension::Area => ("面积", "area"),
        Dimension::Mass => ("重量", "mass"),
        Dimension::Time => ("时间", "time"),
        Dimension::Rate => ("比率", "rate"),
        Dimension::Volume => ("体积", "volume"),
        Dimension::Energy => ("能量", "energy"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The plan's project ids, each with its name.
fn project_items(ctx: &Env) -> Vec<Completion> {
    ctx.doc
        .ctx
        .projects
        .iter()
        .map(|p| {
            let detail = Some(p.node.name.value.clone());
            let mut c = item(&p.node.id.name, CompletionKind::Reference, detail, ctx);
            c.insert_text = p.node.id.name.clone();
            c
        })
        .collect()
}

/// The budget units the header declares, each with its name; a code that
/// is not one word is inserted in quotes.
fn unit_code_items(ctx: &Env) -> Vec<Completion> {
    let mut out = Vec::new();
    for header in &ctx.doc.ctx.headers {
        for stmt in &header.node.body {
            if let PlanStmt::BudgetUnit(u) = stmt {
                let detail = Some(u.name.value.clone());
                let mut c = item(&u.code.value, CompletionKind::Reference, detail, ctx);
                if !is_word(&u.code.value) {
                    c.insert_text = quoted(&u.code.value);
                }
                out.push(c);
            }
        }
    }
    out
}

/// A text in `"…"`, with `"` and `\` escaped.
fn quoted(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{escaped}\"")
}

/// The built-in frameworks and those the plan declares.
fn profile_items(ctx: &Env) -> Vec<Completion> {
    let builtin = profile::builtin().iter().map(|p| {
        let detail = Some(pick(ctx.lang, "内置框架", "built-in").to_string());
        item(&p.name, CompletionKind::Reference, detail, ctx)
    });
    let declared = ctx.doc.ctx.profile_defs.iter().map(|d| {
        let detail = Some(pick(ctx.lang, "本计划定义", "declared in the plan").to_string());
        item(&d.node.name.name, CompletionKind::Reference, detail, ctx)
    });
    builtin.chain(declared).collect()
}

/// `是` and `否` after `草案`, `封面`, `目录` (`yes` and `no` after an
/// English keyword), each with its other spelling.
fn yes_no_items(lang: Lang, ctx: &Env) -> Vec<Completion> {
    let words = match lang {
        Lang::Zh => [("是", "yes"), ("否", "no")],
        Lang::En => [("yes", "是"), ("no", "否")],
    };
    words
        .into_iter()
        .map(|(w, other)| item(w, CompletionKind::Keyword, Some(other.to_string()), ctx))
        .collect()
}

/// The codes whose level a plan may set (warnings), with their titles.
fn lint_code_items(ctx: &Env) -> Vec<Completion> {
    registry::all()
        .filter(|c| c.severity == Severity::Warning)
        .map(|c| {
            let detail = Some(c.title(ctx.lang).to_string());
            item(c.code, CompletionKind::Reference, detail, ctx)
        })
        .collect()
}

/// Month ends, the quarter ends first.
fn checkpoint_items(ctx: &Env) -> Vec<Completion> {
    CHECKPOINTS
        .iter()
        .map(|&month| {
            let detail = (month % 3 == 0).then(|| match ctx.lang {
                Lang::Zh => format!(
                    "第{}季度末",
                    ["一", "二", "三", "四"][usize::from(month / 3 - 1)]
                ),
                Lang::En => format!("end of Q{}", month / 3),
            });
            item(
                &format!("{month}月底"),
                CompletionKind::Checkpoint,
                detail,
                ctx,
            )
        })
        .collect()
}

fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

// ---------------------------------------------------------------- language

/// The languages of the keywords the file uses: its item heads and their
/// statements.
fn keyword_langs(file: &ast::File) -> Langs {
    let mut langs = Langs::default();
    for kw in crate::format::file_keywords(file) {
        match kw.lang {
            Lang::Zh => langs.zh = true,
            Lang::En => langs.en = true,
        }
    }
    langs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Options;
    use crate::ide::Analysis;

    /// The labels offered where `|` stands in `text`.
    fn labels(text: &str) -> Vec<String> {
        complete(text).into_iter().map(|c| c.label).collect()
    }

    fn complete(text: &str) -> Vec<Completion> {
        let offset = text.find('|').unwrap_or(text.len());
        let text = text.replacen('|', "", 1);
        Analysis::new("a.plan", &text, &Options::default()).completions(offset, Lang::Zh)
    }

    const HEAD: &str = "计划 2022 \"x\" {\n  框架 classic\n  预算单位 222002 \"纪委\"\n}\n项目 信息化 \"信息化建设\" {\n  资金 10\n}\n";

    #[test]
    fn line_starts_give_the_block_keywords() {
        let top = labels(&format!("{HEAD}|"));
        assert_eq!(
            top,
            [
                "计划",
                "总体目标",
                "分项目标",
                "保障措施",
                "项目",
                "框架定义"
            ]
        );
        let plan = labels("计划 2022 \"x\" {\n  |\n}\n");
        assert!(plan.contains(&"金额单位".to_string()) && !plan.contains(&"项目".to_string()));
        let project = labels(&format!("{HEAD}项目 p \"n\" {{\n  编码 1\n  |"));
        assert!(project.contains(&"支出计划".to_string()), "{project:?}");
        assert!(project.contains(&"满意度".to_string()), "{project:?}");
    }

    #[test]
    fn every_block_has_its_keywords() {
        let overall = labels("总体目标 {\n  |\n}\n");
        assert!(overall.contains(&"职责".to_string()) && overall.contains(&"产出".to_string()));
        assert_eq!(labels("分项目标 p {\n  |\n}\n"), ["名称", "资金", "目标"]);
        assert_eq!(labels("框架定义 f {\n  |\n}\n"), ["一级", "二级", "必需"]);
        // After a block closes, the top level again.
        assert!(labels("分项目标 p {\n}\n|").contains(&"项目".to_string()));
    }

    #[test]
    fn first_levels_after_midterm_and_units_after_their_keywords() {
        let l1 = labels(&format!("{HEAD}项目 p \"n\" {{\n  中期 |\n}}\n"));
        assert_eq!(l1, ["产出", "效益", "满意度"]);
        let money = labels("计划 2022 \"x\" {\n  金额单位 |");
        assert_eq!(money, MONEY_UNITS);
        let measure = labels(&format!(
            "{HEAD}项目 p \"n\" {{\n  产出.数量 \"a\" ≥ 3 计量单位 |"
        ));
        assert_eq!(measure.len(), ALL_UNITS.len());
    }

    #[test]
    fn yes_and_no_after_the_header_switches() {
        let plan = labels("计划 2022 \"x\" {\n  |\n}\n");
        for kw in ["草案", "封面", "目录"] {
            assert!(plan.contains(&kw.to_string()), "{plan:?}");
        }
        assert_eq!(labels("计划 2022 \"x\" {\n  草案 |"), ["是", "否"]);
        assert_eq!(labels("计划 2022 \"x\" {\n  目录：|"), ["是", "否"]);
        assert_eq!(labels("plan 2022 \"x\" {\n  cover |"), ["yes", "no"]);
        // After the value, nothing more.
        assert!(labels("计划 2022 \"x\" {\n  封面 否 |").is_empty());
    }

    #[test]
    fn a_code_that_is_not_a_word_is_inserted_quoted() {
        let text = "计划 2022 \"x\" {\n  预算单位 \"[015001]\" \"县教育局\"\n}\n项目 p \"n\" {\n  预算单位 |";
        let codes = complete(text);
        assert_eq!(codes.len(), 1);
        assert_eq!(codes[0].label, "[015001]");
        assert_eq!(codes[0].insert_text, "\"[015001]\"");
    }

    #[test]
    fn keywords_follow_the_file_language() {
        let en = labels("plan 2022 \"x\" {\n  |\n}\n");
        assert!(en.contains(&"money".to_string()) && !en.contains(&"金额单位".to_string()));
        let both = labels("|");
        assert!(both.contains(&"project".to_string()) && both.contains(&"项目".to_string()));
        let en_levels = labels("plan 2022 \"x\" {\n}\nproject p \"n\" {\n  output.|\n}\n");
        assert!(en_levels.contains(&"quantity".to_string()), "{en_levels:?}");
    }

    #[test]
    fn second_levels_after_a_first_level() {
        let l2 = labels(&format!("{HEAD}项目 p \"n\" {{\n  产出.|\n}}\n"));
        assert_eq!(l2, ["数量", "质量", "时效", "成本"]);
        let l2 = labels(&format!("{HEAD}项目 p \"n\" {{\n  中期 效益.社|\n}}\n"));
        assert!(l2.contains(&"社会效益".to_string()));
        let none = labels(&format!("{HEAD}项目 p \"n\" {{\n  不是层级.|\n}}\n"));
        assert!(none.is_empty());
    }

    #[test]
    fn references_after_their_keywords() {
        let ids = complete(&format!("{HEAD}分项目标 信|"));
        assert_eq!(ids.len(), 1);
        assert_eq!(ids[0].label, "信息化");
        assert_eq!(ids[0].detail.as_deref(), Some("信息化建设"));
        let start = HEAD.len() + "分项目标 ".len();
        assert_eq!(ids[0].replace, Span::new(start, start + "信".len()));
        let units = labels(&format!("{HEAD}项目 p \"n\" {{\n  预算单位：|"));
        assert_eq!(units, ["222002"]);
        let codes = labels("计划 2022 \"x\" {\n  允许 W0506 |");
        assert!(codes.contains(&"W0508".to_string()) && !codes.contains(&"E0001".to_string()));
        let profiles = labels("计划 2022 \"x\" {\n  框架 |");
        assert!(profiles.contains(&"central-2021".to_string()));
    }

    #[test]
    fn units_after_a_number_replace_what_follows_it() {
        let text = format!("{HEAD}项目 p \"n\" {{\n  产出.数量 \"a\" ≥ 95万|");
        let units = complete(&text);
        assert!(units.iter().any(|c| c.label == "万元"));
        let end = text.len() - 1;
        assert!(
            units
                .iter()
                .all(|c| c.replace == Span::new(end - "万".len(), end))
        );
        let labels = labels(&format!("{HEAD}项目 p \"n\" {{\n  产出.数量 \"a\" ≥ 3|"));
        assert_eq!(labels.first().map(String::as_str), Some("%"));
    }

    #[test]
    fn every_offered_unit_reads() {
        for word in ALL_UNITS.iter().chain(MONEY_UNITS).chain(SCHEDULE_UNITS) {
            assert!(unit::parse(word).is_ok(), "{word}");
        }
    }

    #[test]
    fn schedules_alternate_checkpoints_and_shares() {
        let at = |line: &str| labels(&format!("{HEAD}项目 p \"n\" {{\n  {line}"));
        let first = at("支出计划 |");
        assert_eq!(first.first().map(String::as_str), Some("3月底"));
        assert_eq!(first.len(), 12);
        assert_eq!(at("支出计划 3月底 25|"), SCHEDULE_UNITS);
        assert_eq!(at("支出计划 3月底 25%，6|").len(), 12);
    }

    #[test]
    fn funds_sources_and_indicator_attributes() {
        let sources = labels(&format!("{HEAD}项目 p \"n\" {{\n  资金 50（|"));
        assert_eq!(sources, ["财政", "本级", "上级", "自筹", "其他"]);
        let money = labels(&format!("{HEAD}项目 p \"n\" {{\n  资金 50|"));
        assert_eq!(money, MONEY_UNITS);
        let tail = labels(&format!("{HEAD}项目 p \"n\" {{\n  产出.数量 \"a\" ≥ 3个 |"));
        assert!(tail.contains(&"描述".to_string()) && tail.contains(&"分值".to_string()));
        let kinds = labels(&format!(
            "{HEAD}项目 p \"n\" {{\n  产出.数量 \"a\" ≥ 3个 类型 |"
        ));
        assert_eq!(kinds, ["定量", "定性", "不适用"]);
    }

    #[test]
    fn nothing_inside_texts_and_comments() {
        assert!(labels(&format!("{HEAD}项目 p \"n\" {{\n  目标 \"产|")).is_empty());
        assert!(labels(&format!("{HEAD}# 产|")).is_empty());
        assert!(labels("保障措施 \"a\" \"\"\"\n  第一段|\n\"\"\"\n").is_empty());
        assert!(labels(&format!("{HEAD}项目 p \"n\" {{\n  目标 “产出”|")).is_empty());
    }

    #[test]
    fn quoted_text_scanning() {
        assert!(in_text_or_comment("目标 \"a\\\"b"));
        assert!(!in_text_or_comment("目标 \"a\\\"b\" "));
        assert!(in_text_or_comment("a # b"));
        assert!(!in_text_or_comment("a \"#\" "));
        assert!(in_text_or_comment("a \"\"\" b"));
        assert!(!in_text_or_comment("a “b” "));
    }
}
