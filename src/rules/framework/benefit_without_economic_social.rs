//! W0208: a project with benefit indicators of which none is an economic or
//! a social benefit.

use crate::codes::code_doc;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::profile::{Profile, Resolved};
use crate::sema::{Ctx, indicators_of};

pub static RULE: Rule = Rule {
    doc: code_doc!("W0208", Warning, "benefit_without_economic_social"),
    check,
    scope: Scope::Item,
};

/// The first level `benefit` and its second level `social` (else
/// `economic`), as a path to write; `None` when the profile has neither.
fn suggested_path(profile: &Profile) -> Option<String> {
    let benefit = profile
        .levels
        .iter()
        .find(|l| l.english.as_deref() == Some("benefit"))?;
    let child = ["social", "economic"].iter().find_map(|e| {
        benefit
            .children
            .iter()
            .find(|c| c.english.as_deref() == Some(*e))
    })?;
    Some(format!("{}.{}", benefit.id, child.id))
}

/// Whether a resolved path is a benefit (a second level of `benefit`
/// other than `satisfaction`).
fn is_benefit(profile: &Profile, r: Resolved) -> bool {
    let (first, second) = profile.english_of(r);
    first == Some("benefit") && second != Some("satisfaction")
}

/// Whether a resolved path is an economic or a social benefit.
fn is_economic_or_social(profile: &Profile, r: Resolved) -> bool {
    let (first, second) = profile.english_of(r);
    first == Some("benefit") && matches!(second, Some("economic" | "social"))
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(profile) = &ctx.profile else {
        return;
    };
    let Some(path) = suggested_path(profile) else {
        return;
    };
    for project in ctx.projects.iter().copied() {
        let benefits: Vec<_> = indicators_of(project.node)
            .filter_map(|i| Some((i, profile.resolve(&i.path)?)))
            .filter(|(_, r)| is_benefit(profile, *r))
            .collect();
        if benefits.is_empty()
            || benefits
                .iter()
                .any(|(_, r)| is_economic_or_social(profile, *r))
        {
            continue;
        }
        let mut d = RULE
            .diagnostic(msg!(
                "项目 {} 的效益指标中没有经济效益或社会效益",
                "project {} has benefit indicators, but no economic or social benefit",
                project.id.name
            ))
            .primary(
                project.file,
                project.id.span,
                msg!(
                    "没有经济效益或社会效益指标",
                    "no economic or social benefit"
                ),
            );
        for (indicator, _) in &benefits {
            d = d.secondary(
                project.file,
                indicator.path.span,
                msg!("效益指标只有这些", "the only benefit indicators"),
            );
        }
        out.push(d.help(msg!(
            "加一行社会效益或经济效益指标，如 `{} \"受益群众人数\" ≥ 500人`",
            "add a social or economic benefit, such as `{} \"受益群众人数\" ≥ 500人`",
            path
        )));
    }
}
