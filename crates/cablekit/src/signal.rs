//! Stopping a run early: Ctrl-C (SIGINT) or SIGTERM, `--fail-fast`, or a fatal
//! output error. Every stop is graceful: the reader stops reading, the
//! records already in flight are finished and written, the index and the
//! summary are flushed. A second Ctrl-C exits at once with 130.

use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

/// Why a run stopped early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StopReason {
    /// Ctrl-C / SIGINT / SIGTERM: exit code 130.
    Interrupted,
    /// `--fail-fast` and a record failed: exit code 1.
    FailFast,
    /// The output could not be written: exit code 2.
    Fatal,
}

/// A shared "please stop" flag; the first reason given wins.
#[derive(Debug, Clone, Default)]
pub(crate) struct Stop(Arc<AtomicU8>);

impl Stop {
    /// Asks the run to stop, unless it already was asked.
    pub(crate) fn request(&self, reason: StopReason) {
        let code = match reason {
            StopReason::Interrupted => 1,
            StopReason::FailFast => 2,
            StopReason::Fatal => 3,
        };
        let _ = self
            .0
            .compare_exchange(0, code, Ordering::SeqCst, Ordering::SeqCst);
    }

    /// Why the run was asked to stop, if it was.
    pub(crate) fn reason(&self) -> Option<StopReason> {
        match self.0.load(Ordering::SeqCst) {
            1 => Some(StopReason::Interrupted),
            2 => Some(StopReason::FailFast),
            3 => Some(StopReason::Fatal),
            _ => None,
        }
    }

    /// Whether the run was asked to stop.
    pub(crate) fn requested(&self) -> bool {
        self.reason().is_some()
    }
}

/// Routes SIGINT, SIGTERM and SIGHUP to `stop` (a graceful stop, as for
/// Ctrl-C). A second signal ends the process with 130.
pub(crate) fn install(stop: &Stop) -> anyhow::Result<()> {
    let stop = stop.clone();
    ctrlc::set_handler(move || {
        if stop.reason() == Some(StopReason::Interrupted) {
            std::process::exit(130);
        }
        stop.request(StopReason::Interrupted);
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_reason_wins() {
        let stop = Stop::default();
        assert!(!stop.requested());
        stop.request(StopReason::FailFast);
        stop.request(StopReason::Interrupted);
        assert_eq!(stop.reason(), Some(StopReason::FailFast));
    }
}
