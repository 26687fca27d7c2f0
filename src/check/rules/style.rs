//! SPRAK-*: style, never an error. "skall" is "ska" in modern Swedish
//! legal drafting, and FinsamL's title says "av", not "för".

use std::sync::LazyLock;

use regex::Regex;

use super::wording::{self, Wording};
use crate::check::rule::{Hit, Rule, Subject, Target, finsam, praxis};
use crate::finding::Severity;
use crate::read::lexicon::pattern;
pub(crate) use crate::read::outdated::SKALL;

const ALL: &[Target] = &[
    Target::Description,
    Target::Forbundsordning,
    Target::Avsiktsforklaring,
    Target::Tjansteutlatande,
];

static RUBRIK: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?i)finansiell\s+samordning\s+för\s+rehabiliteringsinsatser"));

/// "skall" → "ska".
pub const SKALL_RULE: Rule = Rule {
    id: "SPRAK-SKALL",
    severity: Severity::Info,
    citation: praxis(),
    summary: "skriv «ska» i stället för «skall»",
    explanation: "Vad regeln gör: letar efter \"skall\".\n\nVarför: \"ska\" är den form som \
används i svenska författningar och myndighetstexter sedan länge (Språkrådets och \
Regeringskansliets rekommendationer). Det är en stilfråga och aldrig ett fel; texten betyder \
detsamma.",
    statute: "Ingen lagregel: klarspråk i offentlig verksamhet (språklagen (2009:600) 11 § om \
vårdat, enkelt och begripligt språk).",
    applies_to: ALL,
    check: check_skall,
};
const W_SKALL: Wording = Wording {
    pattern: &SKALL,
    clues: &["skall"],
    problem: "texten använder «skall»",
    modern: "«ska»",
    exact: Some(("skall", "ska")),
    skip_in_title: false,
    skip_in_skl: false,
    advice: None,
    since: None,
};

/// "om finansiell samordning för rehabiliteringsinsatser".
pub const RUBRIK_RULE: Rule = Rule {
    id: "SPRAK-LAGRUBRIK",
    severity: Severity::Info,
    citation: finsam(""),
    summary: "lagen heter «… om finansiell samordning av rehabiliteringsinsatser»",
    explanation: "Vad regeln gör: letar efter lagens rubrik med \"för\" i stället för \"av\".\n\n\
Varför: en hänvisning ska återge lagens rubrik exakt.",
    statute: "Lagens rubrik är lagen (2003:1210) om finansiell samordning av \
rehabiliteringsinsatser.",
    applies_to: ALL,
    check: check_rubrik,
};
const W_RUBRIK: Wording = Wording {
    pattern: &RUBRIK,
    clues: &["rehabiliteringsinsatser"],
    problem: "lagens rubrik återges med «för» i stället för «av»",
    modern: "«finansiell samordning av rehabiliteringsinsatser»",
    exact: None,
    skip_in_title: false,
    skip_in_skl: false,
    advice: None,
    since: None,
};

fn check_skall(subject: &Subject<'_>) -> Vec<Hit> {
    wording::run(&W_SKALL, subject)
}

fn check_rubrik(subject: &Subject<'_>) -> Vec<Hit> {
    wording::run(&W_RUBRIK, subject)
}
