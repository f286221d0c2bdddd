//! W0610: a project goal that only restates the project's name (or its
//! purpose) with no measure: `目标 "保障办案工作顺利开展"` in project
//! "办案工作经费".

use crate::ast::ProjectStmt;
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Message};
use crate::msg;
use crate::rules::indicators::short;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0610", Warning, "generic_goal"),
    check,
    scope: Scope::Item,
};

/// Endings of project names that say it is money, not what it does.
const NAME_SUFFIXES: &[&str] = &[
    "专项资金",
    "补助资金",
    "工作经费",
    "项目经费",
    "专项经费",
    "经费",
    "资金",
    "项目",
    "专项",
    "补助",
];

/// Stock phrases of goals that say nothing of their own, longest first
/// where one holds another.
const STOCK: &[&str] = &[
    "顺利开展",
    "正常运转",
    "正常运行",
    "有序推进",
    "有序开展",
    "稳步推进",
    "扎实推进",
    "圆满完成",
    "按时完成",
    "顺利完成",
    "顺利实施",
    "有效开展",
    "有效推进",
    "各项工作",
    "相关工作",
    "本年度",
    "全年",
    "年度",
    "保障",
    "确保",
    "保证",
    "做好",
    "完成",
    "开展",
    "实施",
    "推进",
    "推动",
    "促进",
    "加强",
    "落实",
    "进行",
    "工作",
    "项目",
    "任务",
    "目标",
    "顺利",
    "正常",
    "有序",
    "运转",
    "运行",
    "各项",
    "相关",
    "全面",
    "的",
    "和",
    "及",
    "与",
    "得到",
    "有效",
    // What the name's suffix said, left in the goal once the name's core
    // is taken out (“……生活补助工作顺利开展” of “……生活补助资金”).
    "补助",
    "经费",
    "资金",
    "专项",
];

/// Punctuation and blanks a comparison ignores.
fn is_noise(c: char) -> bool {
    c.is_whitespace() || c.is_ascii_punctuation() || "，。；：、！？“”（）《》".contains(c)
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !is_noise(*c)).collect()
}

/// A project name's core: without a leading year and the suffixes that
/// say it is money (`2022年办案工作经费` → `办案`), two characters at
/// least.
fn name_core(name: &str) -> String {
    let mut core = squeeze(name);
    if let Some(at) = core.find('年') {
        let head = core.get(..at).unwrap_or("");
        if head.chars().count() == 4 && head.chars().all(|c| c.is_ascii_digit()) {
            core = core.get(at + '年'.len_utf8()..).unwrap_or("").to_string();
            core = core.strip_prefix('度').map_or(core.clone(), str::to_string);
        }
    }
    loop {
        let shorter = NAME_SUFFIXES.iter().find_map(|s| {
            core.strip_suffix(s)
                .filter(|rest| rest.chars().count() >= 2)
                .map(str::to_string)
        });
        match shorter {
            Some(s) => core = s,
            None => return core,
        }
    }
}

/// Whether a goal is the project's name and stock phrases only.
fn restates(goal: &str, name: &str) -> bool {
    let core = name_core(name);
    if core.chars().count() < 2 {
        return false;
    }
    let mut rest = squeeze(goal);
    if !rest.contains(&core) {
        return false;
    }
    rest = rest.replace(&squeeze(name), "").replace(&core, "");
    for phrase in STOCK {
        rest = rest.replace(phrase, "");
    }
    rest.is_empty()
}

fn has_digit(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for project in ctx.projects.iter().copied() {
        let purpose = project.body.iter().find_map(|s| match s {
            ProjectStmt::Purpose(p) => Some(&p.text),
            _ => None,
        });
        for stmt in &project.body {
            let ProjectStmt::Goal(goal) = stmt else {
                continue;
            };
            let text = &goal.text;
            if has_digit(&text.value) {
                continue;
            }
            let same_as_purpose = purpose.is_some_and(|p| {
                !squeeze(&p.value).is_empty() && squeeze(&p.value) == squeeze(&text.value)
            });
            let (restated, label, other) = if same_as_purpose {
                (
                    Message::new("资金用途", "purpose"),
                    msg!("与资金用途一字不差", "the purpose again, word for word"),
                    purpose.map(|p| (p.span, msg!("资金用途", "the purpose"))),
                )
            } else if restates(&text.value, &project.name.value) {
                (
                    Message::new("项目名称", "name"),
                    msg!("项目名称加上套话", "the project's name and stock phrases"),
                    Some((project.name.span, msg!("项目名称", "the project's name"))),
                )
            } else {
                continue;
            };
            let mut d = RULE
                .diagnostic(Message::new(
                    format!(
                        "项目 {} 的目标“{}”只是重复{}，没有说要做到什么",
                        project.id.name,
                        short(&text.value),
                        restated.zh
                    ),
                    format!(
                        "project {}: the goal “{}” only restates the project's {}, with nothing to achieve",
                        project.id.name,
                        short(&text.value),
                        restated.en
                    ),
                ))
                .primary(project.file, text.span, label);
            if let Some((span, message)) = other {
                d = d.secondary(project.file, span, message);
            }
            out.push(
                d
                .help(msg!(
                    "写出今年要做到的事和程度，如“全年培训基层干部不少于500人次，考核合格率不低于95%”",
                    "state what is to be done this year and how far, such as “全年培训基层干部不少于500人次，考核合格率不低于95%”"
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_goals_that_restate_the_name() {
        assert_eq!(name_core("办案工作经费"), "办案");
        assert_eq!(name_core("2022年农村公路养护专项资金"), "农村公路养护");
        assert!(restates("保障办案工作顺利开展", "办案工作经费"));
        assert!(restates(
            "确保农村公路养护工作正常运转。",
            "2022年农村公路养护专项资金"
        ));
        assert!(!restates(
            "保障纪律审查和监察调查工作顺利开展",
            "办案工作经费"
        ));
        assert!(!restates("保障工作顺利开展", "测试项目"));
        assert!(restates(
            "保障义务教育阶段家庭经济困难学生生活补助工作顺利开展",
            "义务教育阶段家庭经济困难学生生活补助资金"
        ));
        assert!(!restates(
            "义务教育阶段家庭经济困难学生生活补助足额发放",
            "义务教育阶段家庭经济困难学生生活补助资金"
        ));
        assert!(!restates("完成农村公路养护120公里", "农村公路养护经费"));
        assert!(!restates(
            "农村公路养护路面病害处治及时",
            "农村公路养护经费"
        ));
    }
}
