//! Who may talk to the server: only pages it served itself. A request
//! whose `Host` is not `127.0.0.1:PORT` or `localhost:PORT` is refused
//! (DNS rebinding: a foreign site's name pointed at 127.0.0.1), and so is
//! one whose `Origin` is not `http://` one of those (a cross-site form or
//! script). Size limits are set per route in [`super::routes`].

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::errors::WebError;

/// The `Host` values the server answers to.
pub fn own_hosts(port: u16) -> [String; 2] {
    [format!("127.0.0.1:{port}"), format!("localhost:{port}")]
}

/// Whether `host` (a `Host` header) names this server.
pub fn is_own_host(host: &str, port: u16) -> bool {
    own_hosts(port)
        .iter()
        .any(|own| own.eq_ignore_ascii_case(host))
}

/// Whether `origin` (an `Origin` header) is a page of this server.
pub fn is_own_origin(origin: &str, port: u16) -> bool {
    origin
        .strip_prefix("http://")
        .is_some_and(|host| is_own_host(host, port))
}

/// Refuses requests whose `Host` or `Origin` is not the server's own.
pub async fn same_origin_only(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let port = state.config.port;
    let headers = request.headers();
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    if !host.is_some_and(|h| is_own_host(h, port)) {
        return WebError::forbidden(format!(
            "förfrågan avvisas: adressen ({}) är inte den här datorns server; öppna http://127.0.0.1:{port}/",
            host.unwrap_or("saknas")
        ))
        .into_response();
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or("");
        if !is_own_origin(origin, port) {
            return WebError::forbidden(format!(
                "förfrågan avvisas: den kommer från en annan webbplats ({origin})"
            ))
            .into_response();
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_host_and_origin_only() {
        assert!(is_own_host("127.0.0.1:8080", 8080));
        assert!(is_own_host("LOCALHOST:8080", 8080));
        assert!(!is_own_host("127.0.0.1:8081", 8080));
        assert!(!is_own_host("evil.example:8080", 8080));
        assert!(!is_own_host("127.0.0.1", 8080));
        assert!(is_own_origin("http://localhost:8080", 8080));
        assert!(!is_own_origin("https://localhost:8080", 8080));
        assert!(!is_own_origin("http://evil.example", 8080));
        assert!(!is_own_origin("null", 8080));
    }
}
