//! Amount tables as decision documents set them: one row per party and one
//! column per year ("| Part | Andel | 2027 | 2028 |", with a "Totalt" row),
//! or one row per year ("| År | Förbundets budget | Andel för X |"). Each
//! is read into rows of whole kronor per year, so the package rules can sum
//! them and compare them with the förbundsordning's shares and the budget.
//! A table whose amounts cannot be read with certainty (decimals without a
//! unit, text in an amount cell) is left out rather than guessed at.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::document::{Block, Document, plain_text};
use crate::read::lexicon::{excerpt, fold, pattern};

/// One row of an amount table: what it is about and its amounts by year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountRow {
    /// The row's label (a party, "Totalt") or, in a table with one row per
    /// year, the column's heading ("Förbundets budget").
    pub label: String,
    /// Whole kronor by year.
    pub amounts: BTreeMap<i32, u64>,
}

/// A table of amounts by year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountTable {
    /// The section it stands in (`None` before the first section).
    pub section: Option<usize>,
    /// Its first line, to quote.
    pub excerpt: String,
    /// The rows that are not totals.
    pub rows: Vec<AmountRow>,
    /// The row (or column) of totals, when there is one.
    pub total: Option<AmountRow>,
    /// The rounding a sum may show: half a unit per row (one krona for
    /// tables in kronor).
    pub tolerance: u64,
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
/// a unit.
static AMOUNT_CELL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"(?i)^(\d{1,3}(?:[ \u{a0}\u{202f}]\d{3})+|\d+)(?:,(\d+))?\s*(kr|kronor|tkr|mnkr)?$")
});

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

/// Whether a label names a total: "Totalt", "Summa", "Total", "Förbundets budget".
pub fn is_total(label: &str) -> bool {
    let l = fold(label);
    l.starts_with("total") || l.starts_with("summa") || l.starts_with("sammanlagt")
}

/// Every amount table of a document.
pub fn amount_tables(document: &Document) -> Vec<AmountTable> {
    let preamble = document.preamble.iter().map(|b| (None, b));
    let sections = document
        .sections
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.blocks.iter().map(move |b| (Some(i), b)));
    preamble
        .chain(sections)
        .filter_map(|(section, block)| match block {
            Block::Table { header, rows, .. } => {
                let rows: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| r.iter().map(|c| plain_text(c).trim().to_string()).collect())
                    .collect();
                table(section, header, &rows)
            }
            _ => None,
        })
        .collect()
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
    let read = if !year_columns.is_empty() && !year_columns.iter().any(|(i, _)| *i == 0) {
        by_columns(&year_columns, rows, unit)?
    } else if fold(header.first()?.trim()) == "ar" {
        by_rows(header, rows, unit)?
    } else {
        return None;
    };
    let (total, rows): (Vec<AmountRow>, Vec<AmountRow>) =
        read.into_iter().partition(|r| is_total(&r.label));
    let scale = unit.unwrap_or(1);
    Some(AmountTable {
        section,
        excerpt: excerpt(&header.join(" | ")),
        tolerance: (rows.len() as u64).max(1) * scale.div_ceil(2).max(1),
        rows,
        total: total.into_iter().next(),
    })
}

/// "| Part | Andel | 2027 | 2028 |": a row per label.
fn by_columns(
    years: &[(usize, i32)],
    rows: &[Vec<String>],
    unit: Option<u64>,
) -> Option<Vec<AmountRow>> {
    let mut out = Vec::new();
    for row in rows {
        let label = row.first()?.clone();
        let mut amounts = BTreeMap::new();
        for (column, year) in years {
            let cell = row.get(*column).map(String::as_str).unwrap_or("");
            if cell.is_empty() {
                continue;
            }
            amounts.insert(*year, amount(cell, unit)?);
        }
        out.push(AmountRow { label, amounts });
    }
    Some(out)
}

/// "| År | Förbundets budget | Andel för X |": a column per label.
fn by_rows(header: &[String], rows: &[Vec<String>], unit: Option<u64>) -> Option<Vec<AmountRow>> {
    let mut out: Vec<AmountRow> = header
        .iter()
        .skip(1)
        .map(|h| AmountRow {
            label: h.clone(),
            amounts: BTreeMap::new(),
        })
        .collect();
    for row in rows {
        let year: i32 = YEAR_CELL
            .captures(row.first()?.trim())?
            .get(1)?
            .as_str()
            .parse()
            .ok()?;
        for (column, target) in out.iter_mut().enumerate() {
            let cell = row.get(column + 1).map(String::as_str).unwrap_or("");
            if cell.is_empty() {
                continue;
            }
            target.amounts.insert(year, amount(cell, unit)?);
        }
    }
    Some(out)
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
