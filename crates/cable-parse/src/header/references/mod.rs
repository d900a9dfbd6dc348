//! REF: `REF: A. STATE 4690 B. 08 STATE 129729`, `REFS: (A) 05 SAO PAULO
//! 405; (B) ...`, `REFTEL: RIO DE JANEIRO 1118`, e-mails, telcons, memos
//! and documents, labels `A.` `A)` `(A)`, years written before or after the
//! serial or inherited from the citing cable.

mod citations;
mod kinds;
mod labels;

use crate::ids;
use cable_model::{Reference, ReferenceKind};
use citations::{Citation, citations, is_stop};
use kinds::{cites_before_dtg, dtg_year, kind_of};
use labels::{items, relabelled};
use regex::Regex;
use std::sync::LazyLock;

pub(super) use labels::{
    continues_labels, continues_numbers, incomplete_tail, last_letter_label, last_numbered_label,
    starts_with_label,
};

/// Page headers and classification lines that a rendering left inside a
/// REF block: `SAO PAULO 00000161 001.3 OF 005`, `CONFIDENTIAL\nPAGE 02
/// ROME 01196 01 OF 02 082030Z`.
static PAGE_DEBRIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?-u:\b)[A-Z][A-Z .'-]{1,40} \d{8} {1,3}\d{3}(?:\.\d)? OF \d{3}(?-u:\b))|(?:(?:(?-u:\b)(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s*(?:\\n)?\s*PAGE|(?-u:\b)PAGE) \d{2,3} [A-Z][A-Z .]{1,30} \d{2,6}(?: \d{2} OF \d{2})?(?: \d{6}Z)?)",
    )
    .expect("valid regex")
});

/// Result of reading a REF block.
#[derive(Debug, Default)]
pub(crate) struct RefNotes {
    /// Some cited cable took the citing cable's year.
    pub(crate) inherited: bool,
    /// Items that were neither a cable nor a known document kind.
    pub(crate) unreadable: Vec<String>,
}

/// The serial of an item that holds a serial alone, perhaps with words
/// that end a citation after it (`456`, `2962 AND PREVIOUS`, `0456
/// (NOTAL)`): two to six digits.
fn serial_alone(item: &str) -> Option<&str> {
    let mut words = item.split_whitespace();
    let serial = words.next()?;
    let rest_ends = words.all(|w| {
        let w = w.trim_matches(|c: char| matches!(c, '(' | ')' | '.' | ',' | ';'));
        w.is_empty() || is_stop(&w.to_ascii_uppercase())
    });
    ((2..=6).contains(&serial.len()) && serial.bytes().all(|b| b.is_ascii_digit()) && rest_ends)
        .then_some(serial)
}

/// An item's text with runs of white space made one blank and the
/// separators around it trimmed: `  B. STATE\n  1234 ;` -> `STATE 1234`.
/// Borrowed when the item is clean already (a REF block's wrapped lines
/// are joined with single blanks).
fn clean(item: &str) -> std::borrow::Cow<'_, str> {
    let trim = |t: &str| -> usize {
        t.len()
            - t.trim_matches(|c: char| c == ';' || c == ',' || c == '¶' || c.is_whitespace())
                .len()
    };
    let t = item.trim_matches(|c: char| c == ';' || c == ',' || c == '¶' || c.is_whitespace());
    let b = t.as_bytes();
    let single_blanks = !b
        .windows(2)
        .any(|w| w[0].is_ascii_whitespace() && w[1].is_ascii_whitespace())
        && !b.iter().any(|c| c.is_ascii_whitespace() && *c != b' ')
        && t.is_ascii();
    if single_blanks {
        return t.into();
    }
    let mut out = String::with_capacity(t.len());
    for w in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    let cut = trim(&out);
    if cut > 0 {
        out = out
            .trim_matches(|c: char| c == ';' || c == ',' || c == '¶' || c.is_whitespace())
            .to_owned();
    }
    out.into()
}

