//! GODTA-*: problems with accepted deviations themselves. The engine
//! reports these while applying suppressions; the rules exist here so that
//! `forbund rules` documents them and their ids are stable.

use crate::check::rule::{Rule, Target, nothing, praxis};
use crate::finding::Severity;

const ALL: &[Target] = &[
    Target::Description,
    Target::Forbundsordning,
    Target::Avsiktsforklaring,
    Target::Tjansteutlatande,
];

const STATUTE: &str = "Ingen lagregel: en godtagen avvikelse ska avse en regel som finns och en \
anmärkning som faktiskt görs, annars döljer den inget och förvirrar läsaren.";

/// An accepted deviation names a rule that does not exist.
pub const UNKNOWN: Rule = Rule {
    id: "GODTA-OKAND",
    severity: Severity::Warning,
    citation: praxis(),
    summary: "en godtagen avvikelse ska ange en regel som finns",
    explanation: "Vad regeln gör: kontrollerar att varje godtagen avvikelse (godtagna_avvikelser \
i en beskrivning, en rad «forbund: godta ID: motivering» i ett dokument) anger ett regel-id som \
finns.\n\nVarför: ett felstavat id godtar ingenting, och den anmärkning som var tänkt att godtas \
visas fortfarande.",
    statute: STATUTE,
    applies_to: ALL,
    check: nothing,
};

/// An accepted deviation that accepts nothing.
pub const UNUSED: Rule = Rule {
    id: "GODTA-OANVAND",
    severity: Severity::Info,
    citation: praxis(),
    summary: "en godtagen avvikelse som inte längre behövs kan tas bort",
    explanation: "Vad regeln gör: upplyser om godtagna avvikelser för regler som inte har hittat \
något.\n\nVarför: texten har kanske rättats; då bör godkännandet tas bort så att en framtida \
avvikelse inte godtas i onödan.",
    statute: STATUTE,
    applies_to: ALL,
    check: nothing,
};
