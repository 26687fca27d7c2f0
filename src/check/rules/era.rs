//! AKTUELL-EPOK: a description whose members carry names that no longer
//! existed on its own date. The drafts take their names from the
//! description's date ([`crate::compose::era`]), so such a member would
//! make a draft mix eras ("regionfullmäktige i Stockholms läns landsting").

use super::at_path;
use crate::check::rule::{Hit, Rule, Subject, Target, finsam};
use crate::compose::era::{
    ARBETSFORMEDLINGEN_YEAR, Era, FORSAKRINGSKASSAN_YEAR, REGION_YEAR, description_date,
};
use crate::finding::Severity;
use crate::read::lexicon::fold;
use crate::spec::MemberKind;

/// A member named as a body that no longer existed on the description's date.
pub const RULE: Rule = Rule {
    id: "AKTUELL-EPOK",
    severity: Severity::Error,
    citation: finsam("1 §"),
    summary: "medlemmarnas namn ska höra till beskrivningens tid",
    explanation: "Vad regeln gör: jämför medlemmarnas namn med beskrivningens datum \
(avsiktsförklaringens, annars det första tjänsteutlåtandets, annars verksamhetsstarten). Ett \
landsting efter den 1 januari 2019, en länsarbetsnämnd efter den 1 januari 2008 och en allmän \
försäkringskassa efter den 1 januari 2005 är fel.\n\nVarför: utkasten använder tidens namn \
(region, Arbetsförmedlingen, Försäkringskassan) och skulle annars blanda tider, t.ex. \
«regionfullmäktige i Stockholms läns landsting», ett organ som inte finns.",
    statute: "Sammanfattning av 1 § i gällande lydelse: parterna i finansiell samordning är \
Försäkringskassan, Arbetsförmedlingen, en region och en eller flera kommuner. Landstingen heter \
regioner sedan den 1 januari 2019, länsarbetsnämnderna ersattes av Arbetsförmedlingen den 1 \
januari 2008 och de allmänna försäkringskassorna av Försäkringskassan den 1 januari 2005.",
    applies_to: &[Target::Description],
    check,
};

fn check(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Description(d) = subject else {
        return Vec::new();
    };
    let f = d.forbund;
    let date = description_date(f);
    let era = Era::of(date);
    let mut hits = Vec::new();
    for (i, m) in f.members.iter().enumerate() {
        let name = fold(&m.namn);
        let outdated = match m.kind {
            MemberKind::Region if !era.landsting() && name.contains("landsting") => Some((
                "landstingen heter regioner sedan dess",
                REGION_YEAR,
                "t.ex. «Region Stockholm»",
            )),
            MemberKind::Arbetsformedlingen
                if !era.lansarbetsnamnd() && name.contains("lansarbetsnamnd") =>
            {
                Some((
                    "länsarbetsnämnderna ersattes då av Arbetsförmedlingen",
                    ARBETSFORMEDLINGEN_YEAR,
                    "«Arbetsförmedlingen»",
                ))
            }
            MemberKind::Forsakringskassan
                if !era.allman_forsakringskassa() && name.contains("allman") =>
            {
                Some((
                    "de allmänna försäkringskassorna ersattes då av Försäkringskassan",
                    FORSAKRINGSKASSAN_YEAR,
                    "«Försäkringskassan»",
                ))
            }
            _ => None,
        };
        if let Some((change, year, example)) = outdated {
            hits.push(Hit::new(
                format!(
                    "medlemmen «{}» har ett namn från tiden före den 1 januari {year}, men beskrivningen är daterad {}; {change}, och utkasten skulle blanda tidernas namn. Ange medlemmens namn vid beskrivningens datum, {example}, eller ändra datumet",
                    m.namn,
                    crate::swedish::date_iso(date)
                ),
                at_path(&format!("/medlemmar/{i}/namn")),
            ));
        }
    }
    hits
}
