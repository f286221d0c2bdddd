//! W0208: a project with benefit indicators of which none is an economic or
//! a social benefit.

use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::profile::{Profile, Resolved};
use crate::sema::{Ctx, indicators_of};

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "W0208",
        severity: Severity::Warning,
        title_zh: "效益指标没有经济效益或社会效益",
        title_en: "benefit indicators without an economic or social benefit",
        doc_zh: "## 检查什么\n项目有效益指标，却没有一行是经济效益或社会效益指标，只有生态效益、可持续影响这类。按框架中级次的英文名认定：一级指标 benefit 下的二级指标 economic、social；二级指标 satisfaction（classic-benefit-satisfaction 的 `效益.满意度`）不算效益指标。框架的 `必需` 可以要求某个二级指标（如 classic-benefit-satisfaction 要求 `效益.满意度`），缺了由 E0204 报告；内置框架都不要求经济效益或社会效益，所以有了这一条，写成警告。\n\n## 为什么\n效益指标说明花钱带来了什么：对群众、对社会的效益（社会效益）或经济上的效益（经济效益）是几乎每个项目都有的，也是审核首先看的；只写“可持续影响”“生态效益”，项目对服务对象的效益就没有说。\n\n## 例\n一个项目的效益指标只有 `效益.生态效益 \"绿色办公\" 定性 \"节约资源\"`。\n\n## 修正\n加一行社会效益或经济效益指标，如 `效益.社会效益 \"受益群众人数\" ≥ 500人`。",
        doc_en: "## What it checks\nA project with benefit indicators of which none is an economic or social benefit, only ecological or sustainable ones and the like. The levels are found by their English names: the second levels economic and social under the first level benefit; a second level satisfaction (`效益.满意度` in classic-benefit-satisfaction) is not counted as a benefit. A profile's `required` may ask for a second level (classic-benefit-satisfaction asks for `效益.满意度`), and E0204 reports a missing one; no built-in profile requires an economic or social benefit, hence this rule, as a warning.\n\n## Why\nBenefit indicators say what the money brings about: a benefit to people and society (social) or an economic one is what nearly every project has and what reviewers look at first; with only sustainable impact or ecology, the project says nothing of its benefit to those it serves.\n\n## Example\nA project whose only benefit indicator is `benefit.ecological \"绿色办公\" qualitative \"节约资源\"`.\n\n## Fix\nAdd a social or economic benefit, such as `benefit.social \"受益群众人数\" >= 500人`.",
    },
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
