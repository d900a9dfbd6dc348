//! A repeated copy of the header: some exports print the cable's head
//! twice (`Friday, 18 December 2009, 11:04` / banner / E.O. / TAGS /
//! SUBJECT, then the same lines again). A banner or labelled line equal to
//! one already read starts the copy; the copy's lines are set aside up to
//! the first labelled line that is new, or the body.

use super::handling::is_body_start;
use super::segments::Seg;
use super::{Header, Step, banner, labels};
use cable_model::Code;
use std::hash::{Hash, Hasher};

/// How many banner and labelled lines are remembered (a header has a
/// handful; the bound keeps a pathological header linear).
const REMEMBERED: usize = 32;

fn hash(t: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    t.hash(&mut h);
    h.finish()
}

impl Header<'_, '_> {
    /// Sets aside the lines of a repeated copy of the header.
    pub(super) fn repeat(&mut self, seg: &Seg<'_>, t: &str) -> Option<Step> {
        let head_line = labels::label(t).is_some() || banner::banner(t).is_some();
        if !head_line {
            if self.repeating && !is_body_start(t) {
                return Some(Step::Next);
            }
            self.repeating = false;
            return None;
        }
        let h = hash(t);
        if self.head_lines.contains(&h) {
            self.close_open();
            if !self.repeating {
                self.cx.diag(
                    Code::ExportDebris,
                    Some(seg.no),
                    "a repeated copy of the header set aside",
                );
            }
            self.repeating = true;
            return Some(Step::Next);
        }
        self.repeating = false;
        if self.head_lines.len() < REMEMBERED {
            self.head_lines.push(h);
        }
        None
    }
}
