//! The top of a document as Word shows it: a tjänsteutlåtande's
//! letterhead in two columns, or a bilaga's marking at the right (the
//! layout is [`crate::document::letterhead`]'s). Both are borderless
//! `HeaderBlock` tables, one paragraph per line, which the reader turns
//! back into the header fields.

use docx_rs::{
    AlignmentType, Table, TableAlignmentType, TableCell, TableLayoutType, TableRow, WidthType,
};

use super::content::{Context, style, text_run};
use super::table::{TEXT_WIDTH, borderless};
use crate::document::Document;
use crate::document::letterhead::{Layout, Line, layout};

/// Width of the marking at the right.
const MARKING_WIDTH: usize = 5670;

/// The letterhead or marking of `doc`; `None` when it has no header.
pub(super) fn top(ctx: &mut Context, doc: &Document) -> Option<Table> {
    Some(match layout(doc)? {
        Layout::Letterhead { left, right } => {
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
        Layout::Marking(lines) => {
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
    })
}

/// A cell with one paragraph per line (at least one, so that docx-rs
/// never adds a paragraph of its own).
fn lines_cell(ctx: &mut Context, lines: &[Line], width: usize, align: AlignmentType) -> TableCell {
    let mut cell = TableCell::new().width(width, WidthType::Dxa);
    let empty = [Line {
        text: String::new(),
        bold: false,
    }];
    let lines = if lines.is_empty() { &empty[..] } else { lines };
    for line in lines {
        let mut run = text_run(&line.text);
        if line.bold {
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
