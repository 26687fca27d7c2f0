//! Loading a description: bytes → JSON → schema check → typed [`Forbund`] →
//! semantic validation. Every problem found is reported at once, each with
//! its place (line and column, JSON pointer).

use std::io::Read;
use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{ValidationError, Validator};
use serde_json::Value;

use super::model::Forbund;
use super::position::{line_column, locate};
use super::schema::schema_value;
use super::validate::validate;
use crate::finding::{Finding, Location};

/// The largest description accepted, in bytes. Real descriptions are a few
/// kilobytes; anything near this is a mistake (a wrong file).
pub const MAX_BYTES: u64 = 5 * 1024 * 1024;

/// Loads and validates a description from its bytes. `file` names it in
/// every finding. Returns the description, or every problem found.
pub fn load(file: &str, bytes: &[u8]) -> Result<Forbund, Vec<Finding>> {
    let (forbund, text) = load_typed::<Forbund>(file, bytes, description_schema())?;
    let problems = validate(&forbund);
    if problems.is_empty() {
        Ok(forbund)
    } else {
        Err(locate_findings(file, &text, problems))
    }
}

/// A JSON Schema with its compiled validator, for [`load_typed`].
pub struct CompiledSchema {
    value: Value,
    validator: Validator,
}

impl CompiledSchema {
    /// Compiles a schema generated from our own types. Failing to compile it
    /// is a programming error caught by the schema tests, not user input.
    pub fn new(value: Value) -> Self {
        #[allow(clippy::expect_used)]
        let validator = jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&value)
            .expect("the generated schema compiles");
        CompiledSchema { value, validator }
    }
}

/// Bytes → text → JSON (comments allowed) → schema check → `T`, every
/// problem with its place. Returns the value and the text it was read from
/// (for [`locate_findings`]). Semantic validation is the caller's.
pub fn load_typed<T: serde::de::DeserializeOwned>(
    file: &str,
    bytes: &[u8],
    schema: &CompiledSchema,
) -> Result<(T, String), Vec<Finding>> {
    let text = decode(file, bytes).map_err(|f| vec![*f])?;
    let value = parse_json(file, &text).map_err(|f| vec![*f])?;
    let typed = typed_from_value(file, value, Some(&text), schema)?;
    Ok((typed, text))
}

/// Gives findings with a JSON path the file, line and column of that path
/// in `text`.
pub fn locate_findings(file: &str, text: &str, findings: Vec<Finding>) -> Vec<Finding> {
    findings
        .into_iter()
        .map(|mut f| {
            f.location.file = Some(file.to_string());
            if let Some((line, column)) = f.location.path.as_deref().and_then(|p| locate(text, p)) {
                f.location.line = Some(line);
                f.location.column = Some(column);
            }
            f
        })
        .collect()
}

/// Reads a description's bytes as a JSON value (comments allowed) without
/// checking it against the schema: the first step of [`load`], for front
/// ends that edit the value (the web page's "open"). Problems are
/// reported as `load` reports them, with line and column.
pub fn parse_value(file: &str, bytes: &[u8]) -> Result<Value, Box<Finding>> {
    let text = decode(file, bytes)?;
    parse_json(file, &text)
}

/// Checks a JSON value against the schema and turns it into a description,
/// without semantic validation. `file` names the source in findings.
pub fn from_value(file: &str, value: Value) -> Result<Forbund, Vec<Finding>> {
    typed_from_value(file, value, None, description_schema())
}

fn typed_from_value<T: serde::de::DeserializeOwned>(
    file: &str,
    value: Value,
    text: Option<&str>,
    schema: &CompiledSchema,
) -> Result<T, Vec<Finding>> {
    let located = |path: String| Location::in_description(file, path, text);
    let errors: Vec<Finding> = schema
        .validator
        .iter_errors(&value)
        .map(|error| {
            let (id, message, path) = describe_schema_error(&error, &schema.value);
            Finding::error(&id, message, located(path))
        })
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    serde_path_to_error::deserialize::<_, T>(&value).map_err(|error| {
        let path = pointer_of(error.path());
        let message = error.inner().to_string();
        vec![Finding::error(
            "SCHEMA-VÄRDE",
            format!("ogiltigt värde: {message}"),
            located(path),
        )]
    })
}

