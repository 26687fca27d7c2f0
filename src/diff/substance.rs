//! Changes in substance: what two förbund state, compared value by value,
//! as typed [`SubstanceChange`]s a lawyer can put in a decision once
//! displayed ("5 §: ledamöter per medlem 1 → 2", "2 §: säte Haninge →
//! Huddinge"). Each change names the § of the new förbundsordning whose
//! heading holds the subject, when there is one.
//!
//! A side is a full description or what a document states
//! ([`PartialDescription`]); nothing is said that a side does not state: a
//! kommun joining changes every kommun's share, which is computed where the
//! description gives the split and otherwise named without figures; a
//! region under a new name is a rename, not one member leaving and another
//! joining; a paragraph split by a page break is not a change.

use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::document::Document;
use crate::read::PartialDescription;
use crate::spec::{Forbund, MemberKind};
use crate::swedish::group_thousands;

/// What one side of a comparison states in substance.
#[derive(Debug, Clone, Copy)]
pub enum Stated<'a> {
    /// A full description.
    Description(&'a Forbund),
    /// What a document states.
    Document(&'a PartialDescription),
}

impl Stated<'_> {
    fn value(self) -> Value {
        let value = match self {
            Stated::Description(f) => serde_json::to_value(f),
            Stated::Document(d) => serde_json::to_value(d),
        };
        value.map(comparable).unwrap_or(Value::Null)
    }

    /// Each kommun's share of the whole, in hundredths of a percent, when
    /// the side states the split.
    fn kommun_shares(self) -> Option<Vec<(String, u64)>> {
        let Stated::Description(forbund) = self else {
            return None;
        };
        Some(
            forbund
                .members
                .iter()
                .enumerate()
                .filter(|(_, m)| m.kind == MemberKind::Kommun)
                .map(|(i, m)| (m.namn.clone(), forbund.member_amount(i, 10_000)))
                .collect(),
        )
    }
}

/// What a change is about: the description's subjects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Subject {
    /// Förbundets namn (and short name).
    #[serde(rename = "namn")]
    Name,
    /// Säte.
    #[serde(rename = "säte")]
    Seat,
    /// Område and ändamål.
    #[serde(rename = "ändamål")]
    Purpose,
    /// The förbund's formation and start.
    #[serde(rename = "bildande")]
    Formation,
    /// Members.
    #[serde(rename = "medlemmar")]
    Members,
    /// The board, members' seats included.
    #[serde(rename = "styrelse")]
    Board,
    /// The board's terms of office.
    #[serde(rename = "mandattid")]
    Terms,
    /// Revisors.
    #[serde(rename = "revisorer")]
    Auditors,
    /// Notice period.
    #[serde(rename = "uppsägningstid")]
    Notice,
    /// Archive supervision.
    #[serde(rename = "arkivtillsyn")]
    Archive,
    /// Where notices are posted.
    #[serde(rename = "tillkännagivanden")]
    Notices,
    /// Shares in costs, assets and debts.
    #[serde(rename = "andelar")]
    Shares,
    /// The yearly budget.
    #[serde(rename = "budget")]
    Budget,
    /// The budget process.
    #[serde(rename = "budgetprocess")]
    BudgetProcess,
    /// Staff.
    #[serde(rename = "personal")]
    Staff,
    /// Initiativrätt.
    #[serde(rename = "initiativrätt")]
    Initiative,
    /// Samråd.
    #[serde(rename = "samråd")]
    Consultation,
    /// Remuneration.
    #[serde(rename = "ersättning")]
    Remuneration,
    /// Disputes.
    #[serde(rename = "tvister")]
    Disputes,
}

