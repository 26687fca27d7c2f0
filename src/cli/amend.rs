//! `forbund amend`: the package a council needs to decide an amendment of
//! the förbundsordning: the jämförelsetabell, the tracked-changes
//! förbundsordning, the new consolidated förbundsordning, and one
//! tjänsteutlåtande per kommun and region.

use std::path::PathBuf;

use anyhow::{Result, anyhow};
use chrono::{Datelike, NaiveDate};
use forbund::compose::{Amendment, amendment_tjansteutlatande};
use forbund::diff::{DiffOptions, Status};
use forbund::render::{Format, PdfProfile, render};
use forbund::spec::Forbund;
use forbund::swedish::slug;

use super::Outcome;
use super::diff::{Compared, read_and_compare, table, tracked_docx};
use super::files::{Output, write_all};
use super::generate::{load_templates, source_date};

/// Arguments of `forbund amend`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The current förbundsordning: a description (.json) or a document (.md, .txt, .docx)
    old: PathBuf,
    /// The amended one, in the same forms (a description gives the members' cases)
    new: PathBuf,
    /// Directory to write the package to
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
    /// When the amended förbundsordning takes effect (YYYY-MM-DD)
    #[arg(long, value_name = "DATUM")]
    ikraft: Option<NaiveDate>,
    /// Author of the tracked changes
    #[arg(long, default_value = "forbund")]
    author: String,
    /// Directory with your own templates (andring.md for the tjänsteutlåtanden)
    #[arg(long, value_name = "DIR")]
    template_dir: Option<PathBuf>,
    /// Replace existing files
    #[arg(long)]
    force: bool,
}

/// Writes the whole package, or nothing.
pub fn run(args: &Args) -> Result<Outcome> {
    let options = DiffOptions {
        show_renumbering: true,
        ignore_modernisation: false,
    };
    let compared = read_and_compare(&args.old, &args.new, args.template_dir.as_deref(), &options)?;
    let templates = load_templates(args.template_dir.as_deref())?;
    let date = source_date()?;
    let dir = &args.output;
    let mut outputs = Vec::new();
    let mut add = |name: String, bytes: Vec<u8>| {
        outputs.push(Output {
            path: dir.join(name),
            bytes,
        })
    };

    let table = table(&compared, args.ikraft);
    for format in [Format::Docx, Format::Pdf, Format::Markdown] {
        add(
            format!("jamforelsetabell.{}", format.extension()),
            render(&table, format, PdfProfile::default())?,
        );
    }
    add(
        "forbundsordning-andringar.docx".into(),
        tracked_docx(&compared, &args.author)?,
    );
    for format in [Format::Docx, Format::Pdf, Format::Markdown] {
        add(
            format!("forbundsordning.{}", format.extension()),
            render(&compared.new.document, format, PdfProfile::default())?,
        );
    }
    let forbund = members_of_new(&compared, args.ikraft)?;
    let amendment = amendment(&compared, args.ikraft);
    for (index, member) in forbund.members.iter().enumerate() {
        if !member.decides_in_council() {
            continue;
        }
        let document = amendment_tjansteutlatande(&forbund, &templates, index, &amendment, date)?;
        for format in [Format::Docx, Format::Pdf, Format::Markdown] {
            add(
                format!(
                    "tjansteutlatande-andring-{}.{}",
                    slug(&member.namn),
                    format.extension()
                ),
                render(&document, format, PdfProfile::default())?,
            );
        }
    }
    write_all(&outputs, args.force)?;
    let listing: String = outputs
        .iter()
        .map(|o| format!("{}\n", o.path.display()))
        .collect();
    super::print(&listing)?;
    Ok(Outcome::Success)
}

/// What the amendment changes, in words for the tjänsteutlåtanden.
fn amendment(compared: &Compared, effective: Option<NaiveDate>) -> Amendment {
    let sections = compared
        .comparison
        .sections
        .iter()
        .filter(|s| s.status != Status::Unchanged)
        .map(|s| format!("{} ({})", s.display_heading(), s.status.swedish()))
        .collect();
    let economic = compared
        .substance
        .iter()
        .any(|s| s.contains("budget") || s.contains("andel") || s.contains("ekonomi"));
    Amendment {
        sections,
        substance: compared.substance.clone(),
        economic,
        effective,
    }
}

/// The description behind the new side: the side itself, or one built
/// from what the document states (members are what the tjänsteutlåtanden
/// need), with the gaps a document leaves filled by neutral values.
fn members_of_new(compared: &Compared, effective: Option<NaiveDate>) -> Result<Forbund> {
    if let Some(forbund) = &compared.new.forbund {
        return Ok(forbund.clone());
    }
    let mut draft = compared.new.description.clone();
    let date = effective.unwrap_or(compared.new.document.metadata.date);
    let object = draft
        .as_object_mut()
        .ok_or_else(|| anyhow!("{}: ingen beskrivning kunde tas fram", compared.new.name))?;
    object
        .entry("verksamhetsstart")
        .or_insert_with(|| serde_json::json!(date.to_string()));
    object.entry("ekonomi").or_insert_with(
        || serde_json::json!({"budget": [{"år": date.year().max(2004), "belopp": 0}]}),
    );
    object
        .entry("säte")
        .or_insert_with(|| serde_json::json!("(okänt)"));
    forbund::spec::load::from_value(&compared.new.name, draft).map_err(|problems| {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        anyhow!(
            "kan inte skriva tjänsteutlåtandena: {} anger inte medlemmarna så att de kan läsas ({}); ange en beskrivning (.json) som NY",
            compared.new.name,
            list.join("; ")
        )
    })
}
