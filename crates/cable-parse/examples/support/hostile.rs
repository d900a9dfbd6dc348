//! Hostile inputs of the robustness issue (#13), shared by the
//! `hostile-input` example (time and peak RSS of one parse, for the
//! figures) and the parser's pathological tests (linearity and memory).

/// Row 5, first form: `n` lines `BEGIN TEXT i` that no `END` closes,
/// between a banner and a signer.
pub(crate) fn row5_begin_lines(n: usize) -> String {
    let mut s = String::from("UNCLAS STATE 000001\n\nSUBJECT: BEGIN LINES\n\n1. (U) Start.\n\n");
    for i in 0..n {
        s.push_str("BEGIN TEXT ");
        s.push_str(&i.to_string());
        s.push('\n');
    }
    s.push_str("\nCLINTON\n");
    s
}

/// Row 5, second form: `n` nested `BEGIN TEXT:` ... `END TEXT.` pairs.
pub(crate) fn row5_nested_pairs(n: usize) -> String {
    let mut s = String::from("UNCLAS STATE 000001\n\nSUBJECT: NESTING\n\n1. (U) Start.\n\n");
    for _ in 0..n {
        s.push_str("BEGIN TEXT:\n");
    }
    s.push_str("Innermost.\n");
    for _ in 0..n {
        s.push_str("END TEXT.\n");
    }
    s.push_str("\n2. (U) After.\n\nCLINTON\n");
    s
}

/// Row 8: a REF block of `n` lines `A. 09 STATE 0000123` (labels A-Z over
/// and over): 1,000,000 lines are about 20 MB.
pub(crate) fn row8_ref_lines(n: usize) -> String {
    let mut s = String::with_capacity(n * 21 + 200);
    s.push_str(
        "UNCLAS STATE 000001\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: MANY REFERENCES\n\nREF: ",
    );
    for i in 0..n {
        s.push(char::from(b'A' + (i % 26) as u8));
        s.push_str(". 09 STATE ");
        s.push_str(&format!("{:07}", i + 1));
        s.push('\n');
    }
    s.push_str("\n1. (U) Text.\n\nCLINTON\n");
    s
}

/// Row 8, second form: `n` REF lines `     09 STATE 0000123` without
/// labels, indented as wrapped REF lines are (one item of `n` citations):
/// 1,000,000 lines are about 22 MB.
pub(crate) fn row8_unlabelled_lines(n: usize) -> String {
    let mut s = String::with_capacity(n * 22 + 200);
    s.push_str(
        "UNCLAS STATE 000001\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: MANY REFERENCES\n\nREF: ",
    );
    for i in 0..n {
        s.push_str("     09 STATE ");
        s.push_str(&format!("{:07}", i + 1));
        s.push('\n');
    }
    s.push_str("\n1. (U) Text.\n\nCLINTON\n");
    s
}
