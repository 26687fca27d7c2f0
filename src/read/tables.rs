//! Amount tables as decision documents set them: one row per party and one
//! column per year ("| Part | Andel | 2027 | 2028 |", with a "Totalt" row,
//! or a tjänsteutlåtande's "| Kommun | Invånare 16–64 år | Andel | 2027
//! (kronor) |" with a "Summa" row), or one row per year ("| År | Förbundets
//! budget | Andel för X | Administration | Insatser |"). Each is read into
//! rows of whole kronor per year, so the package rules can sum them and
//! compare them with the förbundsordning's shares and the budget. A
//! tjänsteutlåtande read from a PDF has lost its table grid; its row per
//! year is read back from the paragraphs the text layer gives ("2027
//! 6 000 000 kronor 602 252 kronor …"), when every amount carries its unit.
//! A table whose amounts cannot be read with certainty (decimals without a
//! unit, text in an amount cell) is left out rather than guessed at.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::document::{Block, Document, plain_text};
use crate::read::lexicon::{excerpt, fold, pattern};

/// How a table lays out its years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A column per year, a row per party.
    YearColumns,
    /// A row per year, a column per party or purpose.
    YearRows,
}

/// One row of an amount table: what it is about and its amounts by year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountRow {
    /// The row's label (a party, "Totalt") or, in a table with one row per
    /// year, the column's heading ("Förbundets budget").
    pub label: String,
    /// Whole kronor by year.
    pub amounts: BTreeMap<i32, u64>,
    /// In a table with a column per year: the row's cells, to quote (the
    /// column's heading in a table with a row per year).
    pub excerpt: String,
    /// In a table with a column of inhabitants ("Invånare 16–64 år"): the
    /// row's count, when every row has one.
    pub inhabitants: Option<u64>,
}

/// A table of amounts by year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountTable {
    /// The section it stands in (`None` before the first section).
    pub section: Option<usize>,
    /// Its first line, to quote.
    pub excerpt: String,
    /// How it lays out its years.
    pub layout: Layout,
    /// The heading of its first column ("Part", "Kommun", "År").
    pub heading: String,
    /// The rows that are not totals.
    pub rows: Vec<AmountRow>,
    /// The row (or column) of totals, when there is one.
    pub total: Option<AmountRow>,
    /// The rounding a sum may show: half a unit per row (one krona for
    /// tables in kronor).
    pub tolerance: u64,
    /// The unit of its amounts in kronor (1, or 1 000 for tkr, 1 000 000
    /// for mnkr), as its headings say.
    pub unit: u64,
    /// In a table with a row per year: each year's row, to quote.
    pub year_rows: BTreeMap<i32, String>,
}

impl AmountTable {
    /// Where to quote the amount of `row` for `year`: the year's row in a
    /// table with a row per year, the row itself otherwise.
    pub fn row_excerpt(&self, row: &AmountRow, year: i32) -> String {
        match self.layout {
            Layout::YearRows => self
                .year_rows
                .get(&year)
                .cloned()
                .unwrap_or_else(|| self.excerpt.clone()),
            Layout::YearColumns => row.excerpt.clone(),
        }
    }
}

/// A heading that is a year alone, or a year with an amount word or unit:
/// "2027", "År 2027", "Belopp 2027 (kr)".
static YEAR_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)^(?:(?:år|belopp|kostnad|budget)\s+)?((?:19|20)\d\d)(?:\s*\(?\s*(?:kr|kronor|tkr|mnkr)\s*\)?)?$",
    )
});

/// A year alone, as a row label.
static YEAR_CELL: LazyLock<Regex> = LazyLock::new(|| pattern(r"^((?:19|20)\d\d)$"));

/// An amount cell: digits grouped by spaces, optionally a decimal part and
/// a unit, and a share in brackets after it ("1 800 000 kronor (30 %)").
static AMOUNT_CELL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)^(\d{1,3}(?:[ \u{a0}\u{202f}]\d{3})+|\d+)(?:,(\d+))?\s*(kr|kronor|tkr|mnkr)?(?:\s*\(\s*\d+(?:,\d+)?\s*(?:%|procent)\s*\))?$",
    )
});