impl Subject {
    /// The Swedish word used when no § holds it.
    pub fn swedish(self) -> &'static str {
        match self {
            Subject::Name => "namn",
            Subject::Seat => "säte",
            Subject::Purpose => "ändamål",
            Subject::Formation => "bildande",
            Subject::Members => "medlemmar",
            Subject::Board => "styrelse",
            Subject::Terms => "mandattid",
            Subject::Auditors => "revisorer",
            Subject::Notice => "uppsägningstid",
            Subject::Archive => "arkivtillsyn",
            Subject::Notices => "tillkännagivanden",
            Subject::Shares => "ekonomi",
            Subject::Budget => "budget",
            Subject::BudgetProcess => "budgetprocess",
            Subject::Staff => "personal",
            Subject::Initiative => "initiativrätt",
            Subject::Consultation => "samråd",
            Subject::Remuneration => "ersättning",
            Subject::Disputes => "tvister",
        }
    }

    /// Whether the change touches the members' money (shares, budget).
    pub fn is_economic(self) -> bool {
        matches!(
            self,
            Subject::Shares | Subject::Budget | Subject::BudgetProcess
        )
    }

    /// Words a § heading holding the subject contains.
    fn heading_words(self) -> &'static [&'static str] {
        match self {
            Subject::Name => &["namn"],
            Subject::Seat => &["säte"],
            Subject::Purpose => &["ändamål"],
            Subject::Formation => &["bildande"],
            Subject::Members => &["medlemmar"],
            Subject::Board => &["styrelse"],
            Subject::Terms => &["styrelse", "mandattid"],
            Subject::Auditors => &["revisor", "revision"],
            Subject::Notice => &["utträde"],
            Subject::Archive => &["arkiv"],
            Subject::Notices => &["kungörelse", "tillkännagivande", "anslag"],
            Subject::Shares => &["andelar", "budget", "styrning"],
            Subject::Budget => &["budget"],
            Subject::BudgetProcess => &["budget", "styrning"],
            Subject::Staff => &["personal"],
            Subject::Initiative => &["initiativ"],
            Subject::Consultation => &["samråd"],
            Subject::Remuneration => &["ersättning", "arvode"],
            Subject::Disputes => &["tvist"],
        }
    }
}

/// Top-level keys of a description and their subject, in the order
/// changes are listed.
const TOPICS: &[(&str, Subject)] = &[
    ("namn", Subject::Name),
    ("kortnamn", Subject::Name),
    ("säte", Subject::Seat),
    ("område", Subject::Purpose),
    ("ändamål", Subject::Purpose),
    ("bildas", Subject::Formation),
    ("verksamhetsstart", Subject::Formation),
    ("medlemmar", Subject::Members),
    ("styrelse", Subject::Board),
    ("mandattid", Subject::Terms),
    ("revisorer", Subject::Auditors),
    ("uppsägningstid", Subject::Notice),
    ("arkivtillsyn", Subject::Archive),
    ("tillkännagivanden", Subject::Notices),
    ("ekonomi", Subject::Shares),
    ("budgetprocess", Subject::BudgetProcess),
    ("personal", Subject::Staff),
    ("initiativrätt", Subject::Initiative),
    ("samråd", Subject::Consultation),
    ("ersättning", Subject::Remuneration),
    ("tvister", Subject::Disputes),
];

/// How a value changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "typ", rename_all = "snake_case")]
pub enum ChangeKind {
    /// A value changed from one to another.
    #[serde(rename = "ändrad")]
    Value {
        /// As before ("–" when not stated).
        #[serde(rename = "från")]
        old: String,
        /// As proposed.
        #[serde(rename = "till")]
        new: String,
    },
    /// A long text was rewritten.
    #[serde(rename = "omskriven")]
    Rewritten,
    /// An element was added (a member, a budget year).
    #[serde(rename = "tillkommer")]
    Added {
        /// Its name.
        #[serde(rename = "namn")]
        item: String,
    },
    /// An element was removed.
    #[serde(rename = "utgår")]
    Removed {
        /// Its name.
        #[serde(rename = "namn")]
        item: String,
    },
    /// A member under a new name (a landsting that became a region).
    #[serde(rename = "nytt_namn")]
    Renamed {
        /// The old name.
        #[serde(rename = "från")]
        old: String,
        /// The new name.
        #[serde(rename = "till")]
        new: String,
    },
    /// The kommuner's quarter is shared among other kommuner, with figures
    /// the text does not state.
    #[serde(rename = "ny_fördelning")]
    Resplit {
        /// The kommuner after the change.
        #[serde(rename = "kommuner")]
        kommuner: Vec<String>,
    },
}

