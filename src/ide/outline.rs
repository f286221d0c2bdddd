//! The outline of a document (its items, and the indicators of the overall
//! part and of each project) and its folding ranges (blocks, multi-line
//! texts, runs of comment lines).

use super::hover::money;
use super::{Doc, Fold, Symbol, SymbolKind};
use crate::ast::{self, Item, OverallStmt, PlanStmt};
use crate::diagnostic::Lang;
use crate::sema::{In, indicators_of};
use crate::source::FileId;
use crate::syntax::layout;

/// One entry per item, in document order.
pub(super) fn symbols(doc: &Doc, lang: Lang) -> Vec<Symbol> {
    doc.tree
        .items
        .iter()
        .map(|item| item_symbol(doc, item, lang))
        .collect()
}

fn item_symbol(doc: &Doc, item: &Item, lang: Lang) -> Symbol {
    match item {
        Item::Plan(h) => plan_symbol(h, lang),
        Item::Overall(o) => overall_symbol(doc, o, lang),
        Item::Summary(s) => Symbol {
            name: format!("{} {}", pick(lang, "分项目标", "summary"), s.project.name),
            detail: doc
                .ctx
                .project(&s.project.name)
                .map(|p| p.name.value.clone()),
            kind: SymbolKind::Summary,
            span: s.span,
            selection: s.project.span,
            children: Vec::new(),
        },
        Item::Measure(m) => Symbol {
            name: m.title.value.clone(),
            detail: Some(pick(lang, "保障措施", "measure").to_string()),
            kind: SymbolKind::Measure,
            span: m.span,
            selection: m.title.span,
            children: Vec::new(),
        },
        Item::Project(p) => project_symbol(doc, p),
        Item::Profile(p) => Symbol {
            name: p.name.name.clone(),
            detail: Some(pick(lang, "框架定义", "profile").to_string()),
            kind: SymbolKind::Profile,
            span: p.span,
            selection: p.name.span,
            children: Vec::new(),
        },
    }
}

/// `纪检会 2022`, with the framework and money unit as detail.
fn plan_symbol(h: &ast::PlanHeader, lang: Lang) -> Symbol {
    let mut detail = Vec::new();
    for stmt in &h.body {
        match stmt {
            PlanStmt::Framework { name, .. } => detail.push(format!(
                "{} {}",
                pick(lang, "框架", "framework"),
                name.value
            )),
            PlanStmt::Money { unit, .. } => detail.push(format!(
                "{} {}",
                pick(lang, "金额单位", "money"),
                unit.written
            )),
            _ => {}
        }
    }
    Symbol {
        name: format!("{} {}", h.department.value, h.year.value),
        detail: (!detail.is_empty()).then(|| detail.join(pick(lang, "，", ", "))),
        kind: SymbolKind::Plan,
        span: h.span,
        selection: h.department.span,
        children: Vec::new(),
    }
}

fn overall_symbol(doc: &Doc, o: &ast::Overall, lang: Lang) -> Symbol {
    let children = o
        .body
        .iter()
        .filter_map(|s| match s {
            OverallStmt::Indicator(i) => Some(indicator_symbol(doc, i)),
            _ => None,
        })
        .collect();
    Symbol {
        name: pick(lang, "总体目标", "overall").to_string(),
        detail: None,
        kind: SymbolKind::Overall,
        span: o.span,
        selection: o.keyword.span,
        children,
    }
}

/// `信息化 纪检监察信息化建设工作经费`, its funds as detail, its indicators
/// as children.
fn project_symbol(doc: &Doc, p: &ast::Project) -> Symbol {
    let total = doc.ctx.project_total(In {
        file: FileId(0),
        node: p,
    });
    Symbol {
        name: format!("{} {}", p.id.name, p.name.value),
        detail: total.map(|t| format!("{} {}", money(&t.value.to_string()), doc.ctx.money.word())),
        kind: SymbolKind::Project,
        span: p.span,
        selection: p.id.span,
        children: indicators_of(p).map(|i| indicator_symbol(doc, i)).collect(),
    }
}

/// An indicator by its name, with its path and target as detail.
fn indicator_symbol(doc: &Doc, i: &ast::Indicator) -> Symbol {
    let target = doc
        .slice(i.target.span)
        .split_whitespace()
        .collect::<Vec<_>>();
    let mut detail = i.path.written();
    if !target.is_empty() {
        detail.push(' ');
        detail.push_str(&target.join(" "));
    }
    Symbol {
        name: i.name.value.clone(),
        detail: Some(detail),
        kind: SymbolKind::Indicator,
        span: i.span,
        selection: i.name.span,
        children: Vec::new(),
    }
}

