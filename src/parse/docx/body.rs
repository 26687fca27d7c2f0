//! `word/document.xml` → blocks, streamed with quick-xml so memory stays
//! proportional to the text. Paragraphs keep their style, runs (bold,
//! italic; `w:t`, `w:tab`, `w:br`) and the label Word's automatic
//! numbering gives them ("3 §"), counted in document order. The text is
//! read as if every tracked change were accepted: deletions (`w:del`),
//! moved-away text (`w:moveFrom`), old properties and a deleted paragraph
//! mark (the paragraph joins the next) are dropped, insertions and
//! moved-here text kept; the changes and comments are counted so the user
//! can be told. Content controls (`w:sdt`) are read as text unless they
//! still show their placeholder; field codes and the fallback copies of
//! text boxes are skipped. Tables keep their cells' paragraphs; tables
//! nested deeper than [`MAX_TABLE_DEPTH`] are read as plain paragraphs.

use std::collections::HashSet;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::blocks::blocks;
use super::numbering::{Counter, Label, Numbering};
use super::parts::{Styles, attr, entity, local};
use crate::document::Inline;
use crate::parse::raw::{Raw, raw_text};

/// Tables nested deeper than this are read as the paragraphs they hold.
const MAX_TABLE_DEPTH: usize = 16;

/// Tracked changes: text added or removed, and changed properties.
const CHANGES: [&[u8]; 10] = [
    b"ins",
    b"del",
    b"moveFrom",
    b"moveTo",
    b"pPrChange",
    b"rPrChange",
    b"tblPrChange",
    b"trPrChange",
    b"tcPrChange",
    b"sectPrChange",
];

/// Elements whose content is not the document's current text.
const SKIPPED: [&[u8]; 12] = [
    b"del",
    b"moveFrom",
    b"Fallback",
    b"instrText",
    b"delText",
    b"pPrChange",
    b"rPrChange",
    b"tblPrChange",
    b"trPrChange",
    b"tcPrChange",
    b"sectPr",
    b"delInstrText",
];

/// What the body held.
#[derive(Debug, Default)]
pub(super) struct Body {
    /// The blocks in order.
    pub blocks: Vec<Raw>,
    /// How many tracked changes (insertions, deletions, moves, property
    /// changes) are not yet accepted.
    pub changes: usize,
    /// How many comments are anchored in the body.
    pub comments: usize,
}

/// Reads the body; an error names what in the XML is broken.
pub(super) fn read(xml: &[u8], styles: &Styles, numbering: &Numbering) -> Result<Body, String> {
    let mut walker = Walker::new(styles, numbering);
    let mut reader = Reader::from_reader(xml);
    let mut buffer = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buffer)
            .map_err(|e| format!("{e} (vid byte {})", reader.buffer_position()))?;
        match event {
            Event::Start(e) => walker.start(&e),
            Event::Empty(e) if walker.skip == 0 => walker.element(&e),
            Event::End(e) => walker.end(e.local_name().as_ref()),
            Event::Text(t) => walker.text(&t.decode().unwrap_or_default()),
            Event::CData(t) => walker.text(&t.decode().unwrap_or_default()),
            Event::GeneralRef(r) => walker.text(&entity(&r)),
            Event::Eof => break,
            _ => {}
        }
        buffer.clear();
    }
    walker.finish();
    let comments = walker.comments.len();
    Ok(Body {
        blocks: blocks(walker.items, styles, numbering),
        changes: walker.changes,
        comments,
    })
}

/// A paragraph of the body with what its properties say.
#[derive(Debug, Default)]
pub(super) struct Para {
    /// Its style id.
    pub style: Option<String>,
    /// Its list (`w:numId`), if numbered directly.
    pub num_id: Option<String>,
    /// Its list level, if given directly.
    pub level: Option<u8>,
    /// The list it is in, from its own properties or its style's:
    /// (`w:numId`, level).
    pub list: Option<(String, u8)>,
    /// The label automatic numbering gives it ("3 §\t"), if any.
    pub label: Option<Label>,
    /// Its paragraph mark is a tracked deletion: it joins the next paragraph.
    pub mark_deleted: bool,
    /// Its outline level, if set directly.
    pub outline: Option<u8>,
    /// Right-aligned.
    pub right: bool,
    /// Its runs.
    pub runs: Vec<Inline>,
}

impl Para {
    /// The text as Word shows it: a number label (not a bullet) first.
    pub fn shown_text(&self) -> String {
        let label = self.label.as_ref().filter(|l| !l.bullet);
        let label = label.map_or("", |l| l.text.as_str());
        format!("{label}{}", raw_text(&self.runs))
    }

    /// The runs as Word shows them: a number label (not a bullet) first.
    pub fn shown_runs(&self) -> Vec<Inline> {
        match self.label.as_ref().filter(|l| !l.bullet) {
            Some(label) => std::iter::once(Inline::plain(label.text.clone()))
                .chain(self.runs.iter().cloned())
                .collect(),
            None => self.runs.clone(),
        }
    }
}

