//! Modernising an old document (`forbund modernize`): the outdated names
//! the checker reports (AKTUELL-*, SPRAK-SKALL; DESIGN §4) are replaced by
//! their modern forms, word by word and keeping the case of the original:
//!
//! | old | new |
//! |---|---|
//! | skall | ska |
//! | allmän försäkringskassa, den allmänna försäkringskassan, Försäkringskassan i … län | Försäkringskassan |
//! | länsarbetsnämnd(en), Länsarbetsnämnden i … län | Arbetsförmedlingen |
//! | landsting, landstinget, landstingen, landstingsfullmäktige … | region, regionen, regionerna, regionfullmäktige … |
//! | Stockholms läns landsting | Region Stockholm |
//! | Sveriges Kommuner och Landsting (SKL), SKL | Sveriges Kommuner och Regioner (SKR), SKR |
//! | kommunallagen (1991:900) | kommunallagen (2017:725) |
//! | lagen om finansiell samordning … mellan allmän försäkringskassa, länsarbetsnämnd, kommun och landsting | lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser |
//!
//! The patterns are the checker's own (`rules::outdated`, `rules::style`),
//! so what `check` reports is what `modernize` replaces. Some things need a
//! lawyer rather than a search and replace: revisorsersättare and a
//! physical anslagstavla are left as they are and listed as manual items.
//!
//! Replacements are made within each run of text; a phrase split between
//! runs of different emphasis is not replaced.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::document::{Block, Document, Inline};
use crate::read::lexicon::pattern;
use crate::read::outdated::{AF, FK, KL, LONG_TITLE, REGION, SKALL, SKL};

/// One change made (or, for a manual item, to be made by a person).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Replacement {
    /// The § (e.g. "13 § Revisorer") or heading it is in; `None` for the
    /// title and the text before the first §.
    pub section: Option<String>,
    /// The words as they stood.
    pub old: String,
    /// The words put in their place; for a manual item, what to do.
    pub new: String,
    /// Set for items left unchanged because they need a decision (e.g.
    /// revisorsersättare, which the law no longer knows).
    pub manual: bool,
}

/// A full old title of FinsamL, with "lag"/"lagen" and an SFS number in
/// any of the places documents put it.
static FULL_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\blag(?:en)?\s*(?:\(\s*(?:SFS\s*)?(?:nr\s*:?\s*)?2003\s*:\s*1210\s*\)\s*)?om\s+finansiell\s+samordning\s*(?:\(\s*(?:SFS\s*)?(?:nr\s*:?\s*)?2003\s*:\s*1210\s*\)\s*)?av\s+rehabiliteringsinsatser\s+mellan\s+(?:den\s+)?(?:allmänn?a?\s+)?försäkringskass\w*\s*,?\s*länsarbetsnämnd\w*\s*,?\s*kommun\w*\s+och\s+landsting\w*",
    )
});

/// "Stockholms läns landsting" and its genitive.
static REGION_NAME: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"\b(\p{Lu}\p{L}*?)s\s+läns\s+(?i:(landstings?|landstingets?))\b"));

/// What may follow a länsarbetsnämnd: "i Stockholms län".
static IN_COUNTY: LazyLock<Regex> = LazyLock::new(|| pattern(r"^\s+i\s+\p{Lu}\p{L}*\s+län\b"));

static REVISORSERSATTARE: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?i)\brevisorsersättar\w*"));
static ANSLAGSTAVLA: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?i)\banslagstavl\w*"));

/// A replacement rule: its pattern and the modern wording for a match
/// (`None` leaves the match as it is).
struct Term {
    pattern: &'static LazyLock<Regex>,
    modern: fn(&str) -> Option<String>,
}

