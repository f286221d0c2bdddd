//! Pinyin for completion filters: a Chinese label gets its initials
//! (`绩效目标` → `jxmb`) and its full reading (`jixiaomubiao`), so that an
//! editor's ordinary fuzzy filter keeps `绩效目标` when the user types
//! `jxmb` without switching the input method.
//!
//! Readings come from the `pinyin` crate. A character with several
//! readings (多音字) gives every combination of initials, up to
//! [`MAX_COMBINATIONS`]; the full reading uses one reading per character:
//! the crate's first, unless [`PHRASES`] says otherwise for budget words
//! (`银行` is *yinhang*, `执行` *zhixing*).

use pinyin::ToPinyinMulti;

/// At most this many combinations of initials per label.
pub const MAX_COMBINATIONS: usize = 8;

/// The pinyin of a label covers at most its first this many characters:
/// enough for any word typed to complete it, and bounded however long a
/// name a plan writes.
const MAX_CHARS: usize = 32;

/// Budget words whose characters the crate reads otherwise by default:
/// the word and the reading of each of its characters.
const PHRASES: &[(&str, &[&str])] = &[
    ("银行", &["yin", "hang"]),
    ("行业", &["hang", "ye"]),
    ("行长", &["hang", "zhang"]),
    ("执行", &["zhi", "xing"]),
    ("重复", &["chong", "fu"]),
    ("重新", &["chong", "xin"]),
    ("重建", &["chong", "jian"]),
    ("重大", &["zhong", "da"]),
    ("重点", &["zhong", "dian"]),
    ("增长", &["zeng", "zhang"]),
    ("长期", &["chang", "qi"]),
    ("长效", &["chang", "xiao"]),
    ("延长", &["yan", "chang"]),
    ("中长期", &["zhong", "chang", "qi"]),
    ("效率", &["xiao", "lv"]),
    ("供给", &["gong", "ji"]),
    ("给予", &["ji", "yu"]),
    ("差旅", &["chai", "lv"]),
    ("出差", &["chu", "chai"]),
    ("会计", &["kuai", "ji"]),
    ("调整", &["tiao", "zheng"]),
    ("协调", &["xie", "tiao"]),
    ("调控", &["tiao", "kong"]),
    ("偿还", &["chang", "huan"]),
    ("归还", &["gui", "huan"]),
    ("都市", &["du", "shi"]),
    ("首都", &["shou", "du"]),
    ("校对", &["jiao", "dui"]),
    ("乐亭", &["lao", "ting"]),
];

/// The text an editor filters a completion on: the label, its initials
/// (every combination, up to [`MAX_COMBINATIONS`]) and its full pinyin,
/// separated by spaces. A label with no Chinese character is its own
/// filter text.
pub fn filter_text(label: &str) -> String {
    if !label.chars().any(is_han) {
        return label.to_string();
    }
    let mut out = label.to_string();
    for combination in initials(label) {
        out.push(' ');
        out.push_str(&combination);
    }
    out.push(' ');
    out.push_str(&full(label));
    out
}

/// Combinations of the initials of a word's readings, at most
/// [`MAX_COMBINATIONS`]: the usual reading of every character first, then
/// those that read one character otherwise, then two, and so on, so that
/// the cap never cuts a single heteronym's reading for the sake of rarer
/// mixtures. ASCII letters and digits stand for themselves (lowercased);
/// other characters are left out.
pub fn initials(word: &str) -> Vec<String> {
    let letters: Vec<Vec<char>> = readings(word)
        .iter()
        .map(|choices| distinct_initials(choices))
        .collect();
    let heteronyms = letters.iter().filter(|l| l.len() > 1).count();
    let mut out = Vec::new();
    for others in 0..=heteronyms {
        combine(&letters, others, &mut String::new(), &mut out);
        if out.len() >= MAX_COMBINATIONS {
            break;
        }
    }
    out
}

/// Pushes onto `out` each way to finish `prefix` with the letters of the
/// remaining characters that takes exactly `others` letters other than
/// the first, until `out` holds [`MAX_COMBINATIONS`].
fn combine(letters: &[Vec<char>], others: usize, prefix: &mut String, out: &mut Vec<String>) {
    if out.len() >= MAX_COMBINATIONS || others > letters.len() {
        return;
    }
    let Some((choices, rest)) = letters.split_first() else {
        if others == 0 {
            out.push(prefix.clone());
        }
        return;
    };
    let Some((&usual, alternatives)) = choices.split_first() else {
        return;
    };
    prefix.push(usual);
    combine(rest, others, prefix, out);
    prefix.pop();
    if others > 0 {
        for &letter in alternatives {
            prefix.push(letter);
            combine(rest, others - 1, prefix, out);
            prefix.pop();
        }
    }
}

/// The full pinyin of a word, without tones or spaces, one reading per
/// character (`ü` written `v`, as it is typed): `满意度` → `manyidu`.
pub fn full(word: &str) -> String {
    readings(word)
        .iter()
        .filter_map(|choices| choices.first())
        .map(|r| r.replace('ü', "v"))
        .collect()
}

/// The possible readings of each character that has one (Chinese
/// characters, ASCII letters and digits), the preferred reading first; of
/// the first [`MAX_CHARS`] characters only.
fn readings(word: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = word.chars().take(MAX_CHARS).collect();
    let preferred = phrase_readings(&chars);
    chars
        .iter()
        .zip(preferred)
        .filter_map(|(&c, phrase)| char_readings(c, phrase))
        .collect()
}

