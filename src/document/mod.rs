//! The intermediate model every stage speaks: a document kind, metadata, a
//! header block, and sections (an optional § number, a heading, blocks).
//! `compose` builds it from a description, `parse` (later) from existing
//! files; the renderers and the comparison read it. It carries text, never
//! markup: a renderer escapes what its format needs.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which of the three documents this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// The charter, with numbered §§.
    Forbundsordning,
    /// The letter of intent.
    Avsiktsforklaring,
    /// A member's decision report.
    Tjansteutlatande,
    /// A comparison table "Nuvarande lydelse" / "Föreslagen lydelse".
    Jamforelsetabell,
}

impl DocumentKind {
    /// The Swedish name ("förbundsordning").
    pub fn swedish(self) -> &'static str {
        match self {
            DocumentKind::Forbundsordning => "förbundsordning",
            DocumentKind::Avsiktsforklaring => "avsiktsförklaring",
            DocumentKind::Tjansteutlatande => "tjänsteutlåtande",
            DocumentKind::Jamforelsetabell => "jämförelsetabell",
        }
    }

    /// The ASCII stem of its file name ("forbundsordning").
    pub fn file_stem(self) -> &'static str {
        match self {
            DocumentKind::Forbundsordning => "forbundsordning",
            DocumentKind::Avsiktsforklaring => "avsiktsforklaring",
            DocumentKind::Tjansteutlatande => "tjansteutlatande",
            DocumentKind::Jamforelsetabell => "jamforelsetabell",
        }
    }
}

/// A whole document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Which document.
    pub kind: DocumentKind,
    /// Document properties and what the running header shows.
    pub metadata: Metadata,
    /// The title, e.g. "Förbundsordning för Samordningsförbundet Haninge".
    pub title: String,
    /// Labelled facts shown above the title in a tjänsteutlåtande
    /// (authority, unit, date, dnr, handläggare, recipient); empty otherwise.
    pub header: Vec<HeaderField>,
    /// Blocks between the title and the first section.
    pub preamble: Vec<Block>,
    /// The sections in order.
    pub sections: Vec<Section>,
    /// Signature lines at the end.
    pub signatures: Vec<Signature>,
}

/// Document properties.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Metadata {
    /// Short title for the running header and document properties.
    pub title: String,
    /// Subject, e.g. the förbund's name.
    pub subject: String,
    /// Author or issuing body.
    pub author: String,
    /// Diarienummer, shown in the running header where there is one.
    pub case_number: Option<String>,
    /// The document's date: used for properties and PDF timestamps so that
    /// output never depends on the wall clock.
    pub date: NaiveDate,
    /// Language tag, always "sv".
    pub language: String,
}

/// One labelled fact in a header block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeaderField {
    /// The label, e.g. "Diarienummer".
    pub label: String,
    /// The value, e.g. "HSN 1506-0772".
    pub value: String,
}

/// A section: a § of a förbundsordning, or a headed part of another document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The § number, for förbundsordningar.
    pub number: Option<u32>,
    /// The heading without the number, e.g. "Förbundets namn".
    pub heading: String,
    /// 1 for a main section, 2 for a subsection.
    pub level: u8,
    /// The content.
    pub blocks: Vec<Block>,
}

impl Section {
    /// The heading as printed: "1 § Förbundets namn", or just the heading.
    pub fn display_heading(&self) -> String {
        match self.number {
            Some(n) if self.heading.is_empty() => format!("{n} §"),
            Some(n) => format!("{n} § {}", self.heading),
            None => self.heading.clone(),
        }
    }
}

/// A block of content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    /// A paragraph.
    Paragraph {
        /// Its text.
        text: Vec<Inline>,
    },
    /// A bulleted or numbered list; each item is one line of inline text.
    List {
        /// Numbered (1., 2., …) rather than bulleted.
        ordered: bool,
        /// The items.
        items: Vec<Vec<Inline>>,
    },
    /// A table with a header row.
    Table {
        /// Column headings.
        header: Vec<String>,
        /// Rows of cells, each as long as the header; a cell is a run of
        /// inline text (emphasis marks changed words in a jämförelsetabell,
        /// "\n" a line break).
        rows: Vec<Vec<Vec<Inline>>>,
        /// Which columns are numbers (right-aligned).
        numeric: Vec<bool>,
    },
}

/// A run of text with emphasis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inline {
    /// The text, literal.
    pub text: String,
    /// Italic.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub emphasis: bool,
    /// Bold.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub strong: bool,
}

impl Inline {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Self {
        Inline {
            text: text.into(),
            emphasis: false,
            strong: false,
        }
    }
}

/// Plain text of a run of inlines.
pub fn plain_text(inlines: &[Inline]) -> String {
    inlines.iter().map(|i| i.text.as_str()).collect()
}

/// A signature line: for whom, and who signs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// The party signed for, e.g. "Haninge kommun"; may be empty.
    pub party: String,
    /// The signatory's name; empty leaves a line for the name.
    pub name: String,
    /// Title or role.
    pub title: String,
}

impl Document {
    /// The section with this § number.
    pub fn section_by_number(&self, number: u32) -> Option<&Section> {
        self.sections.iter().find(|s| s.number == Some(number))
    }

    /// All text of the document in reading order, one block per line, for
    /// tests and searching.
    pub fn all_text(&self) -> String {
        let mut out = String::new();
        for field in &self.header {
            out.push_str(&format!("{}: {}\n", field.label, field.value));
        }
        out.push_str(&self.title);
        out.push('\n');
        push_blocks(&mut out, &self.preamble);
        for section in &self.sections {
            out.push_str(&section.display_heading());
            out.push('\n');
            push_blocks(&mut out, &section.blocks);
        }
        for signature in &self.signatures {
            out.push_str(&format!(
                "{} {} {}\n",
                signature.party, signature.name, signature.title
            ));
        }
        out
    }
}

fn push_blocks(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Paragraph { text } => {
                out.push_str(&plain_text(text));
                out.push('\n');
            }
            Block::List { items, .. } => {
                for item in items {
                    out.push_str(&plain_text(item));
                    out.push('\n');
                }
            }
            Block::Table { header, rows, .. } => {
                out.push_str(&header.join(" | "));
                out.push('\n');
                for row in rows {
                    let cells: Vec<String> = row.iter().map(|c| plain_text(c)).collect();
                    out.push_str(&cells.join(" | "));
                    out.push('\n');
                }
            }
        }
    }
}

/// A table cell holding plain text; an empty cell holds no runs.
pub fn plain_cell(text: impl Into<String>) -> Vec<Inline> {
    let text = text.into();
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Inline::plain(text)]
    }
}
