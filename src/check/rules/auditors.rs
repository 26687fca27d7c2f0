//! Revisors (25 §): each kommun and region appoints a revisor, or a joint
//! arrangement says who does (FINSAM-25-REVISORER); Försäkringskassan
//! appoints one joint revisor for the state (FINSAM-25-STATENS-REVISOR);
//! revisorsersättare no longer exist (FINSAM-25-REVISORSERSATTARE).

use super::{at_path, fix_field, fix_note};
use crate::check::rule::{At, CHARTER, Hit, Rule, Subject, Target, finsam};
use crate::finding::Severity;
use crate::read::lexicon::{excerpt, normalise};
use crate::spec::{AuditorArrangement, MemberKind};

const STATUTE: &str = "Sammanfattning av 25 §: kommun- och regionfullmäktige utser var för sig \
minst en revisor för granskningen av förbundet; de kan i stället komma överens om gemensamma \
revisorer, och förbundsordningen ska då ange hur och av vilken medlem de utses (9 § 13 p.). \
Försäkringskassan utser en gemensam revisor för Försäkringskassan och Arbetsförmedlingen. \
Lagen känner inte längre några revisorsersättare.";

/// Kommuner and regions appoint revisors.
pub const MEMBERS: Rule = Rule {
    id: "FINSAM-25-REVISORER",
    severity: Severity::Warning,
    citation: finsam("25 §"),
    summary: "varje kommun och region utser en revisor, eller så anges vem som utser en gemensam",
    explanation: "Vad regeln gör: letar i förbundsordningens text om revisorer efter hur kommunerna \
och regionerna utser revisorer (\"för varje förbundsmedlems räkning\", \"var sin revisor\", eller \
en gemensam revisor och vem som utser den). I en beskrivning kontrolleras att den som utser en \
gemensam revisor är en kommun eller region.\n\nVarför: lagen ger ordningen om förbundsordningen \
tiger, men läsaren ska kunna se vem som utser revisorerna.",
    statute: STATUTE,
    applies_to: CHARTER,
    check: check_members,
};

/// Försäkringskassan's joint revisor for the state.
pub const STATE: Rule = Rule {
    id: "FINSAM-25-STATENS-REVISOR",
    severity: Severity::Warning,
    citation: finsam("25 §"),
    summary: "Försäkringskassan utser en gemensam revisor för Försäkringskassan och Arbetsförmedlingen",
    explanation: "Vad regeln gör: letar efter en bestämmelse om att Försäkringskassan (staten) utser \
en gemensam revisor för Försäkringskassan och Arbetsförmedlingen.\n\nVarför: en förbundsordning \
som säger \"en revisor för varje förbundsmedlems räkning\" utan undantag kan läsas som att \
Arbetsförmedlingen utser en egen revisor, vilket inte stämmer med 25 §.",
    statute: STATUTE,
    applies_to: &[Target::Forbundsordning],
    check: check_state,
};

/// Revisorsersättare are outdated.
pub const DEPUTIES: Rule = Rule {
    id: "FINSAM-25-REVISORSERSATTARE",
    severity: Severity::Warning,
    citation: finsam("25 §"),
    summary: "revisorsersättare finns inte längre",
    explanation: "Vad regeln gör: letar efter revisorsersättare eller personliga ersättare för \
revisorer.\n\nVarför: ordningen med revisorsersättare är avskaffad; en bestämmelse om dem är \
föråldrad och kan inte tillämpas.",
    statute: STATUTE,
    applies_to: CHARTER,
    check: check_deputies,
};

/// The sentences about revisors (not about their fees), normalised, with
/// the law's old long title taken out so that its "allmän
/// försäkringskassa" does not read as a statement about the state's revisor.
fn auditor_sentences(view: &crate::read::reading::Reading<'_>) -> Vec<(usize, String)> {
    view.normalised_sentences()
        .filter_map(|(i, s, n)| {
            let t = without_long_title(s, n);
            (t.contains("revisor") && !t.contains("arvode") && !t.contains("ersättning"))
                .then_some((i, t))
        })
        .collect()
}

/// The normalised sentence with FinsamL's old long title read as "lagen";
/// only a sentence that has the title is normalised again.
fn without_long_title(sentence: &str, normalised: &str) -> String {
    if normalised.contains("rehabiliteringsinsatser mellan") {
        normalise(&super::wording::LONG_TITLE.replace_all(sentence, "lagen"))
    } else {
        normalised.to_string()
    }
}

/// Points at the original sentence whose normalised text is `normalised`.
fn section_start(view: &crate::read::reading::Reading<'_>, index: usize, normalised: &str) -> At {
    let original = view
        .normalised_sentences()
        .find(|(i, s, n)| *i == index && without_long_title(s, n) == normalised)
        .map(|(_, s, _)| excerpt(s));
    At::Section {
        index,
        excerpt: original,
    }
}

