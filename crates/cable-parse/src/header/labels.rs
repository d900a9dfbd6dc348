//! The labels that open a header field, recognised by their shape rather
//! than by a list of seen misspellings.
//!
//! A label is a word followed by a separator. The word may have one letter
//! dropped, doubled, changed or swapped (two for `CLASSIFIED`), and the
//! separator may be a colon, a semicolon or a comma; the exact word may
//! also be followed by a blank where the format allows it:
//!
//! ```text
//! TAGS: PREL   Tags PREL   TGS: PREL   TAGES; PREL   TAGS,PREL     -> Tags
//! SUBJECT: X   SUBJ: X     SUBJET: X   UBJECT: X     SUBJECT:X     -> Subject
//! REF: A. X    REFS: X     REFTEL: X   REF(S): X     REFERENCE: X  -> Ref
//! Classified By: X   CLASSIFIED BY X   Clasified by: X   CLASSIFIEDBY: X -> ClassifiedBy
//! E.O. 12958: DECL: X   EO 12958   E. O. 11652   E.0. 12958: N/A -> ExecutiveOrder
//! DECL: 01/01/2019                                                 -> Decl
//! ```

use crate::blanks::Blanks;
use crate::stations::within_edits;

/// A header field's label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    ExecutiveOrder,
    /// `DECL:` without the E.O. before it.
    Decl,
    Tags,
    Subject,
    Ref,
    ClassifiedBy,
}

/// A label and the text after it and its separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found<'t> {
    pub(crate) label: Label,
    /// The field's text on this line: `PREL, PGOV` after `TAGS: `.
    pub(crate) rest: &'t str,
}

/// The longest label word looked at (`REFERENCES`, `CLASSIFIEDBY`, with
/// an extra letter).
const MAX_WORD: usize = 14;

/// What follows a label's word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    /// `:`, `;` or `,` (a colon mistyped).
    Colon,
    /// `.`
    Dot,
    /// A blank.
    Blank,
    /// The end of the text.
    End,
    /// Anything else (a letter cannot follow: the word would go on).
    Other,
}

fn sep_of(rest: &str) -> Sep {
    let b = rest.as_bytes();
    match b.first() {
        Some(b':' | b';' | b',') => Sep::Colon,
        // `TAGS- PREL`, `SUBJECT - X`, `SUBJECT -- X`: dashes for the colon.
        Some(b'-')
            if {
                let dashes = b.iter().take_while(|c| **c == b'-').count();
                dashes <= 3 && matches!(b.get(dashes), Some(b' ' | b'\t'))
            } =>
        {
            Sep::Colon
        }
        Some(b'.') => Sep::Dot,
        Some(b' ' | b'\t') => Sep::Blank,
        None => Sep::End,
        Some(_) => Sep::Other,
    }
}

/// The leading ASCII letters of `t`, upper-cased on the stack, and the rest.
fn leading_word(t: &str) -> Option<([u8; MAX_WORD], usize, &str)> {
    let end = t
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(t.len());
    if end == 0 || end > MAX_WORD {
        return None;
    }
    let mut buf = [0u8; MAX_WORD];
    buf.get_mut(..end)?
        .copy_from_slice(t.as_bytes().get(..end)?);
    buf.make_ascii_uppercase();
    Some((buf, end, t.get(end..)?))
}

/// Whether `word` is `name` or one edit away from it (a label word of at
/// least four letters).
fn near(word: &str, name: &str) -> bool {
    word == name || (word.len() >= 3 && within_edits(word, name, 1))
}

/// `text` without a second `label` written at its start (`REF: REF:
/// SECSTATE 58408`, `TAGS: TAGS PREL`): the field's own label repeated,
/// read by [`label`] so that its damaged forms count too. The text itself
/// when it starts with no such label.
pub(crate) fn without_repeated(text: &str, wanted: Label) -> &str {
    match label(text.trim_start()) {
        Some(f) if f.label == wanted => f.rest,
        _ => text,
    }
}

