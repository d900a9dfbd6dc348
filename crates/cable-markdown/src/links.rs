//! Links: where a referenced cable's page is, and how to write the link
//! so that the site generator resolves it and no URL character can break
//! out of it.

use crate::prose::{Mode, escape};
use crate::{Options, Site};
use cable_model::CableId;

/// The link destination for `id`'s page: the run's own page when
/// [`Options::links`] knows it (written for [`Options::site`]), else the
/// [`Options::link_template`] with `{id}` replaced, else none. The result
/// is ready to go between the parentheses of a Markdown link.
///
/// ```text
/// REF: A. STATE 4690, links knows ../2009/09STATE4690.md
///   Plain, MkDocs  ->  ../2009/09STATE4690.md
///   Jekyll         ->  ../2009/09STATE4690.html
///   Hugo           ->  {{< relref "../2009/09STATE4690.md" >}}
/// template "https://x.org/{id}.html"  ->  https://x.org/09STATE4690.html
/// ```
pub(crate) fn url_for(id: &CableId, opts: &Options) -> Option<String> {
    if let Some(path) = opts.links.as_ref().and_then(|resolve| resolve(id)) {
        return Some(page_link(opts.site, &path));
    }
    opts.link_template
        .as_ref()
        .map(|t| encode(&t.replace("{id}", id.as_str())))
}

/// The destination of a link to the Markdown page at `path` (relative to
/// the linking page's directory, `/`-separated, ending in `.md`) on `site`.
///
/// ```text
/// (Jekyll, "../2009/09STATE4690.md")  ->  "../2009/09STATE4690.html"
/// (Hugo, "2009/_index.md")            ->  "{{< relref \"2009/_index.md\" >}}"
/// ```
pub(crate) fn page_link(site: Site, path: &str) -> String {
    let path = encode(path);
    match site {
        Site::Hugo => format!("{{{{< relref \"{path}\" >}}}}"),
        Site::Jekyll => match path.strip_suffix(".md") {
            Some(stem) => format!("{stem}.html"),
            None => path,
        },
        _ => path,
    }
}

/// `url` percent-encoded where CommonMark would otherwise end or misread
/// a link destination (spaces, controls, `<`, `>`, `(`, `)`, `\`, `` ` ``,
/// `"`).
///
/// ```text
/// "a b(1).md"  ->  "a%20b%281%29.md"
/// ```
fn encode(url: &str) -> String {
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
    dest
}

/// A Markdown inline link `[text](destination)` with the text escaped;
/// `destination` comes from [`url_for`] or [`page_link`].
///
/// ```text
/// ("09STATE4690", "../2009/09STATE4690.md")  ->  "[09STATE4690](../2009/09STATE4690.md)"
/// ```
pub(crate) fn link(text: &str, destination: &str) -> String {
    format!("[{}]({destination})", escape(text, Mode::Text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolver_first_then_template_then_nothing() {
        let id = CableId::parse("09STATE4690").unwrap();
        let other = CableId::parse("08STATE129729").unwrap();
        let mut opts = Options::default();
        assert_eq!(url_for(&id, &opts), None);
        opts.link_template = Some("https://x.org/{id} (x).html".into());
        assert_eq!(
            url_for(&id, &opts).unwrap(),
            "https://x.org/09STATE4690%20%28x%29.html"
        );
        opts.links = Some(cable_testkit::links::only("09STATE4690", "../2009/{id}.md"));
        assert_eq!(url_for(&id, &opts).unwrap(), "../2009/09STATE4690.md");
        assert_eq!(
            url_for(&other, &opts).unwrap(),
            "https://x.org/08STATE129729%20%28x%29.html"
        );
    }

    #[test]
    fn each_site_gets_its_link_style() {
        let path = "../2009/09STATE4690.md";
        assert_eq!(page_link(Site::Plain, path), path);
        assert_eq!(page_link(Site::MkDocs, path), path);
        assert_eq!(page_link(Site::Jekyll, path), "../2009/09STATE4690.html");
        assert_eq!(
            page_link(Site::Hugo, path),
            "{{< relref \"../2009/09STATE4690.md\" >}}"
        );
        assert_eq!(
            page_link(Site::Hugo, "a \"b\".md"),
            "{{< relref \"a%20%22b%22.md\" >}}"
        );
    }

    #[test]
    fn link_destinations_are_encoded() {
        assert_eq!(encode("a b(1).md"), "a%20b%281%29.md");
        assert_eq!(link("x*y", &encode("../é>.md")), "[x\\*y](../é%3E.md)");
    }
}
