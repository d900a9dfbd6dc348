//! The linearity check: how much longer a piece of work takes on an input
//! `factor` times as large. Linear time gives about `factor`, quadratic
//! `factor²`; the check fails above a bound between the two.
//!
//! Times are the calling thread's CPU time ([`crate::clock`]), so tests and
//! builds competing for the cores do not count. Linux updates that time
//! only at scheduler ticks, so the work is repeated until the small input
//! takes [`Scaling::min_secs`]; each size is then timed [`Scaling::runs`]
//! times, alternating, and the best of each is kept. One measurement runs
//! at a time in a test binary.

use crate::clock::Clock;
use std::time::Duration;

/// How a linearity check scales its input and what it accepts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scaling {
    /// The large input is `factor` times the small one.
    pub factor: usize,
    /// The largest accepted ratio of the two times.
    pub bound: f64,
    /// Timings of each size; the best counts.
    pub runs: usize,
    /// The small input's work is repeated until it takes this long.
    pub min_secs: f64,
}

impl Scaling {
    /// 1x/4x: linear gives about 4, quadratic 16; bound 10.
    pub const FOUR_X: Scaling = Scaling {
        factor: 4,
        bound: 10.0,
        runs: 5,
        min_secs: 0.05,
    };

    /// 1x/8x: linear gives about 8, quadratic 64; bound 24.
    pub const EIGHT_X: Scaling = Scaling {
        factor: 8,
        bound: 24.0,
        runs: 5,
        min_secs: 0.05,
    };

    /// The same scaling with `runs` timings of each size.
    pub fn runs(self, runs: usize) -> Scaling {
        Scaling { runs, ..self }
    }
}

/// What a linearity measurement found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measurement {
    /// The best time of the small input (all repetitions).
    pub small: Duration,
    /// The best time of the large input (all repetitions).
    pub large: Duration,
    /// How often the work was repeated per timing.
    pub reps: usize,
    /// `large / small`.
    pub ratio: f64,
}

/// Measures how much longer `work` takes on `make(factor * n)` than on
/// `make(n)`, on the calling thread, and reports it on stderr.
pub fn measure<T, R>(
    label: &str,
    n: usize,
    scaling: &Scaling,
    make: impl Fn(usize) -> T,
    mut work: impl FnMut(&T) -> R,
) -> Measurement {
    // Neither the input nor the result is visible to the optimiser, so an
    // optimised test build cannot hoist the work out of the repetition
    // loop or delete it as unused (the tests may be built with opt-level 1).
    let mut work = |input: &T| {
        std::hint::black_box(work(std::hint::black_box(input)));
    };
    static ALONE: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _alone = ALONE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let small = make(n);
    let large = make(scaling.factor * n);
    work(&small); // warm up the allocator and caches
    let mut reps = 1;
    loop {
        let t = Clock::start();
        for _ in 0..reps {
            work(&small);
        }
        if t.seconds() >= scaling.min_secs || reps >= 1 << 16 {
            break;
        }
        reps *= 2;
    }
    let (mut best_small, mut best_large) = (Duration::MAX, Duration::MAX);
    for _ in 0..scaling.runs.max(1) {
        for (input, best) in [(&small, &mut best_small), (&large, &mut best_large)] {
            let t = Clock::start();
            for _ in 0..reps {
                work(input);
            }
            *best = (*best).min(t.elapsed());
        }
    }
    let ratio = best_large.as_secs_f64() / best_small.as_secs_f64().max(1e-9);
    #[allow(clippy::print_stderr, reason = "the figures behind a verdict")]
    {
        eprintln!(
            "linearity {label}: n={n} {best_small:?}, {}n {best_large:?} ({reps} runs each), ratio {ratio:.1}",
            scaling.factor
        );
    }
    Measurement {
        small: best_small,
        large: best_large,
        reps,
        ratio,
    }
}

/// Asserts that `work` takes linear time in `make`'s size: the ratio
/// [`measure`]d is below `scaling.bound`.
#[track_caller]
pub fn check<T, R>(
    label: &str,
    n: usize,
    scaling: &Scaling,
    make: impl Fn(usize) -> T,
    work: impl FnMut(&T) -> R,
) -> Measurement {
    let m = measure(label, n, scaling, make, work);
    assert!(
        m.ratio < scaling.bound,
        "{label}: a {}x input took {:.1}x the time ({:?} -> {:?}), bound {}: super-linear",
        scaling.factor,
        m.ratio,
        m.small,
        m.large,
        scaling.bound
    );
    m
}

/// [`check`] with [`Scaling::FOUR_X`].
#[track_caller]
pub fn check_linear<T, R>(
    label: &str,
    n: usize,
    make: impl Fn(usize) -> T,
    work: impl FnMut(&T) -> R,
) -> Measurement {
    check(label, n, &Scaling::FOUR_X, make, work)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Quadratic in the length of `v`.
    fn quadratic(v: &[u8]) {
        let mut x = 0u64;
        for a in v {
            for b in v {
                x = x.wrapping_add(u64::from(a ^ b));
            }
        }
        std::hint::black_box(x);
    }

    /// Linear in the length of `v`.
    fn linear(v: &[u8]) {
        std::hint::black_box(v.iter().map(|&b| u64::from(b)).sum::<u64>());
    }

    fn bytes(n: usize) -> Vec<u8> {
        (0..n).map(|i| i as u8).collect()
    }

    /// The check can fail: quadratic work is caught at both scalings
    /// (fewer runs and repetitions than the presets, same factor and
    /// bound, to keep the large quadratic input cheap).
    #[test]
    fn the_check_catches_quadratic_work() {
        for preset in [Scaling::FOUR_X, Scaling::EIGHT_X] {
            let scaling = Scaling {
                runs: 2,
                min_secs: 0.01,
                ..preset
            };
            let caught = std::panic::catch_unwind(|| {
                check("quadratic", 1_000, &scaling, bytes, |v| quadratic(v));
            });
            assert!(
                caught.is_err(),
                "{}x: quadratic work passed the check",
                preset.factor
            );
        }
    }

    /// The check can pass: linear work is accepted.
    #[test]
    fn the_check_accepts_linear_work() {
        check_linear("linear", 100_000, bytes, |v| linear(v));
    }
}
