//! Comparing two documents section by section, as Swedish practice sets a
//! current förbundsordning ("nuvarande lydelse") beside a proposed one
//! ("föreslagen lydelse").
//!
//! The stages:
//!
//! 1. each section's text becomes tokens (`tokens`) whose keys say what
//!    is not a change: spacing, markup, paragraph division and heading
//!    case never are, and with [`DiffOptions::ignore_modernisation`]
//!    neither is a modernised wording (`normalise`);
//! 2. sections are aligned by heading, content and number (`align`,
//!    `score`, `regroup`), so that renumbered, inserted, removed, moved,
//!    split and merged sections pair correctly;
//! 3. each pair gets a word diff (`words`, on `similar` without a
//!    deadline, so output never depends on timing), tidied so that a lone
//!    equal word does not chop a rewritten passage into pieces;
//! 4. the [`Comparison`] is rendered ([`render`]) for a terminal, as
//!    Markdown, as a side-by-side HTML page or as JSON; [`substance()`]
//!    lists changes in substance between two descriptions.
//!
//! ```
//! use forbund::diff::{compare, DiffOptions, Status};
//!
//! let read = |text: &str| forbund::parse::parse("fo.md", text.as_bytes()).map(|p| p.document);
//! let old = read("# Förbundsordning\n\n## 1 § Namn\n\nFörbundets namn är X.\n")?;
//! let new = read("# Förbundsordning\n\n## 1 § Namn\n\nFörbundets namn är Y.\n")?;
//! let c = compare(&old, &new, &DiffOptions::default());
//! assert_eq!(c.sections[0].status, Status::Changed);
//! assert_eq!(forbund::diff::terminal(&c, false).lines().nth(1),
//!            Some("    Förbundets namn är [-X-] {+Y+}."));
//! # Ok::<(), forbund::parse::ParseError>(())
//! ```

mod align;
pub mod amendment;
mod build;
pub mod canonical;
pub mod model;
mod normalise;
mod regroup;
pub mod render;
mod score;
pub mod side;
pub mod substance;
pub mod table;
mod tokens;
mod words;

pub use model::{Change, ChangeKind, Comparison, SectionDiff, Status, Summary};
pub use render::{html, json, markdown, terminal};
pub use side::{Compared, Side, SideError, compare_sides};
pub use substance::{SubstanceChange, substance};

use crate::document::{Block, Document, Section};

/// What the comparison should treat as a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiffOptions {
    /// Report § numbers that changed (the renumbered flag and the
    /// paragrafnyckel). Off, a renumbered section is just unchanged or
    /// changed.
    pub show_renumbering: bool,
    /// Treat pure modernisations of wording as equal: "skall" → "ska",
    /// landsting → region, allmän försäkringskassa → Försäkringskassan,
    /// länsarbetsnämnd → Arbetsförmedlingen, kommunallagen (1991:900) →
    /// (2017:725).
    pub ignore_modernisation: bool,
}

impl Default for DiffOptions {
    fn default() -> Self {
        DiffOptions {
            show_renumbering: true,
            ignore_modernisation: false,
        }
    }
}

/// Compares two documents: their preambles (as "Inledning") and sections.
pub fn compare(old: &Document, new: &Document, options: &DiffOptions) -> Comparison {
    compare_parts(
        &old.preamble,
        &old.sections,
        &new.preamble,
        &new.sections,
        options,
    )
}

/// Compares preambles and sections without whole documents, e.g. the
/// parts of documents.
pub fn compare_parts(
    old_preamble: &[Block],
    old_sections: &[Section],
    new_preamble: &[Block],
    new_sections: &[Section],
    options: &DiffOptions,
) -> Comparison {
    build::comparison(
        (old_preamble, old_sections),
        (new_preamble, new_sections),
        options,
    )
}