/// One change in substance. As JSON it also carries the line a reader
/// sees (`text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubstanceChange {
    /// What it is about.
    pub subject: Subject,
    /// The § of the new förbundsordning that holds it, when known.
    pub section: Option<u32>,
    /// What changed, in Swedish: "ledamöter för Haninge kommun", "säte".
    pub what: String,
    /// How.
    pub kind: ChangeKind,
}

impl Serialize for SubstanceChange {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shown<'a> {
            text: String,
            #[serde(rename = "ämne")]
            subject: Subject,
            #[serde(rename = "paragraf", skip_serializing_if = "Option::is_none")]
            section: Option<u32>,
            #[serde(rename = "vad")]
            what: &'a str,
            #[serde(rename = "ändring")]
            kind: &'a ChangeKind,
        }
        Shown {
            text: self.to_string(),
            subject: self.subject,
            section: self.section,
            what: &self.what,
            kind: &self.kind,
        }
        .serialize(serializer)
    }
}

impl ChangeKind {
    fn words(&self) -> String {
        match self {
            ChangeKind::Value { old, new } => format!("{old} → {new}"),
            ChangeKind::Rewritten => "ändrad".to_string(),
            ChangeKind::Added { item } => format!("{item} tillkommer"),
            ChangeKind::Removed { item } => format!("{item} utgår"),
            ChangeKind::Renamed { old, new } => format!("{old} byter namn till {new}"),
            ChangeKind::Resplit { kommuner } => format!(
                "kommunernas fjärdedel fördelas mellan {} enligt förbundsordningens fördelningsgrund; varje kommuns andel ändras",
                crate::swedish::join_and(kommuner)
            ),
        }
    }
}

impl fmt::Display for SubstanceChange {
    /// "5 §: ledamöter per medlem 1 → 2", or without a §
    /// "styrelse: beslutförhet …" and "säte: Haninge → Huddinge".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let change = self.kind.words();
        let topic = self.subject.swedish();
        match self.section {
            Some(n) if self.what.is_empty() => write!(f, "{n} §: {change}"),
            Some(n) => write!(f, "{n} §: {} {change}", self.what),
            None if self.what.is_empty() || self.what == topic => write!(f, "{topic}: {change}"),
            None if self.what.starts_with(topic) => write!(f, "{} {change}", self.what),
            None => write!(f, "{topic}: {} {change}", self.what),
        }
    }
}

/// Keys that identify an element of a list, so lists compare by element.
const IDENTITIES: &[&str] = &["namn", "år", "medlem", "regel", "rubrik"];

/// Texts longer than this are reported as changed, not quoted.
const LONG: usize = 80;

/// One changed value: where it lives and how it changed.
#[derive(Clone)]
struct Found {
    subject: Subject,
    label: String,
    change: ChangeKind,
}

/// Lists the changes in substance from `old` to `new`. `new_fo`, the
/// proposed förbundsordning, says which § each subject stands in.
pub fn substance(
    old: Stated<'_>,
    new: Stated<'_>,
    new_fo: Option<&Document>,
) -> Vec<SubstanceChange> {
    let (old_value, new_value) = (old.value(), new.value());
    let mut found = Vec::new();
    for (key, subject) in TOPICS {
        let mut path = vec![(*key).to_string()];
        walk(
            &mut found,
            *subject,
            &mut path,
            old_value.get(*key),
            new_value.get(*key),
        );
    }
    let mut found = per_member(found, common_members(&old_value, &new_value));
    found.extend(kommun_shares(old, new, &old_value, &new_value));
    let mut changes: Vec<SubstanceChange> = found
        .into_iter()
        .map(|f| SubstanceChange {
            section: section_of(f.subject, new_fo),
            subject: f.subject,
            what: f.label,
            kind: f.change,
        })
        .collect();
    // In § order, those without a § last; stable, so the description's
    // order holds within a §.
    changes.sort_by_key(|c| c.section.unwrap_or(u32::MAX));
    changes
}

