//! The top of a document: a tjänsteutlåtande's letterhead (authority and
//! unit with the handläggare on the left; the document kind, date and dnr,
//! then the recipient and meeting on the right), and another document's
//! marking as a bilaga ("Förslag", "Bilaga 1", date, dnr) at the right.
//! Both are borderless `HeaderBlock` tables, which Word keeps in place and
//! the reader recognises as the header.

use docx_rs::{AlignmentType, Table, TableAlignmentType, TableCell, TableLayoutType, TableRow, WidthType};

use super::content::{Context, style, text_run};
use super::table::{TEXT_WIDTH, borderless};
use crate::document::{Document, DocumentKind, label};

/// Width of the marking at the right.
const MARKING_WIDTH: usize = 3686;

/// The letterhead or marking of `doc`; `None` when it has no header.
pub(super) fn top(ctx: &mut Context, doc: &Document) -> Option<Table> {
    if doc.header.is_empty() {
        return None;
    }
    Some(if doc.kind == DocumentKind::Tjansteutlatande {
        letterhead(ctx, doc)
    } else {
        marking(ctx, doc)
    })
}

/// One line of a letterhead cell: its text and whether it is bold.
type Line = (String, bool);

fn letterhead(ctx: &mut Context, doc: &Document) -> Table {
    let value = |l: &str| doc.header_value(l).map(str::to_string);
    let mut left: Vec<Line> = Vec::new();
    if let Some(authority) = value(label::AUTHORITY) {
        left.push((authority, true));
    }
    if let Some(unit) = value(label::UNIT) {
        left.push((unit, false));
    }
    if let Some(officer) = value(label::OFFICER) {
        left.push((String::new(), false));
        left.push((format!("{}:", label::OFFICER), false));
        left.push((officer, false));
    }
    let mut right: Vec<Line> = vec![(doc.kind.swedish().to_uppercase(), true)];
    if let Some(date) = value(label::DATE) {
        right.push((date, false));
    }
    if let Some(dnr) = value(label::CASE_NUMBER) {
        right.push((format!("Dnr {dnr}"), false));
    }
    if let Some(recipient) = value(label::RECIPIENT) {
        right.push((String::new(), false));
        right.push((recipient, false));
        if let Some(meeting) = value(label::MEETING) {
            right.push((meeting, false));
        }
    }
    let half = TEXT_WIDTH / 2;
    let row = TableRow::new(vec![
        lines_cell(ctx, &left, half, AlignmentType::Left),
        lines_cell(ctx, &right, half, AlignmentType::Left),
    ]);
    borderless(Table::without_borders(vec![row]))
        .set_grid(vec![half, half])
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

fn marking(ctx: &mut Context, doc: &Document) -> Table {
    let lines: Vec<Line> = doc
        .header
        .iter()
        .map(|f| match f.label.as_str() {
            label::STATUS => (f.value.to_uppercase(), true),
            label::APPENDIX => (format!("{} {}", label::APPENDIX, f.value), true),
            label::CASE_NUMBER => (format!("Dnr {}", f.value), false),
            _ => (f.value.clone(), false),
        })
        .collect();
    let row = TableRow::new(vec![lines_cell(
        ctx,
        &lines,
        MARKING_WIDTH,
        AlignmentType::Right,
    )]);
    borderless(Table::without_borders(vec![row]))
        .set_grid(vec![MARKING_WIDTH])
        .width(MARKING_WIDTH, WidthType::Dxa)
        .align(TableAlignmentType::Right)
        .layout(TableLayoutType::Fixed)
}

/// A cell with one paragraph per line (at least one, so that docx-rs
/// never adds a paragraph of its own).
fn lines_cell(ctx: &mut Context, lines: &[Line], width: usize, align: AlignmentType) -> TableCell {
    let mut cell = TableCell::new().width(width, WidthType::Dxa);
    let empty = [(String::new(), false)];
    let lines = if lines.is_empty() { &empty[..] } else { lines };
    for (text, bold) in lines {
        let mut run = text_run(text);
        if *bold {
            run = run.bold();
        }
        let paragraph = ctx
            .paragraph()
            .style(style::TABLE_TEXT)
            .align(align)
            .add_run(run);
        cell = cell.add_paragraph(paragraph);
    }
    cell
}
