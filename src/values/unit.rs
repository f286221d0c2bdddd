//! Units of measure: money, percent, counts with measure words, physical
//! units, and rates such as `元/人`.

use super::{ValueError, ValueResult};
use crate::codes;
use crate::msg;
use rust_decimal::Decimal;
use serde::Serialize;

/// A money unit. Conversions between them are exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum MoneyUnit {
    #[serde(rename = "元")]
    Yuan,
    #[serde(rename = "万元")]
    WanYuan,
    #[serde(rename = "亿元")]
    YiYuan,
}

impl MoneyUnit {
    pub fn from_word(word: &str) -> Option<MoneyUnit> {
        match word {
            "元" => Some(MoneyUnit::Yuan),
            "万元" => Some(MoneyUnit::WanYuan),
            "亿元" => Some(MoneyUnit::YiYuan),
            _ => None,
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "元",
            MoneyUnit::WanYuan => "万元",
            MoneyUnit::YiYuan => "亿元",
        }
    }

    /// How many 元 one of this unit is.
    pub fn in_yuan(self) -> Decimal {
        match self {
            MoneyUnit::Yuan => Decimal::ONE,
            MoneyUnit::WanYuan => Decimal::from(10_000),
            MoneyUnit::YiYuan => Decimal::from(100_000_000),
        }
    }

    /// Converts an amount from this unit into `to`, exactly; `None` when the
    /// result does not fit the decimal type.
    pub fn convert(self, amount: Decimal, to: MoneyUnit) -> Option<Decimal> {
        let yuan = amount.checked_mul(self.in_yuan())?;
        yuan.checked_div(to.in_yuan()).map(|d| d.normalize())
    }
}

/// What a target's unit measures: money, percent, count, length, area,
/// mass, time, rate (`元/人`), volume or energy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Money,
    Percent,
    Count,
    Length,
    Area,
    Mass,
    Time,
    // Plain comments here: a doc comment on a variant would split the
    // schema's enum into a `oneOf`.
    // Something per something: `元/人`, `次/年`.
    Rate,
    // `立方米`, `升`.
    Volume,
    // `千瓦`, `千瓦时`, `度`.
    Energy,
}

/// A unit understood: its dimension and, for money and money rates, the
/// money unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnitKind {
    pub dimension: Dimension,
    pub money: Option<MoneyUnit>,
    /// Percent is 1/100, per mille 1/1000; other units 1.
    pub per_mille: bool,
}

#[rustfmt::skip]
const COUNT_WORDS: &[&str] = &[
    "个", "项", "次", "人", "人次", "名", "位", "辆", "家", "户", "件", "台", "套", "份", "篇", "期", "场", "批", "所",
    "座", "张", "本", "册", "处", "条", "间", "栋", "架", "艘", "株", "棵", "头", "只", "门", "类", "种", "部", "宗",
    "起", "例", "支", "层", "组", "块", "口", "课时", "学时", "人天", "户次", "笔", "单", "元次", "万人", "万人次", "万户",
    "万册", "万件", "生", "床", "班", "场次", "节", "课", "门次", "学分", "人月", "家次", "批次", "项次", "车次", "架次", "台次",
    "辆次", "村", "镇", "乡镇", "篇次", "条次", "份次", "套次", "宗次", "起次", "天次", "对", "片",
];
const LENGTH_WORDS: &[&str] = &["米", "公里", "千米", "厘米", "延米", "km", "㎞"];
const AREA_WORDS: &[&str] = &[
    "平方米",
    "平米",
    "㎡",
    "m²",
    "亩",
    "万亩",
    "公顷",
    "平方公里",
    "平方千米",
];
/// 微克 and 毫克 for concentrations (`微克/立方米`, `mg/m³`: PM2.5 and
/// emission limits).
const MASS_WORDS: &[&str] = &[
    "吨", "万吨", "千克", "公斤", "克", "毫克", "微克", "㎏", "kg", "mg", "μg",
];
const VOLUME_WORDS: &[&str] = &["立方米", "方", "万立方米", "升", "毫升", "m³"];
const ENERGY_WORDS: &[&str] = &["千瓦", "千瓦时", "万千瓦时", "度", "兆瓦"];
/// How system print-outs write percent.
const PERCENT_WORDS: &[&str] = &["%", "％", "百分比", "百分点", "个百分点"];
const TIME_WORDS: &[&str] = &[
    "天",
    "日",
    "工作日",
    "小时",
    "分钟",
    "周",
    "月",
    "个月",
    "年",
    "季度",
];

