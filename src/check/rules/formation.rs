//! FINSAM-8-BILDAT: a förbund the description says is formed (its
//! formation date or start of operations has passed) must rest on
//! identical förbundsordningar adopted by every member.

use crate::adoption::Adoption;
use crate::check::rule::{At, Hit, Rule, Subject, Target, finsam};
use crate::finding::Severity;
use crate::swedish::{date_long, join_and};

/// A förbund claimed to be formed has every member's identical decision.
pub const RULE: Rule = Rule {
    id: "FINSAM-8-BILDAT",
    severity: Severity::Error,
    citation: finsam("8 §"),
    summary: "förbundet är bildat först när samtliga medlemmar har antagit samma förbundsordning",
    explanation: "Vad regeln gör: när beskrivningen anger att förbundet är bildat (dagen för \
bildandet eller verksamhetsstarten har passerat) prövas medlemmarnas beslut: har alla antagit \
förbundsordningen, är villkoren uppfyllda och är de antagna texterna likalydande?\n\nVarför: \
ett samordningsförbund bildas genom att samtliga medlemmar antar samma förbundsordning. Har \
medlemmarna antagit olika texter finns inget förbund, och styrelse, budget och beslut saknar \
grund tills medlemmarna har fattat likalydande beslut.",
    statute: "Förbundet är bildat när alla medlemmar har beslutat om förbundsordningen eller \
vid en senare tidpunkt som angetts i förbundsordningen (Nationella rådets sammanställning, \
finsam.se, «Samordningsförbund bildas»). Medlemmarnas beslut ska avse samma förbundsordning.",
    applies_to: &[Target::Adoption],
    check,
};

fn check(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Description(description) = subject else {
        return Vec::new();
    };
    let Some(input) = description.adoption else {
        return Vec::new();
    };
    let forbund = description.forbund;
    let claim = match forbund.formed {
        Some(formed) if formed <= input.today => {
            format!(
                "beskrivningen anger att förbundet bildas {}",
                date_long(formed)
            )
        }
        _ if forbund.verksamhetsstart <= input.today => format!(
            "förbundets verksamhet startar enligt beskrivningen {}",
            date_long(forbund.verksamhetsstart)
        ),
        _ => return Vec::new(),
    };
    if input.assessment.can_form() {
        return Vec::new();
    }
    let report = Adoption::new(input.assessment);
    vec![Hit::new(
        format!(
            "{claim}, men förbundet kan inte vara bildat: {}; ta fram nya beslut med «forbund adoption»",
            join_and(&report.obstacles)
        ),
        At::Path("/beslut".to_string()),
    )]
}
