//! From the checked syntax trees of a plan to the resolved [`Plan`].

use super::*;
use crate::ast::{self, OverallStmt, PlanStmt, ProjectStmt, SummaryStmt, TargetKind};
use crate::sema::profile::Profile;
use crate::sema::{Ctx, In, funds_of, indicators_of, schedules_of};
use crate::syntax::keywords::Kw;
use crate::values::unit::Dimension;
use rayon::prelude::*;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Resolves a plan that has passed the checker. `None` when the plan lacks
/// what every document needs (a header, a known profile); the checker
/// reports those as errors, so `build` never gets there.
pub fn resolve(ctx: &Ctx) -> Option<Plan> {
    let r = Resolver::new(ctx)?;
    // Projects are resolved in parallel, collected in plan order.
    let projects: Vec<Project> = ctx.projects.par_iter().map(|p| r.project(*p)).collect();
    let total = total(projects.iter())?;
    let summaries = projects.iter().map(|p| r.summary(p)).collect();
    Some(r.plan(total, summaries, projects))
}

/// [`resolve`], without the projects: the department-level parts of the
/// plan, computed from each project in turn (they need only a project's
/// outline, see [`ast::Project::cut_to_outline`]). `crate::build` writes
/// the projects after it, a run at a time.
pub fn resolve_frame(ctx: &Ctx) -> Option<Plan> {
    let r = Resolver::new(ctx)?;
    let mut sum = Decimal::ZERO;
    let mut summaries = Vec::with_capacity(ctx.projects.len());
    for p in &ctx.projects {
        let project = r.project(*p);
        sum = sum.checked_add(total(std::iter::once(&project))?)?;
        summaries.push(r.summary(&project));
    }
    Some(r.plan(sum, summaries, Vec::new()))
}

/// Resolves the projects of `ctx` only, in order: for a plan resolved a
/// run of projects at a time (see `crate::build`). `None` as for
/// [`resolve`].
pub fn resolve_projects(ctx: &Ctx) -> Option<Vec<Project>> {
    let r = Resolver::new(ctx)?;
    Some(ctx.projects.iter().map(|p| r.project(*p)).collect())
}

/// The sum of the projects' totals; `None` on overflow.
fn total<'p>(projects: impl Iterator<Item = &'p Project>) -> Option<Decimal> {
    projects
        .filter_map(|p| p.funds.total.parse::<Decimal>().ok())
        .try_fold(Decimal::ZERO, |a, b| a.checked_add(b))
}

struct Resolver<'c, 'a> {
    ctx: &'c Ctx<'a>,
    profile: &'c Profile,
    header: In<'a, ast::PlanHeader>,
    /// The header's budget units by code, the first of each code.
    units: HashMap<&'a str, &'a ast::BudgetUnit>,
}

impl<'c, 'a> Resolver<'c, 'a> {
    fn new(ctx: &'c Ctx<'a>) -> Option<Resolver<'c, 'a>> {
        let header = *ctx.headers.first()?;
        let profile = ctx.profile.as_ref()?;
        let mut units = HashMap::new();
        for stmt in &header.node.body {
            if let PlanStmt::BudgetUnit(u) = stmt {
                units.entry(u.code.value.as_str()).or_insert(u);
            }
        }
        Some(Resolver {
            ctx,
            profile,
            header,
            units,
        })
    }
    fn budget_units(&self) -> Vec<BudgetUnit> {
        self.header
            .node
            .body
            .iter()
            .filter_map(|s| match s {
                PlanStmt::BudgetUnit(u) => Some(BudgetUnit {
                    code: u.code.value.clone(),
                    name: u.name.value.clone(),
                }),
                _ => None,
            })
            .collect()
    }

    fn plan_basis(&self) -> Option<&str> {
        self.header.node.body.iter().find_map(|s| match s {
            PlanStmt::Basis(t) => Some(t.text.value.as_str()),
            _ => None,
        })
    }

