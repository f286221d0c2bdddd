//! Checkpoints of a spending schedule and deadlines: month ends (`3月底`)
//! and dates (`03-31`, `2022-03-31`, `3月31日`, `2022年3月31日`).

use super::{ValueError, ValueResult};
use crate::codes;
use crate::msg;
use serde::Serialize;

/// A month end or a day, with the year when it was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct DateValue {
    pub year: Option<u16>,
    pub month: u8,
    /// `None` for the end of the month.
    pub day: Option<u8>,
}

impl DateValue {
    /// The day of the month this date falls on, month ends resolved.
    pub fn day_in(self, year: u16) -> u8 {
        self.day.unwrap_or_else(|| days_in_month(year, self.month))
    }
}

pub fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Reads a checkpoint or date token.
pub fn parse(written: &str) -> ValueResult<DateValue> {
    let mut cursor = Cursor { rest: written };
    let date = cursor.date().ok_or_else(|| shape_error(written))?;
    if !cursor.rest.is_empty() {
        return Err(trailing_error(written, cursor.rest));
    }
    validate(written, date)
}

/// A tiny reader over the token's characters.
struct Cursor<'a> {
    rest: &'a str,
}

impl Cursor<'_> {
    fn digits(&mut self) -> Option<u32> {
        let end = self
            .rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(self.rest.len());
        if end == 0 || end > 4 {
            return None;
        }
        let value = self.rest[..end].parse().ok()?;
        self.rest = &self.rest[end..];
        Some(value)
    }

    fn eat(&mut self, s: &str) -> bool {
        match self.rest.strip_prefix(s) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    fn date(&mut self) -> Option<DateValue> {
        let first = self.digits()?;
        if self.eat("年") {
            let month = self.digits()?;
            let (month, day) = self.chinese_month_day(month)?;
            return Some(date(Some(first), month, day));
        }
        if self.eat("月") {
            let (month, day) = self.chinese_month_day(first)?;
            return Some(date(None, month, day));
        }
        let sep = if self.eat("-") {
            "-"
        } else if self.eat("/") {
            "/"
        } else {
            return None;
        };
        let second = self.digits()?;
        if self.eat(sep) {
            let third = self.digits()?;
            return Some(date(Some(first), second, Some(third)));
        }
        Some(date(None, first, Some(second)))
    }

    /// After the month number: `月底`, `月末` or `月D日` (the `月` may be
    /// eaten already).
    fn chinese_month_day(&mut self, month: u32) -> Option<(u32, Option<u32>)> {
        self.eat("月");
        if self.eat("底") || self.eat("末") {
            return Some((month, None));
        }
        let day = self.digits()?;
        self.eat("日").then_some((month, Some(day)))
    }
}

fn date(year: Option<u32>, month: u32, day: Option<u32>) -> DateValue {
    DateValue {
        year: year.map(|y| u16::try_from(y).unwrap_or(u16::MAX)),
        month: u8::try_from(month).unwrap_or(u8::MAX),
        day: day.map(|d| u8::try_from(d).unwrap_or(u8::MAX)),
    }
}

fn validate(written: &str, date: DateValue) -> ValueResult<DateValue> {
    if !(1..=12).contains(&date.month) {
        return Err(ValueError::new(
            codes::MALFORMED_DATE,
            msg!("`{}` 不是有效的日期", "`{}` is not a valid date", written),
            msg!("没有 {} 月", "there is no month {}", date.month),
        )
        .help(msg!("月份是 1 到 12", "months are 1 to 12")));
    }
    if let Some(day) = date.day {
        let max = days_in_month(date.year.unwrap_or(2000), date.month);
        if day == 0 || day > max {
            return Err(ValueError::new(
                codes::MALFORMED_DATE,
                msg!("`{}` 不是有效的日期", "`{}` is not a valid date", written),
                msg!("{} 月没有 {} 日", "month {} has no day {}", date.month, day),
            )
            .help(msg!(
                "{0} 月最多 {1} 日；月末可写作 `{0}月底`",
                "month {0} has at most {1} days; write `{0}月底` for its end",
                date.month,
                max
            )));
        }
    }
    Ok(date)
}

