//! Yes or no: `是` / `否`, as in the header's `草案 是`; `yes` / `no` and
//! `true` / `false` read the same, whatever the keyword's language.

use super::{ValueError, ValueResult};
use crate::codes;
use crate::msg;

/// The words that mean yes, then those that mean no.
const YES: &[&str] = &["是", "yes", "true"];
const NO: &[&str] = &["否", "no", "false"];

/// Reads a yes-or-no word strictly. `Yes` or `NO` is an error whose fix
/// (safe) is the word in lower case.
pub fn parse(written: &str) -> ValueResult<bool> {
    if YES.contains(&written) {
        return Ok(true);
    }
    if NO.contains(&written) {
        return Ok(false);
    }
    let error = ValueError::new(
        codes::NOT_YES_NO,
        msg!(
            "`{}` 不是 `是` 或 `否`",
            "`{}` is not `yes` or `no`",
            written
        ),
        msg!("此处应为 `是` 或 `否`", "expected `yes` or `no` here"),
    )
    .help(msg!(
        "写 `是`（或 yes、true）或 `否`（或 no、false）",
        "write `yes` (or 是, true) or `no` (or 否, false)"
    ));
    let lower = written.to_ascii_lowercase();
    match YES.iter().chain(NO).any(|w| *w == lower) {
        true => Err(error.replace_with(lower, true)),
        false => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_languages() {
        for yes in ["是", "yes", "true"] {
            assert_eq!(parse(yes), Ok(true), "{yes}");
        }
        for no in ["否", "no", "false"] {
            assert_eq!(parse(no), Ok(false), "{no}");
        }
    }

    #[test]
    fn anything_else_is_an_error() {
        for other in ["对", "不", "1", "\"是\"", "y", "是的", ""] {
            let error = parse(other).expect_err(other);
            assert_eq!(error.code, codes::NOT_YES_NO);
            assert_eq!(error.replacement, None, "{other}");
        }
    }

    #[test]
    fn a_word_in_capitals_is_fixed_safely() {
        let error = parse("Yes").expect_err("not lower case");
        assert_eq!(error.replacement, Some(("yes".to_string(), true)));
        let error = parse("FALSE").expect_err("not lower case");
        assert_eq!(error.replacement, Some(("false".to_string(), true)));
    }
}
