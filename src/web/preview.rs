//! The preview: a description's drafts (förbundsordning,
//! avsiktsförklaring, tjänsteutlåtanden) rendered to HTML, and the
//! checker's findings on the description and on the drafts, as
//! `forbund generate` and `forbund check --drafts` make them. The time the
//! server spent is returned in a `Server-Timing` header and logged.

use std::time::Instant;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, HeaderValue};
use serde::Serialize;

use super::describe::{description_body, load_draft};
use super::errors::WebError;
use super::{AppState, DRAFT_NAME};
use crate::check::Report;
use crate::compose::{Composed, Selection, compose};
use crate::document::DocumentKind;
use crate::finding::Finding;
use crate::review::{Loaded, Options, check_composed, check_loaded};
use crate::spec::Forbund;

/// One draft, rendered.
#[derive(Debug, Serialize)]
pub struct PreviewDocument {
    /// The stem of its files, e.g. `tjansteutlatande-haninge-kommun`.
    pub file_stem: String,
    /// Its title.
    pub title: String,
    /// What the page calls it: "Förbundsordning", or "Tjänsteutlåtande,
    /// Täby kommun" for the tjänsteutlåtande of one member.
    pub label: String,
    /// The standalone HTML page `forbund generate` writes for it.
    pub html: String,
}

/// The answer of `POST /api/preview`.
#[derive(Debug, Serialize)]
pub struct Preview {
    /// Whether the description can be drafted.
    pub valid: bool,
    /// Its problems, each with its JSON path (when it is not valid).
    pub problems: Vec<Finding>,
    /// The drafts (when it is valid).
    pub documents: Vec<PreviewDocument>,
    /// The checker's reports: the description (with the 9 § checklist),
    /// each draft, and the drafts as a package.
    pub reports: Vec<Report>,
}

/// `POST /api/preview`: the body is a description (JSON).
pub async fn preview(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Result<(HeaderMap, Json<Preview>), WebError> {
    let bytes = description_body(body, &state)?;
    let started = Instant::now();
    let worker = state.clone();
    let preview = super::blocking(move || build(&worker, &bytes)).await?;
    let millis = started.elapsed().as_secs_f64() * 1000.0;
    state.log(&format!(
        "förhandsvisning: {millis:.1} ms ({} dokument)",
        preview.documents.len()
    ));
    let mut headers = HeaderMap::new();
    if let Ok(value) = HeaderValue::from_str(&format!("preview;dur={millis:.1}")) {
        headers.insert("server-timing", value);
    }
    Ok((headers, Json(preview)))
}

/// What the page calls a draft: its kind, and for a tjänsteutlåtande
/// the member whose it is (its file stem ends with the member's slug).
fn label(composed: &Composed, forbund: &Forbund) -> String {
    let kind = composed.document.kind;
    let label = crate::swedish::capitalise(kind.swedish());
    if kind != DocumentKind::Tjansteutlatande {
        return label;
    }
    let stem_of = |name: &str| format!("{}-{}", kind.file_stem(), crate::swedish::slug(name));
    match forbund
        .members
        .iter()
        .find(|m| composed.file_stem == stem_of(&m.namn))
    {
        Some(member) => format!("{label}, {}", member.namn),
        None => label,
    }
}

/// Previews the starting example once, so that what is compiled on first
/// use (the schema validator, the checker's patterns) is ready before the
/// user's first preview. The server calls it on a thread of its own.
pub fn warm_up() {
    let state = AppState::new(super::Config::new(0));
    let example = crate::spec::example::minimal_example().to_string();
    let _ = build(&state, example.as_bytes());
}

/// Loads, composes, renders and checks one description.
pub fn build(state: &AppState, bytes: &[u8]) -> Result<Preview, WebError> {
    let forbund = match load_draft(bytes) {
        Ok(forbund) => forbund,
        Err(problems) => {
            return Ok(Preview {
                valid: false,
                problems,
                documents: Vec::new(),
                reports: Vec::new(),
            });
        }
    };
    let composed = compose(
        &forbund,
        &state.templates,
        Selection::All,
        state.config.date,
    )
    .map_err(|e| WebError::internal(e.to_string()))?;
    let documents = composed
        .iter()
        .map(|c| PreviewDocument {
            file_stem: c.file_stem.clone(),
            title: c.document.title.clone(),
            label: label(c, &forbund),
            html: crate::render::html::render(&c.document),
        })
        .collect();
    let source = String::from_utf8_lossy(bytes).into_owned();
    let loaded = Loaded::Description {
        file: DRAFT_NAME.to_string(),
        forbund: Box::new(forbund),
        source,
    };
    let options = Options {
        drafts: false,
        baseline: None,
        templates: &state.templates,
    };
    let mut reports = check_loaded(&loaded, &options);
    if let Loaded::Description { forbund, .. } = &loaded {
        reports.extend(check_composed(DRAFT_NAME, forbund, &composed));
    }
    Ok(Preview {
        valid: true,
        problems: Vec::new(),
        documents,
        reports,
    })
}
