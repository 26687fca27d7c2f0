//! What is not a change: the keys tokens compare by. Spacing and markup
//! never reach the tokens; headings compare without case; and, when asked,
//! pure modernisations of wording compare as equal ("skall" → "ska",
//! "landstinget" → "regionen", "allmän försäkringskassa" →
//! "Försäkringskassan", "länsarbetsnämnden" → "Arbetsförmedlingen",
//! "kommunallagen (1991:900)" → "(2017:725)"). Only keys change: the text
//! of every token stays as written.
//!
//! The plural "landsting" cannot be told from the singular, so under
//! modernisation "landsting", "region" and "regioner" share one key; a
//! change between "region" and "regioner" is then not shown.

use super::tokens::{Token, join_inline};

/// A phrase and the keys it compares as. Patterns are lowercase token texts.
struct Phrase {
    from: &'static [&'static str],
    to: &'static [&'static str],
}

/// Longest first, so that a longer phrase wins over a part of it.
const PHRASES: &[Phrase] = &[
    // The long title of FinsamL before 2005/2008.
    Phrase {
        from: &[
            "rehabiliteringsinsatser",
            "mellan",
            "allmän",
            "försäkringskassa",
            ",",
            "länsarbetsnämnd",
            ",",
            "kommun",
            "och",
            "landsting",
        ],
        to: &["rehabiliteringsinsatser"],
    },
    Phrase {
        from: &[
            "rehabiliteringsinsatser",
            "mellan",
            "försäkringskassa",
            ",",
            "länsarbetsnämnd",
            ",",
            "kommun",
            "och",
            "landsting",
        ],
        to: &["rehabiliteringsinsatser"],
    },
    Phrase {
        from: &["kommunallagen", "(", "1991", ":", "900", ")"],
        to: &["kommunallagen", "(", "2017", ":", "725", ")"],
    },
    Phrase {
        from: &["sveriges", "kommuner", "och", "landsting"],
        to: &["Sveriges", "Kommuner", "och", "Regioner"],
    },
    Phrase {
        from: &["den", "allmänna", "försäkringskassan"],
        to: &["Försäkringskassan"],
    },
    Phrase {
        from: &["allmänna", "försäkringskassan"],
        to: &["Försäkringskassan"],
    },
    Phrase {
        from: &["allmän", "försäkringskassa"],
        to: &["Försäkringskassan"],
    },
];

/// Single words: lowercase form, modern key, and whether the key keeps its
/// own case (a name) rather than following the original's.
const WORDS: &[(&str, &str, bool)] = &[
    ("skall", "ska", false),
    ("landsting", "region", false),
    ("regioner", "region", false),
    ("landstinget", "regionen", false),
    ("landstingets", "regionens", false),
    ("landstingen", "regionerna", false),
    ("landstingens", "regionernas", false),
    ("länsarbetsnämnd", "Arbetsförmedlingen", true),
    ("länsarbetsnämnden", "Arbetsförmedlingen", true),
    ("länsarbetsnämndens", "Arbetsförmedlingens", true),
    ("försäkringskassa", "Försäkringskassan", true),
    ("försäkringskassan", "Försäkringskassan", true),
    ("försäkringskassans", "Försäkringskassans", true),
    ("skl", "SKR", true),
];

/// Words that say little about what a section is about.
const STOPWORDS: &[&str] = &[
    "och",
    "i",
    "av",
    "till",
    "för",
    "om",
    "med",
    "på",
    "som",
    "att",
    "en",
    "ett",
    "den",
    "det",
    "de",
    "är",
    "samt",
    "eller",
    "vid",
    "från",
    "inom",
    "dess",
    "sin",
    "sina",
    "sitt",
    "har",
    "ska",
    "får",
    "kan",
    "efter",
    "under",
    "mellan",
    "denna",
    "detta",
    "dessa",
    "inte",
    "när",
    "så",
    "också",
    "varje",
    "hos",
    "enligt",
    "förbundet",
    "förbundets",
    "samordningsförbundet",
    "samordningsförbundets",
];

/// Gives every token the key of its modern wording. Phrases may fold
/// several tokens into one.
pub(crate) fn modernise(tokens: Vec<Token>) -> Vec<Token> {
    let lower: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        if let Some((len, keys)) = phrase_at(&tokens, &lower, i) {
            fold(&mut out, &tokens[i..i + len], &keys);
            i += len;
            continue;
        }
        let mut token = tokens[i].clone();
        if let Some(key) = modern_word(&lower[i], &token.text) {
            token.key = key;
        }
        out.push(token);
        i += 1;
    }
    out
}

