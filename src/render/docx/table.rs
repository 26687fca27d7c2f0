//! Tables: data tables with a repeated header row, and the borderless
//! style of letterheads and charts.

use docx_rs::{
    AlignmentType, BorderType, Table, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableLayoutType, TableRow, WidthType,
};

use super::content::{Context, add_inlines, style, text_run};
use crate::document::Inline;

/// Width of the text area in twentieths of a point: A4 (11906) less two
/// 25 mm margins (1417 each).
pub(super) const TEXT_WIDTH: usize = 9072;

/// Border width of data tables in eighths of a point.
const BORDER_SIZE: usize = 4;

/// A table in the borderless `HeaderBlock` style.
pub(super) fn borderless(table: Table) -> Table {
    table
        .style(style::HEADER_BLOCK)
        .set_borders(borders(BorderType::None, 0))
}

/// A data table with borders and equal columns; the header row is bold
/// and marked to repeat on every page, numeric columns are right-aligned.
/// `None` when there is nothing to show.
pub(super) fn data_table(
    ctx: &mut Context,
    header: &[String],
    rows: &[Vec<Vec<Inline>>],
    numeric: &[bool],
) -> Option<Table> {
    let columns = rows.iter().map(Vec::len).chain([header.len()]).max()?;
    if columns == 0 {
        return None;
    }
    let width = TEXT_WIDTH / columns;
    let mut table_rows = Vec::with_capacity(rows.len() + 1);
    if !header.is_empty() {
        ctx.header_rows += 1;
        let header: Vec<Vec<Inline>> = header
            .iter()
            .map(|h| {
                vec![Inline {
                    text: h.clone(),
                    emphasis: false,
                    strong: true,
                }]
            })
            .collect();
        table_rows.push(data_row(ctx, &header, columns, width, numeric).cant_split());
    }
    for row in rows {
        table_rows.push(data_row(ctx, row, columns, width, numeric));
    }
    let table = Table::new(table_rows)
        .style(style::TABLE_GRID)
        .set_borders(borders(BorderType::Single, BORDER_SIZE))
        .set_grid(vec![width; columns])
        .width(width * columns, WidthType::Dxa)
        .layout(TableLayoutType::Fixed);
    Some(table)
}

/// One row, padded with empty cells to `columns`.
fn data_row(
    ctx: &mut Context,
    cells: &[Vec<Inline>],
    columns: usize,
    width: usize,
    numeric: &[bool],
) -> TableRow {
    let cells = (0..columns)
        .map(|index| {
            let runs = cells.get(index).map_or(&[][..], Vec::as_slice);
            let right = numeric.get(index).copied().unwrap_or(false);
            rich_cell(ctx, runs, width, right)
        })
        .collect();
    TableRow::new(cells)
}

/// A cell holding one paragraph of inline runs; never empty (see [`cell`]).
fn rich_cell(ctx: &mut Context, runs: &[Inline], width: usize, right: bool) -> TableCell {
    let mut paragraph = ctx.paragraph().style(style::TABLE_TEXT);
    paragraph = if runs.iter().all(|r| r.text.is_empty()) {
        paragraph.add_run(text_run(""))
    } else {
        add_inlines(paragraph, runs)
    };
    if right {
        paragraph = paragraph.align(AlignmentType::Right);
    }
    TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(paragraph)
}

/// The same border on all six edges.
pub(super) fn borders(kind: BorderType, size: usize) -> TableBorders {
    [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::with_empty(), |all, position| {
        all.set(
            TableBorder::new(position)
                .border_type(kind)
                .size(size)
                .color("auto"),
        )
    })
}
