//! E0607: a statement that may appear once is written twice in a block.

use crate::ast::{IndicatorAttr, Keyword, PlanStmt, ProjectStmt, SummaryStmt};
use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::source::FileId;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0607", Error, "duplicate_statement"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for h in &ctx.headers {
        report_repeats(h.file, h.body.iter().filter_map(plan_keyword), out);
    }
    for s in &ctx.summaries {
        report_repeats(s.file, s.body.iter().filter_map(summary_keyword), out);
    }
    for p in &ctx.projects {
        report_repeats(p.file, p.body.iter().filter_map(project_keyword), out);
    }
    for (_, i) in ctx.all_indicators() {
        report_repeats(i.file, i.attrs.iter().map(attr_keyword), out);
    }
}

/// Reports every keyword that repeats one seen earlier in the block.
fn report_repeats<'a>(
    file: FileId,
    keywords: impl Iterator<Item = &'a Keyword>,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: Vec<&Keyword> = Vec::new();
    for k in keywords {
        if let Some(first) = seen.iter().find(|s| s.kw == k.kw) {
            let word = k.kw.spelling(k.lang);
            out.push(
                RULE.diagnostic(msg!("`{}` 写了两次", "`{}` is given twice", word))
                    .primary(file, k.span, msg!("再次出现", "given again here"))
                    .secondary(file, first.span, msg!("第一次在这里", "first given here"))
                    .help(msg!("只保留一行 `{}`", "keep one `{}` line", word)),
            );
        } else {
            seen.push(k);
        }
    }
}

fn plan_keyword(s: &PlanStmt) -> Option<&Keyword> {
    match s {
        PlanStmt::Framework { keyword, .. }
        | PlanStmt::Money { keyword, .. }
        | PlanStmt::Grades { keyword, .. }
        | PlanStmt::Precision { keyword, .. }
        | PlanStmt::Region { keyword, .. }
        | PlanStmt::BasicSpending { keyword, .. }
        | PlanStmt::Switch { keyword, .. } => Some(keyword),
        PlanStmt::Basis(t) => Some(&t.keyword),
        PlanStmt::Funds(f) => Some(&f.keyword),
        PlanStmt::BudgetUnit(_) | PlanStmt::Lint { .. } => None,
    }
}

fn summary_keyword(s: &SummaryStmt) -> Option<&Keyword> {
    match s {
        SummaryStmt::Name(t) => Some(&t.keyword),
        SummaryStmt::Funds(f) => Some(&f.keyword),
        SummaryStmt::Goal(_) => None,
    }
}

fn project_keyword(s: &ProjectStmt) -> Option<&Keyword> {
    match s {
        ProjectStmt::Code { keyword, .. }
        | ProjectStmt::Unit { keyword, .. }
        | ProjectStmt::Region { keyword, .. } => Some(keyword),
        ProjectStmt::Funds(f) | ProjectStmt::TotalFunds(f) => Some(&f.keyword),
        ProjectStmt::Schedule(s) => Some(&s.keyword),
        ProjectStmt::Purpose(t) | ProjectStmt::Basis(t) | ProjectStmt::Category(t) => {
            Some(&t.keyword)
        }
        ProjectStmt::Supervisor(p) | ProjectStmt::Implementer(p) => Some(&p.keyword),
        ProjectStmt::Period(p) => Some(&p.keyword),
        ProjectStmt::Goal(_)
        | ProjectStmt::MidtermGoal(_)
        | ProjectStmt::Indicator(_)
        | ProjectStmt::CostItem(_) => None,
    }
}

fn attr_keyword(a: &IndicatorAttr) -> &Keyword {
    match a {
        IndicatorAttr::Desc(t) | IndicatorAttr::Basis(t) | IndicatorAttr::Text(t) => &t.keyword,
        IndicatorAttr::Weight { keyword, .. }
        | IndicatorAttr::Kind { keyword, .. }
        | IndicatorAttr::MeasureUnit { keyword, .. } => keyword,
    }
}