/// The label at the start of `t` (trimmed), if any.
///
/// ```text
/// TAGS: PREL         -> Tags, "PREL"
/// SUBJ: X            -> Subject, "X"
/// TO AMEMBASSY X     -> none
/// ```
pub(crate) fn label(t: &str) -> Option<Found<'_>> {
    if let Some(rest) = executive_order(t) {
        return Some(Found {
            label: Label::ExecutiveOrder,
            rest,
        });
    }
    // `(U) Classified By: ...`
    let t2 = t
        .strip_prefix("(U)")
        .or_else(|| t.strip_prefix("(u)"))
        .map_or(t, Blanks::trim_start_blanks);
    let (buf, len, after) = leading_word(t2)?;
    let word = std::str::from_utf8(buf.get(..len)?).ok()?;
    if let Some(rest) = classified_by(word, after) {
        return Some(Found {
            label: Label::ClassifiedBy,
            rest,
        });
    }
    if t2.len() != t.len() {
        return None;
    }
    // `TAGS : PREL`, `SUBJECT - X`: blanks before the colon (or its dash).
    let spaced = after.trim_start_blanks();
    let after = if spaced.len() < after.len() && sep_of(spaced) == Sep::Colon {
        spaced
    } else {
        after
    };
    let sep = sep_of(after);
    let colon = sep == Sep::Colon;
    fn body(r: &str) -> &str {
        match r.strip_prefix('-') {
            // `-- X`: every dash of the separator.
            Some(d) => d.trim_start_matches('-').trim_blanks(),
            None => r.get(1..).unwrap_or("").trim_blanks(),
        }
    }
    fn found(label: Label, rest: &str) -> Option<Found<'_>> {
        Some(Found { label, rest })
    }
    match word {
        "DECL" if colon => return found(Label::Decl, body(after)),
        // `TAGS PREL`, `TAG PREL`: the exact word also before a blank.
        "TAGS" | "TAG" if sep == Sep::Blank => return found(Label::Tags, after.trim_blanks()),
        "SUBJECT" if sep == Sep::Blank || sep == Sep::End => {
            return found(Label::Subject, after.trim_blanks());
        }
        // `SUBJECT. X`: a stop typed for the colon.
        "SUBJECT" if sep == Sep::Dot => return found(Label::Subject, body(after)),
        // The format's abbreviation (cable format guide §1c: `SUBJECT:`/`SUBJ:`),
        // also before a blank (`SUBJ THE PLAN`): no word is spelt `SUBJ`.
        "SUBJ" if colon || sep == Sep::Dot => return found(Label::Subject, body(after)),
        "SUBJ" if sep == Sep::Blank => return found(Label::Subject, after.trim_blanks()),
        _ => {}
    }
    if let Some(rest) = reference(word, after) {
        return found(Label::Ref, rest);
    }
    // `TAGSJC AEMR, AFSP` (1970s archive noise, the cable format guide
    // section 6): one or two letters of debris glued to the label, before a
    // list of nothing but tag codes.
    if sep == Sep::Blank
        && (5..=6).contains(&word.len())
        && word.starts_with("TAGS")
        && codes_only(after)
    {
        return found(Label::Tags, after.trim_blanks());
    }
    // `TAGSPREL PGOV`, `SUBJECTTHE PLAN`: the label glued to its text.
    if let Some(f) = glued_label(word, t2) {
        return Some(f);
    }
    if !colon {
        return None;
    }
    if near(word, "TAGS") && word.len() >= 3 {
        return found(Label::Tags, body(after));
    }
    if word.len() >= 6 && near(word, "SUBJECT") {
        return found(Label::Subject, body(after));
    }
    None
}

