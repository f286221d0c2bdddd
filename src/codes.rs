//! The registry of diagnostic codes.
//!
//! A code never changes its meaning once published. `E00xx` are syntax
//! errors, `E01xx` malformed values. Each entry carries the documentation
//! that `perfplan explain CODE` prints: what it checks, why it matters, an
//! example and the fix.

use crate::diagnostic::{Lang, Severity};

pub const SYNTAX: &str = "E0001";
pub const UNKNOWN_KEYWORD: &str = "E0002";
pub const UNTERMINATED_STRING: &str = "E0003";
pub const FULLWIDTH: &str = "E0004";
pub const UNCLOSED_BLOCK: &str = "E0005";
pub const UNMATCHED_BRACE: &str = "E0006";
pub const BAD_ESCAPE: &str = "E0007";
pub const MISPLACED: &str = "E0008";
pub const MALFORMED_NUMBER: &str = "E0101";
pub const NUMBER_TOO_LARGE: &str = "E0102";
pub const UNKNOWN_UNIT: &str = "E0103";
pub const MALFORMED_DATE: &str = "E0104";
pub const BAD_COMPARATOR: &str = "E0105";
pub const BAD_YEAR: &str = "E0106";
pub const NOT_MONEY_UNIT: &str = "E0107";
pub const BAD_PATH: &str = "E0108";

/// The documentation of one code.
pub struct CodeDoc {
    pub code: &'static str,
    pub severity: Severity,
    pub title_zh: &'static str,
    pub title_en: &'static str,
    /// What it checks, why, an example and the fix, in Chinese.
    pub doc_zh: &'static str,
    /// The same in English.
    pub doc_en: &'static str,
}

impl CodeDoc {
    pub fn title(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.title_zh,
            Lang::En => self.title_en,
        }
    }

    pub fn doc(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.doc_zh,
            Lang::En => self.doc_en,
        }
    }
}

/// Every documented code: the syntax codes, then each rule's, in order.
pub fn all() -> impl Iterator<Item = &'static CodeDoc> {
    CODES.iter().chain(crate::rules::all().map(|r| &r.doc))
}

/// Looks a code up, case-insensitively.
pub fn lookup(code: &str) -> Option<&'static CodeDoc> {
    all().find(|c| c.code.eq_ignore_ascii_case(code))
}

