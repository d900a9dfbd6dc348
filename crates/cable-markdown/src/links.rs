//! Cross-links: where a referenced cable's page is, and how to write the
//! link so that no URL character can break out of it.

use crate::Options;
use crate::prose::{Mode, escape};
use cable_model::CableId;

/// The URL of `id`'s page: the run's own page when [`Options::links`]
/// knows it, else the [`Options::link_template`] with `{id}` replaced,
/// else none.
///
/// ```text
/// REF: A. STATE 4690, links knows 09STATE4690  ->  "09STATE4690.md"
/// template "https://x.org/{id}.html"           ->  "https://x.org/09STATE4690.html"
/// ```
pub(crate) fn url_for(id: &CableId, opts: &Options) -> Option<String> {
    if let Some(url) = opts.links.as_ref().and_then(|resolve| resolve(id)) {
        return Some(url);
    }
    opts.link_template
        .as_ref()
        .map(|t| t.replace("{id}", id.as_str()))
}

/// A Markdown inline link `[text](url)` with the text escaped and the URL
/// percent-encoded where CommonMark would otherwise end or misread it
/// (spaces, controls, `<`, `>`, `(`, `)`, `\`, `` ` ``, `"`).
///
/// ```text
/// ("09STATE4690", "a b(1).md")  ->  "[09STATE4690](a%20b%281%29.md)"
/// ```
pub(crate) fn link(text: &str, url: &str) -> String {
    let mut dest = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_control() || c.is_whitespace() || "<>()\\`\"".contains(c) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                dest.push_str(&format!("%{b:02X}"));
            }
        } else {
            dest.push(c);
        }
    }
    format!("[{}]({dest})", escape(text, Mode::Text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn resolver_first_then_template_then_nothing() {
        let id = CableId::parse("09STATE4690").unwrap();
        let other = CableId::parse("08STATE129729").unwrap();
        let mut opts = Options::default();
        assert_eq!(url_for(&id, &opts), None);
        opts.link_template = Some("https://x.org/{id}.html".into());
        assert_eq!(
            url_for(&id, &opts).unwrap(),
            "https://x.org/09STATE4690.html"
        );
        opts.links = Some(Arc::new(|i: &CableId| {
            (i.as_str() == "09STATE4690").then(|| format!("{i}.md"))
        }));
        assert_eq!(url_for(&id, &opts).unwrap(), "09STATE4690.md");
        assert_eq!(
            url_for(&other, &opts).unwrap(),
            "https://x.org/08STATE129729.html"
        );
    }

    #[test]
    fn link_destinations_are_encoded() {
        assert_eq!(
            link("09STATE4690", "a b(1).md"),
            "[09STATE4690](a%20b%281%29.md)"
        );
        assert_eq!(link("x*y", "../é>.md"), "[x\\*y](../é%3E.md)");
    }
}
