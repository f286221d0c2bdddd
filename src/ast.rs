//! The typed syntax tree of one plan file.
//!
//! Every node has a byte [`Span`] in its file. The tree keeps what a
//! formatter and a language server need besides the meaning: the written
//! form of every number, unit, comparator and checkpoint; the language each
//! keyword was written in; the statements of a block in source order; and
//! the comments with their positions ([`File::comments`]).

use crate::diagnostic::Lang;
use crate::source::{FileId, Span};
use crate::syntax::keywords::Kw;
use crate::values::comparator::CmpOp;
use crate::values::date::DateValue;
use crate::values::unit::UnitKind;
use rust_decimal::Decimal;

/// One parsed file.
#[derive(Clone, Debug, Default)]
pub struct File {
    pub id: FileId,
    pub items: Vec<Item>,
    pub comments: Vec<Comment>,
    /// The items whose first line did not parse: they are not in `items`,
    /// but the rules must know they exist (a summary of a project whose
    /// head is broken is not a summary of an unknown project).
    pub broken: Vec<Broken>,
}

/// A line that did not parse or whose values did not read: an *error
/// node*. It is kept so that the rules run on everything else and skip
/// only what depends on it (a project whose funds line is broken gets no
/// sum check and no "project without funds"). Its diagnostic has been
/// reported already; a broken line is never reported twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    /// What the line was meant to be, when its first word tells.
    pub what: BrokenKind,
    /// The identifier after the keyword of a broken item head
    /// (`项目 信息化 …`), when it reads.
    pub id: Option<String>,
    pub span: Span,
}

/// What a broken line was meant to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BrokenKind {
    /// A statement or item head that starts with this keyword.
    Keyword(Kw),
    /// An indicator row whose path and name did not read either.
    Indicator,
    /// Nothing tells.
    Unknown,
}

impl Broken {
    /// Whether the broken line was meant to be a statement of this keyword.
    pub fn is(&self, kw: Kw) -> bool {
        self.what == BrokenKind::Keyword(kw)
    }
}

/// A `#` comment. `own_line` is true when nothing but blanks precede it on
/// its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    pub span: Span,
    pub own_line: bool,
}

/// A top-level item.
#[derive(Clone, Debug)]
pub enum Item {
    Plan(PlanHeader),
    Overall(Overall),
    Summary(Summary),
    Measure(Measure),
    Project(Project),
    Profile(ProfileDef),
}

impl Item {
    pub fn span(&self) -> Span {
        match self {
            Item::Plan(x) => x.span,
            Item::Overall(x) => x.span,
            Item::Summary(x) => x.span,
            Item::Measure(x) => x.span,
            Item::Project(x) => x.span,
            Item::Profile(x) => x.span,
        }
    }
}

/// A keyword as written: where, and in which language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Keyword {
    pub kw: Kw,
    pub lang: Lang,
    pub span: Span,
}

/// A name such as a project id or a path segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// How a text was delimited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextForm {
    /// `"…"`
    Quoted,
    /// `“…”`
    Chinese,
    /// `"""` … `"""`
    Block,
    /// An unquoted word, as a grade: `等级 优`.
    Bare,
}

/// A text value, unescaped and (for blocks) dedented.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub value: String,
    pub form: TextForm,
    pub span: Span,
}

impl Text {
    /// The span of a byte range of the value: exact when the value is the
    /// text as written between its delimiters (no escapes, one line),
    /// else the whole text's span.
    pub fn span_of(&self, range: std::ops::Range<usize>) -> Span {
        let (open, close) = match self.form {
            TextForm::Quoted => (1, 1),
            TextForm::Chinese => ('“'.len_utf8(), '”'.len_utf8()),
            TextForm::Bare => (0, 0),
            TextForm::Block => return self.span,
        };
        let as_written = self.span.len() == self.value.len() + open + close;
        if !as_written || range.start > range.end || range.end > self.value.len() {
            return self.span;
        }
        let start = self.span.start as usize + open;
        Span::new(start + range.start, start + range.end)
    }
}

