//! Blocks → the parts of a document: the title (the first heading, or the
//! first short line before the first §), a header block, the preamble
//! (blocks before the first section) and the sections. In a
//! förbundsordning only § markers start sections; in other documents the
//! headings do. A bare "1 §" takes the heading-like line after it.

use super::headings::{self, Mark, is_heading_like};
use super::raw::{Raw, clean_text, drop_prefix, raw_text};
use crate::document::{Acceptance, Block, HeaderField, Section, Signature};

/// Longest first paragraph, in characters, taken as the title when the
/// document has no explicit heading.
const MAX_TITLE_CHARS: usize = 200;

/// One block, classified.
#[derive(Debug)]
enum Item {
    /// A § marker; `level` is the raw heading level when it was an
    /// explicit heading.
    Mark { mark: Mark, level: Option<u8> },
    /// An explicit heading without a § marker.
    Heading { level: u8, text: String },
    /// A paragraph the reader thought might be a heading.
    Hint(Raw),
    /// Content.
    Block(Raw),
}

/// The parts found, before the document kind is decided.
#[derive(Debug)]
pub(crate) struct Outline {
    items: Vec<Item>,
    /// The title, if one was found.
    pub title: Option<String>,
    /// Header fields (a label: value list or header-block table before the title).
    pub header: Vec<HeaderField>,
    /// Blocks that stood before the title.
    before_title: Vec<Raw>,
}

impl Outline {
    /// How many § markers the document has.
    pub(crate) fn marks(&self) -> usize {
        self.items
            .iter()
            .filter(|i| matches!(i, Item::Mark { .. }))
            .count()
    }
}

/// The sections and the preamble.
#[derive(Debug, Default)]
pub(crate) struct Body {
    /// Blocks before the first section.
    pub preamble: Vec<Block>,
    /// The sections.
    pub sections: Vec<Section>,
    /// Signature blocks, in order.
    pub signatures: Vec<Signature>,
}

/// Classifies the blocks and finds the title and header.
pub(crate) fn outline(raws: Vec<Raw>) -> Outline {
    let mut items: Vec<Item> = raws
        .into_iter()
        .flat_map(split_first_line)
        .map(classify)
        .collect();
    let limit = items
        .iter()
        .position(|i| matches!(i, Item::Mark { .. }))
        .unwrap_or(items.len());
    let explicit = items[..limit]
        .iter()
        .position(|i| matches!(i, Item::Heading { level: 1, .. }));
    let (title, before) = match explicit {
        Some(index) => {
            let before: Vec<Item> = items.drain(..index).collect();
            (take_title(&mut items), before)
        }
        None if limit > 0 => (take_title(&mut items), Vec::new()),
        None => (None, Vec::new()),
    };
    let mut before_title: Vec<Raw> = before.into_iter().filter_map(into_raw).collect();
    let mut header = header_fields(&mut before_title);
    if header.is_empty() {
        header = marking_lines(&mut before_title);
    }
    Outline {
        items,
        title,
        header,
        before_title,
    }
}

/// Builds the preamble and sections. With `numbered`, only § markers start
/// sections (a förbundsordning); otherwise headings do too.
pub(crate) fn sections(outline: Outline, numbered: bool) -> Body {
    let mut builder = Builder {
        numbered,
        top_level: top_heading_level(&outline.items),
        ..Builder::default()
    };
    for raw in outline.before_title {
        builder.content(raw);
    }
    for item in outline.items {
        builder.item(item);
    }
    builder.body
}

/// Splits a paragraph whose first line is a § heading into the heading and
/// the rest ("1 § Namn\nFörbundets namn är …").
fn split_first_line(raw: Raw) -> Vec<Raw> {
    let Raw::Paragraph { text, hint } = raw else {
        return vec![raw];
    };
    let plain = raw_text(&text);
    let trimmed = plain.trim_start();
    let Some((first, _)) = trimmed.split_once('\n') else {
        return vec![Raw::Paragraph { text, hint }];
    };
    if headings::line_mark(first, false).is_none() {
        return vec![Raw::Paragraph { text, hint }];
    }
    let cut = plain.len() - trimmed.len() + first.len() + 1;
    let rest = drop_prefix(&text, cut);
    vec![
        Raw::paragraph(first.trim(), true),
        Raw::Paragraph {
            text: rest,
            hint: false,
        },
    ]
}

fn classify(raw: Raw) -> Item {
    match raw {
        Raw::Heading { level, text } => match headings::explicit_mark(&text) {
            Some(mark) => Item::Mark {
                mark,
                level: Some(level),
            },
            None => Item::Heading { level, text },
        },
        Raw::Paragraph { text, .. }
            if Acceptance::parse(&clean_text(&raw_text(&text))).is_some() =>
        {
            // An accepted deviation is a line of its own, never a heading.
            Item::Block(Raw::Paragraph { text, hint: false })
        }
        Raw::Paragraph { text, hint } => {
            // Every § marker has a "§"; most paragraphs have none.
            let mark = text
                .iter()
                .any(|run| run.text.contains('§'))
                .then(|| headings::line_mark(&clean_text(&raw_text(&text)), false))
                .flatten();
            match mark {
                Some(mark) => Item::Mark { mark, level: None },
                None if hint => Item::Hint(Raw::Paragraph { text, hint }),
                None => Item::Block(Raw::Paragraph { text, hint }),
            }
        }
        other => Item::Block(other),
    }
}

