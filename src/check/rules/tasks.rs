//! FINSAM-7-MYNDIGHETSUTOVNING: the förbundsordning states that the
//! förbund may not exercise myndighetsutövning.

use super::fix_note;
use crate::check::rule::{At, Hit, Rule, Subject, Target, finsam};
use crate::finding::Severity;
use crate::read::topics::Topic;

/// The ban is stated.
pub const RULE: Rule = Rule {
    id: "FINSAM-7-MYNDIGHETSUTOVNING",
    severity: Severity::Warning,
    citation: finsam("7 §"),
    summary: "förbundsordningen ska ange att förbundet inte får utöva myndighet mot enskilda",
    explanation: "Vad regeln gör: letar efter förbudet mot myndighetsutövning bland förbundets \
uppgifter.\n\nVarför: förbudet gäller enligt lag även om förbundsordningen tiger, men uppgifterna \
och beslutanderätten ska anges (9 § 4 p.) och gränsen är central för vad förbundet får göra.",
    statute: "Sammanfattning av 7 §: förbundet ska besluta om mål och riktlinjer för den \
finansiella samordningen, stödja samverkan mellan parterna, finansiera insatser inom parternas \
samlade ansvarsområde, besluta hur medlen ska användas, svara för uppföljning och utvärdering, \
och upprätta budget och årsredovisning. Förbundet får inte besluta i frågor om förmåner eller \
rättigheter för enskilda eller vidta åtgärder som innefattar myndighetsutövning, och inte heller \
tillhandahålla tjänster som är avsedda för enskilda.",
    applies_to: &[Target::Forbundsordning],
    check,
};

fn check(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Document(view) = subject else {
        return Vec::new();
    };
    if view.sections.is_empty()
        || view
            .sections
            .iter()
            .any(|s| s.normalised.contains("myndighetsutövning"))
    {
        return Vec::new();
    }
    let at = view
        .section_on(Topic::Uppgifter)
        .map_or(At::Document { excerpt: None }, |s| At::Section {
            index: s.index,
            excerpt: None,
        });
    vec![Hit::new(
        "förbundsordningen säger inte att förbundet saknar rätt att besluta om förmåner eller rättigheter för enskilda och att utöva myndighet",
        at,
    )
    .with_fix(fix_note("lägg till «Förbundet får inte besluta i frågor om förmåner eller rättigheter för enskilda eller vidta andra åtgärder som innefattar myndighetsutövning.»"))]
}
