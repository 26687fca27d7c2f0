//! Reading Swedish legal prose: sentences, numbers in words or digits, dates
//! ("den 31 december 2018", "2006-12-31"), and shares ("hälften", "en
//! fjärdedel", "25 %", "¾"). Everything works on plain text and returns byte
//! ranges so that rules can quote what they read.

use crate::parse::raw::{Squeeze, squeeze_into};
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use chrono::NaiveDate;
use regex::Regex;

pub use super::typography::{clean, contains_folded, fold, tolerant};
use crate::spec::types::MONTHS;

/// Compiles a pattern written in this module, tolerant of OCR's spelling
/// without å, ä and ö (see [`tolerant`]). The patterns are constants
/// or escaped words, so a failure is a bug caught by the tests; it yields a
/// never-matching expression instead of a panic. Compiled patterns are
/// kept: rules ask for the same word patterns for every section of every
/// document, and compiling dominated the time of a check.
pub fn pattern(source: &str) -> Regex {
    static CACHE: LazyLock<Mutex<HashMap<String, Regex>>> = LazyLock::new(Default::default);
    let compile = || Regex::new(&tolerant(source)).unwrap_or_else(|_| never());
    let Ok(mut cache) = CACHE.lock() else {
        return compile();
    };
    cache
        .entry(source.to_string())
        .or_insert_with(compile)
        .clone()
}

fn never() -> Regex {
    // `[^\s\S]` matches nothing and always compiles.
    Regex::new(r"[^\s\S]").unwrap_or_else(|_| never())
}

/// The text in lower case with runs of whitespace as one space, without
/// invisible characters (zero-width spaces, soft hyphens).
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalise_into(text, &mut out);
    out
}

/// [`normalise`], appending to `out`.
pub fn normalise_into(text: &str, out: &mut String) {
    const LOWER: Squeeze = Squeeze {
        lower: true,
        keep_no_break: false,
        drop: |c| {
            matches!(
                c,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
            )
        },
    };
    squeeze_into(text, &LOWER, out);
}

pub(crate) use crate::parse::raw::latin1_lower;

/// Splits prose into sentences at ".", "!" or "?" followed by a space and
/// an upper-case letter or the end, and at line breaks. Abbreviations
/// ("kap.", "p.", "m.m.") are followed by lower case or digits, so they do
/// not end a sentence.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut start = 0;
        // Only the bytes of ".", "!" and "?" are looked at; they are ASCII,
        // so they never occur inside a multi-byte character.
        for (at, byte) in line.bytes().enumerate() {
            if !matches!(byte, b'.' | b'!' | b'?') {
                continue;
            }
            let c = char::from(byte);
            let mut following = line[at + 1..].chars();
            let (next, after) = (following.next(), following.next());
            let ends = match (next, after) {
                (None, _) => true,
                (Some(' '), Some(a)) => a.is_uppercase() || a == '-' || a == '–',
                _ => false,
            };
            if ends {
                let end = at + c.len_utf8();
                let sentence = line[start..end].trim();
                if !sentence.is_empty() {
                    out.push(sentence);
                }
                start = end;
            }
        }
        let rest = line[start..].trim();
        if !rest.is_empty() {
            out.push(rest);
        }
    }
    out
}

const NUMBER_WORDS: [&str; 13] = [
    "noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv",
];

/// A count written in words ("fyra", "ett") or digits ("4").
pub fn number(word: &str) -> Option<u32> {
    let word = fold(word.trim());
    if word == "ett" {
        return Some(1);
    }
    if let Some(n) = NUMBER_WORDS.iter().position(|w| fold(w) == word) {
        return u32::try_from(n).ok();
    }
    word.parse().ok()
}

/// The alternation matching a count in words or digits, for patterns.
pub const NUMBER: &str = r"(?:\d+|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv)";

// Word edges next to ASCII letters and digits are written `(?-u:\b)`: the
// regex crate's DFA cannot evaluate a Unicode `\b` on non-ASCII text, so
// every Swedish sentence would go to the much slower backtracker. Where the
// pattern's own character at the edge is an ASCII letter or digit, the
// ASCII edge is the same edge (it differs only when a non-ASCII letter
// touches it, which no Swedish word does at these places). Edges next to
// å, ä or ö stay Unicode `\b`.
static DATE_LONG: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(?-u:\b)(\d{1,2})\s+(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s+(\d{4})(?-u:\b)",
    )
});
static DATE_ISO: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)"));
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(?-u:\b)(\d{1,2})\s+(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)(?-u:\b)",
    )
});