/// One of two words by language.
fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

// ---------------------------------------------------------------- folding

/// The folds of the document, by first line: every `{ … }` block and
/// `"""` text over two lines or more, and every run of two or more comment
/// lines. Read from the layout, not the tree, so that a broken line
/// folds as well as a parsed one.
pub(super) fn folding(doc: &Doc) -> Vec<Fold> {
    let mut folds = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for line in layout::lines(FileId(0), doc.text, 0..doc.text.len()).quiet() {
        let content = doc.slice(line.content);
        let first = doc.line_of(line.span.start as usize);
        let last = doc.line_of(line.span.end as usize);
        if layout::closes_block(content) {
            if let Some(start) = open.pop() {
                push_fold(&mut folds, start, first, false);
            }
        } else if layout::opens_block(content) {
            open.push(first);
        } else {
            // A logical line over several lines holds a `"""` text.
            push_fold(&mut folds, first, last, false);
        }
    }
    comment_folds(doc, &mut folds);
    folds.sort_by_key(|f| (f.start_line, f.end_line));
    folds
}

fn push_fold(folds: &mut Vec<Fold>, start_line: usize, end_line: usize, comment: bool) {
    if end_line > start_line {
        folds.push(Fold {
            start_line,
            end_line,
            comment,
        });
    }
}

/// Runs of comments on lines of their own, one after the other.
fn comment_folds(doc: &Doc, folds: &mut Vec<Fold>) {
    let mut run: Option<(usize, usize)> = None;
    for comment in doc.tree.comments.iter().filter(|c| c.own_line) {
        let line = doc.line_of(comment.span.start as usize);
        run = match run {
            Some((start, end)) if line == end + 1 => Some((start, line)),
            Some((start, end)) => {
                push_fold(folds, start, end, true);
                Some((line, line))
            }
            None => Some((line, line)),
        };
    }
    if let Some((start, end)) = run {
        push_fold(folds, start, end, true);
    }
}

#[cfg(test)]
mod tests {
    use crate::check::Options;
    use crate::diagnostic::Lang;
    use crate::ide::{Analysis, Fold, SymbolKind};

    fn folds(text: &str) -> Vec<(usize, usize, bool)> {
        Analysis::new("a.plan", text, &Options::default())
            .folding()
            .iter()
            .map(|f: &Fold| (f.start_line, f.end_line, f.comment))
            .collect()
    }

    #[test]
    fn blocks_texts_and_comment_runs_fold() {
        let text = "# one\n# two\n计划 2022 \"x\" {\n  框架 classic\n}\n\n# alone\n保障措施 \"组织保障\" \"\"\"\n  第一段\n  第二段\n\"\"\"\n项目 p \"n\" {}\n";
        assert_eq!(folds(text), [(0, 1, true), (2, 4, false), (7, 10, false)]);
    }

    #[test]
    fn an_open_block_and_a_stray_brace_do_not_fold() {
        assert_eq!(folds("}\n项目 p \"n\" {\n  编码 1\n"), []);
        assert_eq!(folds(""), []);
    }

    #[test]
    fn the_outline_names_each_item() {
        let text = "计划 2022 \"纪检会\" {\n  框架 classic\n}\n总体目标 {\n  产出.数量 \"a\" = 1个\n}\n分项目标 p {\n}\n保障措施 \"组织保障\" \"x\"\n项目 p \"名称\" {\n  资金 50.00\n  产出.数量 \"b\" ≥ 2个\n}\n";
        let a = Analysis::new("a.plan", text, &Options::default());
        let symbols = a.symbols(Lang::Zh);
        let names: Vec<(&str, SymbolKind)> =
            symbols.iter().map(|s| (s.name.as_str(), s.kind)).collect();
        assert_eq!(
            names,
            [
                ("纪检会 2022", SymbolKind::Plan),
                ("总体目标", SymbolKind::Overall),
                ("分项目标 p", SymbolKind::Summary),
                ("组织保障", SymbolKind::Measure),
                ("p 名称", SymbolKind::Project),
            ]
        );
        let project = &symbols[4];
        assert_eq!(project.detail.as_deref(), Some("50.00 万元"));
        assert_eq!(project.children.len(), 1);
        assert_eq!(
            project.children[0].detail.as_deref(),
            Some("产出.数量 ≥ 2个")
        );
        assert_eq!(symbols[1].children.len(), 1);
        for s in &symbols {
            assert!(s.span.start <= s.selection.start && s.selection.end <= s.span.end);
        }
    }
}