/// The readings of one character: the phrase's reading first, when a
/// phrase gives one, then the crate's, without repeats.
fn char_readings(c: char, phrase: Option<&str>) -> Option<Vec<String>> {
    if c.is_ascii_alphanumeric() {
        return Some(vec![c.to_ascii_lowercase().to_string()]);
    }
    let mut out: Vec<String> = phrase.map(str::to_string).into_iter().collect();
    if let Some(multi) = c.to_pinyin_multi() {
        for reading in multi {
            let plain = reading.plain().to_string();
            if !out.contains(&plain) {
                out.push(plain);
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

/// For each character, the reading a phrase of [`PHRASES`] gives it, the
/// longest phrase winning where two start at the same character.
fn phrase_readings(chars: &[char]) -> Vec<Option<&'static str>> {
    let mut out = vec![None; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        match longest_phrase_at(chars, i) {
            Some(syllables) => {
                for (slot, syllable) in out.iter_mut().skip(i).zip(syllables.iter()) {
                    *slot = Some(*syllable);
                }
                i += syllables.len().max(1);
            }
            None => i += 1,
        }
    }
    out
}

/// The readings of the longest phrase of [`PHRASES`] that starts at
/// character `at`.
fn longest_phrase_at(chars: &[char], at: usize) -> Option<&'static [&'static str]> {
    let rest = chars.get(at..)?;
    PHRASES
        .iter()
        .filter(|(phrase, syllables)| {
            let phrase: Vec<char> = phrase.chars().collect();
            phrase.len() == syllables.len() && rest.starts_with(&phrase)
        })
        .max_by_key(|(_, syllables)| syllables.len())
        .map(|(_, syllables)| *syllables)
}

/// The first letters of a character's readings, in order, without
/// repeats (`ü` never starts a reading).
fn distinct_initials(readings: &[String]) -> Vec<char> {
    let mut out = Vec::new();
    for first in readings.iter().filter_map(|r| r.chars().next()) {
        if !out.contains(&first) {
            out.push(first);
        }
    }
    out
}

/// Whether a character is a CJK ideograph (the blocks the `pinyin` crate
/// covers).
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_and_full_readings_of_budget_words() {
        assert_eq!(initials("绩效目标"), ["jxmb"]);
        assert_eq!(full("绩效目标"), "jixiaomubiao");
        assert_eq!(full("满意度"), "manyidu");
        assert_eq!(full("效益"), "xiaoyi");
        assert!(initials("满意度").contains(&"myd".to_string()));
        assert!(initials("产出").contains(&"cc".to_string()));
        assert!(initials("成本").contains(&"cb".to_string()));
    }

    #[test]
    fn phrases_choose_the_reading_of_heteronyms() {
        assert_eq!(full("银行"), "yinhang");
        assert_eq!(full("执行率"), "zhixinglv");
        assert_eq!(full("重大"), "zhongda");
        assert_eq!(full("重复"), "chongfu");
        assert_eq!(full("增长"), "zengzhang");
        assert_eq!(full("中长期目标"), "zhongchangqimubiao");
        assert_eq!(full("效率"), "xiaolv");
        assert_eq!(full("差旅费"), "chailvfei");
        // The phrase's reading comes first among the initials.
        assert_eq!(initials("银行").first().map(String::as_str), Some("yh"));
    }

    #[test]
    fn every_reading_of_a_heteronym_gives_its_initials() {
        // 行: xing, hang, heng.
        let combos = initials("行");
        assert_eq!(combos, ["x", "h"]);
        // 重 (zhong, chong) in 重复: the phrase's reading first.
        let combos = initials("重复");
        assert_eq!(combos.first().map(String::as_str), Some("cf"));
        assert!(combos.contains(&"zf".to_string()));
    }

    #[test]
    fn combinations_are_capped_and_single_changes_come_first() {
        // Each of these has at least two initials.
        let combos = initials("行重长率调差");
        assert_eq!(combos.len(), MAX_COMBINATIONS);
        assert_eq!(combos.first().map(String::as_str), Some("xzzldc"));
        // Each other combination reads one character otherwise.
        for combo in &combos[1..] {
            let changed = combo.chars().zip("xzzldc".chars()).filter(|(a, b)| a != b);
            assert_eq!(changed.count(), 1, "{combo}");
        }
        // The last character's second reading is not cut off by the
        // first character's rare ones: 支出计划 is zcjh, and 划 is also guo.
        let combos = initials("支出计划");
        assert_eq!(combos.first().map(String::as_str), Some("zcjh"));
        assert!(combos.contains(&"zcjg".to_string()), "{combos:?}");
        // A long word of many heteronyms stays cheap and capped; its
        // pinyin covers its first characters.
        assert_eq!(initials(&"行重长率调差".repeat(20)).len(), MAX_COMBINATIONS);
        assert_eq!(
            full(&"效益".repeat(10_000)).len(),
            "xiaoyi".len() * MAX_CHARS / 2
        );
    }

    #[test]
    fn ascii_stands_for_itself_and_punctuation_is_left_out() {
        // 月 has a rare second reading (rù): the usual one comes first.
        assert_eq!(initials("3月底").first().map(String::as_str), Some("3yd"));
        assert_eq!(full("3月底"), "3yuedi");
        assert_eq!(full("举报线索处置率(%)"), "jubaoxiansuochuzhilv");
        assert_eq!(filter_text("output"), "output");
        assert_eq!(filter_text(""), "");
    }

    #[test]
    fn filter_text_is_label_initials_full() {
        assert_eq!(filter_text("效益"), "效益 xy xiaoyi");
        assert_eq!(filter_text("绩效目标"), "绩效目标 jxmb jixiaomubiao");
    }

    #[test]
    fn characters_without_a_reading_do_not_panic() {
        for word in ["㐀", "\u{10FFFF}", "ａ１", "ü", "〇", "\u{feff}"] {
            let _ = filter_text(word);
        }
    }
}