/// A count cell: whole digits grouped by spaces.
static COUNT_CELL: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"^(\d{1,3}(?:[ \u{a0}\u{202f}]\d{3})+|\d+)$"));

/// The unit of a table's amounts, from its headings: kronor unless a
/// heading says tkr or mnkr.
fn unit(header: &[String]) -> Option<u64> {
    let h = fold(&header.join(" "));
    if h.contains("mnkr") || h.contains("miljoner") {
        Some(1_000_000)
    } else if h.contains("tkr") || h.contains("tusental") {
        Some(1_000)
    } else {
        None
    }
}

/// Whether a cell says "nothing here": empty, or a dash.
fn is_blank(cell: &str) -> bool {
    matches!(cell.trim(), "" | "-" | "–" | "—")
}

/// An amount cell in kronor: `None` when it is not an amount, or has
/// decimals and no unit says what they are.
fn amount(cell: &str, table_unit: Option<u64>) -> Option<u64> {
    let c = AMOUNT_CELL.captures(cell.trim())?;
    let digits: String = c
        .get(1)?
        .as_str()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let unit = match c.get(3).map(|u| u.as_str().to_lowercase()) {
        Some(u) if u == "mnkr" => Some(1_000_000),
        Some(u) if u == "tkr" => Some(1_000),
        Some(_) => Some(1),
        None => table_unit,
    };
    let whole: u64 = digits.parse().ok()?;
    match (c.get(2), unit) {
        (None, unit) => whole.checked_mul(unit.unwrap_or(1)),
        (Some(decimals), Some(unit)) if unit > 1 => {
            let text = format!("{whole}.{}", decimals.as_str());
            let value: f64 = text.parse().ok()?;
            Some((value * unit as f64).round() as u64)
        }
        // "8,5" with no unit: not knowable.
        _ => None,
    }
}

/// A count cell ("11 874").
fn count(cell: &str) -> Option<u64> {
    let c = COUNT_CELL.captures(cell.trim())?;
    c.get(1)?
        .as_str()
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()
}

/// Whether a label names a total: "Totalt", "Summa", "Total", "Förbundets budget".
pub fn is_total(label: &str) -> bool {
    let l = fold(label);
    l.starts_with("total") || l.starts_with("summa") || l.starts_with("sammanlagt")
}

/// Every amount table of a document.
pub fn amount_tables(document: &Document) -> Vec<AmountTable> {
    let mut out = Vec::new();
    let parts = std::iter::once((None, document.preamble.as_slice())).chain(
        document
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| (Some(i), s.blocks.as_slice())),
    );
    for (section, blocks) in parts {
        let mut at = 0;
        while let Some(block) = blocks.get(at) {
            at += 1;
            match block {
                Block::Table { header, rows, .. } => {
                    let rows: Vec<Vec<String>> = rows
                        .iter()
                        .map(|r| r.iter().map(|c| plain_text(c).trim().to_string()).collect())
                        .collect();
                    out.extend(table(section, header, &rows));
                }
                Block::Paragraph { text } => {
                    if let Some((read, used)) =
                        text_table(section, &plain_text(text), &blocks[at..])
                    {
                        out.push(read);
                        at += used;
                    }
                }
                _ => {}
            }
        }
    }
    out
}

fn table(section: Option<usize>, header: &[String], rows: &[Vec<String>]) -> Option<AmountTable> {
    let unit = unit(header);
    let year_columns: Vec<(usize, i32)> = header
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let year = YEAR_HEADING
                .captures(h.trim())?
                .get(1)?
                .as_str()
                .parse()
                .ok()?;
            Some((i, year))
        })
        .collect();
    let (layout, read, year_rows) =
        if !year_columns.is_empty() && !year_columns.iter().any(|(i, _)| *i == 0) {
            (
                Layout::YearColumns,
                by_columns(header, &year_columns, rows, unit)?,
                BTreeMap::new(),
            )
        } else if fold(header.first()?.trim()) == "ar" {
            let (read, year_rows) = by_rows(header, rows, unit)?;
            (Layout::YearRows, read, year_rows)
        } else {
            return None;
        };
    Some(assemble(section, header, layout, read, year_rows, unit))
}

