//! The two sides of a comparison, read from bytes in memory: a description
//! (drafted on the fly into its förbundsordning) or an existing document
//! (Markdown, text, DOCX), and what each states in substance. Front ends
//! (the CLI, the local web page) read the files and call these.

use chrono::NaiveDate;

use super::substance::{Stated, SubstanceChange, substance};
use super::table::{TableInfo, jamforelsetabell, tracked_sections};
use super::{Comparison, DiffOptions, compare};
use crate::compose::{ComposeError, Templates, forbundsordning};
use crate::document::{Document, DocumentKind};
use crate::finding::Finding;
use crate::parse::ParseError;
use crate::read::{PartialDescription, describe_document};
use crate::render::RenderError;
use crate::render::docx::tracked::{Revision, render_tracked};
use crate::spec::Forbund;

/// Why a side could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SideError {
    /// A description with problems (listed in the findings).
    #[error("{file} är ingen giltig beskrivning (se forbund validate)")]
    InvalidDescription {
        /// The file.
        file: String,
        /// Every problem found.
        problems: Vec<Finding>,
    },
    /// The description gave no förbundsordning.
    #[error("{file}: ingen förbundsordning kunde skrivas")]
    NoForbundsordning {
        /// The file.
        file: String,
    },
    /// A document that cannot be read.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// The description's förbundsordning could not be drafted.
    #[error("{file}: förbundsordningen kunde inte skrivas: {source}")]
    Compose {
        /// The file.
        file: String,
        /// Why.
        source: ComposeError,
    },
}

/// What a side states in substance.
#[derive(Debug, Clone)]
pub enum SideSubstance {
    /// The side is a description.
    Description(Box<Forbund>),
    /// What the side's document states.
    Document(Box<PartialDescription>),
}

/// One side: its förbundsordning, and what is known of its substance.
#[derive(Debug, Clone)]
pub struct Side {
    /// The file as the user named it.
    pub name: String,
    /// The förbundsordning (drafted, or read from the file).
    pub document: Document,
    /// What it states in substance.
    pub substance: SideSubstance,
    /// Warnings from reading the document, in Swedish.
    pub warnings: Vec<String>,
}

impl Side {
    /// The description, when the side is one.
    pub fn forbund(&self) -> Option<&Forbund> {
        match &self.substance {
            SideSubstance::Description(f) => Some(f),
            SideSubstance::Document(_) => None,
        }
    }

    fn stated(&self) -> Stated<'_> {
        match &self.substance {
            SideSubstance::Description(f) => Stated::Description(f),
            SideSubstance::Document(d) => Stated::Document(d),
        }
    }

    /// The förbund's name: from the description, from what the document
    /// states, or from its title.
    pub fn forbund_name(&self) -> String {
        match &self.substance {
            SideSubstance::Description(f) => Some(f.namn.clone()),
            SideSubstance::Document(d) => d.name.clone(),
        }
        .unwrap_or_else(|| {
            self.document
                .title
                .trim_start_matches("Förbundsordning för ")
                .to_string()
        })
    }

    /// Reads a side from its bytes: a description when the name ends in
    /// `.json` or the text starts like JSON, else a document.
    pub fn read(
        name: &str,
        bytes: &[u8],
        templates: &Templates,
        date: Option<NaiveDate>,
    ) -> Result<Side, SideError> {
        if is_description(name, bytes) {
            let forbund = crate::spec::load(name, bytes).map_err(|problems| {
                SideError::InvalidDescription {
                    file: name.to_string(),
                    problems,
                }
            })?;
            // The förbundsordning itself, without its marking as a bilaga
            // to the tjänsteutlåtanden.
            let document = forbundsordning(&forbund, templates, date).map_err(|source| {
                SideError::Compose {
                    file: name.to_string(),
                    source,
                }
            })?;
            return Ok(Side {
                name: name.to_string(),
                document,
                substance: SideSubstance::Description(Box::new(forbund)),
                warnings: Vec::new(),
            });
        }
        let parsed = crate::parse::parse_as(name, bytes, Some(DocumentKind::Forbundsordning))?;
        let stated = describe_document(&parsed.document).description;
        Ok(Side {
            name: name.to_string(),
            document: parsed.document,
            substance: SideSubstance::Document(Box::new(stated)),
            warnings: parsed.warnings,
        })
    }
}

/// Whether a file holds a description rather than a document.
pub fn is_description(name: &str, bytes: &[u8]) -> bool {
    if name.to_lowercase().ends_with(".json") {
        return true;
    }
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(64)]);
    let start = text.trim_start_matches('\u{feff}').trim_start();
    start.starts_with('{') || start.starts_with("//")
}

/// Both sides read and compared.
#[derive(Debug, Clone)]
pub struct Compared {
    /// The current side.
    pub old: Side,
    /// The proposed side.
    pub new: Side,
    /// Their comparison.
    pub comparison: Comparison,
    /// Changes in substance.
    pub substance: Vec<SubstanceChange>,
}

/// Compares two sides.
pub fn compare_sides(old: Side, new: Side, options: &DiffOptions) -> Compared {
    let comparison = compare(&old.document, &new.document, options);
    let substance = substance(old.stated(), new.stated(), Some(&new.document));
    Compared {
        old,
        new,
        comparison,
        substance,
    }
}

impl Compared {
    /// The jämförelsetabell, with the entry into force when given.
    pub fn table(&self, effective: Option<NaiveDate>) -> Document {
        jamforelsetabell(
            &self.comparison,
            &TableInfo {
                forbund: self.new.forbund_name(),
                effective,
                substance: self.substance.iter().map(ToString::to_string).collect(),
                metadata: self.new.document.metadata.clone(),
            },
        )
    }

    /// The new text as Word with tracked changes against the old.
    pub fn tracked_docx(&self, author: &str) -> Result<Vec<u8>, RenderError> {
        let revision = Revision {
            author: author.to_string(),
            date: format!("{}T00:00:00Z", self.new.document.metadata.date),
        };
        render_tracked(
            &self.new.document,
            &tracked_sections(&self.comparison),
            &revision,
        )
    }
}
