//! The run's cable ids, packed: one string of all ids end to end and a
//! sorted array of where each starts, looked up by binary search.
//!
//! ```text
//! 09STATE4690 72TEHRAN1164 09STATE17183  ->  text "09STATE469072TEHRAN116409STATE17183"
//!                                            starts [0, 23, 11] (sorted by the id they start)
//! ```
//!
//! About 22 bytes an id (a 14-byte id and two 4-byte bounds) instead of
//! the 80 or so of a `BTreeSet<CableId>` (a `CableId` is a `String` and
//! two integers, plus the tree's nodes): the release's 251,287 ids take
//! about 5.5 MB, built without ever holding a second copy.

use cable_model::CableId;

/// A set of cable ids, built once, then only read.
#[derive(Debug, Default, Clone)]
pub(crate) struct IdSet {
    text: String,
    /// Start and end of each id in `text`, sorted by the id.
    bounds: Vec<(u32, u32)>,
}

/// Collects ids for an [`IdSet`].
#[derive(Debug, Default)]
pub(crate) struct IdSetBuilder {
    text: String,
    bounds: Vec<(u32, u32)>,
}

impl IdSetBuilder {
    /// Adds one id (repeats are dropped when the set is built).
    pub(crate) fn push(&mut self, id: &CableId) {
        let start = self.text.len();
        self.text.push_str(id.as_str());
        // 4 GB of ids would be 300 million cables: saturate rather than wrap.
        let cap = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.bounds.push((cap(start), cap(self.text.len())));
    }

    /// Adds every id of `other`.
    pub(crate) fn extend(&mut self, other: IdSetBuilder) {
        let base = self.text.len();
        self.text.push_str(&other.text);
        let cap = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.bounds.extend(
            other
                .bounds
                .into_iter()
                .map(|(s, e)| (cap(base + s as usize), cap(base + e as usize))),
        );
    }

    /// Sorts and drops repeats.
    pub(crate) fn build(self) -> IdSet {
        let IdSetBuilder { text, mut bounds } = self;
        let get = |&(s, e): &(u32, u32)| text.get(s as usize..e as usize).unwrap_or_default();
        bounds.sort_unstable_by(|a, b| get(a).cmp(get(b)));
        bounds.dedup_by(|a, b| get(a) == get(b));
        bounds.shrink_to_fit();
        IdSet { text, bounds }
    }
}

impl IdSet {
    /// Whether `id` is in the set.
    pub(crate) fn contains(&self, id: &CableId) -> bool {
        let want = id.as_str();
        self.bounds
            .binary_search_by(|&(s, e)| {
                self.text
                    .get(s as usize..e as usize)
                    .unwrap_or_default()
                    .cmp(want)
            })
            .is_ok()
    }

    /// How many distinct ids the set holds.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.bounds.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_each_id_once_and_finds_only_those() {
        let id = |s| CableId::parse(s).unwrap();
        let mut a = IdSetBuilder::default();
        for s in ["09STATE4690", "72TEHRAN1164", "09STATE4690"] {
            a.push(&id(s));
        }
        let mut b = IdSetBuilder::default();
        b.push(&id("09STATE17183"));
        a.extend(b);
        let set = a.build();
        assert_eq!(set.len(), 3);
        for s in ["09STATE4690", "72TEHRAN1164", "09STATE17183"] {
            assert!(set.contains(&id(s)), "{s}");
        }
        assert!(!set.contains(&id("09STATE469")));
        assert!(!IdSet::default().contains(&id("09STATE4690")));
    }
}
