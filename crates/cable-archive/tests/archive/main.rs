//! Integration tests of cable-archive, one test binary (issue #16: each
//! target is linked with all the dependencies, so one per crate).
//!
//! - `containers`: every container kind, built on the fly from the testdata
//!   cables.
//! - `corpus`: the real corpus in `../shared/corpus` (skipped when absent).
//! - `hostile`: hostile containers are refused or contained.
//! - `harness`: the worker-stack harness, also included by the
//!   `worker_stack` fuzz target; `support`: test cables and builders.

mod containers;
mod corpus;
mod harness;
mod hostile;
mod support;
