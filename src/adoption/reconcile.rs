//! One reconciled text: per diverging part, the wording the user chose, or
//! by default the one that meets every condition, or else the one most
//! members adopted (on a tie the proposal's). Also the members' conditions
//! and whether each is met.

use std::collections::BTreeMap;

use super::AdoptionError;
use super::compare::{Part, PartWordings, Wording};
use super::record::{Change, Decisions, Outcome};
use crate::diff::canonical::{contains_words, text_words};
use crate::document::Document;

/// A condition of one member and whether the adopted texts meet it.
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionStatus {
    /// The member (index in the record) that set it.
    pub member: usize,
    /// The condition's text.
    pub condition: String,
    /// The §§ whose wording it requires.
    pub sections: Vec<u32>,
    /// Whether every member's adopted text meets it (for a condition
    /// without a required wording: what the record says).
    pub met: bool,
    /// The members whose adopted text does not meet it.
    pub unmet_by: Vec<usize>,
}

/// The wording chosen for one diverging part, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// The § number, or `None` for the preamble.
    pub number: Option<u32>,
    /// The chosen wording's label.
    pub label: String,
    /// Why, in Swedish.
    pub reason: String,
}

/// The words a required change puts into its §.
fn required_words(change: &Change) -> String {
    let text = change
        .new_wording
        .as_deref()
        .or(change.with.as_deref())
        .or(change.addition.as_deref())
        .unwrap_or_default();
    text_words(text)
}

fn meets(part: &Part, required: &str) -> bool {
    contains_words(&super::compare::normalised(part), required)
}

/// The conditions in the record, judged against the adopted wordings.
pub fn conditions(decisions: &Decisions, parts: &[PartWordings]) -> Vec<ConditionStatus> {
    let mut out = Vec::new();
    for (member, decision) in decisions.decisions.iter().enumerate() {
        let Outcome::Conditional {
            condition,
            required,
            met,
        } = &decision.outcome
        else {
            continue;
        };
        let mut unmet_by: Vec<usize> = Vec::new();
        for change in required {
            let words = required_words(change);
            let Some(part) = parts.iter().find(|p| p.number == Some(change.section)) else {
                continue;
            };
            for wording in &part.wordings {
                if !meets(&wording.part, &words) {
                    unmet_by.extend(&wording.members);
                }
            }
        }
        unmet_by.sort_unstable();
        unmet_by.dedup();
        let sections: Vec<u32> = required.iter().map(|c| c.section).collect();
        let met = if required.is_empty() {
            *met == Some(true)
        } else {
            unmet_by.is_empty()
        };
        out.push(ConditionStatus {
            member,
            condition: condition.clone(),
            sections,
            met,
            unmet_by,
        });
    }
    out
}

/// Chooses a wording for every diverging part. `chosen` maps § numbers to
/// the label the user picked.
pub fn choose(
    decisions: &Decisions,
    parts: &[PartWordings],
    chosen: &BTreeMap<u32, String>,
) -> Result<Vec<Choice>, AdoptionError> {
    for number in chosen.keys() {
        if !parts
            .iter()
            .any(|p| p.number == Some(*number) && p.diverges())
        {
            return Err(AdoptionError::ChoiceNotDiverging { section: *number });
        }
    }
    let mut out = Vec::new();
    for part in parts.iter().filter(|p| p.diverges()) {
        if let Some(label) = part.number.and_then(|n| chosen.get(&n)) {
            let wording = part
                .wording(label)
                .ok_or_else(|| AdoptionError::NoSuchWording {
                    section: part.number.unwrap_or_default(),
                    label: label.clone(),
                    labels: part.wordings.iter().map(|w| w.label.clone()).collect(),
                })?;
            out.push(Choice {
                number: part.number,
                label: wording.label.clone(),
                reason: "vald av användaren (--val)".to_string(),
            });
            continue;
        }
        out.push(default_choice(decisions, part));
    }
    Ok(out)
}

/// The wording most members adopted (on a tie the proposal's, else the
/// first), and whether there was a tie.
fn by_count(candidates: Vec<&Wording>) -> (Option<&Wording>, bool) {
    let most = candidates
        .iter()
        .map(|w| w.members.len())
        .max()
        .unwrap_or(0);
    let tied: Vec<&Wording> = candidates
        .into_iter()
        .filter(|w| w.members.len() == most)
        .collect();
    let pick = tied.iter().find(|w| w.proposal).or(tied.first()).copied();
    (pick, tied.len() > 1)
}

fn default_choice(decisions: &Decisions, part: &PartWordings) -> Choice {
    let member_name = |i: usize| {
        decisions
            .decisions
            .get(i)
            .map_or_else(String::new, |d| d.member.clone())
    };
    // The requirements of conditions on this §, with who set them.
    let requirements: Vec<(usize, String)> = decisions
        .decisions
        .iter()
        .enumerate()
        .filter_map(|(i, d)| match &d.outcome {
            Outcome::Conditional { required, .. } => Some((i, required)),
            _ => None,
        })
        .flat_map(|(i, required)| {
            required
                .iter()
                .filter(|c| Some(c.section) == part.number)
                .map(move |c| (i, required_words(c)))
        })
        .collect();
    if !requirements.is_empty() {
        let meeting: Vec<_> = part
            .wordings
            .iter()
            .filter(|w| requirements.iter().all(|(_, r)| meets(&w.part, r)))
            .collect();
        if let (Some(w), _) = by_count(meeting) {
            let setters: Vec<String> = requirements.iter().map(|(i, _)| member_name(*i)).collect();
            return Choice {
                number: part.number,
                label: w.label.clone(),
                reason: format!(
                    "uppfyller villkoret i beslutet av {}",
                    crate::swedish::join_and(&setters)
                ),
            };
        }
    }
    let (pick, tie) = by_count(part.wordings.iter().collect());
    let Some(w) = pick else {
        return Choice {
            number: part.number,
            label: String::new(),
            reason: String::new(),
        };
    };
    let count = crate::swedish::number_in_words(w.members.len() as u64);
    let reason = match (tie, w.proposal) {
        (true, true) => format!(
            "lika många medlemmar ({count}) antog varje lydelse; förslagets lydelse väljs, välj en annan med --val"
        ),
        (true, false) => format!(
            "lika många medlemmar ({count}) antog varje lydelse; den först redovisade väljs, välj en annan med --val"
        ),
        (false, _) => format!("antagen av flest medlemmar ({count})"),
    };
    Choice {
        number: part.number,
        label: w.label.clone(),
        reason,
    }
}

/// The reconciled förbundsordning: the proposal with every part in the
/// wording all members adopted, or the chosen one where they diverge.
pub fn reconciled(proposal: &Document, parts: &[PartWordings], choices: &[Choice]) -> Document {
    let mut document = proposal.clone();
    let mut sections = Vec::new();
    for part in parts {
        let label = choices
            .iter()
            .find(|c| c.number == part.number)
            .map(|c| c.label.as_str());
        let wording = match label {
            Some(label) => part.wording(label),
            None => part.wordings.first(),
        };
        match (part.number, wording.map(|w| &w.part)) {
            (None, Some(Part::Preamble(blocks))) => document.preamble = blocks.clone(),
            (Some(_), Some(Part::Section(section))) => sections.push(section.clone()),
            (Some(n), None) => sections.extend(proposal.section_by_number(n).cloned()),
            _ => {}
        }
    }
    document.sections = sections;
    document
}
