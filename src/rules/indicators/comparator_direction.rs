//! W0520: a comparator that points the wrong way: a cost or an incident
//! rate with `≥`, a completion rate or a satisfaction with `≤`.

use super::{is_cost, strip_percent_suffix, target_text};
use crate::ast::{Indicator, Operand, TargetKind};
use crate::codes::code_doc;
use crate::diagnostic::{Diagnostic, Fix, Message};
use crate::msg;
use crate::rules::{Rule, Scope};
use crate::sema::Ctx;
use crate::values::comparator::CmpOp;
use crate::values::unit::Dimension;

pub static RULE: Rule = Rule {
    doc: code_doc!("W0520", Warning, "comparator_direction"),
    check,
    scope: Scope::Item,
};

/// Which way an indicator is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Better {
    Higher,
    Lower,
}

/// Words of things that should be few.
const BAD_WORDS: &[&str] = &[
    "超支", "投诉", "事故", "差错", "损失", "违规", "违纪", "失误", "误差", "超标", "逾期", "返工",
    "返贫",
];

/// Endings of rates that should be low.
const BAD_RATES: &[&str] = &[
    "发生率",
    "故障率",
    "不合格率",
    "死亡率",
    "发病率",
    "病死率",
    "犯罪率",
    "发案率",
    "辍学率",
    "流失率",
    "空置率",
    "闲置率",
    "失业率",
    "成本控制率",
    "费用控制率",
];

/// Words of handling or reducing a bad thing: 投诉办结率 and 事故下降率
/// are better higher.
const REMEDY_WORDS: &[&str] = &[
    "处理", "处置", "办结", "回复", "答复", "受理", "整改", "整治", "治理", "纠正", "更正", "挽回",
    "追回", "回收", "查处", "查办", "核查", "核实", "排查", "检查", "调查", "督办", "结案", "化解",
    "调处", "解决", "消除", "响应", "救治", "救援", "下降", "降低", "减低", "减少", "压减", "防范",
    "预防",
];

/// Endings of rates that should be high.
const GOOD_RATES: &[&str] = &[
    "完成率",
    "覆盖率",
    "合格率",
    "达标率",
    "及格率",
    "知晓率",
    "优良率",
    "到位率",
    "办结率",
    "结案率",
    "普及率",
    "通过率",
    "及时率",
    "准确率",
    "完好率",
    "满意度",
    "满意率",
];

/// Which way a name is better, if it says.
fn better_by_name(name: &str) -> Option<Better> {
    let s = strip_percent_suffix(name);
    let negated = |rest: &str| rest.ends_with(['不', '未', '非']);
    let good = GOOD_RATES
        .iter()
        .any(|w| s.strip_suffix(w).is_some_and(|rest| !negated(rest)));
    if good {
        return Some(Better::Higher);
    }
    let bad = BAD_RATES.iter().any(|w| s.ends_with(w)) || BAD_WORDS.iter().any(|w| s.contains(w));
    // Most names are neither: the remedy words are looked for only then.
    let remedy = || REMEDY_WORDS.iter().any(|w| s.contains(w));
    (bad && !remedy()).then_some(Better::Lower)
}

/// Words of cost indicators that measure money saved or earned, or paid
/// out to the people a project serves (a subsidy standard, `人均补助标准
/// ≥ 89元/人`), which is not better lower.
const SAVING_WORDS: &[&str] = &[
    "节约", "节省", "节支", "收入", "收益", "补助", "补贴", "奖励", "救助",
];