/// A code (项目编码, 单位编码): a bare word or a quoted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Code {
    pub value: String,
    pub span: Span,
}

/// A number: its exact value and its written form (`50.00`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number {
    pub value: Decimal,
    pub written: String,
    pub span: Span,
}

/// A yes-or-no value (`是`, `否`, `yes`, `no`, `true`, `false`): what it
/// means and how it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YesNo {
    pub value: bool,
    pub written: String,
    pub span: Span,
}

/// A unit as written (`％` stays `％`) and what it means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub kind: UnitKind,
    pub written: String,
    pub span: Span,
}

/// A number with an optional unit, written together: `95%`, `50.00`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quantity {
    pub number: Number,
    pub unit: Option<Unit>,
    pub span: Span,
}

/// A month end or date as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    pub date: DateValue,
    pub written: String,
    pub span: Span,
}

/// A comparator as written (`≥`, `>=`, `不低于`, `以上`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparator {
    pub op: CmpOp,
    pub written: String,
    /// True for the forms written after the number: `95%以上`.
    pub postfix: bool,
    pub span: Span,
}

/// A keyword followed by a text: `目标 "…"`, `用途 "…"`, `依据 "…"`.
#[derive(Clone, Debug)]
pub struct TextStmt {
    pub keyword: Keyword,
    pub text: Text,
    pub span: Span,
}

// ---------------------------------------------------------------- header

