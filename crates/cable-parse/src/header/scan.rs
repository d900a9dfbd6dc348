//! How far the header's labelled fields reach, found before the header is
//! read, so that the header ends where the body starts and not at the
//! first line it does not recognise.
//!
//! ```text
//! C O N F I D E N T I A L LIMA 000123
//! DEPT FOR WHA/AND. ALSO PASS TO USAID.       <- an odd line: still header,
//! E.O. 12958: DECL: 01/01/2019                   labelled fields follow
//! TAGS: PREL, PGOV, PE
//! SUBJECT: A VISIT
//!                                             <- a blank line after a field
//! Classified By: Jane Roe, reasons 1.4 (b)    <- the last labelled field
//!
//! 1. (C) Summary: ...                         <- the body starts
//! ```
//!
//! The scan stops at the first numbered paragraph, or where two blocks of
//! lines (runs between blank lines) in a row hold no label after a label
//! was seen: a body that is not numbered ends the header there, and a
//! `SUBJECT:` quoted deep in it is not taken for the cable's. One look at
//! the start of each line, so it is linear.

use crate::blanks::Blanks;
use crate::source::Line;

use super::labels;

/// The index (in `lines`) of the last line that starts a labelled field
/// before the body, if any.
pub(super) fn last_field_line(lines: &[Line<'_>]) -> Option<usize> {
    let mut last = None;
    let mut in_block = false;
    let mut block_has_field = false;
    let mut fieldless_blocks = 0;
    for (i, l) in lines.iter().enumerate() {
        let t = l.text.trim_blanks();
        if t.is_empty() {
            if in_block && last.is_some() {
                if block_has_field {
                    fieldless_blocks = 0;
                } else {
                    fieldless_blocks += 1;
                    if fieldless_blocks >= 2 {
                        break;
                    }
                }
            }
            in_block = false;
            block_has_field = false;
            continue;
        }
        in_block = true;
        if labels::label(t).is_some() {
            last = Some(i);
            block_has_field = true;
            continue;
        }
        if numbered_paragraph(t) {
            break;
        }
    }
    last
}

/// `1. text`, `12. (C) text`, `¶3.`, `1) text`: a numbered paragraph.
fn numbered_paragraph(t: &str) -> bool {
    let t = t.strip_prefix('¶').map_or(t, Blanks::trim_start_blanks);
    let b = t.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=3).contains(&digits)
        && matches!(b.get(digits), Some(b'.' | b')'))
        && b.get(digits + 1)
            .is_none_or(|c| *c == b' ' || *c == b'\t' || *c == b'(')
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn last(text: &str) -> Option<usize> {
        let lines: Vec<Line<'_>> = text
            .lines()
            .enumerate()
            .map(|(i, t)| Line {
                no: i as u32 + 1,
                text: Cow::Borrowed(t),
            })
            .collect();
        last_field_line(&lines)
    }

    #[test]
    fn reach() {
        let t = "CONFIDENTIAL LIMA 000123\nDEPT FOR WHA. ALSO PASS TO USAID.\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: A VISIT\n\nClassified By: Jane Roe\n\n1. (C) Text.\nSUBJECT: quoted\n";
        assert_eq!(last(t), Some(6));
        // An unnumbered body ends the scan after two blocks without a label.
        let t = "SUBJECT: A VISIT\n\nThe minister came.\n\nHe left.\n\nSUBJECT: quoted\n";
        assert_eq!(last(t), Some(0));
        // One block without a label between fields does not.
        let t = "SUBJECT: A VISIT\n\nSENSITIVE BUT UNCLASSIFIED\n\nREF: A. LIMA 1\n\n1. Text.\n";
        assert_eq!(last(t), Some(4));
        assert_eq!(last("1. Text.\nSUBJECT: X\n"), None);
    }
}
