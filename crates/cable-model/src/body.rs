//! The body of a cable as structure: paragraphs, lists, headings, notes.

use crate::Marking;

/// One block of the body.
///
/// ```text
/// 5. (C) TALKING POINTS:          -> Paragraph (label 5, marking C)
/// --As agreed at the ...          -> List (one ListItem per `--`)
/// PREPARATION FOR THE PLENARY     -> Heading
/// ////////////////////
/// NOTE: ... END NOTE.             -> Note (kind Note)
/// BEGIN GUIDANCE: ... END GUIDANCE -> Note (kind Begin, title GUIDANCE)
/// Some unnumbered prose.          -> Text
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Block {
    /// A numbered or lettered paragraph with what belongs to it.
    Paragraph(Paragraph),
    /// A run of prose with no label, wrapped lines joined.
    Text(String),
    /// Bullet items (`--`, `-`, `*`, `o`).
    List(List),
    /// A heading line.
    Heading(Heading),
    /// `NOTE: … END NOTE`, `BEGIN X … END X`, `SUMMARY … END SUMMARY`, `COMMENT … END COMMENT`.
    Note(Note),
}

/// A numbered (`5.`) or lettered (`A.`) paragraph.
///
/// ```text
/// 2. (C/REL MTCR) BACKGROUND: At the 2008 ...
///   -> label 2, marking C/REL MTCR, text "BACKGROUND: At the 2008 ..."
/// [A](#). (C) PREPARATION FOR THE 2008 CANBERRA MTCR PLENARY
///   -> label A (a sub-paragraph: a child of paragraph 3)
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Paragraph {
    /// The number or letter, when written.
    pub label: Option<Label>,
    /// The portion marking after the label: `(C)`.
    pub marking: Option<Marking>,
    /// The paragraph's first run of text, wrapped lines joined (may be empty
    /// when the paragraph starts with a list or note).
    pub text: String,
    /// Blocks that belong to the paragraph: further text, sub-paragraphs,
    /// lists, notes.
    pub children: Vec<Block>,
}

/// A paragraph label.
///
/// ```text
/// 5.      -> Number(5), raw "5"
/// 15.     -> Number(5), raw "15"   (seed debris: a stray leading 1, repaired)
/// 1B.     -> Letter('B'), raw "1B"
/// A.      -> Letter('A'), raw "A"
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Label {
    /// The label's value after any repair.
    pub value: LabelValue,
    /// The label as written, without its trailing dot or parenthesis.
    pub raw: String,
}

/// The value of a paragraph label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LabelValue {
    /// `5.`
    Number(u32),
    /// `A.` or `(a)`, upper-cased.
    Letter(char),
}

impl std::fmt::Display for LabelValue {
    /// `5` or `A`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LabelValue::Number(n) => write!(f, "{n}"),
            LabelValue::Letter(c) => write!(f, "{c}"),
        }
    }
}

/// A list of bullet items.
///
/// ```text
/// --As agreed at the Canberra Plenary, ...
/// --Consistent with the Canberra agreement, ...
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct List {
    /// The items in order.
    pub items: Vec<ListItem>,
}

/// One bullet item.
///
/// ```text
/// -- (if asked only) The United States would not ...  -> marker "--", text "(if asked only) The ..."
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ListItem {
    /// The bullet as written: `--`, `-`, `*`, `o`.
    pub marker: String,
    /// The item's text, wrapped lines joined.
    pub text: String,
    /// Blocks nested under the item.
    pub children: Vec<Block>,
}

/// A heading.
///
/// ```text
/// -------- SUMMARY --------           -> Dashed
/// PREPARATION FOR THE PLENARY          -> Slashes (underlined by ////)
/// ////////////////////////////
/// BACKGROUND                           -> Underlined (by ----- or =====)
/// ----------
/// U.S. Views on Informal Brainstorming -> Line (a short line standing alone)
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Heading {
    /// The heading's text.
    pub text: String,
    /// How it was set off in the cable.
    pub style: HeadingStyle,
}

/// How a heading was set off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HeadingStyle {
    /// Framed by dashes on the same line: `---- SUMMARY ----`.
    Dashed,
    /// Followed by a line of `-` or `=`.
    Underlined,
    /// Followed (or framed) by a line of `/`.
    Slashes,
    /// A short line standing alone between blank lines.
    Line,
}

/// A delimited block.
///
/// ```text
/// NOTE: We understand informally ... END NOTE.   -> kind Note
/// BEGIN GUIDANCE: ... END GUIDANCE.              -> kind Begin, title "GUIDANCE"
/// SUMMARY: ... END SUMMARY.                      -> kind Summary
/// COMMENT: ... END COMMENT.                      -> kind Comment
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Note {
    /// What kind of block.
    pub kind: NoteKind,
    /// The word after `BEGIN` (or the block's keyword): `GUIDANCE`, `NOTE`.
    pub title: String,
    /// The blocks inside.
    pub blocks: Vec<Block>,
    /// Whether the closing `END …` marker was found.
    pub closed: bool,
}

impl Note {
    /// The note's text: its blocks' text joined by blank lines, labels and
    /// markings left out.
    pub fn plain_text(&self) -> String {
        let mut out = Vec::new();
        collect_text(&self.blocks, &mut out);
        out.join("\n\n")
    }
}

/// The kind of a delimited block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NoteKind {
    /// `NOTE: … END NOTE`.
    Note,
    /// `SUMMARY: … END SUMMARY`.
    Summary,
    /// `COMMENT: … END COMMENT`.
    Comment,
    /// `BEGIN X … END X` (text, talking points, quote…).
    Begin,
}

impl NoteKind {
    /// The kind's lower-case name: `note`, `summary`, `comment`, `begin`.
    pub fn name(self) -> &'static str {
        match self {
            NoteKind::Note => "note",
            NoteKind::Summary => "summary",
            NoteKind::Comment => "comment",
            NoteKind::Begin => "begin",
        }
    }
}

fn collect_text(blocks: &[Block], out: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                if !p.text.is_empty() {
                    out.push(p.text.clone());
                }
                collect_text(&p.children, out);
            }
            Block::Text(t) => out.push(t.clone()),
            Block::List(l) => {
                for i in &l.items {
                    out.push(i.text.clone());
                    collect_text(&i.children, out);
                }
            }
            Block::Heading(h) => out.push(h.text.clone()),
            Block::Note(n) => collect_text(&n.blocks, out),
        }
    }
}

/// Depth-first search for the first note of a kind.
pub(crate) fn find_note(blocks: &[Block], kind: NoteKind) -> Option<&Note> {
    blocks.iter().find_map(|b| match b {
        Block::Note(n) if n.kind == kind => Some(n),
        Block::Note(n) => find_note(&n.blocks, kind),
        Block::Paragraph(p) => find_note(&p.children, kind),
        Block::List(l) => l.items.iter().find_map(|i| find_note(&i.children, kind)),
        Block::Text(_) | Block::Heading(_) => None,
    })
}