/// Longest and most specific first: a match overlapping an earlier one is
/// skipped.
const TERMS: &[Term] = &[
    Term {
        pattern: &FULL_TITLE,
        modern: |found| {
            Some(follow_case(
                found,
                "lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser",
            ))
        },
    },
    Term {
        pattern: &LONG_TITLE,
        modern: |found| Some(follow_case(found, "rehabiliteringsinsatser")),
    },
    Term {
        pattern: &SKL,
        modern: |found| {
            let lower = found.to_lowercase();
            Some(if !lower.starts_with("sveriges") {
                "SKR".to_string()
            } else if lower.contains("(skl)") {
                "Sveriges Kommuner och Regioner (SKR)".to_string()
            } else {
                "Sveriges Kommuner och Regioner".to_string()
            })
        },
    },
    Term {
        pattern: &KL,
        modern: |found| Some(follow_case(found, "kommunallagen (2017:725)")),
    },
    Term {
        pattern: &REGION_NAME,
        modern: region_name,
    },
    Term {
        pattern: &FK,
        modern: |found| {
            Some(if found.ends_with("ns") || found.ends_with("as") {
                "Försäkringskassans".to_string()
            } else {
                "Försäkringskassan".to_string()
            })
        },
    },
    Term {
        pattern: &AF,
        modern: |found| {
            let lower = found.to_lowercase();
            Some(if lower.ends_with("ens") || lower.ends_with("nds") {
                "Arbetsförmedlingens".to_string()
            } else {
                "Arbetsförmedlingen".to_string()
            })
        },
    },
    Term {
        pattern: &REGION,
        modern: region_word,
    },
    Term {
        pattern: &SKALL,
        modern: |found| Some(follow_case(found, "ska")),
    },
];

/// Things to leave to a person, with what to do.
const MANUAL: &[(&LazyLock<Regex>, &str)] = &[
    (
        &REVISORSERSATTARE,
        "revisorsersättare finns inte längre (FINSAM-25-REVISORSERSATTARE); skriv om bestämmelsen om revision med jurist",
    ),
    (
        &ANSLAGSTAVLA,
        "anslagstavlan finns sedan kommunallagen (2017:725) på webbplatsen (KL-8-9-ANSLAGSTAVLA); skriv om bestämmelsen om tillkännagivanden",
    ),
];

/// The document with every outdated term replaced, and the list of what was
/// replaced (in reading order) followed by the items left for a person
/// (`manual` set). Modernising a modernised document changes nothing.
pub fn modernize(doc: &Document) -> (Document, Vec<Replacement>) {
    let mut out = doc.clone();
    let mut done: Vec<Replacement> = Vec::new();
    let mut manual: Vec<Replacement> = Vec::new();
    let mut log = |section: Option<&str>, text: &mut String| {
        let (new, changes) = replace_text(text);
        for (old, modern) in changes {
            done.push(Replacement {
                section: section.map(str::to_string),
                old,
                new: modern,
                manual: false,
            });
        }
        for (pattern, advice) in MANUAL {
            for m in pattern.find_iter(&new) {
                manual.push(Replacement {
                    section: section.map(str::to_string),
                    old: m.as_str().to_string(),
                    new: (*advice).to_string(),
                    manual: true,
                });
            }
        }
        *text = new;
    };
    log(None, &mut out.title);
    for block in &mut out.preamble {
        for_each_text(block, &mut |t| log(None, t));
    }
    for section in &mut out.sections {
        let label = section.display_heading();
        log(Some(&label), &mut section.heading);
        for block in &mut section.blocks {
            for_each_text(block, &mut |t| log(Some(&label), t));
        }
    }
    done.extend(manual);
    (out, done)
}

/// Calls `f` on the text of every run of a block.
fn for_each_text(block: &mut Block, f: &mut impl FnMut(&mut String)) {
    let runs = |inlines: &mut Vec<Inline>, f: &mut dyn FnMut(&mut String)| {
        for inline in inlines {
            f(&mut inline.text);
        }
    };
    match block {
        Block::Paragraph { text } | Block::Decision { text } => runs(text, f),
        Block::Chart { levels } => {
            for level in levels {
                for chart_box in std::iter::once(&mut level.main).chain(level.beside.as_mut()) {
                    f(&mut chart_box.title);
                    chart_box.lines.iter_mut().for_each(&mut *f);
                }
            }
        }
        Block::List { items, .. } => {
            for item in items {
                runs(item, f);
            }
        }
        Block::Table { header, rows, .. } => {
            for h in header {
                f(h);
            }
            for row in rows {
                for cell in row {
                    runs(cell, f);
                }
            }
        }
    }
}

