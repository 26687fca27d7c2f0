//! The page itself: plain HTML, CSS and JavaScript compiled into the
//! binary, so nothing is fetched from the network.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// The page.
pub const INDEX_HTML: &str = include_str!("assets/index.html");
/// Its script: the form built from the schema, the preview, downloads,
/// comparison and check.
pub const APP_JS: &str = include_str!("assets/app.js");
/// Its style sheet.
pub const STYLE_CSS: &str = include_str!("assets/style.css");

/// Headers every page response carries: no caching of drafts, no framing
/// by other sites, and a content policy that allows nothing from outside.
fn page(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-store"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::X_FRAME_OPTIONS, "DENY"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; frame-src 'self' blob:; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'",
            ),
        ],
        body,
    )
        .into_response()
}

/// `GET /`.
pub async fn index() -> Response {
    page("text/html; charset=utf-8", INDEX_HTML)
}

/// `GET /app.js`.
pub async fn app_js() -> Response {
    page("text/javascript; charset=utf-8", APP_JS)
}

/// `GET /style.css`.
pub async fn style_css() -> Response {
    page("text/css; charset=utf-8", STYLE_CSS)
}
