//! One shape for everything the user is told about an input: syntax and
//! schema errors from loading, semantic problems from validation, and rule
//! findings from the checker (with the legal provision they rest on, a
//! suggested fix and, when a user has accepted the deviation, the reason).
//! Reporters turn lists of findings into text, JSON or SARIF; nothing else
//! formats them.

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

    /// The SARIF level: `error`, `warning` or `note`.
    pub fn sarif_level(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
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
    /// The § of a document, e.g. `5 § Styrelsen`, or the heading of an
    /// unnumbered part.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The words the finding is about, quoted from the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
}

impl Location {
    /// A location in a file with nothing more precise.
    pub fn file(file: &str) -> Self {
        Location {
            file: Some(file.to_string()),
            ..Location::default()
        }
    }

    /// The value at JSON pointer `path` in a description, with its line and
    /// column when the description's text is at hand.
    pub fn in_description(file: &str, path: String, source: Option<&str>) -> Self {
        let position = source.and_then(|s| crate::spec::position::locate(s, &path));
        Location {
            file: Some(file.to_string()),
            path: Some(path),
            line: position.map(|p| p.0),
            column: position.map(|p| p.1),
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
        if let Some(section) = &self.section {
            parts.push(section.clone());
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
    /// The provision the finding rests on, for rule findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
    /// What to change, where it is clear. Never applied silently.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// Set when the user has accepted the deviation; the finding is then
    /// reported as accepted instead of counting against the input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppression: Option<Suppression>,
    /// Set when the input was checked against a baseline (`--baseline`):
    /// whether the finding is new, still there, or fixed (present only in
    /// the baseline).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineState>,
}

/// What became of a finding compared with a baseline (an older version of
/// the input).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BaselineState {
    /// Not in the baseline: the new text introduces it.
    New,
    /// In the baseline too: the new text keeps it.
    Unchanged,
    /// Only in the baseline: the new text fixes it.
    Fixed,
}

impl BaselineState {
    /// The Swedish tag shown in human output.
    pub fn swedish(self) -> &'static str {
        match self {
            BaselineState::New => "ny",
            BaselineState::Unchanged => "kvarstår",
            BaselineState::Fixed => "åtgärdad",
        }
    }

    /// The SARIF `baselineState`: `new`, `unchanged` or `absent`.
    pub fn sarif(self) -> &'static str {
        match self {
            BaselineState::New => "new",
            BaselineState::Unchanged => "unchanged",
            BaselineState::Fixed => "absent",
        }
    }
}

impl Finding {
    /// An error-level finding.
    pub fn error(id: &str, message: impl Into<String>, location: Location) -> Self {
        Finding {
            id: id.to_string(),
            severity: Severity::Error,
            message: message.into(),
            location,
            citation: None,
            fix: None,
            suppression: None,
            baseline: None,
        }
    }

    /// Whether this finding is an error that nobody has accepted and that
    /// is still in the input (a finding fixed since the baseline is not).
    pub fn is_blocking(&self) -> bool {
        self.severity == Severity::Error
            && self.suppression.is_none()
            && self.baseline != Some(BaselineState::Fixed)
    }
}

/// A law, as findings cite it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Law {
    /// Lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser.
    Finsam,
    /// Kommunallagen (2017:725).
    Kommunallagen,
    /// Arkivlagen (1990:782).
    Arkivlagen,
    /// No statute: drafting practice (consistent decision documents, plain
    /// Swedish); the rule says so rather than inventing a provision.
    Praxis,
}

impl Law {
    /// The law's title as cited in running text.
    pub fn title(self) -> &'static str {
        match self {
            Law::Finsam => "lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser",
            Law::Kommunallagen => "kommunallagen (2017:725)",
            Law::Arkivlagen => "arkivlagen (1990:782)",
            Law::Praxis => "god praxis (ingen lagregel)",
        }
    }
}

/// The provision a finding rests on: law, paragraph, item, and the text
/// version the rule was written against. Serialised with its `text` as
/// cited ("9 § 7 p. lagen (2003:1210) …").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Citation {
    /// Which law.
    pub law: Law,
    /// The chapter, for laws divided into chapters ("8 kap.").
    pub chapter: Option<&'static str>,
    /// The paragraph, e.g. "9 §"; empty for practice.
    pub paragraph: &'static str,
    /// The item, e.g. "7 p.".
    pub item: Option<&'static str>,
    /// The version of the text the rule rests on, e.g. "gällande lydelse
    /// enligt finsam.se". No amendment numbers are invented here.
    pub version: &'static str,
    /// Whether the rule's reading of the provision is verified against the
    /// statute; unverified rules never report errors.
    pub verified: bool,
}

impl Serialize for Citation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Citation", 7)?;
        s.serialize_field("text", &self.to_string())?;
        s.serialize_field("law", &self.law)?;
        if let Some(chapter) = self.chapter {
            s.serialize_field("chapter", chapter)?;
        }
        s.serialize_field("paragraph", self.paragraph)?;
        if let Some(item) = self.item {
            s.serialize_field("item", item)?;
        }
        s.serialize_field("version", self.version)?;
        s.serialize_field("verified", &self.verified)?;
        s.end()
    }
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.law == Law::Praxis {
            return write!(f, "{}", self.law.title());
        }
        let mut parts: Vec<&str> = Vec::new();
        if let Some(chapter) = self.chapter {
            parts.push(chapter);
        }
        if !self.paragraph.is_empty() {
            parts.push(self.paragraph);
        }
        if let Some(item) = self.item {
            parts.push(item);
        }
        parts.push(self.law.title());
        write!(f, "{}", parts.join(" "))?;
        if !self.verified {
            write!(f, " (ej verifierad)")?;
        }
        Ok(())
    }
}

/// A suggested change. It is shown, never applied.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What to do, in Swedish ("skriv «ska» i stället för «skall»").
    pub message: String,
    /// For descriptions: the JSON pointer of the field to set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// For descriptions: the value to give the field, as JSON text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// For documents: the words to replace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replace: Option<String>,
    /// For documents: the wording to use instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with: Option<String>,
    /// The exact edits in the source, when the words were found there.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub replacements: Vec<Replacement>,
}

/// One edit of a fix: replace the text in `region` with `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Replacement {
    /// What to replace.
    pub region: Region,
    /// The new text.
    pub text: String,
}

/// A span of a file in 1-based lines and columns (characters); the end
/// column is exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Region {
    /// First line.
    pub start_line: usize,
    /// First column.
    pub start_column: usize,
    /// Last line.
    pub end_line: usize,
    /// Column after the last character.
    pub end_column: usize,
}

/// Why a finding was accepted, and where the user said so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppression {
    /// The reason given (motivering).
    pub reason: String,
    /// `description` (godtagna_avvikelser) or `document` (a comment line).
    pub source: SuppressionSource,
}

/// Where a suppression was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SuppressionSource {
    /// `godtagna_avvikelser` in a description.
    Description,
    /// A `forbund: godta ID: motivering` line in a document.
    Document,
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