/// A table from its rows: totals apart, the tolerance from its unit.
fn assemble(
    section: Option<usize>,
    header: &[String],
    layout: Layout,
    read: Vec<AmountRow>,
    year_rows: BTreeMap<i32, String>,
    unit: Option<u64>,
) -> AmountTable {
    let (total, rows): (Vec<AmountRow>, Vec<AmountRow>) =
        read.into_iter().partition(|r| is_total(&r.label));
    let scale = unit.unwrap_or(1);
    AmountTable {
        section,
        excerpt: excerpt(&header.join(" | ")),
        layout,
        heading: header.first().cloned().unwrap_or_default(),
        tolerance: (rows.len() as u64).max(1) * scale.div_ceil(2).max(1),
        rows,
        total: total.into_iter().next(),
        unit: scale,
        year_rows,
    }
}

/// "| Part | Andel | 2027 | 2028 |": a row per label.
fn by_columns(
    header: &[String],
    years: &[(usize, i32)],
    rows: &[Vec<String>],
    unit: Option<u64>,
) -> Option<Vec<AmountRow>> {
    let inhabitants_column = header
        .iter()
        .position(|h| fold(h).starts_with("invanare") || fold(h).starts_with("antal invanare"));
    let mut out = Vec::new();
    for row in rows {
        let label = row.first()?.clone();
        let mut amounts = BTreeMap::new();
        for (column, year) in years {
            let cell = row.get(*column).map(String::as_str).unwrap_or("");
            if is_blank(cell) {
                continue;
            }
            amounts.insert(*year, amount(cell, unit)?);
        }
        out.push(AmountRow {
            label,
            amounts,
            excerpt: excerpt(&row.join(" | ")),
            inhabitants: inhabitants_column
                .and_then(|c| row.get(c))
                .and_then(|c| count(c)),
        });
    }
    // Counts are read for every row or for none.
    if out.iter().any(|r| r.inhabitants.is_none()) {
        for r in &mut out {
            r.inhabitants = None;
        }
    }
    Some(out)
}

/// The rows of a table with a row per year, and each year's row to quote.
type ByRows = (Vec<AmountRow>, BTreeMap<i32, String>);

/// "| År | Förbundets budget | Andel för X |": a column per label.
fn by_rows(header: &[String], rows: &[Vec<String>], unit: Option<u64>) -> Option<ByRows> {
    let mut out: Vec<AmountRow> = header
        .iter()
        .skip(1)
        .map(|h| AmountRow {
            label: h.clone(),
            amounts: BTreeMap::new(),
            excerpt: h.clone(),
            inhabitants: None,
        })
        .collect();
    let mut year_rows = BTreeMap::new();
    for row in rows {
        let year: i32 = YEAR_CELL
            .captures(row.first()?.trim())?
            .get(1)?
            .as_str()
            .parse()
            .ok()?;
        for (column, target) in out.iter_mut().enumerate() {
            let cell = row.get(column + 1).map(String::as_str).unwrap_or("");
            if is_blank(cell) {
                continue;
            }
            target.amounts.insert(year, amount(cell, unit)?);
        }
        year_rows.insert(year, excerpt(&row.join(" | ")));
    }
    Some((out, year_rows))
}

/// The headings a tjänsteutlåtande's table with a row per year has, as
/// words to find in a header that lost its grid, in folded spelling.
const ROW_HEADINGS: [(&str, &str); 4] = [
    ("forbundets", "Förbundets budget"),
    ("andel for", "Andel för"),
    ("administration", "Administration"),
    ("insatser", "Insatser"),
];

