//! Reading Swedish legal prose: numbers in words up to twelve, dates ("den
//! 1 januari 2007", "2007-01-01"), days of the year ("30 november"),
//! fractions ("3/4", "¾", "tre fjärdedelar"), sentences and word tokens.

use chrono::NaiveDate;

use crate::spec::types::MONTHS;

/// The numbers one to twelve in words, "en" and "ett" both one.
const NUMBER_WORDS: [(&str, u32); 13] = [
    ("en", 1),
    ("ett", 1),
    ("två", 2),
    ("tre", 3),
    ("fyra", 4),
    ("fem", 5),
    ("sex", 6),
    ("sju", 7),
    ("åtta", 8),
    ("nio", 9),
    ("tio", 10),
    ("elva", 11),
    ("tolv", 12),
];

/// A count written in words (up to twelve) or digits.
pub(super) fn number(word: &str) -> Option<u32> {
    let word = word.to_lowercase();
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, n)| *n)
        .or_else(|| word.parse().ok().filter(|n| *n > 0 && *n < 1000))
}

/// The words of a text, lower case, punctuation dropped except inside
/// words ("närvaro-", "3/4", "2007-01-01").
pub(super) fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '”'))
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The sentences of a text: split after ".", "!" or "?" followed by a
/// space and a capital letter or digit, and at line breaks.
pub(super) fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        let mut current = String::new();
        for (i, c) in chars.iter().enumerate() {
            current.push(*c);
            let ends = matches!(c, '.' | '!' | '?')
                && chars.get(i + 1).is_some_and(|n| n.is_whitespace())
                && chars
                    .get(i + 2)
                    .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit());
            if ends {
                out.push(current.trim().to_string());
                current.clear();
            }
        }
        if !current.trim().is_empty() {
            out.push(current.trim().to_string());
        }
    }
    out
}

/// Every date in a text, in order: "den 1 januari 2007", "1 januari
/// 2007", "2007-01-01".
pub(super) fn dates(text: &str) -> Vec<NaiveDate> {
    let words = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Ok(date) = NaiveDate::parse_from_str(&words[i], "%Y-%m-%d") {
            out.push(date);
        } else if let (Some(day), Some(month), Some(year)) = (
            words[i].parse::<u32>().ok(),
            words.get(i + 1).and_then(|m| month(m)),
            words.get(i + 2).and_then(|y| y.parse::<i32>().ok()),
        ) && let Some(date) = NaiveDate::from_ymd_opt(year, month, day)
        {
            out.push(date);
            i += 2;
        }
        i += 1;
    }
    out
}

/// The first "30 november" (day and month) after the word `after`.
pub(super) fn day_month_after(text: &str, after: &str) -> Option<(u32, u32)> {
    let words = tokens(text);
    let start = words.iter().position(|w| w == after)?;
    words[start..].windows(2).find_map(|pair| {
        let day: u32 = pair[0].parse().ok()?;
        let month = month(&pair[1])?;
        (1..=31).contains(&day).then_some((day, month))
    })
}

fn month(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| *m == word)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// A fraction for a qualified majority: "3/4", "¾", "2/3", "⅔", "tre
/// fjärdedelar", "två tredjedelar".
pub(super) fn fraction(text: &str) -> Option<(u32, u32)> {
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
        return (numerator < denominator).then_some((numerator, denominator));
    }
    None
}

/// The text with its first letter in upper case.
pub(super) fn capitalise(text: &str) -> String {
    crate::swedish::capitalise(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn numbers_in_words_and_digits() {
        let words = [
            "en", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
            "tolv",
        ];
        let values: Vec<Option<u32>> = words.iter().map(|w| number(w)).collect();
        let expected: Vec<Option<u32>> = [1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
            .into_iter()
            .map(Some)
            .collect();
        assert_eq!(values, expected);
        assert_eq!(number("Fyra"), Some(4));
        assert_eq!(number("8"), Some(8));
        assert_eq!(number("tretton"), None);
    }

    #[test]
    fn dates_in_both_forms() {
        assert_eq!(
            dates("från och med den 1 januari 2007 till och med den 31 december 2010."),
            vec![date(2007, 1, 1), date(2010, 12, 31)]
        );
        assert_eq!(dates("senast 2006-12-31."), vec![date(2006, 12, 31)]);
        assert_eq!(dates("den 31 februari 2007"), vec![]);
        assert_eq!(
            day_month_after("budget senast den 30 november varje år", "senast"),
            Some((30, 11))
        );
    }

    #[test]
    fn fractions_in_every_form() {
        assert_eq!(fraction("med ¾ kvalificerad majoritet"), Some((3, 4)));
        assert_eq!(fraction("med 3/4 majoritet"), Some((3, 4)));
        assert_eq!(fraction("med tre fjärdedelars majoritet"), Some((3, 4)));
        assert_eq!(fraction("två tredjedelar av ledamöterna"), Some((2, 3)));
        assert_eq!(fraction("enkel majoritet"), None);
    }

    #[test]
    fn sentences_split_at_full_stops_before_capitals() {
        assert_eq!(
            sentences(
                "Styrelsen ska bestå av 4 ledamöter. Varje medlem väljer en ledamot, t.ex. en politiker."
            ),
            vec![
                "Styrelsen ska bestå av 4 ledamöter.",
                "Varje medlem väljer en ledamot, t.ex. en politiker."
            ]
        );
    }
}
