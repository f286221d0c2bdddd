//! The widths of an indicator grid's columns, from their content: each
//! column wants the width of its longest line and needs at least its
//! longest unbreakable piece (a target such as `≤50.00万元` is never
//! broken); the text width is shared between what they need and what
//! they want. Widths count in half-characters, a CJK or full-width
//! character two (`unicode-width`).

use crate::emit::layout::Column;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The cell's left and right margins and a little slack, in twips.
const PAD: usize = 2 * 85 + 40;
/// A column's least width in half-characters (four characters) unless its
/// content is narrower: a head such as 一级指标 stays on one line.
const FLOOR: usize = 8;
/// A target with a number up to this width (half-characters) stays on
/// one line: `≤50.00万元`, `≥95%`, `2022年12月31日前`.
const ONE_LINE_TARGET: usize = 24;
/// A level's name up to this width (half-characters) stays on one line:
/// `经济效益指标`.
const ONE_LINE_LEVEL: usize = 12;

/// What a column's cells and head ask for: the widths of its longest line
/// and of its longest piece that may not break, in half-characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Need {
    pub want: usize,
    pub least: usize,
}

impl Need {
    /// Takes one more text of the column into account: a short target
    /// with a number, or a short level name, is needed whole.
    pub fn add(&mut self, column: Column, text: &str) {
        for line in text.lines() {
            let width = line.width();
            self.want = self.want.max(width);
            self.least = self.least.max(unbreakable(line));
            let whole = match column {
                Column::Value => {
                    width <= ONE_LINE_TARGET && line.chars().any(|c| c.is_ascii_digit())
                }
                Column::Level1 | Column::Level2 => width <= ONE_LINE_LEVEL,
                _ => false,
            };
            if whole {
                self.least = self.least.max(width);
            }
        }
    }
}

/// The widest piece of a line that may not break: a run of narrow
/// characters without a space (a number with its unit, a Latin word); a
/// wide character alone may break on either side.
fn unbreakable(line: &str) -> usize {
    let (mut widest, mut run) = (0, 0);
    for c in line.chars() {
        let width = c.width().unwrap_or(0);
        if c.is_whitespace() || width > 1 {
            widest = widest.max(run).max(width);
            run = 0;
        } else {
            run += width;
        }
    }
    widest.max(run)
}

/// The widths in twips, adding up to `total`, of columns with these
/// needs, at `size` half-points a character: each wants its longest line
/// and needs its longest unbreakable piece (and `FLOOR`); when everything
/// fits, the room left is shared by what they want; otherwise each gets
/// what it needs and the rest goes by how much more it wants.
pub(super) fn fit(needs: &[Need], size: usize, total: usize) -> Vec<usize> {
    let half = size * 5;
    let twips = |halves: usize| halves * half + PAD;
    let want: Vec<usize> = needs.iter().map(|n| twips(n.want.max(FLOOR))).collect();
    let least: Vec<usize> = needs
        .iter()
        .map(|n| twips(n.least.max(FLOOR.min(n.want)).max(1)))
        .zip(&want)
        .map(|(l, w)| l.min(*w))
        .collect();
    let (sum_want, sum_least) = (want.iter().sum::<usize>(), least.iter().sum::<usize>());
    let mut widths: Vec<usize> = if sum_want <= total {
        let extra = total - sum_want;
        want.iter()
            .map(|w| w + extra * w / sum_want.max(1))
            .collect()
    } else if sum_least >= total {
        least.iter().map(|l| l * total / sum_least.max(1)).collect()
    } else {
        let room = total - sum_least;
        let spread = sum_want - sum_least;
        least
            .iter()
            .zip(&want)
            .map(|(l, w)| l + (w - l) * room / spread.max(1))
            .collect()
    };
    let used: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += total.saturating_sub(used);
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    fn need(column: Column, texts: &[&str]) -> Need {
        let mut n = Need::default();
        for t in texts {
            n.add(column, t);
        }
        n
    }

    #[test]
    fn pieces_that_may_not_break() {
        assert_eq!(unbreakable("≤50.00万元"), 6);
        assert_eq!(unbreakable("abc def"), 3);
        assert_eq!(unbreakable("指标"), 2);
    }

    #[test]
    fn a_target_is_never_broken() {
        let n = need(Column::Value, &["指标值", "≤50.00万元"]);
        assert_eq!(
            n,
            Need {
                want: 10,
                least: 10
            }
        );
    }

    #[test]
    fn widths_fill_the_total_and_follow_the_content() {
        let needs = [
            need(Column::Level1, &["一级指标", "产出指标"]),
            need(Column::Description, &["绩效指标描述"]),
            need(
                Column::Basis,
                &["指标值确定依据", &"根据年初工作计划安排".repeat(3)],
            ),
            need(Column::Value, &["指标值", "≤50.00万元"]),
        ];
        let widths = fit(&needs, 21, 8844);
        assert_eq!(widths.iter().sum::<usize>(), 8844);
        assert!(widths[2] > widths[1], "{widths:?}");
        assert!(widths[3] >= 10 * 105 + PAD, "{widths:?}");
    }

    #[test]
    fn too_much_content_still_fits_the_total() {
        let long = "很长的文字".repeat(100);
        let needs = vec![need(Column::Name, &[&long]); 12];
        let widths = fit(&needs, 21, 8844);
        assert_eq!(widths.iter().sum::<usize>(), 8844);
        assert!(fit(&[], 21, 8844).is_empty());
    }
}