/// A year at the start of a paragraph, and the rest.
static YEAR_LINE: LazyLock<Regex> = LazyLock::new(|| pattern(r"^((?:19|20)\d\d)\s+(.+)$"));

/// One cell of a year's row that lost its grid: an amount with its unit
/// (and perhaps its share in brackets), or a dash.
static TEXT_CELL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)^\s*(?:((?:\d{1,3}(?:[ \u{a0}\u{202f}]\d{3})+|\d+)(?:,\d+)?\s*(?:kronor|kr|tkr|mnkr))(?:\s*\(\s*\d+(?:,\d+)?\s*(?:%|procent)\s*\))?|([–—-]))(?:\s|$)",
    )
});

/// A paragraph of shares in brackets only: "(30 %) (70 %)", the second line
/// of the cells above it.
static SHARES_LINE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"^(?:\(\s*\d+(?:,\d+)?\s*(?:%|procent)\s*\)\s*)+$"));

/// The name after "Andel för" in a header that lost its grid.
static SHARE_FOR: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"(?i)andel\s+för\s+(.+?)(?:\s+administration(?-u:\b)|\s+insatser(?-u:\b)|$)")
});

/// The cells of a year's row that lost its grid, or `None` when any part
/// of it is not an amount with its unit.
fn text_cells(rest: &str) -> Option<Vec<Option<String>>> {
    let mut cells = Vec::new();
    let mut rest = rest.trim();
    while !rest.is_empty() {
        let c = TEXT_CELL.captures(rest)?;
        cells.push(c.get(1).map(|m| m.as_str().to_string()));
        rest = rest.get(c.get(0)?.end()..)?.trim_start();
    }
    Some(cells)
}

