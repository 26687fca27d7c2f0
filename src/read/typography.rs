//! Typographic noise and folded spelling, handled once for every reader.
//!
//! Real förbundsordningar arrive with invisible characters (zero-width
//! spaces inside "Försäkrings​kassan", soft hyphens from Word), non-breaking
//! spaces, curly quotes and decomposed Unicode (NFD from a Mac or a PDF).
//! [`clean`] turns all of that into the plain NFC text the rules read.
//!
//! OCR'd text often loses å, ä and ö ("Forsakringskassan", "ledamoter").
//! [`fold`] spells a text without them, so that a word can be recognised
//! however it was written, and [`tolerant`] turns a pattern into one that
//! accepts both spellings.

use std::borrow::Cow;

use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

/// Characters that carry no text: zero-width space, joiners, word joiner,
/// byte-order mark and the soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// The plain form of a typographic character: spaces that do not break as
/// a space, curly quotes as straight ones.
fn plain(c: char) -> Option<char> {
    match c {
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{200A}' => Some(' '),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => Some('"'),
        _ => None,
    }
}

/// The text without invisible characters, with non-breaking spaces as
/// spaces, straight quotes, and in NFC. Borrowed when nothing changes.
pub fn clean(text: &str) -> Cow<'_, str> {
    // Below U+0300 every character is already in NFC (combining marks start
    // there), so plain Swedish text needs one pass and no copy.
    if is_plain(text) {
        return Cow::Borrowed(text);
    }
    let noisy = text.chars().any(|c| is_invisible(c) || plain(c).is_some());
    let composed = matches!(
        is_nfc_quick(text.chars()),
        unicode_normalization::IsNormalized::Yes
    );
    if !noisy && composed {
        return Cow::Borrowed(text);
    }
    let stripped = text
        .chars()
        .filter(|c| !is_invisible(*c))
        .map(|c| plain(c).unwrap_or(c));
    Cow::Owned(if composed {
        stripped.collect()
    } else {
        stripped.nfc().collect()
    })
}

/// Whether every character is below U+0300 and neither invisible nor
/// typographic, judged on the bytes: such characters start with a byte
/// below 0xCC, and the two below U+0300 that are not plain (the no-break
/// space and the soft hyphen) are C2 A0 and C2 AD.
fn is_plain(text: &str) -> bool {
    if text.is_ascii() {
        return true;
    }
    let bytes = text.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| {
        b < 0xC2 || (b < 0xCC && !(b == 0xC2 && matches!(bytes.get(i + 1), Some(0xA0 | 0xAD))))
    })
}

/// The folded form of a letter: å and ä as a, ö as o, é as e, ü as u.
fn fold_char(c: char) -> char {
    match c {
        'å' | 'ä' | 'à' | 'á' => 'a',
        'Å' | 'Ä' | 'À' | 'Á' => 'A',
        'ö' | 'ø' => 'o',
        'Ö' | 'Ø' => 'O',
        'é' | 'è' => 'e',
        'É' | 'È' => 'E',
        'ü' => 'u',
        'Ü' => 'U',
        other => other,
    }
}

/// The text in lower case, cleaned, and spelled without å, ä and ö, for
/// matching words however they were written: "Försäkringskassan" and
/// OCR's "Forsakringskassan" both fold to "forsakringskassan".
pub fn fold(text: &str) -> String {
    let cleaned = clean(text);
    let mut out = String::with_capacity(cleaned.len());
    fold_clean_into(&cleaned, &mut out);
    out
}

/// [`fold`] of a text that is already clean (see [`clean`]), appending to
/// `out`.
pub fn fold_clean_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        // Runs of ASCII are copied whole and lower-cased in place.
        let run = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        if run > 0 {
            let start = out.len();
            out.push_str(&rest[..run]);
            out[start..].make_ascii_lowercase();
            rest = &rest[run..];
            continue;
        }
        let Some(c) = rest.chars().next() else {
            break;
        };
        rest = &rest[c.len_utf8()..];
        if let Some(lower) = crate::read::lexicon::latin1_lower(c) {
            out.push(fold_char(lower));
        } else {
            out.extend(c.to_lowercase().map(fold_char));
        }
    }
}

/// Whether `text` (already folded) contains `stem` in any spelling.
pub fn contains_folded(folded_text: &str, stem: &str) -> bool {
    if stem.is_ascii() {
        folded_text.contains(stem)
    } else {
        folded_text.contains(&fold(stem))
    }
}

/// A regular expression that accepts "å", "ä" and "ö" also as OCR spells
/// them ("a", "a", "o"): each such letter becomes a class of both.
/// Character classes get the folded letter added.
pub fn tolerant(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + 16);
    let mut in_class = false;
    let mut escaped = false;
    for c in source.chars() {
        if escaped {
            out.push(c);
            escaped = false;
            continue;
        }
        match c {
            '\\' => {
                escaped = true;
                out.push(c);
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => {
                let folded = fold_char(c);
                if folded == c || !matches!(c, 'å' | 'ä' | 'ö' | 'Å' | 'Ä' | 'Ö') {
                    out.push(c);
                } else if in_class {
                    out.push(c);
                    out.push(folded);
                } else {
                    out.push('[');
                    out.push(c);
                    out.push(folded);
                    out.push(']');
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_invisible_and_typographic_characters() {
        assert_eq!(clean("Försäkrings\u{200B}kassan"), "Försäkringskassan");
        assert_eq!(clean("rehabi\u{AD}litering"), "rehabilitering");
        assert_eq!(clean("5\u{A0}§ ”Namn”"), "5 § \"Namn\"");
        assert_eq!(
            clean("Fo\u{308}rsa\u{308}kringskassan"),
            "Försäkringskassan"
        );
        assert!(matches!(clean("vanlig text"), Cow::Borrowed(_)));
    }

    #[test]
    fn folds_swedish_letters() {
        assert_eq!(fold("FÖRBUNDSORDNING för"), "forbundsordning for");
        assert!(contains_folded(
            &fold("Forsakringskassan"),
            "försäkringskass"
        ));
        assert!(contains_folded(
            &fold("Försäkringskassan"),
            "försäkringskass"
        ));
    }

    #[test]
    fn tolerant_patterns_accept_both_spellings() {
        let re = regex::Regex::new(&tolerant(r"(?i)ledamöter\s+[a-zåäö]+")).unwrap();
        assert!(re.is_match("fyra ledamoter och"));
        assert!(re.is_match("fyra ledamöter och"));
        assert!(re.is_match("ledamöter ersättare"));
        assert_eq!(tolerant(r"\ä"), r"\ä");
    }
}
