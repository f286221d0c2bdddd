//! W0522: an indicator name that is a sentence or an instruction, not a
//! measure (`"提高社会生态效益，达到全社会和谐的局面"`).

use super::short;
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Message};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0522", Warning, "name_is_sentence"),
    check,
    scope: Scope::Item,
};

/// Words that start an instruction.
const INSTRUCTION_WORDS: &[&str] = &[
    "确保",
    "保证",
    "做好",
    "加强",
    "提高",
    "推进",
    "完成",
    "落实",
    "促进",
    "强化",
    "深化",
    "切实",
    "全面",
    "积极",
    "努力",
    "力争",
    "进一步",
];

/// Endings of names that are measures.
const MEASURE_ENDINGS: &[&str] = &[
    "率",
    "度",
    "数",
    "量",
    "比例",
    "占比",
    "比重",
    "人次",
    "指数",
    "面积",
    "里程",
    "长度",
    "金额",
    "费用",
    "成本",
    "额",
    "时间",
    "时限",
    "期限",
    "周期",
    "天数",
    "标准",
    "覆盖面",
    "规模",
    "值",
];

/// Commas that separate clauses.
const COMMAS: &[char] = &['，', ',', '；', ';'];

/// The most characters a name with a comma may have.
const LONG: usize = 25;

/// Why a name reads as a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Why {
    Stop(char),
    Instruction(&'static str),
    SecondClause(&'static str),
    LongWithComma,
}

fn starts_with_instruction(clause: &str) -> Option<&'static str> {
    INSTRUCTION_WORDS
        .iter()
        .copied()
        .find(|w| clause.trim_start().starts_with(w))
}

fn sentence(name: &str) -> Option<Why> {
    let name = name.trim();
    if let Some(stop) = name
        .chars()
        .last()
        .filter(|c| ['。', '！', '!'].contains(c))
    {
        return Some(Why::Stop(stop));
    }
    if let Some(word) = starts_with_instruction(name) {
        let rest = name.get(word.len()..).unwrap_or("").chars().count();
        let measure = MEASURE_ENDINGS.iter().any(|w| name.ends_with(w));
        if rest >= 6 && !measure {
            return Some(Why::Instruction(word));
        }
    }
    let later = name.split(COMMAS).skip(1).find_map(starts_with_instruction);
    if let Some(word) = later {
        return Some(Why::SecondClause(word));
    }
    (name.chars().count() > LONG && name.contains(COMMAS)).then_some(Why::LongWithComma)
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (_, indicator) in ctx.all_indicators() {
        let Some(why) = sentence(&indicator.name.value) else {
            continue;
        };
        let label = match why {
            Why::Stop(c) => msg!("以“{}”结尾，是一句话", "ends with “{}”, as a sentence", c),
            Why::Instruction(w) => msg!(
                "以“{}”开头，是一条要求",
                "starts with “{}”, as an instruction",
                w
            ),
            Why::SecondClause(w) => msg!(
                "逗号之后又是一句“{}……”",
                "another clause after the comma: “{}……”",
                w
            ),
            Why::LongWithComma => msg!(
                "超过 {} 个字，又有逗号",
                "over {} characters, with a comma",
                LONG
            ),
        };
        out.push(
            RULE.diagnostic(Message::new(
                format!(
                    "指标名称“{}”是一句话，不是考核的内容",
                    short(&indicator.name.value)
                ),
                format!(
                    "the indicator name “{}” is a sentence, not a measure",
                    short(&indicator.name.value)
                ),
            ))
            .primary(indicator.file, indicator.name.span, label)
            .help(msg!(
                "名称写考核什么，如“巡察覆盖率”“群体性事件发生数”；要求和说明写在 `描述` 中",
                "name what is measured, such as 巡察覆盖率 or 群体性事件发生数; put the requirement in the description (`desc`)"
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_sentences_from_measures() {
        assert_eq!(
            sentence("确保社会稳定达到最佳"),
            Some(Why::Instruction("确保"))
        );
        assert_eq!(
            sentence("提高社会生态效益，达到全社会和谐的局面"),
            Some(Why::Instruction("提高"))
        );
        assert_eq!(
            sentence("每年常规巡察、专项检查、回头看，确保巡察成果"),
            Some(Why::SecondClause("确保"))
        );
        assert_eq!(sentence("按时完成全部工作任务。"), Some(Why::Stop('。')));
        assert_eq!(sentence("提高案件办结工作效率"), None);
        assert_eq!(sentence("提高效率"), None);
        assert_eq!(sentence("完成体检"), None);
        assert_eq!(sentence("完成营造林面积"), None);
        assert_eq!(sentence("时间进度与执行进度工作完成进度相一致"), None);
        assert_eq!(sentence("20个单位和120个村级党组织开展常规巡察"), None);
        assert_eq!(sentence("城乡居民基本医疗保险参保率（含职工，居民）"), None);
    }
}
