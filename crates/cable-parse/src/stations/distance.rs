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
    // Three rows of the dynamic programme: two back (for swaps), one back,
    // and the current one.
    let n = b.len();
    let mut two: Vec<usize> = vec![0; n + 1];
    let mut one: Vec<usize> = (0..=n).collect();
    let mut cur: Vec<usize> = vec![0; n + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (one[j] + 1).min(cur[j - 1] + 1).min(one[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(two[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut two, &mut one);
        std::mem::swap(&mut one, &mut cur);
    }
    let d = one[n];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::within;

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
