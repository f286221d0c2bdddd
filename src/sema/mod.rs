//! The semantic index: what the rules see of a whole plan.
//!
//! [`Ctx`] gathers the items of every file of a plan, resolves the plan's
//! settings (year, money unit, framework profile, precision, grades, and
//! the documents' draft, cover and 目录 switches) and offers the derived
//! values the rules share: a project's total in the plan's money unit, an
//! indicator's resolved path. The rules themselves live in
//! `crate::rules`, one module per rule.

pub mod profile;

use crate::ast::{self, Item, PlanStmt, ProjectStmt, Quantity};
use crate::source::{FileId, Span};
use crate::syntax::keywords::Kw;
use crate::values::unit::{Dimension, MoneyUnit};
use profile::{Profile, Resolved};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::collections::HashMap;

/// Something found in a file: the node and the file it is in.
#[derive(Debug)]
pub struct In<'a, T> {
    pub file: FileId,
    pub node: &'a T,
}

impl<T> Clone for In<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for In<'_, T> {}

impl<T> std::ops::Deref for In<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.node
    }
}

/// An amount converted into the plan's money unit, with where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount {
    pub value: Decimal,
    pub file: FileId,
    pub span: Span,
}

/// The default number of decimal places of money in 万元.
pub const DEFAULT_PRECISION: u32 = 6;

/// What the rules see of a plan. Built once by [`Ctx::new`], which also
/// indexes it (projects and summaries by id, every indicator): its lists
/// are read, never changed afterwards.
pub struct Ctx<'a> {
    pub headers: Vec<In<'a, ast::PlanHeader>>,
    pub projects: Vec<In<'a, ast::Project>>,
    pub summaries: Vec<In<'a, ast::Summary>>,
    pub overall: Vec<In<'a, ast::Overall>>,
    pub measures: Vec<In<'a, ast::Measure>>,
    pub profile_defs: Vec<In<'a, ast::ProfileDef>>,
    /// Items whose first line did not parse (see [`ast::Broken`]).
    pub broken_items: Vec<In<'a, ast::Broken>>,
    /// The plan's year, from its header.
    pub year: Option<u16>,
    /// The plan's money unit (default 万元).
    pub money: MoneyUnit,
    /// The profile named by `框架` (default `classic`); `None` when the name
    /// is unknown (a rule reports it).
    pub profile: Option<Profile>,
    /// Decimal places allowed in money amounts, in the plan's unit.
    pub precision: u32,
    /// The grade scale, best first.
    pub grades: Vec<String>,
    /// `草案 是`: the plan is a draft.
    pub draft: bool,
    /// Whether the Word document has a cover page (`封面`, default yes).
    pub cover: bool,
    /// Whether the Word document has a table of contents (`目录`, default
    /// yes).
    pub toc: bool,
    /// The index in `projects` of the first project of each id, so that
    /// rules that look projects up by id stay linear in the plan's size.
    project_ids: HashMap<&'a str, usize>,
    /// The indices in `summaries` of the summaries of each project id, in
    /// order.
    summary_ids: HashMap<&'a str, Vec<usize>>,
    /// Every indicator with its project, gathered once for the rules that
    /// each go over all of them.
    indicators: Vec<(Option<In<'a, ast::Project>>, In<'a, ast::Indicator>)>,
    /// Whether the rules go over the overall part's indicators (in
    /// [`Ctx::all_indicators`] and the indicator scopes). False in the
    /// context of a run of projects ([`Ctx::for_run`]), where the overall
    /// part is only looked up (its cost target): it is checked once, apart,
    /// not again in every run.
    pub overall_checked: bool,
}

impl<'a> Ctx<'a> {
    pub fn new(files: &'a [ast::File]) -> Ctx<'a> {
        let mut ctx = Ctx::empty();
        for file in files {
            ctx.collect(file.id, &file.items, |_| true);
            ctx.collect_broken(file);
        }
        ctx.finish()
    }

    /// The context of one run of a file's projects, for the rules of
    /// [`crate::rules::Scope::Item`] and for resolving the projects: the
    /// items of `plan` a project is checked or resolved against (the
    /// header with the settings, the overall part, the framework
    /// definitions), and the projects among `items`, which are in `file`.
    ///
    /// The summaries and measures are left out: nothing of a project
    /// depends on them, and a plan has about one summary for every few
    /// projects, so going over them again in every run would make checking
    /// a plan quadratic in its size.
    pub fn for_run(plan: &'a [ast::File], file: FileId, items: &'a [Item]) -> Ctx<'a> {
        let mut ctx = Ctx::empty();
        for f in plan {
            ctx.collect(f.id, &f.items, |i| {
                matches!(i, Item::Plan(_) | Item::Overall(_) | Item::Profile(_))
            });
            ctx.collect_broken(f);
        }
        ctx.collect(file, items, |i| matches!(i, Item::Project(_)));
        ctx.overall_checked = false;
        ctx.finish()
    }

