//! Choosing a line's statement rule from its first word, before pest.
//!
//! A block's line rule (`project_line` …) is an ordered choice between
//! its statements, and every statement but an indicator row starts with
//! its own keyword. Letting pest try the alternatives one by one costs
//! most of a line's parse: an indicator row, the commonest line, is
//! reached only after every keyword of the block has been tried and
//! failed. The first word says which alternative can match, so the line
//! is parsed with that statement's rule alone.
//!
//! The result is the one the line rule gives: the statement keywords are
//! distinct words (each followed by a character that cannot continue a
//! word), so no other alternative can match a line that starts with one;
//! an indicator row cannot start with a statement keyword
//! (`!stmt_keyword`). A line the chosen rule does not read to its end is
//! parsed again with the line rule, which reports it as before.

use super::errors::Context;
use super::grammar::{PlanParser, Rule};
use super::keywords::{self, Kw};
use super::layout;
use pest::Parser;
use pest::iterators::Pair;

/// The statement rule a line in `context` must match, from its first word;
/// `None` when the first word does not say (the line rule decides).
pub(super) fn statement_rule(context: Context, content: &str) -> Option<Rule> {
    let word = layout::first_word(content);
    if word.is_empty() {
        return None;
    }
    match keywords::lookup(word) {
        Some((kw, _)) => keyword_rule(context, kw),
        None if matches!(context, Context::Project | Context::Overall) => Some(Rule::indicator),
        None => None,
    }
}

/// The statement a keyword starts in a block.
fn keyword_rule(context: Context, kw: Kw) -> Option<Rule> {
    match context {
        Context::Top => top_rule(kw),
        Context::Plan => plan_rule(kw),
        Context::Overall => match kw {
            Kw::Goal => Some(Rule::goal),
            Kw::MidtermGoal => Some(Rule::midterm_goal),
            Kw::Duties => Some(Rule::duties),
            Kw::Midterm => Some(Rule::midterm_indicator),
            _ => None,
        },
        Context::Summary => match kw {
            Kw::Name => Some(Rule::name),
            Kw::Funds => Some(Rule::funds),
            Kw::Goal => Some(Rule::goal),
            _ => None,
        },
        Context::Project => project_rule(kw),
        Context::Profile => match kw {
            Kw::Level1 => Some(Rule::level1),
            Kw::Level2 => Some(Rule::level2),
            Kw::Required => Some(Rule::required),
            _ => None,
        },
    }
}

fn top_rule(kw: Kw) -> Option<Rule> {
    Some(match kw {
        Kw::Plan => Rule::plan_head,
        Kw::Overall => Rule::overall_head,
        Kw::Summary => Rule::summary_head,
        Kw::Project => Rule::project_head,
        Kw::Profile => Rule::profile_head,
        Kw::Measure => Rule::measure,
        _ => return None,
    })
}

fn plan_rule(kw: Kw) -> Option<Rule> {
    Some(match kw {
        Kw::Framework => Rule::framework,
        Kw::Money => Rule::money,
        Kw::Unit => Rule::budget_unit,
        Kw::Basis => Rule::basis,
        Kw::Grades => Rule::grades,
        Kw::Precision => Rule::precision,
        Kw::Allow | Kw::Warn | Kw::Deny => Rule::lint,
        Kw::Funds => Rule::funds,
        Kw::Region => Rule::region,
        Kw::BasicSpending => Rule::basic_spending,
        Kw::Draft => Rule::draft,
        Kw::Cover => Rule::cover,
        Kw::Toc => Rule::toc,
        _ => return None,
    })
}

fn project_rule(kw: Kw) -> Option<Rule> {
    Some(match kw {
        Kw::Code => Rule::code_stmt,
        Kw::Unit => Rule::unit_ref,
        Kw::Funds => Rule::funds,
        Kw::Purpose => Rule::purpose,
        Kw::Schedule => Rule::schedule,
        Kw::Goal => Rule::goal,
        Kw::Basis => Rule::basis,
        Kw::Category => Rule::category,
        Kw::Supervisor => Rule::supervisor,
        Kw::Implementer => Rule::implementer,
        Kw::Region => Rule::region,
        Kw::Period => Rule::period,
        Kw::TotalFunds => Rule::total_funds,
        Kw::MidtermGoal => Rule::midterm_goal,
        Kw::CostItem => Rule::cost_item,
        Kw::Midterm => Rule::midterm_indicator,
        _ => return None,
    })
}

/// Parses a line with one statement rule: the statement's pair when the
/// rule reads the whole line (what follows it is blanks and a comment, as
/// the line rule allows), else `None`.
pub(super) fn parse_statement(rule: Rule, content: &str) -> Option<Pair<'_, Rule>> {
    let stmt = PlanParser::parse(rule, content).ok()?.next()?;
    ends_line(&content[stmt.as_span().end()..]).then_some(stmt)
}

/// Whether the rest of a line is what the grammar skips before its end:
/// blanks (`WHITESPACE`), then at most one comment, which runs to the end
/// of the line.
fn ends_line(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t', '\u{3000}']);
    rest.is_empty() || (rest.starts_with('#') && !rest.contains(['\n', '\r']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::layout;

    /// What the line rule makes of a line: its statement's pair.
    fn by_line_rule(context: Context, content: &str) -> Option<String> {
        let line = PlanParser::parse(context.line_rule(), content)
            .ok()?
            .next()?;
        let stmt = line.into_inner().find(|p| p.as_rule() != Rule::EOI)?;
        Some(format!("{stmt:?}"))
    }

    /// Every line of every plan in the repository, and the lines of a
    /// few hand-made cases, in every block: whenever the chosen rule reads
    /// a line, the line rule reads the same statement.
    #[test]
    fn the_chosen_rule_agrees_with_the_line_rule() {
        let mut texts = vec![
            "资金=5\n资金-x \"a\" ≥1个\n中期 产出.数量 \"n\" ≥1个\n等级 \"x\" 定性 \"好\"\n名称 \"x\"\n目标：\"a\" # c\n目标 \"a\" \"b\"\n  资金 5万元\n"
                .to_string(),
        ];
        texts.extend(
            crate::check::tests::plans()
                .iter()
                .filter_map(|path| std::fs::read_to_string(path).ok()),
        );
        let contexts = [
            Context::Top,
            Context::Plan,
            Context::Overall,
            Context::Summary,
            Context::Project,
            Context::Profile,
        ];
        let mut chosen = 0;
        for text in &texts {
            for line in layout::lines(crate::source::FileId(0), text, 0..text.len()).quiet() {
                let content = &text[line.content.range()];
                for context in contexts {
                    let Some(rule) = statement_rule(context, content) else {
                        continue;
                    };
                    let fast = parse_statement(rule, content).map(|p| format!("{p:?}"));
                    if fast.is_some() {
                        chosen += 1;
                        assert_eq!(
                            fast,
                            by_line_rule(context, content),
                            "{context:?}: {content}"
                        );
                    }
                }
            }
        }
        assert!(chosen > 1000, "{chosen} lines read by the chosen rule");
    }

    #[test]
    fn blanks_and_a_comment_end_a_line() {
        assert!(ends_line(""));
        assert!(ends_line(" \t\u{3000}"));
        assert!(ends_line("  # a comment"));
        assert!(!ends_line(" x"));
        assert!(!ends_line("# a\nx"));
    }
}
