//! E0606: a plan without a header, or with more than one.

use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::source::Span;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0606",
        severity: Severity::Error,
        title_zh: "计划头部缺失或重复",
        title_en: "missing or repeated plan header",
        doc_zh: "## 检查什么\n一个计划（它的所有文件合起来）恰好有一个 `计划 年度 \"部门\" { … }` 头部。\n\n## 为什么\n年度、金额单位、框架和预算单位都在头部；没有头部，金额无法换算，日期无法核对年度；两个头部则互相矛盾。\n\n## 例\n只检查了项目文件，没有一并给出含头部的文件。\n\n## 修正\n把含头部的文件一起交给 perfplan（`perfplan check 头部.plan 项目/*.plan`），或删除多余的头部。",
        doc_en: "## What it checks\nA plan (all its files together) has exactly one `plan YEAR \"department\" { … }` header.\n\n## Why\nThe year, money unit, profile and budget units are in the header; without it amounts cannot be converted nor dates checked against the year, and two headers contradict each other.\n\n## Example\nOnly the project files were checked, not the file with the header.\n\n## Fix\nPass the header file too (`perfplan check header.plan projects/*.plan`), or delete the extra header.",
    },
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