    fn empty() -> Ctx<'a> {
        Ctx {
            headers: Vec::new(),
            projects: Vec::new(),
            summaries: Vec::new(),
            overall: Vec::new(),
            measures: Vec::new(),
            profile_defs: Vec::new(),
            broken_items: Vec::new(),
            year: None,
            money: MoneyUnit::WanYuan,
            profile: None,
            precision: DEFAULT_PRECISION,
            grades: Vec::new(),
            draft: false,
            cover: true,
            toc: true,
            project_ids: HashMap::new(),
            summary_ids: HashMap::new(),
            indicators: Vec::new(),
            overall_checked: true,
        }
    }

    /// Indexes what was collected and reads the settings.
    fn finish(mut self) -> Ctx<'a> {
        self.index();
        self.indicators = self.gather_indicators();
        self.settle();
        self
    }

    /// Indexes projects and summaries by project id.
    fn index(&mut self) {
        self.project_ids.reserve(self.projects.len());
        for (i, p) in self.projects.iter().enumerate() {
            self.project_ids.entry(p.node.id.name.as_str()).or_insert(i);
        }
        for (i, s) in self.summaries.iter().enumerate() {
            self.summary_ids
                .entry(s.node.project.name.as_str())
                .or_default()
                .push(i);
        }
    }

    /// Gathers the items `keep` accepts, of file `id`.
    fn collect(&mut self, id: FileId, items: &'a [Item], keep: impl Fn(&Item) -> bool) {
        for item in items.iter().filter(|i| keep(i)) {
            match item {
                Item::Plan(x) => self.headers.push(In { file: id, node: x }),
                Item::Project(x) => self.projects.push(In { file: id, node: x }),
                Item::Summary(x) => self.summaries.push(In { file: id, node: x }),
                Item::Overall(x) => self.overall.push(In { file: id, node: x }),
                Item::Measure(x) => self.measures.push(In { file: id, node: x }),
                Item::Profile(x) => self.profile_defs.push(In { file: id, node: x }),
            }
        }
    }

    fn collect_broken(&mut self, file: &'a ast::File) {
        let items = file.broken.iter().map(|b| In {
            file: file.id,
            node: b,
        });
        self.broken_items.extend(items);
    }

    /// Where the header declares the grade scale (`等级 …`), if it does.
    pub fn grades_stmt(&self) -> Option<(FileId, Span)> {
        let header = self.headers.first()?;
        header.node.body.iter().find_map(|s| match s {
            PlanStmt::Grades { span, .. } => Some((header.file, *span)),
            _ => None,
        })
    }

    /// Whether an item meant as `kw` (`计划`, `项目` …) has a head that did
    /// not parse.
    pub fn has_broken_item(&self, kw: Kw) -> bool {
        self.broken_items.iter().any(|b| b.is(kw))
    }

    /// Whether a project of this id may exist with a head that did not
    /// parse (a broken project head whose id reads as `id`, or does not
    /// read at all).
    pub fn may_be_broken_project(&self, id: &str) -> bool {
        self.broken_items
            .iter()
            .any(|b| b.is(Kw::Project) && b.id.as_deref().is_none_or(|x| x == id))
    }

    /// Reads the settings from the first header.
    fn settle(&mut self) {
        let mut framework = "classic".to_string();
        if let Some(header) = self.headers.first().copied() {
            self.year = Some(header.year.value);
            for stmt in &header.body {
                match stmt {
                    PlanStmt::Framework { name, .. } => framework = name.value.clone(),
                    PlanStmt::Money { unit, .. } => {
                        self.money = unit.kind.money.unwrap_or(self.money)
                    }
                    PlanStmt::Precision { places, .. } => {
                        self.precision = places.value.to_u32().unwrap_or(self.precision)
                    }
                    PlanStmt::Grades { grades, .. } => {
                        self.grades = grades.iter().map(|g| g.value.clone()).collect()
                    }
                    PlanStmt::Switch { keyword, value, .. } => self.switch(keyword.kw, value.value),
                    _ => {}
                }
            }
        }
        if self.precision == DEFAULT_PRECISION && !self.headers.iter().any(|h| has_precision(h)) {
            self.precision = default_precision(self.money);
        }
        // A broken `框架` line: the profile is unknown, and checking the
        // indicators against the default one would report false levels.
        let framework_broken = self
            .headers
            .first()
            .is_some_and(|h| h.broken.iter().any(|b| b.is(Kw::Framework)));
        self.profile = if framework_broken {
            None
        } else {
            self.find_profile(&framework)
        };
    }

    /// Sets the header's yes-or-no setting `kw` (`草案`, `封面`, `目录`).
    fn switch(&mut self, kw: Kw, value: bool) {
        match kw {
            Kw::Draft => self.draft = value,
            Kw::Cover => self.cover = value,
            Kw::Toc => self.toc = value,
            _ => {}
        }
    }

    /// A profile declared in the plan, else a built-in one.
    pub fn find_profile(&self, name: &str) -> Option<Profile> {
        self.profile_defs
            .iter()
            .find(|d| d.name.name == name)
            .map(|d| Profile::from_def(d.node, d.file).0)
            .or_else(|| profile::builtin().iter().find(|p| p.name == name).cloned())
    }

    /// The header's `框架` statement, if any, for labels.
    pub fn framework_stmt(&self) -> Option<(FileId, &'a ast::Code)> {
        let header = self.headers.first().copied();
        header.and_then(|h| {
            h.node.body.iter().find_map(|s| match s {
                PlanStmt::Framework { name, .. } => Some((h.file, name)),
                _ => None,
            })
        })
    }

    /// Converts a money quantity into the plan's unit; a bare number is
    /// already in it. `None` for other units or on overflow.
    pub fn to_plan_unit(&self, q: &Quantity) -> Option<Decimal> {
        match &q.unit {
            None => Some(q.number.value),
            Some(u) if u.kind.dimension == Dimension::Money => {
                u.kind.money?.convert(q.number.value, self.money)
            }
            Some(_) => None,
        }
    }

    /// A project's total, as stated or else as the sum of its sources.
    pub fn project_total(&self, p: In<'a, ast::Project>) -> Option<Amount> {
        let funds = funds_of(p.node)?;
        if let Some(total) = &funds.total {
            let value = self.to_plan_unit(total)?;
            return Some(Amount {
                value,
                file: p.file,
                span: total.span,
            });
        }
        let mut sum = Decimal::ZERO;
        for s in funds.counted_sources() {
            sum = sum.checked_add(self.to_plan_unit(&s.amount)?)?;
        }
        Some(Amount {
            value: sum,
            file: p.file,
            span: funds.span,
        })
    }

    /// Resolves an indicator's path against the plan's profile.
    pub fn resolve(&self, indicator: &ast::Indicator) -> Option<Resolved> {
        self.profile.as_ref()?.resolve(&indicator.path)
    }

    /// The project a summary or reference names: the first project with
    /// that id.
    pub fn project(&self, id: &str) -> Option<In<'a, ast::Project>> {
        self.project_ids
            .get(id)
            .and_then(|&i| self.projects.get(i))
            .copied()
    }

    /// The summaries (分项目标) of a project id, in plan order.
    pub fn summaries_of(&self, id: &str) -> impl Iterator<Item = In<'a, ast::Summary>> + '_ {
        self.summary_ids
            .get(id)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.summaries.get(i).copied())
    }

    /// Every indicator of the plan: the overall part's and each project's,
    /// with the project they belong to (`None` for the overall part).
    pub fn all_indicators(&self) -> Vec<(Option<In<'a, ast::Project>>, In<'a, ast::Indicator>)> {
        self.indicators.clone()
    }

    fn gather_indicators(&self) -> Vec<(Option<In<'a, ast::Project>>, In<'a, ast::Indicator>)> {
        let mut out = Vec::new();
        let overall = if self.overall_checked {
            &self.overall[..]
        } else {
            &[]
        };
        for o in overall.iter().copied() {
            for stmt in &o.node.body {
                if let ast::OverallStmt::Indicator(i) = stmt {
                    out.push((
                        None,
                        In {
                            file: o.file,
                            node: &**i,
                        },
                    ));
                }
            }
        }
        for p in self.projects.iter().copied() {
            for i in indicators_of(p.node) {
                out.push((
                    Some(p),
                    In {
                        file: p.file,
                        node: i,
                    },
                ));
            }
        }
        out
    }
}