/// A label glued to its text (`TAGSPREL PGOV EC`, `SUBJECTTHE PLAN`):
/// `TAGS` before a run of tag codes, the line's other words codes too; or
/// `SUBJECT` before three letters or more that are none of the English
/// words it begins (`SUBJECTED`, `SUBJECTING`, `SUBJECTION`, `SUBJECTIVE`,
/// `SUBJECTIVELY`, `SUBJECTIVITY`, `SUBJECTS`). `word` is the line's
/// first word, upper-cased; `t` the line.
fn glued_label<'t>(word: &str, t: &'t str) -> Option<Found<'t>> {
    // Most lines begin with neither word: two prefix tests and out.
    if !(word.starts_with("TAGS") || word.starts_with("SUBJECT")) {
        return None;
    }
    let rest = t.get(word.len()..)?;
    if let Some(code) = word.strip_prefix("TAGS").filter(|c| c.len() >= 2) {
        let known =
            super::tags::vocabulary_kind(code).is_some() || super::tags::split_glued_codes(code);
        if known && (rest.trim_blanks().is_empty() || codes_only(rest)) {
            return Some(Found {
                label: Label::Tags,
                rest: t.get(4..)?.trim_blanks(),
            });
        }
        return None;
    }
    let tail = word.strip_prefix("SUBJECT")?;
    let english = ["ED", "ING", "ION", "IVE", "IVELY", "IVITY", "S", "IONS"];
    (tail.len() >= 3 && !english.contains(&tail)).then(|| Found {
        label: Label::Subject,
        rest: t.get(7..).unwrap_or("").trim_blanks(),
    })
}

/// Whether `t` is a list of tag codes and nothing else: words of two to
/// four capitals (`AEMR, AFSP`, `PREL PGOV IT`), at least one.
fn codes_only(t: &str) -> bool {
    let mut words = t
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some()
        && words.all(|w| (2..=4).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase()))
}

/// `E.O. 12958:`, `EO 12958`, `E. O. 11652:`, `E.o. 12958`, `E.0. 12958`
/// (a zero for the O), `E.O.12958`: the rest after the letters, when `t`
/// starts an E.O. line.
pub(crate) fn executive_order(t: &str) -> Option<&str> {
    let b = t.as_bytes();
    if !matches!(b.first(), Some(b'E' | b'e')) {
        return None;
    }
    let mut i = 1;
    let skip = |i: &mut usize, b: &[u8]| {
        while matches!(b.get(*i), Some(b'.' | b' ')) {
            *i += 1;
        }
    };
    let dotted_e = b.get(1) == Some(&b'.');
    skip(&mut i, b);
    if !matches!(b.get(i), Some(b'O' | b'o' | b'0')) {
        return None;
    }
    let dotted_o = b.get(i + 1) == Some(&b'.');
    i += 1;
    skip(&mut i, b);
    let rest = t.get(i..)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    // `EO` without dots must be followed by the order's number (`EOD`,
    // `EOS` are words); with dots a colon will do (`E.O.: N/A`).
    let numbered = digits >= 4 && rest.as_bytes().first() == Some(&b'1');
    let ok = numbered || ((dotted_e || dotted_o) && matches!(rest.as_bytes().first(), Some(b':')));
    (ok && t.len() > 3).then_some(rest)
}

/// `CLASSIFIED BY:` and its damaged forms: the word within two edits of
/// `CLASSIFIED` (one for a shorter word), then `BY`, or both glued.
fn classified_by<'t>(word: &str, after: &'t str) -> Option<&'t str> {
    let glued = word.len() >= 10 && word.ends_with("BY") && {
        let w = word.get(..word.len() - 2).unwrap_or("");
        within_edits(w, "CLASSIFIED", 2)
    };
    let rest = if glued {
        after
    } else {
        // `BY` after a blank first (cheap), then the word's spelling.
        if word.len() < 7 {
            return None;
        }
        let a = after.trim_start_blanks();
        if a.len() == after.len() {
            return None;
        }
        let by = a.get(..2).filter(|p| p.eq_ignore_ascii_case("BY"))?;
        let r = a.get(by.len()..)?;
        if r.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        let edits = if word.len() >= 8 { 2 } else { 1 };
        if !within_edits(word, "CLASSIFIED", edits) {
            return None;
        }
        r
    };
    Some(
        rest.trim_start_matches([':', ';', ',', ' ', '\t'])
            .trim_end_blanks(),
    )
}

