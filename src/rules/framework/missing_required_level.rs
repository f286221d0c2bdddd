//! E0204: a project lacks a level its profile requires.

use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::profile::Requirement;
use crate::sema::{Ctx, indicators_of};

pub static RULE: Rule = Rule {
    doc: code_doc!("E0204", Error, "missing_required_level"),
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
