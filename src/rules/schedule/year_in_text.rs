//! W0407: a goal or an indicator's text that dates what it promises in
//! another year than the plan's (`"2021年底前完成"` in a 2022 plan).

use super::{header_year, indicators_with_period};
use crate::ast::{self, OverallStmt, ProjectStmt, SummaryStmt, TargetKind, Text};
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Message};
use crate::msg;
use crate::rules::indicators::Field;
use crate::rules::{Rule, Scope};
use crate::sema::{Ctx, period_of};
use crate::source::FileId;
use crate::values::period::Period;
use std::ops::Range;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0407", Warning, "year_in_text"),
    check,
    scope: Scope::Item,
};

/// Where a text is.
#[derive(Clone, Copy)]
enum Place {
    Goal,
    Indicator(Field),
}

impl Place {
    fn zh(self) -> &'static str {
        match self {
            Place::Goal => "目标",
            Place::Indicator(f) => f.zh(),
        }
    }

    fn en(self) -> &'static str {
        match self {
            Place::Goal => "goal",
            Place::Indicator(f) => f.en(),
        }
    }
}

/// Every text this rule reads: the goals of the overall part (when the
/// context checks it), of the summaries and of the projects; each
/// indicator's name, description and qualitative target.
/// The texts to read, with the period of their project when it states
/// one: a year inside it is no slip.
fn texts<'a>(ctx: &Ctx<'a>) -> Vec<(FileId, Place, &'a Text, Option<Period>)> {
    let mut out = Vec::new();
    let overall = if ctx.overall_checked {
        &ctx.overall[..]
    } else {
        &[]
    };
    for o in overall {
        for stmt in &o.node.body {
            if let OverallStmt::Goal(g) = stmt {
                out.push((o.file, Place::Goal, &g.text, None));
            }
        }
    }
    // A summary is read apart from its project (the rule's scope is one
    // item): its years are read against the plan's year alone.
    for s in &ctx.summaries {
        for stmt in &s.node.body {
            if let SummaryStmt::Goal(g) = stmt {
                out.push((s.file, Place::Goal, &g.text, None));
            }
        }
    }
    for p in &ctx.projects {
        let period = period_of(p.node).map(|p| p.period);
        for stmt in &p.node.body {
            if let ProjectStmt::Goal(g) = stmt {
                out.push((p.file, Place::Goal, &g.text, period));
            }
        }
    }
    for (i, period) in indicators_with_period(ctx) {
        let node: &'a ast::Indicator = i.node;
        out.push((i.file, Place::Indicator(Field::Name), &node.name, period));
        if let Some(desc) = node.description() {
            out.push((i.file, Place::Indicator(Field::Description), desc, period));
        }
        if let TargetKind::Qualitative { text, .. } = &node.target.kind {
            out.push((i.file, Place::Indicator(Field::Qualitative), text, period));
        }
    }
    out
}

/// A year written in a text: its value, the bytes of its digits, and the
/// bytes of what the rule labels (`2021年`, `2021-12-31`).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Year {
    value: u16,
    digits: Range<usize>,
    label: Range<usize>,
    /// Followed by 年 or by the rest of a date: a year, not any number.
    dated: bool,
}

fn digit(c: char) -> Option<u32> {
    c.to_digit(10).or_else(|| {
        ('０'..='９')
            .contains(&c)
            .then(|| u32::from(c) - u32::from('０'))
    })
}

/// The runs of digits of a text, as byte ranges.
fn digit_runs(text: &str) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (digit(c).is_some(), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                runs.push(s..at);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push(s..text.len());
    }
    runs
}

/// The value of a run of digits, if it is a year (1900 to 2099).
fn year_value(digits: &str) -> Option<u16> {
    if digits.chars().count() != 4 {
        return None;
    }
    let value = digits
        .chars()
        .try_fold(0u32, |v, c| Some(v * 10 + digit(c)?))?;
    u16::try_from(value)
        .ok()
        .filter(|v| (1900..=2099).contains(v))
}

