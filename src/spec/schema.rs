//! The JSON Schema (draft 2020-12) of a description, generated from the
//! model so the two can never drift; `schemas/forbund.schema.json` is this
//! output checked in, and a test fails when it is stale.

use serde_json::Value;

use super::model::Forbund;

/// The schema as a JSON value.
pub fn schema_value() -> Value {
    let schema = schemars::schema_for!(Forbund);
    // A schemars schema is always representable as JSON.
    serde_json::to_value(&schema).unwrap_or(Value::Null)
}

/// The schema as pretty-printed JSON with a final newline, exactly as
/// `forbund schema` prints it and `schemas/forbund.schema.json` holds it.
pub fn schema_json() -> String {
    let mut text = serde_json::to_string_pretty(&schema_value()).unwrap_or_default();
    text.push('\n');
    text
}
