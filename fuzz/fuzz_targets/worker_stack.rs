//! Any input of up to 4 MiB (`just fuzz` sets `-max_len`) through the
//! archive readers, the parser and the four writers on a thread with the
//! stack of the binary's converting threads (2 MiB, rayon's default), so
//! that recursion too deep for a worker (issue #13 row 1: a 60 KB page of
//! nested tags overflowed the reader's stack) aborts the run. The harness
//! is the one `cable-archive`'s test `worker_stack_harness_over_hostile_inputs`
//! runs over generated hostile inputs, included here by path so that the
//! two cannot drift apart.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code, reason = "hostile_inputs is for the test suite")]
#[path = "../../crates/cable-archive/tests/archive/harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| {
    let _ = harness::run(data.to_vec());
});
