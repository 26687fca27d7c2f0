//! Description + templates → documents. Each document is rendered from its
//! Markdown template with the description's values escaped, read back into a
//! [`Document`] by the same parser that reads users' documents
//! ([`crate::parse`]), and given its metadata, header block and signatures.

pub mod acceptances;
pub mod date;
pub mod engine;
pub mod era;
pub mod organisation;
pub mod placeholder;
pub mod view;

use chrono::NaiveDate;
use serde_json::Value;

pub use date::{SourceDateError, source_date};
pub use engine::Templates;

use crate::document::{
    Block, Document, DocumentKind, HeaderField, Metadata, Signature, label, plain_text,
};
use crate::spec::{Case, Forbund, Member};
use crate::swedish::{date_iso, slug};

pub use placeholder::{Placeholder, placeholder, placeholders};

/// Why a document could not be composed.
#[derive(Debug, thiserror::Error)]
pub enum ComposeError {
    /// A template failed: a syntax error, an unknown variable, a reference
    /// to a § that does not exist.
    #[error("mallen {name}: {message}")]
    Template {
        /// The template's file name.
        name: String,
        /// What went wrong, with the line.
        message: String,
    },
    /// A bug in forbund itself.
    #[error("internt fel: {0}")]
    Internal(String),
}

/// A composed document and the stem of its file names.
#[derive(Debug, Clone)]
pub struct Composed {
    /// The document.
    pub document: Document,
    /// E.g. "forbundsordning" or "tjansteutlatande-haninge-kommun".
    pub file_stem: String,
}

/// Which documents to compose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    /// Every kind: the förbundsordning, the avsiktsförklaring, the
    /// organisation proposal (when the description has one) and the
    /// tjänsteutlåtanden.
    All,
    /// Only this kind.
    Only(DocumentKind),
}

/// Composes the selected documents: the förbundsordning (bilaga 1), the
/// avsiktsförklaring (bilaga 2), the organisation proposal (bilaga 3, when
/// the description has an organisation) and one tjänsteutlåtande per
/// kommun and region, which lists exactly these bilagor. `date` overrides
/// the document date (e.g. from `SOURCE_DATE_EPOCH`).
pub fn compose(
    f: &Forbund,
    templates: &Templates,
    selection: Selection,
    date: Option<NaiveDate>,
) -> Result<Vec<Composed>, ComposeError> {
    let wanted = |kind| selection == Selection::All || selection == Selection::Only(kind);
    let mut out = Vec::new();
    if wanted(DocumentKind::Forbundsordning) {
        let mut document = forbundsordning(f, templates, date)?;
        document.header = appendix_marking(f, Appendix::Forbundsordning, &document);
        out.push(Composed {
            document,
            file_stem: DocumentKind::Forbundsordning.file_stem().to_string(),
        });
    }
    if wanted(DocumentKind::Avsiktsforklaring) {
        let mut document = avsiktsforklaring(f, templates, date)?;
        document.header = appendix_marking(f, Appendix::Avsiktsforklaring, &document);
        out.push(Composed {
            document,
            file_stem: DocumentKind::Avsiktsforklaring.file_stem().to_string(),
        });
    }
    if wanted(DocumentKind::Organisation)
        && let Some(mut document) = organisation::compose(f, templates, date)?
    {
        document.header = appendix_marking(f, Appendix::Organisation, &document);
        out.push(Composed {
            document,
            file_stem: DocumentKind::Organisation.file_stem().to_string(),
        });
    }
    if wanted(DocumentKind::Tjansteutlatande) {
        // One per member deciding in council, composed side by side (a
        // förbund may have dozens), in the members' order.
        let deciding: Vec<usize> = (0..f.members.len())
            .filter(|&i| f.members[i].decides_in_council())
            .collect();
        let threads = crate::parallel::threads_for(deciding.len());
        let common = view::common(f);
        let composed = crate::parallel::map_ordered(&deciding, threads, |&index| {
            tjansteutlatande_with(f, templates, &common, index, date)
        });
        for (&index, document) in deciding.iter().zip(composed) {
            out.push(Composed {
                document: document?,
                file_stem: format!(
                    "{}-{}",
                    DocumentKind::Tjansteutlatande.file_stem(),
                    slug(&f.members[index].namn)
                ),
            });
        }
    }
    Ok(out)
}

/// The bilagor of a tjänsteutlåtande, numbered alike in every one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Appendix {
    /// Bilaga 1, the proposed förbundsordning.
    Forbundsordning,
    /// Bilaga 2, the avsiktsförklaring.
    Avsiktsforklaring,
    /// Bilaga 3, the proposed organisation.
    Organisation,
}

