//! The calling thread's CPU time, so that a timing is not inflated by the
//! tests and builds that share the machine's cores with it.

use std::time::{Duration, Instant};

/// The calling thread's CPU time so far, from
/// `clock_gettime(CLOCK_THREAD_CPUTIME_ID)`: exact to the nanosecond (the
/// kernel adds the running slice when asked). The first version read
/// `/proc/thread-self/schedstat`, whose figure for the running thread
/// moves only at scheduler ticks, so work shorter than a tick read 0 ns and
/// a linearity ratio became absurd on a fast enough build (found in
/// issue 16 with the parser at opt-level 1). `None` where the clock is
/// missing.
pub fn thread_cpu() -> Option<Duration> {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
        let secs = u64::try_from(t.tv_sec).ok()?;
        let nanos = u32::try_from(t.tv_nsec).ok()?;
        Some(Duration::new(secs, nanos))
    }
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    {
        None
    }
}

/// A stopwatch over the calling thread's CPU time ([`thread_cpu`]), or
/// over wall-clock time where the system does not tell the former. Read it
/// on the thread that started it.
#[derive(Debug, Clone, Copy)]
pub enum Clock {
    /// CPU time of the thread at the start.
    Cpu(Duration),
    /// Wall-clock time at the start.
    Wall(Instant),
}

impl Clock {
    /// Starts the stopwatch.
    pub fn start() -> Clock {
        match thread_cpu() {
            Some(t) => Clock::Cpu(t),
            None => Clock::Wall(Instant::now()),
        }
    }

    /// The time since [`Clock::start`].
    pub fn elapsed(&self) -> Duration {
        match self {
            Clock::Cpu(start) => thread_cpu().unwrap_or(*start).saturating_sub(*start),
            Clock::Wall(start) => start.elapsed(),
        }
    }

    /// [`Clock::elapsed`] in seconds.
    pub fn seconds(&self) -> f64 {
        self.elapsed().as_secs_f64()
    }
}

/// The shortest of `runs` timings of `work` on [`Clock`] (at least one).
pub fn best_of(runs: usize, mut work: impl FnMut()) -> Duration {
    (0..runs.max(1))
        .map(|_| {
            let t = Clock::start();
            work();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_advances_with_work_on_this_thread() {
        let t = Clock::start();
        let mut x = 0u64;
        let wall = Instant::now();
        while wall.elapsed() < Duration::from_millis(30) {
            x = std::hint::black_box(x.wrapping_add(1));
        }
        assert!(t.elapsed() > Duration::ZERO, "{t:?}");
    }

    /// Regression (issue 16): the schedstat clock moved only at scheduler
    /// ticks, so a piece of work far shorter than a tick read 0 ns.
    #[test]
    fn regression_the_clock_sees_work_shorter_than_a_scheduler_tick() {
        let t = Clock::start();
        let mut x = 0u64;
        for i in 0..20_000u64 {
            x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(i));
        }
        let spent = t.elapsed();
        assert!(
            spent > Duration::ZERO && spent < Duration::from_millis(4),
            "{spent:?}"
        );
    }
}
