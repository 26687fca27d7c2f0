//! TEXT-AVKORTAD: a text that visibly breaks off in the middle of a
//! sentence or word, before the §§ a förbundsordning usually ends with, is
//! reported once for the whole document (see [`crate::read::truncation`]).
//! The 9 § items that would come after the cut are then reported as "not
//! found in this text" at warning level by the FINSAM-9-* rules.

use super::fix_note;
use crate::check::rule::{At, Hit, Rule, Subject, Target, praxis};
use crate::finding::Severity;
use crate::read::truncation::truncation;

/// The text breaks off.
pub const RULE: Rule = Rule {
    id: "TEXT-AVKORTAD",
    severity: Severity::Warning,
    citation: praxis(),
    summary: "texten tar slut mitt i en mening och verkar vara avkortad",
    explanation: "Vad regeln gör: ser efter om texten slutar mitt i en mening eller ett ord \
före de paragrafer en förbundsordning brukar sluta med (tvister, arkivtillsyn, förbundets \
bildande).\n\nVarför: en avkortad text kan inte granskas i sin helhet. Det som saknas efter \
avbrottet rapporteras därför som \"finns inte i denna text\" och inte som fel i \
förbundsordningen.",
    statute: "Ingen lagregel: granskningen förutsätter hela förbundsordningens text.",
    applies_to: &[Target::Forbundsordning],
    check,
};

fn check(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Document(view) = subject else {
        return Vec::new();
    };
    let Some(cut) = truncation(view) else {
        return Vec::new();
    };
    let label = view
        .sections
        .get(cut.at.section)
        .map_or_else(String::new, |s| format!(" i {}", s.label));
    vec![
        Hit::new(
            format!(
                "texten tar slut mitt i en mening{label} («{}»); den verkar vara avkortad, och det som brukar följa kan inte granskas",
                cut.at.excerpt
            ),
            At::Document { excerpt: None },
        )
        .with_fix(fix_note(
            "granska den fullständiga förbundsordningen, t.ex. från förbundets eller en medlems webbplats",
        )),
    ]
}
