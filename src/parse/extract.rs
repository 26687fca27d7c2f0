//! A draft description from a parsed förbundsordning: what the text says
//! about name, säte, members (also under old names), board, terms, notice
//! period, archive supervision, notices, qualified majority and budget,
//! as JSON with the Swedish keys of the description. What cannot be found
//! is listed, so the user knows what to fill in; once those gaps are
//! filled the draft loads with [`crate::spec::load`].

mod facts;
mod members;
mod words;

use serde_json::{Map, Value, json};

use self::members::FoundMember;
use crate::document::{Block, Document, Section, plain_text};
use crate::spec::MemberKind;

/// A draft description and an account of how it was made.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    /// The draft: JSON with the description's Swedish keys, holding only
    /// what the text states.
    pub description: Value,
    /// What was found, in Swedish, with where it was found
    /// ("säte: «Haninge» (2 §)").
    pub found: Vec<String>,
    /// Keys the description needs that the text did not give
    /// ("verksamhetsstart", "ekonomi.budget").
    pub missing: Vec<String>,
}

/// Reads a draft description out of a förbundsordning.
pub fn extract(doc: &Document) -> Extracted {
    let mut draft = Draft {
        doc,
        json: Map::new(),
        found: Vec::new(),
        missing: Vec::new(),
    };
    draft.identity();
    let members = draft.members();
    draft.board(&members);
    draft.terms();
    draft.notice_period();
    draft.archive(&members);
    draft.notices(&members);
    draft.budget();
    draft.disputes_and_remuneration(&members);
    draft.missing.push("ekonomi.budget".to_string());
    Extracted {
        description: Value::Object(draft.json),
        found: draft.found,
        missing: draft.missing,
    }
}

struct Draft<'d> {
    doc: &'d Document,
    json: Map<String, Value>,
    found: Vec<String>,
    missing: Vec<String>,
}

