//! KL-8-9-ANSLAGSTAVLA: notices are posted on a webbplats, not on a
//! physical anslagstavla (kommunallagen (2017:725) 8 kap. 9 §, since 2018).

use super::{at_path, fix_field, fix_note};
use crate::check::rule::{At, CHARTER, Hit, Rule, Subject, kommunallagen};
use crate::finding::Severity;
use crate::read::lexicon::excerpt;
use crate::spec::NoticePlace;

/// A webbplats, not a physical board.
pub const RULE: Rule = Rule {
    id: "KL-8-9-ANSLAGSTAVLA",
    severity: Severity::Warning,
    citation: kommunallagen("8 kap.", "9 §"),
    summary: "tillkännagivanden anslås på en anslagstavla på webbplatsen, inte på en fysisk tavla",
    explanation: "Vad regeln gör: letar efter anslagstavlor som inte sägs finnas på en \
webbplats.\n\nVarför: sedan kommunallagen (2017:725) är kommunernas och regionernas anslagstavla \
digital och finns på webbplatsen. En bestämmelse om en fysisk anslagstavla är föråldrad; var \
tillkännagivandena anslås måste ändå framgå (9 § 7 p. FinsamL).",
    statute: "Sammanfattning av 8 kap. 9 § kommunallagen (2017:725): varje kommun och region ska \
ha en anslagstavla, och den ska vara tillgänglig på kommunens eller regionens webbplats.",
    applies_to: CHARTER,
    check,
};

const WEB: &[&str] = &[
    "webbplats",
    "hemsida",
    "webb",
    "internet",
    "digital",
    "elektronisk",
];

fn check(subject: &Subject<'_>) -> Vec<Hit> {
    match subject {
        Subject::Description(d) => {
            if d.forbund.notices.place != NoticePlace::PhysicalBoard {
                return Vec::new();
            }
            let path = "/tillkännagivanden/plats";
            vec![Hit::new(
                "tillkännagivandena anslås på en fysisk anslagstavla; sedan kommunallagen (2017:725) finns anslagstavlan på webbplatsen",
                at_path(path),
            )
            .with_fix(fix_field(
                "välj medlemmars_webbplats eller förbundets_webbplats".to_string(),
                path,
                "\"medlemmars_webbplats\"",
            ))]
        }
        Subject::Document(view) => {
            let mut seen: Vec<usize> = Vec::new();
            let mut hits = Vec::new();
            for (index, s, t) in view.normalised_sentences() {
                if !t.contains("anslagstavl")
                    || WEB.iter().any(|w| t.contains(w))
                    || seen.contains(&index)
                {
                    continue;
                }
                seen.push(index);
                hits.push(
                    Hit::new(
                        "tillkännagivandena ska anslås på en anslagstavla som inte sägs finnas på en webbplats; sedan kommunallagen (2017:725) är anslagstavlan digital",
                        At::Section { index, excerpt: Some(excerpt(s)) },
                    )
                    .with_fix(fix_note("skriv t.ex. «ska anslås på förbundets anslagstavla, som finns tillgänglig på förbundets webbplats» eller på en medlems anslagstavla på dess webbplats")),
                );
            }
            hits
        }
        Subject::Package(_) => Vec::new(),
    }
}
