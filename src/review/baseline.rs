//! Checking against a baseline (`forbund check NEW --baseline OLD`): every
//! finding of the new input is marked new or unchanged, and every finding
//! of the old input that is gone is added as fixed, so a council sees what
//! an amendment fixes and what it introduces.
//!
//! Findings match by rule id and place. In documents the place is the §,
//! mapped from the old numbering to the new through the section alignment
//! of [`crate::diff::compare`], so a finding in old 13 § matches the same
//! rule in new 14 § when the comparison paired the two; findings without a
//! § match by rule id alone. In descriptions the place is the JSON path.

use std::collections::BTreeSet;

use crate::check::{Report, check_description, check_document};
use crate::diff::{DiffOptions, compare};
use crate::document::Document;
use crate::finding::{BaselineState, Finding};
use crate::spec::Forbund;

/// One side of a baseline check: a description or a document, with the
/// file name and source text the checker wants.
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    /// A description (JSON).
    Description {
        /// The file, as the user named it.
        file: &'a str,
        /// The loaded description.
        forbund: &'a Forbund,
        /// Its JSON text, for line numbers.
        source: Option<&'a str>,
    },
    /// A document (Markdown, text, DOCX).
    Document {
        /// The file, as the user named it.
        file: &'a str,
        /// The document read from it.
        document: &'a Document,
        /// The text it was read from, for line numbers and suppressions.
        source: Option<&'a str>,
    },
}

impl<'a> Input<'a> {
    /// The file name.
    pub fn file(&self) -> &'a str {
        match self {
            Input::Description { file, .. } | Input::Document { file, .. } => file,
        }
    }

    /// The document, for a document.
    pub fn document(&self) -> Option<&'a Document> {
        match self {
            Input::Description { .. } => None,
            Input::Document { document, .. } => Some(document),
        }
    }

    /// Runs the checker on this input.
    pub fn check(&self) -> Report {
        match *self {
            Input::Description {
                file,
                forbund,
                source,
            } => check_description(file, forbund, source),
            Input::Document {
                file,
                document,
                source,
            } => check_document(file, document, source),
        }
    }
}

/// Checks `new` and `old` and returns the report of `new` with every
/// finding marked against `old` (see [`apply_baseline`]).
pub fn check_with_baseline(new: &Input<'_>, old: &Input<'_>) -> Report {
    let mut report = new.check();
    let old_report = old.check();
    apply_baseline(&mut report, &old_report, old.document(), new.document());
    report
}

/// Marks each finding of `new` as [`BaselineState::New`] or
/// [`BaselineState::Unchanged`] against `old`, and appends every finding of
/// `old` that has no match in `new` as [`BaselineState::Fixed`] (with its
/// old location, which names the old file). With both documents given, §
/// numbers are mapped through their comparison; without them, a § matches
/// only the same §. Sets [`Report::baseline`] to the old file.
pub fn apply_baseline(
    new: &mut Report,
    old: &Report,
    old_doc: Option<&Document>,
    new_doc: Option<&Document>,
) {
    let map = SectionMap::new(old_doc, new_doc);
    let mut used = vec![false; old.findings.len()];
    for finding in &mut new.findings {
        let matched = old
            .findings
            .iter()
            .enumerate()
            .find(|(i, o)| !used[*i] && o.id == finding.id && map.same_place(o, finding))
            .map(|(i, _)| i);
        finding.baseline = Some(match matched {
            Some(i) => {
                used[i] = true;
                BaselineState::Unchanged
            }
            None => BaselineState::New,
        });
    }
    for (finding, used) in old.findings.iter().zip(used) {
        if !used {
            let mut fixed = finding.clone();
            fixed.baseline = Some(BaselineState::Fixed);
            if fixed.location.file.is_none() {
                fixed.location.file = Some(old.file.clone());
            }
            new.findings.push(fixed);
        }
    }
    new.baseline = Some(old.file.clone());
}

/// Where a section of the old document went in the new one.
struct SectionMap {
    /// (old §, new §) for every paired section.
    numbers: BTreeSet<(u32, u32)>,
    /// (old heading, new heading) for every pair, for unnumbered parts.
    headings: Vec<(String, String)>,
    /// Whether a comparison was made.
    compared: bool,
}

impl SectionMap {
    fn new(old: Option<&Document>, new: Option<&Document>) -> Self {
        let (Some(old), Some(new)) = (old, new) else {
            return SectionMap {
                numbers: BTreeSet::new(),
                headings: Vec::new(),
                compared: false,
            };
        };
        let comparison = compare(old, new, &DiffOptions::default());
        let mut numbers = BTreeSet::new();
        let mut headings = Vec::new();
        for s in &comparison.sections {
            if let (Some(o), Some(n)) = (s.old_number, s.new_number) {
                numbers.insert((o, n));
                for r in &s.related {
                    // Split: the other new parts; merge: the other old parts.
                    numbers.insert((o, *r));
                    numbers.insert((*r, n));
                }
            }
            if let (Some(o), Some(n)) = (&s.old_heading, &s.new_heading) {
                headings.push((o.to_lowercase(), n.to_lowercase()));
            }
        }
        SectionMap {
            numbers,
            headings,
            compared: true,
        }
    }

    /// Whether an old and a new finding of the same rule are at the same
    /// place.
    fn same_place(&self, old: &Finding, new: &Finding) -> bool {
        if old.location.path.is_some() || new.location.path.is_some() {
            return old.location.path == new.location.path;
        }
        let (Some(o), Some(n)) = (&old.location.section, &new.location.section) else {
            return true;
        };
        match (number(o), number(n)) {
            (Some(o), Some(n)) if self.compared => self.numbers.contains(&(o, n)),
            (Some(o), Some(n)) => o == n,
            (None, None) => {
                let (o, n) = (o.to_lowercase(), n.to_lowercase());
                o == n || self.headings.iter().any(|(a, b)| *a == o && *b == n)
            }
            _ => false,
        }
    }
}

/// The § number of a section label such as "13 § Revisorer".
fn number(label: &str) -> Option<u32> {
    let (digits, rest) = label.trim().split_once(' ')?;
    rest.trim_start()
        .starts_with('§')
        .then(|| digits.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_section_numbers() {
        assert_eq!(number("13 § Revisorer"), Some(13));
        assert_eq!(number("13 §"), Some(13));
        assert_eq!(number("Inledning"), None);
        assert_eq!(number("1.2 Budget"), None);
    }
}
