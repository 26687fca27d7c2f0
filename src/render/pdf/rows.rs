//! Fixed row heights for tables whose cells all stay on one line.
//!
//! Typst lays out each cell of an auto-height row twice (once to measure
//! the row, once to place it), and tables are most of the layout work in a
//! package: a förbund with 40 kommuner has a 41-row share table in each of
//! its 40 tjänsteutlåtanden. When every cell is known to fit on one line,
//! the row's height and the columns' widths are known in advance, and the
//! template gives the table those sizes instead of having Typst measure
//! every cell (for auto columns, then for auto rows) before placing it.
//!
//! A table fits when the widest text of each column, measured with the
//! embedded font's advance widths plus a margin, and the cells' insets add
//! up to less than the text width: auto columns then get their natural
//! widths and no cell wraps. Kerning and ligatures only make text
//! narrower, so the estimate errs towards "does not fit", which costs time,
//! never layout. A character the font lacks, a line break or an empty
//! table also gives "does not fit".

use typst::layout::Abs;
use typst::text::{Font, FontInstance, FontStyle, FontVariations, FontWeight};

use crate::document::{Block, Inline};

/// The body text size, as `templates/pdf/style.typ` sets it (pt).
const TEXT_SIZE: f64 = 11.0;

/// The width text may take: A4 (595.28 pt) less 25 mm margins each side.
const TEXT_WIDTH: f64 = 595.276 - 2.0 * 70.866;

/// A cell's horizontal and vertical inset, as the template's `table` rule
/// sets them (pt).
const INSET_X: f64 = 5.0;
const INSET_Y: f64 = 4.0;

/// Measured widths are widened by this factor before they are compared
/// (shaping only narrows text; this is room for rounding).
const WIDTH_MARGIN: f64 = 1.02;

/// Room for each column's stroke (pt), more than the template's 0.4 pt.
const STROKE: f64 = 1.0;

/// The fonts a table's text is set in: regular, bold, italic, bold italic.
pub(super) struct TableFonts {
    regular: FontInstance,
    bold: FontInstance,
    italic: FontInstance,
    bold_italic: FontInstance,
}

impl TableFonts {
    /// The four Libertinus Serif faces among `fonts`, if all are there.
    pub(super) fn find(fonts: &[Font]) -> Option<Self> {
        let face = |weight: FontWeight, style: FontStyle| {
            fonts
                .iter()
                .find(|f| {
                    let info = f.info();
                    info.family == "Libertinus Serif"
                        && info.variant.weight == weight
                        && info.variant.style == style
                })
                .map(|f| {
                    let variant = f.info().variant;
                    f.clone()
                        .instantiate(variant, Abs::pt(TEXT_SIZE), &FontVariations::default())
                })
        };
        Some(TableFonts {
            regular: face(FontWeight::REGULAR, FontStyle::Normal)?,
            bold: face(FontWeight::BOLD, FontStyle::Normal)?,
            italic: face(FontWeight::REGULAR, FontStyle::Italic)?,
            bold_italic: face(FontWeight::BOLD, FontStyle::Italic)?,
        })
    }

    fn face(&self, strong: bool, emphasis: bool) -> &FontInstance {
        match (strong, emphasis) {
            (false, false) => &self.regular,
            (true, false) => &self.bold,
            (false, true) => &self.italic,
            (true, true) => &self.bold_italic,
        }
    }

    /// The longest word and the longest line of a cell at the body size
    /// (pt), and whether it breaks its line; words end at spaces and lines
    /// at line breaks (a no-break space holds its number together). `None`
    /// when the font lacks a character.
    fn cell_extents(&self, runs: &[Inline], strong: bool) -> Option<CellExtents> {
        let mut cell = CellExtents::default();
        let (mut word, mut line) = (0.0, 0.0);
        for run in runs {
            let font = self.face(strong || run.strong, run.emphasis);
            let face = font.ttf();
            let units_per_em = font.units_per_em();
            for c in run.text.chars() {
                if c == '\n' || c == '\r' {
                    cell.word = cell.word.max(word);
                    cell.line = cell.line.max(line);
                    cell.breaks = true;
                    (word, line) = (0.0, 0.0);
                    continue;
                }
                let glyph = face.glyph_index(c)?;
                let advance = f64::from(face.glyph_hor_advance(glyph)?) / units_per_em * TEXT_SIZE;
                line += advance;
                if c == ' ' {
                    cell.word = cell.word.max(word);
                    word = 0.0;
                } else {
                    word += advance;
                }
            }
        }
        cell.word = cell.word.max(word);
        cell.line = cell.line.max(line);
        Some(cell)
    }

