//! Syntax errors in the user's words.
//!
//! pest reports the farthest position it reached and the rules it tried
//! there. This module names every rule for humans (no rule name ever reaches
//! the user), recognises the common slips (a misspelt keyword, a statement in
//! the wrong block, text where a target belongs) and says how to fix them.

use super::grammar::Rule;
use super::keywords::{self, Kw};
use crate::codes;
use crate::diagnostic::{Diagnostic, Fix, Message};
use crate::msg;
use crate::source::{FileId, Span};
use pest::error::{Error, ErrorVariant, InputLocation};

/// Which block a line was parsed in; it decides what may stand there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Top,
    Plan,
    Overall,
    Summary,
    Project,
    Profile,
}

impl Context {
    /// The rule that parses one line of this block: an ordered choice
    /// between its statements.
    pub fn line_rule(self) -> Rule {
        match self {
            Context::Top => Rule::top_line,
            Context::Plan => Rule::plan_line,
            Context::Overall => Rule::overall_line,
            Context::Summary => Rule::summary_line,
            Context::Project => Rule::project_line,
            Context::Profile => Rule::profile_line,
        }
    }

    /// The block a keyword's statement belongs in, for "move it there".
    fn home_of(kw: Kw) -> Option<Context> {
        match kw {
            Kw::Plan | Kw::Overall | Kw::Summary | Kw::Measure | Kw::Project | Kw::Profile => {
                Some(Context::Top)
            }
            Kw::Level1 | Kw::Level2 | Kw::Required => Some(Context::Profile),
            Kw::Framework
            | Kw::Money
            | Kw::Grades
            | Kw::Precision
            | Kw::Allow
            | Kw::Warn
            | Kw::Deny => Some(Context::Plan),
            Kw::Code
            | Kw::Purpose
            | Kw::Schedule
            | Kw::Category
            | Kw::Supervisor
            | Kw::Implementer
            | Kw::Period
            | Kw::TotalFunds
            | Kw::CostItem => Some(Context::Project),
            Kw::Duties => Some(Context::Overall),
            Kw::BasicSpending | Kw::Draft | Kw::Cover | Kw::Toc => Some(Context::Plan),
            Kw::Name => Some(Context::Summary),
            Kw::Unit | Kw::Basis | Kw::Funds | Kw::Goal | Kw::Region | Kw::MidtermGoal => None,
            Kw::Fiscal
            | Kw::Other
            | Kw::Desc
            | Kw::Weight
            | Kw::Qualitative
            | Kw::Grade
            | Kw::NotApplicable
            | Kw::Midterm
            | Kw::Local
            | Kw::Upper
            | Kw::SelfRaised
            | Kw::Kind
            | Kw::Quantitative
            | Kw::MeasureUnit
            | Kw::Scoring
            | Kw::Note
            | Kw::Remark => None,
        }
    }

    fn name(self) -> Message {
        match self {
            Context::Top => msg!("文件顶层", "the top level of the file"),
            Context::Plan => msg!("计划块 `计划 … {{ }}`", "the plan block `plan … {{ }}`"),
            Context::Overall => msg!("总体目标块", "the overall block"),
            Context::Summary => msg!("分项目标块", "a summary block"),
            Context::Project => msg!("项目块 `项目 … {{ }}`", "a project block `project … {{ }}`"),
            Context::Profile => msg!("框架定义块", "a profile block"),
        }
    }
}

/// One line that failed to parse: where it is and what it says.
pub struct FailedLine<'a> {
    pub file: FileId,
    /// The line's text as given to the parser (full-width marks repaired).
    pub text: &'a str,
    /// The line's text as written; `offsets.base` is its file offset.
    pub original: &'a str,
    /// Maps offsets in `text` to offsets in the file.
    pub offsets: &'a super::layout::LineOffsets,
    pub context: Context,
}

/// Turns a failed parse of one line into the most helpful diagnostic.
pub fn diagnose(line: &FailedLine, error: &Error<Rule>) -> Diagnostic {
    if line.text.trim_start().starts_with("//") {
        return slash_comment(line);
    }
    let word = super::layout::first_word(line.text.trim_start());
    let word_start = line.text.len() - line.text.trim_start().len();
    let word_span = Span::new(
        line.offsets.to_file(word_start),
        line.offsets.to_file(word_start + word.len()),
    );
    match keywords::lookup(word) {
        Some((kw, _)) => {
            if let Some(home) = Context::home_of(kw).filter(|h| *h != line.context) {
                return misplaced(line, kw, word, word_span, home);
            }
            if line.context == Context::Top && Context::home_of(kw) != Some(Context::Top) {
                return outside_block(line, word, word_span);
            }
        }
        None if !word.is_empty() && !line.text.trim_start()[word.len()..].starts_with('.') => {
            if let Some(d) = unknown_keyword(line, word, word_span) {
                return d;
            }
        }
        None => {}
    }
    unexpected(line, error)
}

