//! SUBJECT: `SUBJECT: ...`, `SUBJ: ...`, wrapped lines joined, doubled
//! `SUBJECT: SUBJECT:`, a leading or trailing portion marking split off,
//! `&#NNN;` entities decoded.

use crate::blanks::Blanks;

use super::banner::{leading_marking, trailing_marking};
use cable_model::{Marking, Subject};

/// Builds the subject from its joined text. Returns it and whether
/// `SUBJECT:` was doubled.
pub(crate) fn subject(joined: &str) -> (Subject, bool) {
    let mut text = decode_entities(joined).replace('\\', " ");
    let mut doubled = false;
    // `SUBJECT: SUBJECT: ...`; a bare `SUBJECT` word is the subject's own
    // (`SUBJECT: SUBJECT WHICH HAS A SECOND LINE`).
    let keyword_with_colon = text
        .trim_start_blanks()
        .split_once(':')
        .is_some_and(|(w, _)| {
            matches!(
                w.to_ascii_uppercase().as_str(),
                "SUBJECT" | "SUBJ" | "UBJECT"
            )
        });
    if let Some(f) = super::labels::label(text.trim_blanks())
        .filter(|f| keyword_with_colon && f.label == super::labels::Label::Subject)
    {
        doubled = true;
        text = f.rest.to_owned();
    }
    let mut text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut marking: Option<Marking> = None;
    if let Some((m, _, rest)) = leading_marking(&text).or_else(|| trailing_marking(&text)) {
        marking = Some(m);
        text = rest.to_owned();
    }
    // `THE PLAN SIPDIS`: the distribution keyword run onto the subject's
    // line is no word of it (the source stage drops it elsewhere).
    while let Some(head) = text.strip_suffix("SIPDIS").filter(|h| h.ends_with(' ')) {
        text = head.trim_end_blanks().to_owned();
    }
    let title = crate::titlefy::titlefy(&text);
    (
        Subject {
            text,
            title,
            marking,
        },
        doubled,
    )
}

/// Decodes `&#NNN;` and `&#xHH;` character references.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains("&#") {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("&#") {
        out.push_str(rest.get(..i).unwrap_or(""));
        let after = rest.get(i + 2..).unwrap_or("");
        let (hex, digits_from) = match after.strip_prefix(['x', 'X']) {
            Some(h) => (true, h),
            None => (false, after),
        };
        let n = digits_from
            .find(';')
            .filter(|&e| e > 0 && e <= 8)
            .and_then(|e| {
                let d = digits_from.get(..e)?;
                let v = if hex {
                    u32::from_str_radix(d, 16).ok()?
                } else {
                    d.parse().ok()?
                };
                Some((char::from_u32(v)?, e))
            });
        match n {
            Some((c, e)) => {
                out.push(c);
                rest = digits_from.get(e + 1..).unwrap_or("");
            }
            None => {
                out.push_str("&#");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects() {
        let (s, d) = subject("MISSILE TECHNOLOGY CONTROL REGIME (MTCR): RESPONDING (C)");
        assert_eq!(
            s.text,
            "MISSILE TECHNOLOGY CONTROL REGIME (MTCR): RESPONDING"
        );
        assert!(s.marking.is_some() && !d);
        let (s, d) = subject("SUBJECT: (S) GERMANY  TAKING &#8217;ACTION");
        assert_eq!(s.text, "GERMANY TAKING \u{2019}ACTION");
        assert!(d);
        // The distribution keyword run onto the line; a word ending so.
        assert_eq!(subject("THE PLAN SIPDIS").0.text, "THE PLAN");
        assert_eq!(subject("THE NOSIPDIS PLAN").0.text, "THE NOSIPDIS PLAN");
    }
}
