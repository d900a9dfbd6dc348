//! A PlusD page that shows the text before its header, read header
//! first: the header after the text's end marker is moved before the
//! text, and the page's `Show Headers` control before the text dropped:
//!
//! ```text
//! Show Headers                        R 061501Z JUN 74
//! 1. WHEN ...                         FM AMEMBASSY ADDIS ABABA
//! WYMAN                               TAGS: AEMR
//! NNN                           ->    SUBJ: ...
//! R 061501Z JUN 74                    1. WHEN ...
//! FM AMEMBASSY ADDIS ABABA            WYMAN
//! TAGS: AEMR                          NNN
//! SUBJ: ...
//! ```

use super::Line;
use crate::blanks::Blanks;
use crate::context::Context;
use cable_model::Code;

/// `1. WHEN ...⏎WYMAN⏎CONFIDENTIAL⏎NNN⏎...⏎R 061501Z JUN 74⏎FM AMEMBASSY
/// ADDIS ABABA⏎...⏎TAGS: AEMR⏎SUBJ: ...`: a PlusD page that shows the
/// text first and its header after the text's end marker (`NNN`,
/// `NNNN`). Returns the marker's index and the number of labelled lines
/// after it when the lines before the marker hold text but no `FM` line and
/// no `E.O.`, `TAGS` or `SUBJECT` line, and the lines after it hold an `FM`
/// line and one of those.
fn header_after_text(lines: &[Line<'_>]) -> Option<(usize, usize)> {
    let end = lines
        .iter()
        .position(|l| matches!(l.text.trim_blanks(), "NNN" | "NNNN"))?;
    let (before, after) = lines.split_at(end);
    use crate::header::labels::{self, Label};
    // The header's own fields (a REF line or `Classified By` can be prose:
    // `REF B, THAT ...`).
    let head = |l: &Line<'_>| {
        let t = l.text.trim_blanks();
        let field = labels::label(t).is_some_and(|f| {
            matches!(
                f.label,
                Label::ExecutiveOrder | Label::Tags | Label::Subject
            )
        });
        (t.starts_with("FM "), field)
    };
    let text_before = before
        .iter()
        .filter(|l| !l.is_blank() && l.text.trim_blanks() != "Show Headers")
        .count();
    if text_before == 0 || before.iter().any(|l| head(l) != (false, false)) {
        return None;
    }
    let fm = after.iter().any(|l| head(l).0);
    let labels = after.iter().filter(|l| head(l).1).count();
    (fm && labels > 0).then_some((end, labels))
}

/// Reorders `lines` when they are a page that shows the text before its
/// header ([`header_after_text`]): the header after the end marker is moved
/// before the text, the page's `Show Headers` control before the text
/// dropped, and both reported. Lines keep their input line numbers.
pub(super) fn read_header_first(lines: &mut Vec<Line<'_>>, cx: &mut Context<'_>) {
    let Some((end, labels)) = header_after_text(lines) else {
        return;
    };
    let end_no = lines.get(end).map(|l| l.no);
    // The PlusD page's `Show Headers` control before the text.
    let controls = lines
        .iter()
        .take(end)
        .take_while(|l| l.is_blank() || l.text.trim_blanks() == "Show Headers")
        .count();
    let dropped = lines
        .iter()
        .take(controls)
        .filter(|l| !l.is_blank())
        .count();
    lines.drain(..controls);
    lines.rotate_left(end + 1 - controls);
    cx.diag(
        Code::HeaderAfterText,
        end_no,
        format!(
            "the header after the text's end marker ({labels} labelled line(s)) was read \
             first{}",
            if dropped > 0 {
                format!("; {dropped} `Show Headers` line(s) removed")
            } else {
                String::new()
            }
        ),
    );
}