/// `REF:` and the other words the format uses for it (`REFS`, `REFTEL`,
/// `REFTELS`, `REF(S)`, `REFERENCE`, `REFERENCES`; the cable format guide,
/// §1c), one letter damaged in the longer ones; `REF A. ...` without a
/// colon when a label or a station follows.
fn reference<'t>(word: &str, after: &'t str) -> Option<&'t str> {
    const FORMS: [&str; 6] = [
        "REF",
        "REFS",
        "REFTEL",
        "REFTELS",
        "REFERENCE",
        "REFERENCES",
    ];
    let mut after = after;
    if let Some(r) = after
        .strip_prefix("(S)")
        .or_else(|| after.strip_prefix("(s)"))
    {
        after = r;
    }
    let sep = sep_of(after);
    let exact = FORMS.contains(&word);
    let ok = match sep {
        Sep::Colon | Sep::Dot => {
            exact || (word.len() >= 6 && FORMS.iter().any(|f| f.len() >= 6 && near(word, f)))
        }
        Sep::Blank => word == "REF" && looks_like_ref_start(after),
        _ => false,
    };
    ok.then(|| after.trim_start_matches([':', ';', ',', '.']).trim_blanks())
}

/// `REF A. ...` without a colon: the next thing is a label or a station.
fn looks_like_ref_start(rest: &str) -> bool {
    let r = rest.trim_start_blanks();
    let b = r.as_bytes();
    // `REF (A) MADRID 3785`: a parenthesised item label.
    if b.first() == Some(&b'(')
        && b.get(1).is_some_and(u8::is_ascii_uppercase)
        && b.get(2) == Some(&b')')
    {
        return true;
    }
    b.first().is_some_and(|c| c.is_ascii_uppercase())
        && (b.get(1).is_some_and(|c| matches!(c, b'.' | b')')) || r.split_whitespace().count() >= 2)
}

/// Where a label starts inside a line that a rendering collapsed
/// (`E.O. 12958: DECL: X TAGS: PREL SUBJECT: Y`, `... VISIT TO
/// LIMAClassified By: ...`): at a word after a blank, written in capitals
/// or capitalised, whose label is followed by a colon (E.O. and
/// `Classified By` by their own shape); or at a capitalised label word
/// glued to capitals before it. Returns the byte offsets, in order.
pub(crate) fn inline_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 1;
    while i < b.len() {
        let Some(&c) = b.get(i) else { break };
        let prev = b.get(i - 1).copied().unwrap_or(b' ');
        let after_blank = prev == b' ' || prev == b'\t';
        // `LIMAClassified`: a capital after a capital, then lower case.
        let glued = prev.is_ascii_uppercase()
            && c.is_ascii_uppercase()
            && b.get(i + 1).is_some_and(u8::is_ascii_lowercase);
        if (after_blank || glued)
            && c.is_ascii_alphabetic()
            && could_start_label(b, i)
            && !cut_tag_code(text, i)
        {
            let rest = text.get(i..).unwrap_or("");
            if inline_label(rest, glued) {
                out.push(i);
            }
        }
        i += 1;
    }
    out
}

/// Whether the word at `i` is the rest of a TAGS code cut by a blank
/// after its first letter (`P REF`: the subject code `PREF`, not a REF
/// label): a lone capital before it, and the two make a code of the
/// vocabulary.
fn cut_tag_code(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let lone = i >= 2
        && b.get(i - 2).is_some_and(u8::is_ascii_uppercase)
        && (i < 3
            || b.get(i - 3)
                .is_some_and(|c| matches!(c, b' ' | b',' | b':')));
    if !lone {
        return false;
    }
    let end = b
        .iter()
        .skip(i)
        .position(|c| !c.is_ascii_alphabetic())
        .map_or(b.len(), |k| i + k);
    let code = format!(
        "{}{}",
        char::from(b[i - 2]),
        text.get(i..end).unwrap_or("").to_ascii_uppercase()
    );
    super::tags::vocabulary_kind(&code).is_some()
}