/// Bytes → text: size, emptiness and UTF-8 checks, BOM removed.
fn decode(file: &str, bytes: &[u8]) -> Result<String, Box<Finding>> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Box::new(too_large(file, bytes.len() as u64)));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            let (line, column) = line_column(valid, valid.len());
            return Err(Box::new(Finding::error(
                "JSON-KODNING",
                "filen är inte UTF-8-kodad text; spara den som UTF-8",
                Location {
                    file: Some(file.to_string()),
                    line: Some(line),
                    column: Some(column),
                    ..Location::default()
                },
            )));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Box::new(Finding::error(
            "JSON-TOM",
            "filen är tom; en beskrivning är ett JSON-objekt som börjar med «{» (skapa en med «forbund new»)",
            Location::file(file),
        )));
    }
    Ok(text.to_string())
}

/// The finding for a file over [`MAX_BYTES`].
pub fn too_large(file: &str, size: u64) -> Finding {
    Finding::error(
        "JSON-STORLEK",
        format!(
            "filen är {} byte; en beskrivning får vara högst {} byte",
            crate::swedish::group_thousands(size),
            crate::swedish::group_thousands(MAX_BYTES)
        ),
        Location::file(file),
    )
}

/// Text → JSON value. Comments (`//` and `/* */`) are allowed and blanked
/// out first so that line and column stay right.
fn parse_json(file: &str, text: &str) -> Result<Value, Box<Finding>> {
    let mut stripped = String::with_capacity(text.len());
    json_comments::StripComments::new(text.as_bytes())
        .read_to_string(&mut stripped)
        .map_err(|_| {
            Box::new(Finding::error(
                "JSON-SYNTAX",
                "en kommentar är inte avslutad (saknar «*/»)",
                Location::file(file),
            ))
        })?;
    serde_json::from_str(&stripped).map_err(|error| {
        let line = error.line();
        // serde_json counts columns in bytes; report characters.
        let column = stripped
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| {
                l.get(..error.column().min(l.len()))
                    .map_or(error.column(), |s| s.chars().count())
            })
            .unwrap_or(error.column());
        Box::new(Finding::error(
            "JSON-SYNTAX",
            format!("felaktig JSON: {}", syntax_message(&error)),
            Location {
                file: Some(file.to_string()),
                line: Some(line),
                column: Some(column.max(1)),
                ..Location::default()
            },
        ))
    })
}

/// serde_json's English syntax messages in Swedish.
fn syntax_message(error: &serde_json::Error) -> String {
    let english = error.to_string();
    let english = english
        .rsplit_once(" at line ")
        .map_or(english.as_str(), |(m, _)| m);
    let swedish = match english {
        "EOF while parsing a list" => "filen tar slut inne i en lista; en «]» saknas",
        "EOF while parsing an object" => "filen tar slut inne i ett objekt; en «}» saknas",
        "EOF while parsing a string" => "filen tar slut inne i en sträng; ett «\"» saknas",
        "EOF while parsing a value" => "filen tar slut där ett värde väntades",
        "expected `:`" => "«:» väntades efter nyckeln",
        "expected `,` or `]`" => "«,» eller «]» väntades",
        "expected `,` or `}`" => "«,» eller «}» väntades",
        "expected ident" => "ett värde väntades (true, false eller null?)",
        "expected value" => "ett värde väntades",
        "key must be a string" => "nycklar skrivs inom citattecken",
        "invalid escape" => "ogiltig escape-sekvens i en sträng",
        "invalid number" => "ogiltigt tal",
        "number out of range" => "talet är för stort",
        "trailing comma" => "kommatecken efter det sista elementet",
        "trailing characters" => "text efter JSON-objektets slut",
        "recursion limit exceeded" => "för djupt nästlad (mer än 128 nivåer)",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "otillåtet styrtecken (t.ex. radbrytning) inne i en sträng"
        }
        other => return other.to_string(),
    };
    swedish.to_string()
}