impl Draft<'_> {
    /// The text of the first section whose heading has one of the words,
    /// with a label for it ("5 §").
    fn section(&self, words: &[&str]) -> Option<(String, String)> {
        let section = self.doc.sections.iter().find(|s| {
            let heading = s.heading.to_lowercase();
            words.iter().any(|w| heading.contains(w))
        })?;
        Some((section_text(section), label(section)))
    }

    /// The section's text and label, or the whole document's.
    fn section_or_all(&self, words: &[&str]) -> (String, String) {
        self.section(words)
            .unwrap_or_else(|| (self.doc.all_text(), "texten".to_string()))
    }

    fn set(&mut self, path: &[&str], value: Value, shown: &str, place: &str) {
        let mut object = &mut self.json;
        for key in &path[..path.len() - 1] {
            let entry = object
                .entry((*key).to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            let Value::Object(inner) = entry else {
                return;
            };
            object = inner;
        }
        if let Some(last) = path.last() {
            object.insert((*last).to_string(), value);
        }
        self.found
            .push(format!("{}: {shown} ({place})", path.join(".")));
    }

    fn identity(&mut self) {
        let name = self.section(&["namn"]).and_then(|(text, place)| {
            facts::after_phrase(&text, &["namn är "]).map(|n| (n, place))
        });
        let name = name
            .or_else(|| facts::name_from_title(&self.doc.title).map(|n| (n, "titeln".to_string())));
        match name {
            Some((name, place)) => self.set(&["namn"], json!(name), &quote(&name), &place),
            None => self.missing.push("namn".to_string()),
        }
        let (text, place) = self.section_or_all(&["säte"]);
        match facts::after_phrase(&text, &["säte är i ", "säte är ", "säte i "]) {
            Some(seat) => self.set(&["säte"], json!(seat), &quote(&seat), &place),
            None => self.missing.push("säte".to_string()),
        }
        if let Some((text, place)) = self.section(&["ändamål"]) {
            let paragraphs: Vec<String> = text.lines().map(str::to_string).collect();
            let shown = format!("{} stycken", paragraphs.len());
            self.set(&["ändamål"], json!(paragraphs), &shown, &place);
        }
        match facts::start_date(&self.doc.all_text()) {
            Some(date) => self.set(
                &["verksamhetsstart"],
                json!(date),
                &date.to_string(),
                "texten",
            ),
            None => self.missing.push("verksamhetsstart".to_string()),
        }
    }

    fn members(&mut self) -> Vec<FoundMember> {
        let Some((text, place)) = self.section(&["medlemmar"]) else {
            self.missing.push("medlemmar".to_string());
            return Vec::new();
        };
        let found = members::members(&text);
        if found.is_empty() {
            self.missing.push("medlemmar".to_string());
        }
        for member in &found {
            let note = match &member.written {
                Some(written) => format!(" (i texten «{written}»)"),
                None => String::new(),
            };
            self.found.push(format!(
                "medlem: «{}», {}{note} ({place})",
                member.name,
                kind_name(member.kind)
            ));
        }
        found
    }

    fn board(&mut self, found: &[FoundMember]) {
        let (text, place) = self.section_or_all(&["styrelse"]);
        let board = members::board(&text);
        let per_member = board.per_member.or_else(|| {
            let (members, deputies) = board.total?;
            let n = u32::try_from(found.len()).ok().filter(|n| *n > 0)?;
            (members % n == 0 && deputies % n == 0).then_some((members / n, deputies / n))
        });
        let members: Vec<Value> = found
            .iter()
            .map(|m| {
                let mut member = json!({"namn": m.name, "typ": kind_key(m.kind)});
                if let (Some((l, e)), Value::Object(object)) = (per_member, &mut member) {
                    object.insert("ledamöter".into(), json!(l));
                    object.insert("ersättare".into(), json!(e));
                }
                member
            })
            .collect();
        if !members.is_empty() {
            self.json.insert("medlemmar".into(), Value::Array(members));
        }
        match per_member {
            Some((l, e)) => self.found.push(format!(
                "medlemmar[].ledamöter och ersättare: {l} och {e} per medlem ({place})"
            )),
            None if !found.is_empty() => {
                self.missing.push("medlemmar[].ledamöter".to_string());
                self.missing.push("medlemmar[].ersättare".to_string());
            }
            None => {}
        }
        self.board_rules(&text, &place);
    }

    fn board_rules(&mut self, text: &str, place: &str) {
        let all = self.doc.all_text();
        if let Some(quorum) = facts::quorum(&all) {
            self.set(&["styrelse", "beslutförhet"], json!(quorum), quorum, place);
        }
        if all.to_lowercase().contains("utslagsröst") {
            self.set(&["styrelse", "utslagsröst"], json!(true), "ja", place);
        }
        if all.to_lowercase().contains("arbetsutskott") {
            self.set(&["styrelse", "arbetsutskott"], json!(true), "ja", "texten");
        }
        if let Some((fraction, matters)) = facts::qualified_majority(&all) {
            let shown = format!("{fraction} för {}", matters.join(", "));
            let value = json!({"andel": fraction, "ärenden": matters});
            self.set(
                &["styrelse", "kvalificerad_majoritet"],
                value,
                &shown,
                "texten",
            );
        }
        if let Some((from, to)) = facts::first_term(text) {
            let mut term = Map::new();
            if let Some(from) = from {
                term.insert("från".into(), json!(from));
            }
            term.insert("till".into(), json!(to));
            let shown = format!("till {to}");
            self.set(&["mandattid", "första"], Value::Object(term), &shown, place);
        }
        if let Some(start) = facts::later_start(text) {
            self.set(&["mandattid", "därefter_från"], json!(start), start, place);
        }
        if let Some(years) = facts::term_years(text) {
            self.set(
                &["mandattid", "längd_år"],
                json!(years),
                &years.to_string(),
                place,
            );
        }
    }

    fn terms(&mut self) {
        let Some((text, place)) = self.section(&["revisor"]) else {
            return;
        };
        if let Some((from, to)) = facts::first_term(&text) {
            let mut term = Map::new();
            if let Some(from) = from {
                term.insert("från".into(), json!(from));
            }
            term.insert("till".into(), json!(to));
            let shown = format!("till {to}");
            self.set(
                &["revisorer", "första_mandattid"],
                Value::Object(term),
                &shown,
                &place,
            );
        }
        if text.to_lowercase().contains("revisorsersättare") {
            self.set(
                &["revisorer", "revisorsersättare"],
                json!(true),
                "ja",
                &place,
            );
        }
    }

    fn notice_period(&mut self) {
        let (text, place) = self.section_or_all(&["utträde", "uppsägning"]);
        if let Some(years) = facts::notice_years(&text) {
            self.set(
                &["uppsägningstid"],
                json!(years),
                &format!("{years} år"),
                &place,
            );
        }
    }

    fn archive(&mut self, members: &[FoundMember]) {
        let (text, place) = self.section_or_all(&["arkiv"]);
        match facts::archive(&text, members) {
            Some((body, Some(member))) => {
                let shown = format!("{body} i {member}");
                self.set(
                    &["arkivtillsyn"],
                    json!({"organ": body, "medlem": member}),
                    &shown,
                    &place,
                );
            }
            Some((_, None)) => self.missing.push("arkivtillsyn.medlem".to_string()),
            None => self.missing.push("arkivtillsyn".to_string()),
        }
    }

    fn notices(&mut self, members: &[FoundMember]) {
        let (text, place) = self.section_or_all(&["kungörelse", "tillkännagiv", "anslag"]);
        let Some((where_, named)) = facts::notices(&text, members) else {
            self.missing.push("tillkännagivanden".to_string());
            return;
        };
        if where_ != "förbundets_webbplats" && named.is_empty() {
            self.missing.push("tillkännagivanden.medlemmar".to_string());
            return;
        }
        let shown = format!("{where_} {}", named.join(", "));
        let mut value = json!({"plats": where_});
        if let (Value::Object(object), false) = (&mut value, named.is_empty()) {
            object.insert("medlemmar".into(), json!(named));
        }
        self.set(&["tillkännagivanden"], value, shown.trim(), &place);
    }

    fn budget(&mut self) {
        let all = self.doc.all_text();
        if let Some(deadline) = facts::budget_deadline(&all) {
            self.set(
                &["budgetprocess", "fastställs_senast"],
                json!(deadline),
                &deadline,
                "texten",
            );
        }
        if let Some(years) = facts::planning_years(&all) {
            let shown = format!("{years} år");
            self.set(
                &["budgetprocess", "planeringshorisont_år"],
                json!(years),
                &shown,
                "texten",
            );
        }
    }

    fn disputes_and_remuneration(&mut self, members: &[FoundMember]) {
        if let Some((text, place)) = self.section(&["tvist"]) {
            let lower = text.to_lowercase();
            let forum = if lower.contains("skilje") {
                "skiljeförfarande"
            } else {
                "allmän_domstol"
            };
            let negotiate = lower.contains("förhandl");
            let value = json!({"förhandling_först": negotiate, "forum": forum});
            self.set(&["tvister"], value, forum, &place);
        }
        if let Some((text, place)) = self.section(&["ersättning", "arvode"])
            && let Some(member) = facts::remuneration_rules(&text, members)
        {
            let value = json!({"enligt_medlems_regler": member});
            self.set(&["ersättning"], value, &quote(&member), &place);
        }
    }
}

