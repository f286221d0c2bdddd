//! Differences between two prose texts, by character: Chinese has no spaces
//! between words, so a word-level diff would see one long word per clause.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// A piece of a text: unchanged, removed or inserted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "op", content = "text", rename_all = "snake_case")]
pub enum Piece {
    Same(String),
    Removed(String),
    Inserted(String),
}

/// How much unchanged text to keep on each side of a change.
const CONTEXT: usize = 12;

/// The character-level changes from `old` to `new`, with long unchanged
/// stretches shortened to `…` around the changes.
pub fn diff(old: &str, new: &str) -> Vec<Piece> {
    let diff = TextDiff::from_chars(old, new);
    let mut pieces: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match (change.tag(), pieces.last_mut()) {
            (ChangeTag::Equal, Some(Piece::Same(s)))
            | (ChangeTag::Delete, Some(Piece::Removed(s)))
            | (ChangeTag::Insert, Some(Piece::Inserted(s))) => s.push_str(text),
            (ChangeTag::Equal, _) => pieces.push(Piece::Same(text.to_string())),
            (ChangeTag::Delete, _) => pieces.push(Piece::Removed(text.to_string())),
            (ChangeTag::Insert, _) => pieces.push(Piece::Inserted(text.to_string())),
        }
    }
    shorten(pieces)
}

fn shorten(pieces: Vec<Piece>) -> Vec<Piece> {
    let last = pieces.len().saturating_sub(1);
    pieces
        .into_iter()
        .enumerate()
        .map(|(i, p)| match p {
            Piece::Same(s) => Piece::Same(elide(&s, i > 0, i < last)),
            other => other,
        })
        .collect()
}

/// Keeps `CONTEXT` characters next to each change: the head when a change
/// follows, the tail when one precedes.
fn elide(s: &str, after_change: bool, before_change: bool) -> String {
    let chars: Vec<char> = s.chars().collect();
    let keep_head = if after_change { CONTEXT } else { 0 };
    let keep_tail = if before_change { CONTEXT } else { 0 };
    if chars.len() <= keep_head + keep_tail + 1 {
        return s.to_string();
    }
    let head: String = chars[..keep_head].iter().collect();
    let tail: String = chars[chars.len() - keep_tail..].iter().collect();
    format!("{head}…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diffs_chinese_by_character() {
        let pieces = diff("涉密内网加密机更换到位", "涉密内网加密机升级到位");
        assert!(pieces.contains(&Piece::Removed("更换".into())));
        assert!(pieces.contains(&Piece::Inserted("升级".into())));
    }

    #[test]
    fn shortens_long_unchanged_stretches() {
        let old = format!("{}甲{}", "一".repeat(40), "二".repeat(40));
        let new = format!("{}乙{}", "一".repeat(40), "二".repeat(40));
        let pieces = diff(&old, &new);
        let Piece::Same(head) = &pieces[0] else {
            panic!("{pieces:?}")
        };
        assert!(head.starts_with('…') && head.chars().count() == CONTEXT + 1);
    }
}
