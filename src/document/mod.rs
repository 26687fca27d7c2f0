//! The intermediate model every stage speaks: a document kind, metadata, a
//! header block, and sections (an optional § number, a heading, blocks).
//! `compose` builds it from a description, `parse` (later) from existing
//! files; the renderers and the comparison read it. It carries text, never
//! markup: a renderer escapes what its format needs.

pub mod acceptance;
pub mod letterhead;

pub use acceptance::Acceptance;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which document this is.
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
    /// The proposed organisation, a bilaga to the tjänsteutlåtanden.
    Organisation,
}

impl DocumentKind {
    /// The Swedish name ("förbundsordning").
    pub fn swedish(self) -> &'static str {
        match self {
            DocumentKind::Forbundsordning => "förbundsordning",
            DocumentKind::Avsiktsforklaring => "avsiktsförklaring",
            DocumentKind::Tjansteutlatande => "tjänsteutlåtande",
            DocumentKind::Jamforelsetabell => "jämförelsetabell",
            DocumentKind::Organisation => "förslag till organisation",
        }
    }

    /// The ASCII stem of its file name ("forbundsordning").
    pub fn file_stem(self) -> &'static str {
        match self {
            DocumentKind::Forbundsordning => "forbundsordning",
            DocumentKind::Avsiktsforklaring => "avsiktsforklaring",
            DocumentKind::Tjansteutlatande => "tjansteutlatande",
            DocumentKind::Jamforelsetabell => "jamforelsetabell",
            DocumentKind::Organisation => "organisation",
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
    /// Accepted deviations that apply to the whole document: each renderer
    /// writes them invisibly (see [`acceptance`]) so that `forbund check`
    /// on the file accepts what the description accepts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acceptances: Vec<Acceptance>,
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

/// The labels of the header fields `compose` writes; renderers lay a
/// tjänsteutlåtande's fields out as a letterhead and another document's as
/// a marking ("Förslag", "Bilaga 1", date, dnr) by these labels.
pub mod label {
    /// The authority, e.g. "Stockholms stad".
    pub const AUTHORITY: &str = "Myndighet";
    /// The unit writing the document, e.g. "Socialförvaltningen".
    pub const UNIT: &str = "Förvaltning";
    /// The document's date.
    pub const DATE: &str = "Datum";
    /// The diarienummer.
    pub const CASE_NUMBER: &str = "Diarienummer";
    /// The officer handling the case.
    pub const OFFICER: &str = "Handläggare";
    /// The nämnd or styrelse the document goes to.
    pub const RECIPIENT: &str = "Till";
    /// The recipient's meeting: date and item.
    pub const MEETING: &str = "Sammanträde";
    /// A draft's status, "Förslag".
    pub const STATUS: &str = "Status";
    /// Which bilaga the document is, e.g. "Bilaga 1".
    pub const APPENDIX: &str = "Bilaga";
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
    /// One att-sats of a förslag till beslut: its own paragraph, the word
    /// "att" in the margin and the text hanging beside it, never a bullet.
    Decision {
        /// The text after "att", e.g. "inrätta Samordningsförbundet X".
        text: Vec<Inline>,
    },
    /// An organisation chart, drawn by each renderer in its own way.
    Chart {
        /// The levels from the top (the members) down.
        levels: Vec<ChartLevel>,
    },
}

/// The word an att-sats starts with.
pub const DECISION_WORD: &str = "att";

/// One level of an organisation chart: a box in the main line (joined to
/// the level above) and possibly one box beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartLevel {
    /// The box in the main line.
    pub main: ChartBox,
    /// A box beside the main one, joined to it sideways.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beside: Option<ChartBox>,
    /// Whether the box beside is support outside the line organisation
    /// (drawn with a dashed line) rather than part of it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub beside_supports: bool,
}

/// A box of an organisation chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartBox {
    /// The body, e.g. "Styrelse".
    pub title: String,
    /// Short lines under the title, e.g. "sju ledamöter och sju ersättare".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<String>,
}

impl ChartBox {
    /// A box with a title and lines.
    pub fn new(title: impl Into<String>, lines: Vec<String>) -> Self {
        ChartBox {
            title: title.into(),
            lines,
        }
    }
}

impl Block {
    /// The block's text as lines in reading order: a paragraph or an
    /// att-sats one line, a list one line per item, a table its header and
    /// rows with cells joined by " | ", a chart one line per box.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Block::Paragraph { text } => vec![plain_text(text)],
            Block::Decision { text } => vec![format!("{DECISION_WORD} {}", plain_text(text))],
            Block::List { items, .. } => items.iter().map(|i| plain_text(i)).collect(),
            Block::Table { header, rows, .. } => std::iter::once(header.join(" | "))
                .chain(rows.iter().map(|row| {
                    row.iter()
                        .map(|c| plain_text(c))
                        .collect::<Vec<_>>()
                        .join(" | ")
                }))
                .collect(),
            Block::Chart { levels } => levels
                .iter()
                .flat_map(|l| std::iter::once(&l.main).chain(l.beside.as_ref()))
                .map(ChartBox::text)
                .collect(),
        }
    }
}

impl ChartBox {
    /// The title and lines as one line: "Styrelse: sju ledamöter …".
    pub fn text(&self) -> String {
        if self.lines.is_empty() {
            self.title.clone()
        } else {
            format!("{}: {}", self.title, self.lines.join(", "))
        }
    }
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
    /// The value of the header field with this label (see [`label`]).
    pub fn header_value(&self, label: &str) -> Option<&str> {
        self.header
            .iter()
            .find(|f| f.label == label)
            .map(|f| f.value.as_str())
    }

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
    for line in blocks.iter().flat_map(Block::lines) {
        out.push_str(&line);
        out.push('\n');
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