impl Appendix {
    /// The bilagor the description gives, in order.
    pub fn all(f: &Forbund) -> Vec<Appendix> {
        let mut all = vec![Appendix::Forbundsordning, Appendix::Avsiktsforklaring];
        if f.organisation.is_some() {
            all.push(Appendix::Organisation);
        }
        all
    }

    /// Its number, the same in every tjänsteutlåtande.
    pub fn number(self) -> u32 {
        match self {
            Appendix::Forbundsordning => 1,
            Appendix::Avsiktsforklaring => 2,
            Appendix::Organisation => 3,
        }
    }

    /// What it is, as listed: "Förbundsordning för Samordningsförbundet X".
    pub fn describe(self, f: &Forbund) -> String {
        match self {
            Appendix::Forbundsordning => format!("Förbundsordning för {} (förslag)", f.namn),
            Appendix::Avsiktsforklaring => format!("Avsiktsförklaring för {}", f.namn),
            Appendix::Organisation => format!("Förslag till organisation för {}", f.namn),
        }
    }

    /// The document that is this bilaga.
    pub fn kind(self) -> DocumentKind {
        match self {
            Appendix::Forbundsordning => DocumentKind::Forbundsordning,
            Appendix::Avsiktsforklaring => DocumentKind::Avsiktsforklaring,
            Appendix::Organisation => DocumentKind::Organisation,
        }
    }
}

/// The marking at the top of a bilaga: "Förslag" for what the members are
/// to adopt, "Bilaga N", its date, and the members' diarienummer for the
/// case (placeholders where the description gives none).
fn appendix_marking(f: &Forbund, appendix: Appendix, document: &Document) -> Vec<HeaderField> {
    let mut fields = Vec::new();
    if appendix != Appendix::Avsiktsforklaring {
        fields.push(field(label::STATUS, "Förslag".to_string()));
    }
    fields.push(field(label::APPENDIX, appendix.number().to_string()));
    let dated = match appendix {
        Appendix::Avsiktsforklaring => f.declaration.date,
        Appendix::Organisation => f
            .organisation
            .as_ref()
            .and_then(|o| o.date)
            .or(f.declaration.date),
        Appendix::Forbundsordning => Some(document.metadata.date),
    };
    fields.push(field(
        label::DATE,
        dated.map_or_else(|| placeholder("Ange datum"), date_iso),
    ));
    if appendix != Appendix::Avsiktsforklaring {
        fields.push(field(label::CASE_NUMBER, case_numbers(f)));
    }
    fields
}

/// The deciding members' diarienummer for the case, each with its member:
/// "HSN 1506-0772 (Stockholms läns landsting), AMN 2015-0224-01.05 (Stockholms stad)".
fn case_numbers(f: &Forbund) -> String {
    let numbers: Vec<String> = f
        .members
        .iter()
        .filter(|m| m.decides_in_council())
        .map(|m| {
            let dnr = f
                .cases
                .iter()
                .find(|c| c.member == m.namn)
                .and_then(|c| c.case_number.clone())
                .unwrap_or_else(|| placeholder("Ange diarienummer"));
            format!("{dnr} ({})", m.namn)
        })
        .collect();
    numbers.join(", ")
}

fn field(label: &str, value: String) -> HeaderField {
    HeaderField {
        label: label.to_string(),
        value,
    }
}

/// The date a document carries when none is given: the description's own
/// date ([`era::description_date`]), which also decides the era's names.
pub(crate) fn default_date(f: &Forbund) -> NaiveDate {
    era::description_date(f)
}

/// Renders `template` with `context` and reads it back as a document of
/// `kind` with `metadata` (no header block or signatures).
pub(crate) fn build(
    kind: DocumentKind,
    templates: &Templates,
    template: &str,
    context: &Value,
    metadata: Metadata,
) -> Result<Document, ComposeError> {
    let markdown = templates.render(template, context)?;
    let parsed =
        crate::parse::parse_as("mall.md", markdown.as_bytes(), Some(kind)).map_err(|e| {
            ComposeError::Template {
                name: template.to_string(),
                message: e.to_string(),
            }
        })?;
    let mut d = parsed.document;
    if kind == DocumentKind::Tjansteutlatande {
        for section in &mut d.sections {
            if section.heading.to_lowercase().contains("beslut") {
                section.blocks = decisions(std::mem::take(&mut section.blocks));
            }
        }
    }
    Ok(Document {
        kind,
        metadata,
        title: d.title,
        header: Vec::new(),
        preamble: d.preamble,
        sections: d.sections,
        signatures: Vec::new(),
        acceptances: Vec::new(),
    })
}

