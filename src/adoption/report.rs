//! The report on the members' decisions, as data (its serde form is the
//! JSON output, with Swedish keys like the record) and as Swedish Markdown.

use serde::Serialize;

use super::Assessment;
use super::compare::{Difference, Part};
use crate::document::plain_text;
use crate::swedish::{date_iso, join_and};

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Adoption {
    /// The förbund.
    #[serde(rename = "förbund")]
    pub forbund: String,
    /// Whether the förbund can be formed on these decisions.
    #[serde(rename = "kan_bildas")]
    pub can_form: bool,
    /// Why not, in Swedish; empty when it can.
    #[serde(rename = "hinder")]
    pub obstacles: Vec<String>,
    /// Each member's decision.
    #[serde(rename = "medlemmar")]
    pub members: Vec<MemberReport>,
    /// Every § where the adopted texts diverge.
    #[serde(rename = "skillnader")]
    pub sections: Vec<SectionReport>,
    /// The members' conditions.
    #[serde(rename = "villkor")]
    pub conditions: Vec<ConditionReport>,
    /// The fingerprint of the reconciled text.
    #[serde(rename = "samstämmig_text_fingeravtryck")]
    pub reconciled_fingerprint: String,
}

/// One member's decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemberReport {
    /// The member.
    #[serde(rename = "medlem")]
    pub member: String,
    /// The deciding body.
    #[serde(rename = "organ")]
    pub body: String,
    /// The date, ISO.
    #[serde(rename = "datum", skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The protocol paragraph.
    #[serde(rename = "protokollsparagraf", skip_serializing_if = "Option::is_none")]
    pub minutes_paragraph: Option<String>,
    /// The diarienummer.
    #[serde(rename = "diarienummer", skip_serializing_if = "Option::is_none")]
    pub case_number: Option<String>,
    /// The outcome, in Swedish.
    #[serde(rename = "utfall")]
    pub outcome: String,
    /// SHA-256 of the normalised adopted text.
    #[serde(rename = "fingeravtryck", skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// The §§ the member must change to adopt the reconciled text ("Inledning" for the preamble).
    #[serde(rename = "ska_ändra")]
    pub must_change: Vec<String>,
    /// A remark from the record.
    #[serde(rename = "anmärkning", skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
}

/// One diverging §.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionReport {
    /// The § number; absent for the preamble.
    #[serde(rename = "paragraf", skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// "5 § Styrelsen".
    #[serde(rename = "rubrik")]
    pub heading: String,
    /// The wordings.
    #[serde(rename = "lydelser")]
    pub wordings: Vec<WordingReport>,
    /// The wording proposed for the reconciled text.
    #[serde(rename = "föreslagen_lydelse")]
    pub chosen: String,
    /// Why.
    #[serde(rename = "skäl")]
    pub reason: String,
}

/// One wording of a diverging §.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WordingReport {
    /// "A", "B", ….
    #[serde(rename = "lydelse")]
    pub label: String,
    /// The members that adopted it.
    #[serde(rename = "medlemmar")]
    pub members: Vec<String>,
    /// Whether it is the proposal's wording.
    #[serde(rename = "förslagets")]
    pub proposal: bool,
    /// The text, one paragraph per element; empty when the § is missing.
    #[serde(rename = "text")]
    pub text: Vec<String>,
    /// How it differs from wording A.
    #[serde(rename = "skillnader_mot_a")]
    pub differences: Vec<Difference>,
}

/// One condition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConditionReport {
    /// Who set it.
    #[serde(rename = "medlem")]
    pub member: String,
    /// Its text.
    #[serde(rename = "villkor")]
    pub condition: String,
    /// The §§ it requires a wording of.
    #[serde(rename = "paragrafer")]
    pub sections: Vec<u32>,
    /// Whether it is met.
    #[serde(rename = "uppfyllt")]
    pub met: bool,
    /// Members whose adopted text does not meet it.
    #[serde(rename = "ej_uppfyllt_av")]
    pub unmet_by: Vec<String>,
}