/// Reads a unit token.
pub fn parse(written: &str) -> ValueResult<UnitKind> {
    match written {
        _ if PERCENT_WORDS.contains(&written) => return Ok(simple(Dimension::Percent)),
        "‰" => {
            return Ok(UnitKind {
                per_mille: true,
                ..simple(Dimension::Percent)
            });
        }
        _ => {}
    }
    if let Some((numerator, rest)) = written.split_once('/') {
        return parse_rate(written, numerator, rest);
    }
    word(written).ok_or_else(|| unknown(written, written))
}

fn simple(dimension: Dimension) -> UnitKind {
    UnitKind {
        dimension,
        money: None,
        per_mille: false,
    }
}

fn word(w: &str) -> Option<UnitKind> {
    if let Some(money) = MoneyUnit::from_word(w) {
        return Some(UnitKind {
            money: Some(money),
            ..simple(Dimension::Money)
        });
    }
    let tables = [
        (COUNT_WORDS, Dimension::Count),
        (LENGTH_WORDS, Dimension::Length),
        (AREA_WORDS, Dimension::Area),
        (MASS_WORDS, Dimension::Mass),
        (TIME_WORDS, Dimension::Time),
        (VOLUME_WORDS, Dimension::Volume),
        (ENERGY_WORDS, Dimension::Energy),
    ];
    tables
        .iter()
        .find(|(words, _)| words.contains(&w))
        .map(|(_, d)| simple(*d))
}

/// `元/人`, `万元/人·月`, `次/年`: a known unit over one or more known
/// units joined by `·` or further `/`.
fn parse_rate(written: &str, numerator: &str, rest: &str) -> ValueResult<UnitKind> {
    let top = word(numerator).ok_or_else(|| unknown(written, numerator))?;
    for part in rest.split(['/', '·']) {
        match word(part) {
            Some(k) if k.dimension != Dimension::Money => {}
            _ => return Err(unknown(written, part)),
        }
    }
    Ok(UnitKind {
        money: top.money,
        ..simple(Dimension::Rate)
    })
}

/// Every unit word, for suggestions.
fn all_words() -> impl Iterator<Item = &'static str> {
    ["%", "元", "万元", "亿元"]
        .into_iter()
        .chain(COUNT_WORDS.iter().copied())
        .chain(LENGTH_WORDS.iter().copied())
        .chain(AREA_WORDS.iter().copied())
        .chain(MASS_WORDS.iter().copied())
        .chain(TIME_WORDS.iter().copied())
        .chain(VOLUME_WORDS.iter().copied())
        .chain(ENERGY_WORDS.iter().copied())
}

/// The usual spelling of a unit that has several (`％` and `百分比` are
/// `%`, `㎡` and `平米` are `平方米`): two units are the same when their
/// usual spellings are.
pub fn canonical(written: &str) -> &str {
    match written {
        "％" | "百分比" => "%",
        "㎡" | "m²" | "平米" => "平方米",
        "km" | "㎞" | "千米" => "公里",
        "kg" | "㎏" | "千克" => "公斤",
        "m³" | "方" => "立方米",
        "日" => "天",
        "个月" => "月",
        "平方千米" => "平方公里",
        other => other,
    }
}

