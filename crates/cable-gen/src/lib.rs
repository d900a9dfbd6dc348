//! # Brief overview
//!
//! `cable-gen` writes synthetic US diplomatic cables that cost what real
//! ones cost to parse: Cablegate's length distribution (mean about 6.9 KB a
//! row, a tail past 64 KB), header kinds (about 77% ACP-127, 2% ACP-126,
//! 20% partial-extract notices), hard-wrapped lines with trailing spaces,
//! page headers, `SIPDIS`, 0-15 references, 2-12 tags, 3-30 numbered
//! paragraphs with portion markings, bullets, notes, the classification mix
//! and years 1966-2010, chronological like cables.csv.
//!
//! Output is a pure function of `(seed, count, index)`: every cable has its
//! own [`Rng`] stream (SplitMix64, integer arithmetic only), so the same
//! seed gives byte-identical output on every platform, whichever cables
//! are generated and in which order. The vocabulary and templates were
//! written for this crate; no text comes from real cables.
//!
//! ```
//! let generator = cable_gen::Generator::new(42, 1000);
//! let cable = generator.cable(999);
//! let mut row = Vec::new();
//! cable_gen::Renderer::new().render(cable_gen::Format::Csv, &cable, &mut row);
//! assert!(row.starts_with(b"\"1000\",\""));
//! ```
//!
//! Renderings ([`Format`]): cables.csv rows, raw telegram text, the seed
//! rendering (a Markdown scrape) and cablegate HTML pages; [`CsvStream`]
//! reads a whole corpus as one cables.csv. The crate depends on the model
//! only: writing a corpus to files and archives (`cable_bench::write_corpus`),
//! the `cable-gen` command and the benchmarks live in `cable-bench`.

mod cable;
mod calendar;
mod render;
mod rng;
mod stream;
mod vocab;

pub use cable::{Generator, HeaderKind, SynthCable};
pub use render::{Format, Renderer};
pub use rng::Rng;
pub use stream::CsvStream;

/// The number of rows of the real cables.csv, the default corpus size.
pub const CABLEGATE_ROWS: u64 = 251_287;
