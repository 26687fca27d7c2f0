//! `forbund rules`: lists every rule (id, severity, citation, summary), or
//! prints one in full with the statute text it rests on.

use anyhow::Result;
use forbund::check::{Rule, rule, rules};
use serde_json::json;

use super::Outcome;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Text for people (Swedish)
    Human,
    /// JSON for programs
    Json,
}

/// Arguments of `forbund rules`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A rule id, e.g. FINSAM-9-7 (case does not matter); without it, all rules
    id: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

/// Prints the list or one rule; an unknown id exits 2.
pub fn run(args: &Args) -> Result<Outcome> {
    let Some(id) = &args.id else {
        let text = match args.format {
            Format::Human => list(),
            Format::Json => json_text(&json!(rules().iter().map(rule_json).collect::<Vec<_>>())),
        };
        super::print(&text)?;
        return Ok(Outcome::Success);
    };
    let Some(found) = rule(id) else {
        let mut near: Vec<(f64, &str)> = rules()
            .iter()
            .map(|r| (strsim::jaro_winkler(&id.to_uppercase(), r.id), r.id))
            .filter(|(score, _)| *score > 0.8)
            .collect();
        near.sort_by(|a, b| b.0.total_cmp(&a.0));
        let hint = match near.first() {
            Some((_, best)) => format!("; menade du {best}?"),
            None => String::new(),
        };
        super::note(&format!(
            "fel: regeln «{id}» finns inte{hint} (`forbund rules` listar alla)"
        ));
        return Ok(Outcome::InvalidInput);
    };
    let text = match args.format {
        Format::Human => full(found),
        Format::Json => json_text(&rule_json(found)),
    };
    super::print(&text)?;
    Ok(Outcome::Success)
}

fn list() -> String {
    let width = rules().iter().map(|r| r.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in rules() {
        out.push_str(&format!(
            "{:<width$}  {:<7}  {}\n{:<width$}  {:<7}  {}\n",
            r.id,
            r.effective_severity().label(),
            r.summary,
            "",
            "",
            r.citation,
        ));
    }
    out.push_str(&format!(
        "\n{} regler. `forbund rules ID` visar en regel med lagtexten.\n",
        rules().len()
    ));
    out
}

fn full(r: &Rule) -> String {
    let targets: Vec<&str> = r.applies_to.iter().map(|t| t.swedish()).collect();
    let mut out = format!("{} — {}\n\n", r.id, r.summary);
    out.push_str(&format!(
        "Allvar:      {}\n",
        r.effective_severity().label()
    ));
    out.push_str(&format!("Gäller:      {}\n", targets.join(", ")));
    out.push_str(&format!("Stöd:        {}\n", r.citation));
    if !r.citation.version.is_empty() {
        out.push_str(&format!("Lydelse:     {}\n", r.citation.version));
    }
    out.push_str(&format!(
        "Verifierad:  {}\n\n",
        if r.citation.verified {
            "ja"
        } else {
            "nej — regeln ger högst varningar"
        }
    ));
    out.push_str(r.explanation);
    out.push_str("\n\nLagtext (återgiven i sammandrag, inte författningstext):\n\n");
    out.push_str(r.statute);
    out.push('\n');
    out
}

fn rule_json(r: &Rule) -> serde_json::Value {
    json!({
        "id": r.id,
        "severity": r.effective_severity(),
        "citation": r.citation,
        "summary": r.summary,
        "explanation": r.explanation,
        "statute": r.statute,
        "applies_to": r.applies_to,
    })
}

fn json_text(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}