fn description_schema() -> &'static CompiledSchema {
    static SCHEMA: OnceLock<CompiledSchema> = OnceLock::new();
    SCHEMA.get_or_init(|| CompiledSchema::new(schema_value()))
}

/// The schema node at `pointer`, with the last `up` segments removed.
fn schema_node<'s>(schema: &'s Value, pointer: &str, up: usize) -> Option<&'s Value> {
    let segments: Vec<&str> = pointer.split('/').collect();
    let keep = segments.len().checked_sub(up)?;
    schema.pointer(&segments[..keep].join("/"))
}

/// The allowed string values of a `oneOf` of `const`s (a documented enum).
fn allowed_values(schema: &Value, schema_path: &str) -> Vec<String> {
    schema_node(schema, schema_path, 0)
        .and_then(Value::as_array)
        .map(|branches| {
            branches
                .iter()
                .filter_map(|b| b.get("const").and_then(Value::as_str))
                .map(|c| format!("«{c}»"))
                .collect()
        })
        .unwrap_or_default()
}

/// The known key closest to a misspelt one, if it is close enough.
fn closest_key(schema: &Value, schema_path: &str, unexpected: &str) -> Option<String> {
    let properties = schema_node(schema, schema_path, 1)?
        .get("properties")?
        .as_object()?;
    properties
        .keys()
        .map(|k| (strsim::damerau_levenshtein(k, unexpected), k))
        .filter(|(d, k)| *d <= 2.max(k.chars().count() / 4))
        .min()
        .map(|(_, k)| k.clone())
}

/// Old names of member kinds, with the value to write instead.
fn modern_kind(value: &Value) -> Option<&'static str> {
    match value.as_str()?.to_lowercase().as_str() {
        "landsting" => Some("region"),
        "länsarbetsnämnd" | "länsarbetsnämnden" => Some("arbetsförmedlingen"),
        "allmän försäkringskassa" | "försäkringskassa" => Some("försäkringskassan"),
        _ => None,
    }
}

