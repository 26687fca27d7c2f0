//! Every failure as a Swedish JSON message `{"error": …, "problems": […]}`
//! with a fitting status, and Swedish bodies for axum's own rejections
//! (unknown path, wrong method, body too large), so the page never shows a
//! stack trace or an English text.

use axum::Json;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::finding::Finding;

/// Why a request failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebError {
    /// The HTTP status.
    pub status: StatusCode,
    /// What went wrong, in Swedish.
    pub message: String,
    /// The problems with the input, as the command line reports them.
    pub problems: Vec<Finding>,
}

impl WebError {
    /// Bad input (400), with the problems found in it.
    pub fn invalid(message: impl Into<String>, problems: Vec<Finding>) -> Self {
        WebError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
            problems,
        }
    }

    /// A request larger than allowed (413).
    pub fn too_large(message: impl Into<String>) -> Self {
        WebError {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            message: message.into(),
            problems: Vec::new(),
        }
    }

    /// A request refused (403).
    pub fn forbidden(message: impl Into<String>) -> Self {
        WebError {
            status: StatusCode::FORBIDDEN,
            message: message.into(),
            problems: Vec::new(),
        }
    }

    /// A fault in forbund itself (500).
    pub fn internal(message: impl Into<String>) -> Self {
        WebError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: format!("internt fel: {}", message.into()),
            problems: Vec::new(),
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let body = json!({"error": self.message, "problems": self.problems});
        (self.status, Json(body)).into_response()
    }
}

/// The answer for a path the server does not have.
pub async fn not_found() -> WebError {
    WebError {
        status: StatusCode::NOT_FOUND,
        message: "sidan finns inte".to_string(),
        problems: Vec::new(),
    }
}

/// Replaces the plain-text bodies of axum's own rejections with Swedish
/// JSON messages; the handlers' own errors are already JSON and pass.
pub async fn swedish_rejections(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let message = match status {
        StatusCode::PAYLOAD_TOO_LARGE => "förfrågan är för stor",
        StatusCode::METHOD_NOT_ALLOWED => "metoden är inte tillåten för den här adressen",
        StatusCode::NOT_FOUND => "sidan finns inte",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "fel innehållstyp i förfrågan",
        s if s.is_server_error() => "internt fel",
        _ => "förfrågan kunde inte läsas",
    };
    WebError {
        status,
        message: message.to_string(),
        problems: Vec::new(),
    }
    .into_response()
}