pub static CODES: &[CodeDoc] = &[
    CodeDoc {
        code: SYNTAX,
        severity: Severity::Error,
        title_zh: "语法错误",
        title_en: "syntax error",
        doc_zh: "这一行不符合 perfplan 的写法。诊断指出出错的字符，并列出此处应当出现的内容。\n\n例：`资金 五十` —— 金额必须用数字书写。\n\n修正：按提示改写这一行；语法见 docs/language.md。",
        doc_en: "The line does not follow perfplan's syntax. The diagnostic points at the offending character and lists what may stand there.\n\nExample: `资金 五十` — the amount must be written in digits.\n\nFix: rewrite the line as the message says; the syntax is in docs/language.md.",
    },
    CodeDoc {
        code: UNKNOWN_KEYWORD,
        severity: Severity::Error,
        title_zh: "未知的关键字",
        title_en: "unknown keyword",
        doc_zh: "行首的词不是 perfplan 的关键字，也不像指标行（指标行以 `一级.二级` 开头）。常见原因是输入法选错了字。\n\n例：`编玛 13022522P00TD8410008N`\n\n修正：改为提示的关键字，如 `编码`。",
        doc_en: "The word that starts the line is not a keyword, and the line is not an indicator row (which starts with `level1.level2`). Usually a typo or a wrong input-method choice.\n\nExample: `编玛 13022522P00TD8410008N`\n\nFix: write the suggested keyword, e.g. `编码`.",
    },
    CodeDoc {
        code: UNTERMINATED_STRING,
        severity: Severity::Error,
        title_zh: "文字没有结束的引号",
        title_en: "unterminated text",
        doc_zh: "以 `\"` 或 `“` 开始的文字必须在同一行内结束；以 `\"\"\"` 开始的多行文字必须有结束的 `\"\"\"`。\n\n例：`用途 \"为保障纪律审查`\n\n修正：在文字末尾补上引号；跨行的文字请用 `\"\"\"`。",
        doc_en: "Text opened with `\"` or `“` must close on the same line; text opened with `\"\"\"` must be closed by `\"\"\"`.\n\nExample: `purpose \"为保障纪律审查`\n\nFix: add the closing quote; use `\"\"\"` for text over several lines.",
    },
    CodeDoc {
        code: FULLWIDTH,
        severity: Severity::Error,
        title_zh: "不能使用的全角标点",
        title_en: "full-width punctuation that cannot be accepted",
        doc_zh: "中文输入法会输入全角标点。`％ ， ： （ ） “ ” ＝ ＞ ＜` 可以直接使用；其余全角符号在语言中没有含义，必须改为提示的写法。\n\n例：`项目 办案经费 \"办案工作经费\" ｛`\n\n修正：把 `｛` 改为 `{`（或按提示删除 `；`、`。`）。",
        doc_en: "Chinese input methods type full-width punctuation. `％ ， ： （ ） “ ” ＝ ＞ ＜` are accepted as they are; other full-width marks mean nothing in the language and must be replaced as the help says.\n\nExample: `project 办案经费 \"办案工作经费\" ｛`\n\nFix: replace `｛` with `{` (or delete `；` and `。` as the help says).",
    },
    CodeDoc {
        code: UNCLOSED_BLOCK,
        severity: Severity::Error,
        title_zh: "块没有闭合",
        title_en: "unclosed block",
        doc_zh: "以 `{` 结尾的行打开一个块（计划、总体目标、分项目标、项目），它必须由单独一行的 `}` 闭合。下一个项目或文件结尾之前没有 `}` 时报告此错误。\n\n修正：在块的最后一行之后加一行 `}`。",
        doc_en: "A line ending in `{` opens a block (plan, overall, summary, project) that a `}` on a line of its own must close. Reported when the next item or the end of the file comes first.\n\nFix: add a line `}` after the block's last statement.",
    },
    CodeDoc {
        code: UNMATCHED_BRACE,
        severity: Severity::Error,
        title_zh: "多余的 `}`",
        title_en: "unmatched `}`",
        doc_zh: "这个 `}` 之前没有打开的块。\n\n修正：删除它，或检查上面的块是否多写了一个 `}`。",
        doc_en: "This `}` closes no open block.\n\nFix: delete it, or check whether the block above has one `}` too many.",
    },
    CodeDoc {
        code: BAD_ESCAPE,
        severity: Severity::Error,
        title_zh: "无效的转义",
        title_en: "invalid escape",
        doc_zh: "在 `\"…\"` 中，`\\` 只能写作 `\\\"`（引号）、`\\\\`（反斜杠）或 `\\n`（换行）。\n\n修正：写 `\\\\` 表示反斜杠本身，或改用 `“…”`。",
        doc_en: "Inside `\"…\"`, `\\` may only start `\\\"` (a quote), `\\\\` (a backslash) or `\\n` (a line break).\n\nFix: write `\\\\` for a backslash, or use `“…”`.",
    },
    CodeDoc {
        code: MISPLACED,
        severity: Severity::Error,
        title_zh: "语句位置不对",
        title_en: "statement in the wrong place",
        doc_zh: "关键字正确，但这条语句不能出现在这里，例如 `编码` 写在项目块之外，或 `项目` 写在另一个项目块之内。\n\n修正：把它移到提示的块中。",
        doc_en: "The keyword is right but the statement cannot stand here, e.g. `code` outside a project block, or `project` inside another project.\n\nFix: move it into the block the help names.",
    },
    CodeDoc {
        code: MALFORMED_NUMBER,
        severity: Severity::Error,
        title_zh: "数字写法有误",
        title_en: "malformed number",
        doc_zh: "数字由数字字符和至多一个小数点组成，如 `50.00`、`0.5`、`120`。不能有千位分隔符、多个小数点或空的小数部分。\n\n例：`资金 1,000` `资金 50.`\n\n修正：写作 `1000`、`50.00`。",
        doc_en: "A number is digits with at most one decimal point: `50.00`, `0.5`, `120`. No thousands separators, no second point, no empty fraction.\n\nExample: `funds 1,000`, `funds 50.`\n\nFix: write `1000`, `50.00`.",
    },
    CodeDoc {
        code: NUMBER_TOO_LARGE,
        severity: Severity::Error,
        title_zh: "数字超出范围",
        title_en: "number out of range",
        doc_zh: "金额和指标值按精确的十进制计算，最多 28 位有效数字。更长的数字几乎总是输入错误。\n\n修正：检查多余的数字，或换用更大的金额单位。",
        doc_en: "Amounts and targets are exact decimals of at most 28 significant digits. A longer number is almost always a typing slip.\n\nFix: check for extra digits, or use a larger money unit.",
    },
    CodeDoc {
        code: UNKNOWN_UNIT,
        severity: Severity::Error,
        title_zh: "未知的计量单位",
        title_en: "unknown unit",
        doc_zh: "紧跟在数字后面的是计量单位：`%`、`元`、`万元`、`亿元`、量词（个、项、次、人、人次 …）、长度面积时间单位或比率（`元/人`）。其他写法无法计算。\n\n例：`≥ 95服务对象满意度` —— 这是一句话，不是数值。\n\n修正：写成 `≥ 95%`；若确实是文字，写作 `定性 \"…\"`。",
        doc_en: "What follows a number directly is its unit: `%`, `元`, `万元`, `亿元`, a measure word (个, 项, 次, 人, 人次 …), a unit of length, area or time, or a rate (`元/人`). Anything else cannot be computed with.\n\nExample: `>= 95服务对象满意度` — a sentence, not a value.\n\nFix: write `>= 95%`; if it really is text, write `qualitative \"…\"`.",
    },
    CodeDoc {
        code: MALFORMED_DATE,
        severity: Severity::Error,
        title_zh: "月末或日期写法有误",
        title_en: "malformed month end or date",
        doc_zh: "支出计划的时间点和期限写作月末（`3月底`、`3月末`）或日期（`03-31`、`2022-03-31`、`3月31日`）。月份为 1–12，日期不能超过当月天数。\n\n例：`3月低 25%`、`02-30 50%`\n\n修正：写作 `3月底`、`2月底`。",
        doc_en: "Schedule checkpoints and deadlines are month ends (`3月底`, `3月末`) or dates (`03-31`, `2022-03-31`, `3月31日`). Months are 1–12 and a day cannot pass the month's last.\n\nExample: `3月低 25%`, `02-30 50%`\n\nFix: write `3月底`, `2月底`.",
    },
    CodeDoc {
        code: BAD_COMPARATOR,
        severity: Severity::Error,
        title_zh: "无效的比较符",
        title_en: "invalid comparator",
        doc_zh: "定量目标的比较符是 `≥ ≤ = > <`（也可写 `>=`、`<=`、不低于、不超过 …）。\n\n例：`=> 95%`\n\n修正：写作 `>= 95%` 或 `≥ 95%`。",
        doc_en: "The comparator of a quantitative target is one of `≥ ≤ = > <` (also `>=`, `<=`, 不低于, 不超过 …).\n\nExample: `=> 95%`\n\nFix: write `>= 95%` or `≥ 95%`.",
    },
    CodeDoc {
        code: BAD_YEAR,
        severity: Severity::Error,
        title_zh: "年度写法有误",
        title_en: "malformed year",
        doc_zh: "计划的年度是四位数字，如 `2022`。\n\n修正：写出完整的年份。",
        doc_en: "The plan's year is four digits, such as `2022`.\n\nFix: write the full year.",
    },
    CodeDoc {
        code: NOT_MONEY_UNIT,
        severity: Severity::Error,
        title_zh: "不是金额单位",
        title_en: "not a money unit",
        doc_zh: "金额单位和资金只能用 `元`、`万元` 或 `亿元`。\n\n例：`金额单位 个`、`资金 50%`\n\n修正：写作 `金额单位 万元`、`资金 50.00`。",
        doc_en: "The plan's money unit and funds take `元`, `万元` or `亿元` only.\n\nExample: `money 个`, `funds 50%`\n\nFix: write `money 万元`, `funds 50.00`.",
    },
    CodeDoc {
        code: BAD_PATH,
        severity: Severity::Error,
        title_zh: "指标路径应为“一级.二级”",
        title_en: "an indicator path is `level1.level2`",
        doc_zh: "指标行以一级和二级指标开头，用 `.` 连接，如 `产出.数量`、`效益.社会效益`。\n\n例：`数量 \"举报线索处置率\" = 100%`\n\n修正：写作 `产出.数量 \"举报线索处置率\" = 100%`。",
        doc_en: "An indicator row starts with its first and second level joined by `.`, such as `output.quantity`.\n\nExample: `quantity \"举报线索处置率\" = 100%`\n\nFix: write `output.quantity \"举报线索处置率\" = 100%`.",
    },
];

