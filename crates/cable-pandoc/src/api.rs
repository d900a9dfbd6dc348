//! Which version of pandoc's AST (the `pandoc-types` package) to write, and
//! how to tell from `pandoc --version` which one an installed pandoc reads.
//!
//! Pandoc refuses JSON whose first two `pandoc-api-version` numbers differ
//! from its own: pandoc 3.x reads `[1,23,…]`, pandoc 2.11 to 2.19 (Debian
//! 12 ships 2.17) read `[1,22,…]`.

use std::fmt;
use std::str::FromStr;

/// A `pandoc-types` API version the writer can target.
///
/// ```
/// use cable_pandoc::ApiVersion;
/// assert_eq!(ApiVersion::default(), ApiVersion::V1_22);
/// assert_eq!("1.22".parse::<ApiVersion>(), Ok(ApiVersion::V1_22));
/// assert_eq!(ApiVersion::V1_22.numbers(), &[1, 22, 2, 1]);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum ApiVersion {
    /// `pandoc-types` 1.22 (pandoc 2.11 to 2.19; Debian 12's pandoc 2.17),
    /// the default: the pandoc a Debian or Ubuntu user installs with apt
    /// reads it. Has no `Figure` block: the writer never emits one in this
    /// mode. Pandoc 3.x refuses it ("Incompatible API versions"): use
    /// [`ApiVersion::V1_23`] there.
    #[default]
    V1_22,
    /// `pandoc-types` 1.23 (pandoc 3.x).
    V1_23,
}

impl ApiVersion {
    /// The numbers written as `pandoc-api-version`: `[1,23,1]` or
    /// `[1,22,2,1]` (what pandoc 2.17.1.1 itself writes).
    pub fn numbers(self) -> &'static [u32] {
        match self {
            ApiVersion::V1_22 => &[1, 22, 2, 1],
            ApiVersion::V1_23 => &[1, 23, 1],
        }
    }

    /// The major and minor numbers as text: `1.23`.
    pub fn name(self) -> &'static str {
        match self {
            ApiVersion::V1_22 => "1.22",
            ApiVersion::V1_23 => "1.23",
        }
    }

    /// The API version of `pandoc-types` `major.minor`, when supported.
    fn from_types(major: u32, minor: u32) -> Option<ApiVersion> {
        match (major, minor) {
            (1, 22) => Some(ApiVersion::V1_22),
            (1, 23) => Some(ApiVersion::V1_23),
            _ => None,
        }
    }

    /// The API version a pandoc release reads, by the release history:
    /// 2.11-2.19 read 1.22, 3.x reads 1.23.
    fn from_pandoc(major: u32, minor: u32) -> Option<ApiVersion> {
        match (major, minor) {
            (2, 11..=19) => Some(ApiVersion::V1_22),
            (3, _) => Some(ApiVersion::V1_23),
            _ => None,
        }
    }
}

impl fmt::Display for ApiVersion {
    /// `1.22` or `1.23`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of parsing an [`ApiVersion`] from text other than `1.22` or `1.23`.
///
/// ```
/// assert!("1.21".parse::<cable_pandoc::ApiVersion>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownApiVersion(String);

impl fmt::Display for UnknownApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unsupported pandoc API version `{}` (expected 1.22 or 1.23)",
            self.0
        )
    }
}

impl std::error::Error for UnknownApiVersion {}

impl FromStr for ApiVersion {
    type Err = UnknownApiVersion;

    /// Reads `1.22` or `1.23`; further components (`1.22.2.1`) are accepted
    /// and ignored, as pandoc itself ignores them.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (major, minor) = major_minor(s.trim()).ok_or_else(|| UnknownApiVersion(s.into()))?;
        ApiVersion::from_types(major, minor).ok_or_else(|| UnknownApiVersion(s.into()))
    }
}

/// The API version an installed pandoc reads, from the text it prints for
/// `pandoc --version`; `None` when the text names no supported version.
///
/// The `Compiled with pandoc-types X.Y` line (pandoc 2.x) decides when
/// present; otherwise the release number on the first line does (pandoc
/// 3.x no longer prints the `pandoc-types` version).
///
/// ```
/// use cable_pandoc::{detect_api, ApiVersion};
/// let debian = "pandoc 2.17.1.1\nCompiled with pandoc-types 1.22.2.1, texmath 0.12.4,\n";
/// assert_eq!(detect_api(debian), Some(ApiVersion::V1_22));
/// assert_eq!(detect_api("pandoc 3.9\nFeatures: +server +lua\n"), Some(ApiVersion::V1_23));
/// assert_eq!(detect_api("pandoc 2.9.2.1\n"), None);
/// ```
pub fn detect_api(pandoc_version_output: &str) -> Option<ApiVersion> {
    let text = pandoc_version_output.trim_start_matches('\u{feff}');
    if let Some(at) = text.find("pandoc-types ") {
        let rest = text.get(at + "pandoc-types ".len()..)?;
        let (major, minor) = major_minor(rest)?;
        return ApiVersion::from_types(major, minor);
    }
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    let mut words = first.split_whitespace();
    let program = words.next()?;
    let program = program.rsplit(['/', '\\']).next().unwrap_or(program);
    if !program.to_ascii_lowercase().starts_with("pandoc") {
        return None;
    }
    let (major, minor) = major_minor(words.next()?)?;
    ApiVersion::from_pandoc(major, minor)
}

/// `3.9`, `2.17.1.1,` or `1.22` at the start of `s`: the first two numbers.
fn major_minor(s: &str) -> Option<(u32, u32)> {
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let mut parts = s.get(..end)?.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    Some((major, minor))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(version_text: &str, expected: Option<ApiVersion>) {
        assert_eq!(detect_api(version_text), expected, "{version_text:?}");
    }

    #[test]
    fn detects_from_version_output() {
        check(
            "pandoc 2.17.1.1\nCompiled with pandoc-types 1.22.2.1, texmath 0.12.4, skylighting 0.12.3.1,\n",
            Some(ApiVersion::V1_22),
        );
        check(
            "pandoc 3.9\nFeatures: +server +lua\nScripting engine: Lua 5.4\n",
            Some(ApiVersion::V1_23),
        );
        check("pandoc.exe 3.1.11.1\n", Some(ApiVersion::V1_23));
        check(
            "pandoc 2.19.2\nCompiled with pandoc-types 1.22.2.1\n",
            Some(ApiVersion::V1_22),
        );
        check("pandoc 2.11\n", Some(ApiVersion::V1_22));
        // Too old, too new, or not pandoc at all.
        check(
            "pandoc 2.9.2.1\nCompiled with pandoc-types 1.20, texmath\n",
            None,
        );
        check("pandoc 2.10\n", None);
        check("pandoc 4.0\n", None);
        check("pandoc 9.0\nCompiled with pandoc-types 1.24\n", None);
        check("", None);
        check("bash: pandoc: command not found\n", None);
        check("pandoc\n", None);
        check("pandoc x.y\n", None);
    }

    #[test]
    fn parses_names() {
        assert_eq!("1.23".parse(), Ok(ApiVersion::V1_23));
        assert_eq!(" 1.22.2.1 ".parse(), Ok(ApiVersion::V1_22));
        assert!("1.2".parse::<ApiVersion>().is_err());
        assert!("".parse::<ApiVersion>().is_err());
        assert!("one".parse::<ApiVersion>().is_err());
        for v in [ApiVersion::V1_22, ApiVersion::V1_23] {
            assert_eq!(v.to_string().parse(), Ok(v));
            assert_eq!(v.numbers()[..2], [1, v.name()[2..].parse::<u32>().unwrap()]);
        }
    }
}
