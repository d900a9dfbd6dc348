//! The in-flight window: how much the reader may hand to the workers
//! before they have finished with it, by count of batches and by bytes of
//! text. The reader takes a place for each batch it hands over
//! ([`Window::acquire`], blocking while the window is full) and whoever
//! finishes with batches gives their places back ([`Window::release`]), so
//! memory stays flat whatever the input size.

use std::sync::{Condvar, Mutex, PoisonError};

/// The in-flight budget: batches and bytes of text handed over but not
/// yet done with.
pub(crate) struct Window {
    state: Mutex<State>,
    freed: Condvar,
    batches: usize,
    bytes: u64,
}

#[derive(Debug, Default, PartialEq, Eq)]
struct State {
    batches: usize,
    bytes: u64,
    /// A worker died holding places: nothing more is handed over.
    closed: bool,
}

impl Window {
    /// A window of at most `batches` batches and `bytes` bytes of text.
    pub(crate) fn new(batches: usize, bytes: u64) -> Window {
        Window {
            state: Mutex::new(State::default()),
            freed: Condvar::new(),
            batches: batches.max(1),
            bytes,
        }
    }

    /// Waits until a batch of `weight` bytes fits (a batch always fits
    /// when nothing is in flight), then takes its place. `false` when the
    /// window is closed: the batch must not be handed over.
    pub(crate) fn acquire(&self, weight: u64) -> bool {
        let mut st = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while !st.closed && !self.fits(st.batches, st.bytes, weight) {
            st = self.freed.wait(st).unwrap_or_else(PoisonError::into_inner);
        }
        if st.closed {
            return false;
        }
        st.batches += 1;
        st.bytes += weight;
        true
    }

    /// Whether a batch of `weight` bytes may start with `batches` batches
    /// of `bytes` in flight: always when nothing is, else within both
    /// budgets. A record larger than the byte budget is thus converted
    /// alone, so the memory it takes is not multiplied by `-j` (issue 13
    /// row 8).
    fn fits(&self, batches: usize, bytes: u64, weight: u64) -> bool {
        batches == 0 || (batches < self.batches && bytes + weight <= self.bytes)
    }

    /// Gives back the places of `batches` batches done with (`weight`
    /// bytes of text in all).
    pub(crate) fn release(&self, batches: usize, weight: u64) {
        if batches == 0 {
            return;
        }
        let mut st = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        st.batches = st.batches.saturating_sub(batches);
        st.bytes = st.bytes.saturating_sub(weight);
        drop(st);
        self.freed.notify_all();
    }

    /// Closes the window for good: a worker panicked and its places will
    /// never come back, so a waiting reader must not wait for them.
    pub(crate) fn close(&self) {
        let mut st = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        st.closed = true;
        drop(st);
        self.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row8_large_records_are_converted_one_at_a_time() {
        const BUDGET: u64 = 64 << 20;
        let w = Window::new(8, BUDGET);
        let huge = 250 << 20;
        // Alone, a record larger than the budget goes.
        assert!(w.fits(0, 0, huge));
        // Beside anything in flight, it waits; and nothing joins it.
        assert!(!w.fits(1, 1 << 20, huge));
        assert!(!w.fits(1, huge, 1));
        // Ordinary batches share the window up to its count.
        assert!(w.fits(7, 7 << 20, 1 << 20));
        assert!(!w.fits(8, 8 << 20, 1 << 20));
        assert!(w.acquire(huge));
        w.release(1, huge);
        assert_eq!(*w.state.lock().unwrap(), State::default());
    }

    #[test]
    fn a_closed_window_wakes_a_waiting_reader() {
        let w = Window::new(1, 1 << 20);
        assert!(w.acquire(1));
        std::thread::scope(|s| {
            let waiting = s.spawn(|| w.acquire(1));
            w.close();
            assert!(!waiting.join().unwrap(), "a closed window takes no batch");
        });
    }
}
