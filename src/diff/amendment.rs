//! The package a council needs to decide an amendment of the
//! förbundsordning, assembled in memory: the jämförelsetabell, the
//! tracked-changes förbundsordning, the new consolidated förbundsordning,
//! and one tjänsteutlåtande per kommun and region. The caller writes the
//! files.

use chrono::{Datelike, NaiveDate};

use super::Status;
use super::side::{Compared, SideSubstance};
use crate::compose::{Amendment, ComposeError, Templates, amendment_tjansteutlatande};
use crate::render::{Format, PdfProfile, RenderError, render};
use crate::spec::Forbund;
use crate::swedish::slug;

/// Why the package could not be made.
#[derive(Debug, thiserror::Error)]
pub enum AmendmentError {
    /// A document could not be rendered.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// A tjänsteutlåtande could not be composed.
    #[error(transparent)]
    Compose(#[from] ComposeError),
    /// The new side is a document whose members cannot be read.
    #[error(
        "kan inte skriva tjänsteutlåtandena: {file} anger inte medlemmarna så att de kan läsas ({problems}); ange en beskrivning (.json) som NY"
    )]
    Members {
        /// The new side's file.
        file: String,
        /// The problems, joined.
        problems: String,
    },
}

/// One file of the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageFile {
    /// The file name, e.g. "jamforelsetabell.docx".
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// What goes into the package besides the comparison.
#[derive(Debug, Clone, Copy)]
pub struct PackageOptions<'a> {
    /// When the amendment takes effect.
    pub effective: Option<NaiveDate>,
    /// Author of the tracked changes.
    pub author: &'a str,
    /// The templates for the tjänsteutlåtanden.
    pub templates: &'a Templates,
    /// The documents' date, when fixed (e.g. `SOURCE_DATE_EPOCH`).
    pub date: Option<NaiveDate>,
}

const FORMATS: [Format; 3] = [Format::Docx, Format::Pdf, Format::Markdown];

/// Assembles the whole amendment package.
pub fn package(
    compared: &Compared,
    options: &PackageOptions<'_>,
) -> Result<Vec<PackageFile>, AmendmentError> {
    let mut files = Vec::new();
    let table = compared.table(options.effective);
    for format in FORMATS {
        files.push(PackageFile {
            name: format!("jamforelsetabell.{}", format.extension()),
            bytes: render(&table, format, PdfProfile::default())?,
        });
    }
    files.push(PackageFile {
        name: "forbundsordning-andringar.docx".into(),
        bytes: compared.tracked_docx(options.author)?,
    });
    for format in FORMATS {
        files.push(PackageFile {
            name: format!("forbundsordning.{}", format.extension()),
            bytes: render(&compared.new.document, format, PdfProfile::default())?,
        });
    }
    let forbund = members_of_new(compared, options.effective)?;
    let amendment = amendment(compared, options.effective);
    for (index, member) in forbund.members.iter().enumerate() {
        if !member.decides_in_council() {
            continue;
        }
        let document = amendment_tjansteutlatande(
            &forbund,
            options.templates,
            index,
            &amendment,
            options.date,
        )?;
        for format in FORMATS {
            files.push(PackageFile {
                name: format!(
                    "tjansteutlatande-andring-{}.{}",
                    slug(&member.namn),
                    format.extension()
                ),
                bytes: render(&document, format, PdfProfile::default())?,
            });
        }
    }
    Ok(files)
}

/// What the amendment changes, in words for the tjänsteutlåtanden.
pub fn amendment(compared: &Compared, effective: Option<NaiveDate>) -> Amendment {
    let sections = compared
        .comparison
        .sections
        .iter()
        .filter(|s| s.status != Status::Unchanged)
        .map(|s| format!("{} ({})", s.display_heading(), s.status.swedish()))
        .collect();
    Amendment {
        sections,
        substance: compared.substance.iter().map(ToString::to_string).collect(),
        economic: compared.substance.iter().any(|c| c.subject.is_economic()),
        effective,
    }
}

/// The description behind the new side: the side itself, or one built
/// from what the document states (members are what the tjänsteutlåtanden
/// need), with the gaps a document leaves filled by neutral values.
fn members_of_new(
    compared: &Compared,
    effective: Option<NaiveDate>,
) -> Result<Forbund, AmendmentError> {
    let stated = match &compared.new.substance {
        SideSubstance::Description(forbund) => return Ok((**forbund).clone()),
        SideSubstance::Document(stated) => stated,
    };
    let file = compared.new.name.clone();
    let members_error = |problems: String| AmendmentError::Members {
        file: file.clone(),
        problems,
    };
    let mut draft =
        serde_json::to_value(stated.as_ref()).map_err(|e| members_error(e.to_string()))?;
    let date = effective.unwrap_or(compared.new.document.metadata.date);
    let object = draft
        .as_object_mut()
        .ok_or_else(|| members_error("ingen beskrivning kunde tas fram".into()))?;
    object
        .entry("verksamhetsstart")
        .or_insert_with(|| serde_json::json!(date.to_string()));
    object.entry("ekonomi").or_insert_with(
        || serde_json::json!({"budget": [{"år": date.year().max(2004), "belopp": 0}]}),
    );
    object
        .entry("säte")
        .or_insert_with(|| serde_json::json!("(okänt)"));
    crate::spec::load::from_value(&compared.new.name, draft).map_err(|problems| {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        members_error(list.join("; "))
    })
}
