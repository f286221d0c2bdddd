//! A project's period (实施期 / 项目期 / 起止时间), as tables write it:
//! `2023-07 至 2024-06`, `2023.07-2024.01`, `2023年7月至2024年6月`,
//! `2019—2021`, `2022`, `2022年`.

use super::{ValueError, ValueResult};
use crate::codes;
use crate::msg;
use serde::Serialize;

/// A year, and the month when it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct YearMonth {
    pub year: u16,
    pub month: Option<u8>,
}

/// The first and last month of a period; a bare year runs from its
/// January (as start) to its December (as end).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Period {
    pub start: YearMonth,
    pub end: YearMonth,
}

impl Period {
    /// Whether a year lies within the period.
    pub fn covers_year(&self, year: u16) -> bool {
        (self.start.year..=self.end.year).contains(&year)
    }

    /// Whether a month of a year lies within the period.
    pub fn covers(&self, year: u16, month: u8) -> bool {
        let first = (self.start.year, self.start.month.unwrap_or(1));
        let last = (self.end.year, self.end.month.unwrap_or(12));
        (first..=last).contains(&(year, month))
    }

    /// Whether the period runs over more than one year.
    pub fn spans_years(&self) -> bool {
        self.end.year > self.start.year
    }
}

/// The words and dashes that join the two ends of a period.
const JOINERS: &[&str] = &["至", "到", "—", "–", "－", "~", "～", "-"];

/// Reads a period.
pub fn parse(written: &str) -> ValueResult<Period> {
    let text = written.trim();
    let (start, end) = split(text).ok_or_else(|| shape_error(written))?;
    let start = year_month(start.trim()).ok_or_else(|| shape_error(written))?;
    let end = match end {
        Some(e) => year_month(e.trim()).ok_or_else(|| shape_error(written))?,
        None => start,
    };
    if (end.year, end.month.unwrap_or(12)) < (start.year, start.month.unwrap_or(1)) {
        return Err(ValueError::new(
            codes::MALFORMED_DATE,
            msg!(
                "实施期 `{}` 的结束早于开始",
                "the period `{}` ends before it starts",
                written
            ),
            msg!("结束早于开始", "ends before it starts"),
        )
        .help(msg!(
            "先写开始，再写结束，如 `2023-07 至 2024-06`",
            "write the start, then the end, as in `2023-07 至 2024-06`"
        )));
    }
    Ok(Period { start, end })
}

/// The two ends of a period, or one: a joiner that follows a complete
/// first end (a `-` inside `2023-07` is part of the date).
fn split(text: &str) -> Option<(&str, Option<&str>)> {
    for joiner in JOINERS {
        let mut from = 0;
        while let Some(i) = text.get(from..)?.find(joiner) {
            let at = from + i;
            let (left, right) = (&text[..at], &text[at + joiner.len()..]);
            if year_month(left.trim()).is_some() && year_month(right.trim()).is_some() {
                return Some((left, Some(right)));
            }
            from = at + joiner.len();
        }
    }
    year_month(text).map(|_| (text, None))
}

/// `2023`, `2023年`, `2023-07`, `2023.07`, `2023/07`, `2023年7月`,
/// `2023年7月1日`, `2023-07-01`, `2023.07.01`.
fn year_month(s: &str) -> Option<YearMonth> {
    let digits = |t: &str| t.len() <= 4 && !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let s = s.trim_end_matches(['日', '底', '末']);
    let (year, rest) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    if year.len() != 4 {
        return None;
    }
    let year: u16 = year.parse().ok()?;
    let rest = rest.strip_prefix('年').unwrap_or(rest);
    if rest.is_empty() {
        return Some(YearMonth { year, month: None });
    }
    let rest = rest.strip_prefix(['-', '.', '/']).unwrap_or(rest);
    let month_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (month, tail) = rest.split_at(month_end);
    if !digits(month) {
        return None;
    }
    let month: u8 = month.parse().ok().filter(|m| (1..=12).contains(m))?;
    let tail = tail.strip_prefix('月').unwrap_or(tail);
    let tail = tail.strip_prefix(['-', '.', '/']).unwrap_or(tail);
    if !tail.is_empty() && !digits(tail) {
        return None;
    }
    Some(YearMonth {
        year,
        month: Some(month),
    })
}

fn shape_error(written: &str) -> Box<ValueError> {
    ValueError::new(
        codes::MALFORMED_DATE,
        msg!(
            "无法读取实施期 `{}`",
            "cannot read the period `{}`",
            written.trim()
        ),
        msg!("不是年度或年月的起止", "not a span of years or months"),
    )
    .help(msg!(
        "写作 `2023-07 至 2024-06`、`2023.07-2024.01`、`2023年7月至2024年6月` 或 `2019—2021`",
        "write it as `2023-07 至 2024-06`, `2023.07-2024.01`, `2023年7月至2024年6月` or `2019—2021`"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(year: u16, month: Option<u8>) -> YearMonth {
        YearMonth { year, month }
    }

    #[test]
    fn reads_the_forms_tables_use() {
        let cases = [
            ("2023-07 至 2024-06", ym(2023, Some(7)), ym(2024, Some(6))),
            ("2023.07-2024.01", ym(2023, Some(7)), ym(2024, Some(1))),
            ("2023年7月至2024年6月", ym(2023, Some(7)), ym(2024, Some(6))),
            ("2019—2021", ym(2019, None), ym(2021, None)),
            ("2019-2021", ym(2019, None), ym(2021, None)),
            ("2022年", ym(2022, None), ym(2022, None)),
            ("2023.07", ym(2023, Some(7)), ym(2023, Some(7))),
            (
                "2023-07-01至2023-12-31",
                ym(2023, Some(7)),
                ym(2023, Some(12)),
            ),
        ];
        for (written, start, end) in cases {
            assert_eq!(parse(written), Ok(Period { start, end }), "{written}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_period() {
        for bad in ["明年", "23-24", "2024 至 2023", "2023-13", "2023年7月至"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn covers_months_and_years() {
        let p = parse("2023-07 至 2024-06").expect("a period");
        assert!(p.covers(2024, 3) && !p.covers(2024, 7) && p.covers_year(2023));
        assert!(p.spans_years());
        assert!(!parse("2022").expect("a year").spans_years());
    }
}