/// How many bytes of `rest` make the month and day of a date after a
/// year (`-12-31`, `.6.30`, `/03/31`), if they do.
fn date_tail(rest: &str) -> Option<usize> {
    let sep = rest
        .chars()
        .next()
        .filter(|c| ['-', '.', '/'].contains(c))?;
    let mut len = 0;
    for _ in 0..2 {
        let part = rest.get(len..)?.strip_prefix(sep)?;
        let digits = part.chars().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=2).contains(&digits) {
            return None;
        }
        len += 1 + digits;
    }
    Some(len)
}

/// Every year of a text.
fn years(text: &str) -> Vec<Year> {
    let mut out = Vec::new();
    for run in digit_runs(text) {
        let Some(value) = text.get(run.clone()).and_then(year_value) else {
            continue;
        };
        let rest = text.get(run.end..).unwrap_or("");
        let (label_end, dated) = if rest.starts_with('年') {
            (run.end + '年'.len_utf8(), true)
        } else if let Some(len) = date_tail(rest) {
            (run.end + len, true)
        } else {
            (run.end, false)
        };
        out.push(Year {
            value,
            digits: run.clone(),
            label: run.start..label_end,
            dated,
        });
    }
    out
}

/// What may stand between the two years of a range, besides 年, 度 and
/// blanks: `2021-2023年`, `2021年至2023年`.
const RANGE_MARKS: &[&str] = &["-", "—", "–", "－", "~", "～", "至", "到", "——"];

/// The ranges of years a text states.
fn ranges(text: &str, years: &[Year]) -> Vec<(u16, u16)> {
    years
        .windows(2)
        .filter_map(|pair| {
            let [a, b] = pair else { return None };
            let between = text.get(a.digits.end..b.digits.start)?;
            let mark: String = between
                .chars()
                .filter(|c| !c.is_whitespace() && !['年', '度'].contains(c))
                .collect();
            RANGE_MARKS
                .contains(&mark.as_str())
                .then(|| (a.value.min(b.value), a.value.max(b.value)))
        })
        .collect()
}

/// Words before a year that make it a comparison, a starting point or a
/// horizon, not the time of what is promised.
const BEFORE: &[&str] = &[
    "比", "较", "与", "和", "同", "相比", "对比", "自", "从", "截至", "截止", "于", "对", "到",
    "至", "（", "(",
];

/// Words after a year (and its 年 or 年度) that make it cited.
const AFTER: &[&str] = &[
    "以来", "起", "开始", "标准", "水平", "基数", "基础", "同期", "数据", "实际", "决算", "相比",
    "比", "已", "以前", "之前", "以后", "之后", "的", "结转", "结余", "遗留", "续建", "立项",
    "批复", "下达", "开工", "建成", "启动", "审计", "绩效", "评价", "自评", "考核",
];

/// What after a year's 年 (or 年度) names a point in time.
const TIME_POINTS: &[&str] = &[
    "底",
    "末",
    "内",
    "前",
    "初",
    "上半年",
    "下半年",
    "全年",
    "第",
    "一季度",
    "二季度",
    "三季度",
    "四季度",
];

/// Words after which a year starts a clause: 在2021年, 计划2021年.
const CLAUSE_STARTS: &[&str] = &["在", "将", "计划", "预计", "力争"];

/// Marks after which a year starts a clause.
const CLAUSE_MARKS: &[char] = &['，', ',', '；', ';', '。', '：', ':', '！', '!', '、'];

