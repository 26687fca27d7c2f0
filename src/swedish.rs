//! Swedish writing conventions for legal documents: numbers up to twelve in
//! words, dates as "den 1 januari 2027" in running text and ISO in headers,
//! amounts as "2 000 000 kronor" or "2,0 mnkr", and lists joined with "och".

use chrono::{Datelike, NaiveDate};

use crate::spec::types::MONTHS;

const WORDS: [&str; 13] = [
    "noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv",
];

/// A count in words when it is twelve or less ("fyra"), else in digits
/// ("14"), as Swedish legal drafting writes numbers. Uses the common gender
/// ("en ledamot"); see [`number_in_words_neuter`] for "ett år".
pub fn number_in_words(n: u64) -> String {
    WORDS
        .get(n as usize)
        .map_or_else(|| group_thousands(n), |w| (*w).to_string())
}

/// Like [`number_in_words`] but with the neuter "ett" for one ("ett år").
pub fn number_in_words_neuter(n: u64) -> String {
    if n == 1 {
        "ett".to_string()
    } else {
        number_in_words(n)
    }
}

/// "en ledamot" / "fyra ledamöter": a count in words with the singular or
/// plural form of the noun.
pub fn count_noun(n: u64, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("{} {singular}", number_in_words(n))
    } else {
        format!("{} {plural}", number_in_words(n))
    }
}

/// Digits grouped by thousands with a space: 2000000 → "2 000 000".
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// The no-break space that keeps a number together in a document.
pub const NBSP: char = '\u{a0}';

/// A number as documents set it, with no-break spaces between the groups
/// so that it never breaks across lines: "1 800 915".
pub fn thousands_unbroken(n: u64) -> String {
    group_thousands(n).replace(' ', &NBSP.to_string())
}

/// An amount in kronor as documents set it, number and unit held together
/// by no-break spaces: "1 800 915 kronor".
pub fn kronor_unbroken(amount: u64) -> String {
    format!("{}{NBSP}kronor", thousands_unbroken(amount))
}

/// An amount in kronor for running text: "2 000 000 kronor".
pub fn kronor(amount: u64) -> String {
    format!("{} kronor", group_thousands(amount))
}

/// An amount in millions with one decimal and a decimal comma: "2,0 mnkr".
pub fn mnkr(amount: u64) -> String {
    // Round half up on tenths of a million, in integers to stay exact.
    let tenths = (amount + 50_000) / 100_000;
    format!("{},{} mnkr", group_thousands(tenths / 10), tenths % 10)
}

/// A date for running text: "den 1 januari 2027".
pub fn date_long(date: NaiveDate) -> String {
    format!("den {}", date_without_article(date))
}

/// A date without the article: "1 januari 2027".
pub fn date_without_article(date: NaiveDate) -> String {
    let month = MONTHS[date.month0() as usize];
    format!("{} {} {}", date.day(), month, date.year())
}

/// A date for headers and tables: "2027-01-01".
pub fn date_iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Joins items as Swedish prose: "A", "A och B", "A, B och C".
pub fn join_and(items: &[impl AsRef<str>]) -> String {
    join_with(items, "och")
}

/// Joins items with a final conjunction: "A, B eller C".
pub fn join_with(items: &[impl AsRef<str>], conjunction: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} {conjunction} {}", head.join(", "), last.as_ref())
        }
    }
}

/// The text with its first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A name in the genitive: "Haninge kommun" → "Haninge kommuns",
/// "Region Skåne" → "Region Skånes"; a name ending in s, x or z is left as
/// it is ("Stockholms läns landstings" but "Vaxholms stads").
pub fn genitive(name: &str) -> String {
    if name.ends_with(['s', 'x', 'z']) {
        name.to_string()
    } else {
        format!("{name}s")
    }
}

/// Hundredths of a percent with a decimal comma and two decimals:
/// 1385 → "13,85 %" (with a no-break space before the sign).
pub fn percent_hundredths(hundredths: u64) -> String {
    format!("{},{:02}{NBSP}%", hundredths / 100, hundredths % 100)
}

/// A file-name slug: lower case ASCII, å/ä → a, ö → o, other runs → "-".
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let mapped = match c {
            'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if mapped == '-' {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push(mapped);
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("medlem");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genitive_and_unbroken_numbers() {
        assert_eq!(genitive("Haninge kommun"), "Haninge kommuns");
        assert_eq!(genitive("Stockholms stad"), "Stockholms stads");
        assert_eq!(genitive("Region Västerås"), "Region Västerås");
        assert_eq!(
            kronor_unbroken(1_800_915),
            "1\u{a0}800\u{a0}915\u{a0}kronor"
        );
        assert_eq!(percent_hundredths(1385), "13,85\u{a0}%");
        assert_eq!(percent_hundredths(10_000), "100,00\u{a0}%");
    }

    #[test]
    fn numbers_up_to_twelve_in_words() {
        assert_eq!(number_in_words(4), "fyra");
        assert_eq!(number_in_words(12), "tolv");
        assert_eq!(number_in_words(13), "13");
        assert_eq!(number_in_words_neuter(1), "ett");
        assert_eq!(count_noun(1, "ledamot", "ledamöter"), "en ledamot");
        assert_eq!(count_noun(8, "ledamot", "ledamöter"), "åtta ledamöter");
    }

    #[test]
    fn amounts() {
        assert_eq!(kronor(2_000_000), "2 000 000 kronor");
        assert_eq!(kronor(999), "999 kronor");
        assert_eq!(mnkr(2_000_000), "2,0 mnkr");
        assert_eq!(mnkr(16_000_000), "16,0 mnkr");
        assert_eq!(mnkr(1_250_000), "1,3 mnkr");
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert_eq!(date_long(d), "den 1 januari 2027");
        assert_eq!(date_iso(d), "2027-01-01");
    }

    #[test]
    fn joins_and_slugs() {
        assert_eq!(join_and(&["A", "B", "C"]), "A, B och C");
        assert_eq!(join_and(&["A"]), "A");
        assert_eq!(slug("Stockholms stad"), "stockholms-stad");
        assert_eq!(slug("Region Östergötland"), "region-ostergotland");
        assert_eq!(
            slug("Stockholms läns landsting"),
            "stockholms-lans-landsting"
        );
    }
}