/// Reads the joined text of a REF block. `year` is the citing cable's year.
pub(crate) fn references(
    text: &str,
    year: Option<u16>,
    stations: &mut crate::stations::Resolver,
    notes: &mut RefNotes,
) -> Vec<Reference> {
    // Room for every reference at once: a block of a million references
    // would otherwise end its growth with twice the room it needs. The
    // serials (runs of three digits or more) bound the cable citations.
    let serials = text
        .as_bytes()
        .split(|b| !b.is_ascii_digit())
        .filter(|run| run.len() >= 3)
        .count();
    if cites_nothing(text) {
        return Vec::new();
    }
    let text = match super::labels::without_repeated(text, super::labels::Label::Ref) {
        // `REF: REF:` with nothing after it cites nothing new.
        "" => text,
        rest => rest,
    };
    let mut block = RefBlock {
        year,
        stations,
        notes,
        out: Vec::with_capacity(serials.min(text.len() / 4) + 8),
        previous: None,
    };
    let text = PAGE_DEBRIS.replace_all(text, " ");
    let text = match relabelled(&text) {
        Some(t) => std::borrow::Cow::Owned(t),
        None => text,
    };
    for (label, item) in block_items(&text) {
        block.item(label, item);
    }
    let mut out = block.out;
    out.shrink_to_fit();
    out
}

/// `REF: NONE`, `REF: N/A`: the cable cites nothing.
fn cites_nothing(text: &str) -> bool {
    let bare = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ';' | ','));
    ["NONE", "N/A", "NA", "NIL", "NOT APPLICABLE"]
        .iter()
        .any(|w| bare.eq_ignore_ascii_case(w))
}

/// The labelled items of a block ([`items`]); a block without labels is
/// split at `;`: `08 STATE 1234; E-Mail Tralala; 05 STATE 1234`.
fn block_items(text: &str) -> Vec<(Option<char>, &str)> {
    let mut list = items(text);
    if list.len() == 1 && list.first().is_some_and(|(l, _)| l.is_none()) {
        list = list
            .into_iter()
            .flat_map(|(_, item)| item.split(';').map(|p| (None, p)))
            .collect();
    }
    list
}

/// What [`references`] knows while it reads the items of a block.
struct RefBlock<'r> {
    /// The citing cable's year.
    year: Option<u16>,
    stations: &'r mut crate::stations::Resolver,
    notes: &'r mut RefNotes,
    /// The references read so far.
    out: Vec<Reference>,
    /// The year (as written) and station of the last citation.
    previous: Option<(Option<u16>, String)>,
}