fn has_precision(h: &ast::PlanHeader) -> bool {
    h.body
        .iter()
        .any(|s| matches!(s, PlanStmt::Precision { .. }))
}

/// Places of money allowed by default: 6 in 万元 (as filing instructions
/// ask), the same absolute precision in the other units.
fn default_precision(unit: MoneyUnit) -> u32 {
    match unit {
        MoneyUnit::Yuan => 2,
        MoneyUnit::WanYuan => 6,
        MoneyUnit::YiYuan => 10,
    }
}

/// A project's first `资金` statement.
pub fn funds_of(p: &ast::Project) -> Option<&ast::Funds> {
    p.body.iter().find_map(|s| match s {
        ProjectStmt::Funds(f) => Some(&**f),
        _ => None,
    })
}

/// A project's period (`实施期`), when it states one.
pub fn period_of(p: &ast::Project) -> Option<&ast::PeriodStmt> {
    p.body.iter().find_map(|s| match s {
        ProjectStmt::Period(x) => Some(&**x),
        _ => None,
    })
}

/// A project's indicators, in order.
pub fn indicators_of(p: &ast::Project) -> impl Iterator<Item = &ast::Indicator> {
    p.body.iter().filter_map(|s| match s {
        ProjectStmt::Indicator(i) => Some(&**i),
        _ => None,
    })
}

/// A project's schedules (more than one is itself a problem).
pub fn schedules_of(p: &ast::Project) -> impl Iterator<Item = &ast::Schedule> {
    p.body.iter().filter_map(|s| match s {
        ProjectStmt::Schedule(x) => Some(x),
        _ => None,
    })
}
