//! E0606: a plan without a header, or with more than one.

use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::source::Span;

pub static RULE: Rule = Rule {
    doc: code_doc!("E0606", Error, "plan_header"),
    check,
    scope: Scope::Plan,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if let Some(first) = ctx.headers.first() {
        for extra in ctx.headers.iter().skip(1) {
            out.push(
                RULE.diagnostic(msg!("计划头部重复", "the plan has a second header"))
                    .primary(
                        extra.file,
                        extra.keyword.span,
                        msg!("第二个头部", "another header"),
                    )
                    .secondary(
                        first.file,
                        first.keyword.span,
                        msg!("第一个头部", "the first header"),
                    )
                    .help(msg!(
                        "一个计划只有一个头部：删除其中一个",
                        "a plan has one header: delete one of them"
                    )),
            );
        }
        return;
    }
    // A header whose first line did not parse has been reported already.
    if ctx.has_broken_item(crate::syntax::keywords::Kw::Plan) {
        return;
    }
    let Some((file, span)) = first_item(ctx) else {
        return;
    };
    out.push(
        RULE.diagnostic(msg!("计划没有头部", "the plan has no header"))
            .primary(file, span, msg!("计划从这里开始，但没有 `计划 … {{ }}`", "the plan starts here, with no `plan … {{ }}`"))
            .help(msg!(
                "加上头部，如 `计划 2022 \"部门名称\" {{ 金额单位 万元 }}`，或把含头部的文件一起检查",
                "add a header such as `plan 2022 \"department\" {{ money 万元 }}`, or check the header's file too"
            )),
    );
}

/// The first item of the plan, for a label; the smallest file id wins.
fn first_item(ctx: &Ctx) -> Option<(crate::source::FileId, Span)> {
    let keyword_spans = ctx
        .projects
        .iter()
        .map(|p| (p.file, p.keyword.span))
        .chain(ctx.summaries.iter().map(|s| (s.file, s.keyword.span)))
        .chain(ctx.overall.iter().map(|o| (o.file, o.keyword.span)))
        .chain(ctx.measures.iter().map(|m| (m.file, m.keyword.span)));
    keyword_spans.min_by_key(|(f, s)| (*f, s.start))
}
