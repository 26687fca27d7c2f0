//! Checking uploaded descriptions and documents against FinsamL, as
//! `forbund check` does: each input on its own (with the 9 § checklist for
//! förbundsordningar and descriptions), and a förbundsordning together
//! with an avsiktsförklaring or tjänsteutlåtanden as one decision package.
//! The answer is the JSON report of `forbund check --format json`; SARIF is
//! a download.

use axum::extract::{Multipart, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::download::attachment;
use super::errors::WebError;
use super::uploads::{self, Upload};
use super::{AppState, DRAFT_NAME};
use crate::check::Report;
use crate::review::{Loaded, Options, check_loaded, is_package_of_kinds, package_report};

/// `POST /api/check` (multipart): `files` the inputs; `description` the
/// page's draft, checked with them when sent; the flags `package` (check
/// the documents together even when they do not look like one package)
/// and `drafts` (also check the drafts of the descriptions).
pub async fn check(
    State(state): State<AppState>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let text = checked(state, multipart, crate::check::report::json::render).await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], text).into_response())
}

/// `POST /api/check/sarif`: the same as [`check`], as a SARIF 2.1.0 file.
pub async fn sarif(
    State(state): State<AppState>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let text = checked(state, multipart, crate::check::report::sarif::render).await?;
    Ok(attachment(
        "kontroll.sarif",
        "application/sarif+json",
        text.into_bytes(),
    ))
}

/// Reads an upload, checks it and renders the reports with `reporter`.
async fn checked(
    state: AppState,
    multipart: Multipart,
    reporter: fn(&[Report]) -> String,
) -> Result<String, WebError> {
    let upload = uploads::read(multipart, &state.config.limits).await?;
    super::blocking(move || Ok(reporter(&check_upload(&state, &upload)?))).await
}

/// Reads and checks every input of an upload: one report per input (an
/// unreadable one gets a report saying why), then the package's.
pub fn check_upload(state: &AppState, upload: &Upload) -> Result<Vec<Report>, WebError> {
    let mut inputs: Vec<(String, &[u8])> = upload
        .files
        .iter()
        .map(|f| (f.name.clone(), f.bytes.as_slice()))
        .collect();
    if let Some(draft) = upload.text("description") {
        inputs.push((DRAFT_NAME.to_string(), draft.as_bytes()));
    }
    if inputs.is_empty() {
        return Err(WebError::invalid(
            "välj minst en fil att kontrollera (.json, .md, .txt, .docx eller .pdf)",
            Vec::new(),
        ));
    }
    let options = Options {
        drafts: upload.flag("drafts"),
        baseline: None,
        templates: &state.templates,
    };
    let mut reports = Vec::new();
    let mut loaded: Vec<Loaded> = Vec::new();
    for (name, bytes) in inputs {
        match crate::review::load(&name, bytes, None) {
            Ok(input) => {
                reports.extend(check_loaded(&input, &options));
                loaded.push(input);
            }
            Err(findings) => reports.push(crate::review::unreadable(&name, findings)),
        }
    }
    let kinds = loaded.iter().filter_map(|l| match l {
        Loaded::Document { document, .. } => Some(document.kind),
        Loaded::Description { .. } => None,
    });
    let has_documents = loaded.iter().any(|l| matches!(l, Loaded::Document { .. }));
    if is_package_of_kinds(kinds) || (upload.flag("package") && has_documents) {
        reports.push(package_report(&loaded.iter().collect::<Vec<_>>()));
    }
    Ok(reports)
}
