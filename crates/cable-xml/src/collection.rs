//! One document for many cables: `<cables>` holding `<cable>` elements,
//! written as they come.

use crate::cable::{self, Placement};
use crate::emit::Emitter;
use crate::schema::{self, at, el};
use crate::{Options, Stats};
use cable_model::Cable;
use std::io;

/// Writes a `<cables>` document one cable at a time, for loaders that
/// want one file per archive.
///
/// Each [`add`](Self::add) writes its `<cable>` straight to the output;
/// nothing is kept between calls but counters, so memory does not grow
/// with the number of cables. [`finish`](Self::finish) closes the
/// document; a writer dropped without it leaves the document unclosed.
///
/// ```
/// use cable_model::Cable;
///
/// let mut cables = cable_xml::CollectionWriter::new(Vec::new());
/// cables.add(&Cable::default())?;
/// cables.add(&Cable::default())?;
/// let xml = String::from_utf8(cables.finish()?).unwrap();
/// assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cables xmlns=\"urn:cablekit:cable:1\" version=\"1\">"));
/// assert_eq!(xml.matches("<cable version=\"1\">").count(), 2);
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct CollectionWriter<W: io::Write> {
    emitter: Emitter<W>,
    started: bool,
    cables: u64,
}

impl<W: io::Write> CollectionWriter<W> {
    /// A collection writer with default [`Options`]. Nothing is written
    /// until the first [`add`](Self::add) or [`finish`](Self::finish).
    pub fn new(out: W) -> Self {
        Self::with_options(out, &Options::default())
    }

    /// A collection writer with the given options.
    pub fn with_options(out: W, opts: &Options) -> Self {
        CollectionWriter {
            emitter: Emitter::new(out, opts.indent),
            started: false,
            cables: 0,
        }
    }

    /// Writes one `<cable>` and returns what was replaced in it.
    pub fn add(&mut self, cable: &Cable) -> io::Result<Stats> {
        self.begin()?;
        let before = self.emitter.replaced();
        cable::write(&mut self.emitter, cable, Placement::Child)?;
        self.cables += 1;
        Ok(Stats {
            replaced_characters: self.emitter.replaced() - before,
        })
    }

    /// Totals over the cables added so far.
    pub fn stats(&self) -> Stats {
        Stats {
            replaced_characters: self.emitter.replaced(),
        }
    }

    /// How many cables were added.
    pub fn len(&self) -> u64 {
        self.cables
    }

    /// Whether no cable was added.
    pub fn is_empty(&self) -> bool {
        self.cables == 0
    }

    /// Closes `</cables>` and returns the output (flushed).
    pub fn finish(mut self) -> io::Result<W> {
        self.begin()?;
        self.emitter.end(el::CABLES)?;
        self.emitter.newline()?;
        let mut out = self.emitter.into_inner();
        out.flush()?;
        Ok(out)
    }

    fn begin(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            self.emitter.declaration()?;
            self.emitter.start(
                el::CABLES,
                &[
                    (at::XMLNS, schema::NAMESPACE),
                    (at::VERSION, schema::VERSION),
                ],
            )?;
        }
        Ok(())
    }
}

impl<W: io::Write> std::fmt::Debug for CollectionWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CollectionWriter")
            .field("cables", &self.cables)
            .field("replaced_characters", &self.emitter.replaced())
            .finish_non_exhaustive()
    }
}
