//! The server's paths, each with its handler and size limit, behind the
//! guards.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::routing::{get, post};

use super::{
    AppState, Config, assets, check, compare, describe, download, errors, guards, preview,
};

/// The whole web application for `config`.
pub fn router(config: Config) -> Router {
    let limits = config.limits;
    let state = AppState::new(config);
    let description = DefaultBodyLimit::max(limits.description_bytes);
    let upload = DefaultBodyLimit::max(limits.upload_bytes);
    let descriptions = Router::new()
        .route("/api/open", post(describe::open))
        .route("/api/validate", post(describe::validate))
        .route("/api/preview", post(preview::preview))
        .route("/api/package", post(download::package))
        .route("/api/document", post(download::document))
        .layer(description);
    let uploads = Router::new()
        .route("/api/compare", post(compare::compare))
        .route("/api/compare/table", post(compare::table))
        .route("/api/compare/tracked", post(compare::tracked))
        .route("/api/check", post(check::check))
        .route("/api/check/sarif", post(check::sarif))
        .layer(upload);
    Router::new()
        .route("/", get(assets::index))
        .route("/app.js", get(assets::app_js))
        .route("/style.css", get(assets::style_css))
        .route("/api/schema", get(describe::schema))
        .route("/api/example", get(describe::example))
        .merge(descriptions)
        .merge(uploads)
        .fallback(errors::not_found)
        .layer(middleware::from_fn(errors::swedish_rejections))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            guards::same_origin_only,
        ))
        .with_state(state)
}
