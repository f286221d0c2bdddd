//! The diff for people (terminal, optionally coloured), for a review
//! comment (Markdown) and for tools (JSON).

use super::text::Piece;
use super::{
    Change, Field, IndicatorField, MoneyChange, PlanDiff, ProjectDiff, Prose, Set, Status,
};
use crate::diagnostic::Lang;
use std::fmt::Write;

/// How marks are written: plain (`[-old-]{+new+}`), ANSI colours, or
/// Markdown (`~~old~~ **new**`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Color,
    Markdown,
}

struct Out {
    style: Style,
    lang: Lang,
    unit: String,
    text: String,
}

impl Out {
    fn removed(&self, s: &str) -> String {
        let s = shown(s);
        match self.style {
            Style::Plain => format!("[-{s}-]"),
            Style::Color => format!("\x1b[31m{s}\x1b[0m"),
            Style::Markdown => format!("~~{}~~", md_escape(&s)),
        }
    }

    fn inserted(&self, s: &str) -> String {
        let s = shown(s);
        match self.style {
            Style::Plain => format!("{{+{s}+}}"),
            Style::Color => format!("\x1b[32m{s}\x1b[0m"),
            Style::Markdown => format!("**{}**", md_escape(&s)),
        }
    }

    fn heading(&mut self, s: &str) {
        let line = match self.style {
            Style::Plain => s.to_string(),
            Style::Color => format!("\x1b[1m{s}\x1b[0m"),
            Style::Markdown => format!("### {}", md_escape(s)),
        };
        let _ = writeln!(self.text, "{line}");
        if self.style == Style::Markdown {
            self.text.push('\n');
        }
    }

    fn item(&mut self, depth: usize, s: &str) {
        let indent = "  ".repeat(depth);
        let bullet = if self.style == Style::Markdown {
            "- "
        } else {
            ""
        };
        let _ = writeln!(self.text, "{indent}{bullet}{s}");
    }

    fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }

    fn t(&self, zh: &str, en: &str) -> String {
        if self.zh() {
            zh.to_string()
        } else {
            en.to_string()
        }
    }

    fn colon(&self) -> &'static str {
        if self.zh() { "：" } else { ": " }
    }

    fn value(&self, old: &str, new: &str) -> String {
        let none = self.t("（无）", "(none)");
        let shown = |s: &str| {
            if s.is_empty() {
                none.clone()
            } else {
                s.to_string()
            }
        };
        format!(
            "{} → {}",
            self.removed(&shown(old)),
            self.inserted(&shown(new))
        )
    }

    /// `64.50 → 70.00 万元 (+5.50, +8.5%)`
    fn money(&self, c: &MoneyChange) -> String {
        let pct = c
            .percent
            .as_ref()
            .map(|p| format!("{}{p}%", if self.zh() { "，" } else { ", " }))
            .unwrap_or_default();
        let (open, close) = if self.zh() {
            ("（", "）")
        } else {
            (" (", ")")
        };
        format!(
            "{} {}{open}{}{pct}{close}",
            self.value(&c.old, &c.new),
            self.unit,
            c.delta
        )
    }

    fn pieces(&self, pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Same(s) if self.style == Style::Markdown => md_escape(&shown(s)),
                Piece::Same(s) => shown(s).into_owned(),
                Piece::Removed(s) => self.removed(s),
                Piece::Inserted(s) => self.inserted(s),
            })
            .collect()
    }
}

/// Plain text, or coloured for a terminal.
pub fn render_human(diff: &PlanDiff, lang: Lang, color: bool) -> String {
    render(diff, lang, if color { Style::Color } else { Style::Plain })
}

/// A Markdown review comment.
pub fn render_markdown(diff: &PlanDiff, lang: Lang) -> String {
    render(diff, lang, Style::Markdown)
}

/// The diff as JSON, ending in a newline.
pub fn render_json(diff: &PlanDiff) -> String {
    serde_json::to_string_pretty(diff).unwrap_or_default() + "\n"
}

fn render(diff: &PlanDiff, lang: Lang, style: Style) -> String {
    let mut out = Out {
        style,
        lang,
        unit: diff.money_unit.clone(),
        text: String::new(),
    };
    if diff.is_empty() {
        let none = out.t(
            "两个版本没有实质差异",
            "no semantic difference between the two versions",
        );
        out.item(0, &none);
        return out.text;
    }
    if !diff.header.is_empty() || diff.total.is_some() {
        let title = out.t("计划", "plan");
        out.heading(&title);
        for c in &diff.header {
            let line = change(&out, c);
            out.item(1, &line);
        }
        if let Some(total) = &diff.total {
            let line = format!(
                "{} {}",
                out.t("部门合计", "department total"),
                out.money(total)
            );
            out.item(1, &line);
        }
        blank(&mut out);
    }
    section(&mut out, ("总体目标", "overall"), &diff.overall);
    for p in &diff.projects {
        project(&mut out, p);
    }
    section(
        &mut out,
        ("工作保障措施", "safeguard measures"),
        &diff.measures,
    );
    out.text.trim_end().to_string() + "\n"
}