/// The month number (1–12) of a Swedish month name.
pub fn month(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == name)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// Every full date in the text, with its byte range, in order.
pub fn dates(text: &str) -> Vec<(NaiveDate, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for c in DATE_LONG.captures_iter(text) {
        let (Some(all), Some(d), Some(m), Some(y)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        let date = match (d.as_str().parse(), month(m.as_str()), y.as_str().parse()) {
            (Ok(d), Some(m), Ok(y)) => NaiveDate::from_ymd_opt(y, m, d),
            _ => None,
        };
        if let Some(date) = date {
            out.push((date, all.range()));
        }
    }
    for c in DATE_ISO.captures_iter(text) {
        let (Some(all), Some(y), Some(m), Some(d)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        let date = match (y.as_str().parse(), m.as_str().parse(), d.as_str().parse()) {
            (Ok(y), Ok(m), Ok(d)) => NaiveDate::from_ymd_opt(y, m, d),
            _ => None,
        };
        if let Some(date) = date {
            out.push((date, all.range()));
        }
    }
    out.sort_by_key(|(_, r)| r.start);
    out
}

/// The first full date in the text.
pub fn first_date(text: &str) -> Option<NaiveDate> {
    dates(text).into_iter().next().map(|(d, _)| d)
}

/// Every day-and-month ("30 november") in the text, as (month, day).
pub fn day_months(text: &str) -> Vec<(u32, u32)> {
    DAY_MONTH
        .captures_iter(text)
        .filter_map(|c| {
            let day: u32 = c.get(1)?.as_str().parse().ok()?;
            let month = month(c.get(2)?.as_str())?;
            Some((month, day))
        })
        .collect()
}

/// The words of a text, lower case, punctuation dropped except inside
/// words ("närvaro-", "3/4", "2007-01-01").
pub fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '”' | '“')
    })
    .map(|w| w.trim_end_matches('.').to_lowercase())
    .filter(|w| !w.is_empty())
    .collect()
}

/// The first day and month ("30 november") after the word `after`, as
/// (day, month).
pub fn day_month_after(text: &str, after: &str) -> Option<(u32, u32)> {
    let words = tokens(text);
    let start = words.iter().position(|w| w == after)?;
    words[start..].windows(2).find_map(|pair| {
        let day: u32 = pair[0].parse().ok()?;
        let month = month(&pair[1])?;
        (1..=31).contains(&day).then_some((day, month))
    })
}

/// A fraction for a qualified majority: "3/4", "¾", "2/3", "⅔", "tre
/// fjärdedelar", "två tredjedelar".
pub fn fraction(text: &str) -> Option<(u32, u32)> {
    if text.contains('¾') {
        return Some((3, 4));
    }
    if text.contains('⅔') {
        return Some((2, 3));
    }
    let words = tokens(text);
    for (i, word) in words.iter().enumerate() {
        if let Some((a, b)) = word.split_once('/')
            && let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>())
            && a > 0
            && a < b
            && b <= 10
        {
            return Some((a, b));
        }
        let denominator = match word.as_str() {
            w if w.starts_with("fjärdedel") => 4,
            w if w.starts_with("tredjedel") => 3,
            w if w.starts_with("femtedel") => 5,
            _ => continue,
        };
        let numerator = i.checked_sub(1).and_then(|p| number(&words[p]))?;
        return (numerator > 0 && numerator < denominator).then_some((numerator, denominator));
    }
    None
}

/// A share of the whole, as found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    /// The share as a fraction of one (0.5 for "hälften").
    pub value: f64,
    /// Where it is in the text.
    pub range: std::ops::Range<usize>,
}

static SHARE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)((?-u:\b)hälften(?-u:\b)|(?-u:\b)halva(?-u:\b)|½|¼|¾|(?-u:\b)(?:en|ett)\s+fjärde\s*del(?:en)?(?-u:\b)|(?-u:\b)(?:en|ett)\s+tredje\s*del(?:en)?(?-u:\b)|(?-u:\b)tre\s+fjärdedelar(?-u:\b)|(?-u:\b)två\s+tredjedelar(?-u:\b)|(?-u:\b)\d+\s*/\s*\d+(?-u:\b)|(?-u:\b)\d+(?:,\d+)?\s*(?:%|procent(?-u:\b)))",
    )
});

