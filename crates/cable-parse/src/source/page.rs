//! Page headers: the line a telegram repeats at the top of each page, in
//! the Cablegate era's shape and in older cables' (whose classification
//! line is repeated around it), and the rest of one whose `PAGE nn`
//! stands alone on its line:
//!
//! ```text
//! BERN 00000881  002 OF 002              -> PageKind::Serial
//! TRIPOLI 00000564  001.2 OF 002         -> PageKind::Serial
//! PAGE 02 HARARE 06677 01 OF 03 291400Z  -> PageKind::Numbered
//! PAGE 03        SOFIA  03382  111320Z   -> PageKind::Numbered
//! PAGE 01                                -> PageKind::Serial, and the next
//! RIYADH 00905 01 OF 03 060018Z          -> line a page tail
//! ```

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// `BERN 00000881  002 OF 002`, `TRIPOLI 00000564  001.2 OF 002`: page
/// headers of the Cablegate era (station, 8-digit serial, page of pages).
static PAGE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][A-Z .'-]{1,40} \d{5,8} {1,3}\d{3}(?:\.\d)? OF \d{1,3}$")
        .expect("valid regex")
});

/// `PAGE 02 HARARE 06677 01 OF 03 291400Z`: page headers of older cables.
static PAGE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^PAGE \d{2,3}(?: [A-Z][A-Z .]{1,30} \d{2,6}(?: \d{2} OF \d{2})?(?: \d{6}Z)?)?$")
        .expect("valid regex")
});

/// `STATE 161482`, `RIYADH 00905 01 OF 03 060018Z`: the rest of a page
/// header the 1978-79 PlusD layout puts on the line after `PAGE 01`.
static PAGE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][A-Z .]{1,30} \d{2,6}(?: \d{2} OF \d{2})?(?: \d{6}Z)?$")
        .expect("valid regex")
});

/// The two shapes of page header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PageKind {
    /// `BERN 00000881  002 OF 002` (Cablegate era).
    Serial,
    /// `PAGE 02 HARARE 06677 01 OF 03 291400Z`, with the classification
    /// line repeated around it (older cables).
    Numbered,
}

/// Whether a (trimmed) line is a page header; runs of blanks inside it
/// count as one (`PAGE 03        SOFIA  03382  111320Z`).
pub(super) fn page_header(trimmed: &str) -> Option<PageKind> {
    // Cheap tests first: every page header starts with a capital and ends
    // with a digit or `Z` (`… 002 OF 002`, `PAGE 02 … 291400Z`, `PAGE 01`).
    if trimmed.len() > 120
        || !trimmed.starts_with(|c: char| c.is_ascii_uppercase())
        || !trimmed.ends_with(|c: char| c.is_ascii_digit() || c == 'Z')
    {
        return None;
    }
    let is_page_line = trimmed.starts_with("PAGE");
    if !is_page_line && !trimmed.contains(" OF ") {
        return None;
    }
    let collapsed: Cow<'_, str> = if trimmed.contains("  ") {
        Cow::Owned(trimmed.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        Cow::Borrowed(trimmed)
    };
    if PAGE_LINE.is_match(&collapsed) {
        let first_page = collapsed.starts_with("PAGE 01 ") || collapsed.as_ref() == "PAGE 01";
        Some(if first_page {
            PageKind::Serial
        } else {
            PageKind::Numbered
        })
    } else if PAGE_HEADER.is_match(&collapsed) {
        Some(PageKind::Serial)
    } else {
        None
    }
}

/// Whether a (trimmed) line is the rest of a page header whose `PAGE nn`
/// stood alone on the line before ([`PAGE_TAIL`]); runs of blanks count
/// as one.
pub(super) fn is_page_tail(trimmed: &str) -> bool {
    let collapsed = trimmed.split_whitespace().collect::<Vec<_>>().join(" ");
    PAGE_TAIL.is_match(&collapsed)
}
