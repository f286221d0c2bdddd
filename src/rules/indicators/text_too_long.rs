//! E0511: an indicator's text longer than the 1000 bytes provincial systems
//! accept.

use super::{Field, indicator_texts};
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Message};
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0511", Error, "text_too_long"),
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (file, field, text) in indicator_texts(ctx) {
        let bytes = text.value.len();
        let limit = field.byte_limit();
        if bytes <= limit {
            continue;
        }
        let over = bytes - limit;
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
                format!("{}长 {} 字节，超过 {} 字节的上限", field.zh(), bytes, limit),
                format!(
                    "the {} is {} bytes long, over the limit of {}",
                    field.en(),
                    bytes,
                    limit
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
