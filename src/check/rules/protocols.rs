//! KL-8-12-PROTOKOLL: what is posted about a protocol is the
//! tillkännagivande that it has been justerat, not the protocol itself
//! (kommunallagen (2017:725) 8 kap. 12 §).

use super::fix_note;
use crate::check::rule::{At, Hit, Rule, Subject, Target, kommunallagen};
use crate::finding::Severity;
use crate::read::lexicon::excerpt;

/// The justering is announced, the protocol is not posted.
pub const RULE: Rule = Rule {
    id: "KL-8-12-PROTOKOLL",
    severity: Severity::Warning,
    citation: kommunallagen("8 kap.", "12 §"),
    summary: "det är tillkännagivandet om att protokollet har justerats som anslås, inte protokollet",
    explanation: "Vad regeln gör: letar efter bestämmelser om att protokoll ska anslås (\"kungörelser \
och protokoll ska anslås\") som inte talar om justeringen.\n\nVarför: kommunallagen föreskriver \
att justeringen av ett protokoll tillkännages på anslagstavlan; det är tillkännagivandet, med \
uppgift om var protokollet finns, som anslås. Laglighetsprövningens överklagandetid räknas från \
den dag tillkännagivandet anslogs.",
    statute: "Sammanfattning av 8 kap. 12 § kommunallagen (2017:725): justeringen av \
fullmäktiges protokoll ska senast andra dagen efter justeringen tillkännages på kommunens eller \
regionens anslagstavla. Tillkännagivandet ska ange var protokollet finns tillgängligt och vilken \
dag det har anslagits.",
    applies_to: &[Target::Forbundsordning],
    check,
};

fn check(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Document(view) = subject else {
        return Vec::new();
    };
    view.folded_sentences()
        .filter(|(_, _, t)| t.contains("protokoll") && t.contains("anslas") && !t.contains("juster"))
        .map(|(index, s, _)| {
            Hit::new(
                "protokollen sägs anslås; det som anslås är tillkännagivandet om att protokollet har justerats, med uppgift om var protokollet finns",
                At::Section {
                    index,
                    excerpt: Some(excerpt(s)),
                },
            )
            .with_fix(fix_note(
                "skriv t.ex. «Förbundets kungörelser och andra tillkännagivanden ska anslås på förbundets anslagstavla på förbundets webbplats. Där anslås också tillkännagivande om att styrelsens protokoll har justerats.»",
            ))
        })
        .collect()
}
