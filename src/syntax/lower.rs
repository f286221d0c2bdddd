//! Lowering: pest pairs of one line to typed AST nodes.
//!
//! One `lower_<rule>` function per grammar rule. Children are found by their
//! rule, never by position, and nothing here can panic on user input: a
//! value that does not read (a malformed number, an unknown unit) becomes a
//! diagnostic and the statement that holds it is dropped.

use super::grammar::PlanParser;
use super::grammar::Rule;
use super::keywords::{self, Kw};
use super::layout::LineOffsets;
use crate::ast::*;
use crate::codes;
use crate::diagnostic::{Diagnostic, Fix, Lang};
use crate::msg;
use crate::source::{FileId, Span};
use crate::values::{ValueError, comparator, date, number, period, unit, yes_no};
use pest::Parser;
use pest::iterators::Pair;

/// Lowers the pairs of one line. Spans are made file offsets with
/// `offsets`.
pub struct Lowerer<'d> {
    pub file: FileId,
    pub offsets: &'d LineOffsets,
    pub diagnostics: &'d mut Vec<Diagnostic>,
}

/// A line's statement, whatever block it belongs in.
pub enum Lowered {
    PlanHead(PlanHeader),
    OverallHead(Overall),
    SummaryHead(Summary),
    ProjectHead(Project),
    ProfileHead(ProfileDef),
    Measure(Measure),
    Plan(PlanStmt),
    Overall(OverallStmt),
    Summary(SummaryStmt),
    Project(ProjectStmt),
    Profile(ProfileStmt),
}

