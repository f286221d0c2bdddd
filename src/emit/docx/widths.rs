//! The widths of an indicator grid's columns, from their content: each
//! column wants the width of its longest line and needs at least its
//! longest unbreakable piece (a target such as `≤50.00万元` is never
//! broken); the text width is shared between what they need and what
//! they want. Widths count in half-characters, a CJK or full-width
//! character two (`unicode-width`).

use crate::emit::layout::Column;
use unicode_width::UnicodeWidthChar;

/// The cell's left and right margins and a little slack, in twips.
const PAD: usize = 2 * 85 + 40;
/// A column's least width in half-characters (four characters) unless its
/// content is narrower: a head such as 一级指标 stays on one line; half
/// of it when the grid has too many columns for that.
const FLOOR: usize = 8;
/// A target with a number up to this width (half-characters) stays on
/// one line: `≤50.00万元`, `≥95%`, `2022年12月31日前`.
const ONE_LINE_TARGET: usize = 24;
/// A level's name up to this width (half-characters) stays on one line:
/// `经济效益指标`.
const ONE_LINE_LEVEL: usize = 12;

/// What a column's cells and head ask for: the widths of its longest line
/// and of its longest piece that may not break, in half-characters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Need {
    pub want: usize,
    pub least: usize,
    /// The width of every line: how many lines wrap at a width.
    pub lines: Vec<usize>,
}

impl Need {
    /// Takes one more text of the column into account: a short target
    /// with a number, or a short level name, is needed whole.
    pub fn add(&mut self, column: Column, text: &str) {
        for line in text.lines() {
            let width = measure(line);
            self.want = self.want.max(width);
            self.lines.push(width);
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

/// The width of a line in half-characters as a Chinese font sets it:
/// characters of ambiguous width (`≤`, `≥`, `×`) count two, and each
/// change between Chinese and Latin text one more, for the space Word and
/// LibreOffice put there.
fn measure(line: &str) -> usize {
    let mut width = 0;
    let mut last_wide: Option<bool> = None;
    for c in line.chars() {
        let w = c.width_cjk().unwrap_or(0);
        let wide = w > 1;
        if last_wide.is_some_and(|l| l != wide) && !c.is_whitespace() {
            width += 1;
        }
        last_wide = Some(wide);
        width += w;
    }
    width
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

/// How many lines the texts of a column take at a capacity (half-characters).
fn lines_at(lines: &[usize], capacity: usize) -> usize {
    lines
        .iter()
        .map(|w| w.div_ceil(capacity.max(1)).max(1))
        .sum()
}

/// The next capacity above `capacity` at which the column takes fewer
/// lines, and how many fewer.
fn next_step(lines: &[usize], capacity: usize) -> Option<(usize, usize)> {
    let next = lines
        .iter()
        .filter_map(|&w| {
            let n = w.div_ceil(capacity.max(1));
            (n > 1).then(|| w.div_ceil(n - 1))
        })
        .min()?;
    let saved = lines_at(lines, capacity) - lines_at(lines, next);
    Some((next, saved))
}

/// Capacities from `least` up, `room` half-characters more in all, given
/// where they save the most lines for their width: each step widens the
/// column whose next fewer-lines width saves the most lines per
/// half-character, while the room lasts.
fn fewest_lines(needs: &[Need], least: &[usize], mut room: usize) -> Vec<usize> {
    let mut capacity = least.to_vec();
    loop {
        let best = needs
            .iter()
            .zip(&capacity)
            .enumerate()
            .filter_map(|(k, (n, &c))| {
                let (next, saved) = next_step(&n.lines, c)?;
                let cost = next - c;
                (cost <= room).then_some((k, next, saved * 1000 / cost.max(1)))
            })
            .max_by_key(|&(k, _, gain)| (gain, std::cmp::Reverse(k)));
        let Some((k, next, _)) = best else {
            break;
        };
        room -= next - capacity[k];
        capacity[k] = next;
    }
    capacity
}

/// The widths in twips, adding up to `total`, of columns with these
/// needs, at `size` half-points a character: each wants its longest line
/// and needs its longest unbreakable piece (and `FLOOR`); when everything
/// fits, the room left is shared by what they want; otherwise each gets
/// what it needs and the rest goes where it saves the most lines
/// ([`fewest_lines`]).
pub(super) fn fit(needs: &[Need], size: usize, total: usize) -> Vec<usize> {
    let half = (size * 5).max(1);
    let twips = |halves: usize| halves * half + PAD;
    // Heads of four characters on one line when the columns allow it,
    // else of two.
    let least_with = |floor: usize| -> (Vec<usize>, Vec<usize>) {
        let want: Vec<usize> = needs.iter().map(|n| n.want.max(floor)).collect();
        let least = needs
            .iter()
            .zip(&want)
            .map(|(n, w)| n.least.max(floor.min(n.want)).max(1).min(*w))
            .collect();
        (want, least)
    };
    let (mut want, mut least) = least_with(FLOOR);
    if least.iter().map(|l| twips(*l)).sum::<usize>() > total {
        (want, least) = least_with(FLOOR / 2);
    }
    let (sum_want, sum_least) = (
        want.iter().map(|w| twips(*w)).sum::<usize>(),
        least.iter().map(|l| twips(*l)).sum::<usize>(),
    );
    let base: Vec<usize> = if sum_want <= total {
        want.iter().map(|w| twips(*w)).collect()
    } else if sum_least >= total {
        least
            .iter()
            .map(|l| twips(*l) * total / sum_least.max(1))
            .collect()
    } else {
        let room = (total - sum_least) / half;
        let capacity = fewest_lines(needs, &least, room);
        capacity.iter().map(|c| twips(*c)).collect()
    };
    // What is left goes to every column by its width.
    let used: usize = base.iter().sum();
    let extra = total.saturating_sub(used);
    let mut widths: Vec<usize> = base.iter().map(|w| w + extra * w / used.max(1)).collect();
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
        // ≤ counts two, and the change to 万元 one more.
        assert_eq!((n.want, n.least), (13, 13));
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
    fn an_empty_column_gives_its_room_to_one_that_wraps() {
        let basis = "根据年初工作计划安排";
        let needs = [
            need(Column::Description, &["绩效指标描述", "", ""]),
            need(Column::Basis, &["指标值确定依据", basis, basis, basis]),
            need(Column::Name, &[&"很长的指标名称".repeat(8)]),
        ];
        let widths = fit(&needs, 21, 8844);
        // The empty column keeps the width of its head on two lines; the
        // basis is on one line.
        assert!(widths[0] <= 6 * 210 + PAD + 400, "{widths:?}");
        assert!(widths[1] >= 10 * 210 + PAD, "{widths:?}");
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