/// The text with every term replaced, and the (old, new) pairs in order.
pub fn replace_text(text: &str) -> (String, Vec<(String, String)>) {
    let mut chosen: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for term in TERMS {
        for m in term.pattern.find_iter(text) {
            let mut range = m.range();
            if std::ptr::eq(term.pattern, &AF)
                && let Some(rest) = text.get(range.end..)
                && let Some(county) = IN_COUNTY.find(rest)
            {
                range.end += county.end();
            }
            if chosen
                .iter()
                .any(|(r, _)| r.start < range.end && range.start < r.end)
            {
                continue;
            }
            let found = &text[range.clone()];
            if let Some(modern) = (term.modern)(found)
                && modern != found
            {
                chosen.push((range, modern));
            }
        }
    }
    chosen.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut changes = Vec::new();
    for (range, modern) in chosen {
        out.push_str(&text[at..range.start]);
        out.push_str(&modern);
        changes.push((text[range.clone()].to_string(), modern));
        at = range.end;
    }
    out.push_str(&text[at..]);
    (out, changes)
}

/// "Stockholms läns landsting" → "Region Stockholm".
fn region_name(found: &str) -> Option<String> {
    let caps = REGION_NAME.captures(found)?;
    let name = caps.get(1)?.as_str();
    let genitive = caps
        .get(2)
        .is_some_and(|w| w.as_str().to_lowercase().ends_with('s'));
    Some(format!("Region {name}{}", if genitive { "s" } else { "" }))
}

/// One landsting word in its region form, with the original's case.
fn region_word(found: &str) -> Option<String> {
    let lower = found.to_lowercase();
    let modern = match lower.as_str() {
        "landsting" => "region".to_string(),
        "landstinget" => "regionen".to_string(),
        "landstingets" => "regionens".to_string(),
        "landstingen" => "regionerna".to_string(),
        "landstingens" => "regionernas".to_string(),
        "landstings" => "regions".to_string(),
        other => format!("region{}", other.strip_prefix("landstings")?),
    };
    Some(follow_case(found, &modern))
}

/// `modern` in the case of `original`: all capitals stay all capitals, a
/// capital first letter stays capital; otherwise `modern` as written.
fn follow_case(original: &str, modern: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return modern.to_uppercase();
    }
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = modern.chars();
        return match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
    }
    modern.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn modern(text: &str) -> String {
        replace_text(text).0
    }

    #[test]
    fn replaces_outdated_terms_keeping_case() {
        assert_eq!(modern("Förbundet skall"), "Förbundet ska");
        assert_eq!(modern("Skall styrelsen"), "Ska styrelsen");
        assert_eq!(modern("SKALL"), "SKALL");
        assert_eq!(modern("beskaffenhet skallig"), "beskaffenhet skallig");
        assert_eq!(
            modern("Landstinget och landstingsfullmäktige, landstingen, landstingsstyrelsen"),
            "Regionen och regionfullmäktige, regionerna, regionstyrelsen"
        );
        assert_eq!(
            modern("Stockholms läns landsting och Länsarbetsnämnden i Stockholms län"),
            "Region Stockholm och Arbetsförmedlingen"
        );
        assert_eq!(
            modern("den allmänna försäkringskassan och länsarbetsnämnden"),
            "Försäkringskassan och Arbetsförmedlingen"
        );
        assert_eq!(
            modern("enligt kommunallagen (1991:900) och SKL"),
            "enligt kommunallagen (2017:725) och SKR"
        );
        assert_eq!(
            modern("Sveriges Kommuner och Landsting (SKL)"),
            "Sveriges Kommuner och Regioner (SKR)"
        );
    }

    #[test]
    fn replaces_the_old_law_title() {
        assert_eq!(
            modern(
                "med stöd av lagen (SFS nr: 2003: 1210) om finansiell samordning av rehabiliteringsinsatser mellan allmän försäkringskassa, länsarbetsnämnd, kommun och landsting."
            ),
            "med stöd av lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser."
        );
        assert_eq!(
            modern(
                "i lagen om finansiell samordning (SFS 2003: 1210) av rehabiliteringsinsatser mellan försäkringskassa, länsarbetsnämnd, kommun och landsting"
            ),
            "i lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser"
        );
    }

    #[test]
    fn modern_text_stays_as_it_is() {
        let text = "Regionen ska enligt kommunallagen (2017:725) höra Arbetsförmedlingen, \
Försäkringskassan, Region Stockholm och Sveriges Kommuner och Regioner (SKR) enligt lagen \
(2003:1210) om finansiell samordning av rehabiliteringsinsatser.";
        assert_eq!(replace_text(text), (text.to_string(), Vec::new()));
    }
}
