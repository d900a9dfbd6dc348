//! The Markdown output published by the real site generators (issue 15):
//! `cablekit convert --to md --site X` over the repository's sample cables
//! (`testdata/seeds`, `testdata/cables`, `testdata/archives`,
//! `testdata/site`), the tree dropped into a minimal MkDocs, Hugo or Jekyll
//! site, the site built, and the HTML checked:
//!
//! * every link inside the site resolves to a built page, cross-links
//!   between cables (links whose text is a cable id) included, and there
//!   are at least as many cross-links as the Markdown has;
//! * no page shows a backslash escape (`\` before punctuation) or a
//!   character reference (`&#36;`) that the cables' own text (their XML
//!   output) does not hold;
//! * characters each reader treats as markup reach the page as written.
//!
//! A missing generator skips its test with a `SKIP:` notice, unless
//! `CABLEKIT_REQUIRE_ORACLES=1` (CI), where it fails.

#![allow(clippy::print_stderr, clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use cable_testkit::paths::files;
use cable_testkit::tools;
use html5gum::Tokenizer;
use html5gum::emitters::default::{DefaultEmitter, Token};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The repository root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Whether `program args` runs ([`tools::find`]): when not, a `SKIP:`
/// notice, or a failure under `CABLEKIT_REQUIRE_ORACLES=1`.
fn have(test: &str, program: &str, args: &[&str]) -> bool {
    tools::find(test, program, args, "see .ci/run").is_some()
}

