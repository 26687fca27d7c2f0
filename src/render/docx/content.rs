//! The body of the document: the Document model turned into docx-rs
//! paragraphs and tables, in reading order.

use docx_rs::{BreakType, IndentLevel, NumberingId, Paragraph, Run, RunProperty, Table};

use super::{chart, letterhead, table};
use crate::document::{Block, DECISION_WORD, Document, Inline, Section, Signature};

/// Paragraph style ids, all defined in `styles.xml`.
pub(super) mod style {
    /// The document title.
    pub const TITLE: &str = "Title";
    /// Section headings of level 1.
    pub const HEADING1: &str = "Heading1";
    /// Section headings of level 2.
    pub const HEADING2: &str = "Heading2";
    /// List items.
    pub const LIST: &str = "ListParagraph";
    /// Text in table cells.
    pub const TABLE_TEXT: &str = "TableText";
    /// The line to sign on.
    pub const SIGNATURE_LINE: &str = "SignatureLine";
    /// Name, title and party under the line.
    pub const SIGNATURE: &str = "Signature";
    /// "För X" over a party's signature.
    pub const SIGNATURE_PARTY: &str = "SignatureParty";
    /// "Ort och datum: …" and "Namnförtydligande: …" of a party's signature.
    pub const SIGNATURE_FIELD: &str = "SignatureField";
    /// The running header.
    pub const HEADER: &str = "Header";
    /// The running footer.
    pub const FOOTER: &str = "Footer";
    /// An att-sats: "att", a tab, and the text hanging beside it.
    pub const DECISION: &str = "Decision";
    /// Table style of data tables.
    pub const TABLE_GRID: &str = "TableGrid";
    /// Table style of the header block.
    pub const HEADER_BLOCK: &str = "HeaderBlock";
}

/// The first `w:num` id handed to a list; id 1 is docx-rs's built-in one.
pub(super) const FIRST_LIST_NUM_ID: usize = 2;

/// What the signatory writes on.
const SIGNATURE_RULE: &str = "________________________";

/// One top-level element of the body.
pub(super) enum Part {
    /// A paragraph.
    Paragraph(Box<Paragraph>),
    /// A table.
    Table(Box<Table>),
}

/// State carried through one rendering: every id that ends up in the XML
/// comes from here, never from docx-rs's process-global counters.
#[derive(Debug, Default)]
pub(super) struct Context {
    /// The last paragraph id handed out.
    last_paragraph_id: u32,
    /// One entry per list, in order: whether it is ordered.
    pub(super) lists: Vec<bool>,
    /// How many table header rows were marked for `w:tblHeader`.
    pub(super) header_rows: usize,
}

impl Context {
    /// A new paragraph with the next deterministic `w14:paraId`.
    pub(super) fn paragraph(&mut self) -> Paragraph {
        self.last_paragraph_id = self.last_paragraph_id.saturating_add(1);
        Paragraph::new().id(format!("{:08X}", self.last_paragraph_id))
    }

    /// Registers a list and returns its `w:num` id.
    fn new_list(&mut self, ordered: bool) -> usize {
        self.lists.push(ordered);
        FIRST_LIST_NUM_ID + self.lists.len() - 1
    }
}

/// The whole body: header block, title, the accepted deviations (hidden),
/// preamble, sections, signatures.
pub(super) fn body(ctx: &mut Context, doc: &Document) -> Vec<Part> {
    let mut parts = Vec::new();
    if let Some(top) = letterhead::top(ctx, doc) {
        parts.push(Part::Table(Box::new(top)));
    }
    let title = ctx.paragraph().style(style::TITLE);
    parts.push(paragraph_part(title.add_run(text_run(&doc.title))));
    for acceptance in &doc.acceptances {
        parts.push(paragraph_part(hidden(ctx, &acceptance.line())));
    }
    push_blocks(ctx, &mut parts, &doc.preamble);
    for section in &doc.sections {
        parts.push(paragraph_part(heading(ctx, section)));
        push_blocks(ctx, &mut parts, &section.blocks);
    }
    if !doc.signatures.is_empty() {
        // The signatures are never alone on a page: the last paragraph
        // before them stays with them.
        if let Some(Part::Paragraph(last)) = parts.last_mut() {
            **last = last.as_ref().clone().keep_next(true);
        }
    }
    for signature in &doc.signatures {
        push_signature(ctx, &mut parts, signature);
    }
    if matches!(parts.last(), Some(Part::Table(_))) {
        parts.push(paragraph_part(ctx.paragraph()));
    }
    parts
}

/// A paragraph hidden on screen and on paper, its mark too, so it takes no
/// space (`w:vanish`); Word keeps it when the document is edited and
/// saved, and the reader reads its text.
fn hidden(ctx: &mut Context, text: &str) -> Paragraph {
    ctx.paragraph()
        .run_property(RunProperty::new().vanish())
        .add_run(text_run(text).vanish())
}

fn paragraph_part(paragraph: Paragraph) -> Part {
    Part::Paragraph(Box::new(paragraph))
}

