//! Integration tests of cable-pandoc, one test binary (issue #16: each
//! target is linked with all the dependencies, so one per crate).
//!
//! - `golden`: reviewed goldens under `testdata/expected/pandoc/`.
//! - `model`: the writer on hand-built cables (AST shape, options,
//!   determinism, linearity).
//! - `pandoc`: every installed pandoc reads what we write.
//! - `properties`: arbitrary text always gives a readable document.
//! - `typed`: the streaming writer agrees with the typed `pandoc_ast` tree.
//! - `support`: the rich hand-built cable, the inputs, the pandocs (found
//!   by `cable_testkit::tools`); the writer stress inputs are
//!   `cable_testkit::stress`.

mod golden;
mod model;
mod pandoc;
mod properties;
mod support;
mod typed;
