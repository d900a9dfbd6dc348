//! The buffer a document is serialised into before it is written out.
//!
//! One buffer per thread, reused from cable to cable: a fresh buffer (or a
//! `BufWriter`) per cable is a large allocation each time, and glibc's
//! allocator answers a large request by first consolidating all the small
//! blocks the previous cable's tree just freed.

use std::cell::RefCell;

/// A buffer grown past this many bytes (by a huge cable) is given back
/// rather than kept for the rest of the thread's life.
const KEEP: usize = 1 << 20;

thread_local! {
    static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with the thread's buffer, empty. Re-entrant: a nested call
/// (a link resolver that writes a document) gets a buffer of its own.
pub(crate) fn with_buffer<T>(f: impl FnOnce(&mut Vec<u8>) -> T) -> T {
    BUFFER.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buf) => {
            buf.clear();
            let result = f(&mut buf);
            if buf.capacity() > KEEP {
                *buf = Vec::new();
            }
            result
        }
        Err(_) => f(&mut Vec::new()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_calls_get_their_own_buffer() {
        let got = with_buffer(|outer| {
            outer.extend_from_slice(b"outer");
            let inner = with_buffer(|inner| {
                inner.extend_from_slice(b"inner");
                inner.clone()
            });
            (outer.clone(), inner)
        });
        assert_eq!(got, (b"outer".to_vec(), b"inner".to_vec()));
        assert_eq!(with_buffer(|b| b.len()), 0, "the buffer starts empty");
    }
}