impl RefBlock<'_> {
    /// One item of the block: a document of a kind [`kind_of`] knows, or
    /// cables (`STATE 12345 DTG 121212Z DEC 09`: a cable of the DTG's
    /// year).
    fn item(&mut self, label: Option<char>, item: &str) {
        let clean = clean(item);
        if clean.is_empty() {
            return;
        }
        let mut dtg_year_of_item = None;
        let kind = match kind_of(&clean) {
            ReferenceKind::Other if cites_before_dtg(&clean) => {
                dtg_year_of_item = dtg_year(&clean);
                ReferenceKind::Cable
            }
            k => k,
        };
        if kind != ReferenceKind::Cable {
            self.out.push(Reference {
                label,
                kind,
                id: None,
                text: clean.into_owned(),
            });
            return;
        }
        self.cables(label, clean, dtg_year_of_item);
    }

    /// An item that cites cables: `LIMA 123`, `BRASILIA 2799 AND 2764`, a
    /// serial alone after a citation (`A. LIMA 123 B. 456`), or none it can
    /// read (kept as an unreadable item). One citation: the item is its
    /// text. Several: each keeps the words that cite it (`BRASILIA 2799`,
    /// `2764`), so an item of a million citations is not copied a million
    /// times.
    fn cables(&mut self, label: Option<char>, clean: std::borrow::Cow<'_, str>, dtg: Option<u16>) {
        let first = self.out.len();
        let mut cited = 0usize;
        // `A. LIMA 123 B. 456`: an item of a serial alone cites the
        // station (and the year, as written) of the citation before it.
        let alone = match (serial_alone(&clean), &self.previous) {
            (Some(serial), Some((y, st))) => Some(Citation {
                year: *y,
                station: st.clone(),
                serial: serial.to_owned(),
                start: 0,
                end: serial.len(),
            }),
            _ => None,
        };
        let mut cite = |c: Citation| {
            cited += 1;
            self.cable(label, &clean, dtg, c);
        };
        match alone {
            Some(c) => cite(c),
            None => citations(&clean, &mut cite),
        }
        match cited {
            0 => {
                self.notes.unreadable.push(clean.to_string());
                self.out.push(Reference {
                    label,
                    kind: ReferenceKind::Other,
                    id: None,
                    text: clean.into_owned(),
                });
            }
            1 => {
                if let Some(r) = self.out.get_mut(first) {
                    r.text = clean.into_owned();
                }
            }
            _ => {}
        }
    }

    /// The reference of citation `c` of the item `clean`: its year as
    /// written, else the item's DTG's (`dtg`), else the citing cable's
    /// (inherited).
    fn cable(&mut self, label: Option<char>, clean: &str, dtg: Option<u16>, c: Citation) {
        self.previous = Some((c.year, c.station.clone()));
        let y = c.year.or(dtg).or_else(|| {
            self.notes.inherited = true;
            self.year
        });
        let id = y.and_then(|y| ids::make_id(self.stations, y, &c.station, &c.serial));
        self.out.push(Reference {
            label,
            kind: ReferenceKind::Cable,
            id,
            text: clean.get(c.start..c.end).unwrap_or("").to_owned(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str, year: u16) -> Vec<String> {
        references(
            text,
            Some(year),
            &mut Default::default(),
            &mut RefNotes::default(),
        )
        .into_iter()
        .filter_map(|r| r.id.map(|i| i.to_string()))
        .collect()
    }

    /// 06PARIS1031's rendering: a label of the page's own before every
    /// line of a block whose items carry `(A)`, `(B)`; a line without one
    /// continues the item before it.
    #[test]
    fn regression_relabelled_block_lines() {
        let mut st = crate::stations::Resolver::default();
        let mut notes = RefNotes::default();
        let refs = references(
            "A. (A) QUITO DAILY REPORT FOR FEBRUARY 17 ¶B. 2006 ¶C. (B) QUITO DAILY REPORT \
             FOR FEBRUARY 10 ¶D. (C) QUITO DAILY REPORT FOR DECEMBER 19 ¶E. 2005",
            Some(2006),
            &mut st,
            &mut notes,
        );
        let got: Vec<(Option<char>, &str)> =
            refs.iter().map(|r| (r.label, r.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (Some('A'), "QUITO DAILY REPORT FOR FEBRUARY 17 2006"),
                (Some('B'), "QUITO DAILY REPORT FOR FEBRUARY 10"),
                (Some('C'), "QUITO DAILY REPORT FOR DECEMBER 19 2005"),
            ]
        );
        // A block whose labels agree with the items' is left as it is.
        assert_eq!(
            relabelled("A. (A) STATE 1 B. (B) STATE 2 C. (C) STATE 3"),
            None
        );
    }

    /// `REF: NONE` cites nothing; `REF: REF (A) ...` (the 2005 Madrid
    /// cablegate page's label written twice) is no reference `REF`.
    /// A cable cited with its DTG is a cable of the DTG's year; a military
    /// message cited by its DTG is none.
    #[test]
    fn citation_with_its_dtg() {
        assert_eq!(
            ids("STATE 12345 DTG 121212Z DEC 09", 2010),
            ["09STATE12345"]
        );
        assert_eq!(ids("A. ROME 402 (DTG 020900Z MAR 10)", 2010), ["10ROME402"]);
        assert!(ids("CJTF-HOA MSG DTG 051200Z MAR 10", 2010).is_empty());
        assert!(ids("USCENTCOM MSG 051200Z MAR 10", 2010).is_empty());
    }

    #[test]
    fn regression_none_and_repeated_label() {
        let all = |text: &str| {
            references(
                text,
                Some(2005),
                &mut Default::default(),
                &mut RefNotes::default(),
            )
            .into_iter()
            .map(|r| r.text)
            .collect::<Vec<_>>()
        };
        assert!(all("NONE ").is_empty());
        assert!(all("N/A.").is_empty());
        assert_eq!(
            all("REF (A) LIMA 3785 (B) LIMA 3566"),
            ["LIMA 3785", "LIMA 3566"]
        );
        assert_eq!(all("REFTEL: LIMA 3785"), ["LIMA 3785"]);
        assert_eq!(all("NONE OF THE ABOVE"), ["NONE OF THE ABOVE"]);
    }

    /// 09STATE63812's `A. ASHGABAT687`: a known station glued to its
    /// serial is a cable; letters that name no station are not.
    #[test]
    fn regression_station_glued_to_serial() {
        assert_eq!(
            ids("A. QUITO687 B. 08 QUITO733", 2009),
            ["09QUITO687", "08QUITO733"]
        );
        assert!(ids("TFGG01", 2009).is_empty());
        assert!(ids("FOOBAR1234", 2009).is_empty());
    }

    #[test]
    fn refs() {
        assert_eq!(
            ids("A. STATE 4690 B. 08 STATE 129729 C. STATE 11102", 2009),
            ["09STATE4690", "08STATE129729", "09STATE11102"]
        );
        // Items numbered `1.`, `1)` as well as `(1)`: the number is a
        // label, not a serial before its station (`870 Ulaanbaatar`).
        for text in [
            "1. LIMA 123 2. 08 LIMA 456",
            "1) LIMA 123 2) 08 LIMA 456",
            "(1) LIMA 123 (2) 08 LIMA 456",
            "1. LIMA 123\n     2. 08 LIMA 456",
        ] {
            assert_eq!(ids(text, 2009), ["09LIMA123", "08LIMA456"], "{text}");
        }
        // A number ending an item is its serial.
        assert_eq!(ids("A. LIMA 1. B. LIMA 2", 2009), ["09LIMA1", "09LIMA2"]);
        // An item of a serial alone cites the station and year of the
        // citation before it; words ending a citation may follow it.
        assert_eq!(
            ids(
                "A. 08 QUITO 123 B. 0456 (NOTAL) C. LIMA 7 D. 89 AND PREVIOUS",
                2009
            ),
            ["08QUITO123", "08QUITO456", "09LIMA7", "09LIMA89"]
        );
        assert!(ids("A. 45 B. MEETING 3 APRIL", 2009).is_empty());
        // A day or year of a date is no serial (`DTD`: dated).
        assert_eq!(
            ids(
                "A. QUITO 123 DTD 12 MAR 08 B. ROE LETTER 12 MARCH 2007 C. QUITO 45",
                2009
            ),
            ["09QUITO123", "09QUITO45"]
        );
        // A date written out after a citation is no citation.
        assert_eq!(
            ids("A. QUITO 123 DATED MARCH 3, 2008 B. QUITO 45", 2009),
            ["09QUITO123", "09QUITO45"]
        );
        assert_eq!(
            ids(
                "(A) 05 SAO PAULO 405; (B) 05 SAO PAULO 402 (C) 02 BRASILIA 2670",
                2006
            ),
            ["05SAOPAULO405", "05SAOPAULO402", "02BRASILIA2670"]
        );
        assert_eq!(
            ids("SECSTATE 113408 AND SECSTATE 113635", 2005),
            ["05STATE113408", "05STATE113635"]
        );
        assert_eq!(
            ids("AMMAN 07718 99, AMMAN 05986 00", 2002),
            ["99AMMAN7718", "00AMMAN5986"]
        );
        assert_eq!(
            ids("A. BRASILIA 2799 AND 2764 B. PORT AU PRINCE 2325", 2004),
            ["04BRASILIA2799", "04BRASILIA2764", "04PORTAUPRINCE2325"]
        );
        assert_eq!(
            ids("(A)STATE 071143, (B)STATE 073601", 2007),
            ["07STATE71143", "07STATE73601"]
        );
        assert_eq!(
            ids("A Montreal 365, B Ottawa 406, C 05 Ottawa 2970", 2006),
            ["06MONTREAL365", "06OTTAWA406", "05OTTAWA2970"]
        );
        assert_eq!(
            ids(
                "(1) 2005 RIO DE JANEIRO 1143, (2) 2005 BRASILIA 03242",
                2006
            ),
            ["05RIODEJANEIRO1143", "05BRASILIA3242"]
        );
        assert_eq!(
            ids("QUITO 5; 07 QUITO 1607 07 QUITO 290", 2010),
            ["10QUITO5", "07QUITO1607", "07QUITO290"]
        );
        assert_eq!(
            ids("PRAGUE 849, PRAGUE, 1228", 2008),
            ["08PRAGUE849", "08PRAGUE1228"]
        );
        assert_eq!(
            ids("A. ROME 1 SAO PAULO 00000161 001.3 OF 005 B. ROME 2", 2007),
            ["07ROME1", "07ROME2"]
        );
        assert_eq!(ids("A) 08 RIO DE JAN 138", 2008), ["08RIODEJANEIRO138"]);
        assert_eq!(ids("KUWAIT (C)02293", 2003), ["03KUWAIT2293"]);
        // A label run into the station is a label.
        assert_eq!(
            ids("A. LIMA 100 B LIMA 200 C LIMA 300", 2009),
            ["09LIMA100", "09LIMA200", "09LIMA300"]
        );
        // Apostrophe and letter-O years, a letter O in a serial.
        assert_eq!(ids("LIMA 123 '07", 2009), ["07LIMA123"]);
        assert_eq!(ids("O7 QUITO 45", 2009), ["07QUITO45"]);
        assert_eq!(ids("QUITO O45 O8", 2009), ["08QUITO45"]);
        // A label that was not read as one before its year.
        assert_eq!(
            ids("Z. 09 STATE 26 A. 09 STATE 27", 2010),
            ["09STATE26", "09STATE27"]
        );
        assert!(incomplete_tail("(A) RIO 190 (B) Rio de Janeiro"));
        assert!(!incomplete_tail("(A) RIO 190 (B) Rio 723"));
        let continues_numbers =
            |block: &str, line: &str| continues_numbers(last_numbered_label(block), line);
        assert!(continues_numbers("1. LIMA 123", "  2. LIMA 456"));
        assert!(continues_numbers("1) LIMA 123 2) LIMA 456", "3) STATE 789"));
        assert!(!continues_numbers("1. LIMA 123", "2. (C) The minister met"));
        assert!(!continues_numbers("1. LIMA 123", "3. LIMA 456"));
        assert!(!continues_numbers("1. LIMA 123", "2) LIMA 456"));
        assert!(!continues_numbers("LIMA 123", "2. The talks went on."));
        let continues_labels =
            |block: &str, line: &str| continues_labels(last_letter_label(block), line);
        assert!(continues_labels("(A) X 1; (B) X 2;", "(C) X 3"));
        assert!(!continues_labels("(A) X 1;", "(C) X 3"));
        let r = references(
            "A. SMITH-DURHAM E MAIL OF 10-08-08 B. 2009 MTCR POC DOC 008",
            Some(2008),
            &mut Default::default(),
            &mut RefNotes::default(),
        );
        assert_eq!(r[0].kind, ReferenceKind::Email);
        assert_eq!(r[1].kind, ReferenceKind::Document);
        assert_eq!(r[1].label, Some('B'));
    }

    /// Only cable citations become cable ids: report numbers, airgrams,
    /// talking points and resolutions are documents.
    #[test]
    fn non_cable_references() {
        let r = references(
            "A. IIR 6 876 0123 09 B. A-45 C. UNSCR 1737 D. TALKING POINTS OF MAY 5 E. LIMA 12",
            Some(2009),
            &mut Default::default(),
            &mut RefNotes::default(),
        );
        let kinds: Vec<_> = r.iter().map(|r| (r.kind, r.id.is_some())).collect();
        assert_eq!(
            kinds,
            [
                (ReferenceKind::Document, false),
                (ReferenceKind::Document, false),
                (ReferenceKind::Document, false),
                (ReferenceKind::Document, false),
                (ReferenceKind::Cable, true),
            ]
        );
    }

    /// Several citations in one item each keep their own words, not a
    /// copy of the whole item.
    #[test]
    fn citation_texts() {
        let r = references(
            "A. BRASILIA 2799 AND 2764, 08 LIMA 5",
            Some(2009),
            &mut Default::default(),
            &mut RefNotes::default(),
        );
        let texts: Vec<_> = r.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["BRASILIA 2799", "2764", "08 LIMA 5"]);
    }
}
