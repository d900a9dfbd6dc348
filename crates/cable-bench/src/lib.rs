//! # Brief overview
//!
//! The tools around the synthetic corpus of `cable-gen`, kept out of that
//! crate so that its library depends on the model only:
//!
//! * [`write_corpus`]: a whole corpus to one cables.csv, a directory of
//!   files, or a tar.gz, zip or 7z archive (the `cable-gen` command);
//! * the `cable-bench` binary, the harness behind `just bench`;
//! * `benches/writers.rs`, each writer alone (`cargo bench -p cable-bench
//!   --bench writers`).
//!
//! ```no_run
//! let generator = cable_gen::Generator::new(1, 1000);
//! cable_bench::write_corpus(&generator, cable_gen::Format::Html, "corpus.tar.gz".as_ref())?;
//! # Ok::<(), std::io::Error>(())
//! ```

mod corpus;

pub use corpus::{Packing, Written, write_corpus};