/// Takes the first item as the title when it can be one.
fn take_title(items: &mut Vec<Item>) -> Option<String> {
    let title = match items.first()? {
        Item::Heading { text, .. } => clean_text(text),
        Item::Hint(raw) | Item::Block(raw @ Raw::Paragraph { .. }) => {
            let text = raw_text_of(raw);
            let short = text.chars().count() <= MAX_TITLE_CHARS && !text.ends_with(['.', ':', ';']);
            if !short {
                return None;
            }
            text
        }
        _ => return None,
    };
    items.remove(0);
    Some(title)
}

/// The header fields before the title: a list of "label: value" items or a
/// header-block table. Taken out of `raws` when found.
fn header_fields(raws: &mut Vec<Raw>) -> Vec<HeaderField> {
    let Some(position) = raws.iter().position(is_header) else {
        return Vec::new();
    };
    match raws.remove(position) {
        Raw::List { items, .. } => items
            .iter()
            .filter_map(|item| {
                let text = clean_text(&raw_text(item));
                let (label, value) = text.split_once(": ")?;
                Some(field(label, value))
            })
            .collect(),
        Raw::Table { header, rows, .. } => std::iter::once(header)
            .chain(rows)
            .map(|row| {
                field(
                    row.first().map_or("", String::as_str),
                    row.get(1).map_or("", String::as_str),
                )
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// A bilaga's marking written as plain lines before the title ("FÖRSLAG",
/// "Bilaga 1", a date, "Dnr …"), as a PDF or a text copy shows it; taken
/// out of `raws` when found.
fn marking_lines(raws: &mut Vec<Raw>) -> Vec<HeaderField> {
    if raws.is_empty() || !raws.iter().all(|r| matches!(r, Raw::Paragraph { .. })) {
        return Vec::new();
    }
    let lines: Vec<String> = raws
        .iter()
        .flat_map(|r| match r {
            Raw::Paragraph { text, .. } => raw_text(text).lines().map(clean_text).collect(),
            _ => Vec::new(),
        })
        .collect();
    match crate::document::letterhead::read_marking(&lines) {
        Some(fields) => {
            raws.clear();
            fields
        }
        None => Vec::new(),
    }
}

fn is_header(raw: &Raw) -> bool {
    match raw {
        Raw::List {
            ordered: false,
            items,
        } => items.iter().all(|i| raw_text(i).contains(": ")),
        Raw::Table { header_block, .. } => *header_block,
        _ => false,
    }
}

fn field(label: &str, value: &str) -> HeaderField {
    HeaderField {
        label: clean_text(label),
        value: clean_text(value),
    }
}

fn raw_text_of(raw: &Raw) -> String {
    match raw {
        Raw::Paragraph { text, .. } => clean_text(&raw_text(text)),
        Raw::Heading { text, .. } => clean_text(text),
        _ => String::new(),
    }
}

fn into_raw(item: Item) -> Option<Raw> {
    match item {
        Item::Mark { mark, .. } => Some(Raw::paragraph(
            Section {
                number: Some(mark.number),
                heading: mark.heading,
                level: 1,
                blocks: Vec::new(),
            }
            .display_heading(),
            false,
        )),
        Item::Heading { text, level } => Some(Raw::Heading { level, text }),
        Item::Hint(raw) | Item::Block(raw) => Some(raw),
    }
}

/// The shallowest explicit heading level other than the title's.
fn top_heading_level(items: &[Item]) -> u8 {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Heading { level, .. } => Some(*level),
            Item::Mark { level, .. } => *level,
            _ => None,
        })
        .min()
        .unwrap_or(2)
}

#[derive(Debug, Default)]
struct Builder {
    numbered: bool,
    top_level: u8,
    body: Body,
    /// A bare "N §" was just read: the next heading-like line is its heading.
    awaiting_heading: bool,
    /// Whether a § section has started.
    in_sections: bool,
}

impl Builder {
    fn item(&mut self, item: Item) {
        let awaiting = std::mem::take(&mut self.awaiting_heading);
        match item {
            Item::Mark { mark, .. } => {
                self.awaiting_heading = mark.heading.is_empty();
                self.in_sections = true;
                self.section(Some(mark.number), mark.heading, 1);
            }
            Item::Heading { level, text } => {
                if awaiting && is_heading_like(&text) {
                    self.set_heading(clean_text(&text));
                } else if self.numbered && !self.in_sections {
                    self.content(Raw::Heading { level, text });
                } else {
                    let level = if level > self.top_level { 2 } else { 1 };
                    self.section(None, clean_text(&text), level);
                }
            }
            Item::Hint(raw) | Item::Block(raw) => {
                let text = raw_text_of(&raw);
                let hint = matches!(raw, Raw::Paragraph { hint: true, .. });
                if awaiting && !text.is_empty() && is_heading_like(&text) && !text.contains('\n') {
                    self.set_heading(text);
                } else if hint && !self.numbered {
                    self.section(None, text, 1);
                } else {
                    self.content(raw);
                }
            }
        }
    }

    fn section(&mut self, number: Option<u32>, heading: String, level: u8) {
        self.body.sections.push(Section {
            number,
            heading,
            level,
            blocks: Vec::new(),
        });
    }

    fn set_heading(&mut self, heading: String) {
        if let Some(section) = self.body.sections.last_mut() {
            section.heading = heading;
        }
    }

    fn content(&mut self, raw: Raw) {
        if let Raw::Signature(signature) = raw {
            self.body.signatures.push(signature);
            return;
        }
        let Some(block) = raw.into_block() else {
            return;
        };
        match self.body.sections.last_mut() {
            Some(section) => section.blocks.push(block),
            None => self.body.preamble.push(block),
        }
    }
}
