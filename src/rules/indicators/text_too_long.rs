//! E0511: an indicator's text longer than the 1000 bytes provincial systems
//! accept.

use super::{Field, indicator_texts};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Message, Severity};
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0511",
        severity: Severity::Error,
        title_zh: "文字超过 1000 字节",
        title_en: "text over 1000 bytes",
        doc_zh: "## 检查什么\n指标名称、指标描述、定性指标值和指标值确定依据，每项不超过 1000 字节；一个汉字计 3 字节（约 333 个汉字），字母和数字计 1 字节。\n\n## 为什么\n省级系统按字节限制字段长度，超长的内容录入时被拒收或截断。\n\n## 例\n一段 400 个汉字的指标描述（1200 字节）。\n\n## 修正\n精简到 1000 字节以内；名称只写考核什么，说明性的文字写在 `描述` 中。",
        doc_en: "## What it checks\nAn indicator's name, description, qualitative target and basis are each at most 1000 bytes, counting a Chinese character as 3 bytes (about 333 characters) and a letter or digit as 1.\n\n## Why\nProvincial systems limit these fields in bytes; a longer text is rejected or cut off when entered.\n\n## Example\nA description of 400 Chinese characters (1200 bytes).\n\n## Fix\nShorten it to 1000 bytes; a name says only what is measured, explanations go in `desc`.",
    },
    check,
    scope: Scope::Item,
};

/// The most bytes a field may hold.
const LIMIT: usize = 1000;

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (file, field, text) in indicator_texts(ctx) {
        let bytes = text.value.len();
        if bytes <= LIMIT {
            continue;
        }
        let over = bytes - LIMIT;
        let chars = over.div_ceil(3);
        let help = match field {
            Field::Name => Message::new(
                format!(
                    "删去 {over} 字节以上（约 {chars} 个汉字）；名称只写考核什么，说明写在 `描述` 中"
                ),
                format!(
                    "cut at least {over} bytes (about {chars} Chinese characters); a name says only what is measured, explanations go in `desc`"
                ),
            ),
            _ => Message::new(
                format!("删去 {over} 字节以上（约 {chars} 个汉字）"),
                format!("cut at least {over} bytes (about {chars} Chinese characters)"),
            ),
        };
        out.push(
            RULE.diagnostic(Message::new(
                format!("{}长 {} 字节，超过 {} 字节的上限", field.zh(), bytes, LIMIT),
                format!(
                    "the {} is {} bytes long, over the limit of {}",
                    field.en(),
                    bytes,
                    LIMIT
                ),
            ))
            .primary(
                file,
                text.span,
                Message::new(
                    format!("{bytes} 字节（一个汉字计 3 字节）"),
                    format!("{bytes} bytes (a Chinese character counts 3)"),
                ),
            )
            .help(help),
        );
    }
}
