//! Comparators of quantitative targets: `≥ ≤ = > <`, their ASCII and
//! full-width forms, and the Chinese words for them.

use super::{ValueError, ValueResult};
use crate::codes;
use crate::msg;
use serde::Serialize;

/// A target's comparator, by the symbol tables print (`≥`, `≤`, `=`,
/// `>`, `<`), whatever the plan wrote (`>=`, `不低于`, `以上`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[schemars(rename = "Comparator")]
pub enum CmpOp {
    #[serde(rename = "≥")]
    Ge,
    #[serde(rename = "≤")]
    Le,
    #[serde(rename = "=")]
    Eq,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "<")]
    Lt,
}

impl CmpOp {
    /// The symbol reviewers write: `≥`, `≤`, `=`, `>`, `<`.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Ge => "≥",
            CmpOp::Le => "≤",
            CmpOp::Eq => "=",
            CmpOp::Gt => ">",
            CmpOp::Lt => "<",
        }
    }

    /// Which way the comparator points: up (`≥ >`), down (`≤ <`) or
    /// neither (`=`).
    pub fn direction(self) -> std::cmp::Ordering {
        match self {
            CmpOp::Ge | CmpOp::Gt => std::cmp::Ordering::Greater,
            CmpOp::Le | CmpOp::Lt => std::cmp::Ordering::Less,
            CmpOp::Eq => std::cmp::Ordering::Equal,
        }
    }

    /// The ASCII form: `>=`, `<=`, `=`, `>`, `<`.
    pub fn ascii(self) -> &'static str {
        match self {
            CmpOp::Ge => ">=",
            CmpOp::Le => "<=",
            CmpOp::Eq => "=",
            CmpOp::Gt => ">",
            CmpOp::Lt => "<",
        }
    }
}

/// Reads a symbolic comparator token.
pub fn parse_symbol(written: &str) -> ValueResult<CmpOp> {
    match written {
        "≥" | ">=" | "≧" | "＞＝" => Ok(CmpOp::Ge),
        "≤" | "<=" | "≦" | "＜＝" => Ok(CmpOp::Le),
        "=" | "＝" => Ok(CmpOp::Eq),
        ">" | "＞" => Ok(CmpOp::Gt),
        "<" | "＜" => Ok(CmpOp::Lt),
        _ => Err(bad_symbol(written)),
    }
}

/// Reads a comparator word written before the number (`不低于`).
pub fn parse_word(written: &str) -> Option<CmpOp> {
    match written {
        "大于等于" | "大于或等于" | "不低于" | "不少于" | "不小于" | "至少" => {
            Some(CmpOp::Ge)
        }
        "小于等于" | "小于或等于" | "不超过" | "不高于" | "不多于" | "不大于" | "至多" | "最多" => {
            Some(CmpOp::Le)
        }
        "大于" | "高于" | "超过" => Some(CmpOp::Gt),
        "小于" | "低于" => Some(CmpOp::Lt),
        "等于" => Some(CmpOp::Eq),
        _ => None,
    }
}

/// Reads a comparator word written after the number (`95%以上`).
pub fn parse_postfix(written: &str) -> Option<CmpOp> {
    match written {
        "以上" | "及以上" => Some(CmpOp::Ge),
        "以下" | "及以下" | "以内" | "之内" | "前" | "之前" | "以前" => {
            Some(CmpOp::Le)
        }
        _ => None,
    }
}

fn bad_symbol(written: &str) -> Box<ValueError> {
    let suggestion = match written {
        "=>" | "≥=" | "=≥" | ">>" => Some(">="),
        "=<" | "≤=" | "=≤" | "<<" => Some("<="),
        "==" | "===" => Some("="),
        _ => None,
    };
    let error = ValueError::new(
        codes::BAD_COMPARATOR,
        msg!("无效的比较符 `{}`", "invalid comparator `{}`", written),
        msg!("不是 ≥ ≤ = > < 之一", "not one of ≥ ≤ = > <"),
    );
    match suggestion {
        Some(s) => error.help(msg!("是否想写 `{}`？", "did you mean `{}`?", s)),
        None if written.contains('!') || written.contains('≠') => error.help(msg!(
            "目标值不能是“不等于”；请用 ≥ ≤ = > < 表示方向",
            "a target cannot be \"not equal\"; use ≥ ≤ = > < to give its direction"
        )),
        None => error.help(msg!(
            "比较符可写作 ≥ ≤ = > <，或 >= <=",
            "write the comparator as ≥ ≤ = > <, or >= <="
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_all_forms() {
        assert_eq!(parse_symbol(">="), Ok(CmpOp::Ge));
        assert_eq!(parse_symbol("＜"), Ok(CmpOp::Lt));
        assert_eq!(parse_word("不超过"), Some(CmpOp::Le));
        assert_eq!(parse_postfix("以上"), Some(CmpOp::Ge));
    }

    #[test]
    fn suggests_the_intended_comparator() {
        let error = parse_symbol("=>").expect_err("=> is not a comparator");
        assert_eq!(error.code, codes::BAD_COMPARATOR);
        assert!(error.help.is_some_and(|h| h.en.contains(">=")));
        assert!(parse_symbol("!=").is_err());
    }
}
