//! Edit distance between two station spellings: the optimal string
//! alignment form of the Damerau-Levenshtein distance, where a dropped,
//! doubled, changed or swapped letter each cost one edit (`BRASILA`,
//! `WELLLINGTON`, `QUINTO`, `RIODEJANERIO`), computed with a cut-off so a
//! far candidate costs little.

/// The distance between `a` and `b` when it is at most `max`, else `None`.
/// Both are ASCII upper-case letters (station keys).
///
/// ```text
/// BRASILA      BRASILIA       1 (a letter dropped)
/// WELLLINGTON  WELLINGTON     1 (a letter doubled)
/// RIODEJANERIO RIODEJANEIRO   1 (two letters swapped)
/// QUINTO       QUITO          1
/// ```
pub(crate) fn within(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    if a == b {
        return Some(0);
    }
    // Rows on the stack for names of up to 31 letters (all stations and
    // labels); longer ones take the heap.
    const ROW: usize = 32;
    let n = b.len();
    if n < ROW {
        let mut rows = [[0usize; ROW]; 3];
        dp(a, b, max, &mut rows)
    } else {
        let mut rows = [
            vec![0usize; n + 1],
            vec![0usize; n + 1],
            vec![0usize; n + 1],
        ];
        dp(a, b, max, &mut rows)
    }
}

/// The dynamic programme over three rows (two back for swaps, one back,
/// current), with the cut-off.
fn dp<R: AsMut<[usize]>>(a: &[u8], b: &[u8], max: usize, rows: &mut [R; 3]) -> Option<usize> {
    let n = b.len();
    let [r0, r1, r2] = rows;
    let (mut two, mut one, mut cur) = (r0.as_mut(), r1.as_mut(), r2.as_mut());
    for (j, slot) in one.iter_mut().enumerate().take(n + 1) {
        *slot = j;
    }
    for i in 1..=a.len() {
        let ai = a.get(i - 1).copied().unwrap_or(0);
        let ai2 = i.checked_sub(2).and_then(|k| a.get(k)).copied();
        if let Some(c) = cur.get_mut(0) {
            *c = i;
        }
        let mut row_min = i;
        for j in 1..=n {
            let bj = b.get(j - 1).copied().unwrap_or(0);
            let cost = usize::from(ai != bj);
            let up = one.get(j).copied().unwrap_or(usize::MAX - 1);
            let left = cur.get(j - 1).copied().unwrap_or(usize::MAX - 1);
            let diag = one.get(j - 1).copied().unwrap_or(usize::MAX - 1);
            let mut d = (up + 1).min(left + 1).min(diag + cost);
            if i > 1 && j > 1 && Some(ai) == b.get(j - 2).copied() && ai2 == Some(bj) {
                d = d.min(two.get(j - 2).copied().unwrap_or(usize::MAX - 1) + 1);
            }
            if let Some(c) = cur.get_mut(j) {
                *c = d;
            }
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut two, &mut one);
        std::mem::swap(&mut one, &mut cur);
    }
    let d = one.get(n).copied()?;
    (d <= max).then_some(d)
}

/// Letters a teleprinter's or an OCR pass's reading confuses (`O`/`Q`,
/// `E`/`Q`, `I`/`L`); digits read for letters (`0`, `1`, `5`, `8`) are read
/// back before names are compared (`crate::ids`).
fn confusable(a: u8, b: u8) -> bool {
    matches!(
        (a.min(b), a.max(b)),
        (b'O', b'Q') | (b'E', b'Q') | (b'I', b'L')
    )
}

/// The distance between `a` and `b` in half edits: a letter dropped,
/// added, swapped or changed costs two, a letter changed for one it is
/// confused with ([`confusable`]) one. Ranks names already found within
/// [`within`]'s cut-off, so it has none.
///
/// ```text
/// ASMQRA  ASMERA  1 (E read as Q)
/// ASMQRA  ASMARA  2
/// ```
pub(crate) fn weighted(a: &[u8], b: &[u8]) -> usize {
    const ROW: usize = 32;
    let n = b.len();
    if n >= ROW || a.len() >= ROW {
        // Not a station name: no ranking.
        return 2 * a.len().max(b.len());
    }
    let mut rows = [[0usize; ROW]; 3];
    let [two, one, cur] = &mut rows;
    let (mut two, mut one, mut cur) = (&mut two[..], &mut one[..], &mut cur[..]);
    for (j, slot) in one.iter_mut().enumerate().take(n + 1) {
        *slot = 2 * j;
    }
    for (i, &ai) in a.iter().enumerate() {
        let i = i + 1;
        let ai2 = i.checked_sub(2).and_then(|k| a.get(k)).copied();
        if let Some(c) = cur.get_mut(0) {
            *c = 2 * i;
        }
        for (j, &bj) in b.iter().enumerate() {
            let j = j + 1;
            let cost = match (ai == bj, confusable(ai, bj)) {
                (true, _) => 0,
                (false, true) => 1,
                (false, false) => 2,
            };
            let up = one.get(j).copied().unwrap_or(usize::MAX - 2);
            let left = cur.get(j - 1).copied().unwrap_or(usize::MAX - 2);
            let diag = one.get(j - 1).copied().unwrap_or(usize::MAX - 2);
            let mut d = (up + 2).min(left + 2).min(diag + cost);
            if j > 1 && Some(ai) == b.get(j - 2).copied() && ai2 == Some(bj) {
                d = d.min(two.get(j - 2).copied().unwrap_or(usize::MAX - 2) + 2);
            }
            if let Some(c) = cur.get_mut(j) {
                *c = d;
            }
        }
        std::mem::swap(&mut two, &mut one);
        std::mem::swap(&mut one, &mut cur);
    }
    one.get(n).copied().unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::{weighted, within};

    #[test]
    fn weighted_distances() {
        assert_eq!(weighted(b"ASMQRA", b"ASMERA"), 1);
        assert_eq!(weighted(b"ASMQRA", b"ASMARA"), 2);
        assert_eq!(weighted(b"BARCEIONA", b"BARCELONA"), 1);
        assert_eq!(weighted(b"PRAIS", b"PARIS"), 2);
        assert_eq!(weighted(b"LIMA", b"LIMA"), 0);
        assert_eq!(weighted(b"LIM", b"LIMA"), 2);
    }

    fn d(a: &str, b: &str) -> Option<usize> {
        within(a.as_bytes(), b.as_bytes(), 3)
    }

    #[test]
    fn distances() {
        assert_eq!(d("BRASILA", "BRASILIA"), Some(1));
        assert_eq!(d("WELLLINGTON", "WELLINGTON"), Some(1));
        assert_eq!(d("RIODEJANERIO", "RIODEJANEIRO"), Some(1));
        assert_eq!(d("QUINTO", "QUITO"), Some(1));
        assert_eq!(d("LIMA", "LIMA"), Some(0));
        assert_eq!(d("PARIS", "PRAIS"), Some(1));
        assert_eq!(d("ABC", "XYZABC"), Some(3));
        assert_eq!(within(b"MOSCOW", b"TEHRAN", 2), None);
        assert_eq!(within(b"A", b"ABCDE", 2), None);
    }
}
