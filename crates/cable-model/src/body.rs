//! The body of a cable as structure: paragraphs, lists, headings, notes.

use crate::Marking;
use std::slice;

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
/// (ii) a list of crossings;                           -> marker "(ii)", text "a list of crossings;"
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ListItem {
    /// The marker as written: a bullet (`--`, `-`, `*`, `o`, `•`) or an
    /// item's number (`(ii)`, `iii.`).
    pub marker: String,
    /// The item's text, wrapped lines joined.
    pub text: String,
    /// Blocks nested under the item.
    pub children: Vec<Block>,
}

impl ListItem {
    /// The marker when it numbers the item (`(ii)`, `iii.`) rather than
    /// being a bullet symbol (`--`, `-`, `*`, `o`, `•`): writers whose
    /// lists have bullets of their own keep it before the text.
    ///
    /// ```
    /// let item = |m: &str| cable_model::ListItem { marker: m.into(), ..Default::default() };
    /// assert_eq!(item("(ii)").label(), Some("(ii)"));
    /// assert_eq!(item("--").label(), None);
    /// ```
    pub fn label(&self) -> Option<&str> {
        let bullet = self.marker.is_empty()
            || self.marker.chars().all(|c| c == '-')
            || matches!(self.marker.as_str(), "*" | "o" | "•");
        (!bullet).then_some(self.marker.as_str())
    }
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

    /// The note's name as the writers print it: its title, or its kind's
    /// name in capitals when it has none.
    ///
    /// ```text
    /// COMMENT: ...     -> COMMENT
    /// Comment: ...     -> Comment
    /// BEGIN TEXT: ...  -> TEXT
    /// ```
    pub fn name(&self) -> std::borrow::Cow<'_, str> {
        if self.title.trim().is_empty() {
            self.kind.name().to_uppercase().into()
        } else {
            self.title.as_str().into()
        }
    }

    /// The mark that opens the note as the writers print it (without its
    /// colon), `BEGIN` in the case the title is written in.
    ///
    /// ```text
    /// BEGIN TEXT: ...  -> BEGIN TEXT
    /// Begin text: ...  -> Begin text
    /// Comment: ...     -> Comment
    /// ```
    pub fn opener(&self) -> String {
        let name = self.name();
        match self.kind {
            // `BEGIN:` alone: no `BEGIN BEGIN`.
            NoteKind::Begin if self.title.trim().is_empty() => name.into_owned(),
            NoteKind::Begin if has_lower(&name) => format!("Begin {name}"),
            NoteKind::Begin => format!("BEGIN {name}"),
            _ => name.into_owned(),
        }
    }

    /// The mark that closes the note as the writers print it (without its
    /// full stop), in the case the title is written in.
    ///
    /// ```text
    /// COMMENT: ... END COMMENT.   -> END COMMENT
    /// Comment: ... End comment.   -> End comment
    /// Begin text: ... End text.   -> End text
    /// Begin UN Text: ...          -> End UN text
    /// ```
    pub fn closer(&self) -> String {
        let name = self.name();
        if self.kind == NoteKind::Begin && self.title.trim().is_empty() {
            "END".to_owned()
        } else if has_lower(&name) {
            // Words in mixed case go lower-case after `End`; acronyms stay.
            let words: Vec<String> = name
                .split(' ')
                .map(|w| {
                    if has_lower(w) {
                        w.to_lowercase()
                    } else {
                        w.to_owned()
                    }
                })
                .collect();
            format!("End {}", words.join(" "))
        } else {
            format!("END {name}")
        }
    }
}

/// Whether `s` has a lower-case letter: a title written in mixed case.
fn has_lower(s: &str) -> bool {
    s.chars().any(char::is_lowercase)
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

/// The deepest level a writer nests a block at: blocks of the body are
/// level 1, a paragraph's sub-paragraphs level 2, the blocks of a note or of
/// a list item one level below the note or list.
///
/// The parser nests at most 100 levels deep today (32 notes nested in
/// lettered sub-paragraphs of numbered paragraphs, then a list and its
/// sub-list), so what it reads is written as it is. A model nested deeper
/// is written through [`crate::Cable::within_nesting_limit`]. The limit
/// keeps the writers' recursion and their output (indentation, nested
/// identifiers) linear in the input, and the outputs readable: PyYAML
/// stops at about 120 nested lists (Python's recursion limit) and xmllint
/// at 256 nested elements.
pub const MAX_NESTING: usize = 100;

/// The runs of blocks directly under `block`: a paragraph's children, a
/// note's blocks, each list item's children.
fn child_runs(block: &Block) -> impl Iterator<Item = &[Block]> {
    let (one, items): (&[Block], &[ListItem]) = match block {
        Block::Paragraph(p) => (&p.children, &[]),
        Block::Note(n) => (&n.blocks, &[]),
        Block::List(l) => (&[], &l.items),
        Block::Text(_) | Block::Heading(_) => (&[], &[]),
    };
    std::iter::once(one).chain(items.iter().map(|i| i.children.as_slice()))
}

/// How many levels deep `blocks` nest (0 when empty), counting no
/// further than `stop`: an explicit stack, so any depth is safe.
pub(crate) fn nesting(blocks: &[Block], stop: usize) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(&[Block], usize)> = vec![(blocks, 1)];
    while let Some((run, level)) = stack.pop() {
        if run.is_empty() {
            continue;
        }
        deepest = deepest.max(level);
        if deepest >= stop {
            break;
        }
        for b in run {
            stack.extend(child_runs(b).map(|r| (r, level + 1)));
        }
    }
    deepest
}

