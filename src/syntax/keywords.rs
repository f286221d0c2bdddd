//! The keyword table: every keyword's Chinese and English spellings.
//!
//! The grammar (`grammar/perfplan.pest`) spells the same words; a test keeps
//! the two in step. The table serves the messages ("did you mean `编码`?"),
//! the layout scanner (which words open a top-level item) and, later, the
//! formatter (rewriting keywords into one language).

use crate::diagnostic::Lang;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a keyword means, whichever language it is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kw {
    Plan,
    Framework,
    Money,
    Unit,
    Basis,
    Grades,
    Precision,
    Allow,
    Warn,
    Deny,
    Overall,
    Summary,
    Measure,
    Project,
    Name,
    Code,
    Funds,
    Fiscal,
    Other,
    Purpose,
    Schedule,
    Goal,
    Desc,
    Weight,
    Qualitative,
    Grade,
    NotApplicable,
    Profile,
    Level1,
    Level2,
    Required,
    Category,
    Supervisor,
    Implementer,
    Region,
    Period,
    TotalFunds,
    MidtermGoal,
    Midterm,
    Local,
    Upper,
    SelfRaised,
    Kind,
    Quantitative,
    MeasureUnit,
    Scoring,
    Note,
    Remark,
    CostItem,
    Duties,
    BasicSpending,
    Draft,
    Cover,
    Toc,
}

/// One row of the table: the canonical Chinese spelling first, then any
/// Chinese aliases; one English spelling.
pub struct KeywordInfo {
    pub kw: Kw,
    pub zh: &'static [&'static str],
    pub en: &'static str,
}

pub const KEYWORDS: &[KeywordInfo] = &[
    row(Kw::Plan, &["计划"], "plan"),
    row(Kw::Framework, &["框架"], "framework"),
    row(Kw::Money, &["金额单位"], "money"),
    row(Kw::Unit, &["预算单位"], "unit"),
    row(Kw::Basis, &["依据"], "basis"),
    row(Kw::Grades, &["等级"], "grades"),
    row(Kw::Precision, &["精度"], "precision"),
    row(Kw::Allow, &["允许"], "allow"),
    row(Kw::Warn, &["警告"], "warn"),
    row(Kw::Deny, &["禁止"], "deny"),
    row(Kw::Overall, &["总体目标"], "overall"),
    row(Kw::Summary, &["分项目标"], "summary"),
    row(Kw::Measure, &["保障措施"], "measure"),
    row(Kw::Project, &["项目"], "project"),
    row(Kw::Name, &["名称"], "name"),
    row(Kw::Code, &["编码"], "code"),
    row(Kw::Funds, &["资金"], "funds"),
    row(Kw::Fiscal, &["财政", "财政资金", "财政拨款"], "fiscal"),
    row(Kw::Other, &["其他", "其他资金"], "other"),
    row(Kw::Purpose, &["用途"], "purpose"),
    row(Kw::Schedule, &["支出计划"], "schedule"),
    row(Kw::Goal, &["目标", "年度目标"], "goal"),
    row(Kw::Desc, &["描述"], "desc"),
    row(Kw::Weight, &["分值"], "weight"),
    row(Kw::Qualitative, &["定性"], "qualitative"),
    row(Kw::Grade, &["等级"], "grade"),
    row(Kw::NotApplicable, &["不适用"], "n/a"),
    row(Kw::Profile, &["框架定义"], "profile"),
    row(Kw::Level1, &["一级"], "level1"),
    row(Kw::Level2, &["二级"], "level2"),
    row(Kw::Required, &["必需"], "required"),
    row(Kw::Category, &["类别", "项目类别", "项目属性"], "category"),
    row(Kw::Supervisor, &["主管部门"], "supervisor"),
    row(Kw::Implementer, &["实施单位"], "implementer"),
    row(Kw::Region, &["财政区划"], "region"),
    row(
        Kw::Period,
        &["实施期", "项目期", "实施周期", "起止时间"],
        "period",
    ),
    row(
        Kw::TotalFunds,
        &["总资金", "项目总资金", "项目总额"],
        "total-funds",
    ),
    row(Kw::MidtermGoal, &["中期目标", "实施期目标"], "midterm-goal"),
    row(Kw::Midterm, &["中期"], "midterm"),
    row(
        Kw::Local,
        &["本级", "本级财政", "本级财政资金", "本级资金"],
        "local",
    ),
    row(
        Kw::Upper,
        &[
            "上级",
            "上级财政",
            "上级资金",
            "上级补助",
            "上级补助资金",
            "上级财政资金",
        ],
        "upper",
    ),
    row(
        Kw::SelfRaised,
        &["自筹", "自筹资金", "自有资金", "单位自筹"],
        "self-raised",
    ),
    row(Kw::Kind, &["类型", "指标值类型", "指标类型"], "kind"),
    row(Kw::Quantitative, &["定量"], "quantitative"),
    row(Kw::MeasureUnit, &["计量单位"], "measure-unit"),
    row(
        Kw::Scoring,
        &["评分标准", "评(扣)分标准", "评（扣）分标准", "评扣分标准"],
        "scoring",
    ),
    row(Kw::Note, &["说明", "指标值说明"], "note"),
    row(Kw::Remark, &["备注"], "remark"),
    row(Kw::CostItem, &["测算", "成本测算"], "cost-item"),
    row(Kw::Duties, &["职责", "部门职责"], "duties"),
    row(Kw::BasicSpending, &["基本支出"], "basic-spending"),
    row(Kw::Draft, &["草案"], "draft"),
    row(Kw::Cover, &["封面"], "cover"),
    row(Kw::Toc, &["目录"], "toc"),
];

