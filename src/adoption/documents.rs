//! The documents that bring the members' decisions together: the
//! reconciled förbundsordning, and for each member whose adopted text
//! differs from it a tjänsteutlåtande for a new decision ("ändring av
//! förbundsordningen för att den ska överensstämma med övriga medlemmars
//! beslut") with the jämförelsetabell of exactly the §§ it must change as
//! bilaga 1. Assembled in memory; the caller writes the files.

use chrono::NaiveDate;
use serde_json::json;

use super::Assessment;
use crate::compose::{ComposeError, Templates, build};
use crate::diff::amendment::PackageFile;
use crate::diff::table::{TableInfo, jamforelsetabell};
use crate::diff::{DiffOptions, compare_parts};
use crate::document::{Block, Document, DocumentKind, HeaderField, Metadata, Section};
use crate::render::{Format, PdfProfile, RenderError, render};
use crate::swedish::{date_iso, date_long, join_and, slug};

/// Why the documents could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DocumentsError {
    /// A document could not be rendered.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// A tjänsteutlåtande could not be composed.
    #[error(transparent)]
    Compose(#[from] ComposeError),
}

const FORMATS: [Format; 3] = [Format::Docx, Format::Pdf, Format::Markdown];

/// The date the documents carry: `date` when given (e.g.
/// `SOURCE_DATE_EPOCH`), else the latest decision's, else the proposal's.
pub fn documents_date(a: &Assessment, date: Option<NaiveDate>) -> NaiveDate {
    date.or_else(|| a.decisions.decisions.iter().filter_map(|d| d.date).max())
        .unwrap_or(a.proposal.metadata.date)
}

/// The reconciled förbundsordning, dated.
pub fn reconciled_forbundsordning(a: &Assessment, date: NaiveDate) -> Document {
    let mut document = a.reconciled.clone();
    document.metadata.date = date;
    document
}

/// "Kommunfullmäktige i Haninge (Haninge kommun)", or the body alone when
/// it is the member.
fn body_of(d: &super::MemberDecision) -> String {
    if d.body == d.member {
        d.body.clone()
    } else {
        format!("{} ({})", d.body, d.member)
    }
}

/// One sentence on a member's decision: "Kommunfullmäktige i Haninge
/// beslutade den 13 februari 2006 att anta förbundsordningen med ändringar."
fn decision_sentence(a: &Assessment, index: usize) -> String {
    let Some(d) = a.decisions.decisions.get(index) else {
        return String::new();
    };
    let mut when = d
        .date
        .map(|x| format!(" {}", date_long(x)))
        .unwrap_or_default();
    if let Some(p) = &d.minutes_paragraph {
        when.push_str(&format!(" ({p})"));
    }
    let what = match &d.outcome {
        super::Outcome::Adopted {} => "att anta förbundsordningen enligt förslaget".to_string(),
        super::Outcome::Amended { .. } => "att anta förbundsordningen med ändringar".to_string(),
        super::Outcome::Conditional { condition, .. } => {
            format!("att anta förbundsordningen med villkoret {condition}")
        }
        super::Outcome::Rejected { .. } => "att avslå förslaget till förbundsordning".to_string(),
        super::Outcome::Pending {} => {
            return format!("{} ({}) har ännu inte beslutat.", d.body, d.member);
        }
    };
    format!("{} beslutade{when} {what}.", body_of(d))
}

/// The jämförelsetabell of the parts member `index` must change: its
/// adopted wording beside the reconciled one.
fn table(a: &Assessment, index: usize, numbers: &[Option<u32>], metadata: &Metadata) -> Document {
    let empty = Document {
        kind: DocumentKind::Forbundsordning,
        metadata: metadata.clone(),
        title: String::new(),
        header: Vec::new(),
        preamble: Vec::new(),
        sections: Vec::new(),
        signatures: Vec::new(),
        acceptances: Vec::new(),
    };
    let own = a
        .texts
        .get(index)
        .and_then(Option::as_ref)
        .unwrap_or(&empty);
    let pick = |d: &Document| -> (Vec<Block>, Vec<Section>) {
        let preamble = if numbers.contains(&None) {
            d.preamble.clone()
        } else {
            Vec::new()
        };
        let sections = d
            .sections
            .iter()
            .filter(|s| s.number.is_some() && numbers.contains(&s.number))
            .cloned()
            .collect();
        (preamble, sections)
    };
    let (old_pre, old_secs) = pick(own);
    let (new_pre, new_secs) = pick(&a.reconciled);
    let comparison = compare_parts(
        &old_pre,
        &old_secs,
        &new_pre,
        &new_secs,
        &DiffOptions {
            show_renumbering: false,
            ignore_modernisation: false,
        },
    );
    jamforelsetabell(
        &comparison,
        &TableInfo {
            forbund: a.decisions.forbund.clone(),
            effective: None,
            substance: Vec::new(),
            metadata: metadata.clone(),
        },
    )
}