/// A table cell: its paragraphs and nested tables, and whether its first
/// paragraph is right-aligned.
#[derive(Debug, Default)]
pub(super) struct Cell {
    /// What the cell holds, in order.
    pub items: Vec<Item>,
    /// Right-aligned, from its first paragraph.
    pub right: Option<bool>,
}

impl Cell {
    /// The cell's text: its paragraphs and nested tables joined by spaces.
    pub fn text(&self) -> String {
        let parts = self.items.iter().map(|item| match item {
            Item::Para(para) => para.shown_text(),
            Item::Table(table) => table.text(),
        });
        let parts: Vec<String> = parts.filter(|t| !t.trim().is_empty()).collect();
        parts.join(" ")
    }
}

/// A table being read.
#[derive(Debug, Default)]
pub(super) struct TableAcc {
    /// Its style id.
    pub style: Option<String>,
    /// Its rows of cells.
    pub rows: Vec<Vec<Cell>>,
}

impl TableAcc {
    fn cell(&mut self) -> Option<&mut Cell> {
        self.rows.last_mut()?.last_mut()
    }

    /// The table's text: every cell's, joined by spaces.
    pub fn text(&self) -> String {
        let cells = self.rows.iter().flatten().map(Cell::text);
        cells.collect::<Vec<_>>().join(" ")
    }
}

/// A top-level part of the body.
#[derive(Debug)]
pub(super) enum Item {
    /// A paragraph.
    Para(Para),
    /// A table.
    Table(TableAcc),
}

struct Walker<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    counter: Counter,
    items: Vec<Item>,
    para: Option<Para>,
    para_depth: usize,
    /// A paragraph whose mark was deleted, waiting to join the next.
    carried: Option<Para>,
    tables: Vec<TableAcc>,
    /// Tables open beyond [`MAX_TABLE_DEPTH`], read as paragraphs.
    flattened: usize,
    /// One entry per open content control: whether it shows its placeholder.
    controls: Vec<bool>,
    skip: usize,
    in_ppr: usize,
    in_rpr: bool,
    in_text: bool,
    in_control_properties: usize,
    bold: bool,
    italic: bool,
    changes: usize,
    comments: HashSet<String>,
}

impl<'a> Walker<'a> {
    fn new(styles: &'a Styles, numbering: &'a Numbering) -> Self {
        Walker {
            styles,
            numbering,
            counter: Counter::default(),
            items: Vec::new(),
            para: None,
            para_depth: 0,
            carried: None,
            tables: Vec::new(),
            flattened: 0,
            controls: Vec::new(),
            skip: 0,
            in_ppr: 0,
            in_rpr: false,
            in_text: false,
            in_control_properties: 0,
            bold: false,
            italic: false,
            changes: 0,
            comments: HashSet::new(),
        }
    }