/// Paragraphs that start with "att " become att-satser.
fn decisions(blocks: Vec<Block>) -> Vec<Block> {
    blocks
        .into_iter()
        .map(|block| match block {
            Block::Paragraph { mut text } if plain_text(&text).starts_with("att ") => {
                if let Some(first) = text.first_mut() {
                    first.text = first.text.trim_start_matches("att ").to_string();
                }
                Block::Decision { text }
            }
            other => other,
        })
        .collect()
}

pub(crate) fn metadata(title: String, f: &Forbund, author: String, date: NaiveDate) -> Metadata {
    Metadata {
        title,
        subject: f.namn.clone(),
        author,
        case_number: None,
        date,
        language: "sv".to_string(),
    }
}

/// The förbundsordning.
pub fn forbundsordning(
    f: &Forbund,
    templates: &Templates,
    date: Option<NaiveDate>,
) -> Result<Document, ComposeError> {
    let context = view::common(f);
    let meta = metadata(
        format!("Förbundsordning för {}", f.namn),
        f,
        f.namn.clone(),
        date.unwrap_or_else(|| default_date(f)),
    );
    build(
        DocumentKind::Forbundsordning,
        templates,
        "forbundsordning.md",
        &context,
        meta,
    )
}

/// The avsiktsförklaring, with a signature line for each party.
pub fn avsiktsforklaring(
    f: &Forbund,
    templates: &Templates,
    date: Option<NaiveDate>,
) -> Result<Document, ComposeError> {
    let mut context = view::common(f);
    let d = &f.declaration;
    context["avsikt"] = serde_json::json!({
        "bakgrund": d.background,
        "syfte": d.purpose,
        "vision": d.vision,
        "utgångspunkter": d.starting_points,
        "principer": d.principles,
        "målgrupp": {
            "ålder": format!("{}–{} år", d.target_group.age_from, d.target_group.age_to),
            "beskrivning": d.target_group.description,
        },
        "organisation": {
            "beredningsgrupp": d.organisation.preparatory_group,
            "samordnare": d.organisation.coordinators,
            "lokala_grupper": d.organisation.local_groups,
        },
    });
    context["budgettabell"] = view::budget_table(f, None);
    let meta = metadata(
        format!("Avsiktsförklaring för {}", f.namn),
        f,
        f.namn.clone(),
        date.or(d.date).unwrap_or_else(|| default_date(f)),
    );
    let mut document = build(
        DocumentKind::Avsiktsforklaring,
        templates,
        "avsiktsforklaring.md",
        &context,
        meta,
    )?;
    document.signatures = f
        .members
        .iter()
        .map(|m| {
            let signer = d.signatories.iter().find(|s| s.member == m.namn);
            Signature {
                party: m.namn.clone(),
                name: signer.and_then(|s| s.name.clone()).unwrap_or_default(),
                title: signer.and_then(|s| s.title.clone()).unwrap_or_default(),
            }
        })
        .collect();
    Ok(document)
}

/// The tjänsteutlåtande of the member at `index`.
pub fn tjansteutlatande(
    f: &Forbund,
    templates: &Templates,
    index: usize,
    date: Option<NaiveDate>,
) -> Result<Document, ComposeError> {
    tjansteutlatande_with(f, templates, &view::common(f), index, date)
}

/// [`tjansteutlatande`] with the context every document shares
/// ([`view::common`]) computed once for the whole package.
fn tjansteutlatande_with(
    f: &Forbund,
    templates: &Templates,
    common: &Value,
    index: usize,
    date: Option<NaiveDate>,
) -> Result<Document, ComposeError> {
    let (member, case, context) = case_context(f, common, index)?;
    let meta = case_metadata(
        f,
        member,
        case,
        format!("Tjänsteutlåtande: Inrättande av {}", f.namn),
        date,
    );
    let document = build(
        DocumentKind::Tjansteutlatande,
        templates,
        "tjansteutlatande.md",
        &context,
        meta,
    )?;
    Ok(with_case_frame(document, member, case))
}

/// The member at `index`, its case, and the template context for it: the
/// shared context `common` ([`view::common`]) and the case's own.
fn case_context<'f>(
    f: &'f Forbund,
    common: &Value,
    index: usize,
) -> Result<(&'f Member, Option<&'f Case>, Value), ComposeError> {
    let member = f
        .members
        .get(index)
        .ok_or_else(|| ComposeError::Internal(format!("ingen medlem nummer {index}")))?;
    let case = f.cases.iter().find(|c| c.member == member.namn);
    let mut context = common.clone();
    if let (Some(target), Value::Object(extra)) =
        (context.as_object_mut(), view::case(f, index, member, case))
    {
        target.extend(extra);
    }
    Ok((member, case, context))
}

