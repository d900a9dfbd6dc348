//! The receiving end of the reader: numbers items, applies the total cap,
//! and stops when the consumer says so.

use crate::encoding::Decoded;
use crate::{Failed, Found, Item, Kind, Limits, Provenance, Record, Skipped};
use cable_model::ContainerMeta;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Reading must stop: the consumer dropped the stream, or the total cap was hit.
#[derive(Debug)]
pub(crate) struct Stop;

/// Where the items go: to a function on the reading thread itself;
/// `false` stops reading.
pub(crate) enum Outlet<'a> {
    /// Every item ([`crate::Records::for_each`]).
    Items(&'a mut dyn FnMut(Item) -> bool),
    /// Ids only ([`crate::Records::scan_ids`]).
    Ids(&'a mut dyn FnMut(Found) -> bool),
}

/// Where readers put their items.
pub(crate) struct Sink<'a> {
    outlet: Outlet<'a>,
    input: PathBuf,
    limits: Limits,
    seq: u64,
    inflated: u64,
    bytes_read: Arc<AtomicU64>,
    count_hint: Arc<AtomicU64>,
}

impl<'a> Sink<'a> {
    /// Whether only ids are wanted: readers may then skip what it takes to
    /// build a record's text when the container states the id.
    pub(crate) fn ids_only(&self) -> bool {
        matches!(self.outlet, Outlet::Ids(_))
    }

    /// Emits the id a container states for a record (id scan only; in a
    /// full read the reader emits the record instead).
    pub(crate) fn stated_id(&mut self, provenance: Provenance, id: String) -> Result<(), Stop> {
        self.seq += 1;
        let provenance = self.with_input(provenance);
        match &mut self.outlet {
            Outlet::Ids(visit) => visit(Found::Stated { id, provenance })
                .then_some(())
                .ok_or(Stop),
            Outlet::Items(_) => Ok(()),
        }
    }

    /// A sink handing what readers find to `outlet`, counting the bytes
    /// read into `bytes_read` and the expected items into `count_hint`.
    pub(crate) fn new(
        outlet: Outlet<'a>,
        input: PathBuf,
        limits: Limits,
        bytes_read: Arc<AtomicU64>,
        count_hint: Arc<AtomicU64>,
    ) -> Self {
        Sink {
            outlet,
            input,
            limits,
            seq: 0,
            inflated: 0,
            bytes_read,
            count_hint,
        }
    }

    pub(crate) fn input(&self) -> &Path {
        &self.input
    }

    pub(crate) fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The shared counter of raw input bytes read.
    pub(crate) fn bytes_read_counter(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.bytes_read)
    }

    /// Records the number of members the top container announced.
    pub(crate) fn set_count_hint(&self, n: u64) {
        self.count_hint.store(n, Ordering::Relaxed);
    }

    fn with_input(&self, mut provenance: Provenance) -> Provenance {
        provenance.input.clone_from(&self.input);
        provenance
    }

    fn send(&mut self, item: Item) -> Result<(), Stop> {
        self.seq += 1;
        let go_on = match &mut self.outlet {
            Outlet::Items(visit) => visit(item),
            Outlet::Ids(visit) => match item {
                Item::Record(r) => match r.meta.id.clone() {
                    Some(id) => visit(Found::Stated {
                        id,
                        provenance: r.provenance,
                    }),
                    None => visit(Found::Record(r)),
                },
                Item::Skipped(_) | Item::Failed(_) => true,
            },
        };
        go_on.then_some(()).ok_or(Stop)
    }

    /// Emits a record.
    pub(crate) fn record(
        &mut self,
        provenance: Provenance,
        meta: ContainerMeta,
        decoded: Decoded,
        kind: Kind,
        notes: Vec<String>,
    ) -> Result<(), Stop> {
        let item = Item::Record(Record {
            seq: self.seq,
            provenance: self.with_input(provenance),
            meta,
            text: decoded.text,
            encoding: decoded.encoding,
            had_decoding_errors: decoded.had_errors,
            kind,
            notes,
        });
        self.send(item)
    }

    /// Emits a skipped member.
    pub(crate) fn skipped(
        &mut self,
        provenance: Provenance,
        reason: impl Into<String>,
    ) -> Result<(), Stop> {
        let item = Item::Skipped(Skipped {
            seq: self.seq,
            provenance: self.with_input(provenance),
            reason: reason.into(),
        });
        self.send(item)
    }

    /// Emits a failed member.
    pub(crate) fn failed(
        &mut self,
        provenance: Provenance,
        error: impl Into<String>,
    ) -> Result<(), Stop> {
        let item = Item::Failed(Failed {
            seq: self.seq,
            provenance: self.with_input(provenance),
            error: error.into(),
        });
        self.send(item)
    }

    /// Counts `n` more inflated bytes against [`Limits::max_total_bytes`];
    /// past the cap, emits a failure for `provenance` and stops the input.
    pub(crate) fn charge(&mut self, provenance: &Provenance, n: u64) -> Result<(), Stop> {
        self.inflated = self.inflated.saturating_add(n);
        if self.inflated > self.limits.max_total_bytes {
            let msg = format!(
                "{}: stopped: more than max_total_bytes ({} bytes) inflated from this input",
                self.describe(provenance),
                self.limits.max_total_bytes
            );
            self.failed(provenance.clone(), msg)?;
            return Err(Stop);
        }
        Ok(())
    }

    /// [`Sink::charge`] for readers that charge often (a CSV line at a
    /// time): the provenance is only built when the cap is hit.
    pub(crate) fn charge_with(
        &mut self,
        n: u64,
        provenance: impl FnOnce() -> Provenance,
    ) -> Result<(), Stop> {
        if self.inflated.saturating_add(n) > self.limits.max_total_bytes {
            return self.charge(&provenance(), n);
        }
        self.inflated += n;
        Ok(())
    }

    /// A human name for a member: `pages.tar.gz: cable/a.html, row 3`.
    pub(crate) fn describe(&self, provenance: &Provenance) -> String {
        self.with_input(provenance.clone()).display()
    }
}