/// The reference of every code as Markdown, in one language: the source of
/// `docs/diagnostics.md` (Chinese) and `docs/diagnostics.en.md` (English).
pub fn markdown(lang: Lang) -> String {
    let (title, intro, level_error, level_warning) = match lang {
        Lang::Zh => (
            "# 诊断代码",
            "本页由 `src/codes.rs` 与 `src/rules/` 中的文档生成（`cargo test --test docs`），请勿手改。`perfplan explain CODE` 显示同样的内容。\n\nE 开头的是错误：计划不成立，`perfplan check` 以 1 退出。W 开头的是警告（lint）：可在计划头部用 `允许`/`警告`/`禁止`，或在命令行用 `-A`/`-W`/`-D` 调整级别。",
            "错误",
            "警告",
        ),
        Lang::En => (
            "# Diagnostic codes",
            "Generated from the documentation in `src/codes.rs` and `src/rules/` (`cargo test --test docs`); do not edit by hand. `perfplan explain CODE` shows the same text.\n\nE codes are errors: the plan does not hold and `perfplan check` exits 1. W codes are warnings (lints): set their level with `allow`/`warn`/`deny` in the plan header or `-A`/`-W`/`-D` on the command line.",
            "error",
            "warning",
        ),
    };
    let mut out = format!("{title}\n\n{intro}\n\n");
    for doc in all() {
        out.push_str(&format!(
            "- [{}](#{}) {}\n",
            doc.code,
            doc.code.to_lowercase(),
            doc.title(lang)
        ));
    }
    for doc in all() {
        let level = match doc.severity {
            Severity::Error => level_error,
            Severity::Warning => level_warning,
        };
        let body = doc.doc(lang).replace("\n## ", "\n### ");
        let body = body
            .strip_prefix("## ")
            .map_or(body.clone(), |b| format!("### {b}"));
        out.push_str(&format!(
            "\n## {}\n\n**{}** — {}\n\n{}\n",
            doc.code,
            doc.title(lang),
            level,
            body
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for c in all() {
            assert!(seen.insert(c.code), "{} twice", c.code);
            assert!(!c.doc_zh.is_empty() && !c.doc_en.is_empty());
        }
        assert!(lookup("e0103").is_some());
    }
}