fn part_paragraphs(part: &Part) -> Vec<String> {
    let blocks = match part {
        Part::Section(s) => &s.blocks,
        Part::Preamble(blocks) => blocks,
        Part::Missing => return Vec::new(),
    };
    blocks
        .iter()
        .flat_map(|b| match b {
            crate::document::Block::Paragraph { text } => vec![plain_text(text)],
            crate::document::Block::List { items, .. } => items
                .iter()
                .map(|i| format!("– {}", plain_text(i)))
                .collect(),
            crate::document::Block::Table { rows, .. } => rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|c| plain_text(c))
                        .collect::<Vec<_>>()
                        .join(" | ")
                })
                .collect(),
            other => other.lines(),
        })
        .collect()
}

fn part_name(number: Option<u32>) -> String {
    number.map_or_else(|| "Inledning".to_string(), |n| format!("{n} §"))
}

impl Adoption {
    /// The report of an assessment.
    pub fn new(a: &Assessment) -> Self {
        let name = |i: usize| {
            a.decisions
                .decisions
                .get(i)
                .map_or_else(String::new, |d| d.member.clone())
        };
        let members: Vec<MemberReport> = a
            .decisions
            .decisions
            .iter()
            .enumerate()
            .map(|(i, d)| MemberReport {
                member: d.member.clone(),
                body: d.body.clone(),
                date: d.date.map(date_iso),
                minutes_paragraph: d.minutes_paragraph.clone(),
                case_number: d.case_number.clone(),
                outcome: d.outcome.swedish().to_string(),
                fingerprint: a.fingerprint(i),
                must_change: a.must_change(i).into_iter().map(part_name).collect(),
                remark: d.remark.clone(),
            })
            .collect();
        let sections = a
            .parts
            .iter()
            .filter(|p| p.diverges())
            .map(|p| {
                let choice = a.choices.iter().find(|c| c.number == p.number);
                SectionReport {
                    number: p.number,
                    heading: p.display(),
                    wordings: p
                        .wordings
                        .iter()
                        .map(|w| WordingReport {
                            label: w.label.clone(),
                            members: w.members.iter().map(|&i| name(i)).collect(),
                            proposal: w.proposal,
                            text: part_paragraphs(&w.part),
                            differences: w.differences.clone(),
                        })
                        .collect(),
                    chosen: choice.map(|c| c.label.clone()).unwrap_or_default(),
                    reason: choice.map(|c| c.reason.clone()).unwrap_or_default(),
                }
            })
            .collect::<Vec<_>>();
        let conditions: Vec<ConditionReport> = a
            .conditions
            .iter()
            .map(|c| ConditionReport {
                member: name(c.member),
                condition: c.condition.clone(),
                sections: c.sections.clone(),
                met: c.met,
                unmet_by: c.unmet_by.iter().map(|&i| name(i)).collect(),
            })
            .collect();
        let mut obstacles = Vec::new();
        for d in &a.decisions.decisions {
            match &d.outcome {
                super::Outcome::Rejected { .. } => {
                    obstacles.push(format!("{} har avslagit förbundsordningen", d.member));
                }
                super::Outcome::Pending {} => {
                    obstacles.push(format!("{} har ännu inte beslutat", d.member));
                }
                _ => {}
            }
        }
        if !sections.is_empty() {
            let names: Vec<String> = sections.iter().map(|s| part_name(s.number)).collect();
            obstacles.push(format!(
                "de antagna texterna skiljer sig i {}",
                join_and(&names)
            ));
        }
        for c in conditions.iter().filter(|c| !c.met) {
            obstacles.push(format!(
                "villkoret i beslutet av {} är inte uppfyllt",
                c.member
            ));
        }
        Adoption {
            forbund: a.decisions.forbund.clone(),
            can_form: a.can_form(),
            obstacles,
            members,
            sections,
            conditions,
            reconciled_fingerprint: crate::diff::canonical::fingerprint(&a.reconciled),
        }
    }

    /// The report as pretty JSON with a final newline.
    pub fn json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The report as Swedish Markdown.
    pub fn markdown(&self) -> String {
        let mut out = format!(
            "# Medlemmarnas beslut om förbundsordningen för {}\n\n",
            self.forbund
        );
        if self.can_form {
            out.push_str("**Förbundet kan bildas:** samtliga medlemmar har antagit samma förbundsordning, utan villkor som inte är uppfyllda.\n\n");
        } else {
            out.push_str("**Förbundet kan ännu inte bildas:**\n\n");
            for o in &self.obstacles {
                out.push_str(&format!("- {o}\n"));
            }
            out.push('\n');
        }
        self.members_table(&mut out);
        if !self.sections.is_empty() {
            self.divergences(&mut out);
        }
        if !self.conditions.is_empty() {
            out.push_str("## Villkor\n\n");
            for c in &self.conditions {
                let status = if c.met {
                    "uppfyllt".to_string()
                } else if c.unmet_by.is_empty() {
                    "inte uppfyllt (kan inte prövas mot texterna; ange «uppfyllt» i beslutsfilen när det är uppfyllt)".to_string()
                } else {
                    format!(
                        "inte uppfyllt; texten som {} antog saknar den lydelse villkoret kräver",
                        join_and(&c.unmet_by)
                    )
                };
                out.push_str(&format!("- {}: «{}» — {status}\n", c.member, c.condition));
            }
            out.push('\n');
        }
        self.proposal(&mut out);
        out
    }

