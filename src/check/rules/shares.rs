//! FINSAM-5-ANDELAR: the shares a text states are the 5 § split (the state
//! half, the region(s) a quarter, the kommun(er) a quarter); and
//! FINSAM-5-STATENS-ANDEL: a text that has Försäkringskassan pay half
//! should say that this is the state's share, Arbetsförmedlingen's included.

use super::at_path;
use crate::check::rule::{CHARTER, Hit, Rule, Subject, Target, finsam};
use crate::finding::Severity;
use crate::read::facts::shares::{self, Party, StatedShare};
use crate::read::lexicon::share_words;
use crate::read::reading::NamedMember;
use crate::spec::{MemberKind, ShareSplit};

/// Shares as in 5 §.
pub const RULE: Rule = Rule {
    id: "FINSAM-5-ANDELAR",
    severity: Severity::Error,
    citation: finsam("5 §"),
    summary: "andelarna ska vara hälften för staten (Försäkringskassan), en fjärdedel för regionerna och en fjärdedel för kommunerna",
    explanation: "Vad regeln gör: läser de andelar texten anger (\"hälften\", \"en fjärdedel\", \
\"25 procent\", \"25 %\") och vem de gäller, och jämför med fördelningen i 5 §. Flera kommuner \
delar tillsammans på en fjärdedel, liksom flera regioner; anges andelar per kommun ska de \
tillsammans bli en fjärdedel. I en beskrivning kontrolleras att angivna andelar inom en part \
summerar till 100 procent.\n\nVarför: fördelningen är tvingande. Andelarna styr också \
medlemmarnas andel i tillgångar, skulder och kostnader (9 § 8 p.).",
    statute: "Sammanfattning av 5 och 5 a §§: Försäkringskassan bidrar med hälften av medlen till \
den finansiella samordningen; det är statens andel, där Arbetsförmedlingens del ingår. Regionen \
bidrar med en fjärdedel och kommunen med en fjärdedel. Deltar flera kommuner utgör de tillsammans \
en part och bidrar tillsammans med en fjärdedel; detsamma gäller flera regioner.",
    applies_to: CHARTER,
    check,
};

/// The state's half should be called the state's.
pub const STATE: Rule = Rule {
    id: "FINSAM-5-STATENS-ANDEL",
    severity: Severity::Info,
    citation: finsam("5 §"),
    summary: "Försäkringskassans hälft är statens andel, där Arbetsförmedlingens del ingår",
    explanation: "Vad regeln gör: när texten säger att Försäkringskassan bidrar med hälften men \
varken nämner statens andel eller Arbetsförmedlingen, föreslås ett förtydligande.\n\nVarför: \
fördelningen är i sak riktig, men läst för sig kan texten ge intrycket att Arbetsförmedlingen \
inte bidrar och därmed saknar andel i tillgångar och skulder. Ett förtydligande undanröjer det.",
    statute: "Sammanfattning av 5 och 5 a §§: Försäkringskassan bidrar med hälften av medlen; det \
är statens andel, där Arbetsförmedlingens del ingår.",
    applies_to: &[Target::Forbundsordning],
    check: check_state,
};

const CLOSE: f64 = 1e-6;

fn check(subject: &Subject<'_>) -> Vec<Hit> {
    match subject {
        Subject::Description(d) => description(d.forbund),
        Subject::Document(view) => judge(&shares::of(view), &view.members),
        Subject::Package(_) => Vec::new(),
    }
}

fn description(f: &crate::spec::Forbund) -> Vec<Hit> {
    if f.economy.split != ShareSplit::Explicit {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (kind, part) in [
        (MemberKind::Kommun, "kommunernas"),
        (MemberKind::Region, "regionernas"),
    ] {
        let group: Vec<(usize, Option<f64>)> = f
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.kind == kind)
            .map(|(i, m)| (i, m.share_percent))
            .collect();
        let Some((first, _)) = group.first() else {
            continue;
        };
        let sum: f64 = group.iter().filter_map(|(_, p)| *p).sum();
        if group.len() > 1 && (sum - 100.0).abs() > 0.005 {
            hits.push(Hit::new(
                format!("andelarna av {part} fjärdedel summerar till {sum} procent; tillsammans ska de vara 100 procent av fjärdedelen"),
                at_path(&format!("/medlemmar/{first}/andel")),
            ));
        }
    }
    hits
}