/// A copy of `blocks` (at `level`) in which the blocks at
/// [`MAX_NESTING`] carry all the blocks under them as a flat run after
/// them ([`flatten`]). Recurses at most [`MAX_NESTING`] levels.
pub(crate) fn limited(blocks: &[Block], level: usize) -> Vec<Block> {
    if level >= MAX_NESTING {
        return flatten(blocks);
    }
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => Block::Paragraph(Paragraph {
                children: limited(&p.children, level + 1),
                ..shell(p)
            }),
            Block::Note(n) => Block::Note(Note {
                blocks: limited(&n.blocks, level + 1),
                ..note_shell(n)
            }),
            Block::List(l) => Block::List(List {
                items: l
                    .items
                    .iter()
                    .map(|i| ListItem {
                        children: limited(&i.children, level + 1),
                        ..item_shell(i)
                    })
                    .collect(),
            }),
            Block::Text(_) | Block::Heading(_) => b.clone(),
        })
        .collect()
}

/// `blocks` and every block under them, in reading order, each without
/// blocks of its own: a paragraph followed by its sub-paragraphs, a note
/// (title and `closed` kept) followed by its blocks, a list split after
/// each item that had blocks, which follow it. Nothing of the text is
/// lost, only the nesting. An explicit stack, so any depth is safe.
///
/// ```text
/// 1. (C) A                 1. (C) A          (no children)
///    A. (C) B        ->    A. (C) B
///       -- c                -- c
///       -- d                -- d
/// ```
pub(crate) fn flatten(blocks: &[Block]) -> Vec<Block> {
    /// What remains to be flattened, innermost last.
    enum Task<'a> {
        /// The rest of a run of blocks.
        Blocks(slice::Iter<'a, Block>),
        /// The rest of a list's items, and where in the output the list
        /// they join is, while it is still the last block written.
        Items(slice::Iter<'a, ListItem>, Option<usize>),
    }
    let mut out = Vec::with_capacity(blocks.len());
    let mut stack = vec![Task::Blocks(blocks.iter())];
    while let Some(task) = stack.last_mut() {
        match task {
            Task::Blocks(rest) => {
                let Some(b) = rest.next() else {
                    stack.pop();
                    continue;
                };
                match b {
                    Block::Paragraph(p) => {
                        out.push(Block::Paragraph(shell(p)));
                        stack.push(Task::Blocks(p.children.iter()));
                    }
                    Block::Note(n) => {
                        out.push(Block::Note(note_shell(n)));
                        stack.push(Task::Blocks(n.blocks.iter()));
                    }
                    Block::List(l) if l.items.is_empty() => out.push(Block::List(List::default())),
                    Block::List(l) => stack.push(Task::Items(l.items.iter(), None)),
                    Block::Text(_) | Block::Heading(_) => out.push(b.clone()),
                }
            }
            Task::Items(rest, list_at) => {
                let Some(item) = rest.next() else {
                    stack.pop();
                    continue;
                };
                let at = match *list_at {
                    Some(at) if at + 1 == out.len() => at,
                    _ => {
                        out.push(Block::List(List::default()));
                        out.len() - 1
                    }
                };
                *list_at = Some(at);
                if let Some(Block::List(l)) = out.get_mut(at) {
                    l.items.push(item_shell(item));
                }
                if !item.children.is_empty() {
                    stack.push(Task::Blocks(item.children.iter()));
                }
            }
        }
    }
    out
}

/// `p` without its children.
fn shell(p: &Paragraph) -> Paragraph {
    Paragraph {
        label: p.label.clone(),
        marking: p.marking.clone(),
        text: p.text.clone(),
        children: Vec::new(),
    }
}

/// `n` without its blocks.
fn note_shell(n: &Note) -> Note {
    Note {
        kind: n.kind,
        title: n.title.clone(),
        blocks: Vec::new(),
        closed: n.closed,
    }
}

/// `i` without its children.
fn item_shell(i: &ListItem) -> ListItem {
    ListItem {
        marker: i.marker.clone(),
        text: i.text.clone(),
        children: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Cable;

    fn para(text: &str, children: Vec<Block>) -> Block {
        Block::Paragraph(Paragraph {
            text: text.into(),
            children,
            ..Paragraph::default()
        })
    }

    fn item(text: &str, children: Vec<Block>) -> ListItem {
        ListItem {
            marker: "--".into(),
            text: text.into(),
            children,
        }
    }

    #[test]
    fn note_marks_keep_the_case_of_their_title() {
        let marks = |kind, title: &str| {
            let n = Note {
                kind,
                title: title.into(),
                blocks: Vec::new(),
                closed: true,
            };
            (n.opener(), n.closer())
        };
        for (kind, title, opener, closer) in [
            (NoteKind::Begin, "TEXT", "BEGIN TEXT", "END TEXT"),
            (NoteKind::Begin, "text", "Begin text", "End text"),
            (
                NoteKind::Begin,
                "Talking Points",
                "Begin Talking Points",
                "End talking points",
            ),
            (NoteKind::Begin, "UN Text", "Begin UN Text", "End UN text"),
            (NoteKind::Begin, "", "BEGIN", "END"),
            (NoteKind::Comment, "COMMENT", "COMMENT", "END COMMENT"),
            (NoteKind::Comment, "Comment", "Comment", "End comment"),
            (NoteKind::Summary, "", "SUMMARY", "END SUMMARY"),
        ] {
            assert_eq!(
                marks(kind, title),
                (opener.to_owned(), closer.to_owned()),
                "{kind:?} {title:?}"
            );
        }
    }

    fn note(title: &str, blocks: Vec<Block>) -> Block {
        Block::Note(Note {
            kind: NoteKind::Begin,
            title: title.into(),
            blocks,
            closed: true,
        })
    }

    /// Every string of `blocks` in reading order, with the kind of block
    /// it belongs to (an explicit stack, for the deep models).
    fn reading(blocks: &[Block]) -> Vec<String> {
        enum Entry<'a> {
            Block(&'a Block),
            Item(&'a ListItem),
        }
        let mut out = Vec::new();
        let mut stack: Vec<Entry<'_>> = blocks.iter().rev().map(Entry::Block).collect();
        while let Some(e) = stack.pop() {
            let b = match e {
                Entry::Item(i) => {
                    out.push(format!("i {} {}", i.marker, i.text));
                    stack.extend(i.children.iter().rev().map(Entry::Block));
                    continue;
                }
                Entry::Block(b) => b,
            };
            match b {
                Block::Paragraph(p) => {
                    out.push(format!("p {:?} {:?} {}", p.label, p.marking, p.text))
                }
                Block::Note(n) => out.push(format!("n {} {} {}", n.kind.name(), n.title, n.closed)),
                Block::Text(t) => out.push(format!("t {t}")),
                Block::Heading(h) => out.push(format!("h {:?} {}", h.style, h.text)),
                Block::List(l) => {
                    // (No entry for the list itself: flattening splits
                    // lists, which is nesting, not text.)
                    stack.extend(l.items.iter().rev().map(Entry::Item));
                    continue;
                }
            }
            let runs: Vec<&[Block]> = child_runs(b).collect();
            for r in runs.into_iter().rev() {
                stack.extend(r.iter().rev().map(Entry::Block));
            }
        }
        out
    }

    #[test]
    fn flatten_keeps_reading_order_and_drops_nesting() {
        let blocks = vec![
            para(
                "1",
                vec![para(
                    "A",
                    vec![Block::List(List {
                        items: vec![
                            item("c", vec![]),
                            item("d", vec![note("X", vec![Block::Text("x".into())])]),
                            item("e", vec![]),
                        ],
                    })],
                )],
            ),
            Block::List(List::default()),
            Block::List(List {
                items: vec![item("f", vec![])],
            }),
        ];
        let flat = flatten(&blocks);
        assert_eq!(nesting(&flat, usize::MAX), 1);
        let kinds: Vec<String> = flat
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => format!("p {}", p.text),
                Block::Note(n) => format!("n {}", n.title),
                Block::Text(t) => format!("t {t}"),
                Block::Heading(h) => format!("h {}", h.text),
                Block::List(l) => {
                    let items: Vec<&str> = l.items.iter().map(|i| i.text.as_str()).collect();
                    format!("l {}", items.join(","))
                }
            })
            .collect();
        // The list is split after `d`, whose note follows it; the empty list
        // and the separate list after it stay two lists.
        assert_eq!(
            kinds,
            ["p 1", "p A", "l c,d", "n X", "t x", "l e", "l ", "l f"]
        );
    }

    #[test]
    fn shallow_cables_are_written_as_they_are() {
        let cable = Cable {
            body: vec![para("1", vec![para("A", vec![])])],
            ..Cable::default()
        };
        assert_eq!(cable.nesting(), 2);
        assert!(matches!(
            cable.within_nesting_limit(),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn deep_cables_keep_their_text_and_lose_only_nesting() {
        // 3,000 levels alternating paragraph, note and list item.
        let mut body: Vec<Block> = vec![Block::Text("bottom".into())];
        for i in 0..3_000 {
            let t = format!("{i}");
            body = vec![match i % 3 {
                0 => para(&t, body),
                1 => note(&t, body),
                _ => Block::List(List {
                    items: vec![item(&t, body), item("next", vec![])],
                }),
            }];
        }
        let cable = Cable {
            body,
            ..Cable::default()
        };
        assert_eq!(cable.nesting(), 3_001);
        let limited = cable.within_nesting_limit();
        assert_eq!(limited.nesting(), MAX_NESTING);
        let (got, want) = (reading(&limited.body), reading(&cable.body));
        assert!(
            got == want,
            "the text changed: {} strings, not {}",
            got.len(),
            want.len()
        );
    }
}