    fn members_table(&self, out: &mut String) {
        out.push_str("## Besluten\n\n| Medlem | Organ | Datum | Protokoll | Dnr | Utfall | Fingeravtryck |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        for m in &self.members {
            let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "–".into());
            let print = m
                .fingerprint
                .as_deref()
                .map_or("–".to_string(), |f| f[..12].to_string());
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} |\n",
                m.member,
                m.body,
                dash(&m.date),
                dash(&m.minutes_paragraph),
                dash(&m.case_number),
                m.outcome,
                print
            ));
        }
        out.push('\n');
        for m in self.members.iter().filter(|m| m.remark.is_some()) {
            out.push_str(&format!(
                "Anmärkning, {}: {}\n\n",
                m.member,
                m.remark.as_deref().unwrap_or_default()
            ));
        }
    }

    fn divergences(&self, out: &mut String) {
        out.push_str("## Paragrafer där de antagna texterna skiljer sig\n\n| Paragraf | Lydelse | Antagen av |\n| --- | --- | --- |\n");
        for s in &self.sections {
            for w in &s.wordings {
                let mark = if w.proposal { " (förslaget)" } else { "" };
                out.push_str(&format!(
                    "| {} | {}{mark} | {} |\n",
                    s.heading,
                    w.label,
                    join_and(&w.members)
                ));
            }
        }
        out.push('\n');
        for s in &self.sections {
            out.push_str(&format!("### {}\n\n", s.heading));
            for w in &s.wordings {
                let mark = if w.proposal {
                    ", förslagets lydelse"
                } else {
                    ""
                };
                out.push_str(&format!(
                    "Lydelse {} ({}{mark}):\n\n",
                    w.label,
                    join_and(&w.members)
                ));
                if w.text.is_empty() {
                    out.push_str("> (paragrafen saknas)\n\n");
                }
                for p in &w.text {
                    out.push_str(&format!("> {p}\n>\n"));
                }
                if !w.text.is_empty() {
                    out.pop();
                    out.pop();
                    out.push('\n');
                }
                if !w.differences.is_empty() {
                    out.push_str("Skillnader mot lydelse A:\n\n");
                    for d in &w.differences {
                        let line = match (d.removed.is_empty(), d.added.is_empty()) {
                            (false, false) => format!("«{}» → «{}»", d.removed, d.added),
                            (true, false) => format!("tillagt «{}»", d.added),
                            (false, true) => format!("struket «{}»", d.removed),
                            (true, true) => continue,
                        };
                        out.push_str(&format!("- {line}\n"));
                    }
                    out.push('\n');
                }
            }
            out.push_str(&format!(
                "Föreslagen lydelse i en samstämmig text: **{}** ({}).\n\n",
                s.chosen, s.reason
            ));
        }
    }

    fn proposal(&self, out: &mut String) {
        let changing: Vec<&MemberReport> = self
            .members
            .iter()
            .filter(|m| !m.must_change.is_empty())
            .collect();
        out.push_str("## Förslag till samstämmig förbundsordning\n\n");
        if self.sections.is_empty() {
            out.push_str("Alla medlemmar som har beslutat har antagit samma text; ingen behöver ändra sitt beslut.\n");
            return;
        }
        out.push_str(&format!(
            "Den samstämmiga texten har lydelserna ovan (fingeravtryck {}). Följande medlemmar behöver fatta nya beslut om ändring av förbundsordningen för att den ska överensstämma med övriga medlemmars beslut:\n\n",
            &self.reconciled_fingerprint[..12]
        ));
        for m in changing {
            out.push_str(&format!("- {}: {}\n", m.member, join_and(&m.must_change)));
        }
    }
}