/// A tjänsteutlåtande's properties: its title, the unit as author, the
/// case's date (unless overridden) and diarienummer.
fn case_metadata(
    f: &Forbund,
    member: &Member,
    case: Option<&Case>,
    title: String,
    date: Option<NaiveDate>,
) -> Metadata {
    let doc_date = date
        .or_else(|| case.and_then(|c| c.date))
        .unwrap_or_else(|| default_date(f));
    let author = case
        .and_then(|c| c.unit.clone())
        .unwrap_or_else(|| member.namn.clone());
    let mut meta = metadata(title, f, author, doc_date);
    meta.case_number = case.and_then(|c| c.case_number.clone());
    meta
}

/// Adds the header block and the signatures of the member's case.
fn with_case_frame(mut document: Document, member: &Member, case: Option<&Case>) -> Document {
    document.header = header(member, case);
    let signatures: Vec<Signature> = case
        .map(|c| {
            c.signatures
                .iter()
                .map(|p| Signature {
                    party: String::new(),
                    name: p.name.clone(),
                    title: p.title.clone().unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default();
    document.signatures = if signatures.is_empty() {
        vec![Signature {
            party: String::new(),
            name: placeholder("Ange vem som undertecknar"),
            title: placeholder("Ange titel"),
        }]
    } else {
        signatures
    };
    document
}

/// What an amendment changes, for the amendment tjänsteutlåtanden.
#[derive(Debug, Clone, Default)]
pub struct Amendment {
    /// The changed sections in Swedish, e.g. "5 § Styrelse (ändrad)".
    pub sections: Vec<String>,
    /// Changes in substance, e.g. "5 §: ledamöter per medlem 1 → 2".
    pub substance: Vec<String>,
    /// Whether the money (shares, budget) changes.
    pub economic: bool,
    /// When the amended förbundsordning takes effect; `None` means when
    /// every member has decided.
    pub effective: Option<NaiveDate>,
}

/// The tjänsteutlåtande proposing that the member at `index` adopts an
/// amended förbundsordning ("Ändring av förbundsordning för …").
pub fn amendment_tjansteutlatande(
    f: &Forbund,
    templates: &Templates,
    index: usize,
    amendment: &Amendment,
    date: Option<NaiveDate>,
) -> Result<Document, ComposeError> {
    let (member, case, mut context) = case_context(f, &view::common(f), index)?;
    context["ändringar"] = serde_json::json!(amendment.sections);
    context["sakändringar"] = serde_json::json!(amendment.substance);
    context["ekonomisk_ändring"] = serde_json::json!(amendment.economic);
    context["ikraft"] = serde_json::json!(amendment.effective.map_or_else(
        || "den dag då samtliga medlemmar har fattat likalydande beslut".to_string(),
        crate::swedish::date_long
    ));
    let meta = case_metadata(
        f,
        member,
        case,
        format!(
            "Tjänsteutlåtande: Ändring av förbundsordning för {}",
            f.namn
        ),
        date,
    );
    let document = build(
        DocumentKind::Tjansteutlatande,
        templates,
        "andring.md",
        &context,
        meta,
    )?;
    Ok(with_case_frame(document, member, case))
}

/// The letterhead's facts: authority and unit, date, dnr, handläggare,
/// recipient and meeting. What a tjänsteutlåtande must carry (date, dnr,
/// handläggare) gets a visible placeholder when the description lacks it.
fn header(member: &Member, case: Option<&Case>) -> Vec<HeaderField> {
    let mut fields = vec![field(label::AUTHORITY, member.namn.clone())];
    if let Some(unit) = case.and_then(|c| c.unit.clone()) {
        fields.push(field(label::UNIT, unit));
    }
    let or_placeholder =
        |value: Option<String>, what: &str| value.unwrap_or_else(|| placeholder(what));
    fields.push(field(
        label::DATE,
        or_placeholder(case.and_then(|c| c.date).map(date_iso), "Ange datum"),
    ));
    fields.push(field(
        label::CASE_NUMBER,
        or_placeholder(
            case.and_then(|c| c.case_number.clone()),
            "Ange diarienummer",
        ),
    ));
    fields.push(field(
        label::OFFICER,
        or_placeholder(case.and_then(|c| c.officer.clone()), "Ange handläggare"),
    ));
    if let Some(committee) = case.and_then(|c| c.committee.clone()) {
        fields.push(field(label::RECIPIENT, committee));
    }
    if let Some(meeting) = case.and_then(|c| c.meeting.as_ref()) {
        let when = date_iso(meeting.date);
        fields.push(field(
            label::MEETING,
            match &meeting.item {
                Some(item) => format!("{when}, punkt {item}"),
                None => when,
            },
        ));
    }
    fields
}
