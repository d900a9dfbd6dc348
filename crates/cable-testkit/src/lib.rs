//! # Brief overview
//!
//! Test support shared by the workspace's tests; never a dependency of the
//! product. For now it knows the workspace itself, which the architecture
//! checks (`tests/architecture.rs`) read:
//!
//! * [`workspace`]: the repository root and each member crate with its
//!   declared dependencies, as `cargo metadata` reports them;
//! * [`source`]: a crate's Rust sources with comments blanked out, and
//!   where a path or macro is named in them.
//!
//! It is meant to receive the test helpers that are still copied between
//! crates (the kitchen-sink cable, the external-tool locators honouring
//! `CABLEKIT_REQUIRE_ORACLES`, property-test generators, well-formedness
//! oracles), issue 16.

pub mod source;
pub mod workspace;
