//! Shared machinery for rules about words: outdated names (AKTUELL-*) and
//! style (SPRAK-*). A rule is a pattern and a message; it runs on every
//! text field of a description (one finding per field) and on every § of a
//! document (one finding per §, counting the places). Words inside the old
//! long title of FinsamL are left to AKTUELL-LAGTITEL, so one outdated
//! title is one finding, not four.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::{at_path, fix_note};
use crate::check::rule::{At, Hit, Subject};
use crate::finding::Fix;
use crate::read::dated::{Era, era};
use crate::read::lexicon::{excerpt, pattern, sentence_around};
pub(crate) use crate::read::outdated::LONG_TITLE;

/// A word rule's pattern and what to say.
pub struct Wording {
    /// What to look for.
    pub pattern: &'static LazyLock<Regex>,
    /// Folded words (see [`crate::read::typography::fold`]) of which every
    /// match contains one: a section whose folded text has none of them is
    /// not searched.
    pub clues: &'static [&'static str],
    /// What the text says, e.g. "«länsarbetsnämnd» är en föråldrad benämning".
    pub problem: &'static str,
    /// What to write instead, e.g. "Arbetsförmedlingen".
    pub modern: &'static str,
    /// Whether the words to replace are exactly the match (so the fix can
    /// name the regions), e.g. "skall" → "ska".
    pub exact: Option<(&'static str, &'static str)>,
    /// Whether matches inside the old long title are skipped.
    pub skip_in_title: bool,
    /// Whether matches inside "Sveriges Kommuner och Landsting" are skipped.
    pub skip_in_skl: bool,
    /// Advice to give instead of "skriv X i stället för «…»".
    pub advice: Option<&'static str>,
    /// For an outdated name: the year it changed and the date in words
    /// ("den 1 januari 2019"), to say since when and to judge the text
    /// against its own era.
    pub since: Option<(i32, &'static str)>,
}

/// The problem, with since when and how it stands to the document's era:
/// "«landsting» … heter region sedan den 1 januari 2019; dokumentet är
/// daterat 2015, då den äldre benämningen gällde".
fn problem(w: &Wording, era: Option<Era>) -> String {
    let Some((year, date)) = w.since else {
        return w.problem.to_string();
    };
    match era {
        Some(era) if era.year() < year => format!(
            "{} sedan {date}; {}, då den äldre benämningen gällde, så texten var riktig när den skrevs men bör moderniseras när förbundsordningen ändras",
            w.problem,
            era.swedish()
        ),
        Some(era) => format!("{} sedan {date}; {}", w.problem, era.swedish()),
        None => format!("{} sedan {date}", w.problem),
    }
}

/// "Sveriges Kommuner och Landsting": left to AKTUELL-SKR.
pub static SKL_NAME: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?i)sveriges\s+kommuner\s+och\s+landsting\w*"));

fn matches(w: &Wording, text: &str) -> Vec<std::ops::Range<usize>> {
    // Most sections have none of the words: look for the word first and
    // for the names it may stand in only when it is there.
    if !w.pattern.is_match(text) {
        return Vec::new();
    }
    let mut skip: Vec<std::ops::Range<usize>> = Vec::new();
    if w.skip_in_skl {
        skip.extend(SKL_NAME.find_iter(text).map(|m| m.range()));
    }
    if w.skip_in_title {
        skip.extend(LONG_TITLE.find_iter(text).map(|m| m.range()));
    }
    w.pattern
        .find_iter(text)
        .map(|m| m.range())
        .filter(|r| !skip.iter().any(|s| s.start <= r.start && r.end <= s.end))
        .collect()
}

fn fix(w: &Wording, found: &str) -> Fix {
    match w.exact {
        Some((replace, with)) => Fix {
            message: format!("skriv «{with}» i stället för «{replace}»"),
            replace: Some(replace.to_string()),
            with: Some(with.to_string()),
            ..Fix::default()
        },
        None => match w.advice {
            Some(advice) => fix_note(advice),
            None => fix_note(format!("skriv {} i stället för «{found}»", w.modern)),
        },
    }
}

fn places(n: usize) -> String {
    if n == 1 {
        String::new()
    } else {
        format!(" ({} ställen)", crate::swedish::number_in_words(n as u64))
    }
}

/// Runs a word rule over a subject.
pub fn run(w: &Wording, subject: &Subject<'_>) -> Vec<Hit> {
    match subject {
        Subject::Description(d) => {
            // A description drafts documents of its own date, whose names
            // are that era's (AKTUELL-EPOK holds it to them): an old name
            // is right there, not outdated.
            if let Some((year, _)) = w.since
                && chrono::Datelike::year(&crate::compose::era::description_date(d.forbund)) < year
            {
                return Vec::new();
            }
            let mut hits = Vec::new();
            let mut ordered: Vec<(String, String)> = Vec::new();
            if let Ok(value) = serde_json::to_value(d.forbund) {
                ordered_strings(&value, String::new(), &mut ordered);
            }
            for (path, text) in ordered {
                let found = matches(w, &text);
                let Some(first) = found.first() else { continue };
                let word = text.get(first.clone()).unwrap_or_default();
                hits.push(
                    Hit::new(
                        format!("{}{}", problem(w, None), places(found.len())),
                        at_path(&path),
                    )
                    .with_fix(fix(w, word)),
                );
            }
            hits
        }
        Subject::Document(view) => {
            let mut hits = Vec::new();
            let era = || w.since.and_then(|_| era(view));
            let parts = std::iter::once((None, view.preamble.as_str(), None)).chain(
                view.sections
                    .iter()
                    .map(|s| (Some(s.index), s.text.as_str(), Some(s.folded.as_str()))),
            );
            for (section, text, folded) in parts {
                if let Some(folded) = folded
                    && !w.clues.iter().any(|clue| folded.contains(clue))
                {
                    continue;
                }
                let found = matches(w, text);
                let Some(first) = found.first() else { continue };
                let word = text.get(first.clone()).unwrap_or_default();
                let quote = Some(excerpt(sentence_around(text, first.start)));
                let at = match section {
                    Some(index) => At::Section {
                        index,
                        excerpt: quote,
                    },
                    None => At::Document { excerpt: quote },
                };
                hits.push(
                    Hit::new(format!("{}{}", problem(w, era()), places(found.len())), at)
                        .with_fix(fix(w, word)),
                );
            }
            hits
        }
        Subject::Package(_) => Vec::new(),
    }
}

/// Every string in a JSON value with its pointer, in document order;
/// `$schema` is not text.
fn ordered_strings(value: &Value, path: String, out: &mut Vec<(String, String)>) {
    match value {
        Value::String(s) => out.push((path, s.clone())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                ordered_strings(item, format!("{path}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                if key == "$schema" || key == "godtagna_avvikelser" {
                    continue;
                }
                let escaped = key.replace('~', "~0").replace('/', "~1");
                ordered_strings(item, format!("{path}/{escaped}"), out);
            }
        }
        _ => {}
    }
}
