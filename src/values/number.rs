//! Exact decimal numbers as written: `50.00` keeps its two places.

use super::{ValueError, ValueResult};
use crate::codes;
use crate::msg;
use rust_decimal::Decimal;
use std::str::FromStr;

/// The most significant digits a number may have (the decimal type's limit).
pub const MAX_DIGITS: usize = 28;

/// Reads a number token strictly: an optional sign, digits, and at most one
/// decimal point followed by digits.
pub fn parse(written: &str) -> ValueResult<Decimal> {
    check_shape(written)?;
    let digits = written.chars().filter(char::is_ascii_digit).count();
    if digits > MAX_DIGITS {
        return Err(too_large(written, digits));
    }
    let unsigned = written.strip_prefix('+').unwrap_or(written);
    Decimal::from_str_exact(unsigned)
        .or_else(|_| Decimal::from_str(unsigned))
        .map_err(|_| too_large(written, digits))
}

fn check_shape(written: &str) -> ValueResult<()> {
    let body = written.trim_start_matches(['-', '+']);
    if body.contains(',') {
        let fixed: String = written.chars().filter(|c| *c != ',').collect();
        return Err(malformed(
            written,
            msg!(
                "数字中不能有千位分隔符",
                "numbers have no thousands separators"
            ),
            msg!("请写作 `{}`", "write `{}`", fixed),
        )
        .replace_with(fixed, true));
    }
    if body.contains('_') {
        let fixed: String = written.chars().filter(|c| *c != '_').collect();
        return Err(malformed(
            written,
            msg!("数字中不能有 `_`", "numbers cannot contain `_`"),
            msg!("请写作 `{}`", "write `{}`", fixed),
        )
        .replace_with(fixed, true));
    }
    let mut parts = body.split('.');
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next();
    if parts.next().is_some() {
        return Err(malformed(
            written,
            msg!(
                "数字中有多个小数点",
                "the number has more than one decimal point"
            ),
            msg!(
                "只保留一个小数点，如 `50.00`",
                "keep one decimal point, as in `50.00`"
            ),
        ));
    }
    if whole.is_empty() || fraction == Some("") {
        return Err(malformed(
            written,
            msg!(
                "小数点前后都要有数字",
                "a decimal point needs digits on both sides"
            ),
            msg!("如 `50.00` 或 `0.5`", "as in `50.00` or `0.5`"),
        ));
    }
    Ok(())
}

fn malformed(
    written: &str,
    why: crate::diagnostic::Message,
    help: crate::diagnostic::Message,
) -> Box<ValueError> {
    ValueError::new(
        codes::MALFORMED_NUMBER,
        msg!("数字 `{}` 写法有误", "malformed number `{}`", written),
        why,
    )
    .help(help)
}

fn too_large(written: &str, digits: usize) -> Box<ValueError> {
    let shown: String = written.chars().take(12).collect();
    let ellipsis = if written.chars().count() > 12 {
        "…"
    } else {
        ""
    };
    ValueError::new(
        codes::NUMBER_TOO_LARGE,
        msg!(
            "数字 `{}{}` 超出范围",
            "number `{}{}` is out of range",
            shown,
            ellipsis
        ),
        msg!(
            "有 {} 位数字，最多 {} 位",
            "it has {} digits; at most {} are allowed",
            digits,
            MAX_DIGITS
        ),
    )
    .help(msg!(
        "检查是否多打了数字，或换用更大的金额单位（万元、亿元）",
        "check for extra digits, or use a larger unit (万元, 亿元)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_written_scale() {
        assert_eq!(
            parse("50.00").map(|d| d.to_string()),
            Ok("50.00".to_string())
        );
        assert_eq!(parse("-3").map(|d| d.to_string()), Ok("-3".to_string()));
        assert_eq!(parse("+3.5").map(|d| d.to_string()), Ok("3.5".to_string()));
    }

    #[test]
    fn rejects_malformed_numbers() {
        for bad in ["1.2.3", "50.", "1,000", "1_000"] {
            assert_eq!(
                parse(bad).map_err(|e| e.code),
                Err(codes::MALFORMED_NUMBER),
                "{bad}"
            );
        }
    }

    #[test]
    fn rejects_huge_numbers_without_panicking() {
        let huge = "9".repeat(1_000_000);
        assert_eq!(
            parse(&huge).map_err(|e| e.code),
            Err(codes::NUMBER_TOO_LARGE)
        );
        let long_fraction = format!("0.{}", "1".repeat(40));
        assert_eq!(
            parse(&long_fraction).map_err(|e| e.code),
            Err(codes::NUMBER_TOO_LARGE)
        );
    }
}
