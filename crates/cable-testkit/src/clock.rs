//! The calling thread's CPU time, so that a timing is not inflated by the
//! tests and builds that share the machine's cores with it.

use std::time::{Duration, Instant};

/// The calling thread's CPU time so far, where Linux reports it
/// (`/proc/thread-self/schedstat`, first field: nanoseconds on a CPU);
/// `None` elsewhere.
pub fn thread_cpu() -> Option<Duration> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
        .map(Duration::from_nanos)
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
}
