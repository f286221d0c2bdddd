//! `perfplan init`: a starter plan that checks clean — the header, the
//! overall part, one project with a spending schedule and one indicator
//! for each level its framework requires — for a newcomer to fill in.
//!
//! The indicators come from the framework's own data (`profiles/`): for
//! each required first level, its first second level with an example row
//! of that kind, so a framework a province adds is served as well.

use crate::sema::profile::{self, Profile};

/// The names of the built-in frameworks, for messages.
pub fn framework_names() -> Vec<&'static str> {
    profile::builtin().iter().map(|p| p.name.as_str()).collect()
}

/// The starter plan of a built-in framework for a year, in Chinese
/// keywords; `None` when no built-in framework has that name.
pub fn plan(framework: &str, year: u16) -> Option<String> {
    let profile = profile::builtin().iter().find(|p| p.name == framework)?;
    let rows = indicator_rows(profile).join("\n");
    Some(format!(
        r#"# {year} 年部门预算绩效目标。把引号中的文字、编码和金额换成本部门的，
# 再运行 perfplan check 检查；语法见 docs/language.md。

计划 {year} "（部门名称）" {{
  框架 {framework}
  金额单位 万元
  预算单位 001 "（预算单位名称）"
}}

总体目标 {{
  职责 "（部门职责）"
  目标 "（本年度部门整体绩效目标）"
}}

项目 p1 "（项目名称）" {{
  预算单位 001
  资金 10.00 (财政 10.00)
  用途 "（资金用途）"
  支出计划 6月底 50%, 12月底 100%
  目标 "（项目年度绩效目标）"
{rows}
}}
"#
    ))
}

/// One example row for each required level, in the framework's order.
fn indicator_rows(profile: &Profile) -> Vec<String> {
    let mut rows = Vec::new();
    for req in &profile.required {
        let Some(level1) = profile.levels.get(req.level1) else {
            continue;
        };
        let level2 = req.level2.unwrap_or(0);
        let Some(child) = level1.children.get(level2) else {
            continue;
        };
        let path = format!("{}.{}", level1.id, child.id);
        if rows.iter().any(|r: &String| r.contains(&path)) {
            continue;
        }
        rows.push(format!("  {path} {}", example(&child.id)));
    }
    rows
}

/// An example name and target for a second level, by its kind.
fn example(level2: &str) -> &'static str {
    match level2 {
        "数量" => "\"（完成的工作量）\" ≥ 10项",
        "质量" => "\"（验收合格率）\" ≥ 95%",
        "时效" => "\"（按时完成率）\" ≥ 95%",
        "成本" | "经济成本" => "\"（项目成本）\" ≤ 10.00万元",
        "经济效益" => "\"（带动增收）\" ≥ 5.00万元",
        "社会效益" => "\"（群众知晓率）\" ≥ 80%",
        "生态效益" => "\"（能耗下降率）\" ≥ 5%",
        "可持续影响" => "\"（长效机制）\" 定性 \"（建立并持续运行）\"",
        _ => "\"（服务对象满意度）\" ≥ 90%",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Options, check};
    use crate::source::{SourceFile, SourceMap};

    #[test]
    fn every_framework_has_a_starter_that_checks_clean() {
        for name in framework_names() {
            let text = plan(name, 2026).unwrap_or_default();
            let mut sources = SourceMap::new();
            sources.add(SourceFile::new("plan.plan", text.clone()));
            let checked = check(&sources, &Options::default());
            assert!(
                checked.diagnostics.is_empty(),
                "{name}:\n{text}\n{:#?}",
                checked.diagnostics
            );
        }
        assert!(plan("nope", 2026).is_none());
    }
}
