//! Lookups that keep `diff` linear: each side's items by key, so that
//! matching an old item never scans every new one.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;

/// The positions of items under each key, in order, for taking the first
/// one not yet used. Items are only ever marked used, never released, so
/// each key's list is passed over once: a position found used is skipped
/// for good, and all the lookups of a match take linear time together.
pub struct FirstUnused<K> {
    /// For each key, the positions under it and how many of them were
    /// found used already.
    by_key: HashMap<K, (usize, Vec<usize>)>,
}

impl<K: Hash + Eq> FirstUnused<K> {
    /// Indexes items by their keys, given in the items' order.
    pub fn new(keys: impl IntoIterator<Item = K>) -> FirstUnused<K> {
        let mut by_key: HashMap<K, (usize, Vec<usize>)> = HashMap::new();
        for (at, key) in keys.into_iter().enumerate() {
            by_key.entry(key).or_default().1.push(at);
        }
        FirstUnused { by_key }
    }

    /// The first position under `key` that `used` does not mark: what a
    /// scan from the start for an unused item with this key finds.
    pub fn first<Q>(&mut self, key: &Q, used: &[bool]) -> Option<usize>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let (skipped, positions) = self.by_key.get_mut(key)?;
        while let Some(&at) = positions.get(*skipped) {
            if !used.get(at).copied().unwrap_or(true) {
                return Some(at);
            }
            *skipped += 1;
        }
        None
    }
}

/// The first item under each key: what a scan from the start for an item
/// with this key finds.
pub fn first_by_key<K: Hash + Eq, T>(items: impl IntoIterator<Item = (K, T)>) -> HashMap<K, T> {
    let mut out = HashMap::new();
    for (key, item) in items {
        out.entry(key).or_insert(item);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_unused_finds_what_a_scan_finds() {
        let keys = ["a", "b", "a", "c", "a"];
        let mut index = FirstUnused::new(keys);
        let mut used = vec![false; keys.len()];
        for wanted in ["a", "a", "b", "a", "a", "c", "z"] {
            let scan = keys
                .iter()
                .enumerate()
                .position(|(i, k)| !used[i] && *k == wanted);
            let found = index.first(wanted, &used);
            assert_eq!(found, scan, "{wanted}");
            if let Some(i) = found {
                used[i] = true;
            }
        }
    }

    #[test]
    fn first_by_key_keeps_the_first() {
        let map = first_by_key([("a", 1), ("b", 2), ("a", 3)]);
        assert_eq!(map.get("a"), Some(&1));
        assert_eq!(map.get("b"), Some(&2));
    }
}