/// Runs `program` in `dir` and fails the test with its output if it fails.
fn run(dir: &Path, program: &str, args: &[&str]) {
    let out = std::process::Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {} failed:\n{}\n{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Converts the sample cables to Markdown for `site` (and XML, the
/// reference text) into `out`.
fn convert(site: &str, out: &Path) {
    let r = root();
    let mut cmd = Command::cargo_bin("cablekit").unwrap();
    cmd.arg("convert");
    for dir in [
        "testdata/seeds",
        "testdata/cables",
        "testdata/archives",
        "testdata/site",
    ] {
        cmd.arg(r.join(dir));
    }
    cmd.args(["--to", "md,xml", "--site", site, "-q", "-o"])
        .arg(out)
        .assert()
        .success();
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Whether `s` reads as a canonical cable id: `09STATE4567`, `1975ADDIS9462`.
fn is_cable_id(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &s[digits..];
    let letters = rest.bytes().take_while(u8::is_ascii_uppercase).count();
    matches!(digits, 2 | 4)
        && letters > 0
        && rest.len() > letters
        && rest[letters..].bytes().all(|b| b.is_ascii_digit())
}

/// `\` + punctuation and `&…;` sequences in `text`.
fn escapes_in(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        match c {
            '\\' => {
                if let Some(n) = chars.get(i + 1).filter(|n| n.is_ascii_punctuation()) {
                    out.insert(format!("\\{n}"));
                }
            }
            '&' => {
                let body: String = chars[i + 1..]
                    .iter()
                    .take(12)
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
                    .collect();
                if !body.is_empty() && chars.get(i + 1 + body.chars().count()) == Some(&';') {
                    out.insert(format!("&{body};"));
                }
            }
            _ => {}
        }
    }
    out
}

/// An HTML page as the HTML5 standard's tokenizer reads it (`html5gum`,
/// the tokenizer cable-archive reads cablegate pages with): character
/// references decoded, the contents of `<script>`, `<style>`, `<title>`,
/// `<textarea>` and the other raw-text elements read as text. No tree is
/// built: the checks need the text, the links and the `<main>` element,
/// which one pass over the tokens gives (the generators' pages are
/// well-formed, so no end tag needs to be implied).
#[derive(Debug, PartialEq)]
enum Tok {
    /// A start tag: its name and its attributes (the first of each name).
    Start(String, BTreeMap<String, String>),
    /// An end tag.
    End(String),
    /// Character data.
    Text(String),
    /// A comment or a doctype: ends a text node, as a tag does.
    Other,
}

fn utf8(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn tokens(html: &str) -> Vec<Tok> {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut out = Vec::new();
    for token in Tokenizer::new_with_emitter(html, emitter) {
        let token = match token {
            Ok(t) => t,
            Err(never) => match never {},
        };
        out.push(match token {
            Token::StartTag(t) => Tok::Start(
                utf8(&t.name),
                t.attributes
                    .iter()
                    .map(|(k, v)| (utf8(k), utf8(&v.value)))
                    .collect(),
            ),
            Token::EndTag(t) => Tok::End(utf8(&t.name)),
            Token::String(s) => Tok::Text(utf8(&s.value)),
            Token::Comment(_) | Token::Doctype(_) => Tok::Other,
            Token::Error(_) => continue,
        });
    }
    out
}

/// The texts of `tokens`, a space between two text nodes (where a tag or
/// a comment separates them), as a tree's text nodes joined by spaces.
fn texts<'a>(tokens: impl IntoIterator<Item = &'a Tok>) -> String {
    let mut text = String::new();
    for t in tokens {
        match t {
            Tok::Text(s) => text.push_str(s),
            _ => text.push(' '),
        }
    }
    text
}

/// The visible text of an HTML page's body (the texts inside `<script>`,
/// `<style>`, `<head>` and `<title>` left out), whitespace runs as single
/// spaces.
fn visible_text(page: &[Tok]) -> String {
    const HIDDEN: [&str; 4] = ["script", "style", "head", "title"];
    let mut open = BTreeMap::<&str, usize>::new();
    let mut visible = Vec::new();
    for t in page {
        match t {
            // `<body>` ends the head, its end tag written or not.
            Tok::Start(name, _) if name == "body" => {
                open.remove("head");
            }
            Tok::Start(name, _) if HIDDEN.contains(&name.as_str()) => {
                *open.entry(name.as_str()).or_default() += 1;
            }
            Tok::End(name) if HIDDEN.contains(&name.as_str()) => {
                if let Some(n) = open.get_mut(name.as_str()) {
                    *n = n.saturating_sub(1);
                }
            }
            Tok::Text(_) if open.values().any(|&n| n > 0) => continue,
            _ => {}
        }
        visible.push(t);
    }
    texts(visible)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of every XML output: what the cables say, escapes included.
fn cable_text(out: &Path) -> String {
    let mut text = String::new();
    for f in files(&out.join("xml"), "xml") {
        text.push_str(&texts(&tokens(&std::fs::read_to_string(f).unwrap())));
        text.push(' ');
    }
    text
}

/// The links of a page: each `<a href>`'s target and text (its texts
/// concatenated, trimmed).
fn links(page: &[Tok]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut open: Option<(String, String)> = None;
    for t in page {
        match t {
            Tok::Start(name, attrs) if name == "a" => {
                // An `<a>` inside an `<a>` closes it, as the tree builder does.
                out.extend(open.take());
                open = attrs.get("href").map(|h| (h.clone(), String::new()));
            }
            Tok::End(name) if name == "a" => out.extend(open.take()),
            Tok::Text(s) => {
                if let Some((_, text)) = open.as_mut() {
                    text.push_str(s);
                }
            }
            _ => {}
        }
    }
    out.extend(open);
    out.into_iter()
        .map(|(href, text)| (href, text.trim().to_owned()))
        .collect()
}

/// The tokens of the page's first `<main>` or `role="main"` element, its
/// start and end tags included.
fn main_element(page: &[Tok]) -> Option<&[Tok]> {
    let start = page.iter().position(|t| {
        matches!(t, Tok::Start(name, attrs)
            if name == "main" || attrs.get("role").is_some_and(|r| r == "main"))
    })?;
    let Tok::Start(name, _) = &page[start] else {
        return None;
    };
    let mut depth = 0usize;
    for (i, t) in page.iter().enumerate().skip(start) {
        match t {
            Tok::Start(n, _) if n == name => depth += 1,
            Tok::End(n) if n == name => {
                depth -= 1;
                if depth == 0 {
                    return Some(&page[start..=i]);
                }
            }
            _ => {}
        }
    }
    Some(&page[start..])
}

/// Where a link from the page `page` (a file of the built site under
/// `public`) lands, or `None` for links out of the site.
fn target(public: &Path, page: &Path, href: &str) -> Option<PathBuf> {
    let href = href.split(['#', '?']).next().unwrap_or("");
    if href.is_empty() || href.contains(':') || href.starts_with("//") {
        return None;
    }
    let decoded = percent_decode(href);
    let mut parts: Vec<String> = if decoded.starts_with('/') {
        Vec::new()
    } else {
        page.parent()
            .unwrap()
            .strip_prefix(public)
            .unwrap()
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect()
    };
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s.to_owned()),
        }
    }
    let mut path = public.to_path_buf();
    path.extend(&parts);
    if decoded.ends_with('/') || path.is_dir() {
        path.push("index.html");
    }
    Some(path)
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What the built site holds.
#[derive(Debug, Default)]
struct Findings {
    pages: usize,
    links: usize,
    cross_links: usize,
    broken: Vec<String>,
    /// `page: \$` or `page: &#36;`.
    shown_escapes: Vec<String>,
}

fn check_site(public: &Path, allowed: &BTreeSet<String>) -> Findings {
    let mut f = Findings::default();
    for page in files(public, "html") {
        f.pages += 1;
        let html = tokens(&std::fs::read_to_string(&page).unwrap());
        let name = page.strip_prefix(public).unwrap().display().to_string();
        for e in escapes_in(&visible_text(&html)) {
            if !allowed.contains(&e) {
                f.shown_escapes.push(format!("{name}: {e}"));
            }
        }
        for (href, text) in links(&html) {
            let Some(to) = target(public, &page, &href) else {
                continue;
            };
            f.links += 1;
            if is_cable_id(&text) {
                f.cross_links += 1;
            }
            if !to.is_file() {
                f.broken.push(format!("{name}: {href} ({text})"));
            }
        }
    }
    f
}

/// Markdown links whose text is a cable id: what the HTML must hold at least.
fn markdown_cross_links(md: &Path) -> usize {
    files(md, "md")
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            text.match_indices('[')
                .filter(|(i, _)| {
                    let rest = &text[i + 1..];
                    rest.find("](")
                        .is_some_and(|end| is_cable_id(&rest[..end]) && !rest[..end].contains('\n'))
                })
                .count()
        })
        .sum()
}

