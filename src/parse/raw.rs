//! The blocks every reader produces before the document is structured: the
//! Markdown, text and Word readers each turn their input into a list of
//! [`Raw`] blocks, and `structure` alone decides what is a title, a § and a
//! heading. Text may still hold line breaks (`\n`) here; [`normalise`] turns
//! them into spaces once the first line has been looked at.

use crate::document::{Block, Inline, Signature};

/// One block as a reader saw it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Raw {
    /// An explicit heading: Markdown `#`, a Word heading or title style.
    /// Level 1 is a title-level heading.
    Heading {
        /// 1 for a title-level heading, 2 and more below it.
        level: u8,
        /// The heading text, without markup.
        text: String,
    },
    /// A paragraph.
    Paragraph {
        /// Its runs; may contain `\n` where the source broke the line.
        text: Vec<Inline>,
        /// The reader thinks it may be a heading (a short line on its own,
        /// or a short paragraph that is all bold).
        hint: bool,
    },
    /// A list.
    List {
        /// Numbered rather than bulleted.
        ordered: bool,
        /// The items.
        items: Vec<Vec<Inline>>,
    },
    /// A table; the first row is the header.
    Table {
        /// Header cells.
        header: Vec<String>,
        /// The other rows.
        rows: Vec<Vec<String>>,
        /// Right-aligned (numeric) columns.
        numeric: Vec<bool>,
        /// A label | value header block (a Word table in the renderer's
        /// header-block style).
        header_block: bool,
    },
    /// A signature block: the line to sign on and the text under it.
    Signature(Signature),
}

impl Raw {
    /// A plain paragraph from one string.
    pub(crate) fn paragraph(text: impl Into<String>, hint: bool) -> Raw {
        Raw::Paragraph {
            text: vec![Inline::plain(text)],
            hint,
        }
    }

    /// The block as a document block, text normalised; `None` for headings
    /// and for blocks left empty.
    pub(crate) fn into_block(self) -> Option<Block> {
        match self {
            Raw::Heading { text, .. } => {
                let text = normalise(&[Inline::plain(text)]);
                (!text.is_empty()).then_some(Block::Paragraph { text })
            }
            Raw::Paragraph { text, .. } => {
                let text = normalise(&text);
                (!text.is_empty()).then_some(Block::Paragraph { text })
            }
            Raw::List { ordered, items } => {
                let items: Vec<Vec<Inline>> = items
                    .iter()
                    .map(|item| normalise(item))
                    .filter(|item| !item.is_empty())
                    .collect();
                (!items.is_empty()).then_some(Block::List { ordered, items })
            }
            Raw::Table {
                header,
                rows,
                numeric,
                ..
            } => Some(table(header, rows, numeric)),
            Raw::Signature(_) => None,
        }
    }
}

/// A document table: cells cleaned, every row exactly as long as the header.
fn table(header: Vec<String>, rows: Vec<Vec<String>>, numeric: Vec<bool>) -> Block {
    let width = rows.iter().map(Vec::len).chain([header.len()]).max();
    let width = width.unwrap_or(0);
    let fit = |mut cells: Vec<String>| {
        cells.resize(width, String::new());
        cells.iter().map(|c| clean_text(c)).collect::<Vec<_>>()
    };
    let mut numeric = numeric;
    numeric.resize(width, false);
    Block::Table {
        header: fit(header),
        rows: rows
            .into_iter()
            .map(|row| {
                fit(row)
                    .into_iter()
                    .map(crate::document::plain_cell)
                    .collect()
            })
            .collect(),
        numeric,
    }
}

/// Text with every run of whitespace (line breaks, tabs) as one space,
/// soft hyphens removed, and trimmed.
pub(crate) fn clean_text(text: &str) -> String {
    squeeze(text, &Squeeze::KEEP_CASE)
}

/// How [`squeeze`] treats the characters outside plain ASCII.
pub(crate) struct Squeeze {
    /// Lower-case every letter.
    pub lower: bool,
    /// Whether the no-break space is kept (as text) rather than collapsed.
    pub keep_no_break: bool,
    /// Characters dropped as if they were not there.
    pub drop: fn(char) -> bool,
}

