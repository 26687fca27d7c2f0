//! The description: the JSON Schema the page builds its form from (the
//! one `forbund schema` prints), a starting example, and validation with
//! every problem at its JSON path, as `forbund validate` reports them.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::errors::WebError;
use super::{AppState, DRAFT_NAME};
use crate::finding::Finding;
use crate::spec::Forbund;

/// `GET /api/schema`: the description's JSON Schema.
pub async fn schema() -> Json<Value> {
    Json(crate::spec::schema::schema_value())
}

/// `GET /api/example`: the smallest description that drafts every
/// document, to start a new förbund from.
pub async fn example() -> Json<Value> {
    Json(crate::spec::example::minimal_example())
}

/// The answer of `POST /api/validate`.
#[derive(Debug, Serialize)]
pub struct Validation {
    /// Whether the description can be drafted.
    pub valid: bool,
    /// Every problem, each with its JSON path.
    pub problems: Vec<Finding>,
}

/// `POST /api/validate`: the body is a description (JSON); the answer
/// lists every problem, as `forbund validate` does.
pub async fn validate(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Validation>, WebError> {
    let bytes = description_body(body, &state)?;
    let problems = match super::blocking(move || Ok(load_draft(&bytes))).await? {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    };
    Ok(Json(Validation {
        valid: problems.is_empty(),
        problems,
    }))
}

/// `POST /api/open?name=FILE`: the body is a description file the user
/// opened (JSON, `//` comments allowed); the answer is its JSON value for
/// the form, or the syntax problems `forbund validate` reports.
pub async fn open(
    State(state): State<AppState>,
    Query(opened): Query<Opened>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Value>, WebError> {
    let bytes = description_body(body, &state)?;
    let name = super::uploads::base_name(opened.name.as_deref().unwrap_or(DRAFT_NAME));
    crate::spec::load::parse_value(&name, &bytes)
        .map(Json)
        .map_err(|problem| WebError::invalid(format!("{name} kan inte öppnas"), vec![*problem]))
}

/// The name of an opened file, for messages.
#[derive(Debug, Deserialize)]
pub struct Opened {
    /// The file's name as the browser gives it.
    pub name: Option<String>,
}

/// Loads a draft sent by the page, named [`DRAFT_NAME`] in findings.
pub fn load_draft(bytes: &[u8]) -> Result<Forbund, Vec<Finding>> {
    crate::spec::load(DRAFT_NAME, bytes)
}

/// Loads a draft for a request that cannot go on without a valid one: the
/// problems become a 400 answer.
pub fn require_draft(bytes: &[u8]) -> Result<Forbund, WebError> {
    load_draft(bytes).map_err(|problems| {
        WebError::invalid("beskrivningen har fel; rätta dem och försök igen", problems)
    })
}

/// The body of a request that carries a description, or why it cannot be
/// read (too large, cut off).
pub fn description_body(
    body: Result<Bytes, BytesRejection>,
    state: &AppState,
) -> Result<Bytes, WebError> {
    body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            WebError::too_large(format!(
                "beskrivningen är för stor; en beskrivning får vara högst {} byte",
                crate::swedish::group_thousands(state.config.limits.description_bytes as u64)
            ))
        } else {
            WebError::invalid("beskrivningen kunde inte tas emot", Vec::new())
        }
    })
}
