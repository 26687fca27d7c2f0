//! Renderers of a [`Comparison`]: each takes the whole comparison and
//! returns one format as a string. The words they share — the Swedish
//! status line, the paragrafnyckel, the summary — are made here.

mod html;
mod markdown;
mod terminal;

pub use html::html;
pub use markdown::markdown;
pub use terminal::terminal;

use super::model::{Change, ChangeKind, Comparison, SectionDiff, Status, Summary};
use crate::swedish::join_and;

/// The comparison as pretty-printed JSON (the serde form of
/// [`Comparison`]), ending in a newline.
pub fn json(comparison: &Comparison) -> String {
    match serde_json::to_string_pretty(comparison) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // Serialising plain structs to a string cannot fail; report it
        // as data rather than panic should it ever.
        Err(err) => format!("{{\"error\": {:?}}}\n", err.to_string()),
    }
}

/// A number with a decimal comma and two decimals: "0,82".
pub(crate) fn decimal(x: f64) -> String {
    format!("{x:.2}").replace('.', ",")
}

/// "5 §" or "5 och 6 §§".
pub(crate) fn paragraphs_list(numbers: &[u32]) -> String {
    match numbers {
        [] => String::new(),
        [one] => format!("{one} §"),
        many => {
            let items: Vec<String> = many.iter().map(u32::to_string).collect();
            format!("{} §§", join_and(&items))
        }
    }
}

fn number(n: Option<u32>) -> String {
    n.map_or_else(|| "–".to_string(), |n| format!("{n} §"))
}

/// True when the section's wording changed (body or heading).
pub(crate) fn wording_changed(section: &SectionDiff) -> bool {
    !section.heading_changes.is_empty()
        || section.changes.iter().any(|c| c.kind != ChangeKind::Equal)
}

/// The Swedish status of a section: "oförändrad", "ändrad (likhet 0,82)",
/// "omnumrerad 6 § → 7 §", "flyttad från 4 §", "delad: 5 § → 5 och 6 §§"…
pub(crate) fn status_line(s: &SectionDiff) -> String {
    let likhet = format!("(likhet {})", decimal(s.similarity));
    let renumbered = format!(
        "omnumrerad {} → {}",
        number(s.old_number),
        number(s.new_number)
    );
    match s.status {
        Status::Unchanged if s.renumbered => renumbered,
        Status::Unchanged => Status::Unchanged.swedish().to_string(),
        Status::Changed if s.renumbered => format!("ändrad, {renumbered} {likhet}"),
        Status::Changed => format!("ändrad {likhet}"),
        Status::Added | Status::Removed => s.status.swedish().to_string(),
        Status::Moved => {
            let from = match s.old_number {
                Some(n) => format!("flyttad från {n} §"),
                None => "flyttad".to_string(),
            };
            if wording_changed(s) {
                format!("{from}, ändrad {likhet}")
            } else {
                from
            }
        }
        Status::Split => {
            let mut parts: Vec<u32> = s.related.iter().copied().chain(s.new_number).collect();
            parts.sort_unstable();
            let old = number(s.old_number);
            format!("delad: {old} → {} {likhet}", paragraphs_list(&parts))
        }
        Status::Merged => {
            let mut parts: Vec<u32> = s
                .old_number
                .into_iter()
                .chain(s.related.iter().copied())
                .collect();
            parts.sort_unstable();
            let new = number(s.new_number);
            format!("sammanslagen: {} → {new} {likhet}", paragraphs_list(&parts))
        }
    }
}

/// True when a renderer shows only the header line of the section: its
/// wording is the same, and it was neither split nor merged.
pub(crate) fn one_line(s: &SectionDiff) -> bool {
    match s.status {
        Status::Unchanged => true,
        Status::Moved => !wording_changed(s),
        _ => false,
    }
}

/// The paragrafnyckel as (nuvarande, föreslagen) cells in document order,
/// with upphävd and ny sections; empty when no number changed.
pub(crate) fn key_rows(c: &Comparison) -> Vec<(String, String)> {
    if c.renumbering.is_empty() {
        return Vec::new();
    }
    let mut rows = Vec::new();
    for s in &c.sections {
        let olds: Vec<u32> = match s.status {
            Status::Merged => s
                .old_number
                .into_iter()
                .chain(s.related.iter().copied())
                .collect(),
            _ => s.old_number.into_iter().collect(),
        };
        match (olds.is_empty(), s.new_number) {
            (true, None) => {}
            (true, Some(n)) => rows.push(("ny".to_string(), format!("{n} §"))),
            (false, None) => rows.push((paragraphs_list(&olds), "upphävd".to_string())),
            (false, Some(n)) => rows.push((paragraphs_list(&olds), format!("{n} §"))),
        }
    }
    rows
}

/// "Sammanfattning: 16 oförändrade, 2 ändrade, 1 ny. Omnumrerade: 3."
pub(crate) fn summary_line(summary: &Summary) -> String {
    let counts = [
        (summary.unchanged, "oförändrad", "oförändrade"),
        (summary.changed, "ändrad", "ändrade"),
        (summary.added, "ny", "nya"),
        (summary.removed, "upphävd", "upphävda"),
        (summary.moved, "flyttad", "flyttade"),
        (summary.split, "delad", "delade"),
        (summary.merged, "sammanslagen", "sammanslagna"),
    ];
    let parts: Vec<String> = counts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect();
    let mut line = if parts.is_empty() {
        "Sammanfattning: inga paragrafer.".to_string()
    } else {
        format!("Sammanfattning: {}.", parts.join(", "))
    };
    // Renumbered sections are also counted above as (o)förändrade.
    if summary.renumbered > 0 {
        line.push_str(&format!(" Omnumrerade: {}.", summary.renumbered));
    }
    line
}

/// A run of text of one kind inside a paragraph, with the spaces before it
/// apart so that markers can go around the words only.
pub(crate) struct Segment<'a> {
    /// Equal, inserted or deleted.
    pub kind: ChangeKind,
    /// Whitespace before the words (empty at a paragraph's start).
    pub space: &'a str,
    /// The words.
    pub text: &'a str,
}

/// The changes of the kinds `keep` accepts, cut into paragraphs at "\n".
pub(crate) fn paragraphs<'a>(
    changes: &'a [Change],
    keep: impl Fn(ChangeKind) -> bool,
) -> Vec<Vec<Segment<'a>>> {
    let mut out: Vec<Vec<Segment<'a>>> = vec![Vec::new()];
    for change in changes.iter().filter(|c| keep(c.kind)) {
        for (k, piece) in change.text.split('\n').enumerate() {
            if k > 0 {
                out.push(Vec::new());
            }
            let text = piece.trim_start();
            if text.is_empty() {
                continue;
            }
            let Some(current) = out.last_mut() else {
                continue;
            };
            let space = match current.last() {
                None => "",
                // Runs of two sides meet: a word never touches a word.
                Some(last)
                    if piece.len() == text.len()
                        && !(last.kind == ChangeKind::Delete
                            && change.kind == ChangeKind::Insert)
                        && touching(last.text, text) =>
                {
                    " "
                }
                Some(_) => &piece[..piece.len() - text.len()],
            };
            current.push(Segment {
                kind: change.kind,
                space,
                text,
            });
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

/// True when two words would run together: the tokenizer only glues
/// punctuation to words, so this happens only where the two sides meet.
fn touching(before: &str, after: &str) -> bool {
    let end = before
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    let start = after.chars().next().is_some_and(char::is_alphanumeric);
    end && start
}
