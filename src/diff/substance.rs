//! Changes in substance: two descriptions of a förbund compared value by
//! value, as Swedish lines a lawyer can put in a decision ("5 §: ledamöter
//! per medlem 1 → 2", "2 §: säte Haninge → Huddinge"). Each line names the
//! § of the new förbundsordning whose heading holds the subject, or the
//! subject itself when there is no förbundsordning or no such §.

use serde_json::{Map, Value};

use crate::document::Document;
use crate::spec::Forbund;
use crate::swedish::group_thousands;

/// Top-level keys, and words a § heading holding them contains.
const TOPICS: &[(&str, &[&str])] = &[
    ("namn", &["namn"]),
    ("kortnamn", &["namn"]),
    ("säte", &["säte"]),
    ("område", &["ändamål"]),
    ("ändamål", &["ändamål"]),
    ("bildas", &["bildande"]),
    ("verksamhetsstart", &["bildande"]),
    ("medlemmar", &["medlemmar"]),
    ("styrelse", &["styrelse"]),
    ("mandattid", &["styrelse", "mandattid"]),
    ("revisorer", &["revisor", "revision"]),
    ("uppsägningstid", &["utträde"]),
    ("arkivtillsyn", &["arkiv"]),
    (
        "tillkännagivanden",
        &["kungörelse", "tillkännagivande", "anslag"],
    ),
    ("ekonomi", &["andelar", "budget", "styrning"]),
    ("budgetprocess", &["budget", "styrning"]),
    ("personal", &["personal"]),
    ("initiativrätt", &["initiativ"]),
    ("samråd", &["samråd"]),
    ("ersättning", &["ersättning", "arvode"]),
    ("tvister", &["tvist"]),
];

/// Keys that identify an element of a list, so lists compare by element.
const IDENTITIES: &[&str] = &["namn", "år", "medlem", "regel", "rubrik"];

/// Texts longer than this are reported as changed, not quoted.
const LONG: usize = 80;

/// One changed value: where it lives and how it changed.
#[derive(Clone)]
struct Found {
    topic: String,
    label: String,
    change: String,
}

/// Lists the changes in substance from `old` to `new` (descriptions with
/// the keys of [`Forbund`]). `new_fo`, the proposed förbundsordning, says
/// which § each subject stands in.
pub fn substance(old: &Value, new: &Value, new_fo: Option<&Document>) -> Vec<String> {
    let (old, new) = (canonical(old), canonical(new));
    let mut found = Vec::new();
    for (key, _) in TOPICS {
        let mut path = vec![(*key).to_string()];
        walk(&mut found, key, &mut path, old.get(*key), new.get(*key));
    }
    let found = per_member(found, common_members(&old, &new));
    let mut lines: Vec<(Option<u32>, String)> = found
        .iter()
        .map(|f| {
            let number = section_of(&f.topic, new_fo);
            (number, line(f, number))
        })
        .collect();
    // In § order, those without a § last; stable, so the description's
    // order holds within a §.
    lines.sort_by_key(|(number, _)| number.unwrap_or(u32::MAX));
    lines.into_iter().map(|(_, line)| line).collect()
}

/// The description with every default filled in, when it is valid.
fn canonical(value: &Value) -> Value {
    serde_json::from_value::<Forbund>(value.clone())
        .ok()
        .and_then(|f| serde_json::to_value(f).ok())
        .unwrap_or_else(|| value.clone())
}

fn walk(
    found: &mut Vec<Found>,
    topic: &str,
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
            topic: topic_of(topic, path),
            label: label(path),
            change: change(a, b),
        }),
        _ => {}
    }
}

fn objects(
    found: &mut Vec<Found>,
    topic: &str,
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

fn lists(found: &mut Vec<Found>, topic: &str, path: &mut Vec<String>, a: &[Value], b: &[Value]) {
    let ids_a: Vec<Option<String>> = a.iter().map(identity).collect();
    let ids_b: Vec<Option<String>> = b.iter().map(identity).collect();
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
                topic: topic_of(topic, path),
                label: label(path),
                change: format!("{id} utgår"),
            }),
        }
    }
    for id in ids_b
        .iter()
        .flatten()
        .filter(|id| !ids_a.contains(&Some((*id).clone())))
    {
        found.push(Found {
            topic: topic_of(topic, path),
            label: label(path),
            change: format!("{id} tillkommer"),
        });
    }
}

/// A member's seats on the board belong to the board's §, the yearly
/// budget to a budget §.
fn topic_of(topic: &str, path: &[String]) -> String {
    let seat = matches!(
        path.last().map(String::as_str),
        Some("ledamöter" | "ersättare")
    );
    match topic {
        "medlemmar" if seat => "styrelse".to_string(),
        "ekonomi" if path.get(1).is_some_and(|p| p == "budget") => "budget".to_string(),
        _ => topic.to_string(),
    }
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

fn change(old: Option<&Value>, new: Option<&Value>) -> String {
    let show = |v: Option<&Value>| v.map_or_else(|| "–".to_string(), plain);
    let (a, b) = (show(old), show(new));
    if a.chars().count() > LONG || b.chars().count() > LONG {
        "ändrad".to_string()
    } else {
        format!("{a} → {b}")
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

/// "5 §: ledamöter per medlem 1 → 2", or without a §
/// "styrelse: beslutförhet …" and "säte: Haninge → Huddinge".
fn line(found: &Found, number: Option<u32>) -> String {
    match number {
        Some(n) => format!("{n} §: {} {}", found.label, found.change),
        None if found.label == found.topic => format!("{}: {}", found.topic, found.change),
        None if found.label.starts_with(&found.topic) => {
            format!("{} {}", found.label, found.change)
        }
        None => format!("{}: {} {}", found.topic, found.label, found.change),
    }
}

/// The first § of the new förbundsordning whose heading names the subject.
fn section_of(topic: &str, fo: Option<&Document>) -> Option<u32> {
    let words = match topic {
        // The yearly budget has a § of its own or none; it is not a share.
        "budget" => &["budget"][..],
        _ => TOPICS
            .iter()
            .find(|(key, _)| *key == topic)
            .map_or(&[][..], |(_, words)| *words),
    };
    let doc = fo?;
    words.iter().find_map(|word| {
        doc.sections.iter().find_map(|s| {
            let heading = s.heading.to_lowercase();
            s.number.filter(|_| heading.contains(word))
        })
    })
}
