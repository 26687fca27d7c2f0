//! Each member's adopted förbundsordning as a [`Document`]: the proposal
//! itself, the proposal with the member's changes (or the text its
//! condition requires) applied, or the file the member adopted.

use std::collections::BTreeMap;

use super::AdoptionError;
use super::record::{Change, Decisions, Outcome};
use crate::document::{Block, Document, Inline, Section, plain_text};

/// The texts the record points to, read by the caller: the proposal, and
/// each adopted file by its name as written in the record.
#[derive(Debug, Clone)]
pub struct Sources {
    /// The proposed förbundsordning.
    pub proposal: Document,
    /// Adopted förbundsordningar given as files, by the name in the record.
    pub files: BTreeMap<String, Document>,
}

/// The text a member adopted, or `None` when it has adopted none
/// (rejected, pending). `index` is the member's place in the record, for
/// the JSON path in errors.
pub fn adopted_text(
    decisions: &Decisions,
    index: usize,
    sources: &Sources,
) -> Result<Option<Document>, AdoptionError> {
    let Some(decision) = decisions.decisions.get(index) else {
        return Ok(None);
    };
    let at = format!("/beslut/{index}/utfall");
    match &decision.outcome {
        Outcome::Adopted {} => Ok(Some(sources.proposal.clone())),
        Outcome::Amended {
            text: Some(file), ..
        } => sources
            .files
            .get(file)
            .cloned()
            .map(Some)
            .ok_or_else(|| AdoptionError::MissingFile {
                path: format!("{at}/antagen_text"),
                file: file.clone(),
            }),
        Outcome::Amended {
            changes,
            text: None,
        } => apply(&sources.proposal, changes, &format!("{at}/ändringar")).map(Some),
        Outcome::Conditional { required, .. } => {
            apply(&sources.proposal, required, &format!("{at}/krav")).map(Some)
        }
        Outcome::Rejected { .. } | Outcome::Pending {} => Ok(None),
    }
}

/// The proposal with `changes` applied in order. `at` is the JSON path of
/// the list, for errors.
pub fn apply(proposal: &Document, changes: &[Change], at: &str) -> Result<Document, AdoptionError> {
    let mut document = proposal.clone();
    for (j, change) in changes.iter().enumerate() {
        let path = format!("{at}/{j}");
        let section = document
            .sections
            .iter_mut()
            .find(|s| s.number == Some(change.section))
            .ok_or_else(|| AdoptionError::NoSuchSection {
                path: path.clone(),
                section: change.section,
            })?;
        apply_one(section, change, &path)?;
    }
    Ok(document)
}

/// A paragraph block of plain text.
fn paragraph(text: &str) -> Block {
    Block::Paragraph {
        text: vec![Inline::plain(text.trim())],
    }
}

fn apply_one(section: &mut Section, change: &Change, path: &str) -> Result<(), AdoptionError> {
    if let Some(wording) = &change.new_wording {
        section.blocks = wording
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(paragraph)
            .collect();
    } else if let Some(addition) = &change.addition {
        section.blocks.push(paragraph(addition));
    } else if let (Some(old), Some(new)) = (&change.replaces, &change.with) {
        replace(section, old, new).ok_or_else(|| AdoptionError::TextNotFound {
            path: format!("{path}/ersätter"),
            section: change.section,
            text: old.clone(),
        })?;
    }
    Ok(())
}

/// Text with every run of whitespace as one space.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_len(text: &Option<String>) -> usize {
    text.as_ref().map_or(0, String::len)
}

/// Replaces `old` (which may run over consecutive paragraphs) with `new`;
/// the paragraphs it touches become one. `None` when `old` is not there.
fn replace(section: &mut Section, old: &str, new: &str) -> Option<()> {
    let old = squeeze(old);
    let texts: Vec<Option<String>> = section
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph { text } => Some(squeeze(&plain_text(text))),
            _ => None,
        })
        .collect();
    for start in 0..texts.len() {
        let mut joined = String::new();
        for end in start..texts.len() {
            let Some(text) = &texts[end] else { break };
            if end > start {
                joined.push(' ');
            }
            joined.push_str(text);
            if let Some(at) = joined.find(&old) {
                // A match beginning after the first paragraph belongs to a
                // run starting later: the paragraphs before it stay apart.
                if at >= text_len(&texts[start]) {
                    break;
                }
                let replaced = format!(
                    "{}{}{}",
                    &joined[..at],
                    new.trim(),
                    &joined[at + old.len()..]
                );
                let replaced = squeeze(&replaced);
                let blocks = if replaced.is_empty() {
                    Vec::new()
                } else {
                    vec![paragraph(&replaced)]
                };
                section.blocks.splice(start..=end, blocks);
                return Some(());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(paragraphs: &[&str]) -> Section {
        Section {
            number: Some(5),
            heading: "Styrelsen".into(),
            level: 1,
            blocks: paragraphs.iter().map(|p| paragraph(p)).collect(),
        }
    }

    fn texts(section: &Section) -> Vec<String> {
        section
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph { text } => plain_text(text),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn replaces_within_and_across_paragraphs() {
        let mut s = section(&[
            "Förbundet skall ledas av en styrelse.",
            "Styrelsen skall bestå av 4.",
            "Sist.",
        ]);
        replace(
            &mut s,
            "skall ledas av en styrelse. Styrelsen skall bestå av 4.",
            "ska ledas av 8.",
        )
        .unwrap();
        assert_eq!(texts(&s), ["Förbundet ska ledas av 8.", "Sist."]);
        let mut s = section(&["Förbundet skall ledas.", "Styrelsen skall bestå av 4."]);
        replace(&mut s, "bestå av 4.", "bestå av 8.").unwrap();
        assert_eq!(
            texts(&s),
            ["Förbundet skall ledas.", "Styrelsen skall bestå av 8."]
        );
        let mut s = section(&["Styrelsen skall bestå av 4 ledamöter."]);
        replace(&mut s, "4  ledamöter", "8 ledamöter").unwrap();
        assert_eq!(texts(&s), ["Styrelsen skall bestå av 8 ledamöter."]);
        assert!(replace(&mut s, "finns inte", "x").is_none());
    }
}