/// A unit written loosely whose meaning is clear enough to keep the plan
/// checkable: what it is read as, and the spelling to write instead. The
/// caller warns (W0109): `250万` in money is 250 万元, `80M` is 80 米.
pub fn loose(written: &str) -> Option<(UnitKind, &'static str)> {
    let (kind, fix) = match written {
        "万" | "万元元" => (word("万元")?, "万元"),
        "亿" => (word("亿元")?, "亿元"),
        "M" | "m" => (word("米")?, "米"),
        "KM" | "Km" => (word("公里")?, "公里"),
        "平方" | "平" => (word("平方米")?, "平方米"),
        _ => return None,
    };
    Some((kind, fix))
}

fn unknown(written: &str, part: &str) -> Box<ValueError> {
    let error = ValueError::new(
        codes::UNKNOWN_UNIT,
        msg!("未知的计量单位 `{}`", "unknown unit `{}`", written),
        msg!("`{}` 不是已知的单位", "`{}` is not a known unit", part),
    );
    let suggestion = crate::syntax::keywords::closest(part, all_words()).or_else(|| {
        all_words()
            .filter(|w| part.starts_with(w))
            .max_by_key(|w| w.len())
    });
    match suggestion {
        Some(s) => error.help(msg!(
            "是否想写 `{}`？若这是一段文字而非数值，请写作 定性 \"…\"",
            "did you mean `{}`? If this is text rather than a measure, write qualitative \"…\"",
            written.replacen(part, s, 1)
        )),
        None => error.help(msg!(
            "单位可以是 %、元、万元、亿元、量词（个、项、人次 …）或比率（元/人）；若这是一段文字，请写作 定性 \"…\"",
            "a unit is %, 元, 万元, 亿元, a measure word (个, 项, 人次 …) or a rate (元/人); if this is text, write qualitative \"…\""
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_unit() {
        assert_eq!(parse("%").map(|u| u.dimension), Ok(Dimension::Percent));
        assert_eq!(parse("万元").map(|u| u.money), Ok(Some(MoneyUnit::WanYuan)));
        assert_eq!(parse("人次").map(|u| u.dimension), Ok(Dimension::Count));
        for concentration in ["微克/立方米", "毫克/升", "mg/m³", "μg/m³"] {
            assert_eq!(
                parse(concentration).map(|u| u.dimension),
                Ok(Dimension::Rate),
                "{concentration}"
            );
        }
        // Couples, as 孕前优生健康检查 tables count them.
        assert_eq!(parse("对").map(|u| u.dimension), Ok(Dimension::Count));
        assert_eq!(parse("元/对").map(|u| u.money), Ok(Some(MoneyUnit::Yuan)));
        // Courts and fields: 多功能运动场4片.
        assert_eq!(parse("片").map(|u| u.dimension), Ok(Dimension::Count));
        assert_eq!(parse("平方米").map(|u| u.dimension), Ok(Dimension::Area));
        let rate = parse("万元/人").unwrap_or(simple(Dimension::Count));
        assert_eq!(
            (rate.dimension, rate.money),
            (Dimension::Rate, Some(MoneyUnit::WanYuan))
        );
        assert_eq!(parse("元/人·月").map(|u| u.dimension), Ok(Dimension::Rate));
    }

    #[test]
    fn unknown_units_get_suggestions() {
        let error = parse("万").expect_err("万 alone is not a unit");
        assert_eq!(error.code, codes::UNKNOWN_UNIT);
        assert!(error.help.is_some_and(|h| h.zh.contains("万元")));
        assert!(parse("元/万元").is_err());
        assert!(parse("服务对象满意度").is_err());
    }

    #[test]
    fn converts_money_exactly() {
        let wan = MoneyUnit::Yuan.convert(Decimal::from(645_000), MoneyUnit::WanYuan);
        assert_eq!(wan.map(|d| d.to_string()), Some("64.5".to_string()));
        let yi = MoneyUnit::WanYuan.convert(Decimal::new(1, 2), MoneyUnit::YiYuan);
        assert_eq!(yi.map(|d| d.to_string()), Some("0.000001".to_string()));
    }
}