fn part_name(number: Option<u32>) -> String {
    number.map_or_else(|| "inledningen".to_string(), |n| format!("{n} §"))
}

/// The tjänsteutlåtande for member `index`'s new decision, or `None` when
/// its adopted text already is the reconciled one (or it adopted none).
pub fn tjansteutlatande(
    a: &Assessment,
    index: usize,
    templates: &Templates,
    date: NaiveDate,
) -> Result<Option<Document>, ComposeError> {
    let numbers = a.must_change(index);
    let Some(decision) = a.decisions.decisions.get(index) else {
        return Ok(None);
    };
    if numbers.is_empty() {
        return Ok(None);
    }
    let names: Vec<String> = numbers.iter().map(|n| part_name(*n)).collect();
    let member_name = |i: usize| {
        a.decisions
            .decisions
            .get(i)
            .map_or_else(String::new, |d| d.member.clone())
    };
    let reasons: Vec<String> = numbers
        .iter()
        .filter_map(|n| {
            let part = a.parts.iter().find(|p| p.number == *n)?;
            let choice = a.choices.iter().find(|c| c.number == *n)?;
            let wording = part.wording(&choice.label)?;
            let by: Vec<String> = wording.members.iter().map(|&i| member_name(i)).collect();
            Some(format!(
                "{}: föreslagen lydelse är den som {} har antagit; den väljs eftersom den {}.",
                part.display(),
                join_and(&by),
                choice
                    .reason
                    .strip_prefix("antagen av ")
                    .map_or_else(|| choice.reason.clone(), |r| format!("är antagen av {r}"))
            ))
        })
        .collect();
    let others: Vec<String> = (0..a.decisions.decisions.len())
        .filter(|&i| i != index)
        .map(|i| decision_sentence(a, i))
        .collect();
    let context = json!({
        "förbund": a.decisions.forbund,
        "medlem": decision.member,
        "organ": decision.body,
        "tidigare_beslut": decision_sentence(a, index),
        "paragrafer_text": join_and(&names),
        "paragrafer": reasons,
        "övriga_beslut": others,
    });
    let metadata = Metadata {
        title: format!(
            "Tjänsteutlåtande: Ändring av förbundsordningen för {}",
            a.decisions.forbund
        ),
        subject: a.decisions.forbund.clone(),
        author: decision.member.clone(),
        case_number: decision.case_number.clone(),
        date,
        language: "sv".to_string(),
    };
    let mut document = build(
        DocumentKind::Tjansteutlatande,
        templates,
        "tjansteutlatande-samstammighet.md",
        &context,
        metadata.clone(),
    )?;
    let mut header = vec![
        HeaderField {
            label: "Myndighet".into(),
            value: decision.member.clone(),
        },
        HeaderField {
            label: "Handling".into(),
            value: "Tjänsteutlåtande".into(),
        },
        HeaderField {
            label: "Datum".into(),
            value: date_iso(date),
        },
    ];
    if let Some(dnr) = &decision.case_number {
        header.push(HeaderField {
            label: "Diarienummer".into(),
            value: dnr.clone(),
        });
    }
    header.push(HeaderField {
        label: "Till".into(),
        value: decision.body.clone(),
    });
    document.header = header;
    let table = table(a, index, &numbers, &metadata);
    document.sections.push(Section {
        number: None,
        heading: "Bilaga 1: Jämförelsetabell".into(),
        level: 1,
        blocks: table.preamble,
    });
    document
        .sections
        .extend(table.sections.into_iter().map(|mut s| {
            s.level = 2;
            s
        }));
    Ok(Some(document))
}

/// Every file: the reconciled förbundsordning and one tjänsteutlåtande per
/// member that must decide again, each as DOCX, PDF and Markdown.
pub fn package(
    a: &Assessment,
    templates: &Templates,
    date: Option<NaiveDate>,
) -> Result<Vec<PackageFile>, DocumentsError> {
    let date = documents_date(a, date);
    let mut files = Vec::new();
    let fo = reconciled_forbundsordning(a, date);
    for format in FORMATS {
        files.push(PackageFile {
            name: format!("forbundsordning-samstammig.{}", format.extension()),
            bytes: render(&fo, format, PdfProfile::default())?,
        });
    }
    for (index, decision) in a.decisions.decisions.iter().enumerate() {
        let Some(document) = tjansteutlatande(a, index, templates, date)? else {
            continue;
        };
        for format in FORMATS {
            files.push(PackageFile {
                name: format!(
                    "tjansteutlatande-samstammighet-{}.{}",
                    slug(&decision.member),
                    format.extension()
                ),
                bytes: render(&document, format, PdfProfile::default())?,
            });
        }
    }
    Ok(files)
}
