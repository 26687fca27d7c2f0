//! Loading a record of decisions: the same path as a description
//! ([`crate::spec::load::load_typed`]: syntax with line and column, schema
//! with JSON path), then the checks no schema can express, each with its
//! JSON path and line.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde_json::Value;

use super::record::{Change, Decisions, Outcome};
use crate::finding::{Finding, Location};
use crate::spec::load::{CompiledSchema, load_typed, locate_findings};

/// The JSON Schema of a record of decisions, as a value.
pub fn schema_value() -> Value {
    let schema = schemars::schema_for!(Decisions);
    serde_json::to_value(&schema).unwrap_or(Value::Null)
}

/// The schema pretty-printed with a final newline, exactly as
/// `forbund schema --beslut` prints it and `schemas/beslut.schema.json` holds it.
pub fn schema_json() -> String {
    let mut text = serde_json::to_string_pretty(&schema_value()).unwrap_or_default();
    text.push('\n');
    text
}

fn compiled() -> &'static CompiledSchema {
    static SCHEMA: OnceLock<CompiledSchema> = OnceLock::new();
    SCHEMA.get_or_init(|| CompiledSchema::new(schema_value()))
}

/// Loads and validates a record of decisions from its bytes. `file` names
/// it in every finding. Returns the record, or every problem found.
pub fn load(file: &str, bytes: &[u8]) -> Result<Decisions, Vec<Finding>> {
    let (decisions, text) = load_typed::<Decisions>(file, bytes, compiled())?;
    let problems = validate(&decisions);
    if problems.is_empty() {
        Ok(decisions)
    } else {
        Err(locate_findings(file, &text, problems))
    }
}

/// The problems a schema cannot express: a member twice, a decision
/// without a date, an outcome without its text, a change in no or two forms.
pub fn validate(decisions: &Decisions) -> Vec<Finding> {
    let mut problems = Vec::new();
    let mut push = |id: &str, message: String, path: String| {
        problems.push(Finding::error(
            id,
            message,
            Location {
                path: Some(path),
                ..Location::default()
            },
        ));
    };
    let mut seen = BTreeSet::new();
    for (i, decision) in decisions.decisions.iter().enumerate() {
        let at = format!("/beslut/{i}");
        if !seen.insert(decision.member.as_str()) {
            push(
                "BESLUT-DUBBEL",
                format!(
                    "«{}» har redan ett beslut; ange ett beslut per medlem",
                    decision.member
                ),
                format!("{at}/medlem"),
            );
        }
        match (&decision.outcome, decision.date) {
            (Outcome::Pending {}, Some(_)) => push(
                "BESLUT-DATUM",
                "ett beslut som inte är fattat har inget datum; ta bort «datum» eller ange utfallet"
                    .into(),
                format!("{at}/datum"),
            ),
            (Outcome::Pending {}, None) | (_, Some(_)) => {}
            (_, None) => push(
                "BESLUT-DATUM",
                "beslutets datum saknas; ange «datum» (ÅÅÅÅ-MM-DD)".into(),
                at.clone(),
            ),
        }
        let outcome = format!("{at}/utfall");
        match &decision.outcome {
            Outcome::Amended { changes, text } => {
                if changes.is_empty() == text.is_none() {
                    push(
                        "BESLUT-ÄNDRINGAR",
                        "ange antingen «ändringar» eller «antagen_text» (den antagna förbundsordningen som fil), inte båda och inte ingen".into(),
                        outcome.clone(),
                    );
                }
                validate_changes(changes, &format!("{outcome}/ändringar"), &mut push);
            }
            Outcome::Conditional {
                condition,
                required,
                met,
            } => {
                if condition.trim().is_empty() {
                    push(
                        "BESLUT-VILLKOR",
                        "villkoret är tomt; återge det med beslutets ord".into(),
                        format!("{outcome}/villkor"),
                    );
                }
                if !required.is_empty() && met.is_some() {
                    push(
                        "BESLUT-VILLKOR",
                        "«uppfyllt» gäller bara villkor utan «krav»; ett villkor med krav prövas mot texterna".into(),
                        format!("{outcome}/uppfyllt"),
                    );
                }
                validate_changes(required, &format!("{outcome}/krav"), &mut push);
            }
            Outcome::Adopted {} | Outcome::Rejected { .. } | Outcome::Pending {} => {}
        }
    }
    problems
}

fn validate_changes(changes: &[Change], at: &str, push: &mut impl FnMut(&str, String, String)) {
    for (j, change) in changes.iter().enumerate() {
        let path = format!("{at}/{j}");
        let forms = [
            change.new_wording.is_some(),
            change.replaces.is_some(),
            change.addition.is_some(),
        ]
        .iter()
        .filter(|&&f| f)
        .count();
        if forms != 1 {
            push(
                "BESLUT-ÄNDRING",
                format!(
                    "ändringen i {} § ska ha precis ett av «ny_lydelse», «ersätter» (med «med») och «tillägg»",
                    change.section
                ),
                path.clone(),
            );
        }
        if change.replaces.is_some() != change.with.is_some() {
            push(
                "BESLUT-ÄNDRING",
                "«ersätter» och «med» anges tillsammans: vilken text som ersätts och med vad"
                    .into(),
                path,
            );
        }
    }
}
