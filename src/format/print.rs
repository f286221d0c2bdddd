//! The printer: statements back to text, in the canonical layout.

use super::comments::CommentQueue;
use crate::ast::*;
use crate::diagnostic::Lang;
use crate::sema::profile::Profile;
use crate::source::Span;
use crate::syntax::keywords::Kw;
use unicode_width::UnicodeWidthStr;

const INDENT: &str = "  ";

pub struct Printer<'a> {
    text: &'a str,
    file: &'a File,
    lang: Lang,
    profile: Option<&'a Profile>,
    comments: CommentQueue<'a>,
    out: String,
    /// The source offset just past what was printed last.
    last_end: usize,
    /// True right after a block's first line: no blank line goes there.
    block_start: bool,
}

/// One statement of a block, ready to print: its text (indicators as
/// columns, to be aligned) and its source span.
enum Line {
    Text(String),
    Columns([String; 3]),
}

impl<'a> Printer<'a> {
    pub fn new(
        text: &'a str,
        file: &'a File,
        lang: Lang,
        profile: Option<&'a Profile>,
    ) -> Printer<'a> {
        Printer {
            text,
            file,
            lang,
            profile,
            comments: CommentQueue::new(text, &file.comments),
            out: String::new(),
            last_end: 0,
            block_start: true,
        }
    }

    pub fn print(mut self) -> String {
        for item in &self.file.items {
            if !self.out.is_empty() && !self.out.ends_with("\n\n") {
                self.out.push('\n');
            }
            self.item(item);
        }
        for (comment, span) in self.comments.rest() {
            self.blank_line_if_gap(span.start as usize);
            self.out.push_str(comment);
            self.out.push('\n');
            self.last_end = span.end as usize;
        }
        self.out
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Plan(h) => {
                let head = format!(
                    "{} {} {} {{",
                    self.kw(Kw::Plan),
                    h.year.value,
                    self.quoted(&h.department)
                );
                let lines = h
                    .body
                    .iter()
                    .map(|s| (self.plan_stmt(s), plan_span(s)))
                    .collect();
                self.block(head, h.span, lines);
            }
            Item::Overall(o) => {
                let head = format!("{} {{", self.kw(Kw::Overall));
                let lines = o.body.iter().map(|s| self.overall_stmt(s)).collect();
                self.block(head, o.span, lines);
            }
            Item::Summary(s) => {
                let head = format!("{} {} {{", self.kw(Kw::Summary), s.project.name);
                let lines = s.body.iter().map(|x| self.summary_stmt(x)).collect();
                self.block(head, s.span, lines);
            }
            Item::Measure(m) => {
                let line = format!(
                    "{} {} {}",
                    self.kw(Kw::Measure),
                    self.quoted(&m.title),
                    self.text_value(&m.text, 0)
                );
                self.line(0, &line, m.span);
            }
            Item::Project(p) => {
                let head = format!(
                    "{} {} {} {{",
                    self.kw(Kw::Project),
                    p.id.name,
                    self.quoted(&p.name)
                );
                let lines = p.body.iter().map(|s| self.project_stmt(s)).collect();
                self.block(head, p.span, lines);
            }
            Item::Profile(d) => {
                let head = format!("{} {} {{", self.kw(Kw::Profile), d.name.name);
                let lines = d.body.iter().map(|s| self.profile_stmt(s)).collect();
                self.block(head, d.span, lines);
            }
        }
    }

    /// A block: its first line, its statements (indicator rows aligned by
    /// runs), its comments, and the closing `}`.
    fn block(&mut self, head: String, span: Span, lines: Vec<(Line, Span)>) {
        let head_end = self
            .text
            .get(span.range())
            .and_then(|t| t.find('{'))
            .map_or(span.start as usize, |i| span.start as usize + i + 1);
        self.line(0, &head, Span::new(span.start as usize, head_end));
        self.block_start = true;
        let widths = column_widths(self.text, &lines);
        for ((line, stmt_span), width) in lines.iter().zip(widths) {
            let text = match line {
                Line::Text(t) => t.clone(),
                Line::Columns([a, b, c]) => format!("{}{}{}", pad(a, width.0), pad(b, width.1), c),
            };
            self.line(1, &text, *stmt_span);
        }
        let end = span.end as usize;
        self.comments_before(end.saturating_sub(1), 1);
        self.block_start = false;
        self.line(0, "}", Span::new(end.saturating_sub(1), end));
    }

    /// Prints one line at `depth`, with the comments before it and the
    /// comment trailing it.
    fn line(&mut self, depth: usize, text: &str, span: Span) {
        self.comments_before(span.start as usize, depth);
        if !self.block_start || depth == 0 {
            self.blank_line_if_gap(span.start as usize);
        }
        self.block_start = false;
        push_indented(&mut self.out, depth, text);
        self.last_end = self.last_end.max(span.end as usize);
        if let Some((comment, c)) = self.comments.trailing_after(span.end as usize) {
            self.out.push_str("  ");
            self.out.push_str(comment);
            self.last_end = c.end as usize;
        }
        self.out.push('\n');
    }

    fn comments_before(&mut self, offset: usize, depth: usize) {
        while let Some((comment, span)) = self.comments.own_line_before(offset) {
            if !self.block_start {
                self.blank_line_if_gap(span.start as usize);
            }
            self.block_start = false;
            push_indented(&mut self.out, depth, comment);
            self.out.push('\n');
            self.last_end = span.end as usize;
        }
    }

    /// Keeps one blank line where the source had at least one.
    fn blank_line_if_gap(&mut self, next: usize) {
        let gap = self.text.get(self.last_end.min(next)..next).unwrap_or("");
        if has_blank_line(gap) && !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    // ------------------------------------------------------------ statements

    fn plan_stmt(&self, s: &PlanStmt) -> Line {
        Line::Text(match s {
            PlanStmt::Framework { name, .. } => {
                format!("{} {}", self.kw(Kw::Framework), code(&name.value))
            }
            PlanStmt::Money { unit, .. } => format!("{} {}", self.kw(Kw::Money), unit_text(unit)),
            PlanStmt::BudgetUnit(u) => format!(
                "{} {} {}",
                self.kw(Kw::Unit),
                code(&u.code.value),
                self.quoted(&u.name)
            ),
            PlanStmt::Basis(t) => self.text_stmt(Kw::Basis, t),
            PlanStmt::Grades { grades, .. } => {
                let words: Vec<String> = grades.iter().map(|g| word_or_quoted(&g.value)).collect();
                format!("{} {}", self.kw(Kw::Grades), words.join(" "))
            }
            PlanStmt::Precision { places, .. } => {
                format!("{} {}", self.kw(Kw::Precision), places.written)
            }
            PlanStmt::Lint { keyword, codes, .. } => {
                let list: Vec<&str> = codes.iter().map(|c| c.value.as_str()).collect();
                format!("{} {}", self.kw(keyword.kw), list.join(" "))
            }
            PlanStmt::Funds(f) => self.funds(f),
            PlanStmt::Region { code: c, .. } => {
                format!("{} {}", self.kw(Kw::Region), code(&c.value))
            }
            PlanStmt::BasicSpending { amount, .. } => {
                format!("{} {}", self.kw(Kw::BasicSpending), quantity(amount))
            }
            PlanStmt::Switch { keyword, value, .. } => {
                format!("{} {}", self.kw(keyword.kw), self.yes_no(value.value))
            }
        })
    }

    fn overall_stmt(&self, s: &OverallStmt) -> (Line, Span) {
        match s {
            OverallStmt::Goal(t) => (Line::Text(self.text_stmt(Kw::Goal, t)), t.span),
            OverallStmt::MidtermGoal(t) => (Line::Text(self.text_stmt(Kw::MidtermGoal, t)), t.span),
            OverallStmt::Duties(t) => (Line::Text(self.text_stmt(Kw::Duties, t)), t.span),
            OverallStmt::Indicator(i) => (self.indicator(i), i.span),
        }
    }

    fn summary_stmt(&self, s: &SummaryStmt) -> (Line, Span) {
        match s {
            SummaryStmt::Name(t) => (Line::Text(self.text_stmt(Kw::Name, t)), t.span),
            SummaryStmt::Goal(t) => (Line::Text(self.text_stmt(Kw::Goal, t)), t.span),
            SummaryStmt::Funds(f) => (Line::Text(self.funds(f)), f.span),
        }
    }

    fn project_stmt(&self, s: &ProjectStmt) -> (Line, Span) {
        let text = |t: String, span: Span| (Line::Text(t), span);
        match s {
            ProjectStmt::Code { code: c, span, .. } => {
                text(format!("{} {}", self.kw(Kw::Code), code(&c.value)), *span)
            }
            ProjectStmt::Unit { code: c, span, .. } => {
                text(format!("{} {}", self.kw(Kw::Unit), code(&c.value)), *span)
            }
            ProjectStmt::Funds(f) => text(self.funds(f), f.span),
            ProjectStmt::Purpose(t) => text(self.text_stmt(Kw::Purpose, t), t.span),
            ProjectStmt::Goal(t) => text(self.text_stmt(Kw::Goal, t), t.span),
            ProjectStmt::Basis(t) => text(self.text_stmt(Kw::Basis, t), t.span),
            ProjectStmt::Schedule(s) => text(self.schedule(s), s.span),
            ProjectStmt::Indicator(i) => (self.indicator(i), i.span),
            ProjectStmt::Category(t) => text(self.category(t), t.span),
            ProjectStmt::MidtermGoal(t) => text(self.text_stmt(Kw::MidtermGoal, t), t.span),
            ProjectStmt::Supervisor(p) => text(self.party(Kw::Supervisor, p), p.span),
            ProjectStmt::Implementer(p) => text(self.party(Kw::Implementer, p), p.span),
            ProjectStmt::Region { code: c, span, .. } => {
                text(format!("{} {}", self.kw(Kw::Region), code(&c.value)), *span)
            }
            ProjectStmt::Period(p) => {
                text(format!("{} {}", self.kw(Kw::Period), p.written), p.span)
            }
            ProjectStmt::TotalFunds(f) => text(self.funds_as(Kw::TotalFunds, f), f.span),
            ProjectStmt::CostItem(c) => text(self.cost_item(c), c.span),
        }
    }

    /// `类别 延续`: a single word stays bare, as it was most likely written.
    fn category(&self, t: &TextStmt) -> String {
        let value = match t.text.form {
            TextForm::Bare => word_or_quoted(&t.text.value),
            _ => self.text_value(&t.text, 1),
        };
        format!("{} {}", self.kw(Kw::Category), value)
    }

    /// `测算 "办公设备购置" 20.00 依据 "…"`.
    fn cost_item(&self, c: &CostItem) -> String {
        let mut out = format!(
            "{} {} {}",
            self.kw(Kw::CostItem),
            self.quoted(&c.name),
            quantity(&c.amount)
        );
        if let Some(basis) = &c.basis {
            out.push(' ');
            out.push_str(&self.text_stmt(Kw::Basis, basis));
        }
        out
    }

    /// `主管部门 [015001] "县教育局"`.
    fn party(&self, kw: Kw, p: &Party) -> String {
        match &p.code {
            Some(c) => format!(
                "{} {} {}",
                self.kw(kw),
                code(&c.value),
                self.quoted(&p.name)
            ),
            None => format!("{} {}", self.kw(kw), self.quoted(&p.name)),
        }
    }

    fn profile_stmt(&self, s: &ProfileStmt) -> (Line, Span) {
        let level = |kw: Kw, head: String, names: &[Text], english: &Option<Ident>| {
            let mut parts = vec![self.kw(kw).to_string(), head];
            parts.extend(names.iter().map(|t| self.quoted(t)));
            parts.extend(english.iter().map(|e| e.name.clone()));
            parts.join(" ")
        };
        match s {
            ProfileStmt::Level1 {
                id,
                names,
                english,
                span,
                ..
            } => (
                Line::Text(level(Kw::Level1, id.name.clone(), names, english)),
                *span,
            ),
            ProfileStmt::Level2 {
                path,
                names,
                english,
                span,
                ..
            } => (
                Line::Text(level(Kw::Level2, path.written(), names, english)),
                *span,
            ),
            ProfileStmt::Required { paths, span, .. } => {
                let list: Vec<String> = paths.iter().map(Path::written).collect();
                (
                    Line::Text(format!("{} {}", self.kw(Kw::Required), list.join(" "))),
                    *span,
                )
            }
        }
    }

    fn text_stmt(&self, kw: Kw, t: &TextStmt) -> String {
        format!("{} {}", self.kw(kw), self.text_value(&t.text, 1))
    }

    fn funds(&self, f: &Funds) -> String {
        self.funds_as(Kw::Funds, f)
    }

    /// `资金 …` or `总资金 …`: a total and its sources.
    fn funds_as(&self, kw: Kw, f: &Funds) -> String {
        let mut out = self.kw(kw).to_string();
        if let Some(total) = &f.total {
            out.push(' ');
            out.push_str(&quantity(total));
        }
        if !f.sources.is_empty() {
            let sources: Vec<String> = f.sources.iter().map(|s| self.source(s)).collect();
            out.push_str(&format!(" ({})", sources.join(", ")));
        }
        out
    }

    fn source(&self, s: &FundSource) -> String {
        let name = match &s.kind {
            SourceKind::Fiscal(_) => self.kw(Kw::Fiscal).to_string(),
            SourceKind::Other(_) => self.kw(Kw::Other).to_string(),
            SourceKind::Local(_) => self.kw(Kw::Local).to_string(),
            SourceKind::Upper(_) => self.kw(Kw::Upper).to_string(),
            SourceKind::SelfRaised(_) => self.kw(Kw::SelfRaised).to_string(),
            SourceKind::Named(t) => self.quoted(t),
        };
        format!("{} {}", name, quantity(&s.amount))
    }

    fn schedule(&self, s: &Schedule) -> String {
        let entries: Vec<String> = s
            .entries
            .iter()
            .map(|e| format!("{} {}", e.at.written, quantity(&e.value)))
            .collect();
        format!("{} {}", self.kw(Kw::Schedule), entries.join(", "))
    }

    fn indicator(&self, i: &Indicator) -> Line {
        let mut rest = self.target(&i.target.kind);
        for attr in &i.attrs {
            rest.push(' ');
            rest.push_str(&match attr {
                IndicatorAttr::Desc(t) => self.text_stmt(Kw::Desc, t),
                IndicatorAttr::Basis(t) => self.text_stmt(Kw::Basis, t),
                IndicatorAttr::Weight { value, .. } => {
                    format!("{} {}", self.kw(Kw::Weight), value.written)
                }
                IndicatorAttr::Kind { value, .. } => {
                    format!("{} {}", self.kw(Kw::Kind), self.kw(value.kw))
                }
                IndicatorAttr::MeasureUnit { unit, .. } => {
                    format!("{} {}", self.kw(Kw::MeasureUnit), unit_text(unit))
                }
                IndicatorAttr::Text(t) => self.text_stmt(t.keyword.kw, t),
            });
        }
        let path = match i.midterm {
            Some(_) => format!("{} {}", self.kw(Kw::Midterm), self.path(&i.path)),
            None => self.path(&i.path),
        };
        Line::Columns([path, self.quoted(&i.name), rest])
    }

    fn target(&self, t: &TargetKind) -> String {
        match t {
            TargetKind::Compare { comparator, value } => {
                let op = match self.lang {
                    Lang::Zh => comparator.op.symbol(),
                    Lang::En => comparator.op.ascii(),
                };
                let value = match value {
                    Operand::Quantity(q) => quantity(q),
                    Operand::Date(d) => d.written.clone(),
                };
                format!("{op} {value}")
            }
            // Never printed: `fmt` refuses a file with errors, and a broken
            // target always has one.
            TargetKind::Broken => String::new(),
            TargetKind::Bare(q) => quantity(q),
            TargetKind::Qualitative { text, .. } => {
                format!("{} {}", self.kw(Kw::Qualitative), self.quoted(text))
            }
            TargetKind::Grade { grade, .. } => {
                format!("{} {}", self.kw(Kw::Grade), word_or_quoted(&grade.value))
            }
            TargetKind::NotApplicable(_) => self.kw(Kw::NotApplicable).to_string(),
        }
    }

    /// The path in the target language: short ids in Chinese, English
    /// names in English; as written when the profile does not know it.
    fn path(&self, path: &Path) -> String {
        let Some((profile, r)) = self.profile.and_then(|p| p.resolve(path).map(|r| (p, r))) else {
            return path.written();
        };
        let Some(l1) = profile.levels.get(r.level1) else {
            return path.written();
        };
        let Some(l2) = l1.children.get(r.level2) else {
            return path.written();
        };
        match self.lang {
            Lang::Zh => format!("{}.{}", l1.id, l2.id),
            Lang::En => format!(
                "{}.{}",
                l1.english.as_deref().unwrap_or(&l1.id),
                l2.english.as_deref().unwrap_or(&l2.id)
            ),
        }
    }

    fn kw(&self, kw: Kw) -> &'static str {
        kw.spelling(self.lang)
    }

    /// Yes or no in the keywords' language: `是`/`否`, `yes`/`no`.
    fn yes_no(&self, value: bool) -> &'static str {
        match (self.lang, value) {
            (Lang::Zh, true) => "是",
            (Lang::Zh, false) => "否",
            (Lang::En, true) => "yes",
            (Lang::En, false) => "no",
        }
    }

    /// A text in quotes, or as a `"""` block when it was written as one.
    fn text_value(&self, t: &Text, depth: usize) -> String {
        if t.form != TextForm::Block {
            return self.quoted(t);
        }
        let mut out = String::from("\"\"\"\n");
        for line in t.value.split('\n') {
            if !line.is_empty() {
                for _ in 0..=depth {
                    out.push_str(INDENT);
                }
                out.push_str(line);
            }
            out.push('\n');
        }
        for _ in 0..depth {
            out.push_str(INDENT);
        }
        out.push_str("\"\"\"");
        out
    }

    fn quoted(&self, t: &Text) -> String {
        quote(&t.value)
    }
}

