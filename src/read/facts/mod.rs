//! Facts read from a förbundsordning's text that several rules judge: the
//! board's and the revisors' terms, the board's size, the notice period,
//! when the förbund is formed, and the cost shares ([`shares`]). Each fact
//! keeps where it was read, so a rule can point at it.

pub mod board;
pub mod provisions;
pub mod shares;

pub use board::{Appointer, Appointment, BoardText, board};

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::Place;
use crate::read::lexicon::{self as text, NUMBER, dates, day_months, normalise, number, pattern};
use crate::read::reading::Reading;
use crate::read::topics::Topic;

/// Whose term of office.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose {
    /// The board's ledamöter and ersättare.
    Board,
    /// The revisors.
    Auditors,
}

/// A first term as written.
#[derive(Debug, Clone, PartialEq)]
pub struct FirstTerm {
    /// The stated first day, if a date.
    pub from: Option<NaiveDate>,
    /// Whether it runs from the förbund's formation.
    pub from_formation: bool,
    /// The last day.
    pub to: NaiveDate,
    /// Where it is written.
    pub at: Place,
}

/// The later terms as written.
#[derive(Debug, Clone, PartialEq)]
pub struct LaterTerms {
    /// Their length in years.
    pub years: u32,
    /// The day they start, (month, day), when stated.
    pub start: Option<(u32, u32)>,
    /// Where it is written.
    pub at: Place,
}

/// The terms of the board or of the revisors.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Terms {
    /// The first term, when stated with an end date.
    pub first: Option<FirstTerm>,
    /// The later terms, when their length is stated.
    pub later: Option<LaterTerms>,
}

static YEARS: LazyLock<Regex> =
    LazyLock::new(|| pattern(&format!(r"(?i)(?-u:\b)för\s+({NUMBER})\s+år(?-u:\b)")));

/// The terms of `whose`, read paragraph by paragraph: a paragraph that
/// mentions revisors is about theirs, one that mentions ledamöter about the
/// board's ("Därefter utses de…" belongs to the paragraph it stands in).
pub fn terms(view: &Reading<'_>, whose: Whose) -> Terms {
    let cell = match whose {
        Whose::Board => &view.cache.board_terms,
        Whose::Auditors => &view.cache.auditor_terms,
    };
    cell.get_or_init(|| read_terms(view, whose)).clone()
}

fn read_terms(view: &Reading<'_>, whose: Whose) -> Terms {
    let mut out = Terms::default();
    let keyword = match whose {
        Whose::Auditors => "revisor",
        Whose::Board => "ledam",
    };
    for section in view
        .sections
        .iter()
        .filter(|s| s.normalised.contains(keyword))
    {
        for paragraph in section.text.lines() {
            // The section text is clean (no invisible characters), so the
            // words can be looked for without normalising the paragraph.
            let has = |word: &str| contains_ignoring_case(paragraph, word);
            let about = match whose {
                Whose::Auditors => has("revisor"),
                // "ledamot", "ledamöter", OCR's "ledamoter".
                Whose::Board => has("ledam"),
            };
            if !about || (whose == Whose::Board && has("revisor") && !has("ledam")) {
                continue;
            }
            for sentence in text::sentences(paragraph) {
                let s = normalise(sentence);
                let at = || Place {
                    section: section.index,
                    excerpt: text::excerpt(sentence),
                };
                if out.first.is_none()
                    && (s.contains("första gången") || s.contains("första mandattid"))
                    && let Some(first) = first_term(sentence, at())
                {
                    out.first = Some(first);
                    continue;
                }
                if out.later.is_none()
                    && let Some(c) = YEARS.captures(sentence)
                    && let Some(years) = c.get(1).and_then(|m| number(m.as_str()))
                    && (s.contains("räknat") || s.contains("efter") || s.contains("därefter"))
                {
                    let start = day_months(sentence).into_iter().next();
                    out.later = Some(LaterTerms {
                        years,
                        start,
                        at: at(),
                    });
                }
            }
        }
    }
    out
}

/// Whether `text` contains the ASCII `word` (in lower case) in any case.
fn contains_ignoring_case(text: &str, word: &str) -> bool {
    let word = word.as_bytes();
    text.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word))
}

fn first_term(sentence: &str, at: Place) -> Option<FirstTerm> {
    let lower = sentence.to_lowercase();
    let found = dates(sentence);
    let until = lower.find("till och med").or_else(|| lower.find("t.o.m."));
    let (from, to) = match until {
        Some(u) => (
            found.iter().find(|(_, r)| r.start < u).map(|(d, _)| *d),
            found.iter().find(|(_, r)| r.start > u).map(|(d, _)| *d)?,
        ),
        None => match found.as_slice() {
            [(a, _), (b, _), ..] => (Some(*a), *b),
            [(b, _)] => (None, *b),
            [] => return None,
        },
    };
    Some(FirstTerm {
        from,
        from_formation: lower.contains("bildande"),
        to,
        at,
    })
}

/// How the förbund's formation is dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formation {
    /// On this day.
    On(NaiveDate),
    /// At the latest on this day.
    NoLaterThan(NaiveDate),
}

/// When the förbund is formed, from its formation §.
pub fn formation(view: &Reading<'_>) -> Option<Formation> {
    let section = view.section_on(Topic::Bildande)?;
    for sentence in text::sentences(&section.text) {
        let s = normalise(sentence);
        if !s.contains("bilda") {
            continue;
        }
        let Some(date) = text::first_date(sentence) else {
            continue;
        };
        return Some(if s.contains("senast") {
            Formation::NoLaterThan(date)
        } else {
            Formation::On(date)
        });
    }
    None
}

/// The notice period as written.
#[derive(Debug, Clone, PartialEq)]
pub struct NoticePeriod {
    /// In months.
    pub months: u32,
    /// Where it is written.
    pub at: Place,
}

static NOTICE: LazyLock<Regex> =
    LazyLock::new(|| pattern(&format!(r"(?i)\b({NUMBER})\s+(år|månader)(?-u:\b)")));

/// The notice period for leaving, if stated.
pub fn notice_period(view: &Reading<'_>) -> Option<NoticePeriod> {
    view.normalised_sentences()
        .find_map(|(index, sentence, normalised)| {
            if !normalised.contains("uppsägningstid") {
                return None;
            }
            let c = NOTICE.captures(sentence)?;
            let n = number(c.get(1)?.as_str())?;
            let months = if text::fold(c.get(2)?.as_str()) == "ar" {
                n * 12
            } else {
                n
            };
            Some(NoticePeriod {
                months,
                at: Place {
                    section: index,
                    excerpt: text::excerpt(sentence),
                },
            })
        })
}

/// The first sentence of the document containing `stem` (lower case), with
/// its section.
pub fn sentence_with<'v>(view: &'v Reading<'_>, stem: &str) -> Option<(usize, &'v str)> {
    view.normalised_sentences()
        .find(|(_, _, t)| t.contains(stem))
        .map(|(index, s, _)| (index, s))
}

/// A pointer at a sentence of a section.
pub fn at_sentence(index: usize, sentence: &str) -> Place {
    Place {
        section: index,
        excerpt: text::excerpt(sentence),
    }
}
