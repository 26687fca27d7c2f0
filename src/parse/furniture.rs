//! Page furniture in plain and OCR'd text: what a printed page repeats
//! around the text and a reader must not see as content. Diarienummer lines
//! ("LS 0603-0601"), page numbers ("Sida 3 av 7", "3 (7)", "- 3 -", a bare
//! "3"), and any short line that recurs three or more times spread through
//! the document (running headers and footers).

use std::collections::HashMap;

use super::headings;

/// Longest line, in characters, taken for a running header or footer.
const MAX_REPEATED_CHARS: usize = 60;

/// How often a short line must occur to be a running header or footer.
const MIN_REPEATS: usize = 3;

/// Fewest non-empty lines between two occurrences of a running header:
/// closer than that, the repetition is the text's own ("att …" clauses).
const MIN_SPREAD: usize = 5;

/// What was found: which lines are furniture, and the first diarienummer.
#[derive(Debug, Default)]
pub(crate) struct Furniture {
    /// One flag per input line: true where the line is furniture.
    pub lines: Vec<bool>,
    /// The first diarienummer line, e.g. "LS 0603-0601".
    pub case_number: Option<String>,
    /// How many lines were dropped.
    pub dropped: usize,
}

/// Marks the furniture among `lines`.
pub(crate) fn find(lines: &[&str]) -> Furniture {
    find_in(lines, true)
}

/// Marks the furniture among `lines` whose running headers and footers
/// are already gone (a PDF's, told by where they stand on the page): only
/// diarienummer lines and page numbers. A short line that recurs there is
/// the text's own ("Uppdrag:" under each organ of an organisation).
pub(crate) fn find_without_running_lines(lines: &[&str]) -> Furniture {
    find_in(lines, false)
}

fn find_in(lines: &[&str], running_lines: bool) -> Furniture {
    let keys: Vec<String> = lines.iter().map(|l| key(l)).collect();
    let repeated = if running_lines {
        repeated_lines(&keys)
    } else {
        HashMap::new()
    };
    let mut furniture = Furniture {
        lines: Vec::with_capacity(lines.len()),
        ..Furniture::default()
    };
    for line_key in &keys {
        let is_case = is_case_number(line_key);
        if is_case && furniture.case_number.is_none() {
            furniture.case_number = Some(line_key.clone());
        }
        let drop = !line_key.is_empty()
            && (is_case || is_page_number(line_key) || repeated.contains_key(line_key.as_str()));
        furniture.dropped += usize::from(drop);
        furniture.lines.push(drop);
    }
    furniture
}

