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
//!
//! The parts:
//!
//! - [`typography`]: typographic noise removed once (zero-width spaces,
//!   soft hyphens, non-breaking spaces, curly quotes, NFD) and the folded
//!   spelling without å, ä and ö that OCR'd text has;
//! - [`lexicon`]: sentences, numbers in words and digits, dates and
//!   days, shares and fractions, excerpts; [`outdated`]: the renamed bodies
//!   and laws and old wordings;
//! - [`reading`]: the document as read — sections as plain text with their
//!   [`topics`], the members named, sentences normalised and folded once,
//!   suppression lines; [`kind`]: which document it is;
//! - [`facts`]: typed facts with their [`Place`] — the board's size and
//!   appointments, terms of office, notice period, formation, cost shares
//!   and the single provisions (name, säte, archive, notices, majority,
//!   budget deadline); [`dated`]: the document's own era;
//!   [`truncation`]: where a text visibly breaks off;
//! - [`members`] and [`mod@describe`]: the typed [`PartialDescription`] a
//!   förbundsordning states, with what was found where and what is missing.

pub mod dated;
pub mod describe;
pub mod facts;
pub mod kind;
pub mod letterhead;
pub mod lexicon;
pub mod members;
pub mod outdated;
pub mod reading;
pub mod tables;
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
