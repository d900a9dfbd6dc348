//! `--shard K/N`: split one run across N independent jobs with no
//! coordination.
//!
//! A record belongs to shard `K` (1-based) when the 64-bit FNV-1a hash of
//! its lower-cased output name (`2009/09STATE17183`, or the fallback name of
//! a cable without an id) is `K - 1` modulo `N`. FNV-1a is written here in
//! a few lines rather than taken from a crate because the choice is part of
//! the output contract: it must never change with a dependency update, and
//! it must be the same on every machine (std's `DefaultHasher` promises
//! neither). Hashing the output name rather than the sequence number keeps
//! every copy of a duplicated id in the same shard, so their `~2`, `~3`
//! suffixes come out exactly as in an unsharded run.

use std::fmt;
use std::str::FromStr;

/// One shard of `N`: `--shard 2/8`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shard {
    /// This shard, from 1 to `total`.
    index: u64,
    /// How many shards the run is split into.
    total: u64,
}

impl Shard {
    /// Whether the record whose output name is `key` belongs to this shard.
    pub(crate) fn contains(self, key: &str) -> bool {
        fnv1a(key.to_ascii_lowercase().as_bytes()) % self.total == self.index - 1
    }
}

/// 64-bit FNV-1a (<http://www.isthe.com/chongo/tech/comp/fnv/>).
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

impl FromStr for Shard {
    type Err = String;

    /// Reads `K/N` with `1 <= K <= N`.
    fn from_str(s: &str) -> Result<Shard, String> {
        let bad = || format!("invalid shard '{s}': expected K/N with 1 <= K <= N, e.g. 2/8");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u64 = k.trim().parse().map_err(|_| bad())?;
        let total: u64 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || total == 0 || index > total {
            return Err(bad());
        }
        Ok(Shard { index, total })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_reference_vectors() {
        // Vectors from the FNV reference test suite.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn parses_and_refuses() {
        assert_eq!(
            "2/8".parse::<Shard>().map(|s| s.to_string()),
            Ok("2/8".into())
        );
        for bad in ["0/3", "4/3", "3", "a/b", "1/0", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn every_key_is_in_exactly_one_shard_whatever_its_case() {
        let shards: Vec<Shard> = (1..=3).map(|k| format!("{k}/3").parse().unwrap()).collect();
        for key in [
            "2009/09STATE17183",
            "2009/09state17183",
            "unknown/x",
            "1975/1975ADDIS9462",
        ] {
            assert_eq!(
                shards.iter().filter(|s| s.contains(key)).count(),
                1,
                "{key}"
            );
            let lower = key.to_ascii_lowercase();
            assert_eq!(
                shards.iter().map(|s| s.contains(key)).collect::<Vec<_>>(),
                shards
                    .iter()
                    .map(|s| s.contains(&lower))
                    .collect::<Vec<_>>()
            );
        }
    }
}
