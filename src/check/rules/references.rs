//! Internal references: "enligt 11 §", "15 § i denna förbundsordning" point
//! to a § that exists (FO-HANVISNING) and is about the subject the sentence
//! speaks of (FO-HANVISNING-AMNE). References to a law ("25 § FinsamL",
//! "28 § i lag (2003:1210)", "26 § samma lag", "8 kap. 9 § kommunallagen") are not
//! internal.

use std::sync::LazyLock;

use regex::Regex;

use crate::check::rule::{At, Hit, Rule, Subject, Target, praxis};
use crate::finding::Severity;
use crate::read::lexicon::{excerpt, fold, pattern, sentence_around, sentence_span};
use crate::read::reading::Reading;
use crate::read::topics::{self, Topic};

/// The § exists.
pub const EXISTS: Rule = Rule {
    id: "FO-HANVISNING",
    severity: Severity::Error,
    citation: praxis(),
    summary: "en hänvisning till en § i förbundsordningen ska peka på en § som finns",
    explanation: "Vad regeln gör: hittar hänvisningar till paragrafer i förbundsordningen själv \
(\"enligt 11 §\", \"15 § i denna förbundsordning\") och kontrollerar att paragrafen finns. \
Hänvisningar till lagar (\"25 § FinsamL\", \"28 § i lag (2003:1210)\", \"8 kap. 9 § \
kommunallagen\") räknas inte.\n\nVarför: en hänvisning till en paragraf som inte finns kan inte \
tillämpas, ofta efter en omnumrering.",
    statute: "Ingen lagregel: en förbundsordning som hänvisar till sig själv måste hänvisa rätt \
för att kunna tillämpas.",
    applies_to: &[Target::Forbundsordning],
    check: check_exists,
};

/// The § is about the right subject.
pub const SUBJECT: Rule = Rule {
    id: "FO-HANVISNING-AMNE",
    severity: Severity::Warning,
    citation: praxis(),
    summary: "en hänvisning ska peka på en § om det ämne meningen talar om",
    explanation: "Vad regeln gör: läser orden närmast före hänvisningen (\"likvidation enligt \
17 §\", \"mellanhavanden regleras enligt 11 §\") och jämför med ämnet för den § hänvisningen \
pekar på, bedömt efter dess rubrik.\n\nVarför: efter en omnumrering pekar hänvisningar ofta på \
fel paragraf utan att paragrafen saknas. Bedömningen bygger på ordval och ger därför en \
varning, inte ett fel.",
    statute: "Ingen lagregel: en hänvisning ska leda läsaren till den bestämmelse som avses.",
    applies_to: &[Target::Forbundsordning],
    check: check_subject,
};

/// One internal reference.
struct Reference {
    number: u32,
    section: usize,
    sentence: String,
    cue: Option<Topic>,
}

static PARAGRAPH: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(\d+)(?:\s*(?:,|och|–|-)\s*(\d+))?\s*§§?"));

/// Words after a § number that make it a reference to a law, folded
/// ("26 § samma lag", "25 § lagen (2003:1210)", "8 § nämnda lag").
const LAW_AFTER: &[&str] = &[
    "lag",
    "finsaml",
    "sfs",
    "kommunallag",
    "arkivlag",
    "forvaltningslag",
    "forordning",
    "samma lag",
    "namnda lag",
    "sagda lag",
    "denna lag",
    "ovan namnda lag",
    "(2003",
    "(2017",
    "(1990",
    "offentlighets",
    "sekretess",
];

/// Whether `text` ends with the ASCII `end` in any case.
fn ends_with_ignoring_case(text: &str, end: &str) -> bool {
    text.len()
        .checked_sub(end.len())
        .and_then(|start| text.as_bytes().get(start..))
        .is_some_and(|tail| tail.eq_ignore_ascii_case(end.as_bytes()))
}

fn references(view: &Reading<'_>) -> Vec<Reference> {
    let mut out = Vec::new();
    for section in &view.sections {
        let text = &section.text;
        for c in PARAGRAPH.captures_iter(text) {
            let (Some(all), Some(first)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let before = &text[..all.start()];
            // What follows, folded: only its start is compared, and folding
            // the rest of the section for every reference made a long
            // section quadratic.
            let after: String = text[all.end()..].trim_start().chars().take(64).collect();
            let after = fold(&after);
            let after = after
                .strip_prefix("i den ")
                .or_else(|| after.strip_prefix("i "))
                .unwrap_or(&after);
            let own = after.starts_with("denna forbundsordning")
                || after.starts_with("forbundsordningen");
            let law = LAW_AFTER.iter().any(|l| after.starts_with(l))
                || before.trim_end().ends_with("kap.")
                || ends_with_ignoring_case(before.trim_end(), "enligt lagen");
            if law && !own {
                continue;
            }
            let numbers = [Some(first), c.get(2)];
            for number in numbers.into_iter().flatten() {
                let Ok(number) = number.as_str().parse() else {
                    continue;
                };
                let (start, _) = sentence_span(text, all.start());
                let cue = text
                    .get(start.min(all.start())..all.start())
                    .and_then(topics::cue_before);
                out.push(Reference {
                    number,
                    section: section.index,
                    sentence: sentence_around(text, all.start()).to_string(),
                    cue,
                });
            }
        }
    }
    out
}

fn check_exists(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Document(view) = subject else {
        return Vec::new();
    };
    if !view.sections.iter().any(|s| s.number.is_some()) {
        return Vec::new();
    }
    let last = view
        .sections
        .iter()
        .filter_map(|s| s.number)
        .max()
        .unwrap_or(0);
    references(view)
        .into_iter()
        .filter(|r| view.section_numbered(r.number).is_none())
        .map(|r| {
            Hit::new(
                format!(
                    "hänvisningen till {} § pekar på en paragraf som inte finns; förbundsordningen har 1–{last} §§",
                    r.number
                ),
                At::Section { index: r.section, excerpt: Some(excerpt(&r.sentence)) },
            )
        })
        .collect()
}

fn check_subject(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Document(view) = subject else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for r in references(view) {
        let (Some(cue), Some(target)) = (r.cue, view.section_numbered(r.number)) else {
            continue;
        };
        if target.is(cue) || target.index == r.section {
            continue;
        }
        let better = view.section_on(cue).and_then(|s| s.number);
        let mut message = format!(
            "meningen talar om {} men hänvisar till {}, som handlar om {}",
            cue.swedish(),
            target.label,
            target.topics.first().map_or("något annat", |t| t.swedish())
        );
        if let Some(n) = better {
            message.push_str(&format!("; avses {n} §?"));
        }
        hits.push(Hit::new(
            message,
            At::Section {
                index: r.section,
                excerpt: Some(excerpt(&r.sentence)),
            },
        ));
    }
    hits
}
