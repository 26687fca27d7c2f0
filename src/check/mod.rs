//! The checker: a registry of rules run over a description, a document or a
//! whole decision package, giving findings with the provision they rest on,
//! where they are, a suggested fix and, when the user has accepted a
//! deviation, the reason. Reporters in [`report`] print them as text, JSON
//! or SARIF.
//!
//! ```text
//! Input ──view──▶ Subject ──rules──▶ Hits ──locate, cite, suppress──▶ Report
//! ```
//!
//! Rules never print and never fix anything; a fix is a suggestion in the
//! finding.

pub mod checklist;
mod engine;
mod locate;
pub mod package;
pub mod report;
pub mod rule;
pub mod rules;
mod suppress;

use serde::Serialize;

pub use checklist::{ChecklistItem, Status};
pub use package::{Package, PackageDocument};
pub use rule::{Rule, Target};

use crate::document::Document;
use crate::finding::{BaselineState, Finding, Severity};
use crate::spec::Forbund;

/// What was checked, for reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Checked {
    /// A description.
    Beskrivning,
    /// A förbundsordning.
    Forbundsordning,
    /// An avsiktsförklaring.
    Avsiktsforklaring,
    /// A tjänsteutlåtande.
    Tjansteutlatande,
    /// A förslag till organisation (the organisation document, a bilaga
    /// to the tjänsteutlåtanden).
    Organisation,
    /// A jämförelsetabell.
    Jamforelsetabell,
    /// A decision package.
    Beslutspaket,
    /// An input that could not be read.
    #[serde(rename = "oläsbar")]
    Unreadable,
}

impl Checked {
    /// The Swedish name.
    pub fn swedish(self) -> &'static str {
        match self {
            Checked::Beskrivning => "beskrivning",
            Checked::Forbundsordning => "förbundsordning",
            Checked::Avsiktsforklaring => "avsiktsförklaring",
            Checked::Tjansteutlatande => "tjänsteutlåtande",
            Checked::Organisation => "förslag till organisation",
            Checked::Jamforelsetabell => "jämförelsetabell",
            Checked::Beslutspaket => "beslutspaket",
            Checked::Unreadable => "oläsbar fil",
        }
    }
}

/// The findings for one input.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The file (or, for a package, the files joined with ", ").
    pub file: String,
    /// What kind of input it was.
    pub checked: Checked,
    /// The findings, errors first, then in the order of the input.
    pub findings: Vec<Finding>,
    /// For a decision package: a content fingerprint of each
    /// förbundsordning in it, so that a reader can see that every member
    /// adopts the same text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fingerprints: Vec<Fingerprint>,
    /// The FinsamL 9 § checklist, for descriptions and förbundsordningar.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checklist: Option<Vec<ChecklistItem>>,
    /// The file the findings were compared with (`--baseline`), when they
    /// were; each finding then carries its [`BaselineState`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<String>,
}

/// The content fingerprint of one förbundsordning: a hash of its
/// normalised § headings and text (spacing and case do not count).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fingerprint {
    /// The file.
    pub file: String,
    /// 16 hexadecimal digits.
    pub fingerprint: String,
}

impl Report {
    /// Whether an error remains that nobody has accepted.
    pub fn has_blocking(&self) -> bool {
        self.findings.iter().any(Finding::is_blocking)
    }

    /// How many unsuppressed findings of `severity` there are (findings
    /// fixed since the baseline do not count).
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity && f.suppression.is_none() && !is_fixed(f))
            .count()
    }

    /// How many findings are accepted (findings fixed since the baseline do
    /// not count).
    pub fn suppressed(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.suppression.is_some() && !is_fixed(f))
            .count()
    }

    /// How many findings have `state` against the baseline.
    pub fn count_baseline(&self, state: BaselineState) -> usize {
        self.findings
            .iter()
            .filter(|f| f.baseline == Some(state))
            .count()
    }
}

fn is_fixed(f: &Finding) -> bool {
    f.baseline == Some(BaselineState::Fixed)
}

/// Every rule, in the registry's order.
pub fn rules() -> &'static [Rule] {
    rules::RULES
}

/// The rule with this id (case-insensitive).
pub fn rule(id: &str) -> Option<&'static Rule> {
    rules::RULES.iter().find(|r| r.id.eq_ignore_ascii_case(id))
}

/// Checks a description. `source` is its JSON text, for line numbers and
/// fix regions; `file` names it in findings.
pub fn check_description(file: &str, forbund: &Forbund, source: Option<&str>) -> Report {
    engine::description(file, forbund, source)
}

/// Checks one document. `source` is the text it was read from, for line
/// numbers, fix regions and suppression comments.
pub fn check_document(file: &str, document: &Document, source: Option<&str>) -> Report {
    engine::document(file, document, source)
}

/// Checks one document as [`check_document`] does, with deviations a
/// description accepts (its `godtagna_avvikelser`) applied, as for the
/// drafts composed from it.
pub fn check_document_accepting(
    file: &str,
    document: &Document,
    source: Option<&str>,
    accepted: &[crate::spec::AcceptedFinding],
) -> Report {
    engine::document_with(file, document, source, accepted)
}

/// Checks the members' decisions against what the description claims
/// (e.g. that the förbund is formed). `file` is the record of decisions and
/// `source` its text, for line numbers.
pub fn check_adoption(
    file: &str,
    forbund: &Forbund,
    input: &rule::AdoptionInput<'_>,
    source: Option<&str>,
) -> Report {
    engine::adoption(file, forbund, input, source)
}

/// Checks a decision package as a whole (the documents one by one are
/// checked with [`check_document`]).
pub fn check_package(package: &Package<'_>) -> Report {
    engine::package(package)
}