/// Lowercases every key, for headings, whose case is layout.
pub(crate) fn lowercase_keys(tokens: &mut [Token]) {
    for token in tokens {
        token.key = token.key.to_lowercase();
    }
}

/// The lowercase words of the tokens that carry meaning, for judging what a
/// section is about.
pub(crate) fn content_words(tokens: &[Token]) -> Vec<String> {
    tokens
        .iter()
        .filter(|t| t.word)
        .map(|t| t.key.to_lowercase())
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect()
}

fn phrase_at(tokens: &[Token], lower: &[String], i: usize) -> Option<(usize, Vec<String>)> {
    for phrase in PHRASES {
        let end = i + phrase.from.len();
        if end <= lower.len() && lower[i..end].iter().zip(phrase.from).all(|(a, b)| a == b) {
            let mut keys: Vec<String> = phrase.to.iter().map(|s| (*s).to_string()).collect();
            if let Some(first) = keys.first_mut() {
                *first = follow_case(&tokens[i].text, first, true);
            }
            return Some((phrase.from.len(), keys));
        }
    }
    region_name_at(tokens, lower, i)
}

/// "Stockholms läns landsting" → "Region Stockholm".
fn region_name_at(tokens: &[Token], lower: &[String], i: usize) -> Option<(usize, Vec<String>)> {
    let name = &tokens.get(i)?.text;
    let starts_upper = name.chars().next().is_some_and(char::is_uppercase);
    if !starts_upper || lower.get(i + 1)? != "läns" {
        return None;
    }
    let stem = match lower.get(i + 2)?.as_str() {
        "landsting" | "landstinget" => name.strip_suffix('s').unwrap_or(name).to_string(),
        "landstings" | "landstingets" => name.clone(),
        _ => return None,
    };
    Some((3, vec!["Region".to_string(), stem]))
}

/// Appends the tokens as `keys.len()` tokens: one to one while there are
/// keys, the rest folded into the last.
fn fold(out: &mut Vec<Token>, tokens: &[Token], keys: &[String]) {
    let last = keys.len().saturating_sub(1);
    for (k, key) in keys.iter().enumerate() {
        let part = if k < last {
            &tokens[k..=k]
        } else {
            &tokens[k..]
        };
        out.push(Token {
            sep: part[0].sep,
            text: join_inline(part),
            key: key.clone(),
            word: part.iter().any(|t| t.word),
        });
    }
}

fn modern_word(lower: &str, original: &str) -> Option<String> {
    if let Some((_, key, fixed)) = WORDS.iter().find(|(from, _, _)| *from == lower) {
        return Some(follow_case(original, key, !fixed));
    }
    // Compounds: "landstingsfullmäktige" → "regionfullmäktige".
    let rest = lower.strip_prefix("landstings")?;
    if rest.is_empty() {
        return Some(follow_case(original, "regions", true));
    }
    Some(follow_case(original, &format!("region{rest}"), true))
}

/// The key with its first letter capitalised when the original's is and
/// `follow` is set.
fn follow_case(original: &str, key: &str, follow: bool) -> String {
    let upper = original.chars().next().is_some_and(char::is_uppercase);
    if !follow || !upper {
        return key.to_string();
    }
    let mut chars = key.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        modernise(tokenize(&[text.to_string()]))
            .into_iter()
            .map(|t| t.key)
            .collect()
    }

    #[test]
    fn modern_and_old_wording_share_keys() {
        assert_eq!(
            keys("Landstinget skall enligt kommunallagen (1991:900) höra landstingsfullmäktige"),
            keys("Regionen ska enligt kommunallagen (2017:725) höra regionfullmäktige")
        );
        assert_eq!(
            keys("mellan allmän försäkringskassa, länsarbetsnämnden och Stockholms läns landsting"),
            keys("mellan Försäkringskassan, Arbetsförmedlingen och Region Stockholm")
        );
    }

    #[test]
    fn other_words_keep_their_keys() {
        assert_eq!(keys("anslagstavla Skall"), ["anslagstavla", "Ska"]);
        assert_ne!(
            keys("kommunallagen (1991:900)"),
            keys("kommunallagen (2017:7)")
        );
    }

    #[test]
    fn folded_tokens_keep_their_text() {
        let tokens = modernise(tokenize(&["en allmän försäkringskassa".to_string()]));
        assert_eq!(tokens.len(), 2);
        assert_eq!(tokens[1].text, "allmän försäkringskassa");
        assert_eq!(tokens[1].key, "Försäkringskassan");
    }
}
