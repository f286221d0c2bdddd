//! What the formatter walks besides statements: the keywords of a file
//! (for its dominant language) and its comments, handed out in source
//! order as the printer reaches their positions.

use crate::ast::{
    self, Comment, Item, Keyword, OverallStmt, PlanStmt, ProfileStmt, ProjectStmt, SummaryStmt,
};
use crate::source::Span;

/// Every keyword of a file, in no particular order.
pub fn keywords(file: &ast::File) -> Vec<Keyword> {
    let mut out = Vec::new();
    for item in &file.items {
        match item {
            Item::Plan(h) => {
                out.push(h.keyword);
                out.extend(h.body.iter().filter_map(plan_keyword));
            }
            Item::Overall(o) => {
                out.push(o.keyword);
                out.extend(o.body.iter().filter_map(|s| match s {
                    OverallStmt::Goal(g) | OverallStmt::MidtermGoal(g) | OverallStmt::Duties(g) => {
                        Some(g.keyword)
                    }
                    OverallStmt::Indicator(i) => i.midterm,
                }));
            }
            Item::Summary(s) => {
                out.push(s.keyword);
                out.extend(s.body.iter().map(|s| match s {
                    SummaryStmt::Name(t) | SummaryStmt::Goal(t) => t.keyword,
                    SummaryStmt::Funds(f) => f.keyword,
                }));
            }
            Item::Measure(m) => out.push(m.keyword),
            Item::Project(p) => {
                out.push(p.keyword);
                out.extend(p.body.iter().filter_map(project_keyword));
            }
            Item::Profile(d) => {
                out.push(d.keyword);
                out.extend(d.body.iter().map(|s| match s {
                    ProfileStmt::Level1 { keyword, .. }
                    | ProfileStmt::Level2 { keyword, .. }
                    | ProfileStmt::Required { keyword, .. } => *keyword,
                }));
            }
        }
    }
    out
}

fn plan_keyword(s: &PlanStmt) -> Option<Keyword> {
    Some(match s {
        PlanStmt::Framework { keyword, .. }
        | PlanStmt::Money { keyword, .. }
        | PlanStmt::Grades { keyword, .. }
        | PlanStmt::Precision { keyword, .. }
        | PlanStmt::Lint { keyword, .. }
        | PlanStmt::Region { keyword, .. }
        | PlanStmt::BasicSpending { keyword, .. }
        | PlanStmt::Switch { keyword, .. } => *keyword,
        PlanStmt::BudgetUnit(u) => u.keyword,
        PlanStmt::Basis(t) => t.keyword,
        PlanStmt::Funds(f) => f.keyword,
    })
}

fn project_keyword(s: &ProjectStmt) -> Option<Keyword> {
    Some(match s {
        ProjectStmt::Code { keyword, .. }
        | ProjectStmt::Unit { keyword, .. }
        | ProjectStmt::Region { keyword, .. } => *keyword,
        ProjectStmt::Funds(f) | ProjectStmt::TotalFunds(f) => f.keyword,
        ProjectStmt::Schedule(s) => s.keyword,
        ProjectStmt::Purpose(t)
        | ProjectStmt::Goal(t)
        | ProjectStmt::Basis(t)
        | ProjectStmt::Category(t)
        | ProjectStmt::MidtermGoal(t) => t.keyword,
        ProjectStmt::Supervisor(p) | ProjectStmt::Implementer(p) => p.keyword,
        ProjectStmt::Period(p) => p.keyword,
        ProjectStmt::CostItem(c) => c.keyword,
        ProjectStmt::Indicator(i) => return i.midterm,
    })
}

/// The comments of a file, taken in source order.
pub struct CommentQueue<'a> {
    text: &'a str,
    comments: &'a [Comment],
    next: usize,
}

impl<'a> CommentQueue<'a> {
    pub fn new(text: &'a str, comments: &'a [Comment]) -> CommentQueue<'a> {
        CommentQueue {
            text,
            comments,
            next: 0,
        }
    }

    /// The next comment if it starts before `offset` (a comment the printer
    /// passed without placing is printed on its own line: never lost).
    pub fn own_line_before(&mut self, offset: usize) -> Option<(&'a str, Span)> {
        let c = self.comments.get(self.next)?;
        if (c.span.start as usize) < offset {
            self.next += 1;
            return Some((self.text_of(c.span), c.span));
        }
        None
    }

    /// The next comment if it trails a statement that ends at `end`: after
    /// it, on the same line.
    pub fn trailing_after(&mut self, end: usize) -> Option<(&'a str, Span)> {
        let c = self.comments.get(self.next)?;
        let start = c.span.start as usize;
        let between = self.text.get(end.min(start)..start).unwrap_or("\n");
        if !c.own_line && start >= end && !between.contains('\n') {
            self.next += 1;
            return Some((self.text_of(c.span), c.span));
        }
        None
    }

    /// Every comment not yet taken.
    pub fn rest(&mut self) -> Vec<(&'a str, Span)> {
        let rest = self.comments.get(self.next..).unwrap_or(&[]);
        self.next = self.comments.len();
        rest.iter()
            .map(|c| (self.text_of(c.span), c.span))
            .collect()
    }

    fn text_of(&self, span: Span) -> &'a str {
        self.text.get(span.range()).unwrap_or("#").trim_end()
    }
}
