//! A tjänsteutlåtande's letterhead: its date and diarienummer, from the
//! header block forbund writes ("Datum", "Diarienummer") or from whatever
//! stands before the first section (lines such as "Dnr HSN 1506-0772",
//! "Datum: 2015-05-12", a letterhead table, a date in running text). A
//! placeholder ("[Diarienummer]") is not a diarienummer.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::document::Document;
use crate::read::lexicon::{first_date, fold, pattern};

/// What a letterhead says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Letterhead {
    /// The document's date.
    pub date: Option<NaiveDate>,
    /// Its diarienummer.
    pub case_number: Option<String>,
}

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?:^|[^\d])((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[^\d]|$)"));

/// "Dnr HSN 1506-0772", "Diarienummer: LS 0603-0601", "Vårt dnr 2015/123":
/// a label and a value with at least one digit.
static CASE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(?:^|[^\p{L}])(?:dnr|diarienummer|diarienr|ärendenummer)\.?\s*[:|]?\s*([\p{L}\d][\p{L}\d ./:-]*\d[\p{L}\d./:-]*)",
    )
});

/// A line that is a diarienummer alone, as letterheads set it without a
/// label: "HSN 1506-0772", "LS 0603-0601", "KS 2027/123".
static BARE_CASE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"^(\p{Lu}{1,6}\s+\d{2,4}[-/.]\d+(?:[-/.]\d+)*)$"));

/// The lines before the first section: header fields as "label: value",
/// paragraphs and list items, and table rows with cells joined by " | ".
fn head_lines(document: &Document) -> Vec<String> {
    let mut lines: Vec<String> = document
        .header
        .iter()
        .map(|f| format!("{}: {}", f.label, f.value))
        .collect();
    for block in &document.preamble {
        for line in block.lines() {
            lines.extend(line.lines().map(String::from));
        }
    }
    lines
}

/// Whether a line of the letterhead gives the document's own date: it is
/// labelled "Datum", or it is a date with at most a place ("2015-09-07",
/// "Stockholm den 12 maj 2015"). A line naming the recipient and its
/// meeting ("Till: Hälso- och sjukvårdsnämnden, 2015-11-03, punkt 10")
/// dates the meeting, not the document.
fn dates_the_document(line: &str) -> bool {
    if fold(line).contains("datum") {
        return true;
    }
    let words = line.split_whitespace().count();
    if ISO_DATE.is_match(line) {
        words <= 3
    } else {
        words <= 5
    }
}

/// Reads the letterhead of `document`.
pub fn letterhead(document: &Document) -> Letterhead {
    let lines = head_lines(document);
    let date = lines
        .iter()
        .filter(|l| dates_the_document(l))
        .find_map(|l| {
            if let Some(c) = ISO_DATE.captures(l) {
                let part = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
                let year = c.get(1).and_then(|m| m.as_str().parse::<i32>().ok())?;
                return NaiveDate::from_ymd_opt(year, part(2)?, part(3)?);
            }
            first_date(l)
        });
    let case_number = lines.iter().find_map(|l| {
        CASE_NUMBER
            .captures(l)
            .or_else(|| BARE_CASE_NUMBER.captures(l.trim()))
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().trim().to_string())
    });
    Letterhead { date, case_number }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, HeaderField};

    fn document(header: &[(&str, &str)], preamble: &[&str]) -> Document {
        let mut d = Document {
            kind: crate::document::DocumentKind::Tjansteutlatande,
            metadata: crate::document::Metadata::default(),
            title: "Inrättande av Samordningsförbundet X".to_string(),
            header: Vec::new(),
            preamble: Vec::new(),
            sections: Vec::new(),
            signatures: Vec::new(),
            acceptances: Vec::new(),
        };
        d.header = header
            .iter()
            .map(|(l, v)| HeaderField {
                label: (*l).to_string(),
                value: (*v).to_string(),
            })
            .collect();
        d.preamble = preamble
            .iter()
            .map(|p| Block::Paragraph {
                text: vec![crate::document::Inline::plain(*p)],
            })
            .collect();
        d
    }

    #[test]
    fn reads_the_header_block_and_free_lines() {
        let l = letterhead(&document(
            &[("Datum", "2015-05-12"), ("Diarienummer", "HSN 1506-0772")],
            &[],
        ));
        assert_eq!(l.date, NaiveDate::from_ymd_opt(2015, 5, 12));
        assert_eq!(l.case_number.as_deref(), Some("HSN 1506-0772"));
        let l = letterhead(&document(&[], &["Dnr LS 0603-0601", "den 31 maj 2006"]));
        assert_eq!(l.case_number.as_deref(), Some("LS 0603-0601"));
        assert_eq!(l.date, NaiveDate::from_ymd_opt(2006, 5, 31));
        let l = letterhead(&document(
            &[],
            &["TJÄNSTEUTLÅTANDE", "2015-09-07", "HSN 1506-0772"],
        ));
        assert_eq!(l.case_number.as_deref(), Some("HSN 1506-0772"));
        assert_eq!(l.date, NaiveDate::from_ymd_opt(2015, 9, 7));
    }

    #[test]
    fn a_meetings_date_is_not_the_documents() {
        let l = letterhead(&document(
            &[("Till", "Hälso- och sjukvårdsnämnden, 2015-11-03, punkt 10")],
            &["Hälso- och sjukvårdsnämnden 2015-11-03, p 10"],
        ));
        assert_eq!(l.date, None);
    }

    #[test]
    fn a_placeholder_is_not_a_value() {
        let l = letterhead(&document(
            &[("Datum", "[Datum]"), ("Diarienummer", "[Diarienummer]")],
            &[],
        ));
        assert_eq!(l, Letterhead::default());
    }
}