impl Lowerer<'_> {
    fn span(&self, pair: &Pair<Rule>) -> Span {
        let s = pair.as_span();
        Span::new(
            self.offsets.to_file(s.start()),
            self.offsets.to_file(s.end()),
        )
    }

    fn report(&mut self, error: ValueError, span: Span) {
        let ValueError {
            code,
            message,
            label,
            help,
            replacement,
        } = error;
        let mut d = Diagnostic::error(code, message).primary(self.file, span, label);
        d.help = help;
        if let Some((text, safe)) = replacement {
            let what = msg!("改为 `{}`", "write `{}`", text);
            d = d.fix(match safe {
                true => Fix::safe(what, self.file, span, text),
                false => Fix::unsafe_edit(what, self.file, span, text),
            });
        }
        self.diagnostics.push(d);
    }

    /// Lowers the statement inside a `*_line` pair.
    pub fn lower_line(&mut self, line: Pair<Rule>) -> Option<Lowered> {
        let stmt = line.into_inner().find(|p| p.as_rule() != Rule::EOI)?;
        self.lower_stmt(stmt)
    }

    /// Lowers one statement of any block, or a block's head.
    pub fn lower_stmt(&mut self, stmt: Pair<Rule>) -> Option<Lowered> {
        match stmt.as_rule() {
            Rule::plan_head => self.lower_plan_head(stmt).map(Lowered::PlanHead),
            Rule::overall_head => Some(Lowered::OverallHead(self.lower_overall_head(stmt))),
            Rule::summary_head => self.lower_summary_head(stmt).map(Lowered::SummaryHead),
            Rule::project_head => self.lower_project_head(stmt).map(Lowered::ProjectHead),
            Rule::measure => self.lower_measure(stmt).map(Lowered::Measure),
            Rule::profile_head => self.lower_profile_head(stmt).map(Lowered::ProfileHead),
            Rule::level1 | Rule::level2 => self.lower_level(stmt).map(Lowered::Profile),
            Rule::required => self.lower_required(stmt).map(Lowered::Profile),
            Rule::framework
            | Rule::money
            | Rule::budget_unit
            | Rule::grades
            | Rule::precision
            | Rule::basic_spending
            | Rule::draft
            | Rule::cover
            | Rule::toc
            | Rule::lint => self.lower_plan_stmt(stmt).map(Lowered::Plan),
            // `财政区划` stands in the header and in projects: lowered as a
            // project's statement, the walker files it where it stands.
            Rule::name => self
                .lower_text_stmt(stmt)
                .map(|t| Lowered::Summary(SummaryStmt::Name(t))),
            _ => self.lower_shared_stmt(stmt),
        }
    }

    /// Statements whose block is told by the line rule: `goal`, `funds`,
    /// `basis`, indicators, and the project's own statements.
    fn lower_shared_stmt(&mut self, stmt: Pair<Rule>) -> Option<Lowered> {
        let rule = stmt.as_rule();
        Some(match rule {
            Rule::code_stmt => {
                let (keyword, code, span) = self.lower_keyword_code(stmt)?;
                Lowered::Project(ProjectStmt::Code {
                    keyword,
                    code,
                    span,
                })
            }
            Rule::unit_ref => {
                let (keyword, code, span) = self.lower_keyword_code(stmt)?;
                Lowered::Project(ProjectStmt::Unit {
                    keyword,
                    code,
                    span,
                })
            }
            Rule::purpose => Lowered::Project(ProjectStmt::Purpose(self.lower_text_stmt(stmt)?)),
            Rule::schedule => Lowered::Project(ProjectStmt::Schedule(self.lower_schedule(stmt)?)),
            Rule::funds => Lowered::Project(ProjectStmt::Funds(Box::new(self.lower_funds(stmt)?))),
            Rule::goal => Lowered::Project(ProjectStmt::Goal(self.lower_text_stmt(stmt)?)),
            Rule::basis => Lowered::Project(ProjectStmt::Basis(self.lower_text_stmt(stmt)?)),
            Rule::indicator => Lowered::Project(ProjectStmt::Indicator(Box::new(
                self.lower_indicator(stmt)?,
            ))),
            Rule::midterm_indicator => Lowered::Project(ProjectStmt::Indicator(Box::new(
                self.lower_midterm_indicator(stmt)?,
            ))),
            Rule::category => Lowered::Project(ProjectStmt::Category(self.lower_text_stmt(stmt)?)),
            Rule::midterm_goal => {
                Lowered::Project(ProjectStmt::MidtermGoal(self.lower_text_stmt(stmt)?))
            }
            Rule::supervisor => {
                Lowered::Project(ProjectStmt::Supervisor(Box::new(self.lower_party(stmt)?)))
            }
            Rule::implementer => {
                Lowered::Project(ProjectStmt::Implementer(Box::new(self.lower_party(stmt)?)))
            }
            Rule::region => {
                let (keyword, code, span) = self.lower_keyword_code(stmt)?;
                Lowered::Project(ProjectStmt::Region {
                    keyword,
                    code,
                    span,
                })
            }
            Rule::period => {
                Lowered::Project(ProjectStmt::Period(Box::new(self.lower_period(stmt)?)))
            }
            Rule::cost_item => {
                Lowered::Project(ProjectStmt::CostItem(Box::new(self.lower_cost_item(stmt)?)))
            }
            Rule::duties => Lowered::Overall(OverallStmt::Duties(self.lower_text_stmt(stmt)?)),
            Rule::total_funds => {
                Lowered::Project(ProjectStmt::TotalFunds(Box::new(self.lower_funds(stmt)?)))
            }
            _ => return None,
        })
    }

    // ------------------------------------------------------------ heads

    fn lower_plan_head(&mut self, pair: Pair<Rule>) -> Option<PlanHeader> {
        let span = self.span(&pair);
        let (mut keyword, mut year, mut department) = (None, None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_plan => keyword = Some(self.lower_keyword(&child)),
                Rule::year => year = self.lower_year(&child),
                Rule::text => department = self.lower_text(child),
                _ => {}
            }
        }
        Some(PlanHeader {
            keyword: keyword?,
            year: year?,
            department: department?,
            body: Vec::new(),
            broken: Vec::new(),
            span,
        })
    }

    fn lower_overall_head(&mut self, pair: Pair<Rule>) -> Overall {
        let span = self.span(&pair);
        let keyword = pair
            .into_inner()
            .find(|c| c.as_rule() == Rule::kw_overall)
            .map(|c| self.lower_keyword(&c))
            .unwrap_or(Keyword {
                kw: Kw::Overall,
                lang: Lang::Zh,
                span,
            });
        Overall {
            keyword,
            body: Vec::new(),
            broken: Vec::new(),
            span,
        }
    }

    fn lower_summary_head(&mut self, pair: Pair<Rule>) -> Option<Summary> {
        let span = self.span(&pair);
        let (mut keyword, mut project) = (None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_summary => keyword = Some(self.lower_keyword(&child)),
                Rule::ident => project = Some(self.lower_ident(&child)),
                _ => {}
            }
        }
        Some(Summary {
            keyword: keyword?,
            project: project?,
            body: Vec::new(),
            broken: Vec::new(),
            span,
        })
    }

    fn lower_project_head(&mut self, pair: Pair<Rule>) -> Option<Project> {
        let span = self.span(&pair);
        let (mut keyword, mut id, mut name) = (None, None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_project => keyword = Some(self.lower_keyword(&child)),
                Rule::ident => id = Some(self.lower_ident(&child)),
                Rule::text => name = self.lower_text(child),
                _ => {}
            }
        }
        Some(Project {
            keyword: keyword?,
            id: id?,
            name: name?,
            body: Vec::new(),
            broken: Vec::new(),
            span,
        })
    }

    fn lower_profile_head(&mut self, pair: Pair<Rule>) -> Option<ProfileDef> {
        let span = self.span(&pair);
        let (mut keyword, mut name) = (None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_profile => keyword = Some(self.lower_keyword(&child)),
                Rule::ident => name = Some(self.lower_ident(&child)),
                _ => {}
            }
        }
        Some(ProfileDef {
            keyword: keyword?,
            name: name?,
            body: Vec::new(),
            span,
        })
    }

    /// `一级 产出 "产出指标" output` and `二级 产出.数量 "数量指标" quantity`.
    fn lower_level(&mut self, pair: Pair<Rule>) -> Option<ProfileStmt> {
        let span = self.span(&pair);
        let is_first = pair.as_rule() == Rule::level1;
        let (mut keyword, mut id, mut path, mut english) = (None, None, None, None);
        let mut names = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_level1 | Rule::kw_level2 => keyword = Some(self.lower_keyword(&child)),
                Rule::ident if id.is_none() && is_first => id = Some(self.lower_ident(&child)),
                Rule::ident => english = Some(self.lower_ident(&child)),
                Rule::path => path = self.lower_path(&child),
                Rule::text => names.extend(self.lower_text(child)),
                _ => {}
            }
        }
        let keyword = keyword?;
        Some(if is_first {
            ProfileStmt::Level1 {
                keyword,
                id: id?,
                names,
                english,
                span,
            }
        } else {
            ProfileStmt::Level2 {
                keyword,
                path: path?,
                names,
                english,
                span,
            }
        })
    }

    fn lower_required(&mut self, pair: Pair<Rule>) -> Option<ProfileStmt> {
        let span = self.span(&pair);
        let mut keyword = None;
        let mut paths = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_required => keyword = Some(self.lower_keyword(&child)),
                Rule::path => {
                    let segments: Vec<Ident> = child
                        .clone()
                        .into_inner()
                        .map(|c| self.lower_ident(&c))
                        .collect();
                    paths.push(Path {
                        segments,
                        span: self.span(&child),
                    });
                }
                _ => {}
            }
        }
        Some(ProfileStmt::Required {
            keyword: keyword?,
            paths,
            span,
        })
    }

    fn lower_measure(&mut self, pair: Pair<Rule>) -> Option<Measure> {
        let span = self.span(&pair);
        let mut keyword = None;
        let mut texts = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_measure => keyword = Some(self.lower_keyword(&child)),
                Rule::text => texts.push(self.lower_text(child)),
                _ => {}
            }
        }
        let mut texts = texts.into_iter();
        let (title, text) = (texts.next()??, texts.next()??);
        Some(Measure {
            keyword: keyword?,
            title,
            text,
            span,
        })
    }

    // ------------------------------------------------------------ plan statements

    fn lower_plan_stmt(&mut self, pair: Pair<Rule>) -> Option<PlanStmt> {
        match pair.as_rule() {
            Rule::framework => {
                let (keyword, name, span) = self.lower_keyword_code(pair)?;
                Some(PlanStmt::Framework {
                    keyword,
                    name,
                    span,
                })
            }
            Rule::money => self.lower_money(pair),
            Rule::budget_unit => self.lower_budget_unit(pair).map(PlanStmt::BudgetUnit),
            Rule::grades => self.lower_grades(pair),
            Rule::precision => self.lower_precision(pair),
            Rule::lint => self.lower_lint(pair),
            Rule::draft | Rule::cover | Rule::toc => self.lower_switch(pair),
            Rule::funds => self.lower_funds(pair).map(|f| PlanStmt::Funds(Box::new(f))),
            Rule::region => {
                let (keyword, code, span) = self.lower_keyword_code(pair)?;
                Some(PlanStmt::Region {
                    keyword,
                    code,
                    span,
                })
            }
            Rule::basic_spending => {
                let span = self.span(&pair);
                let (mut keyword, mut amount) = (None, None);
                for child in pair.into_inner() {
                    match child.as_rule() {
                        Rule::kw_basic => keyword = Some(self.lower_keyword(&child)),
                        Rule::quantity => amount = self.lower_amount(child),
                        _ => {}
                    }
                }
                Some(PlanStmt::BasicSpending {
                    keyword: keyword?,
                    amount: amount?,
                    span,
                })
            }
            _ => None,
        }
    }

    fn lower_money(&mut self, pair: Pair<Rule>) -> Option<PlanStmt> {
        let span = self.span(&pair);
        let (mut keyword, mut money_unit) = (None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_money => keyword = Some(self.lower_keyword(&child)),
                Rule::unit => money_unit = self.lower_unit(&child),
                _ => {}
            }
        }
        let money_unit = money_unit?;
        if money_unit.kind.money.is_none() || money_unit.kind.dimension != unit::Dimension::Money {
            self.report_not_money(&money_unit.written, money_unit.span);
            return None;
        }
        Some(PlanStmt::Money {
            keyword: keyword?,
            unit: money_unit,
            span,
        })
    }

    fn lower_budget_unit(&mut self, pair: Pair<Rule>) -> Option<BudgetUnit> {
        let span = self.span(&pair);
        let (mut keyword, mut code, mut name) = (None, None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_unit => keyword = Some(self.lower_keyword(&child)),
                Rule::code => code = self.lower_code(child),
                Rule::text => name = self.lower_text(child),
                _ => {}
            }
        }
        Some(BudgetUnit {
            keyword: keyword?,
            code: code?,
            name: name?,
            span,
        })
    }

    fn lower_grades(&mut self, pair: Pair<Rule>) -> Option<PlanStmt> {
        let span = self.span(&pair);
        let mut keyword = None;
        let mut grades = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_grades => keyword = Some(self.lower_keyword(&child)),
                Rule::ident => grades.push(self.lower_word_as_text(&child)),
                Rule::text => grades.extend(self.lower_text(child)),
                _ => {}
            }
        }
        Some(PlanStmt::Grades {
            keyword: keyword?,
            grades,
            span,
        })
    }

    fn lower_precision(&mut self, pair: Pair<Rule>) -> Option<PlanStmt> {
        let span = self.span(&pair);
        let (mut keyword, mut places) = (None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_precision => keyword = Some(self.lower_keyword(&child)),
                Rule::number => places = self.lower_number(&child),
                _ => {}
            }
        }
        Some(PlanStmt::Precision {
            keyword: keyword?,
            places: places?,
            span,
        })
    }

    /// `草案 是`, `封面 否`, `目录 否`: the keyword and a yes-or-no word.
    fn lower_switch(&mut self, pair: Pair<Rule>) -> Option<PlanStmt> {
        let span = self.span(&pair);
        let (mut keyword, mut value) = (None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::yes_no => value = self.lower_yes_no(&child),
                r if is_keyword(r) => keyword = Some(self.lower_keyword(&child)),
                _ => {}
            }
        }
        Some(PlanStmt::Switch {
            keyword: keyword?,
            value: value?,
            span,
        })
    }

    fn lower_yes_no(&mut self, pair: &Pair<Rule>) -> Option<YesNo> {
        let span = self.span(pair);
        let written = pair.as_str();
        match yes_no::parse(written) {
            Ok(value) => Some(YesNo {
                value,
                written: written.to_string(),
                span,
            }),
            Err(error) => {
                self.report(*error, span);
                None
            }
        }
    }

    fn lower_lint(&mut self, pair: Pair<Rule>) -> Option<PlanStmt> {
        let span = self.span(&pair);
        let mut keyword = None;
        let mut lint_codes = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_allow | Rule::kw_warn | Rule::kw_deny => {
                    keyword = Some(self.lower_keyword(&child))
                }
                Rule::lint_code => lint_codes.push(Code {
                    value: child.as_str().to_string(),
                    span: self.span(&child),
                }),
                _ => {}
            }
        }
        Some(PlanStmt::Lint {
            keyword: keyword?,
            codes: lint_codes,
            span,
        })
    }

    // ------------------------------------------------------------ shared statements

    /// `关键字 编码`: framework, project code and unit references.
    fn lower_keyword_code(&mut self, pair: Pair<Rule>) -> Option<(Keyword, Code, Span)> {
        let span = self.span(&pair);
        let (mut keyword, mut code) = (None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::ident => {
                    code = Some(Code {
                        value: child.as_str().to_string(),
                        span: self.span(&child),
                    })
                }
                Rule::code | Rule::text => code = self.lower_code(child),
                r if is_keyword(r) => keyword = Some(self.lower_keyword(&child)),
                _ => {}
            }
        }
        Some((keyword?, code?, span))
    }

    /// `关键字 "文字"`: goal, purpose, basis, name, desc.
    pub fn lower_text_stmt(&mut self, pair: Pair<Rule>) -> Option<TextStmt> {
        let span = self.span(&pair);
        let (mut keyword, mut text) = (None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::text => text = self.lower_text(child),
                // `类别 延续`: a single word, unquoted.
                Rule::ident => text = Some(self.lower_word_as_text(&child)),
                r if is_keyword(r) => keyword = Some(self.lower_keyword(&child)),
                _ => {}
            }
        }
        Some(TextStmt {
            keyword: keyword?,
            text: text?,
            span,
        })
    }

    fn lower_funds(&mut self, pair: Pair<Rule>) -> Option<Funds> {
        let span = self.span(&pair);
        let (mut keyword, mut total) = (None, None);
        let mut sources = Vec::new();
        let mut ok = true;
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_funds | Rule::kw_total_funds => keyword = Some(self.lower_keyword(&child)),
                Rule::quantity => {
                    total = self.lower_amount(child);
                    ok &= total.is_some();
                }
                Rule::sources => {
                    for source in child.into_inner() {
                        let lowered = self.lower_source(source);
                        ok &= lowered.is_some();
                        sources.extend(lowered);
                    }
                }
                _ => {}
            }
        }
        sources.shrink_to_fit();
        ok.then_some(Funds {
            keyword: keyword?,
            total,
            sources,
            span,
        })
    }

    fn lower_source(&mut self, pair: Pair<Rule>) -> Option<FundSource> {
        let span = self.span(&pair);
        let (mut kind, mut amount) = (None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_fiscal => kind = Some(SourceKind::Fiscal(self.lower_keyword(&child))),
                Rule::kw_other => kind = Some(SourceKind::Other(self.lower_keyword(&child))),
                Rule::kw_local => kind = Some(SourceKind::Local(self.lower_keyword(&child))),
                Rule::kw_upper => kind = Some(SourceKind::Upper(self.lower_keyword(&child))),
                Rule::kw_self_raised => {
                    kind = Some(SourceKind::SelfRaised(self.lower_keyword(&child)))
                }
                Rule::text => kind = self.lower_text(child).map(SourceKind::Named),
                Rule::quantity => amount = self.lower_amount(child),
                _ => {}
            }
        }
        Some(FundSource {
            kind: kind?,
            amount: amount?,
            span,
        })
    }

    /// A quantity that must be money, or a bare number in the plan's unit.
    fn lower_amount(&mut self, pair: Pair<Rule>) -> Option<Quantity> {
        let quantity = self.lower_quantity(pair)?;
        if let Some(u) = quantity
            .unit
            .as_ref()
            .filter(|u| u.kind.dimension != unit::Dimension::Money)
        {
            self.report_not_money(&u.written, u.span);
            return None;
        }
        Some(quantity)
    }

    fn report_not_money(&mut self, written: &str, span: Span) {
        let error = ValueError::new(
            codes::NOT_MONEY_UNIT,
            msg!("`{}` 不是金额单位", "`{}` is not a money unit", written),
            msg!(
                "此处应为 元、万元 或 亿元",
                "expected 元, 万元 or 亿元 here"
            ),
        )
        .help(msg!(
            "金额写作 `50.00`（计划的金额单位）或 `50.00万元`",
            "write an amount as `50.00` (in the plan's money unit) or `50.00万元`"
        ));
        self.report(*error, span);
    }

    fn lower_schedule(&mut self, pair: Pair<Rule>) -> Option<Schedule> {
        let span = self.span(&pair);
        let mut keyword = None;
        let mut entries = Vec::new();
        let mut ok = true;
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_schedule => keyword = Some(self.lower_keyword(&child)),
                Rule::schedule_entry => {
                    let entry = self.lower_schedule_entry(child);
                    ok &= entry.is_some();
                    entries.extend(entry);
                }
                _ => {}
            }
        }
        entries.shrink_to_fit();
        ok.then_some(Schedule {
            keyword: keyword?,
            entries,
            span,
        })
    }

    fn lower_schedule_entry(&mut self, pair: Pair<Rule>) -> Option<ScheduleEntry> {
        let span = self.span(&pair);
        let (mut at, mut value, mut has_value) = (None, None, false);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::checkpoint => at = self.lower_checkpoint(&child),
                Rule::quantity => {
                    has_value = true;
                    value = self.lower_quantity(child);
                }
                _ => {}
            }
        }
        let at = at?;
        if !has_value {
            self.report_missing_share(&at);
        }
        Some(ScheduleEntry {
            at,
            value: value?,
            span,
        })
    }

    fn report_missing_share(&mut self, at: &Checkpoint) {
        let end = at.span.end as usize;
        let error = ValueError::new(
            codes::SYNTAX,
            msg!(
                "时间点 `{}` 之后缺少累计支出比例",
                "checkpoint `{}` has no share after it",
                at.written
            ),
            msg!(
                "此处应为累计比例，如 25%",
                "expected a cumulative share such as 25%"
            ),
        )
        .help(msg!(
            "每个时间点后写累计支出比例：`{} 25%`",
            "write the cumulative share after each checkpoint: `{} 25%`",
            at.written
        ));
        self.report(*error, Span::new(end, end));
    }

    // ------------------------------------------------------------ indicators

    fn lower_indicator(&mut self, pair: Pair<Rule>) -> Option<Indicator> {
        let span = self.span(&pair);
        let (mut path, mut name, mut target) = (None, None, None);
        let mut attrs = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::path => path = self.lower_path(&child),
                Rule::text => name = self.lower_text(child),
                Rule::target => {
                    let at = self.span(&child);
                    let reported = self.diagnostics.len();
                    target = self.lower_target(child);
                    // A target that does not read leaves the row checkable:
                    // only what needs its value is skipped.
                    if target.is_none() && self.diagnostics.len() > reported {
                        target = Some(Target {
                            kind: TargetKind::Broken,
                            span: at,
                        });
                    }
                }
                Rule::desc => attrs.extend(self.lower_text_stmt(child).map(IndicatorAttr::Desc)),
                Rule::basis => attrs.extend(self.lower_text_stmt(child).map(IndicatorAttr::Basis)),
                Rule::weight => attrs.extend(self.lower_weight(child)),
                Rule::value_kind => attrs.extend(self.lower_value_kind(child)),
                Rule::measure_unit => attrs.extend(self.lower_measure_unit(child)),
                Rule::scoring | Rule::note | Rule::remark => {
                    attrs.extend(self.lower_text_stmt(child).map(IndicatorAttr::Text))
                }
                _ => {}
            }
        }
        // Most rows have one attribute or none: no room for four.
        attrs.shrink_to_fit();
        Some(Indicator {
            midterm: None,
            path: path?,
            name: name?,
            target: target?,
            attrs,
            span,
        })
    }

    /// `中期 产出.数量 …`: an indicator of the mid-term set.
    fn lower_midterm_indicator(&mut self, pair: Pair<Rule>) -> Option<Indicator> {
        let span = self.span(&pair);
        let (mut midterm, mut indicator) = (None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_midterm => midterm = Some(self.lower_keyword(&child)),
                Rule::indicator => indicator = self.lower_indicator(child),
                _ => {}
            }
        }
        let mut indicator = indicator?;
        indicator.midterm = midterm;
        indicator.span = span;
        Some(indicator)
    }

    /// `类型 定量`.
    fn lower_value_kind(&mut self, pair: Pair<Rule>) -> Option<IndicatorAttr> {
        let span = self.span(&pair);
        let mut words = pair.into_inner().map(|k| self.lower_keyword(&k));
        let keyword = words.next()?;
        let value = words.next()?;
        Some(IndicatorAttr::Kind {
            keyword,
            value,
            span,
        })
    }

    /// `计量单位 个`.
    fn lower_measure_unit(&mut self, pair: Pair<Rule>) -> Option<IndicatorAttr> {
        let span = self.span(&pair);
        let (mut keyword, mut unit) = (None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_measure_unit => keyword = Some(self.lower_keyword(&child)),
                Rule::unit => unit = self.lower_unit(&child),
                _ => {}
            }
        }
        Some(IndicatorAttr::MeasureUnit {
            keyword: keyword?,
            unit: unit?,
            span,
        })
    }

    /// `主管部门 [015001] "县教育局"`, `实施单位 "县第一中学"`.
    fn lower_party(&mut self, pair: Pair<Rule>) -> Option<Party> {
        let span = self.span(&pair);
        let (mut keyword, mut texts) = (None, Vec::new());
        let mut code = None;
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::code => code = self.lower_code(child),
                Rule::text => texts.extend(self.lower_text(child)),
                r if is_keyword(r) => keyword = Some(self.lower_keyword(&child)),
                _ => {}
            }
        }
        Some(Party {
            keyword: keyword?,
            code,
            name: texts.pop()?,
            span,
        })
    }

    /// `测算 "办公设备购置" 20.00 依据 "按市场询价"`.
    fn lower_cost_item(&mut self, pair: Pair<Rule>) -> Option<CostItem> {
        let span = self.span(&pair);
        let (mut keyword, mut name, mut amount, mut basis) = (None, None, None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_cost_item => keyword = Some(self.lower_keyword(&child)),
                Rule::text => name = self.lower_text(child),
                Rule::quantity => amount = self.lower_amount(child),
                Rule::basis => basis = self.lower_text_stmt(child),
                _ => {}
            }
        }
        Some(CostItem {
            keyword: keyword?,
            name: name?,
            amount: amount?,
            basis,
            span,
        })
    }

    /// `实施期 2023-07 至 2024-06`.
    fn lower_period(&mut self, pair: Pair<Rule>) -> Option<PeriodStmt> {
        let span = self.span(&pair);
        let (mut keyword, mut value) = (None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_period => keyword = Some(self.lower_keyword(&child)),
                Rule::period_value => value = Some((child.as_str().trim_end(), self.span(&child))),
                _ => {}
            }
        }
        let (written, at) = value?;
        let at = Span::new(at.start as usize, at.start as usize + written.len());
        match period::parse(written) {
            Ok(period) => Some(PeriodStmt {
                keyword: keyword?,
                written: written.to_string(),
                period,
                value_span: at,
                span,
            }),
            Err(e) => {
                self.report(*e, at);
                None
            }
        }
    }

    /// An indicator row that did not parse, read again for its path and
    /// name: the row with its target marked broken, or `None` when its
    /// path or name does not read either. Reports nothing: the line's
    /// diagnostic has been given.
    pub fn recover_indicator(&mut self, content: &str) -> Option<Lowered> {
        let pair = PlanParser::parse(Rule::indicator_recovery, content)
            .ok()?
            .next()?;
        let span = self.span(&pair);
        let mut quiet = Vec::new();
        let mut lowerer = Lowerer {
            file: self.file,
            offsets: self.offsets,
            diagnostics: &mut quiet,
        };
        let (mut path, mut name, mut rest) = (None, None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::path => path = lowerer.lower_path(&child),
                Rule::text => name = lowerer.lower_text(child),
                Rule::recovery_rest => rest = Some(lowerer.span(&child)),
                _ => {}
            }
        }
        Some(Lowered::Project(ProjectStmt::Indicator(Box::new(
            Indicator {
                midterm: None,
                path: path?,
                name: name?,
                target: Target {
                    kind: TargetKind::Broken,
                    span: rest?,
                },
                attrs: Vec::new(),
                span,
            },
        ))))
    }

    fn lower_path(&mut self, pair: &Pair<Rule>) -> Option<Path> {
        let span = self.span(pair);
        let segments: Vec<Ident> = pair
            .clone()
            .into_inner()
            .map(|c| self.lower_ident(&c))
            .collect();
        if segments.len() == 2 {
            return Some(Path { segments, span });
        }
        let first = segments.first().map(|s| s.name.as_str()).unwrap_or("");
        if let Some(s) = keywords::suggest(first).filter(|_| segments.len() == 1) {
            {
                let error = ValueError::new(
                    codes::UNKNOWN_KEYWORD,
                    msg!("未知的关键字 `{}`", "unknown keyword `{}`", first),
                    msg!("是否想写 `{}`？", "did you mean `{}`?", s),
                )
                .help(msg!("改为 `{}`", "write `{}`", s))
                .replace_with(s, false);
                self.report(*error, span);
                return None;
            }
        }
        let error = ValueError::new(
            codes::BAD_PATH,
            msg!(
                "指标路径 `{}` 应为“一级.二级”",
                "indicator path `{}` should be `level1.level2`",
                pair.as_str()
            ),
            match segments.len() {
                1 => msg!("只写了一级", "only one level is given"),
                n => msg!("写了 {} 级", "{} levels are given", n),
            },
        )
        .help(msg!(
            "写出一级和二级指标，如 `产出.数量`、`效益.社会效益`",
            "name the first and second levels, as in `output.quantity` or `benefit.social`"
        ));
        self.report(*error, span);
        None
    }

    fn lower_weight(&mut self, pair: Pair<Rule>) -> Option<IndicatorAttr> {
        let span = self.span(&pair);
        let (mut keyword, mut value) = (None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_weight => keyword = Some(self.lower_keyword(&child)),
                Rule::number => value = self.lower_number(&child),
                _ => {}
            }
        }
        Some(IndicatorAttr::Weight {
            keyword: keyword?,
            value: value?,
            span,
        })
    }

    fn lower_target(&mut self, pair: Pair<Rule>) -> Option<Target> {
        // Without the blanks pest takes in before an optional part that is
        // not there (`以上` after `= 100% `).
        let at = pair.as_span();
        let end = at.start() + pair.as_str().trim_end().len();
        let span = Span::new(self.offsets.to_file(at.start()), self.offsets.to_file(end));
        let form = pair.into_inner().next()?;
        let kind = match form.as_rule() {
            Rule::not_applicable => {
                let kw = form.into_inner().next()?;
                TargetKind::NotApplicable(self.lower_keyword(&kw))
            }
            Rule::qualitative => {
                let stmt = self.lower_text_stmt(form)?;
                TargetKind::Qualitative {
                    keyword: stmt.keyword,
                    text: stmt.text,
                }
            }
            Rule::grade => self.lower_grade(form)?,
            Rule::comparison | Rule::word_comparison => self.lower_comparison(form)?,
            Rule::deadline => self.lower_deadline(form)?,
            Rule::measured => self.lower_measured(form)?,
            _ => return None,
        };
        Some(Target { kind, span })
    }

    fn lower_grade(&mut self, pair: Pair<Rule>) -> Option<TargetKind> {
        let (mut keyword, mut grade) = (None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_grade => keyword = Some(self.lower_keyword(&child)),
                Rule::ident => grade = Some(self.lower_word_as_text(&child)),
                Rule::text => grade = self.lower_text(child),
                _ => {}
            }
        }
        Some(TargetKind::Grade {
            keyword: keyword?,
            grade: grade?,
        })
    }

    /// `≥ 95%`, `不低于 95%`, `≤ 12月底`.
    fn lower_comparison(&mut self, pair: Pair<Rule>) -> Option<TargetKind> {
        let (mut comparator, mut value) = (None, None);
        let mut again = None;
        for child in pair.into_inner() {
            let span = self.span(&child);
            match child.as_rule() {
                Rule::comparator => match comparator::parse_symbol(child.as_str()) {
                    Ok(op) => comparator = Some(self.comparator(op, &child, false)),
                    Err(e) => self.report(*e, span),
                },
                Rule::word_cmp => {
                    comparator = comparator::parse_word(child.as_str())
                        .map(|op| self.comparator(op, &child, false))
                }
                Rule::date_value => value = self.lower_checkpoint(&child).map(Operand::Date),
                Rule::quantity => value = self.lower_quantity(child).map(Operand::Quantity),
                Rule::post_cmp => again = Some((child.as_str().to_string(), span)),
                _ => {}
            }
        }
        // `≥ 85%以上`: the word after the number must say the same.
        if let (Some(c), Some((word, span))) = (&comparator, again) {
            let agrees = comparator::parse_postfix(&word)
                .is_some_and(|op| op.direction() == c.op.direction());
            if !agrees {
                let error = ValueError::new(
                    codes::BAD_COMPARATOR,
                    msg!(
                        "`{}` 与 `{}` 的方向相反",
                        "`{}` and `{}` point in opposite directions",
                        c.written,
                        word
                    ),
                    msg!("与前面的比较符矛盾", "contradicts the comparator before"),
                )
                .help(msg!(
                    "只写一个比较符：`{} …` 或 `…{}`",
                    "write one comparator: `{} …` or `…{}`",
                    c.written,
                    word
                ));
                self.report(*error, span);
                return None;
            }
        }
        Some(TargetKind::Compare {
            comparator: comparator?,
            value: value?,
        })
    }

    /// `12月底前`: a deadline written with `前` after the date.
    fn lower_deadline(&mut self, pair: Pair<Rule>) -> Option<TargetKind> {
        let (mut date, mut comparator) = (None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::date_value => date = self.lower_checkpoint(&child),
                Rule::date_post => {
                    comparator = comparator::parse_postfix(child.as_str())
                        .map(|op| self.comparator(op, &child, true))
                }
                _ => {}
            }
        }
        Some(TargetKind::Compare {
            comparator: comparator?,
            value: Operand::Date(date?),
        })
    }

    /// `95%以上`, or a bare `100`.
    fn lower_measured(&mut self, pair: Pair<Rule>) -> Option<TargetKind> {
        let (mut quantity, mut comparator) = (None, None);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::quantity => quantity = self.lower_quantity(child),
                Rule::post_cmp => {
                    comparator = comparator::parse_postfix(child.as_str())
                        .map(|op| self.comparator(op, &child, true))
                }
                _ => {}
            }
        }
        let quantity = quantity?;
        Some(match comparator {
            Some(comparator) => TargetKind::Compare {
                comparator,
                value: Operand::Quantity(quantity),
            },
            None => TargetKind::Bare(quantity),
        })
    }

    fn comparator(&self, op: comparator::CmpOp, pair: &Pair<Rule>, postfix: bool) -> Comparator {
        Comparator {
            op,
            written: pair.as_str().to_string(),
            postfix,
            span: self.span(pair),
        }
    }

    // ------------------------------------------------------------ values

    fn lower_quantity(&mut self, pair: Pair<Rule>) -> Option<Quantity> {
        let span = self.span(&pair);
        let (mut number, mut unit, mut ok) = (None, None, true);
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::number => number = self.lower_number(&child),
                Rule::unit => {
                    unit = self.lower_unit(&child);
                    ok &= unit.is_some();
                }
                _ => {}
            }
        }
        let number = number?;
        ok.then_some(Quantity { number, unit, span })
    }

    fn lower_number(&mut self, pair: &Pair<Rule>) -> Option<Number> {
        let span = self.span(pair);
        match number::parse(pair.as_str()) {
            Ok(value) => Some(Number {
                value,
                written: pair.as_str().to_string(),
                span,
            }),
            Err(e) => {
                self.report(*e, span);
                None
            }
        }
    }

    fn lower_unit(&mut self, pair: &Pair<Rule>) -> Option<Unit> {
        let span = self.span(pair);
        let written = pair.as_str();
        let kind = match unit::parse(written) {
            Ok(kind) => kind,
            Err(e) => match unit::loose(written) {
                Some((kind, fix)) => {
                    self.report_loose_unit(written, fix, span);
                    kind
                }
                None => {
                    self.report(*e, span);
                    return None;
                }
            },
        };
        Some(Unit {
            kind,
            written: written.to_string(),
            span,
        })
    }

    /// W0109: a unit written loosely (`250万`, `80M`), read as what it
    /// most likely means, so that the plan stays checkable.
    fn report_loose_unit(&mut self, written: &str, fix: &str, span: Span) {
        let d = Diagnostic::warning(
            codes::LOOSE_UNIT,
            msg!(
                "计量单位 `{}` 按 `{}` 读取",
                "the unit `{}` is read as `{}`",
                written,
                fix
            ),
        )
        .primary(
            self.file,
            span,
            msg!("这里读作 `{}`", "read here as `{}`", fix),
        )
        .help(msg!(
            "写明单位 `{}`；若不是这个意思，写出确切的单位",
            "write `{}`; if that is not what is meant, write the exact unit",
            fix
        ));
        self.diagnostics.push(d);
    }

    fn lower_checkpoint(&mut self, pair: &Pair<Rule>) -> Option<Checkpoint> {
        let span = self.span(pair);
        match date::parse(pair.as_str()) {
            Ok(date) => Some(Checkpoint {
                date,
                written: pair.as_str().to_string(),
                span,
            }),
            Err(e) => {
                self.report(*e, span);
                None
            }
        }
    }

    fn lower_year(&mut self, pair: &Pair<Rule>) -> Option<Year> {
        let span = self.span(pair);
        let value = pair
            .as_str()
            .parse::<u16>()
            .ok()
            .filter(|y| (1900..=2200).contains(y));
        if value.is_none() || pair.as_str().len() != 4 {
            let error = ValueError::new(
                codes::BAD_YEAR,
                msg!(
                    "`{}` 不是有效的年度",
                    "`{}` is not a valid year",
                    pair.as_str()
                ),
                msg!("年度应为四位数字", "a year is four digits"),
            )
            .help(msg!(
                "写作完整的年份，如 `2022`",
                "write the full year, such as `2022`"
            ));
            self.report(*error, span);
            return None;
        }
        value.map(|value| Year { value, span })
    }

    fn lower_code(&mut self, pair: Pair<Rule>) -> Option<Code> {
        let span = self.span(&pair);
        let inner = if pair.as_rule() == Rule::code {
            pair.into_inner().next()?
        } else {
            pair
        };
        match inner.as_rule() {
            Rule::code_word => Some(Code {
                value: inner.as_str().to_string(),
                span,
            }),
            _ => self.lower_text(inner).map(|t| Code {
                value: t.value,
                span,
            }),
        }
    }

    fn lower_ident(&self, pair: &Pair<Rule>) -> Ident {
        Ident {
            name: pair.as_str().to_string(),
            span: self.span(pair),
        }
    }

    fn lower_word_as_text(&self, pair: &Pair<Rule>) -> Text {
        Text {
            value: pair.as_str().to_string(),
            form: TextForm::Bare,
            span: self.span(pair),
        }
    }

    fn lower_keyword(&self, pair: &Pair<Rule>) -> Keyword {
        let span = self.span(pair);
        let (kw, lang) = keywords::lookup(pair.as_str()).unwrap_or((Kw::Plan, Lang::Zh));
        // `等级` spells both the header's scale and a grade target.
        let kw = if pair.as_rule() == Rule::kw_grade {
            Kw::Grade
        } else {
            kw
        };
        Keyword { kw, lang, span }
    }

    pub fn lower_text(&mut self, pair: Pair<Rule>) -> Option<Text> {
        let span = self.span(&pair);
        let inner = if pair.as_rule() == Rule::text {
            pair.into_inner().next()?
        } else {
            pair
        };
        let raw = inner.as_str();
        let (value, form) = match inner.as_rule() {
            Rule::block_text => (dedent(strip(raw, 3, 3)), TextForm::Block),
            Rule::cn_text => (
                strip(raw, '“'.len_utf8(), '”'.len_utf8()).to_string(),
                TextForm::Chinese,
            ),
            _ => (
                self.unescape(strip(raw, 1, 1), span.start as usize + 1),
                TextForm::Quoted,
            ),
        };
        Some(Text { value, form, span })
    }

    /// Resolves `\"`, `\\` and `\n`; reports any other escape and keeps it
    /// as written. `at` is the file offset of `body`.
    fn unescape(&mut self, body: &str, at: usize) -> String {
        let mut out = String::with_capacity(body.len());
        let mut chars = body.char_indices();
        while let Some((i, c)) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some((_, '"')) => out.push('"'),
                Some((_, '\\')) => out.push('\\'),
                Some((_, 'n')) => out.push('\n'),
                Some((_, other)) => {
                    out.push('\\');
                    out.push(other);
                    let span = Span::new(at + i, at + i + 1 + other.len_utf8());
                    self.report(*bad_escape(other), span);
                }
                None => out.push('\\'),
            }
        }
        out
    }
}