/// The description as compared: the ändamål as one text, so that a
/// paragraph split by a page break is no change. (A description's
/// defaults are in its value already: it was loaded with them.)
fn comparable(mut value: Value) -> Value {
    if let Some(Value::Array(paragraphs)) = value.get("ändamål") {
        let joined: Vec<&str> = paragraphs
            .iter()
            .filter_map(Value::as_str)
            .flat_map(str::split_whitespace)
            .collect();
        let joined = Value::String(joined.join(" "));
        if let Some(object) = value.as_object_mut() {
            object.insert("ändamål".to_string(), joined);
        }
    }
    value
}

/// The description with every default filled in, when it is valid.
fn walk(
    found: &mut Vec<Found>,
    topic: Subject,
    path: &mut Vec<String>,
    old: Option<&Value>,
    new: Option<&Value>,
) {
    let empty = Map::new();
    match (old, new) {
        (Some(Value::Object(a)), Some(Value::Object(b))) => objects(found, topic, path, a, b),
        (None, Some(Value::Object(b))) => objects(found, topic, path, &empty, b),
        (Some(Value::Object(a)), None) => objects(found, topic, path, a, &empty),
        (Some(Value::Array(a)), Some(Value::Array(b))) if keyed(a) && keyed(b) => {
            lists(found, topic, path, a, b);
        }
        (a, b) if a != b => found.push(Found {
            subject: topic_of(topic, path),
            label: label(path),
            change: change(a, b),
        }),
        _ => {}
    }
}

fn objects(
    found: &mut Vec<Found>,
    topic: Subject,
    path: &mut Vec<String>,
    a: &Map<String, Value>,
    b: &Map<String, Value>,
) {
    let keys = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k)));
    for key in keys {
        path.push(key.clone());
        walk(found, topic, path, a.get(key), b.get(key));
        path.pop();
    }
}

fn identity(value: &Value) -> Option<String> {
    let object = value.as_object()?;
    IDENTITIES.iter().find_map(|k| object.get(*k)).map(plain)
}

fn keyed(list: &[Value]) -> bool {
    !list.is_empty() && list.iter().all(|v| identity(v).is_some())
}

fn lists(found: &mut Vec<Found>, topic: Subject, path: &mut Vec<String>, a: &[Value], b: &[Value]) {
    let ids_a: Vec<Option<String>> = a.iter().map(identity).collect();
    let ids_b: Vec<Option<String>> = b.iter().map(identity).collect();
    if let Some((old, new)) = renamed_region(path, a, b, &ids_a, &ids_b) {
        found.push(Found {
            subject: topic,
            label: String::new(),
            change: ChangeKind::Renamed {
                old: old.0.clone(),
                new: new.0.clone(),
            },
        });
        // The rest of the member compared under its new name.
        let mut renamed = old.1.clone();
        if let (Some(object), Some(name)) = (renamed.as_object_mut(), new.1.get("namn")) {
            object.insert("namn".to_string(), name.clone());
        }
        path.push(format!("#{}", new.0));
        walk(found, topic, path, Some(&renamed), Some(new.1));
        path.pop();
        let rest_a: Vec<Value> = a.iter().filter(|v| *v != old.1).cloned().collect();
        let rest_b: Vec<Value> = b.iter().filter(|v| *v != new.1).cloned().collect();
        return lists(found, topic, path, &rest_a, &rest_b);
    }
    for (item, id) in a.iter().zip(&ids_a) {
        let Some(id) = id else { continue };
        match b
            .iter()
            .zip(&ids_b)
            .find(|(_, other)| other.as_ref() == Some(id))
        {
            Some((other, _)) => {
                path.push(format!("#{id}"));
                walk(found, topic, path, Some(item), Some(other));
                path.pop();
            }
            None => found.push(Found {
                subject: topic_of(topic, path),
                label: label(path),
                change: ChangeKind::Removed { item: id.clone() },
            }),
        }
    }
    for id in ids_b
        .iter()
        .flatten()
        .filter(|id| !ids_a.contains(&Some((*id).clone())))
    {
        found.push(Found {
            subject: topic_of(topic, path),
            label: label(path),
            change: ChangeKind::Added { item: id.clone() },
        });
    }
}

