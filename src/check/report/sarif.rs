//! SARIF 2.1.0 output for code-scanning tools: one run whose driver lists
//! every rule (with its summary, explanation and the statute as help), and
//! one result per finding with its level, physical location (file, line,
//! quoted words), logical location (the § or JSON path), fixes where the
//! edit is known exactly, and suppressions with their justification.

use serde_json::{Value, json};

use crate::check::{Report, rules};
use crate::finding::{Finding, SuppressionSource};

/// The SARIF schema URI written into the log.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The reports as a SARIF 2.1.0 log (pretty-printed, final newline).
pub fn render(reports: &[Report]) -> String {
    let registry = rules();
    let rules_json: Vec<Value> = registry
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.explanation },
                "help": {
                    "text": format!("{}\n\nStöd: {}\n\n{}", r.summary, r.citation, r.statute),
                },
                "defaultConfiguration": { "level": r.effective_severity().sarif_level() },
                "properties": {
                    "citation": r.citation.to_string(),
                    "verified": r.citation.verified,
                    "appliesTo": r.applies_to.iter().map(|t| t.swedish()).collect::<Vec<_>>(),
                },
            })
        })
        .collect();
    let mut artifacts: Vec<String> = Vec::new();
    let mut results = Vec::new();
    for report in reports {
        for f in &report.findings {
            if let Some(file) = &f.location.file
                && !artifacts.contains(file)
            {
                artifacts.push(file.clone());
            }
            results.push(result(f, registry.iter().position(|r| r.id == f.id)));
        }
    }
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "forbund",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "language": "sv",
                    "rules": rules_json,
                }
            },
            "language": "sv",
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts.iter().map(|a| json!({ "location": { "uri": uri(a) } })).collect::<Vec<_>>(),
            "results": results,
        }]
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

fn result(f: &Finding, index: Option<usize>) -> Value {
    let mut result = json!({
        "ruleId": f.id,
        "level": f.severity.sarif_level(),
        "message": { "text": f.message },
    });
    if let Some(i) = index {
        result["ruleIndex"] = json!(i);
    }
    if let Some(state) = f.baseline {
        result["baselineState"] = json!(state.sarif());
    }
    let mut location = json!({});
    if let Some(file) = &f.location.file {
        let mut physical = json!({ "artifactLocation": { "uri": uri(file) } });
        if let Some(line) = f.location.line {
            let mut region = json!({ "startLine": line });
            if let Some(column) = f.location.column {
                region["startColumn"] = json!(column);
            }
            if let Some(excerpt) = &f.location.excerpt {
                region["snippet"] = json!({ "text": excerpt });
            }
            physical["region"] = region;
        }
        location["physicalLocation"] = physical;
    }
    let logical = match (&f.location.section, &f.location.path) {
        (Some(section), _) => Some(json!({
            "name": section.split(' ').take(2).collect::<Vec<_>>().join(" "),
            "fullyQualifiedName": section,
            "kind": "element",
        })),
        (None, Some(path)) => Some(json!({
            "name": path.rsplit('/').next().unwrap_or(path),
            "fullyQualifiedName": if path.is_empty() { "/" } else { path },
            "kind": "property",
        })),
        _ => None,
    };
    if let Some(logical) = logical {
        location["logicalLocations"] = json!([logical]);
    }
    if location.as_object().is_some_and(|o| !o.is_empty()) {
        result["locations"] = json!([location]);
    }
    let mut properties = json!({});
    if let Some(citation) = &f.citation {
        properties["citation"] = json!(citation.to_string());
    }
    if let Some(fix) = &f.fix {
        properties["suggestion"] = json!(fix.message);
        if let (Some(file), false) = (&f.location.file, fix.replacements.is_empty()) {
            let replacements: Vec<Value> = fix
                .replacements
                .iter()
                .map(|r| {
                    json!({
                        "deletedRegion": {
                            "startLine": r.region.start_line,
                            "startColumn": r.region.start_column,
                            "endLine": r.region.end_line,
                            "endColumn": r.region.end_column,
                        },
                        "insertedContent": { "text": r.text },
                    })
                })
                .collect();
            result["fixes"] = json!([{
                "description": { "text": fix.message },
                "artifactChanges": [{
                    "artifactLocation": { "uri": uri(file) },
                    "replacements": replacements,
                }],
            }]);
        }
    }
    if let Some(s) = &f.suppression {
        result["suppressions"] = json!([{
            "kind": match s.source {
                SuppressionSource::Description => "external",
                SuppressionSource::Document => "inSource",
            },
            "status": "accepted",
            "justification": s.reason,
        }]);
    }
    if properties.as_object().is_some_and(|o| !o.is_empty()) {
        result["properties"] = properties;
    }
    result
}

/// A relative URI reference for a file path: `/` separators, and every
/// byte outside the unreserved set percent-encoded (so "å" is "%C3%A5").
pub fn uri(path: &str) -> String {
    let mut out = String::new();
    for byte in path.replace('\\', "/").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_paths_as_uris() {
        assert_eq!(
            uri("samples/reference/husam forbundsordning.md"),
            "samples/reference/husam%20forbundsordning.md"
        );
        assert_eq!(uri("förbund.md"), "f%C3%B6rbund.md");
    }
}
