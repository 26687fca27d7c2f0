//! The record of the members' decisions on a proposed förbundsordning: per
//! member the deciding body, date, protocol paragraph, diarienummer and
//! outcome. Keys are Swedish; the doc comments become the descriptions of
//! `schemas/beslut.schema.json`.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Medlemmarnas beslut om förslaget till förbundsordning för ett samordningsförbund.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Medlemmarnas beslut")]
pub struct Decisions {
    /// Sökväg eller adress till JSON-schemat, så att redigeraren kan hjälpa till.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,

    /// Förbundets namn, t.ex. "Samordningsförbundet Haninge".
    #[serde(rename = "förbund")]
    #[schemars(length(min = 1, max = 200))]
    pub forbund: String,

    /// Förslaget till förbundsordning som medlemmarna har beslutat om: ett dokument (.md, .txt, .docx, .pdf) eller en beskrivning (.json). Sökvägen räknas från denna fil.
    #[serde(rename = "förslag")]
    #[schemars(length(min = 1, max = 1000))]
    pub proposal: String,

    /// Ett beslut per medlem, i den ordning medlemmarna ska redovisas.
    #[serde(rename = "beslut")]
    #[schemars(length(min = 1, max = 100))]
    pub decisions: Vec<MemberDecision>,
}

/// En medlems beslut.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberDecision {
    /// Medlemmen, t.ex. "Haninge kommun" eller "Försäkringskassan".
    #[serde(rename = "medlem")]
    #[schemars(length(min = 1, max = 200))]
    pub member: String,

    /// Det organ som beslutade (eller ska besluta), t.ex. "Kommunfullmäktige i Haninge" eller "Försäkringskassedelegationen".
    #[serde(rename = "organ")]
    #[schemars(length(min = 1, max = 200))]
    pub body: String,

    /// Dag för beslutet (ÅÅÅÅ-MM-DD). Utelämnas för ett beslut som ännu inte är fattat.
    #[serde(rename = "datum", default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,

    /// Protokollsparagraf, t.ex. "§ 12".
    #[serde(
        rename = "protokollsparagraf",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(min = 1, max = 100))]
    pub minutes_paragraph: Option<String>,

    /// Diarienummer, t.ex. "LS 0603-0601".
    #[serde(
        rename = "diarienummer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(min = 1, max = 100))]
    pub case_number: Option<String>,

    /// Vad medlemmen beslutade.
    #[serde(rename = "utfall")]
    pub outcome: Outcome,

    /// Anmärkning som återges i rapporten men inte ändrar texten, t.ex. ett yttrande i beslutet.
    #[serde(
        rename = "anmärkning",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(min = 1, max = 5000))]
    pub remark: Option<String>,
}

/// Beslutets utfall.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "typ", deny_unknown_fields)]
pub enum Outcome {
    /// Förbundsordningen antogs enligt förslaget.
    #[serde(rename = "antagen")]
    Adopted {},
    /// Förbundsordningen antogs med ändringar.
    #[serde(rename = "antagen_med_ändringar")]
    Amended {
        /// Ändringarna i förslaget, paragraf för paragraf.
        #[serde(rename = "ändringar", default, skip_serializing_if = "Vec::is_empty")]
        changes: Vec<Change>,
        /// I stället för ändringar: den antagna förbundsordningen som fil (.md, .txt, .docx, .pdf), sökväg från denna fil.
        #[serde(
            rename = "antagen_text",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        text: Option<String>,
    },
    /// Förbundsordningen antogs på villkor. Den antagna texten är förslaget med de lydelser villkoret kräver.
    #[serde(rename = "villkorad")]
    Conditional {
        /// Villkoret med beslutets ord.
        #[serde(rename = "villkor")]
        condition: String,
        /// Den lydelse villkoret kräver, paragraf för paragraf. Villkoret är uppfyllt när alla medlemmars antagna texter har den.
        #[serde(rename = "krav", default, skip_serializing_if = "Vec::is_empty")]
        required: Vec<Change>,
        /// För ett villkor utan krav på lydelse: om det är uppfyllt. Utelämnat räknas det som ej uppfyllt.
        #[serde(rename = "uppfyllt", default, skip_serializing_if = "Option::is_none")]
        met: Option<bool>,
    },
    /// Förbundsordningen avslogs.
    #[serde(rename = "avslagen")]
    Rejected {
        /// Skälet, med beslutets ord.
        #[serde(
            rename = "motivering",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        reason: Option<String>,
    },
    /// Medlemmen har ännu inte beslutat.
    #[serde(rename = "ej_beslutad")]
    Pending {},
}

/// En ändring i en paragraf: ny lydelse av hela paragrafen, en text som ersätts med en annan, eller ett stycke som läggs till.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// Paragrafens nummer i förslaget, t.ex. 5 för 5 §.
    #[serde(rename = "paragraf")]
    #[schemars(range(min = 1, max = 999))]
    pub section: u32,
    /// Paragrafens nya lydelse i sin helhet; stycken skiljs med en tom rad.
    #[serde(
        rename = "ny_lydelse",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(min = 1, max = 20000))]
    pub new_wording: Option<String>,
    /// Text i förslagets paragraf som ersätts (ett eller flera hela eller delar av stycken); anges med «med».
    #[serde(rename = "ersätter", default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 20000))]
    pub replaces: Option<String>,
    /// Den text som ersätter «ersätter».
    #[serde(rename = "med", default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 20000))]
    pub with: Option<String>,
    /// Ett stycke som läggs till sist i paragrafen.
    #[serde(rename = "tillägg", default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 20000))]
    pub addition: Option<String>,
}

impl Outcome {
    /// The Swedish name of the outcome, as the report shows it.
    pub fn swedish(&self) -> &'static str {
        match self {
            Outcome::Adopted {} => "antagen enligt förslaget",
            Outcome::Amended { .. } => "antagen med ändringar",
            Outcome::Conditional { .. } => "antagen på villkor",
            Outcome::Rejected { .. } => "avslagen",
            Outcome::Pending {} => "ej beslutad",
        }
    }

    /// Whether the member has adopted a text (with or without changes or conditions).
    pub fn has_adopted(&self) -> bool {
        matches!(
            self,
            Outcome::Adopted {} | Outcome::Amended { .. } | Outcome::Conditional { .. }
        )
    }
}

impl Decisions {
    /// Every file the record points to, as written: the proposal first,
    /// then each member's adopted text.
    pub fn files(&self) -> Vec<&str> {
        let mut files = vec![self.proposal.as_str()];
        for decision in &self.decisions {
            if let Outcome::Amended {
                text: Some(text), ..
            } = &decision.outcome
            {
                files.push(text);
            }
        }
        files
    }
}