fn shape_error(written: &str) -> Box<ValueError> {
    let suggestion = written
        .find('月')
        .map(|i| format!("{}月底", &written[..i]))
        .filter(|s| s != written);
    let error = ValueError::new(
        codes::MALFORMED_DATE,
        msg!(
            "`{}` 不是月末或日期",
            "`{}` is not a month end or a date",
            written
        ),
        msg!("无法识别的写法", "not a form of date perfplan reads"),
    );
    let help = match suggestion {
        Some(s) => msg!(
            "是否想写 `{}`？月末写作 `3月底`，日期写作 `03-31` 或 `2022-03-31`",
            "did you mean `{}`? Write a month end as `3月底` and a date as `03-31` or `2022-03-31`",
            s
        ),
        None => msg!(
            "月末写作 `3月底`，日期写作 `03-31` 或 `2022-03-31`",
            "write a month end as `3月底` and a date as `03-31` or `2022-03-31`"
        ),
    };
    error.help(help)
}

fn trailing_error(written: &str, rest: &str) -> Box<ValueError> {
    let head = &written[..written.len() - rest.len()];
    ValueError::new(
        codes::MALFORMED_DATE,
        msg!(
            "`{}` 与 `{}` 之间缺少空格",
            "missing space between `{}` and `{}`",
            head,
            rest
        ),
        msg!("`{}` 之后紧跟着 `{}`", "`{}` runs into `{}`", head, rest),
    )
    .help(msg!(
        "在 `{0}` 和 `{1}` 之间加一个空格",
        "put a space between `{0}` and `{1}`",
        head,
        rest
    ))
}

/// The civil date of a day count since 1970-01-01 (the proleptic
/// Gregorian calendar, by eras of 400 years).
pub fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        year,
        u8::try_from(month).unwrap_or(1),
        u8::try_from(day).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_of_day_counts() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(364), (1970, 12, 31));
        // 2024-12-31 (a leap year's last day), 2026-11-29.
        assert_eq!(civil_from_days(20_088), (2024, 12, 31));
        assert_eq!(civil_from_days(20_089), (2025, 1, 1));
        assert_eq!(civil_from_days(20_786), (2026, 11, 29));
    }

    fn ok(s: &str) -> (Option<u16>, u8, Option<u8>) {
        let d = parse(s).unwrap_or(DateValue {
            year: None,
            month: 0,
            day: None,
        });
        (d.year, d.month, d.day)
    }

    #[test]
    fn reads_every_form() {
        assert_eq!(ok("3月底"), (None, 3, None));
        assert_eq!(ok("12月末"), (None, 12, None));
        assert_eq!(ok("03-31"), (None, 3, Some(31)));
        assert_eq!(ok("2022-03-31"), (Some(2022), 3, Some(31)));
        assert_eq!(ok("3月31日"), (None, 3, Some(31)));
        assert_eq!(ok("2022年3月31日"), (Some(2022), 3, Some(31)));
        assert_eq!(ok("2022年12月底"), (Some(2022), 12, None));
    }

    #[test]
    fn rejects_impossible_and_misspelt_dates() {
        for bad in [
            "13月底",
            "02-30",
            "3月低",
            "3月底25%",
            "0-1",
            "2021-02-29",
            "3.31",
        ] {
            assert_eq!(
                parse(bad).map_err(|e| e.code),
                Err(codes::MALFORMED_DATE),
                "{bad}"
            );
        }
        assert!(parse("2024-02-29").is_ok());
        let help = parse("3月低").err().and_then(|e| e.help).map(|h| h.zh);
        assert!(help.is_some_and(|h| h.contains("3月底")));
    }
}
