//! Recognising headings: the § marker in all the forms real
//! förbundsordningar use ("1 § Förbundets namn", "1§", "§ 1 Namn", "§1",
//! "## **10 § KUNGÖRELSER**"), and whether a line looks like a heading at
//! all. A § number inside running text ("enligt 11 § i denna
//! förbundsordning", "28 § FinsamL") never starts a section: only a line
//! that begins with the marker and reads like a heading does.

/// The highest § number taken for a section; larger numbers are years or
/// amounts, not paragraphs.
const MAX_NUMBER: u32 = 999;

/// Longest heading, in characters, that a line of running text may have.
const MAX_HEADING_CHARS: usize = 100;

/// Most words a heading may have.
const MAX_HEADING_WORDS: usize = 12;

/// Words that, right after a § number, show a reference to a law or to
/// another place rather than a heading ("28 § FinsamL", "5 § SFS 2003:1210").
const REFERENCE_WORDS: [&str; 14] = [
    "finsaml",
    "finsam",
    "kl",
    "sfs",
    "lag",
    "lagen",
    "kommunallagen",
    "arkivlagen",
    "förvaltningslagen",
    "första",
    "andra",
    "tredje",
    "st",
    "p",
];

/// A § marker found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mark {
    /// The § number.
    pub number: u32,
    /// The heading after the marker, markup stripped; empty for "1 §" alone.
    pub heading: String,
}

/// Removes heading markup around a line: leading `#`s, a trailing run of
/// `#`s, and emphasis markers (`**`, `__`, `*`, `_`) around or inside it.
pub(crate) fn strip_markup(line: &str) -> String {
    let mut text = line.trim();
    if text.starts_with('#') {
        text = text.trim_start_matches('#').trim_start();
        text = text.trim_end_matches('#').trim_end();
    }
    let cleaned: String = text.chars().filter(|c| !matches!(c, '*' | '_')).collect();
    cleaned.trim().to_string()
}

/// Splits a § marker off the start of `text`: "10 § Kungörelser",
/// "1§", "§ 1 Namn", "§1." → (number, rest). The rest has its separators
/// (".", ":", dashes) removed. `None` when the text does not begin with one.
pub(crate) fn split_mark(text: &str) -> Option<(u32, &str)> {
    let text = text.trim_start();
    let (number, rest) = if let Some(after) = text.strip_prefix('§') {
        let after = after.trim_start_matches(is_space);
        let digits = leading_digits(after);
        (digits, &after[digits.len()..])
    } else {
        let digits = leading_digits(text);
        let after = text[digits.len()..].trim_start_matches(is_space);
        (digits, after.strip_prefix('§')?)
    };
    if number.is_empty() || number.len() > 3 {
        return None;
    }
    let number: u32 = number.parse().ok()?;
    if number == 0 || number > MAX_NUMBER {
        return None;
    }
    if rest.starts_with(|c: char| c.is_alphanumeric() || c == '§') {
        return None;
    }
    let rest = rest.trim_start_matches(|c: char| {
        is_space(c) || matches!(c, '.' | ':' | '-' | '–' | '—' | ')')
    });
    Some((number, rest.trim_end()))
}

/// A § heading from an explicit heading (Markdown `#`, a Word heading
/// style): any marker at its start counts.
pub(crate) fn explicit_mark(heading: &str) -> Option<Mark> {
    let text = strip_markup(heading);
    let (number, rest) = split_mark(&text)?;
    Some(Mark {
        number,
        heading: rest.to_string(),
    })
}

/// A § heading from a line of body text. It counts only when what follows
/// the marker reads like a heading. `continues` says the line follows a
/// line that ended mid-sentence, where only very short or all-capital
/// headings are believed.
pub(crate) fn line_mark(line: &str, continues: bool) -> Option<Mark> {
    let text = strip_markup(line);
    let (number, rest) = split_mark(&text)?;
    if !rest.is_empty() && !rest_is_heading(rest, continues) {
        return None;
    }
    Some(Mark {
        number,
        heading: rest.to_string(),
    })
}

/// Whether the text after a § marker is a heading and not the rest of a
/// sentence ("i denna förbundsordning", "FinsamL där det står att …").
fn rest_is_heading(rest: &str, continues: bool) -> bool {
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if !first.is_uppercase() || rest.contains('§') {
        return false;
    }
    let first_word = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if REFERENCE_WORDS.contains(&first_word.as_str()) {
        return false;
    }
    if !is_heading_like(rest) {
        return false;
    }
    let words = rest.split_whitespace().count();
    !continues || words <= 6 || is_all_caps(rest)
}