/// What the page of 09STATE4567 (`testdata/site`) must show as written,
/// whatever each reader makes of `$`, `&`, `~`, `^`, `|`, `\`, `<` and
/// Liquid or shortcode braces.
const AS_WRITTEN: [&str; 11] = [
    "$40 MILLION",
    "$5 and $6",
    "AT&T and the &amp; entity",
    "C:\\KSWG\\2009",
    "backslash \\ and x~2",
    "~approx~",
    "^sup^",
    "pipe | stands",
    "{{ liquid }}",
    "{% tags %}",
    "<<ROWID>> markers",
];

/// Builds one site and checks it; `public` is the built site, `page` the
/// built page of 09STATE4567.
fn check(generator: &str, out: &Path, public: &Path) {
    let allowed = escapes_in(&cable_text(out));
    let f = check_site(public, &allowed);
    let expected = markdown_cross_links(&out.join("md"));
    eprintln!(
        "{generator}: {} pages, {} links ({} cross-links; the Markdown has {expected}), {} broken, {} shown escapes",
        f.pages,
        f.links,
        f.cross_links,
        f.broken.len(),
        f.shown_escapes.len()
    );
    assert!(f.pages > 50, "{generator}: only {} pages built", f.pages);
    assert!(
        f.broken.is_empty(),
        "{generator}: links that do not resolve:\n{}",
        f.broken.join("\n")
    );
    assert!(expected > 10, "the sample cables cross-link ({expected})");
    assert!(
        f.cross_links >= expected,
        "{generator}: {} cross-links in the HTML, {expected} in the Markdown",
        f.cross_links
    );
    assert!(
        f.shown_escapes.is_empty(),
        "{generator}: escapes shown to readers:\n{}",
        f.shown_escapes.join("\n")
    );
    let page = files(public, "html")
        .into_iter()
        .find(|p| {
            p.to_string_lossy()
                .to_ascii_lowercase()
                .contains("09state4567")
        })
        .unwrap_or_else(|| panic!("{generator}: no page for 09STATE4567"));
    // The page's own content: themes add navigation around it.
    let html = tokens(&std::fs::read_to_string(&page).unwrap());
    let text = main_element(&html)
        .map(|m| texts(m).split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| panic!("{generator}: no <main> in {}", page.display()));
    for phrase in AS_WRITTEN {
        assert!(
            text.contains(phrase),
            "{generator}: {phrase:?} not shown as written in {}:\n{text}",
            page.display()
        );
    }
    let title = "Kitchen Sink Working Group: Guidance on Costs and Characters";
    assert_eq!(
        text.matches(title).count(),
        1,
        "{generator}: the title once:\n{text}"
    );
}

