//! When a document was written, as far as it says: the date in its
//! letterhead or bilaga marking, its own date (Word's properties), the date it was adopted or takes effect ("antagen …",
//! "gäller från och med den 1 januari 2024"), the förbund's formation, or
//! at the latest the year its first term of office ends. Names are judged
//! against this era: a 2015 text that says "landsting" was right when it
//! was written.

use std::sync::LazyLock;

use chrono::Datelike;
use regex::Regex;

use crate::read::facts::{self, Formation, Whose};
use crate::read::lexicon::{dates, fold, pattern};
use crate::read::reading::Reading;

/// The era of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    /// Dated, adopted or in force from this year.
    Year(i32),
    /// Written this year at the latest (its first term ends then).
    NoLaterThan(i32),
}

impl Era {
    /// The year.
    pub fn year(self) -> i32 {
        match self {
            Era::Year(y) | Era::NoLaterThan(y) => y,
        }
    }

    /// The era in Swedish: "dokumentet är daterat 2015".
    pub fn swedish(self) -> String {
        match self {
            Era::Year(y) => format!("dokumentet är daterat {y}"),
            Era::NoLaterThan(y) => {
                format!("dokumentet är skrivet senast {y} (dess första mandattid slutar då)")
            }
        }
    }
}

/// Words that date a text: adopted, revised, in force from.
const DATING: &[&str] = &[
    "antagen",
    "antogs",
    "antaget",
    "faststalld",
    "faststalldes",
    "beslutad",
    "reviderad",
    "andrad",
    "galler fran",
    "trader i kraft",
    "galler fr.o.m",
];

static YEAR: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?:^|[^\d])((?:19|20)\d\d)(?:[^\d:]|$)"));

/// The document's era, if it shows one.
pub fn era(view: &Reading<'_>) -> Option<Era> {
    *view.cache.era.get_or_init(|| read_era(view))
}

fn read_era(view: &Reading<'_>) -> Option<Era> {
    // The date in its letterhead or bilaga marking ("Datum: 2005-12-23"),
    // which the text states, comes before Word's properties, which may
    // only say when the file was made.
    let marked = view
        .document
        .header
        .iter()
        .filter(|f| f.label == crate::document::label::DATE)
        .find_map(|f| crate::read::lexicon::first_date(&f.value))
        .filter(|d| d.year() >= 1990);
    if let Some(date) = marked {
        return Some(Era::Year(date.year()));
    }
    let own = view.document.metadata.date;
    if own.year() >= 1990 {
        return Some(Era::Year(own.year()));
    }
    let preamble: Vec<(&str, String)> = crate::read::lexicon::sentences(&view.preamble)
        .into_iter()
        .map(|s| (s, fold(s)))
        .collect();
    let sentences = preamble
        .iter()
        .map(|(s, t)| (*s, t.as_str()))
        .chain(view.folded_sentences().map(|(_, s, t)| (s, t)));
    let stated = sentences
        .filter(|(_, t)| {
            DATING.iter().any(|w| t.contains(w)) && !t.contains("lag (") && !t.contains("lagen (")
        })
        .filter_map(|(s, _)| {
            dates(s)
                .into_iter()
                .map(|(d, _)| d.year())
                .max()
                .or_else(|| {
                    YEAR.captures_iter(s)
                        .filter_map(|c| c.get(1)?.as_str().parse().ok())
                        .max()
                })
        })
        .max();
    if let Some(year) = stated {
        return Some(Era::Year(year));
    }
    match facts::formation(view) {
        Some(Formation::On(d) | Formation::NoLaterThan(d)) => return Some(Era::Year(d.year())),
        None => {}
    }
    facts::terms(view, Whose::Board)
        .first
        .map(|f| Era::NoLaterThan(f.to.year()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, DocumentKind, HeaderField, Metadata, label};
    use chrono::NaiveDate;

    fn dated(properties: NaiveDate, marked: Option<&str>) -> Option<Era> {
        let document = Document {
            kind: DocumentKind::Avsiktsforklaring,
            metadata: Metadata {
                date: properties,
                ..Metadata::default()
            },
            title: "Avsiktsförklaring".to_string(),
            header: marked
                .map(|value| HeaderField {
                    label: label::DATE.to_string(),
                    value: value.to_string(),
                })
                .into_iter()
                .collect(),
            preamble: Vec::new(),
            sections: Vec::new(),
            signatures: Vec::new(),
            acceptances: Vec::new(),
        };
        read_era(&Reading::new(&document, None))
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_marked_date_comes_before_the_files_properties() {
        // A 2006 text saved as a Word file in 2015.
        assert_eq!(
            dated(day(2015, 3, 1), Some("2006-05-31")),
            Some(Era::Year(2006))
        );
        // A placeholder is no date: the properties are used.
        assert_eq!(
            dated(day(2015, 3, 1), Some("[Ange datum]")),
            Some(Era::Year(2015))
        );
        // Markdown has no properties (the default date is before 1990).
        assert_eq!(
            dated(NaiveDate::default(), Some("31 maj 2006")),
            Some(Era::Year(2006))
        );
        assert_eq!(dated(NaiveDate::default(), None), None);
    }
}