fn bad_escape(c: char) -> Box<ValueError> {
    ValueError::new(
        codes::BAD_ESCAPE,
        msg!("无效的转义 `\\{}`", "invalid escape `\\{}`", c),
        msg!(
            "`\\` 之后只能是 `\"`、`\\` 或 `n`",
            "`\\` may only be followed by `\"`, `\\` or `n`"
        ),
    )
    .help(msg!(
        "写 `\\\\` 表示反斜杠本身，或改用中文引号 “…”",
        "write `\\\\` for a backslash, or use Chinese quotes “…”"
    ))
}

fn is_keyword(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::kw_plan
            | Rule::kw_framework
            | Rule::kw_money
            | Rule::kw_unit
            | Rule::kw_basis
            | Rule::kw_grades
            | Rule::kw_precision
            | Rule::kw_allow
            | Rule::kw_warn
            | Rule::kw_deny
            | Rule::kw_overall
            | Rule::kw_summary
            | Rule::kw_measure
            | Rule::kw_project
            | Rule::kw_name
            | Rule::kw_code
            | Rule::kw_funds
            | Rule::kw_fiscal
            | Rule::kw_other
            | Rule::kw_purpose
            | Rule::kw_schedule
            | Rule::kw_goal
            | Rule::kw_desc
            | Rule::kw_weight
            | Rule::kw_qualitative
            | Rule::kw_grade
            | Rule::kw_na
            | Rule::kw_profile
            | Rule::kw_level1
            | Rule::kw_level2
            | Rule::kw_required
            | Rule::kw_category
            | Rule::kw_supervisor
            | Rule::kw_implementer
            | Rule::kw_region
            | Rule::kw_period
            | Rule::kw_total_funds
            | Rule::kw_midterm_goal
            | Rule::kw_midterm
            | Rule::kw_local
            | Rule::kw_upper
            | Rule::kw_self_raised
            | Rule::kw_kind
            | Rule::kw_quantitative
            | Rule::kw_measure_unit
            | Rule::kw_scoring
            | Rule::kw_note
            | Rule::kw_remark
            | Rule::kw_cost_item
            | Rule::kw_duties
            | Rule::kw_basic
            | Rule::kw_draft
            | Rule::kw_cover
            | Rule::kw_toc
    )
}

/// The text between the delimiters; `raw` always holds both.
fn strip(raw: &str, open: usize, close: usize) -> &str {
    raw.get(open..raw.len().saturating_sub(close)).unwrap_or("")
}

/// The body of a `"""` text: without the opening and closing lines when
/// they are blank, line endings made `\n`, and the indentation common to
/// the non-blank lines removed.
pub fn dedent(body: &str) -> String {
    let body = body.replace("\r\n", "\n");
    let mut lines: Vec<&str> = body.split('\n').collect();
    if lines.first().is_some_and(|l| l.trim().is_empty()) {
        lines.remove(0);
    }
    if lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let dedented: Vec<&str> = lines
        .iter()
        .map(|l| {
            l.get(indent..)
                .unwrap_or_else(|| l.trim_start_matches([' ', '\t']))
                .trim_end()
        })
        .collect();
    dedented.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dedents_block_text() {
        assert_eq!(dedent("\n    一\n      二\n    "), "一\n  二");
        assert_eq!(dedent("inline"), "inline");
        assert_eq!(dedent("\r\n  a\r\n  b\r\n  "), "a\nb");
    }
}