/// A line that starts with `//`, as comments do in many languages.
fn slash_comment(line: &FailedLine) -> Diagnostic {
    let lead = line.text.len() - line.text.trim_start().len();
    let at = line.offsets.to_file(lead);
    Diagnostic::error(
        codes::SYNTAX,
        msg!("`//` 不是注释符号", "`//` does not start a comment"),
    )
    .primary(
        line.file,
        Span::new(at, at + 2),
        msg!("注释以 `#` 开头", "comments start with `#`"),
    )
    .help(msg!("把 `//` 改为 `#`", "write `#` instead of `//`"))
    .fix(Fix::safe(
        msg!("把 `//` 改为 `#`", "write `#` instead of `//`"),
        line.file,
        Span::new(at, at + 2),
        "#",
    ))
}

fn misplaced(line: &FailedLine, kw: Kw, word: &str, span: Span, home: Context) -> Diagnostic {
    let home_name = home.name();
    let here = line.context.name();
    Diagnostic::error(
        codes::MISPLACED,
        Message::new(
            format!("`{word}` 不能写在{}中", here.zh),
            format!("`{word}` cannot stand in {}", here.en),
        ),
    )
    .primary(
        line.file,
        span,
        Message::new(
            format!("这条语句属于{}", home_name.zh),
            format!("this statement belongs in {}", home_name.en),
        ),
    )
    .help(match home {
        Context::Top => msg!(
            "`{}` 开始一个新的顶层条目：先用单独一行的 `}}` 结束上面的块",
            "`{}` starts a new top-level item: close the block above with a line `}}` first",
            kw.spelling(crate::diagnostic::Lang::Zh)
        ),
        _ => Message::new(
            format!("把这一行移到{}中", home_name.zh),
            format!("move this line into {}", home_name.en),
        ),
    })
}

/// A block statement (`资金`, `目标` …) at the top level: most often the
/// block's first line lacks its `{`.
fn outside_block(line: &FailedLine, word: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        codes::MISPLACED,
        msg!("`{}` 不能写在文件顶层", "`{}` cannot stand at the top level", word),
    )
    .primary(line.file, span, msg!("这条语句应在块中", "this statement belongs inside a block"))
    .help(msg!(
        "把它写在 `项目 … {{` 与 `}}` 之间；如果上面的块已经开始，检查它的第一行末尾是否缺少 `{{`",
        "write it between `project … {{` and `}}`; if a block starts above, check that its first line ends with `{{`"
    ))
}

fn unknown_keyword(line: &FailedLine, word: &str, span: Span) -> Option<Diagnostic> {
    let diagnostic = Diagnostic::error(
        codes::UNKNOWN_KEYWORD,
        msg!("未知的关键字 `{}`", "unknown keyword `{}`", word),
    );
    match keywords::suggest(word) {
        Some(s) => Some(
            diagnostic
                .primary(
                    line.file,
                    span,
                    msg!("是否想写 `{}`？", "did you mean `{}`?", s),
                )
                .help(msg!("改为 `{}`", "write `{}`", s))
                .fix(Fix::unsafe_edit(
                    msg!("改为 `{}`", "write `{}`", s),
                    line.file,
                    span,
                    s,
                )),
        ),
        // A word that is close to no keyword may be a one-level indicator
        // path or something else entirely; let the parser's view stand.
        None if line.context == Context::Top => Some(
            diagnostic
                .primary(line.file, span, msg!("不是关键字", "not a keyword"))
                .help(msg!(
                    "顶层只能写 `计划`、`总体目标`、`分项目标`、`保障措施` 或 `项目`",
                    "the top level holds only `plan`, `overall`, `summary`, `measure` or `project`"
                )),
        ),
        None => None,
    }
}

