//! Indicator rules: each indicator row's target, unit, texts and weight,
//! and the indicators of a project or of the overall part taken together.
//!
//! Every rule applies to every indicator: the overall part's
//! (`总体目标`) and each project's.

mod bare_number;
mod comparator_direction;
mod cost_not_carried;
mod count_not_whole;
mod duplicate_name;
mod grade_unknown;
mod grade_word;
mod level2_name;
mod missing_unit;
mod money_as_output;
mod name_is_sentence;
mod percent_in_words;
mod percent_range;
mod placeholder;
mod qualitative_figure;
mod qualitative_measurable;
mod rate_as_count;
mod repeats_name;
mod satisfaction_twice;
mod text_too_long;
mod unit_column;
mod vague_qualitative;
mod value_type;
mod weights;
mod wrong_dimension;

use super::Rule;
use crate::ast::{self, Indicator, Quantity, TargetKind, Text};
use crate::diagnostic::Message;
use crate::msg;
use crate::sema::{Ctx, In, indicators_of};
use crate::source::FileId;
use crate::syntax::keywords::Kw;
use crate::values::comparator::CmpOp;
use crate::values::unit::Dimension;

/// The rules of this group, in code order.
pub static RULES: &[&Rule] = &[
    &missing_unit::RULE,
    &wrong_dimension::RULE,
    &percent_range::RULE,
    &count_not_whole::RULE,
    &placeholder::RULE,
    &vague_qualitative::RULE,
    &repeats_name::RULE,
    &bare_number::RULE,
    &duplicate_name::RULE,
    &level2_name::RULE,
    &text_too_long::RULE,
    &weights::RULE,
    &qualitative_figure::RULE,
    &grade_unknown::RULE,
    &cost_not_carried::RULE,
    &qualitative_measurable::RULE,
    &grade_word::RULE,
    &money_as_output::RULE,
    &rate_as_count::RULE,
    &comparator_direction::RULE,
    &satisfaction_twice::RULE,
    &name_is_sentence::RULE,
    &unit_column::RULE,
    &value_type::RULE,
    &percent_in_words::RULE,
];

/// Whether an indicator is a cost indicator: its second level, or its first
/// level, is the profile's `cost` (产出.成本 in classic, 成本.* in
/// central-2021).
pub(crate) fn is_cost(ctx: &Ctx, indicator: &Indicator) -> bool {
    let Some(profile) = &ctx.profile else {
        return false;
    };
    let is_cost_word = |e: &Option<String>| e.as_deref() == Some("cost");
    let first = indicator.path.segments.first();
    let level1 = first.and_then(|s| profile.level1(&s.name));
    if level1
        .and_then(|l| profile.levels.get(l))
        .is_some_and(|l| is_cost_word(&l.english))
    {
        return true;
    }
    ctx.resolve(indicator)
        .and_then(|r| profile.level2_of(r))
        .is_some_and(|l| is_cost_word(&l.english))
}

/// A second level that is measurable by its nature: how much was done,
/// by when, at what cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Measurable {
    Quantity,
    Timeliness,
    Cost,
}

impl Measurable {
    /// The level's name in a message: 数量指标 / a quantity indicator.
    pub(crate) fn zh(self) -> &'static str {
        match self {
            Measurable::Quantity => "数量指标",
            Measurable::Timeliness => "时效指标",
            Measurable::Cost => "成本指标",
        }
    }

    pub(crate) fn en(self) -> &'static str {
        match self {
            Measurable::Quantity => "a quantity indicator",
            Measurable::Timeliness => "a timeliness indicator",
            Measurable::Cost => "a cost indicator",
        }
    }
}

/// The English name of an indicator's second level in the plan's profile
/// (`quantity`, `social` …), when its path resolves.
pub(crate) fn level2_english<'c>(ctx: &'c Ctx, indicator: &Indicator) -> Option<&'c str> {
    let profile = ctx.profile.as_ref()?;
    profile.english_of(ctx.resolve(indicator)?).1
}