/// A member's seats on the board belong to the board's §, the yearly
/// budget to a budget §.
fn topic_of(topic: Subject, path: &[String]) -> Subject {
    let seat = matches!(
        path.last().map(String::as_str),
        Some("ledamöter" | "ersättare")
    );
    match topic {
        Subject::Members if seat => Subject::Board,
        Subject::Shares if path.get(1).is_some_and(|p| p == "budget") => Subject::Budget,
        _ => topic,
    }
}

/// A region that left while another region joined, when the list has
/// exactly one of each: the same member under a new name (Stockholms läns
/// landsting → Region Stockholm), not one leaving and another joining.
#[allow(clippy::type_complexity)] // (name, element) pairs of either side
fn renamed_region<'v>(
    path: &[String],
    a: &'v [Value],
    b: &'v [Value],
    ids_a: &[Option<String>],
    ids_b: &[Option<String>],
) -> Option<((String, &'v Value), (String, &'v Value))> {
    if path.len() != 1 || path[0] != "medlemmar" {
        return None;
    }
    let is_region = |v: &Value| v.get("typ").and_then(Value::as_str) == Some("region");
    let gone: Vec<(String, &Value)> = a
        .iter()
        .zip(ids_a)
        .filter_map(|(v, id)| Some((id.clone()?, v)))
        .filter(|(id, v)| is_region(v) && !ids_b.contains(&Some(id.clone())))
        .collect();
    let came: Vec<(String, &Value)> = b
        .iter()
        .zip(ids_b)
        .filter_map(|(v, id)| Some((id.clone()?, v)))
        .filter(|(id, v)| is_region(v) && !ids_a.contains(&Some(id.clone())))
        .collect();
    match (gone.as_slice(), came.as_slice()) {
        ([old], [new]) => Some((old.clone(), new.clone())),
        _ => None,
    }
}

/// When the kommuner change, each kommun's share of the whole: computed
/// where both sides state the split, else named without figures.
fn kommun_shares(
    old: Stated<'_>,
    new: Stated<'_>,
    old_value: &Value,
    new_value: &Value,
) -> Vec<Found> {
    let kommuner = |v: &Value| -> Vec<String> {
        v.get("medlemmar")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter(|m| m.get("typ").and_then(Value::as_str) == Some("kommun"))
                    .filter_map(identity)
                    .collect()
            })
            .unwrap_or_default()
    };
    let (before, after) = (kommuner(old_value), kommuner(new_value));
    // One kommun for another keeps the whole quarter with one kommun; the
    // member list says all there is.
    if before == after || before.len() <= 1 && after.len() <= 1 {
        return Vec::new();
    }
    let (Some(old_shares), Some(new_shares)) = (old.kommun_shares(), new.kommun_shares()) else {
        return vec![Found {
            subject: Subject::Shares,
            label: "andelar".to_string(),
            change: ChangeKind::Resplit { kommuner: after },
        }];
    };
    let percent = |hundredths: Option<u64>| match hundredths {
        None => "–".to_string(),
        Some(h) if h % 100 == 0 => format!("{} %", h / 100),
        Some(h) => {
            let decimals = format!("{:02}", h % 100);
            format!("{},{} %", h / 100, decimals.trim_end_matches('0'))
        }
    };
    let find = |list: &[(String, u64)], name: &str| {
        list.iter()
            .find(|(n, _)| n == name)
            .map(|(_, share)| *share)
    };
    let mut names: Vec<&String> = before.iter().collect();
    names.extend(after.iter().filter(|n| !before.contains(n)));
    names
        .into_iter()
        .filter_map(|name| {
            let (was, is) = (find(&old_shares, name), find(&new_shares, name));
            (was != is).then(|| Found {
                subject: Subject::Shares,
                label: format!("andel för {name}"),
                change: ChangeKind::Value {
                    old: percent(was),
                    new: percent(is),
                },
            })
        })
        .collect()
}

