//! Integration tests of cable-parse, one test binary (issue #16: each
//! target is linked with all the dependencies, so one per crate).
//!
//! - `cases`: the data-driven cases of `testdata/cases/` and the model
//!   goldens of the seeds, with reviewed insta snapshots.
//! - `seeds`, `body`: explicit header and body values of the seeds and the
//!   kitchen-sink cable.
//! - `identify`: the header-only `identify` agrees with the full parse.
//! - `properties`: the parser is total and deterministic on any text.
//! - `pathological`: issue sizes within time bounds, linearity ratios.
//! - `conformance`, `corpus`: the shared conformance cases and corpus
//!   (skipped when absent).
//! - `search_text`: the layout rules of `search_text` and `with_line_breaks`;
//!   `search_text_variations`: generated bodies, rates per kind (issue #17).
//! - `typos`: the gazetteer's stations in ids damaged by a seeded generator
//!   (letters dropped, swapped, misread; debris glued on), recovered per
//!   kind of damage, with floors and ceilings on wrong stations.
//! - `dump`: the compact model dump the snapshots hold; `shared`: where the
//!   shared material is; `cablemap_eval`, `hostile`: the examples' support
//!   modules, included by path.

mod body;
#[path = "../../examples/support/cablemap_eval.rs"]
mod cablemap_eval;
mod cases;
mod conformance;
mod corpus;
mod dump;
#[path = "../../examples/support/hostile.rs"]
mod hostile;
mod identify;
mod pathological;
mod plusd_layouts;
mod properties;
mod search_text;
mod search_text_variations;
mod seeds;
mod shared;
mod typos;
mod variations;
