//! `XMT` ("except"): stations a collective addressee does not go to.
//!
//! ```text
//! TO ALL AMERICAN REPUBLIC DIPLOMATIC POSTS IMMEDIATE
//! INFO ALL DIPLOMATIC AND CONSULAR POSTS PRIORITY
//! XMT USINT HAVANA
//! AMEMBASSY BELGRADE
//!   -> info "ALL DIPLOMATIC AND CONSULAR POSTS",
//!      excluded ["USINT HAVANA", "AMEMBASSY BELGRADE"]
//! INFO ALL DIPLOMATIC POSTS XMT USINT HAVANA   (collapsed onto one line)
//!   -> info "ALL DIPLOMATIC POSTS", excluded ["USINT HAVANA"]
//! ```
//!
//! An `XMT` line, and every line after it until the next block (`TO`,
//! `INFO`, the banner, a blank line), names one station. The stations go to
//! the last addressee of the block the `XMT` follows; after an `INFO` with
//! no addressee of its own (`INFO XMT USINT HAVANA`), to the last `TO`
//! addressee. A station that follows no addressee at all is kept in a
//! `malformed-addressee` diagnostic.

use crate::blanks::Blanks;

use super::routing::addressee;
use super::{Header, Open};
use cable_model::Code;

/// The prosign.
const XMT: &str = "XMT";

/// Cuts an addressee line at its `XMT` word: the text before it, and the
/// text after it when the word is there. `ALL DIPLOMATIC POSTS XMT USINT
/// HAVANA` -> (`ALL DIPLOMATIC POSTS`, `Some("USINT HAVANA")`); `XMT` alone
/// -> (``, `Some("")`); a word that only contains the letters (`XMTS`) is
/// not the prosign.
pub(super) fn split(t: &str) -> (&str, Option<&str>) {
    let blank_or_edge = |s: Option<char>| s.is_none_or(|c| c.is_whitespace());
    for (at, _) in t.match_indices(XMT) {
        let before = t.get(..at).unwrap_or("");
        let after = t.get(at + XMT.len()..).unwrap_or("");
        if blank_or_edge(before.chars().next_back()) && blank_or_edge(after.chars().next()) {
            return (before.trim_end_blanks(), Some(after.trim_blanks()));
        }
    }
    (t, None)
}

/// `XMT` or `XMT USINT HAVANA` at the start of a line: the text after the
/// prosign.
pub(super) fn line(t: &str) -> Option<&str> {
    match split(t) {
        ("", after) => after,
        _ => None,
    }
}