/// A schema error as (id, Swedish message, JSON pointer).
fn describe_schema_error(error: &ValidationError<'_>, schema: &Value) -> (String, String, String) {
    let path = error.instance_path().as_str().to_string();
    let instance = error.instance();
    let shown = short(instance);
    let (id, message, path) = match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let keys = unexpected
                .iter()
                .map(|k| format!("«{k}»"))
                .collect::<Vec<_>>()
                .join(", ");
            let schema_path = error.schema_path().as_str();
            let (path, hint) = match unexpected.as_slice() {
                [one] => (
                    format!("{path}/{}", one.replace('~', "~0").replace('/', "~1")),
                    closest_key(schema, schema_path, one)
                        .map(|k| format!("; menade du «{k}»?"))
                        .unwrap_or_else(|| "; kontrollera stavningen (se «forbund schema»)".into()),
                ),
                _ => (
                    path,
                    "; kontrollera stavningen (se «forbund schema»)".to_string(),
                ),
            };
            (
                "SCHEMA-OKÄND-NYCKEL",
                format!("okänd nyckel {keys}{hint}"),
                path,
            )
        }
        ValidationErrorKind::Required { property } => (
            "SCHEMA-SAKNAS",
            format!("nyckeln {} saknas men måste anges", short(property)),
            path,
        ),
        ValidationErrorKind::Type { kind } => (
            "SCHEMA-TYP",
            format!("{shown} har fel typ; väntade {}", type_name(kind)),
            path,
        ),
        ValidationErrorKind::Minimum { limit } => (
            "SCHEMA-MINIMUM",
            format!("{shown} är för litet; minsta tillåtna värde är {limit}"),
            path,
        ),
        ValidationErrorKind::Maximum { limit } => (
            "SCHEMA-MAXIMUM",
            format!("{shown} är för stort; högsta tillåtna värde är {limit}"),
            path,
        ),
        ValidationErrorKind::MinLength { limit } => (
            "SCHEMA-LÄNGD",
            format!("{shown} är för kort; minst {limit} tecken"),
            path,
        ),
        ValidationErrorKind::MaxLength { limit } => (
            "SCHEMA-LÄNGD",
            format!("texten är för lång; högst {limit} tecken"),
            path,
        ),
        ValidationErrorKind::MinItems { limit } => (
            "SCHEMA-ANTAL",
            format!("listan har för få element; minst {limit}"),
            path,
        ),
        ValidationErrorKind::MaxItems { limit } => (
            "SCHEMA-ANTAL",
            format!("listan har för många element; högst {limit}"),
            path,
        ),
        ValidationErrorKind::Format { format } if format == "date" => (
            "SCHEMA-DATUM",
            format!("{shown} är inte ett giltigt datum; skriv ÅÅÅÅ-MM-DD med en dag som finns"),
            path,
        ),
        ValidationErrorKind::Format { format } => (
            "SCHEMA-FORMAT",
            format!("{shown} har inte formatet {format}"),
            path,
        ),
        ValidationErrorKind::Enum { options } => (
            "SCHEMA-VAL",
            format!(
                "{shown} är inte ett tillåtet värde; välj ett av {}",
                list(options)
            ),
            path,
        ),
        ValidationErrorKind::Constant { expected_value } => (
            "SCHEMA-VAL",
            format!(
                "{shown} är inte tillåtet; väntade {}",
                short(expected_value)
            ),
            path,
        ),
        ValidationErrorKind::OneOfNotValid { .. } | ValidationErrorKind::AnyOf { .. } => {
            let allowed = allowed_values(schema, error.schema_path().as_str());
            let mut message = if allowed.is_empty() {
                format!("{shown} är inte ett tillåtet värde här (se «forbund schema»)")
            } else {
                format!(
                    "{shown} är inte ett tillåtet värde; välj ett av {}",
                    allowed.join(", ")
                )
            };
            if let Some(modern) = modern_kind(instance) {
                message.push_str(&format!(" («{modern}» är den nuvarande benämningen)"));
            }
            ("SCHEMA-VAL", message, path)
        }
        ValidationErrorKind::Pattern { .. } => (
            "SCHEMA-MÖNSTER",
            format!("{shown} har fel form (t.ex. «30 november» eller «3/4»)"),
            path,
        ),
        _ => ("SCHEMA", error.to_string(), path),
    };
    (id.to_string(), message, path)
}

fn type_name(kind: &TypeKind) -> String {
    let one = |t: &jsonschema::JsonType| match t.to_string().as_str() {
        "string" => "en text".to_string(),
        "integer" => "ett heltal".to_string(),
        "number" => "ett tal".to_string(),
        "boolean" => "true eller false".to_string(),
        "object" => "ett objekt { … }".to_string(),
        "array" => "en lista [ … ]".to_string(),
        "null" => "null".to_string(),
        other => other.to_string(),
    };
    match kind {
        TypeKind::Single(t) => one(t),
        TypeKind::Multiple(set) => {
            let names: Vec<String> = set
                .iter()
                .filter(|t| t.to_string() != "null")
                .map(|t| one(&t))
                .collect();
            crate::swedish::join_with(&names, "eller")
        }
    }
}

fn list(options: &Value) -> String {
    match options {
        Value::Array(items) => items.iter().map(short).collect::<Vec<_>>().join(", "),
        other => short(other),
    }
}

/// A value shown briefly in a message.
fn short(value: &Value) -> String {
    let text = match value {
        Value::Object(_) => "objektet".to_string(),
        Value::Array(_) => "listan".to_string(),
        Value::String(s) => format!("«{s}»"),
        other => other.to_string(),
    };
    if text.chars().count() > 60 {
        let cut: String = text.chars().take(57).collect();
        format!("{cut}…")
    } else {
        text
    }
}

fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                pointer.push_str(&format!("/{}", key.replace('~', "~0").replace('/', "~1")));
            }
            Segment::Unknown => {}
        }
    }
    pointer
}