const fn row(kw: Kw, zh: &'static [&'static str], en: &'static str) -> KeywordInfo {
    KeywordInfo { kw, zh, en }
}

/// The keywords that open a top-level item.
pub const TOP_LEVEL: &[Kw] = &[
    Kw::Plan,
    Kw::Overall,
    Kw::Summary,
    Kw::Measure,
    Kw::Project,
    Kw::Profile,
];

impl Kw {
    pub fn info(self) -> &'static KeywordInfo {
        KEYWORDS
            .iter()
            .find(|k| k.kw == self)
            .unwrap_or(&KEYWORDS[0])
    }

    /// The canonical spelling in one language.
    pub fn spelling(self, lang: Lang) -> &'static str {
        let info = self.info();
        match lang {
            Lang::Zh => info.zh[0],
            Lang::En => info.en,
        }
    }
}

/// The keyword a word spells, if any, and the language it is written in.
/// `等级` reads as [`Kw::Grades`]; the grammar tells the two uses apart.
pub fn lookup(word: &str) -> Option<(Kw, Lang)> {
    // Every line's first word is looked up: a map, built once, rather
    // than a walk over the table.
    static BY_SPELLING: OnceLock<HashMap<&'static str, (Kw, Lang)>> = OnceLock::new();
    let map = BY_SPELLING.get_or_init(|| {
        let mut map = HashMap::new();
        // The first row that spells a word wins (`等级`: grades).
        for k in KEYWORDS.iter().rev() {
            map.insert(k.en, (k.kw, Lang::En));
            for zh in k.zh {
                map.insert(*zh, (k.kw, Lang::Zh));
            }
        }
        map
    });
    map.get(word).copied()
}

/// Whether a word opens a top-level item (`项目`, `project`, …).
pub fn is_top_level(word: &str) -> bool {
    lookup(word).is_some_and(|(kw, _)| TOP_LEVEL.contains(&kw))
}

/// The keyword closest to a misspelt word, when it is close enough to be a
/// likely slip: one wrong character in a short Chinese word, or a small edit
/// distance relative to the length of an English word.
pub fn suggest(word: &str) -> Option<&'static str> {
    let candidates = KEYWORDS
        .iter()
        .flat_map(|k| k.zh.iter().copied().chain(std::iter::once(k.en)));
    closest(word, candidates)
}

/// The candidate closest to `word` by edit distance over characters, if it
/// is close enough to be a likely slip of the keyboard or input method.
pub fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let len = word.chars().count();
    if len == 0 {
        return None;
    }
    let limit = match len {
        1..=2 => 1,
        3..=5 => 2,
        _ => 3,
    };
    candidates
        .filter(|c| *c != word)
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|(d, c)| *d <= limit && *d < c.chars().count())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The map gives what reading the table in order gives: the first
    /// row that spells a word, Chinese before English.
    #[test]
    fn the_map_agrees_with_the_table() {
        for k in KEYWORDS {
            for word in k.zh.iter().chain([&k.en]) {
                let first = KEYWORDS.iter().find_map(|r| {
                    if r.zh.contains(word) {
                        Some((r.kw, Lang::Zh))
                    } else {
                        (r.en == *word).then_some((r.kw, Lang::En))
                    }
                });
                assert_eq!(lookup(word), first, "{word}");
            }
        }
        assert_eq!(lookup("等级"), Some((Kw::Grades, Lang::Zh)));
        assert_eq!(lookup("不是关键字"), None);
    }

    #[test]
    fn looks_up_both_languages_and_aliases() {
        assert_eq!(lookup("项目"), Some((Kw::Project, Lang::Zh)));
        assert_eq!(lookup("project"), Some((Kw::Project, Lang::En)));
        assert_eq!(lookup("财政资金"), Some((Kw::Fiscal, Lang::Zh)));
        assert_eq!(lookup("项"), None);
    }

    #[test]
    fn suggests_near_misses_only() {
        assert_eq!(suggest("编玛"), Some("编码"));
        assert_eq!(suggest("projet"), Some("project"));
        assert_eq!(suggest("shedule"), Some("schedule"));
        assert_eq!(suggest("产出"), None);
        assert_eq!(suggest("zzzzzzzz"), None);
    }

    #[test]
    fn every_keyword_is_spelt_in_the_grammar() {
        let grammar = include_str!("../../grammar/perfplan.pest");
        for k in KEYWORDS {
            for spelling in k.zh.iter().chain(std::iter::once(&k.en)) {
                let quoted = format!("\"{spelling}\"");
                assert!(
                    grammar.contains(&quoted),
                    "{spelling} is not in the grammar"
                );
            }
        }
    }
}
