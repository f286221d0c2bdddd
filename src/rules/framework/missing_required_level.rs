//! E0204: a project lacks a level its profile requires.

use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::profile::Requirement;
use crate::sema::{Ctx, indicators_of};

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "E0204",
        severity: Severity::Error,
        title_zh: "项目缺少框架要求的指标",
        title_en: "project lacks a required indicator level",
        doc_zh: "## 检查什么\n每个项目都要有框架所要求的一级指标（`classic`：产出、满意度；`central-2021`：产出、成本、满意度；`classic-benefit-satisfaction`：产出和效益下的满意度）。\n\n## 为什么\n没有产出指标的项目说不清花钱做了什么，没有满意度指标就没有服务对象的评价；审核会退回。\n\n## 例\n一个只有 `效益.社会效益` 指标的项目。\n\n## 修正\n为项目补上所缺的指标，如 `满意度.服务对象满意度 \"服务对象满意度\" ≥ 90%`。",
        doc_en: "## What it checks\nEvery project has indicators under each level its profile requires (`classic`: output and satisfaction; `central-2021`: output, cost and satisfaction; `classic-benefit-satisfaction`: output and satisfaction under benefit).\n\n## Why\nA project without output indicators does not say what the money buys; without satisfaction there is no judgement of those served. Reviewers send such tables back.\n\n## Example\nA project whose only indicator is `benefit.social`.\n\n## Fix\nAdd the missing indicators, e.g. `satisfaction.service-recipient \"服务对象满意度\" >= 90%`.",
    },
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(profile) = &ctx.profile else {
        return;
    };
    for project in &ctx.projects {
        // A row whose level did not read may be the one required.
        if project.has_broken_indicator() {
            continue;
        }
        let used: Vec<_> = indicators_of(project.node)
            .filter_map(|i| profile.resolve(&i.path))
            .collect();
        for req in &profile.required {
            let met = used
                .iter()
                .any(|r| r.level1 == req.level1 && req.level2.is_none_or(|l2| l2 == r.level2));
            if !met {
                let name = requirement_name(profile, req);
                out.push(
                    RULE.diagnostic(msg!(
                        "项目 `{}` 没有{}指标",
                        "project `{}` has no {} indicator",
                        project.id.name,
                        name
                    ))
                    .primary(project.file, project.id.span, msg!("缺少{}指标", "no {} indicator", name))
                    .help(msg!(
                        "框架 {} 要求每个项目都有{}指标：加一行 `{} \"…\" …`",
                        "profile {} requires {} indicators in every project: add a line `{} \"…\" …`",
                        profile.name,
                        name,
                        example_path(profile, req)
                    )),
                );
            }
        }
    }
}

fn requirement_name(profile: &crate::sema::profile::Profile, req: &Requirement) -> String {
    let Some(l1) = profile.levels.get(req.level1) else {
        return String::new();
    };
    match req.level2.and_then(|i| l1.children.get(i)) {
        Some(l2) => format!("{}.{}", l1.id, l2.id),
        None => l1.id.clone(),
    }
}

fn example_path(profile: &crate::sema::profile::Profile, req: &Requirement) -> String {
    let Some(l1) = profile.levels.get(req.level1) else {
        return String::new();
    };
    let l2 = req
        .level2
        .and_then(|i| l1.children.get(i))
        .or(l1.children.first());
    format!("{}.{}", l1.id, l2.map_or("…", |c| c.id.as_str()))
}
