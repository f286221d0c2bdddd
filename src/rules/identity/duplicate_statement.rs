//! E0607: a statement that may appear once is written twice in a block.

use crate::ast::{IndicatorAttr, Keyword, PlanStmt, ProjectStmt, SummaryStmt};
use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::source::FileId;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0607",
        severity: Severity::Error,
        title_zh: "语句重复",
        title_en: "statement given twice",
        doc_zh: "## 检查什么\n块中只能出现一次的语句写了两次：项目的 `编码`、`预算单位`、`资金`、`用途`、`支出计划`、`依据`；分项目标的 `名称`、`资金`；计划头部的 `框架`、`金额单位`、`精度`、`等级`、`资金`、`依据`；指标行的 `描述`、`依据`、`分值`。（`目标` 可以写多条。）\n\n## 为什么\n两个值互相矛盾时，无从知道哪一个是对的。\n\n## 例\n项目中写了两行 `资金`。\n\n## 修正\n删除其中一行。",
        doc_en: "## What it checks\nA statement that may appear once in its block is written twice: a project's `code`, `unit`, `funds`, `purpose`, `schedule`, `basis`; a summary's `name`, `funds`; the header's `framework`, `money`, `precision`, `grades`, `funds`, `basis`; an indicator's `desc`, `basis`, `weight`. (`goal` may be repeated.)\n\n## Why\nWhen the two disagree, nobody can tell which is right.\n\n## Example\nA project with two `funds` lines.\n\n## Fix\nDelete one of them.",
    },
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for h in &ctx.headers {
        report_repeats(h.file, h.body.iter().filter_map(plan_keyword), out);
    }
    for s in &ctx.summaries {
        report_repeats(s.file, s.body.iter().filter_map(summary_keyword), out);
    }
    for p in &ctx.projects {
        report_repeats(p.file, p.body.iter().filter_map(project_keyword), out);
    }
    for (_, i) in ctx.all_indicators() {
        report_repeats(i.file, i.attrs.iter().map(attr_keyword), out);
    }
}

/// Reports every keyword that repeats one seen earlier in the block.
fn report_repeats<'a>(
    file: FileId,
    keywords: impl Iterator<Item = &'a Keyword>,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: Vec<&Keyword> = Vec::new();
    for k in keywords {
        if let Some(first) = seen.iter().find(|s| s.kw == k.kw) {
            let word = k.kw.spelling(k.lang);
            out.push(
                RULE.diagnostic(msg!("`{}` 写了两次", "`{}` is given twice", word))
                    .primary(file, k.span, msg!("再次出现", "given again here"))
                    .secondary(file, first.span, msg!("第一次在这里", "first given here"))
                    .help(msg!("只保留一行 `{}`", "keep one `{}` line", word)),
            );
        } else {
            seen.push(k);
        }
    }
}

fn plan_keyword(s: &PlanStmt) -> Option<&Keyword> {
    match s {
        PlanStmt::Framework { keyword, .. }
        | PlanStmt::Money { keyword, .. }
        | PlanStmt::Grades { keyword, .. }
        | PlanStmt::Precision { keyword, .. } => Some(keyword),
        PlanStmt::Basis(t) => Some(&t.keyword),
        PlanStmt::Funds(f) => Some(&f.keyword),
        PlanStmt::BudgetUnit(_) | PlanStmt::Lint { .. } => None,
    }
}

fn summary_keyword(s: &SummaryStmt) -> Option<&Keyword> {
    match s {
        SummaryStmt::Name(t) => Some(&t.keyword),
        SummaryStmt::Funds(f) => Some(&f.keyword),
        SummaryStmt::Goal(_) => None,
    }
}

fn project_keyword(s: &ProjectStmt) -> Option<&Keyword> {
    match s {
        ProjectStmt::Code { keyword, .. } | ProjectStmt::Unit { keyword, .. } => Some(keyword),
        ProjectStmt::Funds(f) => Some(&f.keyword),
        ProjectStmt::Schedule(s) => Some(&s.keyword),
        ProjectStmt::Purpose(t) | ProjectStmt::Basis(t) => Some(&t.keyword),
        ProjectStmt::Goal(_) | ProjectStmt::Indicator(_) => None,
    }
}

fn attr_keyword(a: &IndicatorAttr) -> &Keyword {
    match a {
        IndicatorAttr::Desc(t) | IndicatorAttr::Basis(t) => &t.keyword,
        IndicatorAttr::Weight { keyword, .. } => keyword,
    }
}
