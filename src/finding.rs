//! One shape for everything the user is told about an input: syntax and
//! schema errors from loading, semantic problems from validation, and (later)
//! rule findings from the checker. Reporters turn lists of findings into
//! text or JSON; nothing else formats them.

use serde::Serialize;
use std::fmt;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Breaks the law, contradicts itself, or cannot be used as written.
    Error,
    /// Should be looked at; the law may supply a default.
    Warning,
    /// Style and suggestions.
    Info,
}

impl Severity {
    /// The Swedish label used in human output.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "fel",
            Severity::Warning => "varning",
            Severity::Info => "info",
        }
    }
}

/// Where a finding points.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The file, as the user named it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// A JSON pointer into a description, e.g. `/medlemmar/2/ledamöter`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// 1-based line in the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column (in characters) in the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl Location {
    /// A location in a file with nothing more precise.
    pub fn file(file: &str) -> Self {
        Location {
            file: Some(file.to_string()),
            ..Location::default()
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        if let Some(file) = &self.file {
            let mut s = file.clone();
            if let Some(line) = self.line {
                s.push_str(&format!(":{line}"));
                if let Some(column) = self.column {
                    s.push_str(&format!(":{column}"));
                }
            }
            parts.push(s);
        }
        if let Some(path) = &self.path {
            parts.push(if path.is_empty() {
                "(roten)".to_string()
            } else {
                path.clone()
            });
        }
        write!(f, "{}", parts.join(" "))
    }
}

/// Something the user is told about an input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// A stable id, e.g. `JSON-SYNTAX`, `SCHEMA-MINIMUM`, `SPEC-DATUM`.
    pub id: String,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong and what was expected, in Swedish.
    pub message: String,
    /// Where.
    pub location: Location,
}

impl Finding {
    /// An error-level finding.
    pub fn error(id: &str, message: impl Into<String>, location: Location) -> Self {
        Finding {
            id: id.to_string(),
            severity: Severity::Error,
            message: message.into(),
            location,
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {} [{}]",
            self.location,
            self.severity.label(),
            self.message,
            self.id
        )
    }
}
