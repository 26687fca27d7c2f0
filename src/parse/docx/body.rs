//! `word/document.xml` → blocks, streamed with quick-xml so memory stays
//! proportional to the text. Paragraphs keep their style, numbering and
//! runs (bold, italic; `w:t`, `w:tab`, `w:br`); tracked deletions
//! (`w:del`), moved-away text, field codes and the fallback copies of
//! text boxes are skipped, tracked insertions (`w:ins`) are kept. Tables
//! become tables, nested tables are flattened into their cell.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::blocks::blocks;
use super::parts::{Numbering, Styles, attr, entity, local};
use crate::document::Inline;
use crate::parse::raw::{Raw, raw_text};

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
    /// How many tracked deletions were skipped.
    pub deleted_runs: usize,
}

/// Reads the body; an error names what in the XML is broken.
pub(super) fn read(xml: &[u8], styles: &Styles, numbering: &Numbering) -> Result<Body, String> {
    let mut walker = Walker::default();
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
    Ok(Body {
        blocks: blocks(walker.items, styles, numbering),
        deleted_runs: walker.deleted,
    })
}

/// A paragraph of the body with what its properties say.
#[derive(Debug, Default)]
pub(super) struct Para {
    /// Its style id.
    pub style: Option<String>,
    /// Its list (`w:numId`), if numbered.
    pub num_id: Option<String>,
    /// Its list level.
    pub level: u8,
    /// Its outline level, if set directly.
    pub outline: Option<u8>,
    /// Right-aligned.
    pub right: bool,
    /// Its runs.
    pub runs: Vec<Inline>,
}

/// A table cell: its paragraphs' text, and whether the first is right-aligned.
#[derive(Debug, Default)]
pub(super) struct Cell {
    /// The text.
    pub text: String,
    /// Right-aligned, from its first paragraph.
    pub right: Option<bool>,
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

    fn text(&self) -> String {
        let cells = self.rows.iter().flatten().map(|c| c.text.as_str());
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

#[derive(Debug, Default)]
struct Walker {
    items: Vec<Item>,
    para: Option<Para>,
    para_depth: usize,
    tables: Vec<TableAcc>,
    skip: usize,
    in_ppr: usize,
    in_rpr: bool,
    in_text: bool,
    bold: bool,
    italic: bool,
    deleted: usize,
}

impl Walker {
    fn start(&mut self, e: &BytesStart<'_>) {
        let name = local(e);
        if self.skip > 0 {
            self.skip += 1;
            return;
        }
        if SKIPPED.contains(&name.as_slice()) {
            self.skip = 1;
            self.deleted += usize::from(name == b"del");
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
            b"tbl" => self.tables.push(TableAcc::default()),
            b"tr" => {
                if let Some(table) = self.tables.last_mut() {
                    table.rows.push(Vec::new());
                }
            }
            b"tc" => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(Cell::default());
                }
            }
            _ => self.element(e),
        }
    }

    /// An element that carries its meaning in attributes.
    fn element(&mut self, e: &BytesStart<'_>) {
        let name = local(e);
        let in_ppr = self.in_ppr > 0;
        match name.as_slice() {
            b"pStyle" if in_ppr => self.with_para(|p| p.style = attr(e, b"val")),
            b"numId" if in_ppr => self.with_para(|p| p.num_id = attr(e, b"val")),
            b"ilvl" if in_ppr => self.with_para(|p| p.level = number(e).unwrap_or(0)),
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
            b"tbl" => self.finish_table(),
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
        let Some(para) = self.para.take() else {
            return;
        };
        match self.tables.last_mut().and_then(TableAcc::cell) {
            Some(cell) => {
                let text = raw_text(&para.runs);
                if !cell.text.is_empty() && !text.trim().is_empty() {
                    cell.text.push(' ');
                }
                cell.text.push_str(&text);
                cell.right.get_or_insert(para.right);
            }
            None => self.items.push(Item::Para(para)),
        }
    }

    fn finish_table(&mut self) {
        let Some(table) = self.tables.pop() else {
            return;
        };
        match self.tables.last_mut().and_then(TableAcc::cell) {
            Some(cell) => {
                cell.text.push(' ');
                cell.text.push_str(&table.text());
            }
            None => self.items.push(Item::Table(table)),
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
