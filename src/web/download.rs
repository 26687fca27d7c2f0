//! Downloads of the drafts: the whole package as one zip (every document
//! in DOCX, PDF, Markdown and HTML, the same bytes `forbund generate`
//! writes for the same description and date), or one document in one
//! format.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::AppState;
use super::describe::{description_body, require_draft};
use super::errors::WebError;
use crate::compose::{Composed, Selection, compose};
use crate::render::{Format, PdfProfile, RenderedFile};

/// `POST /api/package`: the body is a description; the answer is a zip of
/// every draft in every format.
pub async fn package(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, WebError> {
    let bytes = description_body(body, &state)?;
    let (name, zip) = super::blocking(move || {
        let forbund = require_draft(&bytes)?;
        let composed = compose_all(&state, &forbund)?;
        let files = render(&forbund, &composed, &Format::ALL)?;
        let zip =
            crate::render::archive::zip(&files).map_err(|e| WebError::internal(e.to_string()))?;
        Ok((format!("{}.zip", crate::swedish::slug(&forbund.namn)), zip))
    })
    .await?;
    Ok(attachment(&name, "application/zip", zip))
}

/// Which file `POST /api/document` renders.
#[derive(Debug, Deserialize)]
pub struct Wanted {
    /// The file name `forbund generate` gives it, e.g.
    /// `forbundsordning.pdf` or `tjansteutlatande-haninge-kommun.docx`.
    pub file: String,
}

/// `POST /api/document?file=NAME`: the body is a description; the answer
/// is that one file.
pub async fn document(
    State(state): State<AppState>,
    Query(wanted): Query<Wanted>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, WebError> {
    let bytes = description_body(body, &state)?;
    let name = wanted.file.clone();
    let (stem, format) = split_name(&wanted.file)?;
    let rendered = super::blocking(move || {
        let forbund = require_draft(&bytes)?;
        let composed = compose_all(&state, &forbund)?;
        let chosen: Vec<Composed> = composed
            .into_iter()
            .filter(|c| c.file_stem == stem)
            .collect();
        if chosen.is_empty() {
            return Err(WebError::invalid(
                format!("beskrivningen ger inget dokument som heter {stem}"),
                Vec::new(),
            ));
        }
        render(&forbund, &chosen, &[format])
    })
    .await?;
    let file = rendered
        .into_iter()
        .next()
        .ok_or_else(|| WebError::internal("inget dokument framställdes"))?;
    Ok(attachment(&name, content_type(format), file.bytes))
}

/// A file name's stem and format; only the four formats are known.
pub fn split_name(name: &str) -> Result<(String, Format), WebError> {
    let unknown = || {
        WebError::invalid(
            format!("{name}: väntade ett filnamn som slutar på .docx, .pdf, .md eller .html"),
            Vec::new(),
        )
    };
    let (stem, extension) = name.rsplit_once('.').ok_or_else(unknown)?;
    let format = Format::ALL
        .into_iter()
        .find(|f| f.extension().eq_ignore_ascii_case(extension))
        .ok_or_else(unknown)?;
    Ok((stem.to_string(), format))
}

/// The MIME type of a format.
pub fn content_type(format: Format) -> &'static str {
    match format {
        Format::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Format::Pdf => "application/pdf",
        Format::Markdown => "text/markdown; charset=utf-8",
        Format::Html => "text/html; charset=utf-8",
    }
}

/// A response the browser saves as `name`.
pub fn attachment(name: &str, content_type: &str, bytes: Vec<u8>) -> Response {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!("attachment; filename=\"{ascii}\"");
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}

fn compose_all(
    state: &AppState,
    forbund: &crate::spec::Forbund,
) -> Result<Vec<Composed>, WebError> {
    compose(forbund, &state.templates, Selection::All, state.config.date)
        .map_err(|e| WebError::internal(e.to_string()))
}

fn render(
    forbund: &crate::spec::Forbund,
    composed: &[Composed],
    formats: &[Format],
) -> Result<Vec<RenderedFile>, WebError> {
    crate::render::drafts(composed, formats, PdfProfile::ArchiveA2b, &forbund.accepted)
        .map_err(|e| WebError::internal(e.to_string()))
}
