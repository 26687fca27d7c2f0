//! Comparing the adopted texts § by §: for each part of the
//! förbundsordning (the preamble and every §), the distinct wordings the
//! members adopted, which members adopted each, and the words in which
//! each differs from the first.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diff::canonical::{preamble_text, section_text};
use crate::diff::{ChangeKind, DiffOptions, compare_parts};
use crate::document::{Block, Document, Section};

/// One part's text in one adopted förbundsordning.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// The text before the first §.
    Preamble(Vec<Block>),
    /// A §.
    Section(Section),
    /// The § is not in this text.
    Missing,
}

/// One distinct wording of a part.
#[derive(Debug, Clone, PartialEq)]
pub struct Wording {
    /// "A", "B", … in the order of the first member that adopted it.
    pub label: String,
    /// The text.
    pub part: Part,
    /// Its normalised text.
    pub normalised: String,
    /// The members (by index in the record) that adopted it.
    pub members: Vec<usize>,
    /// Whether it is the proposal's wording.
    pub proposal: bool,
    /// How it differs from wording A, word by word; empty for A.
    pub differences: Vec<Difference>,
}

/// A run of words in which a wording differs from wording A.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// The words in wording A (empty when words were added).
    #[serde(rename = "i_lydelse_a")]
    pub removed: String,
    /// The words in this wording (empty when words were struck).
    #[serde(rename = "här")]
    pub added: String,
}

/// The wordings of one part: `None` is the preamble, else the § number.
#[derive(Debug, Clone, PartialEq)]
pub struct PartWordings {
    /// The § number, or `None` for the preamble.
    pub number: Option<u32>,
    /// The heading (from the first text that has the part).
    pub heading: String,
    /// The distinct wordings.
    pub wordings: Vec<Wording>,
}

impl PartWordings {
    /// Whether the members adopted more than one wording of this part.
    pub fn diverges(&self) -> bool {
        self.wordings.len() > 1
    }

    /// "5 § Styrelsen" or "Inledning".
    pub fn display(&self) -> String {
        match self.number {
            Some(n) if self.heading.is_empty() => format!("{n} §"),
            Some(n) => format!("{n} § {}", self.heading),
            None => "Inledning".to_string(),
        }
    }

    /// The wording with this label.
    pub fn wording(&self, label: &str) -> Option<&Wording> {
        self.wordings
            .iter()
            .find(|w| w.label.eq_ignore_ascii_case(label))
    }

    /// The wording a member adopted.
    pub fn of_member(&self, member: usize) -> Option<&Wording> {
        self.wordings.iter().find(|w| w.members.contains(&member))
    }
}

fn part_of(document: &Document, number: Option<u32>) -> Part {
    match number {
        None => Part::Preamble(document.preamble.clone()),
        Some(n) => document
            .section_by_number(n)
            .cloned()
            .map_or(Part::Missing, Part::Section),
    }
}

/// The normalised text of a part.
pub fn normalised(part: &Part) -> String {
    match part {
        Part::Preamble(blocks) => preamble_text(blocks),
        Part::Section(section) => section_text(section),
        Part::Missing => String::new(),
    }
}

/// Groups the adopted texts (member index, text) part by part. Parts are
/// the preamble and every § number any text or the proposal has.
pub fn compare(proposal: &Document, texts: &[(usize, &Document)]) -> Vec<PartWordings> {
    let mut numbers: BTreeMap<Option<u32>, String> = BTreeMap::new();
    numbers.insert(None, String::new());
    for document in std::iter::once(proposal).chain(texts.iter().map(|(_, d)| *d)) {
        for section in &document.sections {
            if let Some(n) = section.number {
                numbers
                    .entry(Some(n))
                    .or_insert_with(|| section.heading.clone());
            }
        }
    }
    numbers
        .into_iter()
        .map(|(number, heading)| {
            let proposal_text = normalised(&part_of(proposal, number));
            let mut wordings: Vec<Wording> = Vec::new();
            for (member, document) in texts {
                let part = part_of(document, number);
                let text = normalised(&part);
                match wordings.iter_mut().find(|w| w.normalised == text) {
                    Some(w) => w.members.push(*member),
                    None => wordings.push(Wording {
                        label: label(wordings.len()),
                        proposal: text == proposal_text,
                        part,
                        normalised: text,
                        members: vec![*member],
                        differences: Vec::new(),
                    }),
                }
            }
            if let Some((first, rest)) = wordings.split_first_mut() {
                for w in rest {
                    w.differences = differences(&first.part, &w.part);
                }
            }
            PartWordings {
                number,
                heading,
                wordings,
            }
        })
        .collect()
}

/// "A", "B", … "Z", "AA", ….
fn label(index: usize) -> String {
    let letter = |i: usize| char::from(b'A' + (i % 26) as u8);
    if index < 26 {
        letter(index).to_string()
    } else {
        format!("{}{}", letter(index / 26 - 1), letter(index))
    }
}

fn as_section(part: &Part) -> Vec<Section> {
    match part {
        Part::Section(s) => vec![s.clone()],
        Part::Preamble(blocks) => vec![Section {
            number: None,
            heading: String::new(),
            level: 1,
            blocks: blocks.clone(),
        }],
        Part::Missing => Vec::new(),
    }
}

/// The runs of words in which `other` differs from `first`.
pub fn differences(first: &Part, other: &Part) -> Vec<Difference> {
    let options = DiffOptions {
        show_renumbering: false,
        ignore_modernisation: false,
    };
    let comparison = compare_parts(&[], &as_section(first), &[], &as_section(other), &options);
    let mut out: Vec<Difference> = Vec::new();
    let mut current = Difference {
        removed: String::new(),
        added: String::new(),
    };
    let flush = |current: &mut Difference, out: &mut Vec<Difference>| {
        if !current.removed.is_empty() || !current.added.is_empty() {
            let tidy = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            out.push(Difference {
                removed: tidy(&current.removed),
                added: tidy(&current.added),
            });
        }
        current.removed.clear();
        current.added.clear();
    };
    for section in &comparison.sections {
        let all = section.heading_changes.iter().chain(&section.changes);
        for change in all {
            match change.kind {
                ChangeKind::Equal => flush(&mut current, &mut out),
                ChangeKind::Delete => current.removed.push_str(&change.text),
                ChangeKind::Insert => current.added.push_str(&change.text),
            }
        }
        flush(&mut current, &mut out);
    }
    out
}