/// Whether an indicator's level is measurable by nature: a cost indicator
/// (see [`is_cost`]), or a second level named `quantity` or `timeliness`.
pub(crate) fn measurable_level(ctx: &Ctx, indicator: &Indicator) -> Option<Measurable> {
    if is_cost(ctx, indicator) {
        return Some(Measurable::Cost);
    }
    match level2_english(ctx, indicator)? {
        "quantity" => Some(Measurable::Quantity),
        "timeliness" => Some(Measurable::Timeliness),
        _ => None,
    }
}

/// The group a satisfaction indicator names: its name without `(%)` and
/// without the trailing 满意度 / 满意率 / 满意程度 (`服务对象满意度` →
/// `服务对象`, `满意度` → ``); `None` when the name does not end so.
pub(crate) fn satisfaction_group(name: &str) -> Option<&str> {
    let s = strip_percent_suffix(name);
    ["满意度", "满意率", "满意程度"]
        .iter()
        .find_map(|w| s.strip_suffix(w))
        .map(str::trim)
}

/// Whether a name speaks of a share measured in percent in words that
/// [`is_rate_name`] does not take: 覆盖面, 受益面, 普及面, 比重, 百分比.
pub(crate) fn is_share_name(name: &str) -> bool {
    let s = strip_percent_suffix(name);
    ["覆盖面", "受益面", "普及面", "比重", "百分比"]
        .iter()
        .any(|w| s.ends_with(w))
}

/// A name without a trailing `(%)` / `（%）` and without blanks around it.
pub(crate) fn strip_percent_suffix(name: &str) -> &str {
    let mut s = name.trim();
    for suffix in ["(%)", "（%）", "(％)", "（％）", "(%）", "（%)"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.trim_end();
            break;
        }
    }
    s
}

/// Whether an indicator's name says it is a rate, which is measured in
/// percent: it ends with 率 (ignoring a trailing `(%)`), or it names a
/// satisfaction, a share or a proportion.
pub(crate) fn is_rate_name(name: &str) -> bool {
    let s = strip_percent_suffix(name);
    s.ends_with('率') || ["满意度", "比例", "占比"].iter().any(|w| s.contains(w))
}

/// Whether a rate-named indicator may be measured per unit of time or per
/// head rather than in percent: 频率 (`次/年`), 效率 (`件/天`), 速率.
pub(crate) fn is_per_unit_rate_name(name: &str) -> bool {
    let s = strip_percent_suffix(name);
    ["频率", "效率", "速率"].iter().any(|w| s.ends_with(w))
}

/// A name as reviewers compare names: without `(%)`/`（%）`, blanks and
/// trailing punctuation.
pub(crate) fn normalize_name(name: &str) -> String {
    // The replacements, in this order, only where there is a percent sign
    // (most names have none: no copies then).
    let mut without: std::borrow::Cow<str> = std::borrow::Cow::Borrowed(name);
    if name.contains(['%', '％']) {
        for pattern in ["(%)", "（%）", "(％)", "（％）"] {
            if without.contains(pattern) {
                without = std::borrow::Cow::Owned(without.replace(pattern, ""));
            }
        }
    }
    let mut out: String = without.chars().filter(|c| !c.is_whitespace()).collect();
    let kept = out
        .trim_end_matches([
            '。', '，', ',', '.', '；', ';', '！', '!', '、', '：', ':', '？', '?',
        ])
        .len();
    out.truncate(kept);
    out
}

/// The quantity of a quantitative target, with or without comparator.
pub(crate) fn target_quantity(indicator: &Indicator) -> Option<&Quantity> {
    match &indicator.target.kind {
        TargetKind::Compare {
            value: ast::Operand::Quantity(q),
            ..
        } => Some(q),
        TargetKind::Bare(q) => Some(q),
        _ => None,
    }
}