/// The general case: "expected X or Y, found Z".
fn unexpected(line: &FailedLine, error: &Error<Rule>) -> Diagnostic {
    let pos = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    }
    .min(line.text.len());
    let positives: &[Rule] = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives,
        ErrorVariant::CustomError { .. } => &[],
    };
    let expected = expected_list(positives);
    let at = line.offsets.to_file(pos);
    // The token is shown as the user wrote it, not as repaired.
    let found = line
        .original
        .get(at.saturating_sub(line.offsets.base)..)
        .and_then(found_token);
    let (message, label) = match found {
        Some(token) => (
            msg!(
                "语法错误：此处不应出现 `{}`",
                "syntax error: unexpected `{}`",
                token
            ),
            Message::new(
                format!("此处应为{}", expected.zh),
                format!("expected {}", expected.en),
            ),
        ),
        None => (
            msg!(
                "语法错误：这一行不完整",
                "syntax error: the line ends too early"
            ),
            Message::new(
                format!("此处缺少{}", expected.zh),
                format!("expected {} here", expected.en),
            ),
        ),
    };
    let width = found.map_or(0, |t| t.chars().next().map_or(0, char::len_utf8));
    let diagnostic = Diagnostic::error(codes::SYNTAX, message).primary(
        line.file,
        Span::new(at, at + width),
        label,
    );
    match hint(positives, found) {
        Some(help) => diagnostic.help(help),
        None => diagnostic,
    }
}

/// The token at the error: the run of characters up to the next blank.
fn found_token(rest: &str) -> Option<&str> {
    let rest = rest.trim_end();
    if rest.is_empty() {
        return None;
    }
    let end = rest
        .char_indices()
        .find(|(i, c)| *i > 0 && (c.is_whitespace()))
        .map_or(rest.len(), |(i, _)| i);
    let token = &rest[..end];
    Some(match token.char_indices().nth(16) {
        Some((i, _)) => &token[..i],
        None => token,
    })
}

/// Targeted advice for the most common slips.
fn hint(positives: &[Rule], found: Option<&str>) -> Option<Message> {
    let starts = |p: &str| found.is_some_and(|f| f.starts_with(p));
    if starts("//") || starts("/*") {
        return Some(msg!(
            "注释以 `#` 开头：把 `//` 改为 `#`",
            "comments start with `#`: write `#` instead of `//`"
        ));
    }
    if starts("年") && positives.contains(&Rule::text) {
        return Some(msg!(
            "年度只写数字：删除 `年`，如 `计划 2025 \"部门名称\" {{`",
            "a year is written in digits alone: delete `年`, as in `plan 2025 \"department\" {{`"
        ));
    }
    if starts("{") && positives.contains(&Rule::text) {
        return Some(msg!(
            "在 `{{` 之前写出名称，如 `项目 信息化 \"纪检监察信息化建设工作经费\" {{`",
            "write the name before `{{`, as in `project 信息化 \"纪检监察信息化建设工作经费\" {{`"
        ));
    }
    if positives.contains(&Rule::target) && (starts("\"") || starts("“")) {
        return Some(msg!(
            "文字形式的指标值要写作 定性 \"…\"",
            "a target in words is written qualitative \"…\""
        ));
    }
    if positives.contains(&Rule::target) && found.is_none() {
        return Some(msg!(
            "每个指标都要有指标值，如 ≥ 95%、= 120个、定性 \"…\" 或 不适用",
            "every indicator needs a target, such as >= 95%, = 120个, qualitative \"…\" or n/a"
        ));
    }
    if positives
        .iter()
        .any(|r| matches!(r, Rule::quantity | Rule::number))
        && found.is_some_and(|f| f.chars().next().is_some_and(is_han))
    {
        return Some(msg!(
            "数值要用阿拉伯数字书写，如 50.00",
            "write amounts in digits, as in 50.00"
        ));
    }
    if positives.contains(&Rule::open_brace) || starts("{") {
        return Some(msg!(
            "块的第一行以 `{{` 结尾，`}}` 单独占一行",
            "a block's first line ends with `{{`; its `}}` stands on a line of its own"
        ));
    }
    None
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// "X、Y 或 Z" / "X, Y or Z" from the rules pest tried.
fn expected_list(rules: &[Rule]) -> Message {
    let mut names: Vec<Message> = Vec::new();
    for rule in rules {
        if let Some(name) = describe(*rule).filter(|n| !names.contains(n)) {
            names.push(name);
        }
    }
    names.truncate(6);
    if names.is_empty() {
        return msg!("别的内容", "something else");
    }
    let zh: Vec<&str> = names.iter().map(|m| m.zh.as_str()).collect();
    let en: Vec<&str> = names.iter().map(|m| m.en.as_str()).collect();
    Message::new(join(&zh, "、", " 或 "), join(&en, ", ", " or "))
}

fn join(items: &[&str], sep: &str, last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., tail] => format!("{}{}{}", init.join(sep), last, tail),
    }
}

