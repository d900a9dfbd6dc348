//! The cable's own evidence for an acronym: a word of the subject that
//! the mixed-case body writes in capitals between words that are not
//! (`The TEC said the goal was near` keeps `TEC SETS A GOAL` as `TEC Sets
//! a Goal`, not `Tec Sets a Goal`); a run of capitals (`ACTION REQUEST:`)
//! is emphasis, and a body written in capitals proves nothing.

use std::collections::BTreeSet;

use super::acronyms::is_acronym;
use super::{Case, SMALL_WORDS, written_case};

/// The words of `subject` that the cable's body writes in capitals inside
/// mixed-case text: `MTCR` in `the MTCR partners agreed`. Only words of
/// two or more letters; a body written in capitals proves nothing.
pub(crate) fn body_capitals(subject: &str, body: &[cable_model::Block]) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    // A subject in mixed case is not title-cased; words that are
    // acronyms by rule need no evidence.
    if subject.chars().any(char::is_lowercase) && written_case(subject) == Case::Mixed {
        return found;
    }
    let none = BTreeSet::new();
    // Acronyms are short: words of two to seven letters are looked for.
    let wanted: Vec<String> = subject
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| (2..=7).contains(&w.chars().filter(|c| c.is_alphabetic()).count()))
        .map(str::to_uppercase)
        .filter(|w| !is_acronym(w, &none) && !SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    if wanted.is_empty() {
        return found;
    }
    let finders: Vec<memchr::memmem::Finder<'_>> = wanted
        .iter()
        .map(|w| memchr::memmem::Finder::new(w.as_bytes()))
        .collect();
    // Each wanted word is searched for (a vectorised search per word);
    // only where it occurs are its neighbours looked at: a word in capitals
    // between words that are not (a run of capitals such as `ACTION
    // REQUEST:` is emphasis, not an acronym), in a text holding lower case.
    let caps = |w: &[u8]| {
        w.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2
            && !w.iter().any(u8::is_ascii_lowercase)
    };
    let mut visit = |text: &str| {
        let b = text.as_bytes();
        let mut mixed: Option<bool> = None;
        for (w, finder) in wanted.iter().zip(&finders) {
            for at in finder.find_iter(b) {
                let end = at + w.len();
                let alnum = |k: Option<&u8>| k.is_some_and(u8::is_ascii_alphanumeric);
                if alnum(at.checked_sub(1).and_then(|k| b.get(k))) || alnum(b.get(end)) {
                    continue;
                }
                if !*mixed.get_or_insert_with(|| b.iter().any(u8::is_ascii_lowercase)) {
                    return;
                }
                // `WHO/PAHO`: words joined by a slash are one name; its
                // neighbours are the words around the whole of it.
                let (at, end) = slash_joined(b, at, end);
                let before = b.get(..at).unwrap_or(&[]);
                let prev = before
                    .split(|c| !c.is_ascii_alphanumeric())
                    .rfind(|x| !x.is_empty());
                let after = b.get(end..).unwrap_or(&[]);
                let next = after
                    .split(|c| !c.is_ascii_alphanumeric())
                    .find(|x| !x.is_empty());
                if !prev.is_some_and(caps) && !next.is_some_and(caps) {
                    found.insert(w.clone());
                    break;
                }
            }
        }
    };
    walk_text(body, &mut visit);
    found
}

/// The span of the words joined by slashes to the word at `at..end` of
/// `b` (`WHO/PAHO`, `UN/AU/OAS`): the whole of `met WHO/PAHO staff`'s
/// middle word. A name is short: the span grows at most [`SLASH_SPAN`]
/// bytes each way (a body of a million `WHO/WHO/...` stays linear), and a
/// longer chain's neighbours are its own words.
fn slash_joined(b: &[u8], at: usize, end: usize) -> (usize, usize) {
    let word = |k: Option<&u8>| k.is_some_and(u8::is_ascii_alphanumeric);
    let (mut from, mut to) = (at, end);
    while from >= 2 && b.get(from - 1) == Some(&b'/') && word(b.get(from - 2)) {
        let mut k = from - 1;
        while k > 0 && word(b.get(k - 1)) && at - (k - 1) <= SLASH_SPAN {
            k -= 1;
        }
        if word(b.get(k.wrapping_sub(1))) {
            break;
        }
        from = k;
    }
    while b.get(to) == Some(&b'/') && word(b.get(to + 1)) {
        let mut k = to + 1;
        while word(b.get(k)) && k + 1 - end <= SLASH_SPAN {
            k += 1;
        }
        if word(b.get(k)) {
            break;
        }
        to = k;
    }
    (from, to)
}

/// How far (bytes) [`slash_joined`] looks each way.
const SLASH_SPAN: usize = 64;

/// Calls `f` with each text of the blocks, without recursion.
fn walk_text(blocks: &[cable_model::Block], f: &mut impl FnMut(&str)) {
    use cable_model::Block;
    let mut stack: Vec<&[Block]> = vec![blocks];
    while let Some(bs) = stack.pop() {
        for b in bs {
            match b {
                Block::Paragraph(p) => {
                    f(&p.text);
                    stack.push(&p.children);
                }
                Block::Text(t) => f(t),
                Block::List(l) => {
                    for i in &l.items {
                        f(&i.text);
                        stack.push(&i.children);
                    }
                }
                Block::Heading(h) => f(&h.text),
                Block::Note(n) => stack.push(&n.blocks),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::titlefy::{titlefy, titlefy_with};

    #[test]
    fn body_acronyms() {
        use cable_model::{Block, Paragraph};
        let body = vec![Block::Paragraph(Paragraph {
            label: None,
            marking: None,
            text: "The TEC said the goal was near; ACTION REQUEST: the ministry agreed.".into(),
            children: Vec::new(),
        })];
        let caps = body_capitals("TEC SETS A GOAL ON THE REQUEST", &body);
        assert_eq!(
            titlefy_with("TEC SETS A GOAL ON THE REQUEST", &caps),
            "TEC Sets a Goal on the Request"
        );
        // Without the body, no rule of shape knows `TEC` (`GOL`, a
        // government, is known by its own rule).
        assert_eq!(titlefy("TEC SETS A GOAL"), "Tec Sets a Goal");
        assert_eq!(titlefy("GOL SETS A GOAL"), "GOL Sets a Goal");
    }

    #[test]
    fn body_acronym_joined_by_a_slash() {
        use cable_model::{Block, Paragraph};
        let para = |text: &str| {
            vec![Block::Paragraph(Paragraph {
                label: None,
                marking: None,
                text: text.into(),
                children: Vec::new(),
            })]
        };
        let subject = "WHO/PAHO FUNDING FOR THE CLINICS";
        // `PAHO` beside `WHO` is no run of capitals: the slash joins one
        // name, whose neighbours are `met` and `staff`.
        let caps = body_capitals(subject, &para("The team met WHO/PAHO staff."));
        assert_eq!(
            titlefy_with(subject, &caps),
            "WHO/PAHO Funding for the Clinics"
        );
        // A run of capitals around the joined name is still emphasis.
        let caps = body_capitals(
            subject,
            &para("PLEASE NOTE WHO/PAHO STAFF: the team met them."),
        );
        assert_eq!(
            titlefy_with(subject, &caps),
            "Who/PAHO Funding for the Clinics"
        );
    }
}