    /// How `table` is to be laid out, measured here from the font so that
    /// Typst need not measure its cells.
    ///
    /// When every cell stays on one line beside the others, the columns
    /// get their natural widths (the widest text, with room for rounding,
    /// and the insets: what auto columns would get) and the rows a fixed
    /// height, so Typst lays each cell out once instead of three times (to
    /// size the auto columns, to measure the row, to place it).
    ///
    /// When cells wrap, each column gets at least its longest word, so that
    /// no word is split or runs into the next column (Typst's own sharing
    /// narrows every wide column alike, and a long word such as
    /// "kommunernas" then runs across its neighbour); then, if there is
    /// room, the longest line of its body cells, so that figures and names
    /// stay on one line and the headings wrap; then its headings' longest
    /// line. At the first step that does not fit, the room left is shared
    /// in proportion to what each column lacks; the rows keep Typst's
    /// heights.
    ///
    /// `None` when even the longest words do not fit beside each other,
    /// when a character is missing from the font, or for an empty table:
    /// Typst measures everything itself.
    pub(super) fn layout(&self, table: &Block) -> Option<TableLayout> {
        let (header, rows, columns) = shape(table)?;
        let mut word = vec![0.0_f64; columns];
        let mut body = vec![0.0_f64; columns];
        let mut heading = vec![0.0_f64; columns];
        let mut breaks = false;
        for (i, text) in header.iter().enumerate() {
            let cell = self.cell_extents(&[Inline::plain(text.as_str())], true)?;
            word[i] = word[i].max(cell.word);
            heading[i] = heading[i].max(cell.line);
            breaks |= cell.breaks;
        }
        for row in rows {
            for (i, runs) in row.iter().enumerate() {
                let cell = self.cell_extents(runs, false)?;
                word[i] = word[i].max(cell.word);
                body[i] = body[i].max(cell.line);
                breaks |= cell.breaks;
            }
        }
        let room = |w: f64| w * WIDTH_MARGIN + 2.0 * INSET_X;
        let least: Vec<f64> = word.iter().map(|&w| room(w)).collect();
        let bodies: Vec<f64> = (0..columns).map(|i| room(word[i].max(body[i]))).collect();
        let whole: Vec<f64> = (0..columns)
            .map(|i| room(word[i].max(body[i]).max(heading[i])))
            .collect();
        let available = TEXT_WIDTH - STROKE * (columns as f64 + 1.0);
        if whole.iter().sum::<f64>() <= available && !breaks {
            let cap_height = [&self.regular, &self.bold]
                .iter()
                .map(|f| f.metrics().cap_height.get())
                .fold(0.0, f64::max);
            return Some(TableLayout {
                row_height: Some(cap_height * TEXT_SIZE + 2.0 * INSET_Y),
                column_widths: whole,
            });
        }
        let mut previous = least;
        if previous.iter().sum::<f64>() > available {
            return None;
        }
        for step in [bodies, whole] {
            let (had, wants) = (previous.iter().sum::<f64>(), step.iter().sum::<f64>());
            if wants <= available {
                previous = step;
                continue;
            }
            let share = (available - had) / (wants - had);
            previous = previous
                .iter()
                .zip(&step)
                .map(|(from, to)| from + (to - from) * share)
                .collect();
            break;
        }
        Some(TableLayout {
            row_height: None,
            column_widths: previous,
        })
    }
}

/// What a cell takes at the body size (pt).
#[derive(Debug, Default)]
struct CellExtents {
    /// Its longest word.
    word: f64,
    /// Its longest line.
    line: f64,
    /// Whether it breaks its line.
    breaks: bool,
}

/// A table's rows of cells, each cell a run of inline text.
type Rows = [Vec<Vec<Inline>>];

/// A table's header, rows and number of columns; `None` for another block
/// or a table without rows.
fn shape(table: &Block) -> Option<(&[String], &Rows, usize)> {
    let Block::Table { header, rows, .. } = table else {
        return None;
    };
    if rows.is_empty() {
        return None;
    }
    let columns = rows.iter().map(Vec::len).chain([header.len()]).max()?;
    Some((header, rows, columns))
}

/// A table's sizes as forbund measured them (pt).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct TableLayout {
    /// Every row's height when every cell stays on one line: the insets
    /// and the line from cap height to baseline, as `text`'s default edges
    /// have it; `None` when cells wrap and Typst measures the rows.
    pub(super) row_height: Option<f64>,
    /// Each column's width, insets included.
    pub(super) column_widths: Vec<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Inline;

    fn fonts() -> TableFonts {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(typst::foundations::Bytes::new(data)))
            .collect();
        TableFonts::find(&fonts).expect("Libertinus Serif is embedded")
    }

    fn table(header: &[&str], rows: &[&[&str]]) -> Block {
        Block::Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| vec![Inline::plain(*c)]).collect())
                .collect(),
            numeric: vec![],
        }
    }

    #[test]
    fn a_table_of_short_cells_has_one_line_rows() {
        let layout = fonts().layout(&table(
            &["Kommun", "Andel", "2027 (kronor)"],
            &[&["Exempel1 kommun", "2,5 %", "250\u{a0}000"]],
        ));
        let layout = layout.expect("short cells fit");
        let height = layout.row_height.expect("one-line rows");
        assert!((14.0..17.0).contains(&height), "{height}");
        // "Exempel1 kommun" is wider than "Kommun" in bold; "2027 (kronor)"
        // in bold wider than "250 000"; every column has its insets.
        let [name, share, amount] = layout.column_widths[..] else {
            panic!("three columns: {:?}", layout.column_widths);
        };
        assert!(
            name > 2.0 * INSET_X + 60.0 && name < 2.0 * INSET_X + 90.0,
            "{name}"
        );
        assert!(share > 2.0 * INSET_X && share < name, "{share}");
        assert!(amount > share, "{amount}");
    }

    #[test]
    fn long_cells_and_line_breaks_wrap_and_empty_tables_are_left_to_typst() {
        let fonts = fonts();
        let long = "Förbundet ska bedriva sin verksamhet i enlighet med lagen ".repeat(2);
        let wrapped = fonts
            .layout(&table(&["Lydelse", "Ny"], &[&[&long, &long]]))
            .expect("the words fit beside each other");
        assert_eq!(wrapped.row_height, None);
        assert!(
            wrapped.column_widths.iter().sum::<f64>() <= TEXT_WIDTH,
            "{:?}",
            wrapped.column_widths
        );
        let broken = fonts
            .layout(&table(&["A"], &[&["första\nandra"]]))
            .expect("short lines");
        assert_eq!(broken.row_height, None);
        assert_eq!(fonts.layout(&table(&["A"], &[])), None);
        assert_eq!(fonts.layout(&table(&["A"], &[&["\u{4e2d}\u{6587}"]])), None);
    }
}
