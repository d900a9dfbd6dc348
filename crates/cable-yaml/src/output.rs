//! The buffer a document is serialised into before it is written out.
//!
//! serde-saphyr writes into a `fmt::Write` and produces a document as many
//! small pieces (one per key, value, colon and indentation space). Its
//! `io::Write` adapter would send each piece through `dyn io::Write`: over
//! the bench corpus that costs 13% more instructions than this buffer, even
//! into a `Vec`. So this writer, unlike the XML one, keeps one `String`
//! per thread, reused from cable to cable, and hands the document to `out`
//! in one `write_all`.

use std::cell::RefCell;

/// A buffer grown past this many bytes (by a huge cable) is given back
/// rather than kept for the rest of the thread's life.
const KEEP: usize = 1 << 20;

thread_local! {
    static BUFFER: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Runs `f` with the thread's buffer, empty. Re-entrant: a nested call
/// gets a buffer of its own.
pub(crate) fn with_buffer<T>(f: impl FnOnce(&mut String) -> T) -> T {
    BUFFER.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buf) => {
            buf.clear();
            let result = f(&mut buf);
            if buf.capacity() > KEEP {
                *buf = String::new();
            }
            result
        }
        Err(_) => f(&mut String::new()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_calls_get_their_own_buffer() {
        let got = with_buffer(|outer| {
            outer.push_str("outer");
            let inner = with_buffer(|inner| {
                inner.push_str("inner");
                inner.clone()
            });
            (outer.clone(), inner)
        });
        assert_eq!(got, ("outer".to_owned(), "inner".to_owned()));
        assert_eq!(with_buffer(|b| b.len()), 0, "the buffer starts empty");
    }
}