fn check_members(subject: &Subject<'_>) -> Vec<Hit> {
    match subject {
        Subject::Description(d) => {
            let f = d.forbund;
            if f.auditors.arrangement != AuditorArrangement::Joint {
                return Vec::new();
            }
            let by = f
                .auditors
                .joint_appointed_by
                .as_deref()
                .and_then(|n| f.member(n));
            match by {
                Some(m) if matches!(m.kind, MemberKind::Kommun | MemberKind::Region) => Vec::new(),
                _ => vec![Hit::new(
                    "kommunerna och regionerna har en gemensam revisor, men den som utser den är inte en kommun eller region som är medlem",
                    at_path("/revisorer/gemensam_utses_av"),
                )
                .with_fix(fix_note("ange i gemensam_utses_av den kommun eller region som utser revisorn"))],
            }
        }
        Subject::Document(view) => {
            let sentences = auditor_sentences(view);
            let in_revision = sentences.iter().find(|(i, _)| {
                view.sections
                    .get(*i)
                    .is_some_and(|s| s.is(crate::read::topics::Topic::Revision))
            });
            let Some((first, sentence)) = in_revision.or(sentences.first()) else {
                return Vec::new();
            };
            // The state's joint revisor says nothing about the kommuner's.
            let stated = sentences.iter().any(|(_, t)| {
                !(t.contains("försäkringskass")
                    || t.contains("arbetsförmedl")
                    || t.contains("länsarbetsnämnd")
                    || t.contains("statens"))
                    && [
                        "för varje förbundsmedlem",
                        "för varje medlem",
                        "var sin revisor",
                        "varsin revisor",
                        "vardera",
                        "utser en revisor",
                        "utse en revisor",
                        "utser revisor",
                        "utse revisor",
                        "en revisor var",
                        "utser var sin",
                        "gemensam revisor",
                        "gemensamma revisorer",
                    ]
                    .iter()
                    .any(|p| t.contains(p))
                    && !t.contains("revisorsersättare och revisorer")
            });
            if stated {
                return Vec::new();
            }
            vec![Hit::new(
                "det framgår inte hur kommunerna och regionerna utser revisorer; ange att varje kommun och region utser en revisor, eller vem som utser en gemensam revisor",
                section_start(view, *first, sentence),
            )]
        }
        Subject::Package(_) => Vec::new(),
    }
}

fn check_state(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Document(view) = subject else {
        return Vec::new();
    };
    let sentences = auditor_sentences(view);
    let in_revision = sentences.iter().find(|(i, _)| {
        view.sections
            .get(*i)
            .is_some_and(|s| s.is(crate::read::topics::Topic::Revision))
    });
    let Some((first, sentence)) = in_revision.or(sentences.first()) else {
        return Vec::new();
    };
    let stated = sentences.iter().any(|(_, t)| {
        t.contains("statens revisor")
            || (t.contains("gemensam")
                && (t.contains("försäkringskass")
                    || t.contains("arbetsförmedl")
                    || t.contains("länsarbetsnämnd")))
    });
    if stated {
        return Vec::new();
    }
    vec![Hit::new(
        "det framgår inte att Försäkringskassan utser en gemensam revisor för Försäkringskassan och Arbetsförmedlingen; som texten är skriven kan den läsas som att även Arbetsförmedlingen utser en egen revisor",
        section_start(view, *first, sentence),
    )
    .with_fix(fix_note("lägg till «Försäkringskassan utser en gemensam revisor för Försäkringskassan och Arbetsförmedlingen.»"))]
}

fn check_deputies(subject: &Subject<'_>) -> Vec<Hit> {
    match subject {
        Subject::Description(d) => {
            if !d.forbund.auditors.deputy_auditors {
                return Vec::new();
            }
            let path = "/revisorer/revisorsersättare";
            vec![Hit::new(
                "beskrivningen anger revisorsersättare; sådana finns inte längre och förbundsordningen bör inte nämna dem",
                at_path(path),
            )
            .with_fix(fix_field("sätt revisorsersättare till false".to_string(), path, "false"))]
        }
        Subject::Document(view) => {
            let mut seen: Vec<usize> = Vec::new();
            let mut hits = Vec::new();
            for (index, s, t) in view.normalised_sentences() {
                let deputy = t.contains("revisorsersättare")
                    || (t.contains("revisor") && t.contains("personlig ersättare"));
                if deputy && !seen.contains(&index) {
                    seen.push(index);
                    hits.push(Hit::new(
                        "texten nämner revisorsersättare; sådana finns inte längre, så bestämmelsen bör tas bort",
                        At::Section { index, excerpt: Some(excerpt(s)) },
                    )
                    .with_fix(fix_note("stryk revisorsersättarna, t.ex. meningen «För varje revisor utses en personlig ersättare.» och orden «och revisorsersättare»")));
                }
            }
            hits
        }
        Subject::Package(_) => Vec::new(),
    }
}
