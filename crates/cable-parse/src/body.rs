//! The body phase: paragraphs, lists, headings, notes, the signer and the
//! trailer.

use crate::context::Context;
use crate::source::Cursor;

/// Reads the rest of the lines into `cx.cable.body`, `signer` and `trailer`.
pub(crate) fn parse(cursor: &mut Cursor<'_, '_>, cx: &mut Context<'_>) {
    let _ = (cursor, cx);
}