/// The name of a rule for a human, or `None` for rules that never appear
/// in an "expected" list. Every rule is listed: a new rule must be named.
pub fn describe(rule: Rule) -> Option<Message> {
    let m = |zh: &str, en: &str| Some(Message::new(zh, en));
    match rule {
        Rule::EOI => m("行尾", "the end of the line"),
        Rule::WHITESPACE | Rule::COMMENT | Rule::word_char | Rule::colon => None,
        Rule::sep => m("逗号", "a comma"),
        Rule::open_paren => m("`(`", "`(`"),
        Rule::open_brace => m("行尾的 `{`", "`{` at the end of the line"),
        Rule::stmt_keyword => None,
        Rule::close_paren => m("`)`", "`)`"),
        Rule::ident => m("名称（如 办案经费）", "a name (such as 办案经费)"),
        Rule::path => m(
            "指标路径（如 产出.数量）",
            "an indicator path (such as output.quantity)",
        ),
        Rule::code | Rule::code_word => m("编码（如 222002）", "a code (such as 222002)"),
        Rule::year => m("年度（如 2022）", "a year (such as 2022)"),
        Rule::text | Rule::block_text | Rule::quoted_text | Rule::cn_text => {
            m("引号中的文字 \"…\"", "text in quotes \"…\"")
        }
        Rule::number => m("数字", "a number"),
        Rule::unit | Rule::unit_word | Rule::unit_letter => m("计量单位", "a unit"),
        Rule::quantity => m("数值（如 95%、50.00）", "a quantity (such as 95% or 50.00)"),
        Rule::checkpoint => m("时间点（如 3月底）", "a checkpoint (such as 3月底)"),
        Rule::date_value => m("日期（如 12月底）", "a date (such as 12月底)"),
        Rule::comparator | Rule::word_cmp => m("比较符（≥ ≤ = > <）", "a comparator (>= <= = > <)"),
        Rule::post_cmp => m("以上/以下", "以上/以下"),
        Rule::date_post => m("`前`", "`前`"),
        Rule::kw_plan => keyword(Kw::Plan),
        Rule::kw_framework => keyword(Kw::Framework),
        Rule::kw_money => keyword(Kw::Money),
        Rule::kw_unit => keyword(Kw::Unit),
        Rule::kw_basis => keyword(Kw::Basis),
        Rule::kw_grades => keyword(Kw::Grades),
        Rule::kw_precision => keyword(Kw::Precision),
        Rule::kw_allow => keyword(Kw::Allow),
        Rule::kw_warn => keyword(Kw::Warn),
        Rule::kw_deny => keyword(Kw::Deny),
        Rule::kw_overall => keyword(Kw::Overall),
        Rule::kw_summary => keyword(Kw::Summary),
        Rule::kw_measure => keyword(Kw::Measure),
        Rule::kw_project => keyword(Kw::Project),
        Rule::kw_name => keyword(Kw::Name),
        Rule::kw_code => keyword(Kw::Code),
        Rule::kw_funds => keyword(Kw::Funds),
        Rule::kw_fiscal => keyword(Kw::Fiscal),
        Rule::kw_other => keyword(Kw::Other),
        Rule::kw_purpose => keyword(Kw::Purpose),
        Rule::kw_schedule => keyword(Kw::Schedule),
        Rule::kw_goal => keyword(Kw::Goal),
        Rule::kw_desc => keyword(Kw::Desc),
        Rule::kw_weight => keyword(Kw::Weight),
        Rule::kw_qualitative => keyword(Kw::Qualitative),
        Rule::kw_grade => keyword(Kw::Grade),
        Rule::kw_na => keyword(Kw::NotApplicable),
        Rule::kw_profile | Rule::profile_head | Rule::profile => keyword(Kw::Profile),
        Rule::kw_level1 | Rule::level1 => keyword(Kw::Level1),
        Rule::kw_level2 | Rule::level2 => keyword(Kw::Level2),
        Rule::kw_required | Rule::required => keyword(Kw::Required),
        Rule::kw_category | Rule::category => keyword(Kw::Category),
        Rule::kw_supervisor | Rule::supervisor => keyword(Kw::Supervisor),
        Rule::kw_implementer | Rule::implementer => keyword(Kw::Implementer),
        Rule::kw_region | Rule::region => keyword(Kw::Region),
        Rule::kw_period | Rule::period => keyword(Kw::Period),
        Rule::period_value => m(
            "实施期（如 2023-07 至 2024-06）",
            "a period (such as 2023-07 至 2024-06)",
        ),
        Rule::kw_total_funds | Rule::total_funds => keyword(Kw::TotalFunds),
        Rule::kw_midterm_goal | Rule::midterm_goal => keyword(Kw::MidtermGoal),
        Rule::kw_midterm | Rule::midterm_indicator => keyword(Kw::Midterm),
        Rule::kw_local => keyword(Kw::Local),
        Rule::kw_upper => keyword(Kw::Upper),
        Rule::kw_self_raised => keyword(Kw::SelfRaised),
        Rule::kw_kind | Rule::value_kind => keyword(Kw::Kind),
        Rule::kw_quantitative => keyword(Kw::Quantitative),
        Rule::kw_measure_unit | Rule::measure_unit => keyword(Kw::MeasureUnit),
        Rule::kw_scoring | Rule::scoring => keyword(Kw::Scoring),
        Rule::kw_note | Rule::note => keyword(Kw::Note),
        Rule::kw_remark | Rule::remark => keyword(Kw::Remark),
        Rule::kw_cost_item | Rule::cost_item => keyword(Kw::CostItem),
        Rule::kw_duties | Rule::duties => keyword(Kw::Duties),
        Rule::kw_basic | Rule::basic_spending => keyword(Kw::BasicSpending),
        Rule::kw_draft | Rule::draft => keyword(Kw::Draft),
        Rule::kw_cover | Rule::cover => keyword(Kw::Cover),
        Rule::kw_toc | Rule::toc => keyword(Kw::Toc),
        Rule::yes_no => m("`是`/`否`", "`yes`/`no`"),
        Rule::profile_stmt | Rule::profile_line => m("框架定义中的语句", "a profile statement"),
        Rule::target
        | Rule::comparison
        | Rule::word_comparison
        | Rule::deadline
        | Rule::measured => m("指标值（如 ≥ 95%）", "a target (such as >= 95%)"),
        Rule::not_applicable => keyword(Kw::NotApplicable),
        Rule::qualitative => keyword(Kw::Qualitative),
        Rule::grade => keyword(Kw::Grade),
        Rule::sources | Rule::source => m(
            "括号中的资金来源（财政 …）",
            "sources in parentheses (fiscal …)",
        ),
        Rule::schedule_entry => m(
            "时间点和累计比例（如 3月底 25%）",
            "a checkpoint and share (such as 3月底 25%)",
        ),
        Rule::plan_head | Rule::plan => keyword(Kw::Plan),
        Rule::overall_head | Rule::overall => keyword(Kw::Overall),
        Rule::summary_head | Rule::summary => keyword(Kw::Summary),
        Rule::project_head | Rule::project => keyword(Kw::Project),
        Rule::measure => keyword(Kw::Measure),
        Rule::framework => keyword(Kw::Framework),
        Rule::money => keyword(Kw::Money),
        Rule::budget_unit | Rule::unit_ref => keyword(Kw::Unit),
        Rule::basis => keyword(Kw::Basis),
        Rule::grades => keyword(Kw::Grades),
        Rule::precision => keyword(Kw::Precision),
        Rule::lint => m("`允许`/`警告`/`禁止`", "`allow`/`warn`/`deny`"),
        Rule::lint_code => m("诊断代码（如 W0401）", "a diagnostic code (such as W0401)"),
        Rule::name => keyword(Kw::Name),
        Rule::code_stmt => keyword(Kw::Code),
        Rule::funds => keyword(Kw::Funds),
        Rule::purpose => keyword(Kw::Purpose),
        Rule::schedule => keyword(Kw::Schedule),
        Rule::goal => keyword(Kw::Goal),
        Rule::indicator => m("指标行", "an indicator row"),
        Rule::indicator_recovery | Rule::recovery_rest => None,
        Rule::desc => keyword(Kw::Desc),
        Rule::weight => keyword(Kw::Weight),
        Rule::plan_stmt | Rule::plan_line => m("计划块中的语句", "a plan statement"),
        Rule::overall_stmt | Rule::overall_line => m("目标或指标行", "a goal or an indicator row"),
        Rule::summary_stmt | Rule::summary_line => m("分项目标中的语句", "a summary statement"),
        Rule::project_stmt | Rule::project_line => m("项目中的语句", "a project statement"),
        Rule::top_line | Rule::file => m(
            "顶层条目（计划、项目 …）",
            "a top-level item (plan, project …)",
        ),
    }
}

fn keyword(kw: Kw) -> Option<Message> {
    Some(Message::new(
        format!("`{}`", kw.spelling(crate::diagnostic::Lang::Zh)),
        format!("`{}`", kw.spelling(crate::diagnostic::Lang::En)),
    ))
}