    fn overall(&self) -> Vec<OverallItem> {
        let basis = self.plan_basis();
        self.ctx
            .overall
            .iter()
            .flat_map(|o| o.node.body.iter())
            .map(|s| match s {
                OverallStmt::Goal(g) => OverallItem::Goal(g.text.value.clone()),
                OverallStmt::MidtermGoal(g) => OverallItem::MidtermGoal(g.text.value.clone()),
                OverallStmt::Duties(g) => OverallItem::Duties(g.text.value.clone()),
                OverallStmt::Indicator(i) => {
                    OverallItem::Indicator(Box::new(self.indicator(i, basis)))
                }
            })
            .collect()
    }

    /// The plan: its department-level parts, with these figures.
    fn plan(&self, total: Decimal, summaries: Vec<Summary>, projects: Vec<Project>) -> Plan {
        Plan {
            schema_version: SCHEMA_VERSION,
            year: self.header.year.value,
            department: self.header.department.value.clone(),
            draft: self.ctx.draft,
            framework: self.profile.name.clone(),
            money_unit: self.ctx.money.word().to_string(),
            region: self.header.node.body.iter().find_map(|s| match s {
                PlanStmt::Region { code, .. } => Some(code.value.clone()),
                _ => None,
            }),
            budget_units: self.budget_units(),
            total: total.to_string(),
            basic_spending: self.header.node.body.iter().find_map(|s| match s {
                PlanStmt::BasicSpending { amount, .. } => {
                    self.ctx.to_plan_unit(amount).map(|d| d.to_string())
                }
                _ => None,
            }),
            overall: self.overall(),
            summaries,
            measures: self
                .ctx
                .measures
                .iter()
                .map(|m| Measure {
                    title: m.title.value.clone(),
                    text: m.text.value.clone(),
                })
                .collect(),
            projects,
        }
    }

    /// A project's line in the summary table: its own `分项目标` goals when
    /// it has any, else its goals.
    fn summary(&self, p: &Project) -> Summary {
        let own: Vec<&str> = self
            .ctx
            .summaries_of(&p.id)
            .flat_map(|s| s.node.body.iter())
            .filter_map(|s| match s {
                SummaryStmt::Goal(g) => Some(g.text.value.as_str()),
                _ => None,
            })
            .collect();
        let goal = if own.is_empty() {
            p.goals.join("；")
        } else {
            own.join("\n")
        };
        Summary {
            project: p.id.clone(),
            name: p.name.clone(),
            amount: p.funds.total.clone(),
            goal,
        }
    }

    fn project(&self, p: In<'_, ast::Project>) -> Project {
        let node = p.node;
        let mut project = Project {
            id: node.id.name.clone(),
            name: node.name.value.clone(),
            code: None,
            unit: None,
            funds: self.funds(p),
            purpose: None,
            schedule: schedules_of(node)
                .flat_map(|s| s.entries.iter())
                .map(|e| self.checkpoint(e))
                .collect(),
            goals: Vec::new(),
            indicators: Vec::new(),
            category: None,
            supervisor: None,
            implementer: None,
            region: None,
            period: None,
            total_funds: None,
            midterm_goals: Vec::new(),
            cost_items: Vec::new(),
        };
        let mut basis = None;
        for stmt in &node.body {
            match stmt {
                ProjectStmt::Code { code, .. } => project.code = Some(code.value.clone()),
                ProjectStmt::Unit { code, .. } => project.unit = Some(self.unit(&code.value)),
                ProjectStmt::Purpose(t) => project.purpose = Some(t.text.value.clone()),
                ProjectStmt::Goal(t) => project.goals.push(t.text.value.clone()),
                ProjectStmt::MidtermGoal(t) => project.midterm_goals.push(t.text.value.clone()),
                ProjectStmt::Basis(t) => basis = Some(t.text.value.as_str()),
                ProjectStmt::Category(t) => project.category = Some(t.text.value.clone()),
                ProjectStmt::Supervisor(p) => project.supervisor = Some(party(p)),
                ProjectStmt::Implementer(p) => project.implementer = Some(party(p)),
                ProjectStmt::Region { code, .. } => project.region = Some(code.value.clone()),
                ProjectStmt::Period(p) => project.period = Some(period(p)),
                ProjectStmt::TotalFunds(f) => project.total_funds = Some(self.stated_funds(f)),
                ProjectStmt::CostItem(c) => project.cost_items.push(CostItem {
                    name: c.name.value.clone(),
                    amount: self
                        .ctx
                        .to_plan_unit(&c.amount)
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    basis: c.basis.as_ref().map(|b| b.text.value.clone()),
                }),
                ProjectStmt::Funds(_) | ProjectStmt::Schedule(_) | ProjectStmt::Indicator(_) => {}
            }
        }
        let basis = basis.or(self.plan_basis());
        project.indicators = indicators_of(node)
            .map(|i| self.indicator(i, basis))
            .collect();
        project
    }