/// Which way an indicator is better: a cost in money is better lower
/// (unless it is money saved); otherwise what the name says, and a rate
/// that should be low only in percent.
pub(super) fn better(
    ctx: &Ctx,
    indicator: &Indicator,
    dim: Dimension,
    money: bool,
) -> Option<Better> {
    let name = &indicator.name.value;
    if money && is_cost(ctx, indicator) && !SAVING_WORDS.iter().any(|w| name.contains(w)) {
        return Some(Better::Lower);
    }
    match better_by_name(name)? {
        Better::Lower if dim != Dimension::Percent => None,
        b => Some(b),
    }
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (_, indicator) in ctx.all_indicators() {
        let TargetKind::Compare {
            comparator,
            value: Operand::Quantity(q),
        } = &indicator.target.kind
        else {
            continue;
        };
        let Some(unit) = &q.unit else {
            continue;
        };
        let dim = unit.kind.dimension;
        let money =
            dim == Dimension::Money || (dim == Dimension::Rate && unit.kind.money.is_some());
        let Some(way) = better(ctx, &indicator, dim, money) else {
            continue;
        };
        let right = match (way, comparator.op) {
            (Better::Lower, CmpOp::Ge) => CmpOp::Le,
            (Better::Lower, CmpOp::Gt) => CmpOp::Lt,
            (Better::Higher, CmpOp::Le) => CmpOp::Ge,
            (Better::Higher, CmpOp::Lt) => CmpOp::Gt,
            _ => continue,
        };
        let name = indicator.name.value.trim();
        let written = format!("{}{}", q.number.written, unit.written);
        let fixed = target_text(right, &q.number.written, &unit.written);
        let (message, label) = match way {
            Better::Lower => (
                Message::new(
                    format!("“{name}”越低越好，比较符却是 `{}`", comparator.written),
                    format!(
                        "“{name}” is better lower, but its comparator is `{}`",
                        comparator.written
                    ),
                ),
                msg!(
                    "要求至少 {}，应为 `{}`",
                    "asks for at least {}; `{}` expected",
                    written,
                    right.symbol()
                ),
            ),
            Better::Higher => (
                Message::new(
                    format!("“{name}”越高越好，比较符却是 `{}`", comparator.written),
                    format!(
                        "“{name}” is better higher, but its comparator is `{}`",
                        comparator.written
                    ),
                ),
                msg!(
                    "要求至多 {}，应为 `{}`",
                    "asks for at most {}; `{}` expected",
                    written,
                    right.symbol()
                ),
            ),
        };
        out.push(
            RULE.diagnostic(message)
                .primary(indicator.file, comparator.span, label)
                .help(msg!(
                    "写作 `{}`：`≥` 表示不低于（越高越好），`≤` 表示不超过（越低越好）",
                    "write `{}`: `≥` means at least (better higher), `≤` at most (better lower)",
                    fixed
                ))
                .fix(Fix::unsafe_edit(
                    msg!("改为 `{}`", "write `{}`", right.symbol()),
                    indicator.file,
                    comparator.span,
                    right.symbol(),
                )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_direction_from_the_name() {
        assert_eq!(better_by_name("安全事故发生率"), Some(Better::Lower));
        assert_eq!(better_by_name("投诉率(%)"), Some(Better::Lower));
        assert_eq!(better_by_name("产品不合格率"), Some(Better::Lower));
        assert_eq!(better_by_name("成本控制率"), Some(Better::Lower));
        assert_eq!(better_by_name("投诉办结率"), Some(Better::Higher));
        assert_eq!(better_by_name("事故隐患排查率"), None);
        assert_eq!(better_by_name("违规问题整改率"), None);
        assert_eq!(better_by_name("验收合格率"), Some(Better::Higher));
        assert_eq!(better_by_name("服务对象满意度"), Some(Better::Higher));
        assert_eq!(better_by_name("任务未完成率"), None);
        assert_eq!(better_by_name("高血压患者规范管理率"), None);
        assert_eq!(better_by_name("血压控制率"), None);
        assert_eq!(better_by_name("违纪违法案件查办率"), None);
        assert_eq!(better_by_name("事故报告及时率"), Some(Better::Higher));
        assert_eq!(better_by_name("抗菌药物使用率"), None);
    }
}
