//! `search_text` and `with_line_breaks`: one rule of the layout per case,
//! each a minimal text written for the rule.

/// `(rule, input, expected search text)`.
const CASES: &[(&str, &str, &str)] = &[
    (
        "line breaks are kept",
        "The minister said the talks\nwould go on.\n",
        "The minister said the talks\nwould go on.\n",
    ),
    ("no final line feed in, none out", "One line", "One line"),
    (
        "label with portion marking",
        "1. (C) First point.\n2. (SBU) Second point.\n",
        "First point.\nSecond point.\n",
    ),
    (
        "caveated portion marking",
        "3. (S//NF) A point.\n4. (SBU/N) Another.\n",
        "A point.\nAnother.\n",
    ),
    (
        "marking that lost its opening parenthesis",
        "5. C) A point.\n6. LOU) Another.\n",
        "A point.\nAnother.\n",
    ),
    (
        "marking without label opens a paragraph",
        "(C) A point.\n",
        "A point.\n",
    ),
    (
        "bare number label where a paragraph starts",
        "7. A point.\n\n8. Another.\n",
        "A point.\n\nAnother.\n",
    ),
    (
        "a year wrapped to a line start is not a label",
        "They met in\n1999. It went well.\n",
        "They met in\n1999. It went well.\n",
    ),
    (
        "a number in running text is not a label",
        "Visitors rose by\n12. percent is a guess.\n",
        "Visitors rose by\n12. percent is a guess.\n",
    ),
    (
        "rules are dropped",
        "Before.\n--------------\nAfter.\n",
        "Before.\nAfter.\n",
    ),
    (
        "page header between paragraphs leaves one blank line",
        "1. (U) Before.\n\nQUITO 00000456  002 OF 003\n\n2. (U) After.\n",
        "Before.\n\nAfter.\n",
    ),
    (
        "page header inside a paragraph",
        "The talks\nQUITO 00000456  002.2 OF 003\nwent on.\n",
        "The talks\nwent on.\n",
    ),
    (
        "page break in mid-sentence leaves no blank line",
        "The talks\n\nQUITO 00000456  002 OF 003\n\nwent on.\n",
        "The talks\nwent on.\n",
    ),
    (
        "section header of a multi-part cable",
        "Before.\n\nC O N F I D E N T I A L SECTION 02 OF 03 QUITO 000456\n\nAfter.\n",
        "Before.\n\nAfter.\n",
    ),
    (
        "summary intro and end marker",
        "1. (C) Summary: The talks\nwent on.  End Summary.\n",
        "The talks\nwent on.  \n",
    ),
    (
        "summary and comment intro, period",
        "2. (S) Summary and Comment. Talks. End Summary and Comment.\n",
        "Talks. \n",
    ),
    (
        "comment intro without label, end marker without period",
        "COMMENT: They will try. END COMMENT Next.\n",
        "They will try. Next.\n",
    ),
    (
        "end marker alone on a line is dropped",
        "Talks went on.\nEND SUMMARY.\n\nNext.\n",
        "Talks went on.\n\nNext.\n",
    ),
    (
        "misspelt note keywords are intro and end marker",
        "1. (C) Sumary: The talks\nwent on.  End Sumary.\n\n2. (C) Commnet: We doubt it.  END COMMNET\n",
        "The talks\nwent on.  \n\nWe doubt it.  \n",
    ),
    (
        "end marker wrapped over two lines",
        "Talks went on. END\nSUMMARY. Next point.\n",
        "Talks went on. \nNext point.\n",
    ),
    (
        "an intro alone on a line is a heading and dropped",
        "SUMMARY\n\nTalks went on.\n\n-------- Comment --------\nThey will.\n",
        "Talks went on.\n\nThey will.\n",
    ),
    (
        "a word that only looks like an intro is kept",
        "Summary of the talks\n\nComments welcome\n",
        "Summary of the talks\n\nComments welcome\n",
    ),
    (
        "parenthesised comment",
        "They met. (COMMENT: They will try. END COMMENT) Next.\n",
        "They met. (They will try.) Next.\n",
    ),
    (
        "parenthesised end marker alone",
        "They will try. (END COMMENT) Next.\n",
        "They will try. Next.\n",
    ),
    (
        "summary as a word is kept",
        "A summary of the talks\nfollows.\n",
        "A summary of the talks\nfollows.\n",
    ),
    (
        "line-initial SIPDIS word",
        "SIPDIS NOFORN\nText.\n",
        "NOFORN\nText.\n",
    ),
    ("SIPDIS line", "Text.\nSIPDIS\nMore.\n", "Text.\nMore.\n"),
    (
        "SIPDIS inside a line is kept",
        "the minister SIPDIS said\n",
        "the minister SIPDIS said\n",
    ),
    (
        "label with a blank before its period",
        "1 . (C) A point.\n",
        "A point.\n",
    ),
    (
        "redaction runs",
        "They met XXXXXXXXXXXX on\nMonday.\nxx\n",
        "They met on\nMonday.\n",
    ),
    (
        "roman numerals are not redactions",
        "The XX Congress and XXX Games.\n",
        "The XX Congress and XXX Games.\n",
    ),
    ("only debris", "xx", ""),
    (
        "trailing blanks of a line are kept",
        "1. (C) Talks  \nwent on. \n",
        "Talks  \nwent on. \n",
    ),
    (
        "blank lines of the text are kept",
        "One.\n\n\nTwo.\n",
        "One.\n\n\nTwo.\n",
    ),
    (
        "indentation of an untouched line is kept",
        "Terms:\n   a fee of ten\n",
        "Terms:\n   a fee of ten\n",
    ),
];

fn check(rule: &str, input: &str, expected: &str) {
    assert_eq!(cable_parse::search_text(input), expected, "{rule}");
}

#[test]
fn search_text_rules() {
    for (rule, input, expected) in CASES {
        check(rule, input, expected);
    }
}

/// `(rule, source, joined text, expected)`.
const BREAKS: &[(&str, &str, &str, &str)] = &[
    (
        "wrapped summary keeps its line break",
        "Summary: The minister\nagreed.  End Summary.\n",
        "The minister agreed.",
        "The minister\nagreed.",
    ),
    (
        "paragraphs become lines, blank lines are not repeated",
        "1. (C) Summary: First\npart.\n\n2. (C) Second part. End Summary.\n",
        "First part. Second part.",
        "First\npart.\nSecond part.",
    ),
    (
        "words not found word for word: the text as it is",
        "Summary: One two.\n",
        "One three.",
        "One three.",
    ),
    (
        "redactions the model keeps are found",
        "Summary: They met XXXXXXXX\nto talk. End Summary.\n",
        "They met XXXXXXXX to talk.",
        "They met XXXXXXXX\nto talk.",
    ),
    (
        "the first occurrence of a repeated run",
        "one two\none two\nthree\n",
        "one two three",
        "one two\nthree",
    ),
];

#[test]
fn with_line_breaks_rules() {
    for (rule, source, joined, expected) in BREAKS {
        assert_eq!(
            cable_parse::with_line_breaks(source, joined),
            *expected,
            "{rule}"
        );
    }
}

/// The search text is linear in the input: a long text of marked
/// paragraphs and redactions is cleaned in one pass.
#[test]
fn long_text() {
    let para =
        "1. (C) Summary: XXXXXXXX met\nthe minister. End Summary.\n\nLIMA 00000123  002 OF 004\n\n";
    let text = para.repeat(20_000);
    let out = cable_parse::search_text(&text);
    assert_eq!(out.matches("met\nthe minister. \n").count(), 20_000);
}