    fn unit(&self, code: &str) -> BudgetUnit {
        match self.units.get(code) {
            Some(u) => BudgetUnit {
                code: u.code.value.clone(),
                name: u.name.value.clone(),
            },
            None => BudgetUnit {
                code: code.to_string(),
                name: String::new(),
            },
        }
    }

    fn funds(&self, p: In<'_, ast::Project>) -> Funds {
        let total = self
            .ctx
            .project_total(p)
            .map(|a| a.value.to_string())
            .unwrap_or_default();
        let sources = funds_of(p.node)
            .map(|f| f.sources.iter().map(|s| self.source(s)).collect())
            .unwrap_or_default();
        Funds { total, sources }
    }

    /// Funds as a statement gives them: its total, else the sum of its
    /// sources, in the plan's unit.
    fn stated_funds(&self, f: &ast::Funds) -> Funds {
        let total = match &f.total {
            Some(q) => self.ctx.to_plan_unit(q),
            None => f.counted_sources().try_fold(Decimal::ZERO, |sum, s| {
                sum.checked_add(self.ctx.to_plan_unit(&s.amount)?)
            }),
        };
        Funds {
            total: total.map(|d| d.to_string()).unwrap_or_default(),
            sources: f.sources.iter().map(|s| self.source(s)).collect(),
        }
    }

    fn source(&self, s: &ast::FundSource) -> FundSource {
        let (kind, name) = match &s.kind {
            ast::SourceKind::Fiscal(_) => (SourceKind::Fiscal, "财政资金".to_string()),
            ast::SourceKind::Local(_) => (SourceKind::Local, "本级财政资金".to_string()),
            ast::SourceKind::Upper(_) => (SourceKind::Upper, "上级财政资金".to_string()),
            ast::SourceKind::SelfRaised(_) => (SourceKind::SelfRaised, "自筹资金".to_string()),
            ast::SourceKind::Other(_) => (SourceKind::Other, "其他资金".to_string()),
            ast::SourceKind::Named(t) => (SourceKind::Named, t.value.clone()),
        };
        let amount = self
            .ctx
            .to_plan_unit(&s.amount)
            .map(|d| d.to_string())
            .unwrap_or_default();
        FundSource { kind, name, amount }
    }

    fn checkpoint(&self, e: &ast::ScheduleEntry) -> Checkpoint {
        let is_percent = e
            .value
            .unit
            .as_ref()
            .is_some_and(|u| u.kind.dimension == Dimension::Percent);
        Checkpoint {
            label: e.at.written.clone(),
            month: e.at.date.month,
            day: e.at.date.day,
            share: is_percent.then(|| e.value.number.value.to_string()),
            amount: (!is_percent)
                .then(|| self.ctx.to_plan_unit(&e.value).map(|d| d.to_string()))
                .flatten(),
        }
    }

    fn indicator(&self, i: &ast::Indicator, default_basis: Option<&str>) -> Indicator {
        let (level1, level2) = self.levels(i);
        Indicator {
            level1,
            level2,
            name: i.name.value.clone(),
            description: i.description().map(|t| t.value.clone()),
            target: target(&i.target.kind),
            value_text: value_text(&i.target.kind),
            basis: i
                .basis()
                .map(|t| t.value.clone())
                .or(default_basis.map(str::to_string)),
            weight: i.weight().map(|w| w.value.to_string()),
            midterm: i.midterm.is_some(),
            value_type: i.value_kind().map(|k| value_type(k.kw)),
            measure_unit: i.measure_unit().map(|u| u.written.clone()),
            scoring: i.text_attr(Kw::Scoring).map(|t| t.value.clone()),
            note: i.text_attr(Kw::Note).map(|t| t.value.clone()),
            remark: i.text_attr(Kw::Remark).map(|t| t.value.clone()),
        }
    }