/// "ledamöter för Haninge kommun", "första till", "budget 2007 belopp".
fn label(path: &[String]) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut owner = None;
    for (k, part) in path.iter().enumerate() {
        match part.strip_prefix('#') {
            Some(id) if k == 1 && path[0] == "medlemmar" => owner = Some(id.to_string()),
            Some(id) => words.push(id.to_string()),
            None if k == 0
                && path.len() > 1
                && matches!(part.as_str(), "medlemmar" | "ekonomi") => {}
            None => words.push(part.replace('_', " ")),
        }
    }
    let mut text = words.join(" ");
    if let Some(owner) = owner {
        text = format!("{text} för {owner}");
    }
    text
}

fn change(old: Option<&Value>, new: Option<&Value>) -> ChangeKind {
    let show = |v: Option<&Value>| v.map_or_else(|| "–".to_string(), plain);
    let (old, new) = (show(old), show(new));
    if old.chars().count() > LONG || new.chars().count() > LONG {
        ChangeKind::Rewritten
    } else {
        ChangeKind::Value { old, new }
    }
}

/// A value as a lawyer reads it: "ja"/"nej", grouped thousands, enum
/// values without underscores, lists joined with commas.
fn plain(value: &Value) -> String {
    match value {
        Value::Null => "–".to_string(),
        Value::Bool(true) => "ja".to_string(),
        Value::Bool(false) => "nej".to_string(),
        // Grouped from five digits, so that years stay "2007".
        Value::Number(n) => match n.as_u64() {
            Some(big) if big >= 10_000 => group_thousands(big),
            _ => n.to_string(),
        },
        Value::String(s) if !s.contains(' ') => s.replace('_', " "),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(plain).collect::<Vec<_>>().join(", "),
        Value::Object(_) => identity(value).unwrap_or_else(|| "…".to_string()),
    }
}

/// When the seats of every one of the `members` changed alike, one line
/// "ledamöter per medlem 1 → 2" instead of one per member.
fn per_member(found: Vec<Found>, members: usize) -> Vec<Found> {
    let seat_of = |f: &Found| {
        ["ledamöter", "ersättare"]
            .into_iter()
            .find(|seat| f.label.starts_with(&format!("{seat} för ")))
    };
    let mut out = Vec::new();
    let mut done: Vec<&str> = Vec::new();
    for f in &found {
        let Some(seat) = seat_of(f) else {
            out.push(f.clone());
            continue;
        };
        if done.contains(&seat) {
            continue;
        }
        let same: Vec<&Found> = found.iter().filter(|g| seat_of(g) == Some(seat)).collect();
        if members > 1 && same.len() == members && same.iter().all(|g| g.change == f.change) {
            done.push(seat);
            out.push(Found {
                label: format!("{seat} per medlem"),
                ..f.clone()
            });
        } else {
            out.push(f.clone());
        }
    }
    out
}

/// How many members both descriptions name.
fn common_members(old: &Value, new: &Value) -> usize {
    let names = |v: &Value| -> Vec<String> {
        v.get("medlemmar")
            .and_then(Value::as_array)
            .map(|list| list.iter().filter_map(identity).collect())
            .unwrap_or_default()
    };
    let old_names = names(old);
    names(new).iter().filter(|n| old_names.contains(n)).count()
}

/// The first § of the new förbundsordning whose heading names the subject.
fn section_of(subject: Subject, fo: Option<&Document>) -> Option<u32> {
    let words = subject.heading_words();
    let doc = fo?;
    words.iter().find_map(|word| {
        doc.sections.iter().find_map(|s| {
            let heading = s.heading.to_lowercase();
            s.number.filter(|_| heading.contains(word))
        })
    })
}