/// A cheap test before [`inline_label`]: a label in the middle of a line
/// is a word followed by a colon-like separator (`(S)` allowed between),
/// an E.O. (`E`), or a word followed by `BY` (`Classified By`).
fn could_start_label(b: &[u8], i: usize) -> bool {
    let c = b.get(i).copied().unwrap_or(0);
    if c == b'E' || c == b'e' {
        return true;
    }
    let mut j = i;
    while b.get(j).is_some_and(u8::is_ascii_alphabetic) {
        j += 1;
    }
    if j - i > MAX_WORD {
        return false;
    }
    match b.get(j) {
        Some(b':' | b';' | b',') => true,
        Some(b'(') => b
            .get(j + 3)
            .is_some_and(|c| matches!(c, b':' | b';' | b',')),
        Some(b' ') => b
            .get(j + 1..j + 3)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"BY")),
        _ => false,
    }
}

/// Whether a label starts `rest` in the middle of a line.
fn inline_label(rest: &str, glued: bool) -> bool {
    let Some(f) = label(rest) else {
        return false;
    };
    let word_end = rest
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let word = rest.get(..word_end).unwrap_or("");
    let capitals = word.bytes().all(|b| b.is_ascii_uppercase());
    let capitalised = word.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && word.bytes().skip(1).all(|b| b.is_ascii_lowercase());
    match f.label {
        Label::ExecutiveOrder | Label::ClassifiedBy => capitals || capitalised,
        // `DECL:` inside an E.O. line belongs to it.
        Label::Decl => false,
        _ if glued => capitalised && colon_after(rest, word_end),
        _ => (capitals || capitalised) && colon_after(rest, word_end),
    }
}