    fn start(&mut self, e: &BytesStart<'_>) {
        let name = local(e);
        if self.skip > 0 {
            self.skip += 1;
            return;
        }
        if CHANGES.contains(&name.as_slice()) {
            self.changes += 1;
        }
        if name == b"del" && self.in_ppr > 0 {
            // A deleted paragraph mark, written as `<w:del …></w:del>`.
            self.with_para(|p| p.mark_deleted = true);
        }
        if SKIPPED.contains(&name.as_slice()) {
            self.skip = 1;
            return;
        }
        match name.as_slice() {
            b"p" => {
                self.para.get_or_insert_with(Para::default);
                self.para_depth += 1;
            }
            b"pPr" => self.in_ppr += 1,
            b"r" => (self.bold, self.italic) = (false, false),
            b"rPr" => self.in_rpr = self.in_ppr == 0,
            b"t" => self.in_text = true,
            b"tbl" if self.flattened > 0 || self.tables.len() >= MAX_TABLE_DEPTH => {
                self.flattened += 1;
            }
            b"tbl" => self.tables.push(TableAcc::default()),
            b"tr" if self.flattened == 0 => {
                if let Some(table) = self.tables.last_mut() {
                    table.rows.push(Vec::new());
                }
            }
            b"tc" if self.flattened == 0 => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(Cell::default());
                }
            }
            // Containers of kept text: counted above, nothing else to note.
            b"ins" | b"moveTo" => {}
            b"sdt" => self.controls.push(false),
            b"sdtPr" => self.in_control_properties += 1,
            b"sdtContent" if self.controls.last() == Some(&true) => self.skip = 1,
            _ => self.element(e),
        }
    }

    /// An element that carries its meaning in attributes.
    fn element(&mut self, e: &BytesStart<'_>) {
        let name = local(e);
        let in_ppr = self.in_ppr > 0;
        if self.in_control_properties > 0 {
            if name == b"showingPlcHdr"
                && switched_on(e)
                && let Some(placeholder) = self.controls.last_mut()
            {
                *placeholder = true;
            }
            return;
        }
        match name.as_slice() {
            // Only empty change elements get here (the others are skipped
            // or handled in `start`): a paragraph mark or table row
            // inserted or deleted, or a property change without content.
            change if CHANGES.contains(&change) => {
                self.changes += 1;
                if in_ppr && change == b"del" {
                    self.with_para(|p| p.mark_deleted = true);
                }
            }
            b"commentReference" | b"commentRangeStart" => {
                if let Some(id) = attr(e, b"id") {
                    self.comments.insert(id);
                }
            }
            b"pStyle" if in_ppr => self.with_para(|p| p.style = attr(e, b"val")),
            b"numId" if in_ppr => self.with_para(|p| p.num_id = attr(e, b"val")),
            b"ilvl" if in_ppr => self.with_para(|p| p.level = number(e)),
            b"outlineLvl" if in_ppr => self.with_para(|p| p.outline = number(e)),
            b"jc" if in_ppr => {
                let right = matches!(attr(e, b"val").as_deref(), Some("right" | "end"));
                self.with_para(|p| p.right = right);
            }
            b"b" if self.in_rpr => self.bold = switched_on(e),
            b"i" if self.in_rpr => self.italic = switched_on(e),
            b"tab" if !in_ppr => self.insert("\t"),
            b"br" | b"cr" => self.insert("\n"),
            b"noBreakHyphen" => self.insert("-"),
            b"tblStyle" => {
                if let Some(table) = self.tables.last_mut() {
                    table.style = attr(e, b"val");
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match name {
            b"p" => {
                self.para_depth = self.para_depth.saturating_sub(1);
                if self.para_depth == 0 {
                    self.finish_paragraph();
                }
            }
            b"pPr" => self.in_ppr = self.in_ppr.saturating_sub(1),
            b"rPr" => self.in_rpr = false,
            b"t" => self.in_text = false,
            b"tbl" if self.flattened > 0 => self.flattened -= 1,
            b"tbl" => self.finish_table(),
            b"sdt" => {
                self.controls.pop();
            }
            b"sdtPr" => {
                self.in_control_properties = self.in_control_properties.saturating_sub(1);
            }
            _ => {}
        }
    }

    fn with_para(&mut self, change: impl FnOnce(&mut Para)) {
        if let Some(para) = &mut self.para {
            change(para);
        }
    }

    /// Text of the XML: only what is inside `w:t` is document text.
    fn text(&mut self, text: &str) {
        if self.in_text {
            self.insert(text);
        }
    }

    /// Adds text to the paragraph: from `w:t`, or a tab or break.
    fn insert(&mut self, text: &str) {
        if self.skip > 0 {
            return;
        }
        let (emphasis, strong) = (self.italic, self.bold);
        let Some(para) = &mut self.para else {
            return;
        };
        match para.runs.last_mut() {
            Some(last) if last.emphasis == emphasis && last.strong == strong => {
                last.text.push_str(text);
            }
            _ => para.runs.push(Inline {
                text: text.to_string(),
                emphasis,
                strong,
            }),
        }
    }

    fn finish_paragraph(&mut self) {
        let Some(mut para) = self.para.take() else {
            return;
        };
        if let Some(carried) = self.carried.take() {
            let mut runs = carried.runs;
            runs.append(&mut para.runs);
            para.runs = runs;
        }
        if para.mark_deleted {
            // Accepting the deletion joins this paragraph to the next.
            self.carried = Some(para);
            return;
        }
        para.list = self.list(&para);
        para.label = para
            .list
            .as_ref()
            .and_then(|(num_id, level)| self.counter.next(self.numbering, num_id, *level));
        match self.tables.last_mut().and_then(TableAcc::cell) {
            Some(cell) => {
                cell.right.get_or_insert(para.right);
                cell.items.push(Item::Para(para));
            }
            None => self.items.push(Item::Para(para)),
        }
    }

    /// The paragraph's list and level: its own, else its style's.
    fn list(&self, para: &Para) -> Option<(String, u8)> {
        let style_list = para.style.as_deref().and_then(|s| self.styles.list(s));
        let num_id = para
            .num_id
            .clone()
            .or_else(|| style_list.as_ref().map(|l| l.num_id.clone()))
            .filter(|id| id != "0")?;
        let style_level = || {
            let list = style_list.as_ref()?;
            list.level.or_else(|| {
                let style = para.style.as_deref()?;
                self.numbering.level_of_style(&num_id, style)
            })
        };
        let level = para.level.or_else(style_level).unwrap_or(0);
        Some((num_id, level))
    }

    fn finish_table(&mut self) {
        let Some(table) = self.tables.pop() else {
            return;
        };
        match self.tables.last_mut().and_then(TableAcc::cell) {
            Some(cell) => cell.items.push(Item::Table(table)),
            None => self.items.push(Item::Table(table)),
        }
    }

    /// Whatever is still open at the end of the body.
    fn finish(&mut self) {
        if let Some(carried) = self.carried.take() {
            self.items.push(Item::Para(carried));
        }
    }
}

/// `<w:b/>` and `<w:b w:val="true"/>` are on; `w:val="0"`/`"false"` off.
fn switched_on(e: &BytesStart<'_>) -> bool {
    !matches!(
        attr(e, b"val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

fn number(e: &BytesStart<'_>) -> Option<u8> {
    attr(e, b"val").and_then(|v| v.parse().ok())
}
