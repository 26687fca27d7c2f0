//! Comparing two förbundsordningar, as `forbund diff` does: the current
//! one uploaded (any format `import` reads, or a description), the
//! proposed one uploaded too or the page's draft. The answer is the
//! side-by-side view and the changes in substance; the jämförelsetabell
//! and the Word document with tracked changes are downloads.

use axum::Json;
use axum::extract::{Multipart, Query, State};
use axum::response::Response;
use serde::{Deserialize, Serialize};

use super::download::{attachment, content_type, split_name};
use super::errors::WebError;
use super::uploads::{self, Upload};
use super::{AppState, DRAFT_NAME};
use crate::diff::{Compared, DiffOptions, Side, SideError, compare_sides};
use crate::render::{Format, PdfProfile, render};

/// The answer of `POST /api/compare`.
#[derive(Debug, Serialize)]
pub struct Comparison {
    /// The current side's name.
    pub old: String,
    /// The proposed side's name.
    pub new: String,
    /// Whether the texts say the same.
    pub unchanged: bool,
    /// The side-by-side comparison, a standalone HTML page.
    pub html: String,
    /// The changes in substance, in Swedish ("5 §: ledamöter per medlem 1 → 2").
    pub substance: Vec<String>,
    /// Warnings from reading the documents.
    pub warnings: Vec<String>,
}

/// `POST /api/compare` (multipart): `old` a file; `new` a file, or
/// `description` the draft (JSON) when there is no `new`; the flags
/// `ignore_modernisation` and `show_renumbering`.
pub async fn compare(
    State(state): State<AppState>,
    multipart: Multipart,
) -> Result<Json<Comparison>, WebError> {
    let upload = uploads::read(multipart, &state.config.limits).await?;
    let compared = super::blocking(move || read_and_compare(&state, &upload, false)).await?;
    let warnings = compared
        .old
        .warnings
        .iter()
        .chain(&compared.new.warnings)
        .cloned()
        .collect();
    Ok(Json(Comparison {
        old: compared.old.name.clone(),
        new: compared.new.name.clone(),
        unchanged: compared.comparison.is_unchanged(),
        html: crate::diff::html(&compared.comparison),
        substance: compared.substance.iter().map(ToString::to_string).collect(),
        warnings,
    }))
}

/// The format of the jämförelsetabell.
#[derive(Debug, Deserialize)]
pub struct TableFormat {
    /// `docx` (default), `pdf`, `md` or `html`.
    pub format: Option<String>,
}

/// `POST /api/compare/table?format=docx` (the same upload as
/// [`compare`], plus `ikraft`, a date): the jämförelsetabell "Nuvarande
/// lydelse / Föreslagen lydelse".
pub async fn table(
    State(state): State<AppState>,
    Query(wanted): Query<TableFormat>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let extension = wanted.format.unwrap_or_else(|| "docx".to_string());
    let name = format!("jamforelsetabell.{extension}");
    let (_, format) = split_name(&name)?;
    let upload = uploads::read(multipart, &state.config.limits).await?;
    let bytes = super::blocking(move || {
        let effective = match upload.text("ikraft") {
            None => None,
            Some(text) => Some(text.trim().parse().map_err(|_| {
                WebError::invalid(
                    format!("ikraftträdandet «{text}» är inget datum (ÅÅÅÅ-MM-DD)"),
                    Vec::new(),
                )
            })?),
        };
        // The jämförelsetabell always carries the paragrafnyckel.
        let compared = read_and_compare(&state, &upload, true)?;
        render(&compared.table(effective), format, PdfProfile::default())
            .map_err(|e| WebError::internal(e.to_string()))
    })
    .await?;
    Ok(attachment(&name, content_type(format), bytes))
}

/// `POST /api/compare/tracked` (the same upload as [`compare`], plus
/// `author`): the proposed text as Word with tracked changes.
pub async fn tracked(
    State(state): State<AppState>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let upload = uploads::read(multipart, &state.config.limits).await?;
    let bytes = super::blocking(move || {
        let author = upload.text("author").unwrap_or("forbund").to_string();
        let compared = read_and_compare(&state, &upload, false)?;
        compared
            .tracked_docx(&author)
            .map_err(|e| WebError::internal(e.to_string()))
    })
    .await?;
    Ok(attachment(
        "andringar.docx",
        content_type(Format::Docx),
        bytes,
    ))
}

/// Reads both sides of an upload and compares them.
fn read_and_compare(
    state: &AppState,
    upload: &Upload,
    for_table: bool,
) -> Result<Compared, WebError> {
    let old = upload.file("old").ok_or_else(|| {
        WebError::invalid(
            "välj den nuvarande förbundsordningen att jämföra med",
            Vec::new(),
        )
    })?;
    let old = read_side(state, &old.name, &old.bytes)?;
    let new = match (upload.file("new"), upload.text("description")) {
        (Some(file), _) => read_side(state, &file.name, &file.bytes)?,
        (None, Some(draft)) => read_side(state, DRAFT_NAME, draft.as_bytes())?,
        (None, None) => {
            return Err(WebError::invalid(
                "välj den föreslagna förbundsordningen, eller jämför med utkastet",
                Vec::new(),
            ));
        }
    };
    let options = DiffOptions {
        show_renumbering: for_table || upload.flag("show_renumbering"),
        ignore_modernisation: upload.flag("ignore_modernisation"),
    };
    Ok(compare_sides(old, new, &options))
}

/// One side, with the command line's messages when it cannot be read.
fn read_side(state: &AppState, name: &str, bytes: &[u8]) -> Result<Side, WebError> {
    Side::read(name, bytes, &state.templates, state.config.date).map_err(|error| {
        let message = error.to_string();
        match error {
            SideError::InvalidDescription { problems, .. } => WebError::invalid(message, problems),
            SideError::Parse(_) => WebError::invalid(message, Vec::new()),
            SideError::Compose { .. } | SideError::NoForbundsordning { .. } => {
                WebError::internal(message)
            }
        }
    })
}
