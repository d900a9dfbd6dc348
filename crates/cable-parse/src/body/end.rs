//! The end of the text: trailer lines after it (`NNNN`, `End Cable Text`,
//! a classification footer, mail-client export lines, `##`), and the
//! signer on the last line or at the end of the last paragraph.

use crate::blanks::Blanks;

use super::signer;
use super::trailer::{self, TrailerLine};
use crate::context::Context;
use crate::source::Line;
use cable_model::Code;

/// Where the text ends.
pub(super) struct End {
    /// Lines that belong to the body.
    pub(super) body_len: usize,
    /// Replacement for the last body line when the signer was cut from it.
    pub(super) last_line: Option<String>,
}

/// Splits trailer lines and the signer off the end of `lines`.
pub(super) fn split_end(lines: &[Line<'_>], cx: &mut Context<'_>) -> End {
    let mut i = lines.len();
    let mut trailer_rev: Vec<String> = Vec::new();
    let mut export = None;
    let mut subject_copy = None;
    loop {
        while i > 0 && lines.get(i - 1).is_some_and(Line::is_blank) {
            i -= 1;
        }
        let Some(l) = i.checked_sub(1).and_then(|j| lines.get(j)) else {
            break;
        };
        match trailer::trailer_line(&l.text) {
            Some(kind) => {
                if kind == TrailerLine::Export {
                    export = Some(l.no);
                }
            }
            None if cut_subject_copy(&l.text, cx.cable.subject.as_ref()) => {
                subject_copy = Some(l.no);
            }
            None => break,
        }
        trailer_rev.push(l.text.trim_blanks().to_owned());
        i -= 1;
    }
    trailer_rev.reverse();
    cx.cable.trailer = trailer_rev;
    if let Some(no) = export {
        cx.diag(
            Code::ExportDebris,
            Some(no),
            "export lines after the text (a mail client's, a newspaper's print stamp) set aside as trailer",
        );
    }
    if let Some(no) = subject_copy {
        cx.diag(
            Code::ExportDebris,
            Some(no),
            "a cut copy of the subject after the text (`...`) set aside as trailer",
        );
    }
    let mut last_line = None;
    if let Some(l) = i.checked_sub(1).and_then(|j| lines.get(j)) {
        // `... HAS NOW RECEIVED F...`: the text of a partial extract stops
        // short.
        let t = l.text.trim_end_blanks();
        if t.ends_with("...") || t.ends_with('…') {
            cx.diag(
                Code::TruncatedText,
                Some(l.no),
                "the text ends in `...`: a partial extract, cut short",
            );
        }
        let prev = i
            .checked_sub(2)
            .and_then(|j| lines.get(j))
            .map_or("", |p| p.text.trim_blanks());
        // A database row glued after the text (`... End comment. STEVENS 0
        // 03/13/2008 9871 PGOV,PREL ...`) is trailer.
        let (text, row) = match dump_row_at(&l.text).or_else(|| date_stamp_at(&l.text)) {
            Some(at) => (
                l.text.get(..at).unwrap_or(""),
                l.text.get(at..).map(str::trim_blanks),
            ),
            None => (l.text.as_ref(), None),
        };
        if let Some(row) = row {
            cx.cable.trailer.insert(0, row.to_owned());
            cx.diag(
                Code::ExportDebris,
                Some(l.no),
                "a database row or date stamp glued after the text set aside as trailer",
            );
            last_line = Some(text.trim_end_blanks().to_owned());
        }
        if let Some(name) = signer::signer_line(text).filter(|n| signer::may_follow(prev, text, n))
        {
            cx.cable.signer = Some(name);
            i -= 1;
            last_line = None;
        } else if let Some((before, name)) = signer::trailing_signer(text) {
            cx.cable.signer = Some(name);
            last_line = Some(before.to_owned());
        }
    }
    if cx.cable.signer.is_none() {
        cx.diag(
            Code::MissingSigner,
            None,
            "no signer found at the end of the text",
        );
    }
    End {
        body_len: i,
        last_line,
    }
}

/// `DANIEL ORTEGA AN...` after the signer: a cut copy of a piece of the
/// subject (a cablegate page put the subject's second line, cut short,
/// after the text), not a last paragraph cut short. Ten letters or more
/// before the `...`, found in the subject as written, blanks aside.
fn cut_subject_copy(line: &str, subject: Option<&cable_model::Subject>) -> bool {
    let t = line.trim_blanks();
    let Some(stem) = t.strip_suffix("...").or_else(|| t.strip_suffix('\u{2026}')) else {
        return false;
    };
    let squeeze = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_uppercase)
            .collect()
    };
    let stem = squeeze(stem);
    stem.chars().filter(|c| c.is_alphabetic()).count() >= 10
        && subject.is_some_and(|s| squeeze(&s.text).contains(&stem))
}

