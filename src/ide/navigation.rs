//! Go to definition and find references: project ids (`项目 信息化`,
//! `分项目标 信息化`) and budget unit codes (`预算单位 222002` in the
//! header, where the unit is declared, and in each project).

use super::Doc;
use crate::ast::{File, Item, PlanStmt, ProjectStmt};
use crate::source::Span;

/// What a token of the document names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Name<'a> {
    /// A project, by id.
    Project(&'a str),
    /// A budget unit, by code.
    Unit(&'a str),
}

/// A place that names a project or a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Occurrence<'a> {
    pub name: Name<'a>,
    pub span: Span,
    /// Whether this is where the name is defined: the project's own
    /// `项目 ID`, the header's `预算单位 CODE "…"`.
    pub definition: bool,
}

/// Every place in the tree that names a project or a budget unit, in
/// document order.
pub(super) fn occurrences(file: &File) -> Vec<Occurrence<'_>> {
    let mut out = Vec::new();
    for item in &file.items {
        match item {
            Item::Plan(header) => {
                for stmt in &header.body {
                    if let PlanStmt::BudgetUnit(unit) = stmt {
                        out.push(Occurrence {
                            name: Name::Unit(&unit.code.value),
                            span: unit.code.span,
                            definition: true,
                        });
                    }
                }
            }
            Item::Summary(summary) => out.push(Occurrence {
                name: Name::Project(&summary.project.name),
                span: summary.project.span,
                definition: false,
            }),
            Item::Project(project) => {
                out.push(Occurrence {
                    name: Name::Project(&project.id.name),
                    span: project.id.span,
                    definition: true,
                });
                for stmt in &project.body {
                    if let ProjectStmt::Unit { code, .. } = stmt {
                        out.push(Occurrence {
                            name: Name::Unit(&code.value),
                            span: code.span,
                            definition: false,
                        });
                    }
                }
            }
            Item::Overall(_) | Item::Measure(_) | Item::Profile(_) => {}
        }
    }
    out
}

/// The occurrence under `offset` (its end included, where an editor's
/// cursor stands after typing the name).
pub(super) fn occurrence_at(file: &File, offset: usize) -> Option<Occurrence<'_>> {
    occurrences(file)
        .into_iter()
        .find(|o| contains(o.span, offset))
}

/// Whether `offset` is in `span` or at its end.
pub(super) fn contains(span: Span, offset: usize) -> bool {
    span.start as usize <= offset && offset <= span.end as usize
}

/// Where the name under the offset is defined.
pub(super) fn definition(doc: &Doc) -> Vec<Span> {
    let Some(at) = occurrence_at(doc.tree, doc.offset) else {
        return Vec::new();
    };
    occurrences(doc.tree)
        .into_iter()
        .filter(|o| o.definition && o.name == at.name)
        .map(|o| o.span)
        .collect()
}

/// Every place naming what is under the offset, definitions included
/// when `with_definition`.
pub(super) fn references(doc: &Doc, with_definition: bool) -> Vec<Span> {
    let Some(at) = occurrence_at(doc.tree, doc.offset) else {
        return Vec::new();
    };
    occurrences(doc.tree)
        .into_iter()
        .filter(|o| o.name == at.name && (with_definition || !o.definition))
        .map(|o| o.span)
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::Options;
    use crate::ide::Analysis;

    const PLAN: &str = "计划 2022 \"纪检会\" {\n  预算单位 222002 \"纪委\"\n}\n\n分项目标 信息化 {\n  目标 \"建好平台\"\n}\n\n项目 信息化 \"信息化建设\" {\n  预算单位 222002\n  资金 10\n}\n\n项目 办案 \"办案经费\" {\n  预算单位 222002\n}\n";

    fn at(text: &str, needle: &str, nth: usize) -> usize {
        text.match_indices(needle).nth(nth).map_or(0, |(i, _)| i)
    }

    fn texts(a: &Analysis, spans: &[crate::source::Span]) -> Vec<String> {
        let file = a.sources().get(a.file());
        spans
            .iter()
            .map(|s| format!("{}@{}", file.map_or("", |f| f.slice(*s)), s.start))
            .collect()
    }

    #[test]
    fn a_summary_leads_to_its_project() {
        let a = Analysis::new("a.plan", PLAN, &Options::default());
        let summary = at(PLAN, "信息化", 0) + 3;
        let project = at(PLAN, "信息化", 1);
        let defs = a.definition(summary);
        assert_eq!(texts(&a, &defs), [format!("信息化@{project}")]);
        // From the definition itself too.
        assert_eq!(a.definition(project), defs);
        let refs = a.references(project, true);
        assert_eq!(refs.len(), 2);
        let refs = a.references(project, false);
        assert_eq!(
            texts(&a, &refs),
            [format!("信息化@{}", at(PLAN, "信息化", 0))]
        );
    }

    #[test]
    fn a_unit_code_leads_to_the_header() {
        let a = Analysis::new("a.plan", PLAN, &Options::default());
        let in_project = at(PLAN, "222002", 2);
        let header = at(PLAN, "222002", 0);
        assert_eq!(
            texts(&a, &a.definition(in_project)),
            [format!("222002@{header}")]
        );
        assert_eq!(a.references(in_project, true).len(), 3);
        assert_eq!(a.references(header, false).len(), 2);
    }

    #[test]
    fn nothing_elsewhere() {
        let a = Analysis::new("a.plan", PLAN, &Options::default());
        assert!(a.definition(0).is_empty());
        assert!(a.references(PLAN.len(), true).is_empty());
        assert!(a.definition(usize::MAX).is_empty());
    }

    #[test]
    fn an_unknown_project_has_no_definition_but_its_references() {
        let text = "分项目标 无此项目 {\n}\n分项目标 无此项目 {\n";
        let a = Analysis::new("a.plan", text, &Options::default());
        let offset = at(text, "无此项目", 0);
        assert!(a.definition(offset).is_empty());
        assert_eq!(a.references(offset, true).len(), 2);
    }
}