/// Whether a colon-like separator follows the word ending at `end`.
fn colon_after(rest: &str, end: usize) -> bool {
    let after = rest.get(end..).unwrap_or("");
    let after = after
        .strip_prefix("(S)")
        .or_else(|| after.strip_prefix("(s)"))
        .unwrap_or(after);
    sep_of(after) == Sep::Colon
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(t: &str) -> Option<(Label, &str)> {
        label(t).map(|f| (f.label, f.rest))
    }

    #[test]
    fn label_shapes() {
        use Label::*;
        for (t, want) in [
            ("TAGS: PREL", Some((Tags, "PREL"))),
            ("Tags PREL", Some((Tags, "PREL"))),
            ("TGS: PREL", Some((Tags, "PREL"))),
            ("TAGES; PREL", Some((Tags, "PREL"))),
            ("TASG: PREL", Some((Tags, "PREL"))),
            ("TAGSS,PREL", Some((Tags, "PREL"))),
            ("SUBJECT: A VISIT", Some((Subject, "A VISIT"))),
            ("SUBJECT", Some((Subject, ""))),
            ("SUBJ: A VISIT", Some((Subject, "A VISIT"))),
            ("SUBJET: A VISIT", Some((Subject, "A VISIT"))),
            ("SUBJECT:A VISIT", Some((Subject, "A VISIT"))),
            ("SUBJECCT; A VISIT", Some((Subject, "A VISIT"))),
            ("REF: A. STATE 1", Some((Ref, "A. STATE 1"))),
            ("REF(S): A", Some((Ref, "A"))),
            ("REFTELS: A", Some((Ref, "A"))),
            ("REFTLE: A", Some((Ref, "A"))),
            ("Ref. A", Some((Ref, "A"))),
            ("REF A. STATE 1", Some((Ref, "A. STATE 1"))),
            ("Classified By: Jane Roe", Some((ClassifiedBy, "Jane Roe"))),
            ("CLASSIFIED BY JANE ROE", Some((ClassifiedBy, "JANE ROE"))),
            ("Clasified by: Jane Roe", Some((ClassifiedBy, "Jane Roe"))),
            ("CLASSIFEID BY: X", Some((ClassifiedBy, "X"))),
            ("CLASSIFIEDBY: X", Some((ClassifiedBy, "X"))),
            ("(U) Classified By: X", Some((ClassifiedBy, "X"))),
            (
                "E.O. 12958: DECL: X",
                Some((ExecutiveOrder, "12958: DECL: X")),
            ),
            ("E.0. 12958: N/A", Some((ExecutiveOrder, "12958: N/A"))),
            ("EO 12958 DECL", Some((ExecutiveOrder, "12958 DECL"))),
            ("DECL: 01/01/2019", Some((Decl, "01/01/2019"))),
            ("TAGSJC AEMR, AFSP", Some((Tags, "AEMR, AFSP"))),
            ("TAGSX PREL", Some((Tags, "PREL"))),
            // Blanks before the colon; a dash for it.
            ("TAGS : PREL", Some((Tags, "PREL"))),
            ("TAGS- PREL", Some((Tags, "PREL"))),
            ("SUBJECT - A VISIT", Some((Subject, "A VISIT"))),
            ("SUBJ : A VISIT", Some((Subject, "A VISIT"))),
            ("SUBJECT -- A VISIT", Some((Subject, "A VISIT"))),
            // The label glued to its text; `SUBJ` before a blank; a stop.
            ("TAGSPREL PGOV EC", Some((Tags, "PREL PGOV EC"))),
            ("SUBJECTTHE PLAN", Some((Subject, "THE PLAN"))),
            ("SUBJ THE PLAN", Some((Subject, "THE PLAN"))),
            ("SUBJECT. THE PLAN", Some((Subject, "THE PLAN"))),
        ] {
            assert_eq!(l(t), want, "{t}");
        }
        for t in [
            "TAGSX",
            "TAGSJC AND THE MINISTER",
            "TAGSXYZ PREL",
            "TGS PREL",
            "SUBJECTS",
            "TO AMEMBASSY LIMA",
            "EOD",
            "Subjects of the talks were",
            "The tags were",
            "REFUSED: X",
            "CLASSIFIED DOCUMENTS",
            "REFERRED TO",
            "SUBJECT-MATTER EXPERTS",
            "SUBJECTIVE VIEWS OF THE TALKS",
            "SUBJECTED TO DELAYS",
            "Subjects of the talks",
            "TAGSTER PGOV",
        ] {
            assert_eq!(l(t), None, "{t}");
        }
    }

    #[test]
    fn inline() {
        let t = "E.O. 12958: DECL: 01/07/2014 Tags: prel, pgov Subject: A VISIT";
        let at = inline_starts(t);
        let words: Vec<&str> = at.iter().map(|&i| &t[i..i + 4]).collect();
        assert_eq!(words, ["Tags", "Subj"]);
        let t = "SUBJECT: A VISIT TO LIMAClassified By: Jane Roe";
        let at = inline_starts(t);
        assert_eq!(at.len(), 1);
        assert!(t[at[0]..].starts_with("Classified"));
        assert!(inline_starts("1. The subjects: trade and more").is_empty());
        // `P REF,` is the code `PREF` cut by a blank, no REF label; a
        // REF label after a word stays one.
        assert!(inline_starts("TAGS: RS, P REF, VE").is_empty());
        // `REF (A) LIMA 12` without a colon: a parenthesised item label.
        assert_eq!(l("REF (A) LIMA 12"), Some((Label::Ref, "(A) LIMA 12")));
        assert_eq!(l("REF (THE TEXT)"), None);
        let t = "TAGS: PREL SUBJECT: A VISIT REF: LIMA 12";
        assert_eq!(inline_starts(t).len(), 2);
    }
}