/// Adds a table, separated by an empty paragraph from a table right before
/// it (Word would otherwise merge the two).
fn push_table(ctx: &mut Context, parts: &mut Vec<Part>, table: Table) {
    if matches!(parts.last(), Some(Part::Table(_))) {
        parts.push(paragraph_part(ctx.paragraph()));
    }
    parts.push(Part::Table(Box::new(table)));
}

fn heading(ctx: &mut Context, section: &Section) -> Paragraph {
    let style = if section.level >= 2 {
        style::HEADING2
    } else {
        style::HEADING1
    };
    ctx.paragraph()
        .style(style)
        .add_run(text_run(&section.display_heading()))
}

fn push_blocks(ctx: &mut Context, parts: &mut Vec<Part>, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Paragraph { text } => {
                parts.push(paragraph_part(add_inlines(ctx.paragraph(), text)));
            }
            Block::List { ordered, items } => push_list(ctx, parts, *ordered, items),
            Block::Decision { text } => {
                let paragraph = ctx
                    .paragraph()
                    .style(style::DECISION)
                    .add_run(Run::new().add_text(DECISION_WORD).add_tab());
                parts.push(paragraph_part(add_inlines(paragraph, text)));
            }
            Block::Chart { levels } => {
                let table = chart::chart(ctx, levels);
                push_table(ctx, parts, table);
            }
            Block::Table {
                header,
                rows,
                numeric,
            } => {
                if let Some(t) = table::data_table(ctx, header, rows, numeric) {
                    push_table(ctx, parts, t);
                }
            }
        }
    }
}

/// A list: one paragraph per item, all on a `w:num` of their own so that
/// every ordered list starts at 1.
fn push_list(ctx: &mut Context, parts: &mut Vec<Part>, ordered: bool, items: &[Vec<Inline>]) {
    if items.is_empty() {
        return;
    }
    let num = ctx.new_list(ordered);
    for item in items {
        let paragraph = ctx
            .paragraph()
            .style(style::LIST)
            .numbering(NumberingId::new(num), IndentLevel::new(0));
        parts.push(paragraph_part(add_inlines(paragraph, item)));
    }
}

/// A signature, each paragraph kept with the next so the block never
/// splits. A party's (an avsiktsförklaring): "För X", a line for
/// place and date, the line to sign on and the name in clear
/// (namnförtydligande). An official's (a tjänsteutlåtande): the line, the
/// name and the title.
fn push_signature(ctx: &mut Context, parts: &mut Vec<Part>, signature: &Signature) {
    let mut lines: Vec<(&str, String, bool)> = Vec::new();
    if signature.party.is_empty() {
        lines.push((style::SIGNATURE_LINE, SIGNATURE_RULE.to_string(), false));
        lines.push((style::SIGNATURE, signature.name.clone(), false));
    } else {
        lines.push((
            style::SIGNATURE_PARTY,
            format!("För {}", signature.party),
            true,
        ));
        lines.push((
            style::SIGNATURE_FIELD,
            format!("Ort och datum: {SIGNATURE_RULE}"),
            false,
        ));
        lines.push((style::SIGNATURE_LINE, SIGNATURE_RULE.to_string(), false));
        lines.push((style::SIGNATURE, "Underskrift".to_string(), false));
        let name = if signature.name.is_empty() {
            SIGNATURE_RULE
        } else {
            signature.name.as_str()
        };
        lines.push((
            style::SIGNATURE_FIELD,
            format!("Namnförtydligande: {name}"),
            false,
        ));
    }
    if !signature.title.is_empty() {
        lines.push((style::SIGNATURE, signature.title.clone(), false));
    }
    let last = lines.len() - 1;
    for (index, (style, text, bold)) in lines.into_iter().enumerate() {
        let mut run = text_run(&text);
        if bold {
            run = run.bold();
        }
        let mut paragraph = ctx.paragraph().style(style).add_run(run).keep_lines(true);
        if index < last {
            paragraph = paragraph.keep_next(true);
        }
        parts.push(paragraph_part(paragraph));
    }
}

/// Appends one run per inline, italic for emphasis and bold for strong.
pub(super) fn add_inlines(mut paragraph: Paragraph, inlines: &[Inline]) -> Paragraph {
    for inline in inlines {
        let mut run = text_run(&inline.text);
        if inline.emphasis {
            run = run.italic();
        }
        if inline.strong {
            run = run.bold();
        }
        paragraph = paragraph.add_run(run);
    }
    paragraph
}

/// A run of literal text: line feeds become line breaks, tabs become tabs,
/// characters XML cannot carry are dropped. docx-rs escapes the rest.
pub(super) fn text_run(text: &str) -> Run {
    let mut run = Run::new();
    for (line_index, line) in text.split('\n').enumerate() {
        if line_index > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        for (piece_index, piece) in line.split('\t').enumerate() {
            if piece_index > 0 {
                run = run.add_tab();
            }
            let clean: String = piece.chars().filter(|c| xml_char(*c)).collect();
            if !clean.is_empty() {
                run = run.add_text(clean);
            }
        }
    }
    run
}

/// Whether XML 1.0 allows this character in text (tab and line feed are
/// handled before; carriage returns are dropped).
fn xml_char(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}
