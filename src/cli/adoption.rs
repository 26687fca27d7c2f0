//! `forbund adoption`: reads the record of the members' decisions and the
//! texts it points to, prints the report, and with `-o DIR` writes the
//! reconciled förbundsordning and the tjänsteutlåtanden for new decisions.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use forbund::adoption::{self, Adoption, Assessment, Decisions, Sources};
use forbund::report::{FileReport, human};

use super::Outcome;
use super::files::{Expected, Output, read_limited, write_all};
use super::generate::{load_templates, source_date};

/// Output format of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Swedish Markdown.
    Text,
    /// JSON with Swedish keys.
    Json,
}

/// Arguments of `forbund adoption`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The record of the members' decisions (beslut.json)
    decisions: PathBuf,
    /// Report format
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
    /// Directory to write the reconciled förbundsordning and the tjänsteutlåtanden to (DOCX, PDF, Markdown)
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// The wording to propose for a diverging §, e.g. --val 5=B (repeatable)
    #[arg(long = "val", value_name = "§=LYDELSE", value_parser = parse_choice)]
    choices: Vec<(u32, String)>,
    /// Directory with your own templates (tjansteutlatande-samstammighet.md)
    #[arg(long, value_name = "DIR")]
    template_dir: Option<PathBuf>,
    /// Replace existing files
    #[arg(long)]
    force: bool,
}

/// "5=B", "5 §=B" or "5§=b" → (5, "B").
fn parse_choice(text: &str) -> Result<(u32, String), String> {
    let (section, label) = text
        .split_once('=')
        .ok_or_else(|| format!("«{text}»: skriv paragraf=lydelse, t.ex. 5=B"))?;
    let section = section
        .trim()
        .trim_end_matches('§')
        .trim()
        .parse::<u32>()
        .map_err(|_| format!("«{section}» är inget paragrafnummer; skriv t.ex. 5=B"))?;
    let label = label.trim().to_uppercase();
    if label.is_empty() || !label.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(format!(
            "«{label}» är ingen lydelse; ange en bokstav som i rapporten, t.ex. B"
        ));
    }
    Ok((section, label))
}

/// Reads and validates the record; problems are printed with their places.
pub(super) fn read_decisions(path: &Path) -> Result<Decisions> {
    let name = path.display().to_string();
    let bytes = read_limited(path, Expected::Description)
        .map_err(|f| anyhow!("{}: {}", f.location, f.message))?;
    adoption::load(&name, &bytes).map_err(|problems| {
        super::note(human(&[FileReport::new(&name, problems)]).trim_end());
        anyhow!("{name} är ingen giltig beslutsfil")
    })
}

/// Reads the record and every text it points to (paths from the record's
/// folder) and assesses them.
pub(super) fn assess(
    path: &Path,
    choices: &BTreeMap<u32, String>,
    template_dir: Option<&Path>,
) -> Result<Assessment> {
    let decisions = read_decisions(path)?;
    let folder = path.parent().unwrap_or_else(|| Path::new("."));
    let templates = load_templates(template_dir)?;
    let date = source_date()?;
    let read = |file: &str| -> Result<forbund::document::Document> {
        let side = super::sides::load(&folder.join(file), &templates, date)?;
        Ok(side.document)
    };
    let proposal = read(&decisions.proposal)?;
    let mut files = BTreeMap::new();
    for file in decisions.files().into_iter().skip(1) {
        files.insert(file.to_string(), read(file)?);
    }
    let sources = Sources { proposal, files };
    adoption::assess(&decisions, &sources, choices).map_err(|e| anyhow!("{}: {e}", path.display()))
}

/// Prints the report and writes the documents when asked.
pub fn run(args: &Args) -> Result<Outcome> {
    let mut choices = BTreeMap::new();
    for (section, label) in &args.choices {
        if choices.insert(*section, label.clone()).is_some() {
            bail!("--val {section} anges mer än en gång");
        }
    }
    let assessment = assess(&args.decisions, &choices, args.template_dir.as_deref())?;
    let report = Adoption::new(&assessment);
    if let Some(dir) = &args.output {
        let templates = load_templates(args.template_dir.as_deref())?;
        let files = adoption::documents::package(&assessment, &templates, source_date()?)?;
        let outputs: Vec<Output> = files
            .into_iter()
            .map(|f| Output {
                path: dir.join(f.name),
                bytes: f.bytes,
            })
            .collect();
        write_all(&outputs, args.force)?;
        for o in &outputs {
            super::note(&format!("skrev {}", o.path.display()));
        }
    }
    match args.format {
        ReportFormat::Text => super::print(&report.markdown())?,
        ReportFormat::Json => super::print(&report.json())?,
    }
    Ok(Outcome::Success)
}

/// Today: the date of `SOURCE_DATE_EPOCH` when set, else the system clock's (UTC).
fn today() -> Result<chrono::NaiveDate> {
    if let Some(date) = source_date()? {
        return Ok(date);
    }
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(seconds).unwrap_or(0), 0)
        .map(|d| d.date_naive())
        .ok_or_else(|| anyhow!("systemklockan visar ett omöjligt datum"))
}

/// `forbund check --beslut`: the members' decisions checked against what
/// the description claims.
pub(super) fn check_report(
    path: &Path,
    forbund: &forbund::spec::Forbund,
) -> Result<forbund::check::Report> {
    let assessment = assess(path, &BTreeMap::new(), None)?;
    let name = path.display().to_string();
    let source = std::fs::read_to_string(path).ok();
    let input = forbund::check::rule::AdoptionInput {
        assessment: &assessment,
        today: today()?,
    };
    Ok(forbund::check::check_adoption(
        &name,
        forbund,
        &input,
        source.as_deref(),
    ))
}
