//! The result of comparing two documents: one [`SectionDiff`] per paired,
//! added or removed section, a [`Summary`] and the paragrafnyckel. This is
//! the data every renderer reads, and its serde form is the JSON output.

use serde::Serialize;

/// A whole comparison of a current ("nuvarande") and a proposed
/// ("föreslagen") document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The sections in the new document's order; removed sections stand
    /// where they stood in the old one. A preamble, when either side has
    /// one, comes first as a section without numbers headed "Inledning".
    pub sections: Vec<SectionDiff>,
    /// How many sections got each status.
    pub summary: Summary,
    /// The paragrafnyckel, old § → new §, for every pair with both numbers,
    /// ordered by the new number. Empty when no number changed (or when
    /// renumbering is not shown).
    pub renumbering: Vec<(u32, u32)>,
}

/// What became of one section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Same wording (perhaps renumbered).
    Unchanged,
    /// Paired, with changed wording (perhaps renumbered).
    Changed,
    /// Only in the new document.
    Added,
    /// Only in the old document (upphävd).
    Removed,
    /// Paired, but out of the order of the other pairs.
    Moved,
    /// One old section whose text now stands in two or more new sections;
    /// every new part gets an entry with this status.
    Split,
    /// Two or more old sections whose text now stands in one new section.
    Merged,
}

impl Status {
    /// The Swedish word shown to the user ("ändrad", "upphävd"…).
    pub fn swedish(self) -> &'static str {
        match self {
            Status::Unchanged => "oförändrad",
            Status::Changed => "ändrad",
            Status::Added => "ny",
            Status::Removed => "upphävd",
            Status::Moved => "flyttad",
            Status::Split => "delad",
            Status::Merged => "sammanslagen",
        }
    }
}

/// One section of the comparison: a pair, or a section on one side only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionDiff {
    /// Whether this is the documents' preamble (the text before the first
    /// §), shown under the heading "Inledning".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub preamble: bool,
    /// The § number in the old document.
    pub old_number: Option<u32>,
    /// The § number in the new document.
    pub new_number: Option<u32>,
    /// The heading in the old document, without the number.
    pub old_heading: Option<String>,
    /// The heading in the new document, without the number.
    pub new_heading: Option<String>,
    /// What became of the section.
    pub status: Status,
    /// How much of the wording is the same, 0–1, rounded to three decimals:
    /// 1 for unchanged, 0 for added or removed.
    pub similarity: f64,
    /// Paired in order, but under another § number.
    pub renumbered: bool,
    /// For a split: the other new § numbers of the parts; for a merge: the
    /// other old § numbers merged in. Empty otherwise.
    pub related: Vec<u32>,
    /// The word diff of the heading; empty when the headings differ at most
    /// in case.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub heading_changes: Vec<Change>,
    /// The word diff of the body. Paragraph breaks are "\n" inside the text.
    pub changes: Vec<Change>,
    /// The old body as paragraphs ("nuvarande lydelse"); for a merge, the
    /// paragraphs of every merged section in order.
    #[serde(skip)]
    pub old_text: Vec<String>,
    /// The new body as paragraphs ("föreslagen lydelse").
    #[serde(skip)]
    pub new_text: Vec<String>,
}

impl SectionDiff {
    /// One side's § number and heading: the old side for
    /// [`ChangeKind::Delete`], the new side otherwise.
    pub fn side(&self, side: ChangeKind) -> (Option<u32>, Option<&str>) {
        match side {
            ChangeKind::Delete => (self.old_number, self.old_heading.as_deref()),
            _ => (self.new_number, self.new_heading.as_deref()),
        }
    }

    /// "5 § Styrelsen": the new number and heading where there is a new
    /// side, otherwise the old ones.
    pub fn display_heading(&self) -> String {
        let (number, heading) = match (self.new_number, &self.new_heading) {
            (number, Some(heading)) => (number, heading.as_str()),
            (None, None) => (self.old_number, self.old_heading.as_deref().unwrap_or("")),
            (Some(number), None) => (Some(number), ""),
        };
        match number {
            Some(n) if heading.is_empty() => format!("{n} §"),
            Some(n) => format!("{n} § {heading}"),
            None => heading.to_string(),
        }
    }
}

/// What a run of words is in the diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// In both documents (the text is the new document's).
    Equal,
    /// Only in the new document.
    Insert,
    /// Only in the old document.
    Delete,
}

/// A run of words with the same [`ChangeKind`]. The text keeps the spacing
/// of its side, a paragraph break as "\n", so that concatenating the equal
/// and inserted runs rebuilds the new text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Equal, inserted or deleted.
    pub kind: ChangeKind,
    /// The words, as written.
    pub text: String,
}

/// How many sections got each status. `renumbered` counts the unchanged
/// and changed pairs whose number differs; a split counts once per old
/// section and a merge once per new section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    /// Same wording.
    pub unchanged: usize,
    /// Changed wording.
    pub changed: usize,
    /// New sections.
    pub added: usize,
    /// Removed sections.
    pub removed: usize,
    /// Unchanged or changed sections under a new number.
    pub renumbered: usize,
    /// Sections out of order.
    pub moved: usize,
    /// Old sections split into several.
    pub split: usize,
    /// New sections merged from several.
    pub merged: usize,
}

impl Comparison {
    /// True when nothing but numbering (or what is not a change in
    /// wording) differs.
    pub fn is_unchanged(&self) -> bool {
        self.sections.iter().all(|s| s.status == Status::Unchanged)
    }
}
