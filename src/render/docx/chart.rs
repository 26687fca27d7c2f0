//! An organisation chart as a borderless table that Word and LibreOffice
//! lay out alike: one row per level with the main box in the middle column
//! and the box beside it in the right column, joined by a line (dashed for
//! support outside the line organisation), and a connector row with a
//! vertical line between levels. Boxes are cells with their own borders.
//! No drawing objects, so nothing draws on docx-rs's global id counters.

use docx_rs::{
    AlignmentType, BorderType, Paragraph, Table, TableCell, TableCellBorder,
    TableCellBorderPosition, TableCellBorders, TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::content::{Context, style, text_run};
use super::table::{TEXT_WIDTH, borderless};
use crate::document::{ChartBox, ChartLevel};

/// Column widths: left margin, main box, joint, box beside.
const MAIN: usize = 3402;
const JOINT: usize = 567;
const BESIDE: usize = 2835;
const LEFT: usize = TEXT_WIDTH - MAIN - JOINT - BESIDE;
/// Half the main box: the connector line runs between two such columns.
const HALF: usize = MAIN / 2;

/// Border width of boxes in eighths of a point.
const LINE: usize = 8;

/// The chart's table.
pub(super) fn chart(ctx: &mut Context, levels: &[ChartLevel]) -> Table {
    let mut rows = Vec::with_capacity(levels.len() * 2);
    for (i, level) in levels.iter().enumerate() {
        if i > 0 {
            rows.push(connector(ctx));
        }
        let (joint, beside) = match &level.beside {
            Some(b) => {
                let kind = if level.beside_supports {
                    BorderType::Dashed
                } else {
                    BorderType::Single
                };
                (joint_cell(ctx, kind), box_cell(ctx, b, BESIDE, kind))
            }
            None => (empty(ctx, JOINT, &[]), empty(ctx, BESIDE, &[])),
        };
        rows.push(TableRow::new(vec![
            empty(ctx, LEFT, &[]),
            box_cell(ctx, &level.main, MAIN, BorderType::Single).grid_span(2),
            joint,
            beside,
        ]));
    }
    borderless(Table::without_borders(rows))
        .set_grid(vec![LEFT, HALF, MAIN - HALF, JOINT, BESIDE])
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// The row between two levels: a vertical line down the middle of the
/// main column (the right border of its left half).
fn connector(ctx: &mut Context) -> TableRow {
    TableRow::new(vec![
        empty(ctx, LEFT, &[]),
        empty(ctx, HALF, &[TableCellBorderPosition::Right]),
        empty(ctx, MAIN - HALF, &[]),
        empty(ctx, JOINT, &[]),
        empty(ctx, BESIDE, &[]),
    ])
}

fn paragraph(ctx: &mut Context) -> Paragraph {
    ctx.paragraph()
        .style(style::TABLE_TEXT)
        .align(AlignmentType::Center)
        .keep_next(true)
}

/// A boxed cell: the title in bold, each line below it.
fn box_cell(ctx: &mut Context, b: &ChartBox, width: usize, kind: BorderType) -> TableCell {
    let mut cell = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .set_borders(all_borders(kind));
    cell = cell.add_paragraph(paragraph(ctx).add_run(text_run(&b.title).bold()));
    for line in &b.lines {
        cell = cell.add_paragraph(paragraph(ctx).add_run(text_run(line).size(18)));
    }
    cell
}

/// The cell joining a main box to the box beside it: a line through the
/// middle (its bottom border, with the cell half a line high).
fn joint_cell(ctx: &mut Context, kind: BorderType) -> TableCell {
    TableCell::new()
        .width(JOINT, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .set_borders(only(&[TableCellBorderPosition::Bottom], kind))
        .add_paragraph(paragraph(ctx).add_run(text_run("")))
}

/// An empty cell with lines on the given sides.
fn empty(ctx: &mut Context, width: usize, lines: &[TableCellBorderPosition]) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .set_borders(only(lines, BorderType::Single))
        .add_paragraph(paragraph(ctx).add_run(text_run("")))
}

fn all_borders(kind: BorderType) -> TableCellBorders {
    only(
        &[
            TableCellBorderPosition::Top,
            TableCellBorderPosition::Left,
            TableCellBorderPosition::Bottom,
            TableCellBorderPosition::Right,
        ],
        kind,
    )
}

/// Borders on `sides` of kind `kind`, none elsewhere.
fn only(sides: &[TableCellBorderPosition], kind: BorderType) -> TableCellBorders {
    let all = [
        TableCellBorderPosition::Top,
        TableCellBorderPosition::Left,
        TableCellBorderPosition::Bottom,
        TableCellBorderPosition::Right,
    ];
    all.into_iter()
        .fold(TableCellBorders::with_empty(), |borders, side| {
            let (kind, size) = if sides.contains(&side) {
                (kind, LINE)
            } else {
                (BorderType::Nil, 0)
            };
            borders.set(
                TableCellBorder::new(side)
                    .border_type(kind)
                    .size(size)
                    .color("auto"),
            )
        })
}
