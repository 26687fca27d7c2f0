//! The reading stage: the one interpretation of what a document says.
//!
//! ```text
//! Document ─read─▶ Reading (sections, topics, members, typed facts) ─▶ PartialDescription
//! ```
//!
//! Everything that needs to know what a förbundsordning *says* — the
//! checker's rules, `import --spec`, the diff's changes in substance,
//! `amend` and `modernize` — reads it here, on one Swedish [`lexicon`]
//! (number words, dates, shares, member names old and new). Each fact
//! keeps the place it was read from (§ and excerpt), so a rule can point at
//! it. A [`Reading`] is computed once per document; facts several readers
//! need are computed once and cached in it.

pub mod dated;
pub mod describe;
pub mod facts;
pub mod kind;
pub mod lexicon;
pub mod members;
pub mod outdated;
pub mod reading;
pub mod topics;
pub mod truncation;
pub mod typography;

/// Where a fact was read: a section of the document and the words quoted
/// from it (found again in the source for the line number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Index into `Document::sections`.
    pub section: usize,
    /// The words quoted from the section.
    pub excerpt: String,
}

pub use describe::{Described, PartialDescription, describe, describe_document};
pub use kind::guess_kind;
pub use reading::{NamedMember, Reading, SectionView};
pub use topics::Topic;
