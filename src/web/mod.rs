//! `forbund serve`: a local web page on the same library functions the
//! command line uses. The page (plain HTML, CSS and JavaScript compiled
//! into the binary) describes a förbund in a form generated from the JSON
//! Schema, previews the drafts and findings, downloads the package, and
//! compares and checks uploaded documents.
//!
//! One file per concern: [`routes`] maps paths to handlers; [`guards`]
//! refuses foreign `Host` and `Origin` headers and bounds request sizes;
//! [`describe`] serves the schema and validates; [`preview`], [`download`],
//! [`compare`] and [`check`] do what their names say; [`uploads`] reads
//! multipart uploads into memory; [`errors`] turns every failure into a
//! Swedish JSON message. Nothing here reads or writes a file: uploads stay
//! in memory and results go back in the response.

pub mod assets;
pub mod check;
pub mod compare;
pub mod describe;
pub mod download;
pub mod errors;
pub mod guards;
pub mod preview;
pub mod routes;
pub mod uploads;

use std::sync::Arc;

use chrono::NaiveDate;

use crate::compose::Templates;

pub use routes::router;

/// A function the server calls with one line of log (timings), e.g. to
/// print it on standard error.
pub type Log = Arc<dyn Fn(&str) + Send + Sync>;

/// How large requests may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest description sent as a request body, in bytes.
    pub description_bytes: usize,
    /// The largest uploaded file, in bytes.
    pub file_bytes: usize,
    /// The largest upload request (all files together), in bytes.
    pub upload_bytes: usize,
    /// The most files in one upload.
    pub files: usize,
}

impl Default for Limits {
    /// The command line's limits: a description of 5 MB, a document of
    /// 50 MB; an upload of at most 64 MB and 20 files.
    fn default() -> Self {
        Limits {
            description_bytes: crate::spec::load::MAX_BYTES as usize,
            file_bytes: crate::parse::MAX_FILE_BYTES as usize,
            upload_bytes: 64 * 1024 * 1024,
            files: 20,
        }
    }
}

/// What the server is started with.
#[derive(Clone)]
pub struct Config {
    /// The port the server listens on at 127.0.0.1; requests must name it
    /// in `Host` (and `Origin`, when they carry one).
    pub port: u16,
    /// The documents' date when the description does not give one (from
    /// `SOURCE_DATE_EPOCH`, as for `forbund generate`).
    pub date: Option<NaiveDate>,
    /// Request size limits.
    pub limits: Limits,
    /// Where timings are logged, if anywhere.
    pub log: Option<Log>,
}

impl Config {
    /// A configuration for `port` with the default limits, no date and no log.
    pub fn new(port: u16) -> Self {
        Config {
            port,
            date: None,
            limits: Limits::default(),
            log: None,
        }
    }
}

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    /// The configuration.
    pub config: Arc<Config>,
    /// The built-in templates.
    pub templates: Arc<Templates>,
}

impl AppState {
    /// The state for `config`, with the built-in templates.
    pub fn new(config: Config) -> Self {
        AppState {
            config: Arc::new(config),
            templates: Arc::new(Templates::builtin()),
        }
    }

    /// Logs one line, when a log is configured.
    pub fn log(&self, line: &str) {
        if let Some(log) = &self.config.log {
            log(line);
        }
    }
}

/// The name drafts from the page's form are given in findings.
pub const DRAFT_NAME: &str = "utkast.json";

/// Runs blocking work (composing, rendering, parsing) off the async
/// threads; a panic in it becomes an internal error, never a crash.
pub async fn blocking<T, F>(work: F) -> Result<T, errors::WebError>
where
    F: FnOnce() -> Result<T, errors::WebError> + Send + 'static,
    T: Send + 'static,
{
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| errors::WebError::internal("arbetet avbröts oväntat"))?
}
