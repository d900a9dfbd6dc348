//! Where a record came from, and a safe way to use a member name as a path.

use std::path::PathBuf;

/// Where a record came from.
///
/// ```text
/// cables.7z / cables.csv, row 2 at byte 3012 -> input "cables.7z", member "cables.csv", row 2, offset 3012
/// pages/ (a directory) -> input "pages", member "2009/12/09ISTANBUL440.html"
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    /// The input path given by the user (`-` for standard input).
    pub input: PathBuf,
    /// The member path inside an archive or directory, `/`-separated, as
    /// the container names it (never used as an output path). Members of
    /// nested archives are joined with `/`: `pages.tar.gz/cable/a.html`.
    pub member: Option<String>,
    /// For CSV: the 1-based row (record) number in the file.
    pub row: Option<u64>,
    /// For CSV: the byte offset of the row in the (decompressed) CSV.
    pub offset: Option<u64>,
}

impl Provenance {
    /// The member path as a relative path that stays inside any directory
    /// it is joined to, or `None` when the member name is absolute, climbs
    /// out with `..`, names a drive (`C:`), or is empty.
    ///
    /// ```
    /// let p = cable_archive::Provenance { member: Some("a/./b.txt".into()), ..Default::default() };
    /// assert_eq!(p.safe_member_path(), Some("a/b.txt".into()));
    /// let evil = cable_archive::Provenance { member: Some("../../etc/passwd".into()), ..Default::default() };
    /// assert_eq!(evil.safe_member_path(), None);
    /// ```
    pub fn safe_member_path(&self) -> Option<PathBuf> {
        self.member.as_deref().and_then(safe_relative_path)
    }

    /// The member joined to the input for messages: `pages.tar.gz: cable/a.html`.
    pub fn display(&self) -> String {
        match (&self.member, self.row) {
            (Some(m), Some(row)) => format!("{}: {m}, row {row}", self.input.display()),
            (Some(m), None) => format!("{}: {m}", self.input.display()),
            (None, Some(row)) => format!("{}, row {row}", self.input.display()),
            (None, None) => self.input.display().to_string(),
        }
    }
}

/// Why a member name is not safe to use as a relative path, if it is not.
pub(crate) fn unsafe_reason(name: &str) -> Option<&'static str> {
    if name.starts_with('/') || name.starts_with('\\') {
        return Some("absolute path");
    }
    if matches!(name.as_bytes(), [d, b':', ..] if d.is_ascii_alphabetic()) {
        return Some("drive-letter path");
    }
    if name.split(['/', '\\']).any(|c| c == "..") {
        return Some("path escapes the archive (`..` component)");
    }
    if name.contains('\0') {
        return Some("NUL byte in name");
    }
    None
}

fn safe_relative_path(name: &str) -> Option<PathBuf> {
    if unsafe_reason(name).is_some() {
        return None;
    }
    let mut out = PathBuf::new();
    for part in name.split(['/', '\\']) {
        if part.is_empty() || part == "." {
            continue;
        }
        out.push(part);
    }
    (!out.as_os_str().is_empty()).then_some(out)
}

/// Joins a nested member name under its parent member: `a.tar.gz` + `x/y.html`.
pub(crate) fn nested(parent: Option<&str>, child: &str) -> String {
    match parent {
        Some(p) => format!("{p}/{child}"),
        None => child.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_paths() {
        let check = |name: &str, want: Option<&str>| {
            assert_eq!(safe_relative_path(name), want.map(PathBuf::from), "{name}");
        };
        check("a/b.txt", Some("a/b.txt"));
        check("./a//b.txt", Some("a/b.txt"));
        check("/etc/passwd", None);
        check("\\windows\\x", None);
        check("C:/x", None);
        check("a/../../b", None);
        check("a\\..\\b", None);
        check("", None);
        check(".", None);
    }
}
