//! The members' decisions on a proposed förbundsordning, and whether they
//! form the förbund: a förbund exists only when every member has adopted
//! the same text (FinsamL 8 §; finsam.se: "förbundet är bildat när alla
//! medlemmar har beslutat om förbundsordningen").
//!
//! The stages, one file each:
//!
//! - `record`: the typed record of decisions (`beslut.json`) and `load`
//!   (schema and semantic validation, every problem with its place);
//! - `texts`: each member's adopted text as a [`Document`] (the proposal,
//!   with changes applied, or the adopted file);
//! - `compare`: the distinct wordings of every § and who adopted each;
//! - `reconcile`: conditions met or not, the wording proposed per §, the
//!   reconciled text;
//! - `report`: the Swedish report and its JSON form;
//! - `documents`: the reconciled förbundsordning and one tjänsteutlåtande
//!   per member that must decide again, with its jämförelsetabell.

pub mod compare;
pub mod documents;
pub mod example;
pub mod load;
pub mod reconcile;
pub mod record;
pub mod report;
pub mod texts;

use std::collections::BTreeMap;

pub use load::load;
pub use record::{Change, Decisions, MemberDecision, Outcome};
pub use report::Adoption;
pub use texts::Sources;

use crate::diff::canonical::fingerprint;
use crate::document::Document;
use compare::PartWordings;
use reconcile::{Choice, ConditionStatus};

/// Why the decisions could not be assessed. Each names the place in the
/// record (a JSON path) and what was expected.
#[derive(Debug, thiserror::Error)]
pub enum AdoptionError {
    /// A change names a § the proposal does not have.
    #[error("{path}: förslaget har ingen {section} §; ange en paragraf som finns i förslaget")]
    NoSuchSection {
        /// JSON path of the change.
        path: String,
        /// The § number.
        section: u32,
    },
    /// The text a change replaces is not in the §.
    #[error(
        "{path}: texten «{text}» finns inte i förslagets {section} §; skriv den som den står i förslaget"
    )]
    TextNotFound {
        /// JSON path of `ersätter`.
        path: String,
        /// The § number.
        section: u32,
        /// The text looked for.
        text: String,
    },
    /// An adopted text file was not given to the library.
    #[error("{path}: den antagna texten {file} har inte lästs")]
    MissingFile {
        /// JSON path of `antagen_text`.
        path: String,
        /// The file as written.
        file: String,
    },
    /// `--val` names a § where the texts do not diverge.
    #[error(
        "--val {section}: de antagna texterna skiljer sig inte i {section} §; välj bara lydelse där de skiljer sig"
    )]
    ChoiceNotDiverging {
        /// The § number.
        section: u32,
    },
    /// `--val` names a wording that does not exist.
    #[error("--val {section}={label}: {section} § har ingen lydelse {label}; välj en av {}", labels.join(", "))]
    NoSuchWording {
        /// The § number.
        section: u32,
        /// The label given.
        label: String,
        /// The labels there are.
        labels: Vec<String>,
    },
}

/// Everything learnt from the decisions: the adopted texts, their
/// wordings § by §, the conditions, the choices and the reconciled text.
#[derive(Debug, Clone)]
pub struct Assessment {
    /// The record.
    pub decisions: Decisions,
    /// The proposal.
    pub proposal: Document,
    /// Each member's adopted text (by index in the record), if any.
    pub texts: Vec<Option<Document>>,
    /// The wordings of every part.
    pub parts: Vec<PartWordings>,
    /// The members' conditions.
    pub conditions: Vec<ConditionStatus>,
    /// The wording chosen for each diverging part.
    pub choices: Vec<Choice>,
    /// The reconciled förbundsordning.
    pub reconciled: Document,
}

/// Assesses the decisions against the texts read by the caller. `chosen`
/// maps § numbers to the wording label the user picked (`--val 5=B`).
pub fn assess(
    decisions: &Decisions,
    sources: &Sources,
    chosen: &BTreeMap<u32, String>,
) -> Result<Assessment, AdoptionError> {
    let texts = (0..decisions.decisions.len())
        .map(|i| texts::adopted_text(decisions, i, sources))
        .collect::<Result<Vec<_>, _>>()?;
    let adopted: Vec<(usize, &Document)> = texts
        .iter()
        .enumerate()
        .filter_map(|(i, t)| t.as_ref().map(|d| (i, d)))
        .collect();
    let parts = compare::compare(&sources.proposal, &adopted);
    let conditions = reconcile::conditions(decisions, &parts);
    let choices = reconcile::choose(decisions, &parts, chosen)?;
    let reconciled = reconcile::reconciled(&sources.proposal, &parts, &choices);
    Ok(Assessment {
        decisions: decisions.clone(),
        proposal: sources.proposal.clone(),
        texts,
        parts,
        conditions,
        choices,
        reconciled,
    })
}

impl Assessment {
    /// The §§ (and the preamble, as `None`) where member `index`'s adopted
    /// text differs from the reconciled one; empty when it adopted none.
    pub fn must_change(&self, index: usize) -> Vec<Option<u32>> {
        if self.texts.get(index).is_none_or(Option::is_none) {
            return Vec::new();
        }
        self.parts
            .iter()
            .filter(|part| {
                let chosen = self
                    .choices
                    .iter()
                    .find(|c| c.number == part.number)
                    .map_or_else(
                        || part.wordings.first().map(|w| w.label.clone()),
                        |c| Some(c.label.clone()),
                    );
                let own = part.of_member(index).map(|w| w.label.clone());
                own != chosen
            })
            .map(|part| part.number)
            .collect()
    }

    /// The fingerprint of member `index`'s adopted text.
    pub fn fingerprint(&self, index: usize) -> Option<String> {
        self.texts.get(index)?.as_ref().map(fingerprint)
    }

    /// Whether the förbund can be formed: every member adopted, every
    /// condition met, and every adopted text identical.
    pub fn can_form(&self) -> bool {
        self.decisions
            .decisions
            .iter()
            .all(|d| d.outcome.has_adopted())
            && self.conditions.iter().all(|c| c.met)
            && !self.parts.iter().any(PartWordings::diverges)
    }
}