/// `计划 2022 "纪检会" { … }`
#[derive(Clone, Debug)]
pub struct PlanHeader {
    pub keyword: Keyword,
    pub year: Year,
    pub department: Text,
    pub body: Vec<PlanStmt>,
    /// Lines of the block that did not parse (see [`Broken`]).
    pub broken: Vec<Broken>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Year {
    pub value: u16,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum PlanStmt {
    /// `框架 classic`
    Framework {
        keyword: Keyword,
        name: Code,
        span: Span,
    },
    /// `金额单位 万元`
    Money {
        keyword: Keyword,
        unit: Unit,
        span: Span,
    },
    /// `预算单位 222002 "…"`
    BudgetUnit(BudgetUnit),
    /// `依据 "…"`: the default basis of every indicator.
    Basis(TextStmt),
    /// `等级 优 良 中 差`
    Grades {
        keyword: Keyword,
        grades: Vec<Text>,
        span: Span,
    },
    /// `精度 6`
    Precision {
        keyword: Keyword,
        places: Number,
        span: Span,
    },
    /// `允许 W0401`, `警告 …`, `禁止 …`
    Lint {
        keyword: Keyword,
        codes: Vec<Code>,
        span: Span,
    },
    /// `资金 154.50`: the department total, stated to be checked.
    Funds(Box<Funds>),
    /// `财政区划 130225000`: the finance region (9 digits).
    Region {
        keyword: Keyword,
        code: Code,
        span: Span,
    },
    /// `基本支出 120.00`: the department's basic spending (staff and
    /// running costs), beside the projects' money.
    BasicSpending {
        keyword: Keyword,
        amount: Quantity,
        span: Span,
    },
    /// `草案 是`, `封面 否`, `目录 否`: a yes-or-no setting of the header;
    /// the keyword says which ([`Kw::Draft`], [`Kw::Cover`], [`Kw::Toc`]).
    Switch {
        keyword: Keyword,
        value: YesNo,
        span: Span,
    },
}

#[derive(Clone, Debug)]
pub struct BudgetUnit {
    pub keyword: Keyword,
    pub code: Code,
    pub name: Text,
    pub span: Span,
}

// ---------------------------------------------------------------- department part

/// `总体目标 { … }`: goal paragraphs and indicators in reading order.
#[derive(Clone, Debug)]
pub struct Overall {
    pub keyword: Keyword,
    pub body: Vec<OverallStmt>,
    /// Lines of the block that did not parse (see [`Broken`]).
    pub broken: Vec<Broken>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum OverallStmt {
    Goal(TextStmt),
    /// `中期目标 "…"`: the department's mid-term (中长期) goal.
    MidtermGoal(TextStmt),
    /// `职责 "…"`: the department's duties (部门职责).
    Duties(TextStmt),
    Indicator(Box<Indicator>),
}

/// `分项目标 信息化 { … }`
#[derive(Clone, Debug)]
pub struct Summary {
    pub keyword: Keyword,
    pub project: Ident,
    pub body: Vec<SummaryStmt>,
    /// Lines of the block that did not parse (see [`Broken`]).
    pub broken: Vec<Broken>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum SummaryStmt {
    Name(TextStmt),
    Funds(Box<Funds>),
    Goal(TextStmt),
}

/// `保障措施 "组织保障" """…"""`
#[derive(Clone, Debug)]
pub struct Measure {
    pub keyword: Keyword,
    pub title: Text,
    pub text: Text,
    pub span: Span,
}

// ---------------------------------------------------------------- projects

/// `项目 办案经费 "办案工作经费" { … }`
#[derive(Clone, Debug)]
pub struct Project {
    pub keyword: Keyword,
    pub id: Ident,
    pub name: Text,
    pub body: Vec<ProjectStmt>,
    /// Lines of the block that did not parse (see [`Broken`]); kept in
    /// the outline, since the rules that compare projects need to know
    /// whether a funds line is missing or broken.
    pub broken: Vec<Broken>,
    pub span: Span,
}

impl Project {
    /// Drops every statement but the project's code, unit, funds and
    /// goals: what the rules that compare projects with each other, and
    /// the department-level parts of the output, need of it. `check` keeps
    /// a large plan's projects this way once their own rules have run.
    pub fn cut_to_outline(&mut self) {
        self.body.retain(|s| {
            matches!(
                s,
                ProjectStmt::Code { .. }
                    | ProjectStmt::Unit { .. }
                    | ProjectStmt::Funds(_)
                    | ProjectStmt::Goal(_)
            )
        });
        self.body.shrink_to_fit();
    }

    /// Whether a line of this project meant as `kw` did not parse.
    pub fn has_broken(&self, kw: Kw) -> bool {
        self.broken.iter().any(|b| b.is(kw))
    }

    /// Whether an indicator row of this project did not read whole: its
    /// path is unknown, or its target (so its unit and dimension) is.
    pub fn has_broken_indicator(&self) -> bool {
        self.broken
            .iter()
            .any(|b| matches!(b.what, BrokenKind::Indicator | BrokenKind::Unknown))
    }
}

#[derive(Clone, Debug)]
pub enum ProjectStmt {
    Code {
        keyword: Keyword,
        code: Code,
        span: Span,
    },
    Unit {
        keyword: Keyword,
        code: Code,
        span: Span,
    },
    /// Boxed, as the indicator: the common statements stay small.
    Funds(Box<Funds>),
    Purpose(TextStmt),
    Schedule(Schedule),
    Goal(TextStmt),
    Basis(TextStmt),
    /// Boxed: an indicator is four times the size of the other
    /// statements, and a plan's statements are mostly indicators.
    Indicator(Box<Indicator>),
    /// `类别 延续`: 项目类别 / 项目属性 (新增, 延续 …).
    Category(TextStmt),
    /// `主管部门 [015001] "县教育局"`: the supervising department.
    Supervisor(Box<Party>),
    /// `实施单位 "县第一中学"`: the implementing unit, by name (and code).
    Implementer(Box<Party>),
    /// `财政区划 130225000`
    Region {
        keyword: Keyword,
        code: Code,
        span: Span,
    },
    /// `实施期 2023-07 至 2024-06`
    Period(Box<PeriodStmt>),
    /// `总资金 360（财政 300，其他 60）`: the project's money over its whole
    /// period, beside the year's `资金`.
    TotalFunds(Box<Funds>),
    /// `中期目标 "…"`: a goal of the whole period (中期 / 实施期目标).
    MidtermGoal(TextStmt),
    /// `测算 "办公设备购置" 20.00 依据 "…"`: one item of the cost build-up.
    CostItem(Box<CostItem>),
}

/// One item of a project's cost build-up (成本测算): what, how much, and
/// how the amount was worked out.
#[derive(Clone, Debug)]
pub struct CostItem {
    pub keyword: Keyword,
    pub name: Text,
    pub amount: Quantity,
    pub basis: Option<TextStmt>,
    pub span: Span,
}

/// A department or unit named in a project table: an optional code and a
/// name.
#[derive(Clone, Debug)]
pub struct Party {
    pub keyword: Keyword,
    pub code: Option<Code>,
    pub name: Text,
    pub span: Span,
}

/// `实施期 2023-07 至 2024-06`: the period as written and as read.
#[derive(Clone, Debug)]
pub struct PeriodStmt {
    pub keyword: Keyword,
    pub written: String,
    pub period: crate::values::period::Period,
    /// Where the period's value is written.
    pub value_span: Span,
    pub span: Span,
}

/// `资金 64.50（财政 64.50）`
#[derive(Clone, Debug)]
pub struct Funds {
    pub keyword: Keyword,
    pub total: Option<Quantity>,
    pub sources: Vec<FundSource>,
    pub span: Span,
}

impl Funds {
    /// The sources that add up to the total: all of them, except that a
    /// `本级`/`上级` split given beside a `财政` amount details that amount
    /// and is not counted again.
    pub fn counted_sources(&self) -> impl Iterator<Item = &FundSource> {
        let split_of_fiscal = self.has_fiscal() && self.fiscal_split().next().is_some();
        self.sources
            .iter()
            .filter(move |s| !(split_of_fiscal && s.kind.is_fiscal_part()))
    }

    /// Whether a `财政` amount is given.
    pub fn has_fiscal(&self) -> bool {
        self.sources
            .iter()
            .any(|s| matches!(s.kind, SourceKind::Fiscal(_)))
    }

    /// The `本级` and `上级` amounts.
    pub fn fiscal_split(&self) -> impl Iterator<Item = &FundSource> {
        self.sources.iter().filter(|s| s.kind.is_fiscal_part())
    }
}

impl SourceKind {
    /// `本级` or `上级`: a part of the fiscal money.
    pub fn is_fiscal_part(&self) -> bool {
        matches!(self, SourceKind::Local(_) | SourceKind::Upper(_))
    }
}

#[derive(Clone, Debug)]
pub struct FundSource {
    pub kind: SourceKind,
    pub amount: Quantity,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum SourceKind {
    /// `财政` / `fiscal`
    Fiscal(Keyword),
    /// `其他` / `other`
    Other(Keyword),
    /// `本级` / `local`: the fiscal money of the unit's own government.
    Local(Keyword),
    /// `上级` / `upper`: fiscal transfers from the level above.
    Upper(Keyword),
    /// `自筹` / `self-raised`: the unit's own money.
    SelfRaised(Keyword),
    /// `"上年结转"`
    Named(Text),
}

/// `支出计划 3月底 25%，6月底 50%`
#[derive(Clone, Debug)]
pub struct Schedule {
    pub keyword: Keyword,
    pub entries: Vec<ScheduleEntry>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct ScheduleEntry {
    pub at: Checkpoint,
    pub value: Quantity,
    pub span: Span,
}

// ---------------------------------------------------------------- indicators

/// `产出.数量 "举报线索处置率" = 100% 描述 "…" 依据 "…" 分值 10`
#[derive(Clone, Debug)]
pub struct Indicator {
    /// `中期` before the path: an indicator of the mid-term set.
    pub midterm: Option<Keyword>,
    pub path: Path,
    pub name: Text,
    pub target: Target,
    pub attrs: Vec<IndicatorAttr>,
    pub span: Span,
}

impl Indicator {
    pub fn description(&self) -> Option<&Text> {
        self.attrs.iter().find_map(|a| match a {
            IndicatorAttr::Desc(t) => Some(&t.text),
            _ => None,
        })
    }

    pub fn basis(&self) -> Option<&Text> {
        self.attrs.iter().find_map(|a| match a {
            IndicatorAttr::Basis(t) => Some(&t.text),
            _ => None,
        })
    }

    /// The text of an attribute given with `kw` (`评分标准`, `说明`, `备注`).
    pub fn text_attr(&self, kw: Kw) -> Option<&Text> {
        self.attrs.iter().find_map(|a| match a {
            IndicatorAttr::Text(t) if t.keyword.kw == kw => Some(&t.text),
            _ => None,
        })
    }

    /// The value type given with `类型` (定量, 定性, 不适用).
    pub fn value_kind(&self) -> Option<&Keyword> {
        self.attrs.iter().find_map(|a| match a {
            IndicatorAttr::Kind { value, .. } => Some(value),
            _ => None,
        })
    }

    /// The unit given with `计量单位`.
    pub fn measure_unit(&self) -> Option<&Unit> {
        self.attrs.iter().find_map(|a| match a {
            IndicatorAttr::MeasureUnit { unit, .. } => Some(unit),
            _ => None,
        })
    }

    pub fn weight(&self) -> Option<&Number> {
        self.attrs.iter().find_map(|a| match a {
            IndicatorAttr::Weight { value, .. } => Some(value),
            _ => None,
        })
    }
}

/// `产出.数量`: the first and second levels (more segments are an error
/// reported when lowering).
#[derive(Clone, Debug)]
pub struct Path {
    pub segments: Vec<Ident>,
    pub span: Span,
}

impl Path {
    /// The path as written: `产出.数量`.
    pub fn written(&self) -> String {
        let names: Vec<&str> = self.segments.iter().map(|s| s.name.as_str()).collect();
        names.join(".")
    }
}

#[derive(Clone, Debug)]
pub enum IndicatorAttr {
    Desc(TextStmt),
    Basis(TextStmt),
    Weight {
        keyword: Keyword,
        value: Number,
        span: Span,
    },
    /// `类型 定量`: the value type column (定量 / 定性 / 不适用); `value`
    /// is the keyword of the type.
    Kind {
        keyword: Keyword,
        value: Keyword,
        span: Span,
    },
    /// `计量单位 个`: a table's own unit column.
    MeasureUnit {
        keyword: Keyword,
        unit: Unit,
        span: Span,
    },
    /// `评分标准 "…"`, `说明 "…"` (指标值说明), `备注 "…"`.
    Text(TextStmt),
}

#[derive(Clone, Debug)]
pub struct Target {
    pub kind: TargetKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum TargetKind {
    /// `≥ 95%`, `不低于 95%`, `95%以上`, `≤ 12月底`
    Compare {
        comparator: Comparator,
        value: Operand,
    },
    /// A number with no comparator: `100`. Accepted; the checker warns.
    Bare(Quantity),
    /// `定性 "…"`
    Qualitative { keyword: Keyword, text: Text },
    /// `等级 优`
    Grade { keyword: Keyword, grade: Text },
    /// `不适用`
    NotApplicable(Keyword),
    /// A target that did not read (`≥80M`, `250万`): its diagnostic was
    /// reported; the row's name, level and neighbours are still checked,
    /// but nothing that needs its value.
    Broken,
}

#[derive(Clone, Debug)]
pub enum Operand {
    Quantity(Quantity),
    Date(Checkpoint),
}

// ---------------------------------------------------------------- profiles

/// `框架定义 classic { … }`: an indicator framework.
#[derive(Clone, Debug)]
pub struct ProfileDef {
    pub keyword: Keyword,
    pub name: Ident,
    pub body: Vec<ProfileStmt>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum ProfileStmt {
    /// `一级 产出 "产出指标" output`
    Level1 {
        keyword: Keyword,
        id: Ident,
        names: Vec<Text>,
        english: Option<Ident>,
        span: Span,
    },
    /// `二级 产出.数量 "数量指标" quantity`
    Level2 {
        keyword: Keyword,
        path: Path,
        names: Vec<Text>,
        english: Option<Ident>,
        span: Span,
    },
    /// `必需 产出 满意度`
    Required {
        keyword: Keyword,
        paths: Vec<Path>,
        span: Span,
    },
}