/// The line with its whitespace collapsed, as compared.
fn key(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Short lines that occur at least [`MIN_REPEATS`] times, never closer
/// than [`MIN_SPREAD`] non-empty lines apart.
fn repeated_lines(keys: &[String]) -> HashMap<&str, ()> {
    let mut seen: HashMap<&str, (usize, usize, bool)> = HashMap::new();
    let mut index = 0usize;
    for line in keys.iter().filter(|k| !k.is_empty()) {
        index += 1;
        if line.chars().count() > MAX_REPEATED_CHARS || !may_repeat(line) {
            continue;
        }
        let entry = seen.entry(line.as_str()).or_insert((0, 0, true));
        if entry.0 > 0 && index - entry.1 < MIN_SPREAD {
            entry.2 = false;
        }
        entry.0 += 1;
        entry.1 = index;
    }
    seen.into_iter()
        .filter(|(_, (count, _, spread))| *count >= MIN_REPEATS && *spread)
        .map(|(line, _)| (line, ()))
        .collect()
}

/// Lines that are content even when repeated: § headings, list items, and
/// the ends of hard-wrapped sentences ("medlemmarna.").
fn may_repeat(line: &str) -> bool {
    headings::line_mark(line, false).is_none()
        && super::text::list_marker(line).is_none()
        && !line.starts_with('#')
        && !is_sentence_end(line)
}

/// A line that finishes a sentence begun on the line before, as in
/// hard-wrapped text: it starts in lower case and ends with punctuation
/// ("medlemmarna.", "och regionen,"). Running headers and footers start
/// with a capital or a digit, or are one dotted word ("www.finsam.se").
fn is_sentence_end(line: &str) -> bool {
    let starts_lower = line.chars().next().is_some_and(char::is_lowercase);
    let ends_punctuated = line.ends_with(['.', ',', ';', ':', '!', '?']);
    let one_word = !line.contains(' ');
    starts_lower && ends_punctuated && !(one_word && line.matches('.').count() > 1)
}

/// "LS 0603-0601", "HSN 1506-0772", "AMN 2015-0224-01.05": letters, a
/// space, and digit groups joined by "-" or ".".
fn is_case_number(line: &str) -> bool {
    let Some((prefix, number)) = line.split_once(' ') else {
        return false;
    };
    let prefix_ok = (1..=6).contains(&prefix.chars().count())
        && prefix
            .chars()
            .all(|c| c.is_uppercase() && c.is_alphabetic());
    let groups: Vec<&str> = number.split(['-', '.']).collect();
    prefix_ok
        && number.contains('-')
        && groups.len() >= 2
        && groups
            .iter()
            .all(|g| (2..=4).contains(&g.len()) && g.chars().all(|c| c.is_ascii_digit()))
}

/// "Sida 3 av 7", "Sida 3", "sid. 3", "3 (7)", "3(7)", "- 3 -", "3".
fn is_page_number(line: &str) -> bool {
    let lower = line.to_lowercase();
    let rest = lower
        .strip_prefix("sida")
        .or_else(|| lower.strip_prefix("sid."))
        .or_else(|| lower.strip_prefix("sid"))
        .map(str::trim);
    if let Some(rest) = rest {
        let mut words = rest.split_whitespace();
        return match (words.next(), words.next(), words.next(), words.next()) {
            (Some(n), None, None, None) => is_number(n),
            (Some(n), Some("av" | "(av" | "/"), Some(m), None) => is_number(n) && is_number(m),
            (Some(n), Some(m), None, None) => is_number(n) && is_bracketed_number(m),
            _ => false,
        };
    }
    let stripped = line.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    if is_number(stripped) {
        return true;
    }
    match stripped.split_once('(') {
        Some((n, m)) => is_number(n.trim()) && is_bracketed_number(&format!("({m}")),
        None => false,
    }
}

fn is_number(text: &str) -> bool {
    (1..=3).contains(&text.len()) && text.chars().all(|c| c.is_ascii_digit())
}

fn is_bracketed_number(text: &str) -> bool {
    text.strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .is_some_and(is_number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_and_case_numbers() {
        for line in [
            "Sida 3 av 7",
            "sida 3",
            "Sid. 12",
            "3 (7)",
            "3(7)",
            "- 3 -",
            "17",
            "Sida 2 (9)",
        ] {
            assert!(is_page_number(line), "{line}");
        }
        for line in ["1 §", "2016", "3/4", "Sidan handlar om", "1.", "(3)"] {
            assert!(!is_page_number(line), "{line}");
        }
        assert!(is_case_number("LS 0603-0601"));
        assert!(is_case_number("HSN 1506-0772"));
        assert!(is_case_number("AMN 2015-0224-01.05"));
        assert!(!is_case_number("SFS 2003:1210"));
        assert!(!is_case_number("Lag 2003-1210 gäller"));
    }

    #[test]
    fn running_headers_go_but_repeated_clauses_stay() {
        let mut owned = Vec::new();
        for page in 1..=3 {
            owned.push("Samordningsförbundet Haninge".to_string());
            for line in 1..=4 {
                owned.push(format!("Text {line} på sidan {page}."));
            }
        }
        for clause in ["a", "b", "c"] {
            owned.push("Nämnden beslutar".to_string());
            owned.push(format!("att {clause}"));
        }
        let lines: Vec<&str> = owned.iter().map(String::as_str).collect();
        let found = find(&lines);
        let dropped: Vec<&str> = lines
            .iter()
            .zip(&found.lines)
            .filter(|(_, d)| **d)
            .map(|(l, _)| *l)
            .collect();
        assert_eq!(dropped, vec!["Samordningsförbundet Haninge"; 3]);
    }

    #[test]
    fn wrapped_sentence_ends_stay() {
        let mut owned = Vec::new();
        for n in 1..=3 {
            for line in 1..=5 {
                owned.push(format!("Text {line} i stycke {n} som fortsätter hos"));
            }
            owned.push("medlemmarna.".to_string());
        }
        let lines: Vec<&str> = owned.iter().map(String::as_str).collect();
        assert_eq!(find(&lines).dropped, 0);
        assert!(!is_sentence_end("www.finsam.se"));
        assert!(is_sentence_end("medlemmarna."));
        assert!(!is_sentence_end("Bilaga 2"));
    }
}