/// Where a database row glued to the end of the text starts: a blank,
/// a one-digit flag, a date `M/D/YYYY`, a row number and a list of TAGS
/// joined by commas (the columns of the export records the cable format
/// guide describes in §3): ` 0 03/13/2008 9871 PGOV,PREL,...`.
fn dump_row_at(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let mut from = 0;
    while let Some(k) = line.get(from..).and_then(|r| r.find(' ')) {
        let at = from + k;
        from = at + 1;
        // A one-digit flag and a blank first: most blanks go no further.
        if !(b.get(at + 1).is_some_and(u8::is_ascii_digit) && b.get(at + 2) == Some(&b' ')) {
            continue;
        }
        let rest = line.get(at + 1..)?;
        let mut words = rest.split(' ');
        let (Some(flag), Some(date), Some(row), Some(tags)) =
            (words.next(), words.next(), words.next(), words.next())
        else {
            return None;
        };
        let date_ok = {
            let parts: Vec<&str> = date.split('/').collect();
            parts.len() == 3
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
                && parts.get(2).is_some_and(|y| y.len() == 4)
        };
        let tags_ok = tags.contains(',')
            && tags
                .split(',')
                .all(|t| (2..=4).contains(&t.len()) && t.bytes().all(|c| c.is_ascii_uppercase()));
        if flag.len() == 1
            && flag.bytes().all(|c| c.is_ascii_digit())
            && date_ok
            && !row.is_empty()
            && row.bytes().all(|c| c.is_ascii_digit())
            && tags_ok
            && b.get(at.saturating_sub(1))
                .is_some_and(u8::is_ascii_alphabetic)
        {
            return Some(at);
        }
    }
    None
}

/// Where an export's date stamp glued after the signer starts: a blank, an
/// ISO date `YYYY-MM-DD` (and a time) ending the line, after a word in
/// capitals (`... offense. KUBISKE 2009-12-31`).
fn date_stamp_at(line: &str) -> Option<usize> {
    let t = line.trim_end_blanks();
    let mut words = t.rsplitn(3, ' ');
    let mut last = words.next()?;
    let mut start = t.len() - last.len();
    let is_time = |w: &str| {
        let b = w.as_bytes();
        (4..=8).contains(&b.len())
            && w.contains(':')
            && b.iter().all(|c| c.is_ascii_digit() || *c == b':')
    };
    if is_time(last) {
        last = words.next()?;
        start -= last.len() + 1;
    }
    let b = last.as_bytes();
    let iso = b.len() == 10
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    let after_caps = t
        .get(..start)?
        .trim_end_blanks()
        .bytes()
        .last()
        .is_some_and(|c| c.is_ascii_uppercase());
    (iso && after_caps).then(|| start.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::{cut_subject_copy, date_stamp_at, dump_row_at};

    /// 06MANAGUA1002's page ends with its signer, a blank line and the
    /// second line of its subject cut short (`… AN...`); the same shape
    /// with an invented subject.
    #[test]
    fn regression_06managua1002_cut_subject_copy() {
        let subject = cable_model::Subject {
            text: "THE ASSEMBLY'S NEW RULES: WHAT THE CHANGES MEAN FOR THE OPPOSITION PARTIES"
                .into(),
            title: String::new(),
            marking: None,
        };
        let copy = |line: &str| cut_subject_copy(line, Some(&subject));
        assert!(copy("THE OPPOSITION PA..."));
        assert!(copy("the opposition  pa\u{2026}"));
        // Too short to tell, not in the subject, not cut, no subject.
        assert!(!copy("OPPOSITIO..."));
        assert!(!copy("HAS NOW RECEIVED F..."));
        assert!(!copy("THE OPPOSITION PARTIES"));
        assert!(!cut_subject_copy("THE OPPOSITION PA...", None));
    }

    #[test]
    fn date_stamps() {
        let t = "The talks went on. ROE 2009-12-31";
        assert_eq!(
            date_stamp_at(t).map(|at| &t[..at]),
            Some("The talks went on. ROE")
        );
        let t = "ROE 2009-12-31 14:05";
        assert_eq!(date_stamp_at(t).map(|at| &t[..at]), Some("ROE"));
        assert!(date_stamp_at("The meeting is set for 2009-12-31").is_none());
    }

    #[test]
    fn dump_rows() {
        let t = "End comment. STEVENS 0 03/13/2008 9871 PGOV,PREL,LY A SUBJECT Summary text.";
        let at = dump_row_at(t).unwrap();
        assert_eq!(&t[..at], "End comment. STEVENS");
        assert!(dump_row_at("He paid 0 03/13/2008 at 9871.").is_none());
    }
}
