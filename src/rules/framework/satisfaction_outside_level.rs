//! W0207: a satisfaction indicator filed under another level
//! (`效益.社会效益 "群众满意度"`).

use crate::codes::CodeDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::indicators::satisfaction_group;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: CodeDoc {
        code: "W0207",
        severity: Severity::Warning,
        title_zh: "满意度指标放错了级次",
        title_en: "satisfaction filed outside the satisfaction level",
        doc_zh: "## 检查什么\n名称以“满意度”“满意率”“满意程度”结尾的指标，填在了框架的满意度指标之外，如 `效益.社会效益 \"群众满意度\"`。满意度指标按框架中级次的英文名认定：一级指标 satisfaction（classic、central-2021 的 `满意度`），或二级指标 satisfaction（classic-benefit-satisfaction 的 `效益.满意度`）。框架没有这样的级次时不检查。\n\n## 为什么\n满意度是单独的一类指标，框架为它留了位置，审核也按它检查项目有没有服务对象的评价（E0204）；放在社会效益下，满意度指标就像是缺了，社会效益又多了一行不是效益的指标。\n\n## 例\n`效益.社会效益 \"群众满意度\" ≥ 90%`\n\n## 修正\n移到满意度指标下：`满意度.服务对象满意度 \"群众满意度\" ≥ 90%`（classic-benefit-satisfaction 框架中是 `效益.满意度`）。",
        doc_en: "## What it checks\nAn indicator whose name ends in 满意度, 满意率 or 满意程度 (satisfaction) filed outside the profile's satisfaction level, as in `benefit.social \"群众满意度\"`. The satisfaction level is found by its English name: a first level satisfaction (`满意度` in classic and central-2021), or a second level satisfaction (`效益.满意度` in classic-benefit-satisfaction). Not checked when the profile has no such level.\n\n## Why\nSatisfaction is a kind of indicator of its own: the profile keeps a place for it, and reviewers check by it that a project is judged by those it serves (E0204). Filed under social benefit, the satisfaction level looks empty and the social benefit has a row that is no benefit.\n\n## Example\n`benefit.social \"群众满意度\" >= 90%`\n\n## Fix\nMove it under the satisfaction level: `satisfaction.service-recipient \"群众满意度\" >= 90%` (`效益.满意度` in the classic-benefit-satisfaction profile).",
    },
    check,
    scope: Scope::Item,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(profile) = &ctx.profile else {
        return;
    };
    let Some(target) = profile.satisfaction_path() else {
        return;
    };
    for (_, indicator) in ctx.all_indicators() {
        if satisfaction_group(&indicator.name.value).is_none() {
            continue;
        }
        let Some(resolved) = ctx.resolve(&indicator) else {
            continue;
        };
        if profile.is_satisfaction(resolved) {
            continue;
        }
        let path: Vec<&str> = indicator
            .path
            .segments
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        let path = path.join(".");
        out.push(
            RULE.diagnostic(msg!(
                "满意度指标“{}”填在了 `{}` 下",
                "the satisfaction indicator “{}” is filed under `{}`",
                indicator.name.value.trim(),
                path
            ))
            .primary(
                indicator.file,
                indicator.path.span,
                msg!("满意度不属于这一级", "satisfaction does not belong here"),
            )
            .help(msg!(
                "移到满意度指标下：`{} \"{}\" …`",
                "move it under the satisfaction level: `{} \"{}\" …`",
                target,
                indicator.name.value.trim()
            )),
        );
    }
}