/// Whether a year says when what the text promises happens.
fn dates_the_promise(text: &str, year: &Year) -> bool {
    if !year.dated {
        return false;
    }
    let before = text.get(..year.digits.start).unwrap_or("").trim_end();
    if BEFORE.iter().any(|w| before.ends_with(w)) {
        return false;
    }
    let after = text.get(year.digits.end..).unwrap_or("");
    let Some(after) = after.strip_prefix('年') else {
        // A full date (`2021-12-31`) is a point in time.
        return true;
    };
    let after = after.strip_prefix('度').unwrap_or(after).trim_start();
    if AFTER.iter().any(|w| after.starts_with(w)) {
        return false;
    }
    let month = after
        .trim_start_matches(|c: char| digit(c).is_some())
        .starts_with('月')
        && after.starts_with(|c: char| digit(c).is_some());
    let time_point = month || TIME_POINTS.iter().any(|w| after.starts_with(w));
    let clause_start = before.is_empty()
        || before.ends_with(CLAUSE_MARKS)
        || CLAUSE_STARTS.iter().any(|w| before.ends_with(w));
    time_point || clause_start
}

/// The years of a text that date its promise in another year than `plan`.
fn misdated(text: &str, plan: u16) -> Vec<Year> {
    let all = years(text);
    let ranges = ranges(text, &all);
    all.into_iter()
        .filter(|y| y.value != plan)
        .filter(|y| !ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&y.value)))
        .filter(|y| dates_the_promise(text, y))
        .collect()
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(plan) = ctx.year else {
        return;
    };
    let header = header_year(ctx);
    for (file, place, text, period) in texts(ctx) {
        let in_period = |y: u16| period.is_some_and(|p| p.covers_year(y));
        for year in misdated(&text.value, plan)
            .into_iter()
            .filter(|y| !in_period(y.value))
        {
            let written = text.value.get(year.label.clone()).unwrap_or("");
            let mut d = RULE
                .diagnostic(Message::new(
                    format!("{}中的“{}”不在计划年度 {} 年内", place.zh(), written, plan),
                    format!(
                        "“{}” in the {} is not in the plan's year, {}",
                        written,
                        place.en(),
                        plan
                    ),
                ))
                .primary(
                    file,
                    text.span_of(year.label.clone()),
                    msg!("这是 {} 年", "this is {}", year.value),
                );
            if let Some((header_file, span)) = header {
                d = d.secondary(
                    header_file,
                    span,
                    msg!("计划年度为 {} 年", "the plan is for {}", plan),
                );
            }
            out.push(d.help(msg!(
                "改为 {0} 年，或不写年份；若是与往年比较或引用往年的标准，写成“比{1}年”“较{1}年”“{1}年标准”这样，就不会提示",
                "write {0}, or leave the year out; a comparison with a past year or a past standard, written as “比{1}年”, “较{1}年” or “{1}年标准”, is not flagged",
                plan,
                year.value
            )));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<u16> {
        misdated(text, 2022).iter().map(|y| y.value).collect()
    }

    #[test]
    fn finds_years_that_date_the_promise() {
        assert_eq!(found("2021年底前完成采购"), [2021]);
        assert_eq!(found("2021年，按时完成"), [2021]);
        assert_eq!(found("确保2023年6月底前完工"), [2023]);
        assert_eq!(found("设备于2021-12-31前安装"), Vec::<u16>::new());
        assert_eq!(found("2021-12-31前完成安装"), [2021]);
        assert_eq!(found("在2021年完成验收"), [2021]);
        assert_eq!(found("2022年，按时完成"), Vec::<u16>::new());
    }

    #[test]
    fn leaves_comparisons_citations_and_ranges() {
        for text in [
            "比2021年增长10%",
            "较2021年提高5个百分点",
            "与2021年相比有所提高",
            "自2019年以来累计培训",
            "截至2021年底已建成",
            "保持2021年水平",
            "执行2021年标准",
            "2021-2023年三年行动计划",
            "2021年至2023年完成全部改造",
            "开展2021年度项目绩效自评",
            "2021年度绩效评价发现的问题全部整改",
            "2021年结转资金全部支出",
            "上年（2021年）完成情况",
            "培训人数2000人",
            "20210人次",
        ] {
            assert_eq!(found(text), Vec::<u16>::new(), "{text}");
        }
    }
}
