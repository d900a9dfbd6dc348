//! Data-driven checks that report every failing case: each case is checked
//! on its own, a failure (a panic: `assert!`, an insta snapshot) is caught
//! and kept, and the test fails at the end naming every case that failed,
//! so the first failure does not hide the rest.

use std::fmt::Display;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The message of a caught panic.
fn message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(a panic without a message)".to_owned()
    }
}

/// Runs `check` on every `(name, case)`; panics after the last with the
/// name and message of each case that failed (each failure's full report
/// is also on stderr, where the panic hook prints it). Returns the number
/// of cases; panics when there are none, as a test over nothing proves
/// nothing.
#[track_caller]
pub fn check_all<N: Display, C>(
    what: &str,
    cases: impl IntoIterator<Item = (N, C)>,
    mut check: impl FnMut(C),
) -> usize {
    let mut failures = Vec::new();
    let mut n = 0;
    for (name, case) in cases {
        n += 1;
        if let Err(payload) = catch_unwind(AssertUnwindSafe(|| check(case))) {
            let msg = message(payload.as_ref());
            let first = msg.lines().next().unwrap_or("").to_owned();
            failures.push(format!("  {name}: {first}"));
        }
    }
    assert!(n > 0, "{what}: no cases");
    assert!(
        failures.is_empty(),
        "{what}: {} of {n} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_failing_case_is_reported() {
        let caught = catch_unwind(|| {
            check_all("numbers", [("one", 1), ("two", 2), ("three", 3)], |n| {
                assert!(n == 2, "{n} is not two");
            })
        });
        let msg = message(caught.expect_err("two cases fail").as_ref());
        assert!(msg.contains("2 of 3 cases failed"), "{msg}");
        assert!(msg.contains("one: 1 is not two"), "{msg}");
        assert!(msg.contains("three: 3 is not two"), "{msg}");
    }

    #[test]
    fn passing_cases_pass_and_are_counted() {
        assert_eq!(
            check_all("numbers", [("a", 1), ("b", 2)], |n| assert!(n > 0)),
            2
        );
    }

    #[test]
    fn no_cases_is_a_failure() {
        let none: [(&str, u8); 0] = [];
        assert!(catch_unwind(|| check_all("nothing", none, |_| {})).is_err());
    }
}