impl Header<'_, '_> {
    /// One excluded station, `USINT HAVANA`, named as an addressee is
    /// (route, precedence and serial taken off, blanks made single).
    pub(super) fn exclude(&mut self, text: &str, no: Option<u32>) {
        let Some(name) = addressee(text).map(|a| a.name) else {
            return;
        };
        let routing = &mut self.cx.cable.routing;
        let target = match self.addressee_block {
            Open::Info if !routing.info.is_empty() => routing.info.last_mut(),
            Open::To | Open::Info => routing.to.last_mut(),
            _ => None,
        };
        match target {
            Some(a) => a.excluded.push(name),
            None => self.cx.diag(
                Code::MalformedAddressee,
                no,
                format!("XMT {name:?}: a station excluded from no addressee"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `routing` (the lines between the DTG and the banner of a
    /// minimal cable) and compares each `TO` and `INFO` addressee's name
    /// and excluded stations, and the stations kept in diagnostics.
    fn check(routing: &str, to: &[(&str, &[&str])], info: &[(&str, &[&str])], orphans: &[&str]) {
        let text = format!(
            "R 101200Z JAN 85\nFM SECSTATE WASHDC\n{routing}\nUNCLAS STATE 004321\n\n\
             E.O. 12356: N/A\nTAGS: PREL\nSUBJECT: A TEST\n\n1. Text.\n"
        );
        let cable = crate::parse(&text);
        let got = |list: &[cable_model::Addressee]| -> Vec<(String, Vec<String>)> {
            list.iter()
                .map(|a| (a.name.clone(), a.excluded.clone()))
                .collect()
        };
        let want = |list: &[(&str, &[&str])]| -> Vec<(String, Vec<String>)> {
            list.iter()
                .map(|(n, x)| ((*n).to_owned(), x.iter().map(|s| (*s).to_owned()).collect()))
                .collect()
        };
        assert_eq!(got(&cable.routing.to), want(to), "TO of {routing:?}");
        assert_eq!(got(&cable.routing.info), want(info), "INFO of {routing:?}");
        let kept: Vec<&str> = cable
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::MalformedAddressee)
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(kept.len(), orphans.len(), "{routing:?}: {kept:?}");
        for (m, o) in kept.iter().zip(orphans) {
            assert!(m.contains(o), "{routing:?}: {m:?} does not name {o:?}");
        }
    }

    #[test]
    fn stations_go_to_the_last_addressee_of_their_block() {
        check(
            "TO ALL POSTS\nXMT AMEMBASSY OSLO\nAMEMBASSY ROME\nINFO AMEMBASSY PARIS\nALL CONSULATES\nXMT AMCONSUL LYON",
            &[("ALL POSTS", &["AMEMBASSY OSLO", "AMEMBASSY ROME"])],
            &[
                ("AMEMBASSY PARIS", &[]),
                ("ALL CONSULATES", &["AMCONSUL LYON"]),
            ],
            &[],
        );
    }

    #[test]
    fn a_bare_xmt_line_opens_the_block() {
        check(
            "TO ALL POSTS PRIORITY\nXMT\nAMEMBASSY OSLO,\nAMEMBASSY  ROME",
            &[("ALL POSTS", &["AMEMBASSY OSLO", "AMEMBASSY ROME"])],
            &[],
            &[],
        );
    }

    #[test]
    fn an_info_block_without_addressees_excludes_from_the_to_block() {
        check(
            "TO ALL POSTS\nINFO XMT AMEMBASSY OSLO",
            &[("ALL POSTS", &["AMEMBASSY OSLO"])],
            &[],
            &[],
        );
    }

    #[test]
    fn the_block_ends_at_a_blank_line_or_mixed_case() {
        // After the blank line, `AMEMBASSY ROME` is no station (a handling
        // line); the lower-case line is not one either.
        check(
            "TO ALL POSTS\nXMT AMEMBASSY OSLO\n\nPASS TO AMEMBASSY ROME",
            &[("ALL POSTS", &["AMEMBASSY OSLO"])],
            &[],
            &[],
        );
        check(
            "TO ALL POSTS\nXMT AMEMBASSY OSLO\nPlease pass to all posts",
            &[("ALL POSTS", &["AMEMBASSY OSLO"])],
            &[],
            &[],
        );
    }

    #[test]
    fn stations_before_any_addressee_are_kept_in_a_diagnostic() {
        check(
            "XMT AMEMBASSY OSLO\nAMEMBASSY ROME\nTO ALL POSTS",
            &[("ALL POSTS", &[])],
            &[],
            &["AMEMBASSY OSLO", "AMEMBASSY ROME"],
        );
    }

    #[test]
    fn splits() {
        let check = |t: &str, want: (&str, Option<&str>)| assert_eq!(split(t), want, "{t:?}");
        check("ALL DIPLOMATIC POSTS", ("ALL DIPLOMATIC POSTS", None));
        check(
            "ALL DIPLOMATIC POSTS XMT USINT HAVANA",
            ("ALL DIPLOMATIC POSTS", Some("USINT HAVANA")),
        );
        check(
            "ALL POSTS PRIORITY  XMT\tUSINT HAVANA ",
            ("ALL POSTS PRIORITY", Some("USINT HAVANA")),
        );
        check("XMT USINT HAVANA", ("", Some("USINT HAVANA")));
        check("XMT", ("", Some("")));
        check("ALL POSTS XMT", ("ALL POSTS", Some("")));
        check("AMEMBASSY XMTVILLE", ("AMEMBASSY XMTVILLE", None));
        check("SXMT XMTS", ("SXMT XMTS", None));
        assert_eq!(line("XMT USINT HAVANA"), Some("USINT HAVANA"));
        assert_eq!(line("ALL POSTS XMT USINT HAVANA"), None);
    }
}
