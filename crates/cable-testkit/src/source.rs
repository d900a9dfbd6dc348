//! A crate's Rust sources as code: comments, the contents of string and
//! character literals and `#[cfg(test)]` items blanked out (so a doc
//! comment that says "no threads", an error message naming a file or a
//! unit test that prints is not the crate's code), line numbers kept, and
//! where a name occurs in them.

use std::path::{Path, PathBuf};

/// Where a name occurs in code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The file.
    pub file: PathBuf,
    /// 1-based line number.
    pub line: usize,
    /// The name found.
    pub name: String,
    /// The line as written.
    pub text: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: `{}` in: {}",
            self.file.display(),
            self.line,
            self.name,
            self.text.trim()
        )
    }
}

/// Every `.rs` file under `dir`, sorted.
pub fn rust_files(dir: &Path) -> Vec<PathBuf> {
    crate::paths::files(dir, "rs")
}

/// Where any of `names` occurs in the code of the `.rs` files under
/// `dir`, each at the start of a word (`thread::spawn` is found in
/// `std::thread::spawn`, `println!` is not found in `eprintln!`).
pub fn find(dir: &Path, names: &[&str]) -> Vec<Finding> {
    let mut found = Vec::new();
    for file in rust_files(dir) {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        found.extend(
            find_in(&text, names)
                .into_iter()
                .map(|(line, name)| Finding {
                    file: file.clone(),
                    line,
                    name: name.to_owned(),
                    text: text.lines().nth(line - 1).unwrap_or_default().to_owned(),
                }),
        );
    }
    found
}

/// `(line, name)` for each occurrence of one of `names` in the code of
/// `text`, outside `#[cfg(test)]` items.
pub fn find_in<'a>(text: &str, names: &[&'a str]) -> Vec<(usize, &'a str)> {
    let code = without_tests(&code(text));
    let mut found = Vec::new();
    for (i, line) in code.lines().enumerate() {
        for &name in names {
            let starts = line.match_indices(name).any(|(at, _)| {
                !line[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
            });
            if starts {
                found.push((i + 1, name));
            }
        }
    }
    found
}

/// `text` with comments (line, block, nested block, doc) and the contents
/// of string, raw string, byte string and character literals replaced by
/// spaces; newlines are kept, so lines keep their numbers.
pub fn code(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let ident = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric() || *c == '_');
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && !ident(
                i.checked_sub(1)
                    .and_then(|p| chars.get(p))
                    .filter(|p| **p != 'b'),
            )
            && matches!(next, Some('"' | '#'))
        {
            // A raw string: r"…", r#"…"#, br#"…"#.
            let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            out.push('r');
            out.extend(std::iter::repeat_n('#', hashes));
            out.push('"');
            i += 2 + hashes;
            while i < chars.len() {
                let closes = chars[i] == '"'
                    && chars[i + 1..]
                        .iter()
                        .take(hashes)
                        .filter(|c| **c == '#')
                        .count()
                        == hashes;
                if closes {
                    out.push('"');
                    out.extend(std::iter::repeat_n('#', hashes));
                    i += 1 + hashes;
                    break;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
        } else if c == '"' {
            out.push('"');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if let Some(&c) = chars.get(i) {
                    out.push(blank(c));
                }
                i += 1;
            }
            out.push('"');
            i += 1;
        } else if c == '\'' && (next == Some('\\') || chars.get(i + 2) == Some(&'\'')) {
            // A character literal ('x', '\'', '\u{2014}'); else a lifetime.
            out.push('\'');
            i += 1;
            if chars.get(i) == Some(&'\\') {
                out.push(' ');
                i += 1;
            }
            while i < chars.len() && chars[i] != '\'' {
                out.push(' ');
                i += 1;
            }
            out.push('\'');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// `code` (comments and literals already blanked) with each item marked
/// `#[cfg(test)]` blanked: from the attribute to the `;` or the matching
/// `}` of the item's first brace. (A `#[cfg(test)] mod tests;` in its own
/// file blanks the declaration only: that file is still read.)
pub fn without_tests(code: &str) -> String {
    const MARK: &str = "#[cfg(test)]";
    let mut out = code.to_owned();
    let mut from = 0;
    while let Some(at) = out[from..].find(MARK).map(|i| i + from) {
        let mut depth = 0usize;
        let mut end = out.len();
        for (i, c) in out[at + MARK.len()..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = at + MARK.len() + i + 1;
                        break;
                    }
                }
                ';' if depth == 0 => {
                    end = at + MARK.len() + i + 1;
                    break;
                }
                _ => {}
            }
        }
        let blanked: String = out[at..end]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        out.replace_range(at..end, &blanked);
        from = at + blanked.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_literals_are_not_code() {
        let text = "//! No threads: std::thread is the binary's.\n\
                    /* thread::spawn /* nested */ rayon */ let a = 1;\n\
                    let s = \"std::fs::read \\\" quoted\"; let r = r#\"rayon \"inner\" \"#;\n\
                    let c = '\"'; let q = '\\''; fn f<'a>(x: &'a str) {}\n\
                    std::thread::spawn(|| {}); // rayon\n";
        let code = code(text);
        assert_eq!(code.lines().count(), 5);
        assert_eq!(
            find_in(text, &["thread::spawn", "rayon", "std::fs", "std::thread"]),
            [(5, "thread::spawn"), (5, "std::thread")]
        );
        assert!(code.contains("fn f<'a>(x: &'a str) {}"), "{code}");
        assert!(code.contains("let a = 1;"), "{code}");
    }

    #[test]
    fn test_items_are_not_code() {
        let text = "fn f() {}\n#[cfg(test)]\nmod tests {\n    fn g() { if x { println!(); } }\n}\n\
                    fn h() { println!(); }\n#[cfg(test)]\nuse std::fs;\nfn i() { std::fs::read(\"\"); }\n";
        assert_eq!(
            find_in(text, &["println!", "std::fs"]),
            [(6, "println!"), (9, "std::fs")]
        );
    }

    #[test]
    fn names_are_found_at_the_start_of_a_word() {
        let text = "eprintln!(\"x\"); my_scope(); s.scope(|| {}); println!();\n";
        assert_eq!(
            find_in(text, &["println!", "scope("]),
            [(1, "println!"), (1, "scope(")]
        );
    }
}
