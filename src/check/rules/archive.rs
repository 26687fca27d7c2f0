//! Archive supervision (20 §): it lies with a body of a member kommun
//! (FINSAM-20-ARKIV), not with a region, a state authority (Riksarkivet,
//! länsstyrelsen, Försäkringskassan) or the förbund's own styrelse; with several kommuner, the förbundsordning names
//! which one (FINSAM-20-ARKIV-KOMMUN).

use std::sync::LazyLock;

use regex::Regex;

use super::{at_path, fix_note};
use crate::check::rule::{At, CHARTER, Hit, Rule, Subject, finsam};
use crate::finding::Severity;
use crate::read::lexicon::{excerpt, fold, normalise, pattern};
use crate::read::reading::{NamedMember, Reading};
use crate::spec::MemberKind;

const STATUTE: &str = "Sammanfattning av 20 §: arkivlagen (1990:782) gäller för \
samordningsförbundet. Tillsynen utövas av arkivmyndigheten i en kommun som är medlem i förbundet; \
är flera kommuner medlemmar kommer de överens om vilken kommuns arkivmyndighet som ska ha \
tillsynen.";

/// A body of a member kommun.
pub const RULE: Rule = Rule {
    id: "FINSAM-20-ARKIV",
    severity: Severity::Error,
    citation: finsam("20 §"),
    summary: "arkivtillsynen ska ligga hos en kommun som är medlem",
    explanation: "Vad regeln gör: läser vem som utövar tillsyn enligt arkivlagen och kontrollerar \
att det är ett organ i en kommun som är medlem.\n\nVarför: lagen lägger tillsynen på en \
medlemskommuns arkivmyndighet. En regions organ, eller en kommun som inte är medlem, saknar \
behörighet, och bestämmelsen kan då inte tillämpas.",
    statute: STATUTE,
    applies_to: CHARTER,
    check,
};

/// With several kommuner, one is named.
pub const SEVERAL: Rule = Rule {
    id: "FINSAM-20-ARKIV-KOMMUN",
    severity: Severity::Warning,
    citation: finsam("20 §"),
    summary: "med flera kommuner ska det framgå vilken kommun som har arkivtillsynen",
    explanation: "Vad regeln gör: när flera kommuner är medlemmar och förbundsordningen inte \
namnger den kommun vars arkivmyndighet har tillsynen, ges en varning.\n\nVarför: kommunerna ska \
komma överens om en av dem; utan namn vet ingen vem som har tillsynen.",
    statute: STATUTE,
    applies_to: CHARTER,
    check: check_several,
};

fn archive_sentences<'v>(view: &'v Reading<'_>) -> Vec<(usize, &'v str)> {
    view.folded_sentences()
        .filter(|(_, _, t)| {
            t.contains("arkiv") && (t.contains("tillsyn") || t.contains("arkivmyndighet"))
        })
        .map(|(index, s, _)| (index, s))
        .collect()
}

/// Whether the text names this kommun ("Haninge kommun", "Haninge Kommun",
/// "Stockholms stad").
fn names(text: &str, member: &NamedMember) -> bool {
    let t = normalise(text);
    let name = normalise(&member.name);
    if t.contains(&name) {
        return true;
    }
    let core = name
        .trim_end_matches(" kommun")
        .trim_end_matches(" stad")
        .trim_end_matches('s');
    !core.is_empty() && t.contains(core) && (t.contains("kommun") || t.contains("stad"))
}

static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?:kommunstyrelsen|kommunfullmäktige|arkivmyndigheten|kommunarkivet)\s+i\s+(\p{Lu}[\p{L}-]+(?:\s+(?:kommun|stad))?)|(\p{Lu}[\p{L}-]+)\s+kommun",
    )
});

/// What to write instead.
const FIX: &str = "skriv t.ex. «Kommunstyrelsen i [medlemskommun] är arkivmyndighet och utövar tillsyn över att förbundet fullgör sina skyldigheter enligt arkivlagen (1990:782).»";

