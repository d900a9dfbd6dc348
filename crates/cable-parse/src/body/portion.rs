//! Portion markings after a paragraph label: `(U)`, `(C)`, `(S/NF)`,
//! `(C/REL MTCR)`, `(SBU)`, `(LOU)`, `(S//NF)`, `(SBU/N)`.

use crate::blanks::Blanks;

use cable_model::{Caveat, Level, Marking};

/// Reads the inside of a portion marking (`C/REL MTCR`, `S//NF`, `SBU`).
///
/// Returns `None` when the first part is neither a level nor a known
/// caveat (`(if asked only)`, `(BACKGROUND: ...`), so ordinary
/// parenthesised text is never mistaken for a marking.
///
/// ```text
/// C/REL MTCR  -> Confidential, [Rel("MTCR")]
/// S//NF       -> Secret, [Noforn]
/// SBU         -> Unclassified, [Sbu]
/// SBU/N       -> Unclassified, [Sbu, Noforn]
/// ```
pub(crate) fn parse_marking(inner: &str) -> Option<Marking> {
    let raw = inner.trim_blanks();
    if raw.is_empty()
        || raw.len() > 40
        || !raw
            .bytes()
            .all(|b| b.is_ascii_uppercase() || matches!(b, b'/' | b' ' | b',' | b'-'))
    {
        return None;
    }
    let mut parts = raw.split('/').map(str::trim).filter(|p| !p.is_empty());
    let first = parts.next()?;
    let mut level = None;
    let mut caveats: Vec<Caveat> = Vec::new();
    match level_of(first) {
        Some((l, extra)) => {
            level = Some(l);
            if let Some(c) = extra {
                caveats.push(c);
            }
        }
        None => caveats.push(known_caveat(first)?),
    }
    for p in parts {
        let c = known_caveat(p).unwrap_or_else(|| Caveat::Other(p.to_owned()));
        if !caveats.contains(&c) {
            caveats.push(c);
        }
    }
    Some(Marking {
        level,
        caveats,
        raw: raw.to_owned(),
    })
}

/// `(U) text`, `(S//NF) text`: a portion marking opening an unnumbered
/// paragraph.
pub(crate) fn unlabeled_marking(line: &str) -> Option<(Marking, &str)> {
    let t = line.trim_start_blanks();
    let inner = t.strip_prefix('(')?;
    let close = inner.get(..inner.len().min(42))?.find(')')?;
    let m = parse_marking(inner.get(..close)?)?;
    let rest = inner.get(close + 1..)?;
    if !rest.starts_with(' ') || rest.trim_blanks().is_empty() {
        return None;
    }
    Some((m, rest.trim_start_blanks()))
}

/// A level abbreviation, with the caveat `SBU` implies.
fn level_of(s: &str) -> Option<(Level, Option<Caveat>)> {
    Some(match s {
        "U" | "UNCLASSIFIED" => (Level::Unclassified, None),
        "SBU" => (Level::Unclassified, Some(Caveat::Sbu)),
        "LOU" | "LIMITED OFFICIAL USE" => (Level::LimitedOfficialUse, None),
        "C" | "CONFIDENTIAL" => (Level::Confidential, None),
        "S" | "SECRET" => (Level::Secret, None),
        "TS" | "TOP SECRET" => (Level::TopSecret, None),
        _ => return None,
    })
}

/// A caveat written after the level: `NF`, `REL MTCR`, `N`.
fn known_caveat(s: &str) -> Option<Caveat> {
    Some(match s {
        "NF" | "N" | "NOFORN" => Caveat::Noforn,
        "SBU" => Caveat::Sbu,
        "FOUO" => Caveat::Fouo,
        "ORCON" | "OC" => Caveat::Orcon,
        "EXDIS" => Caveat::Exdis,
        "NODIS" => Caveat::Nodis,
        "LIMDIS" => Caveat::Limdis,
        "SIPDIS" => Caveat::Sipdis,
        _ => {
            let to = s.strip_prefix("REL ")?;
            let to = to.strip_prefix("TO ").unwrap_or(to).trim_blanks();
            if to.is_empty() {
                return None;
            }
            Caveat::Rel(to.to_owned())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markings() {
        let m = parse_marking("C/REL MTCR").unwrap();
        assert_eq!(m.level, Some(Level::Confidential));
        assert_eq!(m.caveats, [Caveat::Rel("MTCR".into())]);
        let m = parse_marking("S//NF").unwrap();
        assert_eq!(
            (m.level, m.caveats),
            (Some(Level::Secret), vec![Caveat::Noforn])
        );
        let m = parse_marking("SBU/N").unwrap();
        assert_eq!(m.caveats, [Caveat::Sbu, Caveat::Noforn]);
        assert_eq!(parse_marking("NF").unwrap().level, None);
        assert!(parse_marking("if asked only").is_none());
        assert!(parse_marking("BACKGROUND: X").is_none());
        assert!(parse_marking("IE").is_none());
    }
}