/// Whether a line reads like a heading: short, few words, starting with a
/// capital letter or a digit, not ending like a clause (",", ";") and
/// ending with "." or ":" only when very short ("Bakgrund.", "Förslag
/// till beslut:"); a longer line with a full stop is a sentence.
pub(crate) fn is_heading_like(text: &str) -> bool {
    let text = text.trim();
    let chars = text.chars().count();
    let words = text.split_whitespace().count();
    let Some(first) = text.chars().next() else {
        return false;
    };
    if chars > MAX_HEADING_CHARS || words > MAX_HEADING_WORDS {
        return false;
    }
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return false;
    }
    if text.ends_with([',', ';']) {
        return false;
    }
    let max_words = if text.ends_with('.') { 2 } else { 4 };
    !(text.ends_with(['.', ':']) && words > max_words)
}

/// Whether every letter is a capital ("FÖRBUNDETS NAMN").
pub(crate) fn is_all_caps(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

fn leading_digits(text: &str) -> &str {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    &text[..end]
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(number: u32, heading: &str) -> Option<Mark> {
        Some(Mark {
            number,
            heading: heading.to_string(),
        })
    }

    #[test]
    fn every_heading_form_of_real_forbundsordningar() {
        assert_eq!(
            line_mark("1 § Förbundets namn", false),
            mark(1, "Förbundets namn")
        );
        assert_eq!(
            line_mark("1§ Förbundets namn", false),
            mark(1, "Förbundets namn")
        );
        assert_eq!(line_mark("1§", false), mark(1, ""));
        assert_eq!(line_mark("§ 1 Namn", false), mark(1, "Namn"));
        assert_eq!(line_mark("§1", false), mark(1, ""));
        assert_eq!(line_mark("§ 12. Budget", false), mark(12, "Budget"));
        assert_eq!(line_mark("3 §. Medlemmar", false), mark(3, "Medlemmar"));
        assert_eq!(line_mark("4 § – Ändamål", false), mark(4, "Ändamål"));
        assert_eq!(
            line_mark("## **10 § KUNGÖRELSER**", false),
            mark(10, "KUNGÖRELSER")
        );
        assert_eq!(
            explicit_mark("### 1 § FÖRBUNDETS NAMN"),
            mark(1, "FÖRBUNDETS NAMN")
        );
        assert_eq!(line_mark("1\u{a0}§ Namn", false), mark(1, "Namn"));
    }

    #[test]
    fn references_in_running_text_are_not_headings() {
        for line in [
            "enligt 11 § i denna förbundsordning",
            "28 § FinsamL",
            "28 § FinsamL där det står att styrelsen har möjlighet att",
            "25 § i lagen om finansiell samordning (SFS 2003:1210) av",
            "5 § SFS 2003:1210.",
            "9 § 7 p. FinsamL",
            "5 a § FinsamL",
            "2016 § Budget",
            "0 § Inget",
            "1 §§ Flera",
            "12 § Styrelsen skall fastställa Förbundets budget senast den 30 november varje år.",
        ] {
            assert_eq!(line_mark(line, false), None, "{line}");
        }
    }

    #[test]
    fn after_a_broken_sentence_only_short_or_capital_headings_count() {
        let long = "7 § Styrelsen har rätt att anställa den personal som behövs";
        assert_eq!(line_mark(long, true), None);
        assert_eq!(line_mark("7 § Personal", true), mark(7, "Personal"));
        assert!(line_mark("17 § TVISTER OCH ÖVERKLAGAN AV BESLUT I STYRELSEN", true).is_some());
    }

    #[test]
    fn heading_like_lines() {
        assert!(is_heading_like("Förbundets namn"));
        assert!(is_heading_like("Bakgrund."));
        assert!(is_heading_like("1.2 Förslag till samordningsförbund"));
        assert!(!is_heading_like("förbundets namn"));
        assert!(!is_heading_like(
            "Förbundet skall ledas av en styrelse och sju ersättare."
        ));
        assert!(!is_heading_like("Stockholms stad,"));
        assert!(!is_heading_like(""));
        assert!(is_all_caps("FÖRBUNDETS SÄTE"));
        assert!(!is_all_caps("Förbundets säte"));
        assert_eq!(strip_markup("## **Bakgrund** ##"), "Bakgrund");
    }
}