fn blank(out: &mut Out) {
    out.text.push('\n');
}

fn section(out: &mut Out, title: (&str, &str), changes: &[Change]) {
    if changes.is_empty() {
        return;
    }
    let title = out.t(title.0, title.1);
    out.heading(&title);
    for c in changes {
        let line = change(out, c);
        out.item(1, &line);
    }
    blank(out);
}

fn project(out: &mut Out, p: &ProjectDiff) {
    let status = match p.status {
        Status::Added => out.t("新增", "added"),
        Status::Removed => out.t("删除", "removed"),
        Status::Changed => out.t("修改", "changed"),
    };
    let title = if out.zh() {
        format!("项目 {}「{}」（{status}）", shown(&p.id), shown(&p.name))
    } else {
        format!("project {} \"{}\" ({status})", shown(&p.id), shown(&p.name))
    };
    out.heading(&title);
    for c in &p.changes {
        let line = change(out, c);
        let depth = if matches!(
            c,
            Change::Money {
                source: Some(_),
                ..
            }
        ) {
            2
        } else {
            1
        };
        out.item(depth, &line);
    }
    blank(out);
}

fn field_name(out: &Out, f: Field) -> String {
    let (zh, en) = match f {
        Field::Year => ("年度", "year"),
        Field::Department => ("部门", "department"),
        Field::Framework => ("框架", "framework"),
        Field::MoneyUnit => ("金额单位", "money unit"),
        Field::Name => ("名称", "name"),
        Field::Code => ("编码", "code"),
        Field::Unit => ("预算单位", "budget unit"),
        Field::BudgetUnit => ("预算单位", "budget units"),
        Field::Region => ("财政区划", "finance region"),
        Field::Category => ("项目类别", "category"),
        Field::Supervisor => ("主管部门", "supervising department"),
        Field::Implementer => ("实施单位", "implementing unit"),
        Field::Period => ("实施期", "period"),
    };
    out.t(zh, en)
}

fn indicator_field_name(f: IndicatorField) -> (&'static str, &'static str) {
    match f {
        IndicatorField::ValueType => ("指标值类型", "value type"),
        IndicatorField::MeasureUnit => ("计量单位", "measure unit"),
        IndicatorField::Scoring => ("评(扣)分标准", "scoring"),
        IndicatorField::Note => ("指标值说明", "value note"),
        IndicatorField::Remark => ("备注", "remark"),
    }
}

fn set_name(out: &Out, set: Set) -> String {
    match set {
        Set::Annual => out.t("年度指标", "annual"),
        Set::Midterm => out.t("中期指标", "mid-term"),
    }
}

fn prose_name(out: &Out, p: &Prose) -> String {
    match p {
        Prose::Purpose => out.t("资金用途", "purpose"),
        Prose::Goal(n) => {
            if out.zh() {
                format!("绩效目标 {n}")
            } else {
                format!("goal {n}")
            }
        }
        Prose::MidtermGoal(n) => {
            if out.zh() {
                format!("中期目标 {n}")
            } else {
                format!("mid-term goal {n}")
            }
        }
        Prose::OverallGoal(n) => {
            if out.zh() {
                format!("总体目标第 {n} 段")
            } else {
                format!("overall goal, paragraph {n}")
            }
        }
        Prose::OverallMidtermGoal(n) => {
            if out.zh() {
                format!("中期目标第 {n} 段")
            } else {
                format!("overall mid-term goal, paragraph {n}")
            }
        }
        Prose::Summary => out.t("分项绩效目标", "goal in the department part"),
        Prose::Measure(title) => {
            let title = shown(title);
            if out.zh() {
                format!("保障措施「{title}」")
            } else {
                format!("measure \"{title}\"")
            }
        }
    }
}

/// `产出.数量「举报线索处置率」` / `output.quantity "举报线索处置率"`
fn indicator(out: &Out, path: &str, name: &str) -> String {
    let (path, name) = (shown(path), shown(name));
    if out.zh() {
        format!("{path}「{name}」")
    } else {
        format!("{path} \"{name}\"")
    }
}