    fn levels(&self, i: &ast::Indicator) -> (Level, Level) {
        let written = |n: usize| {
            i.path
                .segments
                .get(n)
                .map(|s| s.name.clone())
                .unwrap_or_default()
        };
        let Some(r) = self.profile.resolve(&i.path) else {
            let l = |n| Level {
                id: written(n),
                name: written(n),
            };
            return (l(0), l(1));
        };
        let l1 = &self.profile.levels[r.level1];
        let l2 = &l1.children[r.level2];
        (
            Level {
                id: l1.id.clone(),
                name: l1.name.clone(),
            },
            Level {
                id: l2.id.clone(),
                name: l2.name.clone(),
            },
        )
    }
}

/// A unit as reviewers write it: full-width `％` becomes `%`.
fn unit_text(u: &ast::Unit) -> String {
    u.written.replace('％', "%")
}

fn quantity_text(q: &ast::Quantity) -> String {
    format!(
        "{}{}",
        q.number.written,
        q.unit.as_ref().map(unit_text).unwrap_or_default()
    )
}

fn quantitative(comparator: Option<Comparator>, q: &ast::Quantity) -> Target {
    Target::Quantitative {
        comparator,
        value: q.number.value.to_string(),
        unit: q.unit.as_ref().map(unit_text),
        dimension: q.unit.as_ref().map(|u| u.kind.dimension),
    }
}

fn target(kind: &TargetKind) -> Target {
    match kind {
        TargetKind::Compare {
            comparator,
            value: ast::Operand::Quantity(q),
        } => quantitative(Some(comparator.op), q),
        TargetKind::Compare {
            comparator,
            value: ast::Operand::Date(d),
        } => Target::Deadline {
            comparator: comparator.op,
            date: d.written.clone(),
        },
        TargetKind::Bare(q) => quantitative(None, q),
        TargetKind::Qualitative { text, .. } => Target::Qualitative {
            text: text.value.clone(),
        },
        TargetKind::Grade { grade, .. } => Target::Grade {
            grade: grade.value.clone(),
        },
        // Never resolved: a plan with a broken target has an error, and a
        // plan with errors is not built.
        TargetKind::NotApplicable(_) | TargetKind::Broken => Target::NotApplicable,
    }
}

/// 指标值 as reviewers write it: comparator, number and unit together.
pub fn value_text(kind: &TargetKind) -> String {
    match kind {
        TargetKind::Compare {
            comparator,
            value: ast::Operand::Quantity(q),
        } => {
            format!("{}{}", comparator.op.symbol(), quantity_text(q))
        }
        TargetKind::Compare {
            comparator,
            value: ast::Operand::Date(d),
        } => {
            format!("{}{}", comparator.op.symbol(), d.written)
        }
        TargetKind::Bare(q) => quantity_text(q),
        TargetKind::Qualitative { text, .. } => text.value.clone(),
        TargetKind::Grade { grade, .. } => grade.value.clone(),
        TargetKind::NotApplicable(_) => "不适用".to_string(),
        TargetKind::Broken => String::new(),
    }
}

fn party(p: &ast::Party) -> Party {
    Party {
        code: p.code.as_ref().map(|c| c.value.clone()),
        name: p.name.value.clone(),
    }
}

fn period(p: &ast::PeriodStmt) -> Period {
    let end = |ym: crate::values::period::YearMonth| match ym.month {
        Some(m) => format!("{:04}-{:02}", ym.year, m),
        None => format!("{:04}", ym.year),
    };
    Period {
        start: end(p.period.start),
        end: end(p.period.end),
        written: p.written.clone(),
    }
}

/// 定量, 定性 or 不适用, whatever language the plan wrote it in.
fn value_type(kw: Kw) -> ValueType {
    match kw {
        Kw::Quantitative => ValueType::Quantitative,
        Kw::Qualitative => ValueType::Qualitative,
        _ => ValueType::NotApplicable,
    }
}
