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
//! `NO`, `ON`, `YES`, `12:30`, `1.4`, `2009-02-28` and the like.
//!
//! Absent, empty and false values are left out (`docs/cable.schema.json`
//! says which keys may be missing): a body paragraph is
//! `{kind, number, label, classification, text}`, not eleven keys with
//! six `null`s and two `[]`. [`Options::explicit_nulls`] writes every key
//! instead (`letter: null`, `items: []`, `niact: false`).
//!
//! Depends on the model only: it never sees raw cable text. Output is a pure
//! function of the cable and the [`Options`].
//!
//! ```
//! let cable = cable_model::Cable::default();
//! let mut out = Vec::new();
//! cable_yaml::write(&cable, &cable_yaml::Options::default(), &mut out).unwrap();
//! assert_eq!(String::from_utf8(out).unwrap(), "container:\n  kind: text\n");
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
    /// Write every key, absent values as `null`, `[]`, `''` or `false`
    /// (`false`, the default, leaves them out).
    pub explicit_nulls: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            single_line_strings: true,
            explicit_nulls: false,
        }
    }
}

impl Options {
    /// Sets [`Options::single_line_strings`].
    pub fn single_line_strings(mut self, yes: bool) -> Self {
        self.single_line_strings = yes;
        self
    }

    /// Sets [`Options::explicit_nulls`].
    pub fn explicit_nulls(mut self, yes: bool) -> Self {
        self.explicit_nulls = yes;
        self
    }
}

/// Writes `cable` as one YAML document to `out`.
///
/// The document is serialised into a buffer kept by the calling thread and
/// handed to `out` in one `write_all`, so `out` may be an unbuffered file.
pub fn write(cable: &Cable, opts: &Options, out: &mut dyn io::Write) -> io::Result<()> {
    let mut options = serde_saphyr::SerializerOptions::default();
    options.prefer_block_scalars = !opts.single_line_strings;
    output::with_buffer(|buf| {
        let written = if opts.explicit_nulls {
            let view = view::CableView::explicit(cable);
            serde_saphyr::to_fmt_writer_with_options(buf, &view, options)
        } else {
            let view = view::CableView::new(cable);
            serde_saphyr::to_fmt_writer_with_options(buf, &view, options)
        };
        written.map_err(|e| io::Error::other(e.to_string()))?;
        out.write_all(buf.as_bytes())
    })
}