/// The text of a section, one block per line.
fn section_text(section: &Section) -> String {
    let mut lines = Vec::new();
    for block in &section.blocks {
        match block {
            Block::Paragraph { text } => lines.push(plain_text(text)),
            Block::List { items, .. } => lines.extend(items.iter().map(|i| plain_text(i))),
            Block::Table { rows, .. } => lines.extend(rows.iter().map(|r| {
                r.iter()
                    .map(|c| plain_text(c))
                    .collect::<Vec<_>>()
                    .join(" ")
            })),
        }
    }
    lines.join("\n")
}

fn label(section: &Section) -> String {
    match section.number {
        Some(n) => format!("{n} §"),
        None => format!("avsnittet «{}»", section.heading),
    }
}

fn quote(text: &str) -> String {
    format!("«{text}»")
}

fn kind_key(kind: MemberKind) -> &'static str {
    match kind {
        MemberKind::Kommun => "kommun",
        MemberKind::Region => "region",
        MemberKind::Forsakringskassan => "försäkringskassan",
        MemberKind::Arbetsformedlingen => "arbetsförmedlingen",
    }
}

fn kind_name(kind: MemberKind) -> &'static str {
    match kind {
        MemberKind::Kommun => "kommun",
        MemberKind::Region => "region (landsting)",
        MemberKind::Forsakringskassan => "Försäkringskassan",
        MemberKind::Arbetsformedlingen => "Arbetsförmedlingen",
    }
}