/// `"…"` with `\` and `"` escaped and line breaks as `\n`.
fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A code bare when the grammar reads it bare, else in quotes.
fn code(value: &str) -> String {
    let bare = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '[' | ']'));
    if bare {
        value.to_string()
    } else {
        quote(value)
    }
}

/// A grade or scale word bare when it is a word, else in quotes.
fn word_or_quoted(value: &str) -> String {
    let mut chars = value.chars();
    let starts = chars.next().is_some_and(|c| c.is_alphabetic() || c == '_');
    let word = starts
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        && crate::syntax::keywords::lookup(value).is_none();
    if word {
        value.to_string()
    } else {
        quote(value)
    }
}

fn unit_text(u: &Unit) -> String {
    u.written.replace('％', "%")
}

fn quantity(q: &Quantity) -> String {
    format!(
        "{}{}",
        q.number.written,
        q.unit.as_ref().map(unit_text).unwrap_or_default()
    )
}

fn plan_span(s: &PlanStmt) -> Span {
    match s {
        PlanStmt::Framework { span, .. }
        | PlanStmt::Money { span, .. }
        | PlanStmt::Grades { span, .. }
        | PlanStmt::Precision { span, .. }
        | PlanStmt::Lint { span, .. }
        | PlanStmt::Region { span, .. }
        | PlanStmt::BasicSpending { span, .. }
        | PlanStmt::Switch { span, .. } => *span,
        PlanStmt::BudgetUnit(u) => u.span,
        PlanStmt::Basis(t) => t.span,
        PlanStmt::Funds(f) => f.span,
    }
}