/// The page reader finds what the checks look for: text hidden in the
/// head and scripts, escapes and character references as the reader sees
/// them, links with their texts, the main element.
#[test]
fn the_page_reader_sees_text_links_and_main() {
    let page = tokens(
        "<!doctype html><html><head><title>\\$ T</title><script>let a = '\\$';</script></head>\
         <body><nav><a href=\"/x/\">Home</a></nav><main role=\"main\"><p>Cost: \\$40 &amp;amp; <em>AT&amp;T</em></p>\
         <p><a href=\"../2009/09STATE4567/\"><code>09STATE</code>4567</a> and <!-- c -->after</p>\
         <div><main>inner</main></div></main><footer>foot</footer></body></html>",
    );
    let visible = visible_text(&page);
    assert_eq!(
        visible,
        "Home Cost: \\$40 &amp; AT&T 09STATE 4567 and after inner foot"
    );
    assert_eq!(
        escapes_in(&visible),
        BTreeSet::from(["\\$".to_owned(), "&amp;".to_owned()])
    );
    assert_eq!(
        links(&page),
        [
            ("/x/".to_owned(), "Home".to_owned()),
            ("../2009/09STATE4567/".to_owned(), "09STATE4567".to_owned())
        ]
    );
    let main = main_element(&page).unwrap();
    assert_eq!(
        texts(main).split_whitespace().collect::<Vec<_>>().join(" "),
        "Cost: \\$40 &amp; AT&T 09STATE 4567 and after inner"
    );
}

#[test]
fn mkdocs_builds_the_site_with_every_link_resolved() {
    if !have(
        "mkdocs_builds_the_site_with_every_link_resolved",
        "mkdocs",
        &["--version"],
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    convert("mkdocs", &out);
    let site = dir.path().join("site");
    copy_tree(&out.join("md"), &site.join("docs/cables"));
    std::fs::write(
        site.join("docs/index.md"),
        "# Home\n\n[Cables](cables/index.md)\n",
    )
    .unwrap();
    // A navigation of the index pages, as a large site needs: the default,
    // every page in every page's menu, grows with the square of the pages.
    std::fs::write(
        site.join("mkdocs.yml"),
        "site_name: Cables\nnav:\n  - Home: index.md\n  - Cables: cables/index.md\n",
    )
    .unwrap();
    // --strict: a link to a missing page fails the build.
    run(
        &site,
        "mkdocs",
        &["build", "--strict", "--quiet", "-d", "public"],
    );
    check("mkdocs", &out, &site.join("public"));
}

#[test]
fn hugo_builds_the_site_with_every_link_resolved() {
    if !have(
        "hugo_builds_the_site_with_every_link_resolved",
        "hugo",
        &["version"],
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    convert("hugo", &out);
    let site = dir.path().join("site");
    copy_tree(&out.join("md"), &site.join("content/cables"));
    std::fs::write(
        site.join("content/_index.md"),
        "---\ntitle: Home\n---\n\n[Cables]({{< relref \"cables/_index.md\" >}})\n",
    )
    .unwrap();
    std::fs::write(
        site.join("hugo.toml"),
        "baseURL = '/'\ntitle = 'Cables'\ndisableKinds = ['RSS', 'sitemap', 'robotsTXT', '404']\n",
    )
    .unwrap();
    // The smallest theme: the title, the content and a list page's pages.
    let layouts = site.join("layouts/_default");
    std::fs::create_dir_all(&layouts).unwrap();
    let head =
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>";
    std::fs::write(
        layouts.join("single.html"),
        format!(
            "{head}<body><main><h1>{{{{ .Title }}}}</h1>{{{{ .Content }}}}</main></body></html>\n"
        ),
    )
    .unwrap();
    std::fs::write(
        layouts.join("list.html"),
        format!(
            "{head}<body><main><h1>{{{{ .Title }}}}</h1>{{{{ .Content }}}}<ul>{{{{ range .Pages }}}}<li><a href=\"{{{{ .RelPermalink }}}}\">{{{{ .Title }}}}</a></li>{{{{ end }}}}</ul></main></body></html>\n"
        ),
    )
    .unwrap();
    // A relref to a missing page fails the build (refLinksErrorLevel ERROR).
    run(&site, "hugo", &["--quiet", "-d", "public"]);
    check("hugo", &out, &site.join("public"));
}

#[test]
fn jekyll_builds_the_site_with_every_link_resolved() {
    if !have(
        "jekyll_builds_the_site_with_every_link_resolved",
        "jekyll",
        &["--version"],
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    convert("jekyll", &out);
    let site = dir.path().join("site");
    copy_tree(&out.join("md"), &site.join("cables"));
    std::fs::write(
        site.join("index.md"),
        "---\nlayout: page\ntitle: Home\n---\n\n[Cables](cables/)\n",
    )
    .unwrap();
    // minima, Jekyll's default theme, without plugins; its header lists
    // only the home page (by default it would list every page).
    std::fs::write(
        site.join("_config.yml"),
        "title: Cables\ntheme: minima\nheader_pages: [index.md]\n",
    )
    .unwrap();
    run(&site, "jekyll", &["build", "--quiet", "-d", "public"]);
    check("jekyll", &out, &site.join("public"));
}
