//! # Brief overview
//!
//! Writes a [`cable_model::Cable`] as YAML. The keys are a public contract
//! (documented by the JSON Schema `docs/cable.schema.json` and by
//! `docs/output-yaml.md`): [`view::CableView`] is that contract as Rust
//! types, built from the model by [`view::CableView::new`] and serialised
//! by serde-saphyr.
//!
//! Long strings are written on one line by default (the cheapest style
//! serde-saphyr has: folding them costs a quarter of the writer's time);
//! [`Options::single_line_strings`] set to `false` writes them as folded
//! (`>`) block scalars instead. Both read back to exactly the same string.
//!
//! Every string stays a string for YAML 1.1 readers (PyYAML, Ruby's Psych,
//! Jekyll): serde-saphyr in its default YAML 1.1-compatible mode quotes
//! `NO`, `ON`, `YES`, `12:30`, `1.4`, `2009-02-28` and the like. Absent
//! values are `null` or empty lists, never missing keys.
//!
//! Depends on the model only: it never sees raw cable text. Output is a pure
//! function of the cable and the [`Options`].
//!
//! ```
//! let cable = cable_model::Cable::default();
//! let mut out = Vec::new();
//! cable_yaml::write(&cable, &cable_yaml::Options::default(), &mut out).unwrap();
//! assert!(String::from_utf8(out).unwrap().starts_with("id: null\n"));
//! ```

mod output;
pub mod view;

use cable_model::Cable;
use std::io;

/// File extension of the YAML output.
pub const EXTENSION: &str = "yaml";

/// Options of the YAML writer.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// Write long strings on one line (the default, `true`) rather than as
    /// folded (`>`) block scalars wrapped at 80 columns (`false`). Both read
    /// back to the same string; single lines are easier to `grep` and about
    /// a quarter cheaper to write, folded ones easier to read in an editor.
    pub single_line_strings: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            single_line_strings: true,
        }
    }
}

impl Options {
    /// Sets [`Options::single_line_strings`].
    pub fn single_line_strings(mut self, yes: bool) -> Self {
        self.single_line_strings = yes;
        self
    }
}

/// Writes `cable` as one YAML document to `out`.
///
/// The document is serialised into a buffer kept by the calling thread and
/// handed to `out` in one `write_all`, so `out` may be an unbuffered file.
pub fn write(cable: &Cable, opts: &Options, out: &mut dyn io::Write) -> io::Result<()> {
    let view = view::CableView::new(cable);
    let mut options = serde_saphyr::SerializerOptions::default();
    options.prefer_block_scalars = !opts.single_line_strings;
    output::with_buffer(|buf| {
        serde_saphyr::to_fmt_writer_with_options(buf, &view, options)
            .map_err(|e| io::Error::other(e.to_string()))?;
        out.write_all(buf.as_bytes())
    })
}