impl Squeeze {
    /// Case kept, no-break spaces kept, soft hyphens dropped.
    pub const KEEP_CASE: Squeeze = Squeeze {
        lower: false,
        keep_no_break: true,
        drop: |c| c == '\u{ad}',
    };
}

/// The text with every run of whitespace as one space and no space at
/// either end, the characters `how.drop` says removed, and lower-cased if
/// asked. Runs of plain ASCII are copied whole: the rules and the parser
/// call this on every line and sentence, so the per-character loop was a
/// fifth of a check.
pub(crate) fn squeeze(text: &str, how: &Squeeze) -> String {
    let mut out = String::with_capacity(text.len());
    squeeze_into(text, how, &mut out);
    out
}

/// [`squeeze`], appending to `out`.
pub(crate) fn squeeze_into(text: &str, how: &Squeeze, out: &mut String) {
    let begin = out.len();
    let mut space = false;
    let mut rest = text;
    while !rest.is_empty() {
        let bytes = rest.as_bytes();
        // A run of ASCII with single spaces between words.
        let mut run = 0;
        while let Some(&b) = bytes.get(run) {
            // Printable ASCII, the bulk of any text, first.
            let plain = (b > b' ' && b < 0x80)
                || (b == b' '
                    && run > 0
                    && bytes.get(run + 1).is_some_and(|n| *n > b' ' && *n < 0x80))
                || (b < b' ' && !is_ascii_space(b));
            if !plain {
                break;
            }
            run += 1;
        }
        if run > 0 {
            if space && out.len() > begin {
                out.push(' ');
            }
            space = false;
            let start = out.len();
            out.push_str(&rest[..run]);
            if how.lower {
                out[start..].make_ascii_lowercase();
            }
            rest = &rest[run..];
            continue;
        }
        let Some(c) = rest.chars().next() else {
            break;
        };
        rest = &rest[c.len_utf8()..];
        if (how.drop)(c) {
            continue;
        }
        if c.is_whitespace() && !(how.keep_no_break && c == '\u{a0}') {
            space = true;
            continue;
        }
        if space && out.len() > begin {
            out.push(' ');
        }
        space = false;
        if !how.lower {
            out.push(c);
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(lower) = latin1_lower(c) {
            out.push(lower);
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The lower case of a Latin-1 letter (å, ä, ö, é …) without the Unicode
/// tables: most of Swedish text, so worth the shortcut.
pub(crate) fn latin1_lower(c: char) -> Option<char> {
    match c {
        'À'..='Þ' if c != '×' => char::from_u32(u32::from(c) + 32),
        'ß'..='ÿ' => Some(c),
        _ => None,
    }
}

/// The runs with whitespace collapsed across run boundaries, the ends
/// trimmed, whitespace never emphasised (Markdown could not carry it),
/// empty runs dropped and neighbours with the same emphasis merged.
pub(crate) fn normalise(inlines: &[Inline]) -> Vec<Inline> {
    // Most paragraphs are one run already spaced as it should be.
    if let [only] = inlines
        && is_tidy(&only.text)
    {
        return vec![only.clone()];
    }
    let mut pieces: Vec<Inline> = Vec::new();
    let mut pending_space = false;
    for inline in inlines {
        let text = inline.text.replace('\u{ad}', "");
        let mut word = String::new();
        let flush = |word: &mut String, pieces: &mut Vec<Inline>| {
            if !word.is_empty() {
                push_merged(
                    pieces,
                    Inline {
                        text: std::mem::take(word),
                        emphasis: inline.emphasis,
                        strong: inline.strong,
                    },
                );
            }
        };
        for c in text.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                flush(&mut word, &mut pieces);
                pending_space = true;
            } else {
                if pending_space && word.is_empty() {
                    push_space(&mut pieces, inline);
                }
                pending_space = false;
                word.push(c);
            }
        }
        flush(&mut word, &mut pieces);
    }
    pieces
}

/// Whether text has single spaces between words and nothing to take away:
/// no soft hyphen, no space at either end, no other whitespace.
fn is_tidy(text: &str) -> bool {
    let mut previous_space = true;
    for c in text.chars() {
        if c == '\u{ad}' {
            return false;
        }
        if c.is_whitespace() && c != '\u{a0}' {
            if c != ' ' || previous_space {
                return false;
            }
            previous_space = true;
        } else {
            previous_space = false;
        }
    }
    !previous_space
}

/// Adds the space between two words: emphasised only when the words on
/// both sides are.
fn push_space(pieces: &mut Vec<Inline>, next: &Inline) {
    let Some(last) = pieces.last_mut() else {
        return;
    };
    if last.emphasis == next.emphasis && last.strong == next.strong {
        last.text.push(' ');
    } else {
        push_merged(pieces, Inline::plain(" "));
    }
}

/// Appends a run, merging it into the last one when the emphasis matches.
fn push_merged(pieces: &mut Vec<Inline>, inline: Inline) {
    if let Some(last) = pieces.last_mut()
        && last.emphasis == inline.emphasis
        && last.strong == inline.strong
    {
        last.text.push_str(&inline.text);
        return;
    }
    pieces.push(inline);
}

/// The plain text of runs, line breaks kept.
pub(crate) fn raw_text(inlines: &[Inline]) -> String {
    inlines.iter().map(|i| i.text.as_str()).collect()
}

/// The runs without their first `bytes` bytes of text.
pub(crate) fn drop_prefix(runs: &[Inline], bytes: usize) -> Vec<Inline> {
    let mut left = bytes;
    let mut out = Vec::new();
    for run in runs {
        if left >= run.text.len() {
            left -= run.text.len();
            continue;
        }
        let mut run = run.clone();
        run.text = run.text.get(left..).unwrap_or_default().to_string();
        left = 0;
        out.push(run);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `squeeze` did one character at a time before it copied runs.
    fn squeeze_by_char(text: &str, how: &Squeeze) -> String {
        let mut out = String::new();
        let mut space = false;
        for c in text.chars() {
            if (how.drop)(c) {
                continue;
            }
            if c.is_whitespace() && !(how.keep_no_break && c == '\u{a0}') {
                space = true;
                continue;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            if how.lower {
                out.extend(c.to_lowercase());
            } else {
                out.push(c);
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn squeeze_is_the_character_loop(
            text in "[a-cA-CåÅöÖ \t\n\r\u{a0}\u{ad}\u{200b}\u{2003}\u{0b}.İ]{0,40}"
        ) {
            let lower = Squeeze {
                lower: true,
                keep_no_break: false,
                drop: |c| matches!(c, '\u{200B}' | '\u{ad}'),
            };
            proptest::prop_assert_eq!(squeeze(&text, &lower), squeeze_by_char(&text, &lower));
            proptest::prop_assert_eq!(
                squeeze(&text, &Squeeze::KEEP_CASE),
                squeeze_by_char(&text, &Squeeze::KEEP_CASE)
            );
        }
    }

    fn strong(text: &str) -> Inline {
        Inline {
            text: text.to_string(),
            emphasis: false,
            strong: true,
        }
    }

    #[test]
    fn whitespace_collapses_across_runs_and_never_carries_emphasis() {
        let runs = vec![
            Inline::plain("  Förbundets\n namn "),
            strong(" är "),
            strong("HUSAM\t"),
            Inline::plain(" ."),
        ];
        assert_eq!(
            normalise(&runs),
            vec![
                Inline::plain("Förbundets namn "),
                strong("är HUSAM"),
                Inline::plain(" ."),
            ]
        );
    }

    #[test]
    fn soft_hyphens_go_and_empty_runs_vanish() {
        assert_eq!(
            normalise(&[Inline::plain("rehabi\u{ad}litering"), strong("  ")]),
            vec![Inline::plain("rehabilitering")]
        );
        assert_eq!(clean_text(" a \n\t b\u{a0}c "), "a b\u{a0}c");
    }

    proptest::proptest! {
        /// The shortcut for one tidy run gives what the full pass gives.
        #[test]
        fn tidy_runs_normalise_as_before(text in "[a-zå \u{a0}\u{ad}\t\n]{0,40}") {
            let one = normalise(&[Inline::plain(&text)]);
            let full = normalise(&[Inline::plain(&text), Inline::plain("")]);
            proptest::prop_assert_eq!(one, full);
        }
    }
}