/// Every indicator of the plan whose target is a quantity with a unit, with
/// that quantity and unit: what the unit rules look at.
pub(crate) fn measured<'a>(
    ctx: &Ctx<'a>,
) -> impl Iterator<Item = (In<'a, Indicator>, &'a Quantity, &'a ast::Unit)> {
    ctx.all_indicators()
        .into_iter()
        .filter_map(|(_, indicator)| {
            let q = target_quantity(indicator.node)?;
            let unit = q.unit.as_ref()?;
            Some((indicator, q, unit))
        })
}

/// A quantity as written: `95%`, `50.00万元`, `100`.
pub(crate) fn written_quantity(q: &Quantity) -> String {
    let unit = q.unit.as_ref().map_or("", |u| u.written.as_str());
    format!("{}{}", q.number.written, unit)
}

/// A quantitative target as written (`≥ 95`, `95%以上`, `100`); other
/// targets give an empty text.
pub(crate) fn written_target(indicator: &Indicator) -> String {
    match &indicator.target.kind {
        TargetKind::Compare { comparator, value } => {
            let value = match value {
                ast::Operand::Quantity(q) => written_quantity(q),
                ast::Operand::Date(c) => c.written.clone(),
            };
            if comparator.postfix {
                format!("{}{}", value, comparator.written)
            } else {
                format!("{} {}", comparator.written, value)
            }
        }
        TargetKind::Bare(q) => written_quantity(q),
        _ => String::new(),
    }
}

/// What unit an indicator's name and level call for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Expected {
    Percent,
    Money,
    Measure,
}

/// Percent for a rate-named indicator, money for a cost indicator, else a
/// measure word.
pub(crate) fn expected_unit(ctx: &Ctx, indicator: &Indicator) -> Expected {
    if is_rate_name(&indicator.name.value) {
        Expected::Percent
    } else if is_cost(ctx, indicator) {
        Expected::Money
    } else {
        Expected::Measure
    }
}

/// `≥ 95%`: a target as reviewers write it.
pub(crate) fn target_text(op: CmpOp, number: &str, unit: &str) -> String {
    format!("{} {}{}", op.symbol(), number, unit)
}

/// The fix for a number written without its unit, in the words of the
/// expected unit: `≥ 95%`, `< 40000元` …
pub(crate) fn unit_suggestion(ctx: &Ctx, expected: Expected, op: CmpOp, number: &str) -> Message {
    match expected {
        Expected::Percent => {
            let t = target_text(op, number, "%");
            msg!("写作 `{}`", "write `{}`", t)
        }
        Expected::Money => {
            let yuan = target_text(op, number, "元");
            let plan = target_text(op, number, ctx.money.word());
            if ctx.money.word() == "元" {
                msg!(
                    "写明金额单位，如 `{}`；人均金额写作 `元/人`",
                    "add the money unit, as in `{}`; an amount per head is written `元/人`",
                    yuan
                )
            } else {
                msg!(
                    "写明金额单位：`{}` 还是 `{}`？人均金额写作 `{}/人`",
                    "add the money unit: `{}` or `{}`? An amount per head is written `{}/人`",
                    yuan,
                    plan,
                    ctx.money.word()
                )
            }
        }
        Expected::Measure => {
            let a = target_text(op, number, "个");
            let b = target_text(op, number, "人次");
            msg!(
                "写明计量单位，如 `{}` 或 `{}`；比率写 `%`",
                "add the unit, as in `{}` or `{}`; a rate takes `%`",
                a,
                b
            )
        }
    }
}

/// Which text of an indicator a rule speaks of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    Name,
    Description,
    Qualitative,
    Basis,
    /// A project's or the plan's `依据`, the default basis of indicators.
    DefaultBasis,
    /// 评(扣)分标准.
    Scoring,
    /// 指标值说明.
    Note,
    /// 备注.
    Remark,
}

