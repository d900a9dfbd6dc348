//! # Brief overview
//!
//! Test support shared by the workspace's tests; never a dependency of the
//! product (`publish = false`; crates take it as a dev-dependency, by path
//! and without a version, so `cargo publish` drops it). It depends on the
//! model and proptest only, so a writer's tests that use it still see no
//! parser unless they ask for one.
//!
//! * [`workspace`], [`source`]: the repository, its crates and their
//!   sources, which the architecture checks (`tests/architecture.rs`) read;
//! * [`tools`]: the external programs that check our output (pandoc,
//!   xmllint, PyYAML, Hugo, Jekyll, MkDocs), found or skipped in one way,
//!   and never skipped under `CABLEKIT_REQUIRE_ORACLES=1`;
//! * [`clock`], [`linear`]: the thread CPU clock and the linearity check;
//! * [`cases`]: data-driven checks that report every failing case;
//! * [`cables`]: builders for hand-built cables; [`links`]: link
//!   resolvers; [`stress`]: the writers' stress inputs and checks;
//! * [`generators`]: property-test generators of cable-like text;
//! * [`paths`]: the testdata and shared directories.

pub mod cables;
pub mod cases;
pub mod child;
pub mod clock;
pub mod generators;
pub mod linear;
pub mod links;
pub mod paths;
pub mod source;
pub mod stress;
pub mod tools;
pub mod workspace;