fn change(out: &Out, c: &Change) -> String {
    let ind = |path: &str, name: &str| indicator(out, path, name);
    match c {
        Change::Field {
            field: Field::Name,
            old,
            new,
        } => {
            format!("{} {}", out.t("改名", "renamed"), out.value(old, new))
        }
        Change::Field { field, old, new } => {
            format!("{} {}", field_name(out, *field), out.value(old, new))
        }
        Change::Money {
            source: None,
            change,
            total_funds,
        } => {
            let label = if *total_funds {
                out.t("总资金", "total funds")
            } else {
                out.t("资金", "funds")
            };
            format!("{label} {}", out.money(change))
        }
        Change::Money {
            source: Some(s),
            change,
            total_funds,
        } => {
            let label = if *total_funds {
                out.t("总资金中 ", "total funds, of which ")
            } else {
                out.t("其中 ", "of which ")
            };
            format!("{label}{} {}", shown(s), out.money(change))
        }
        Change::Checkpoint { label, old, new } => {
            let (o, n) = (
                old.clone().unwrap_or_default(),
                new.clone().unwrap_or_default(),
            );
            format!(
                "{} {} {}",
                out.t("支出计划", "schedule"),
                shown(label),
                out.value(&o, &n)
            )
        }
        Change::IndicatorAdded { path, name, value } => {
            format!(
                "{} {} {}",
                out.t("新增指标", "indicator added:"),
                ind(path, name),
                out.inserted(value)
            )
        }
        Change::IndicatorRemoved { path, name, value } => {
            format!(
                "{} {} {}",
                out.t("删除指标", "indicator removed:"),
                ind(path, name),
                out.removed(value)
            )
        }
        Change::IndicatorRenamed { path, old, new } => {
            format!(
                "{} {} {}",
                out.t("指标改名", "indicator renamed:"),
                shown(path),
                out.value(old, new)
            )
        }
        Change::IndicatorMoved { name, old, new } => {
            format!(
                "{}「{}」{}",
                out.t("指标移动", "indicator moved:"),
                shown(name),
                out.value(old, new)
            )
        }
        Change::Target {
            path,
            name,
            old,
            new,
        } => field_of(out, ("指标值", "target"), &ind(path, name), old, new),
        Change::Basis {
            path,
            name,
            old,
            new,
        } => field_of(out, ("指标值确定依据", "basis"), &ind(path, name), old, new),
        Change::Weight {
            path,
            name,
            old,
            new,
        } => field_of(out, ("分值", "weight"), &ind(path, name), old, new),
        Change::Description { path, name, pieces } => {
            format!(
                "{} {}{}{}",
                out.t("指标描述", "description of"),
                ind(path, name),
                out.colon(),
                out.pieces(pieces)
            )
        }
        Change::IndicatorField {
            field,
            path,
            name,
            old,
            new,
        } => field_of(
            out,
            indicator_field_name(*field),
            &ind(path, name),
            old,
            new,
        ),
        Change::IndicatorSet {
            path,
            name,
            old,
            new,
        } => format!(
            "{} {} {}",
            out.t("所属指标集", "set of"),
            ind(path, name),
            out.value(&set_name(out, *old), &set_name(out, *new))
        ),
        Change::Prose { what, pieces } => format!(
            "{}{}{}",
            prose_name(out, what),
            out.colon(),
            out.pieces(pieces)
        ),
        Change::TextAdded { what, text } => {
            format!(
                "{} {}{}{}",
                out.t("新增", "added"),
                prose_name(out, what),
                out.colon(),
                out.inserted(text)
            )
        }
        Change::TextRemoved { what, text } => {
            format!(
                "{} {}{}{}",
                out.t("删除", "removed"),
                prose_name(out, what),
                out.colon(),
                out.removed(text)
            )
        }
    }
}

/// `指标值 产出.数量「名称」 ≥95% → ≥98%`: a labelled old → new of one indicator.
fn field_of(out: &Out, label: (&str, &str), indicator: &str, old: &str, new: &str) -> String {
    format!(
        "{} {indicator} {}",
        out.t(label.0, label.1),
        out.value(old, new)
    )
}

/// A text of the plan as it may be shown: its control characters and
/// direction marks made visible, so that a goal holding an escape
/// sequence cannot erase the lines of the diff around it.
fn shown(s: &str) -> std::borrow::Cow<'_, str> {
    crate::render::escape::for_terminal(s)
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '~' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out.replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A goal holding `ESC[1A ESC[2K` would move up and erase the line
    /// before it on a terminal: only the diff's own colours may remain.
    #[test]
    fn the_plan_text_never_reaches_the_terminal_raw() {
        let esc = "\u{1b}[1A\u{1b}[2K";
        let diff = PlanDiff {
            money_unit: "万元".into(),
            projects: vec![ProjectDiff {
                id: format!("p1{esc}"),
                name: format!("名称{esc}"),
                status: Status::Changed,
                changes: vec![
                    Change::Prose {
                        what: Prose::Measure(format!("措施{esc}")),
                        pieces: vec![
                            Piece::Same(format!("完成{esc}")),
                            Piece::Removed(esc.into()),
                            Piece::Inserted(format!("\u{202e}{esc}")),
                        ],
                    },
                    Change::IndicatorMoved {
                        name: esc.into(),
                        old: esc.into(),
                        new: "x".into(),
                    },
                ],
            }],
            ..PlanDiff::default()
        };
        for color in [false, true] {
            let text = render_human(&diff, Lang::Zh, color);
            let own = ["\u{1b}[31m", "\u{1b}[32m", "\u{1b}[1m", "\u{1b}[0m"];
            let rest = own.iter().fold(text.clone(), |t, c| t.replace(c, ""));
            assert!(!rest.contains('\u{1b}'), "{text:?}");
            assert!(!rest.contains('\u{202e}'), "{text:?}");
            assert!(rest.contains("␛[1A␛[2K"), "{text:?}");
        }
        assert!(!render_markdown(&diff, Lang::En).contains('\u{1b}'));
    }
}