/// A tjänsteutlåtande's table with a row per year as a PDF's text layer
/// gives it: a header paragraph ("År Förbundets budget Andel för X
/// Administration Insatser"), perhaps a paragraph or two of its wrapped
/// words, then a paragraph per year ("2027 6 000 000 kronor 602 252 kronor
/// …"), each perhaps followed by its wrapped shares ("(30 %) (70 %)").
/// Returns the table and how many of the `following` blocks it used.
fn text_table(
    section: Option<usize>,
    first: &str,
    following: &[Block],
) -> Option<(AmountTable, usize)> {
    let folded = fold(first.trim());
    if !folded.starts_with("ar ") || !folded.contains("forbundets") {
        return None;
    }
    // In a narrow column "Förbundets budget" wraps, and its "budget" comes
    // first among the wrapped words below, before the rest of the member's
    // name.
    let budget_wrapped = !folded.contains("forbundets budget");
    let mut found: Vec<(usize, &str)> = ROW_HEADINGS
        .iter()
        .filter_map(|(word, label)| folded.find(word).map(|at| (at, *label)))
        .collect();
    found.sort_by_key(|(at, _)| *at);
    let mut wrapped = Vec::new();
    let mut lines: Vec<(i32, String, Vec<Option<String>>)> = Vec::new();
    let mut used = 0;
    for block in following {
        let Block::Paragraph { text } = block else {
            break;
        };
        let line = plain_text(text);
        let line = line.trim();
        if let Some(c) = YEAR_LINE.captures(line) {
            let (Some(year), Some(rest)) = (c.get(1), c.get(2)) else {
                break;
            };
            let Some(cells) = text_cells(rest.as_str()) else {
                break;
            };
            let Ok(year) = year.as_str().parse() else {
                break;
            };
            lines.push((year, line.to_string(), cells));
        } else if SHARES_LINE.is_match(line) && !lines.is_empty() {
            // The second line of the cells above.
        } else if lines.is_empty()
            && wrapped.len() < 2
            && line.chars().count() <= 40
            && !line.chars().any(|c| c.is_ascii_digit())
        {
            wrapped.push(line.to_string());
        } else {
            break;
        }
        used += 1;
    }
    if lines.is_empty() || lines.iter().any(|(_, _, cells)| cells.len() != found.len()) {
        return None;
    }
    let header: Vec<String> = std::iter::once("År".to_string())
        .chain(found.iter().map(|(_, label)| {
            if *label != "Andel för" {
                return (*label).to_string();
            }
            let name = SHARE_FOR
                .captures(first)
                .and_then(|c| c.get(1))
                .map_or("", |m| m.as_str().trim());
            let mut words = vec![name.to_string()];
            let mut below: Vec<&str> = wrapped.iter().flat_map(|w| w.split(' ')).collect();
            if budget_wrapped && below.first().is_some_and(|w| fold(w) == "budget") {
                below.remove(0);
            }
            words.extend(below.into_iter().map(str::to_string));
            format!("Andel för {}", words.join(" ").trim())
        }))
        .collect();
    let mut rows: Vec<AmountRow> = header
        .iter()
        .skip(1)
        .map(|h| AmountRow {
            label: h.clone(),
            amounts: BTreeMap::new(),
            excerpt: h.clone(),
            inhabitants: None,
        })
        .collect();
    let mut year_rows = BTreeMap::new();
    for (year, line, cells) in lines {
        for (target, cell) in rows.iter_mut().zip(cells) {
            if let Some(cell) = cell {
                target.amounts.insert(year, amount(&cell, None)?);
            }
        }
        year_rows.insert(year, excerpt(&line));
    }
    let mut read = assemble(section, &header, Layout::YearRows, rows, year_rows, None);
    read.excerpt = excerpt(first);
    Some((read, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| (*x).to_string()).collect()
    }

    #[test]
    fn reads_a_table_with_a_column_per_year() {
        let t = table(
            Some(3),
            &s(&["Part", "Andel", "2027", "2028"]),
            &[
                s(&[
                    "Försäkringskassan (statens andel)",
                    "hälften",
                    "4 000 000",
                    "4 500 000",
                ]),
                s(&["X kommun", "en fjärdedel", "2 000 000", "2 250 000"]),
                s(&["Totalt", "", "8 000 000", "9 000 000"]),
            ],
        )
        .expect("a table");
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].amounts.get(&2028), Some(&2_250_000));
        assert_eq!(
            t.total.as_ref().and_then(|r| r.amounts.get(&2027)),
            Some(&8_000_000)
        );
    }

    #[test]
    fn reads_a_table_with_a_row_per_year() {
        let t = table(
            None,
            &s(&["År", "Förbundets budget", "Andel för X kommun"]),
            &[s(&["2027", "8 000 000 kr", "2 000 000"])],
        )
        .expect("a table");
        assert_eq!(t.rows[0].label, "Förbundets budget");
        assert_eq!(t.rows[1].amounts.get(&2027), Some(&2_000_000));
    }

    #[test]
    fn reads_a_tjansteutlatandes_year_rows_with_shares_and_dashes() {
        let t = table(
            Some(4),
            &s(&[
                "År",
                "Förbundets budget",
                "Andel för Tierps kommun",
                "Administration",
                "Insatser",
            ]),
            &[
                s(&[
                    "2027",
                    "6\u{a0}000\u{a0}000\u{a0}kronor",
                    "602 252 kronor",
                    "1 800 000 kronor (30\u{a0}%)",
                    "4 200 000 kronor (70 %)",
                ]),
                s(&["2028", "7 200 000 kronor", "722 702 kronor", "–", "–"]),
            ],
        )
        .expect("a table");
        assert_eq!(t.layout, Layout::YearRows);
        assert_eq!(t.rows[0].amounts.get(&2027), Some(&6_000_000));
        assert_eq!(t.rows[2].amounts.get(&2027), Some(&1_800_000));
        assert_eq!(t.rows[3].amounts.get(&2028), None);
        assert!(t.year_rows[&2028].starts_with("2028 | 7 200 000 kronor"));
        assert_eq!(t.unit, 1);
    }

    #[test]
    fn reads_the_inhabitants_of_a_division_table() {
        let t = table(
            None,
            &s(&[
                "Kommun",
                "Invånare 16–64 år 2025-12-31",
                "Andel av kommunernas fjärdedel",
                "2027 (kronor)",
            ]),
            &[
                s(&["Tierps kommun", "11 874", "40,15 %", "602 252"]),
                s(&["Älvkarleby kommun", "5 389", "18,22 %", "273 331"]),
                s(&["Summa", "17 263", "100,00 %", "875 583"]),
            ],
        )
        .expect("a table");
        assert_eq!(t.heading, "Kommun");
        assert_eq!(t.rows[1].inhabitants, Some(5_389));
        assert_eq!(
            t.rows[0].excerpt,
            "Tierps kommun | 11 874 | 40,15 % | 602 252"
        );
        assert_eq!(
            t.total.as_ref().and_then(|r| r.amounts.get(&2027)),
            Some(&875_583)
        );
    }

    fn paragraphs(lines: &[&str]) -> Vec<Block> {
        lines
            .iter()
            .map(|l| Block::Paragraph {
                text: vec![crate::document::Inline::plain(*l)],
            })
            .collect()
    }

    /// The four rows of Tierps kommun's table with a row per year.
    fn assert_year_row_labels(t: &AmountTable) {
        let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Förbundets budget",
                "Andel för Tierps kommun",
                "Administration",
                "Insatser"
            ]
        );
    }

    #[test]
    fn reads_year_rows_that_lost_their_grid() {
        let blocks = paragraphs(&[
            "kommun",
            "2027 6 000 000 kronor 602 252 kronor 1 800 000 kronor 4 200 000 kronor",
            "(30 %) (70 %)",
            "2028 7 200 000 kronor 722 702 kronor – –",
            "Administration och insatser avser förbundets hela budget.",
        ]);
        let (t, used) = text_table(
            Some(2),
            "År Förbundets budget Andel för Tierps Administration Insatser",
            &blocks,
        )
        .expect("a table");
        assert_eq!(used, 4);
        assert_year_row_labels(&t);
        assert_eq!(t.rows[1].amounts.get(&2028), Some(&722_702));
        assert_eq!(t.rows[3].amounts.get(&2027), Some(&4_200_000));
        assert_eq!(t.rows[3].amounts.get(&2028), None);
        // "Förbundets budget" wrapped in its narrow column: its "budget"
        // stands first among the wrapped words.
        let blocks = paragraphs(&[
            "budget kommun",
            "2027 6 000 000 kronor 602 252 kronor 1 800 000 kronor (30 %) 4 200 000 kronor (70 %)",
        ]);
        let (t, _) = text_table(
            None,
            "År Förbundets Andel för Tierps Administration Insatser",
            &blocks,
        )
        .expect("a table");
        assert_year_row_labels(&t);
        assert_eq!(t.rows[2].amounts.get(&2027), Some(&1_800_000));
        // A row whose amounts lack their unit, or count wrong, is no table.
        let blocks = paragraphs(&["2027 6 000 000 602 252"]);
        assert!(text_table(None, "År Förbundets budget Andel för X", &blocks).is_none());
        let blocks = paragraphs(&["2027 6 000 000 kronor"]);
        assert!(text_table(None, "År Förbundets budget Andel för X", &blocks).is_none());
    }

    #[test]
    fn decimals_need_a_unit_and_other_tables_are_not_amounts() {
        assert_eq!(amount("8,5", None), None);
        assert_eq!(amount("8,5", Some(1_000_000)), Some(8_500_000));
        assert_eq!(amount("1 800 915", None), Some(1_800_915));
        assert!(table(None, &s(&["Nuvarande lydelse", "Föreslagen lydelse"]), &[]).is_none());
        // A population column with a reference date is not a year column.
        assert!(
            table(
                None,
                &s(&["Kommun", "Invånare 16–64 år 2025"]),
                &[s(&["X", "12 000"])]
            )
            .is_none()
        );
    }
}