/// A body that is not a member kommun's, named as the supervisor (folded
/// text): a state authority, or the förbund's own styrelse, which cannot
/// supervise itself.
fn not_a_kommun(t: &str) -> Option<&'static str> {
    const BODIES: &[(&str, &str)] = &[
        ("riksarkivet", "Riksarkivet, en statlig myndighet"),
        ("lansstyrelse", "länsstyrelsen, en statlig myndighet"),
        (
            "forbundets styrelse",
            "förbundets egen styrelse, som inte kan ha tillsyn över sig själv",
        ),
        (
            "forbundsstyrelsen",
            "förbundets egen styrelse, som inte kan ha tillsyn över sig själv",
        ),
        (
            "samordningsforbundets styrelse",
            "förbundets egen styrelse, som inte kan ha tillsyn över sig själv",
        ),
        (
            "styrelsen for forbundet",
            "förbundets egen styrelse, som inte kan ha tillsyn över sig själv",
        ),
    ];
    BODIES
        .iter()
        .find(|(stem, _)| t.contains(stem))
        .map(|(_, body)| *body)
}

fn check(subject: &Subject<'_>) -> Vec<Hit> {
    match subject {
        Subject::Description(d) => {
            let f = d.forbund;
            let Some(archive) = &f.archive_supervision else {
                return Vec::new();
            };
            match f.member(&archive.member) {
                Some(m) if m.kind == MemberKind::Kommun => Vec::new(),
                Some(m) => vec![Hit::new(
                    format!("arkivtillsynen ligger hos {} i {}, som inte är en kommun; tillsynen ska utövas av arkivmyndigheten i en kommun som är medlem", archive.body, m.namn),
                    at_path("/arkivtillsyn/medlem"),
                )
                .with_fix(fix_note("ange en medlemskommun i arkivtillsyn.medlem"))],
                None => Vec::new(),
            }
        }
        Subject::Document(view) => {
            let kommuner: Vec<&NamedMember> = view.members_of(MemberKind::Kommun).collect();
            let mut hits = Vec::new();
            for (index, s) in archive_sentences(view) {
                let t = normalise(s);
                let at = At::Section {
                    index,
                    excerpt: Some(excerpt(s)),
                };
                if kommuner.iter().any(|k| names(s, k)) {
                    continue;
                }
                if let Some(body) = not_a_kommun(&fold(s)) {
                    hits.push(Hit::new(format!("arkivtillsynen läggs på {body}; den ska utövas av arkivmyndigheten i en kommun som är medlem"), at).with_fix(fix_note(FIX)));
                } else if t.contains("landsting") || t.contains("region") {
                    hits.push(Hit::new("arkivtillsynen läggs på ett organ i en region (landsting); den ska utövas av arkivmyndigheten i en kommun som är medlem", at));
                } else if t.contains("försäkringskass") || t.contains("arbetsförmedl") {
                    hits.push(Hit::new("arkivtillsynen läggs på en statlig myndighet; den ska utövas av arkivmyndigheten i en kommun som är medlem", at));
                } else if let Some(place) = PLACE.captures(s).and_then(|c| c.get(1).or(c.get(2)))
                    && !kommuner.is_empty()
                {
                    hits.push(Hit::new(format!("arkivtillsynen läggs på {}, som inte är medlem i förbundet; den ska utövas av arkivmyndigheten i en kommun som är medlem", place.as_str()), at));
                }
            }
            hits
        }
        Subject::Package(_) => Vec::new(),
    }
}

fn check_several(subject: &Subject<'_>) -> Vec<Hit> {
    match subject {
        Subject::Description(d) => {
            let f = d.forbund;
            let several = f.members_of(MemberKind::Kommun).count() > 1;
            if !several || f.archive_supervision.is_some() {
                return Vec::new();
            }
            vec![Hit::new(
                "flera kommuner är medlemmar men det anges inte vilken kommuns arkivmyndighet som har tillsynen",
                at_path(""),
            )
            .with_fix(fix_note("lägg till arkivtillsyn med organ och medlem (en av kommunerna)"))]
        }
        Subject::Document(view) => {
            let kommuner: Vec<&NamedMember> = view.members_of(MemberKind::Kommun).collect();
            if kommuner.len() < 2 {
                return Vec::new();
            }
            let sentences = archive_sentences(view);
            if sentences
                .iter()
                .any(|(_, s)| kommuner.iter().any(|k| names(s, k)))
            {
                return Vec::new();
            }
            let at = sentences
                .first()
                .map_or(At::Document { excerpt: None }, |(index, s)| At::Section {
                    index: *index,
                    excerpt: Some(excerpt(s)),
                });
            vec![Hit::new(
                "flera kommuner är medlemmar men förbundsordningen namnger inte den kommun vars arkivmyndighet har tillsynen",
                at,
            )]
        }
        Subject::Package(_) => Vec::new(),
    }
}
