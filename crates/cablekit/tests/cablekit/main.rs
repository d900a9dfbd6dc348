//! Integration tests of the `cablekit` binary, one test binary (issue #16:
//! each target is linked with all the dependencies, so one per crate).
//!
//! - `cli`: `cablekit convert` end to end over every input kind.
//! - `cli_docs`: `docs/cli.md` against `--help`.
//! - `memory`: peak RSS of `n` and `4n` cables (flat but for the ids).
//! - `output_errors`: unwritable, read-only and full output directories,
//!   hostile names.
//! - `sites`: the Markdown output built by MkDocs, Hugo and Jekyll.
//! - `torture`: the CLI over `testdata/torture`, the archive reader over
//!   damaged containers.
//! - `writers_properties`: every writer's output is well-formed for any
//!   model.
//! - `wellformed`: the well-formedness oracles, also included by the
//!   `write_all` fuzz target; `consumers`: xmllint and pandoc over
//!   batches of output files.

mod cli;
mod cli_docs;
mod consumers;
mod memory;
mod output_errors;
mod sites;
mod torture;
mod wellformed;
mod writers_properties;