/// Judges stated shares against 5 §. Shares stated for one party in
/// several places are compared one by one, never added up.
pub fn judge(found: &[StatedShare], members: &[NamedMember]) -> Vec<Hit> {
    let mut hits = Vec::new();
    let wrong = |s: &StatedShare, expected: f64, whose: &str| {
        Hit::new(
            format!(
                "texten anger att {whose} bidrar med {}, men enligt 5 § ska {whose} bidra med {}",
                share_words(s.value),
                share_words(expected)
            ),
            s.at.clone(),
        )
    };
    let fk: Vec<&StatedShare> = found
        .iter()
        .filter(|s| s.party == Party::Forsakringskassan)
        .collect();
    let af: Vec<&StatedShare> = found
        .iter()
        .filter(|s| s.party == Party::Arbetsformedlingen)
        .collect();
    for s in found.iter().filter(|s| s.party == Party::State) {
        if (s.value - 0.5).abs() > CLOSE {
            hits.push(wrong(
                s,
                0.5,
                "staten (Försäkringskassan för sig och Arbetsförmedlingen)",
            ));
        }
    }
    match (fk.first(), af.first()) {
        (Some(f), None) if (f.value - 0.5).abs() > CLOSE => {
            hits.push(wrong(f, 0.5, "Försäkringskassan"));
        }
        (Some(f), Some(a)) if (f.value + a.value - 0.5).abs() > CLOSE => hits.push(Hit::new(
            format!(
                "texten anger att Försäkringskassan bidrar med {} och Arbetsförmedlingen med {}; tillsammans ska statens andel vara hälften (5 §)",
                share_words(f.value),
                share_words(a.value)
            ),
            f.at.clone(),
        )),
        (None, Some(a)) if a.value > CLOSE => hits.push(Hit::new(
            format!(
                "texten anger att Arbetsförmedlingen bidrar med {}; statens andel, hälften, betalas av Försäkringskassan, och Arbetsförmedlingens del ingår i den (5 §)",
                share_words(a.value)
            ),
            a.at.clone(),
        )),
        _ => {}
    }
    for (kind, general, plural, singular) in [
        (MemberKind::Region, Party::Regions, "regionerna", "regionen"),
        (
            MemberKind::Kommun,
            Party::Kommuner,
            "kommunerna",
            "kommunen",
        ),
    ] {
        let several = members.iter().filter(|m| m.kind == kind).count() > 1;
        let whose = if several { plural } else { singular };
        for s in found.iter().filter(|s| s.party == general) {
            if (s.value - 0.25).abs() > CLOSE {
                hits.push(wrong(s, 0.25, whose));
            }
        }
        let named: Vec<&StatedShare> = found
            .iter()
            .filter(|s| matches!(&s.party, Party::Member(_, k) if *k == kind))
            .collect();
        let mut seen: Vec<&str> = Vec::new();
        let mut sum = 0.0;
        for s in &named {
            if let Party::Member(name, _) = &s.party
                && !seen.contains(&name.as_str())
            {
                seen.push(name);
                sum += s.value;
            }
        }
        let all_named = seen.len() == members.iter().filter(|m| m.kind == kind).count();
        if let Some(first) = named.first()
            && all_named
            && (sum - 0.25).abs() > 1e-4
        {
            let of_part = if first.of_part {
                format!(" ({} av {plural}s fjärdedel)", share_words(sum * 4.0))
            } else {
                String::new()
            };
            hits.push(Hit::new(
                format!(
                    "andelarna för {plural} summerar till {}{of_part}, men tillsammans ska {plural} bidra med en fjärdedel (5 §)",
                    share_words(sum)
                ),
                first.at.clone(),
            ));
        }
    }
    hits
}

fn check_state(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Document(view) = subject else {
        return Vec::new();
    };
    let found = shares::of(view);
    let Some(fk) = found
        .iter()
        .find(|s| s.party == Party::Forsakringskassan && (s.value - 0.5).abs() < CLOSE)
    else {
        return Vec::new();
    };
    let index = fk.at.section;
    let text = view
        .sections
        .get(index)
        .map(|s| s.normalised.as_str())
        .unwrap_or_default();
    if text.contains("stat")
        || text.contains("arbetsförmedling")
        || text.contains("länsarbetsnämnd")
    {
        return Vec::new();
    }
    vec![Hit::new(
        "texten säger att Försäkringskassan bidrar med hälften utan att nämna Arbetsförmedlingen; förtydliga att hälften är statens andel, som Försäkringskassan betalar även för Arbetsförmedlingen, så att det inte ser ut som att Arbetsförmedlingen saknar andel i tillgångar och skulder",
        fk.at.clone(),
    )
    .with_fix(super::fix_note(
        "skriv t.ex. «Försäkringskassan bidrar med hälften av medlen och svarar därmed för statens andel, som även omfattar Arbetsförmedlingens del.»",
    ))]
}
