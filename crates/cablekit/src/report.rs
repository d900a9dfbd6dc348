//! The end-of-run report: counts every item by outcome, diagnostics by
//! code, and the run's speed, and states the reconciliation
//! `read = ok + failed + skipped`, where `read` is what the reader loop
//! emitted and the right-hand side what the ordered section recorded in
//! the index: two counts kept apart, so a lost item shows.

use crate::index::{Line, Status};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::time::Duration;

/// What a run did, kept by the ordered section (`order.rs`); the pipeline
/// adds what the reader loop emitted.
#[derive(Debug, Default, Clone)]
pub(crate) struct Report {
    /// Items the reader loop emitted, every shard's (the pipeline's own
    /// count, not derived from the index lines).
    pub(crate) emitted: u64,
    /// Index lines recorded, by status.
    pub(crate) ok: u64,
    pub(crate) failed: u64,
    pub(crate) skipped: u64,
    /// Of `ok`, those reused from the previous run (`--resume`).
    pub(crate) reused: u64,
    /// Items belonging to other shards.
    pub(crate) other_shards: u64,
    pub(crate) errors: u64,
    pub(crate) warnings: u64,
    pub(crate) infos: u64,
    codes: BTreeMap<String, u64>,
    /// Raw input bytes read.
    pub(crate) bytes: u64,
}

impl Report {
    /// Counts one index line.
    pub(crate) fn count(&mut self, line: &Line, reused: bool) {
        match line.status {
            Status::Ok => self.ok += 1,
            Status::Failed => self.failed += 1,
            Status::Skipped => self.skipped += 1,
        }
        self.reused += u64::from(reused);
        if let Some(d) = &line.diagnostics {
            self.errors += u64::from(d.error);
            self.warnings += u64::from(d.warning);
            self.infos += u64::from(d.info);
            for (code, n) in &d.codes {
                *self.codes.entry(code.clone()).or_default() += u64::from(*n);
            }
        }
    }

    /// Items read that belong to this run (this shard), by the reader's
    /// count.
    pub(crate) fn read(&self) -> u64 {
        self.emitted.saturating_sub(self.other_shards)
    }

    /// Index lines recorded: `ok + failed + skipped`.
    pub(crate) fn recorded(&self) -> u64 {
        self.ok + self.failed + self.skipped
    }

    /// Whether every item the reader emitted was recorded, as an index
    /// line or as another shard's item.
    pub(crate) fn reconciles(&self) -> bool {
        self.emitted == self.recorded() + self.other_shards
    }

    /// The ten most frequent diagnostic codes, most frequent first (ties by name).
    pub(crate) fn top_codes(&self) -> Vec<(&str, u64)> {
        let mut codes: Vec<(&str, u64)> =
            self.codes.iter().map(|(c, n)| (c.as_str(), *n)).collect();
        codes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        codes.truncate(10);
        codes
    }

    /// The summary printed at the end of a run.
    pub(crate) fn summary(&self, wall: Duration, interrupted: bool) -> String {
        let mut s = String::new();
        let verdict = if self.reconciles() {
            "all accounted for".to_owned()
        } else {
            format!(
                "DOES NOT RECONCILE: the reader emitted {} items, the index recorded {} and {} belong to other shards (a bug: please report it)",
                self.emitted,
                self.recorded(),
                self.other_shards
            )
        };
        let _ = write!(
            s,
            "cablekit: {} read = {} ok + {} failed + {} skipped ({verdict})",
            self.read(),
            self.ok,
            self.failed,
            self.skipped
        );
        if self.reused > 0 {
            let _ = write!(s, "; {} ok reused from the previous run", self.reused);
        }
        if self.other_shards > 0 {
            let _ = write!(s, "; {} items belong to other shards", self.other_shards);
        }
        if interrupted {
            s.push_str("; interrupted: rerun with --resume to finish");
        }
        let _ = write!(
            s,
            "\ndiagnostics: {} errors, {} warnings, {} info",
            self.errors, self.warnings, self.infos
        );
        let top = self.top_codes();
        if !top.is_empty() {
            let list: Vec<String> = top.iter().map(|(c, n)| format!("{c} {n}")).collect();
            let _ = write!(s, "; top: {}", list.join(", "));
        }
        let secs = wall.as_secs_f64().max(1e-6);
        let _ = write!(
            s,
            "\ntime: {:.2} s, {:.1} MB/s, {:.0} cables/s",
            wall.as_secs_f64(),
            self.bytes as f64 / 1e6 / secs,
            (self.ok - self.reused) as f64 / secs
        );
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::DiagnosticCounts;

    fn line(status: Status, codes: &[(&str, u32)]) -> Line {
        let mut l = Line::new(0, &Default::default(), status);
        let mut d = DiagnosticCounts::default();
        for (c, n) in codes {
            d.codes.insert((*c).into(), *n);
            d.warning += n;
        }
        l.diagnostics = Some(d);
        l
    }

    #[test]
    fn counts_reconcile_and_rank_codes() {
        let mut r = Report {
            emitted: 4,
            ..Report::default()
        };
        r.count(
            &line(Status::Ok, &[("missing-dtg", 1), ("missing-tags", 2)]),
            false,
        );
        r.count(&line(Status::Ok, &[("missing-dtg", 2)]), true);
        r.count(&line(Status::Failed, &[]), false);
        r.count(&line(Status::Skipped, &[]), false);
        assert!(r.reconciles());
        assert_eq!(r.top_codes(), [("missing-dtg", 3), ("missing-tags", 2)]);
        r.bytes = 2_000_000;
        let s = r.summary(Duration::from_secs(1), false);
        assert!(
            s.starts_with(
                "cablekit: 4 read = 2 ok + 1 failed + 1 skipped (all accounted for); 1 ok reused"
            ),
            "{s}"
        );
        assert!(s.contains("top: missing-dtg 3, missing-tags 2"), "{s}");
        assert!(s.contains("2.0 MB/s, 1 cables/s"), "{s}");
    }

    /// The reader's count and the index's are kept apart: an item emitted
    /// but never recorded (or recorded twice) is reported, not hidden.
    #[test]
    fn a_lost_or_doubled_item_does_not_reconcile() {
        let mut r = Report {
            emitted: 3,
            ..Report::default()
        };
        r.count(&line(Status::Ok, &[]), false);
        r.count(&line(Status::Skipped, &[]), false);
        assert!(!r.reconciles(), "one item lost");
        let s = r.summary(Duration::from_secs(1), false);
        assert!(
            s.starts_with("cablekit: 3 read = 1 ok + 0 failed + 1 skipped (DOES NOT RECONCILE: the reader emitted 3 items, the index recorded 2 and 0 belong to other shards"),
            "{s}"
        );
        r.count(&line(Status::Failed, &[]), false);
        assert!(r.reconciles());
        r.count(&line(Status::Ok, &[]), false);
        assert!(!r.reconciles(), "one item recorded twice");
    }

    /// Items of other shards are emitted but not indexed: they count on
    /// the index's side, and not as read.
    #[test]
    fn other_shards_reconcile_and_are_not_read() {
        let mut r = Report {
            emitted: 5,
            other_shards: 3,
            ..Report::default()
        };
        r.count(&line(Status::Ok, &[]), false);
        r.count(&line(Status::Ok, &[]), false);
        assert!(r.reconciles());
        let s = r.summary(Duration::from_secs(1), false);
        assert!(
            s.starts_with("cablekit: 2 read = 2 ok + 0 failed + 0 skipped (all accounted for); 3 items belong to other shards"),
            "{s}"
        );
        r.other_shards = 2;
        assert!(!r.reconciles());
    }
}