impl Field {
    pub(crate) fn zh(self) -> &'static str {
        match self {
            Field::Name => "指标名称",
            Field::Description => "指标描述",
            Field::Qualitative => "定性指标值",
            Field::Basis => "指标值确定依据",
            Field::DefaultBasis => "默认的指标值确定依据",
            Field::Scoring => "评(扣)分标准",
            Field::Note => "指标值说明",
            Field::Remark => "备注",
        }
    }

    pub(crate) fn en(self) -> &'static str {
        match self {
            Field::Name => "indicator name",
            Field::Description => "indicator description",
            Field::Qualitative => "qualitative target",
            Field::Basis => "basis of the target",
            Field::DefaultBasis => "default basis of the targets",
            Field::Scoring => "scoring rule",
            Field::Note => "note on the target",
            Field::Remark => "remark",
        }
    }

    /// The most bytes the systems store in the field (a Chinese character
    /// counts 3): 2000 for a scoring rule, 1000 for the others.
    pub(crate) fn byte_limit(self) -> usize {
        match self {
            Field::Scoring => 2000,
            _ => 1000,
        }
    }
}

/// Every text that goes into an indicator row: each indicator's name,
/// description, qualitative target and basis, and the default bases of the
/// plan and of each project.
pub(crate) fn indicator_texts<'a>(ctx: &Ctx<'a>) -> Vec<(FileId, Field, &'a Text)> {
    let mut out = Vec::new();
    for header in &ctx.headers {
        for stmt in &header.node.body {
            if let ast::PlanStmt::Basis(b) = stmt {
                out.push((header.file, Field::DefaultBasis, &b.text));
            }
        }
    }
    for p in &ctx.projects {
        for stmt in &p.node.body {
            if let ast::ProjectStmt::Basis(b) = stmt {
                out.push((p.file, Field::DefaultBasis, &b.text));
            }
        }
    }
    for (_, i) in ctx.all_indicators() {
        let node: &'a Indicator = i.node;
        out.push((i.file, Field::Name, &node.name));
        if let TargetKind::Qualitative { text, .. } = &node.target.kind {
            out.push((i.file, Field::Qualitative, text));
        }
        for attr in &node.attrs {
            match attr {
                ast::IndicatorAttr::Desc(t) => out.push((i.file, Field::Description, &t.text)),
                ast::IndicatorAttr::Basis(t) => out.push((i.file, Field::Basis, &t.text)),
                ast::IndicatorAttr::Text(t) => {
                    let field = match t.keyword.kw {
                        Kw::Scoring => Field::Scoring,
                        Kw::Note => Field::Note,
                        _ => Field::Remark,
                    };
                    out.push((i.file, field, &t.text));
                }
                ast::IndicatorAttr::Weight { .. }
                | ast::IndicatorAttr::Kind { .. }
                | ast::IndicatorAttr::MeasureUnit { .. } => {}
            }
        }
    }
    out
}

/// The indicators that are read together: the overall part's, then each
/// project's.
pub(crate) struct Scope<'a> {
    pub project: Option<In<'a, ast::Project>>,
    pub indicators: Vec<In<'a, Indicator>>,
}

impl Scope<'_> {
    /// Whether every indicator row of the scope was read whole: no row is
    /// broken, and no row lost its attributes to a target that did not
    /// parse. Rules over all the rows together (weights) need it.
    pub(crate) fn read_whole(&self) -> bool {
        let broken_row = match &self.project {
            Some(p) => p.has_broken_indicator(),
            None => false,
        };
        !broken_row
            && !self
                .indicators
                .iter()
                .any(|i| matches!(i.target.kind, TargetKind::Broken))
    }

    /// "项目 办案经费" / "project 办案经费", or the overall part.
    pub(crate) fn name(&self) -> Message {
        match &self.project {
            // A space between a Latin id and the Chinese that follows.
            Some(p) if p.id.name.ends_with(|c: char| c.is_ascii()) => {
                msg!("项目 {} ", "project {}", p.id.name)
            }
            Some(p) => msg!("项目 {}", "project {}", p.id.name),
            None => msg!("总体目标", "the overall part"),
        }
    }
}