fn push_indented(out: &mut String, depth: usize, text: &str) {
    for _ in 0..depth {
        out.push_str(INDENT);
    }
    out.push_str(text);
}

fn has_blank_line(gap: &str) -> bool {
    let mut lines = gap.split('\n');
    lines.next();
    let mut inner: Vec<&str> = lines.collect();
    inner.pop();
    inner.iter().any(|l| l.trim().is_empty())
}

/// `text` followed by spaces up to `width` display columns, and one more.
fn pad(text: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(text);
    format!("{text}{} ", " ".repeat(width.saturating_sub(w)))
}

/// For each line, the widths of the path and name columns of the run of
/// indicator rows it belongs to; a run ends at any other statement or at a
/// blank line.
fn column_widths(text: &str, lines: &[(Line, Span)]) -> Vec<(usize, usize)> {
    let mut widths = vec![(0, 0); lines.len()];
    let mut start = 0;
    while start < lines.len() {
        let mut end = start;
        while end < lines.len() && matches!(lines[end].0, Line::Columns(_)) {
            let gap_breaks = end > start
                && has_blank_line(
                    text.get(lines[end - 1].1.end as usize..lines[end].1.start as usize)
                        .unwrap_or(""),
                );
            if gap_breaks {
                break;
            }
            end += 1;
        }
        let run = &lines[start..end.max(start)];
        let width = |n: usize| {
            run.iter()
                .filter_map(|(l, _)| match l {
                    Line::Columns(c) => Some(UnicodeWidthStr::width(c[n].as_str())),
                    Line::Text(_) => None,
                })
                .max()
                .unwrap_or(0)
        };
        let (w0, w1) = (width(0), width(1));
        for w in widths.iter_mut().take(end).skip(start) {
            *w = (w0, w1);
        }
        start = end.max(start + 1);
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_by_display_width() {
        assert_eq!(pad("产出.数量", 12), "产出.数量    ");
        assert_eq!(pad("output.quantity", 12), "output.quantity ");
    }

    #[test]
    fn quotes_escape_what_must_be() {
        assert_eq!(quote("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
    }
}
