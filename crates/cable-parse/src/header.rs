//! The header phase: everything before the body (transmission lines,
//! routing, banner, handling lines, E.O., TAGS, SUBJECT, REF, Classified By).

use crate::context::Context;
use crate::source::Cursor;

/// Reads header lines at the cursor into `cx.cable`, leaving the cursor at
/// the first line of the body.
pub(crate) fn parse(cursor: &mut Cursor<'_, '_>, cx: &mut Context<'_>) {
    let _ = (cursor, cx);
}