/// The overall part's indicators (when it has any and the context checks
/// them, see [`Ctx::overall_checked`]), then each project's, in plan order.
pub(crate) fn scopes<'a>(ctx: &Ctx<'a>) -> Vec<Scope<'a>> {
    let overall_parts = if ctx.overall_checked {
        &ctx.overall[..]
    } else {
        &[]
    };
    let overall: Vec<In<'a, Indicator>> = overall_parts
        .iter()
        .flat_map(|o| {
            o.node.body.iter().filter_map(move |s| match s {
                ast::OverallStmt::Indicator(i) => Some(In {
                    file: o.file,
                    node: &**i,
                }),
                _ => None,
            })
        })
        .collect();
    let mut out = Vec::with_capacity(ctx.projects.len() + 1);
    if !overall.is_empty() {
        out.push(Scope {
            project: None,
            indicators: overall,
        });
    }
    out.extend(ctx.projects.iter().map(|p| {
        Scope {
            project: Some(*p),
            indicators: indicators_of(p.node)
                .map(|i| In {
                    file: p.file,
                    node: i,
                })
                .collect(),
        }
    }));
    out
}

/// What kind of unit a dimension is, for "not in `个` (a count unit)".
pub(crate) fn dimension_name(d: Dimension, money_rate: bool) -> (&'static str, &'static str) {
    match d {
        Dimension::Money => ("金额单位", "a money unit"),
        Dimension::Percent => ("百分比", "a percentage"),
        Dimension::Count => ("数量单位", "a count unit"),
        Dimension::Length => ("长度单位", "a length unit"),
        Dimension::Area => ("面积单位", "an area unit"),
        Dimension::Mass => ("重量单位", "a weight unit"),
        Dimension::Time => ("时间单位", "a time unit"),
        Dimension::Rate if money_rate => ("人均金额单位", "an amount per head"),
        Dimension::Rate => ("比值单位", "a per-unit measure"),
        Dimension::Volume => ("体积单位", "a volume unit"),
        Dimension::Energy => ("能源单位", "an energy unit"),
    }
}

/// A text for a message: cut after 30 characters.
pub(crate) fn short(text: &str) -> String {
    const MAX: usize = 30;
    let t = text.trim();
    if t.chars().count() <= MAX {
        return t.to_string();
    }
    let mut cut: String = t.chars().take(MAX).collect();
    cut.push('…');
    cut
}

/// Whether a text holds a digit (ASCII or full-width).
pub(crate) fn has_digit(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_names() {
        assert!(is_rate_name("举报线索处置率(%)"));
        assert!(is_rate_name("项目按期结项率（%）"));
        assert!(is_rate_name("服务对象满意度"));
        assert!(is_rate_name("培训人员占比"));
        assert!(!is_rate_name("人均工作经费"));
        assert!(!is_rate_name("资金使用规范率达100%"));
    }

    #[test]
    fn satisfaction_groups_and_shares() {
        assert_eq!(satisfaction_group("服务对象满意度(%)"), Some("服务对象"));
        assert_eq!(satisfaction_group("群众满意率"), Some("群众"));
        assert_eq!(satisfaction_group("满意度"), Some(""));
        assert_eq!(satisfaction_group("满意度调查完成率"), None);
        assert!(is_share_name("培训覆盖面"));
        assert!(is_share_name("财政资金比重（%）"));
        assert!(!is_share_name("覆盖面积"));
    }

    #[test]
    fn names_compare_without_percent_and_punctuation() {
        assert_eq!(normalize_name(" 提高工作效率。"), "提高工作效率");
        assert_eq!(normalize_name("公众安全感指数(%)"), "公众安全感指数");
    }
}