/// Every share expression in the text, in order.
pub fn shares(text: &str) -> Vec<Share> {
    SHARE
        .find_iter(text)
        .filter_map(|m| {
            let value = share_value(m.as_str())?;
            Some(Share {
                value,
                range: m.range(),
            })
        })
        .collect()
}

fn share_value(text: &str) -> Option<f64> {
    // Folded, so that OCR's "halften" and "fjardedel" read as written.
    let t = normalise(&fold(text));
    let value = match t.as_str() {
        "halften" | "halva" | "½" => 0.5,
        "¼" => 0.25,
        "¾" | "tre fjardedelar" => 0.75,
        "tva tredjedelar" => 2.0 / 3.0,
        _ if t.contains("fjarde") => 0.25,
        _ if t.contains("tredje") => 1.0 / 3.0,
        _ if t.contains('/') => {
            let (n, d) = t.split_once('/')?;
            let n: f64 = n.trim().parse().ok()?;
            let d: f64 = d.trim().parse().ok()?;
            if d == 0.0 || n > d {
                return None;
            }
            n / d
        }
        _ => {
            let digits: String = t
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ',')
                .collect();
            let p: f64 = digits.replace(',', ".").parse().ok()?;
            if p > 100.0 {
                return None;
            }
            p / 100.0
        }
    };
    Some(value)
}

/// A share as Swedish words where there is a usual word, else percent.
pub fn share_words(value: f64) -> String {
    let close = |x: f64| (value - x).abs() < 1e-6;
    if close(0.5) {
        "hälften".to_string()
    } else if close(0.25) {
        "en fjärdedel".to_string()
    } else if close(0.75) {
        "tre fjärdedelar".to_string()
    } else if close(1.0 / 3.0) {
        "en tredjedel".to_string()
    } else if close(2.0 / 3.0) {
        "två tredjedelar".to_string()
    } else if close(0.0) {
        "ingenting".to_string()
    } else {
        let text = format!("{:.2}", value * 100.0);
        let text = text.trim_end_matches('0').trim_end_matches('.');
        format!("{} procent", text.replace('.', ","))
    }
}

/// Whether `word` occurs in `text` as a whole word, case-insensitively.
pub fn has_word(text: &str, word: &str) -> bool {
    word_ranges(text, word).next().is_some()
}

/// The byte ranges of `word` in `text` as a whole word, ignoring case.
pub fn word_ranges<'t>(
    text: &'t str,
    word: &str,
) -> impl Iterator<Item = std::ops::Range<usize>> + 't {
    let re = pattern(&format!(r"(?i)\b{}\b", regex::escape(word)));
    let found: Vec<std::ops::Range<usize>> = re.find_iter(text).map(|m| m.range()).collect();
    found.into_iter()
}

/// The sentence of `text` that contains byte `at`, trimmed.
pub fn sentence_around(text: &str, at: usize) -> &str {
    let (start, end) = sentence_span(text, at);
    text.get(start..end).unwrap_or(text).trim()
}

/// The byte range of the sentence of `text` that contains byte `at`.
pub fn sentence_span(text: &str, at: usize) -> (usize, usize) {
    let base = text.as_ptr() as usize;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let end = offset + line.len();
        if at < end {
            for sentence in sentences(line) {
                let start = sentence.as_ptr() as usize - base;
                if at >= start && at < start + sentence.len() {
                    return (start, start + sentence.len());
                }
            }
            return (offset, end);
        }
        offset = end;
    }
    (0, text.len())
}

/// A quotation short enough to show: the text up to about 160 characters,
/// cut at a word boundary with "…".
pub fn excerpt(text: &str) -> String {
    const LIMIT: usize = 160;
    let mut out = String::with_capacity(text.len().min(4 * LIMIT));
    let mut count = 0;
    // Where to cut if the whole text turns out to be too long: after the
    // last word that leaves room for " …".
    let mut cut = None;
    for word in text.split_whitespace() {
        let n = word.chars().count();
        if cut.is_none() && count + n + 1 > LIMIT {
            cut = Some(out.len());
        }
        let added = if out.is_empty() { n } else { n + 1 };
        if count + added > LIMIT {
            out.truncate(cut.unwrap_or(out.len()));
            out.push_str(" …");
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        count += added;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The excerpt as it was first written: join, count, then cut.
    fn excerpt_by_joining(text: &str) -> String {
        const LIMIT: usize = 160;
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.chars().count() <= LIMIT {
            return text;
        }
        let mut out = String::new();
        for word in text.split(' ') {
            if out.chars().count() + word.chars().count() + 1 > LIMIT {
                break;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        out.push_str(" …");
        out
    }

    proptest::proptest! {
        #[test]
        fn excerpt_is_join_then_cut(words in proptest::collection::vec("[a-zå]{0,70}", 0..12), gap in "[ \n\t]{1,3}") {
            let text = words.join(&gap);
            proptest::prop_assert_eq!(excerpt(&text), excerpt_by_joining(&text));
        }
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        let s = sentences("Enligt 8 kap. 9 § gäller det. Styrelsen ska m.m. besluta. Klart");
        assert_eq!(
            s,
            vec![
                "Enligt 8 kap. 9 § gäller det.",
                "Styrelsen ska m.m. besluta.",
                "Klart"
            ]
        );
    }

    #[test]
    fn reads_numbers_dates_and_shares() {
        assert_eq!(number("fyra"), Some(4));
        assert_eq!(number("Ett"), Some(1));
        assert_eq!(number("14"), Some(14));
        assert_eq!(number("tva"), Some(2));
        let d = dates("från och med 1 januari 2005 till och med den 31 december 2006 (2006-12-31)");
        let found: Vec<String> = d.iter().map(|(d, _)| d.to_string()).collect();
        assert_eq!(found, vec!["2005-01-01", "2006-12-31", "2006-12-31"]);
        assert_eq!(day_months("senast den 30 november"), vec![(11, 30)]);
        let s: Vec<f64> = shares("hälften, en fjärdedel, 25 %, 12,5 procent, ¾")
            .iter()
            .map(|s| s.value)
            .collect();
        assert_eq!(s, vec![0.5, 0.25, 0.25, 0.125, 0.75]);
        assert_eq!(share_words(0.125), "12,5 procent");
    }

    #[test]
    fn finds_the_sentence_around_a_word() {
        let text = "Första meningen. Andra meningen skall gälla. Tredje.";
        let at = text.find("skall").unwrap();
        assert_eq!(sentence_around(text, at), "Andra meningen skall gälla.");
        assert!(has_word(text, "Skall"));
        assert!(!has_word(text, "ska"));
    }

    #[test]
    fn fractions_and_days_in_every_form() {
        assert_eq!(fraction("med ¾ kvalificerad majoritet"), Some((3, 4)));
        assert_eq!(fraction("med 3/4 majoritet"), Some((3, 4)));
        assert_eq!(fraction("med tre fjärdedelars majoritet"), Some((3, 4)));
        assert_eq!(fraction("två tredjedelar av ledamöterna"), Some((2, 3)));
        assert_eq!(fraction("enkel majoritet"), None);
        assert_eq!(
            day_month_after("budget senast den 30 november varje år", "senast"),
            Some((30, 11))
        );
        assert_eq!(number("tretton"), None);
        let found: Vec<NaiveDate> = dates("den 31 februari 2007")
            .into_iter()
            .map(|(d, _)| d)
            .collect();
        assert!(found.is_empty());
    }

    #[test]
    fn latin1_lower_case_agrees_with_unicode() {
        for c in '\u{c0}'..='\u{ff}' {
            if let Some(lower) = latin1_lower(c) {
                assert_eq!(
                    c.to_lowercase().collect::<String>(),
                    lower.to_string(),
                    "{c}"
                );
            }
        }
        assert_eq!(normalise("FÖRBUNDET  Ägs"), "förbundet ägs");
    }

    proptest::proptest! {
        /// Splitting into sentences loses and adds nothing but spacing,
        /// whatever the text (multi-byte letters next to full stops too).
        #[test]
        fn sentences_keep_every_character(text in "[a-zåäöA-ZÅÄÖ .!?\n–-]{0,80}") {
            let joined: String = sentences(&text).concat().split_whitespace().collect();
            let original: String = text.split_whitespace().collect();
            proptest::prop_assert_eq!(joined, original);
        }
    }
}
