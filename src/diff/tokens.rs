//! Tokens: splitting text into words and punctuation, each knowing the
//! space or paragraph break before it, and rebuilding text from them.
//! Spacing is kept only for display: two texts that differ in spacing alone
//! have the same tokens.

/// What stood before a token in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sep {
    /// Nothing: a paragraph's first token, or punctuation glued to a word.
    None,
    /// Whitespace within a paragraph (spaces, line breaks, tabs).
    Space,
}

impl Sep {
    fn as_str(self) -> &'static str {
        match self {
            Sep::None => "",
            Sep::Space => " ",
        }
    }
}

/// The text of a paragraph break token.
pub(crate) const BREAK: &str = "\n";

/// A word, a punctuation mark, a paragraph break ([`BREAK`]), or (after
/// modernisation) several words that compare as one. Breaks take part in
/// the diff so that changes line up with paragraphs, but a change of
/// paragraph division alone is not a change in wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// What stood before it.
    pub sep: Sep,
    /// The text as written.
    pub text: String,
    /// What it compares as.
    pub key: String,
    /// A word (letters or digits) rather than punctuation.
    pub word: bool,
}

impl Token {
    fn new(sep: Sep, text: String, word: bool) -> Self {
        Token {
            sep,
            key: text.clone(),
            text,
            word,
        }
    }

    /// A paragraph break.
    pub(crate) fn paragraph_break() -> Self {
        Token::new(Sep::None, BREAK.to_string(), false)
    }

    /// True for a paragraph break.
    pub(crate) fn is_break(&self) -> bool {
        self.text == BREAK
    }
}

/// Splits paragraphs into tokens: runs of letters and digits are words,
/// every other visible character is a token of its own, and a break
/// token stands between paragraphs.
pub(crate) fn tokenize(paragraphs: &[String]) -> Vec<Token> {
    let mut tokens = Vec::new();
    for paragraph in paragraphs {
        if !tokens.is_empty() {
            tokens.push(Token::paragraph_break());
        }
        let mut sep = Sep::None;
        let first = tokens.len();
        let mut word = String::new();
        for c in paragraph.chars() {
            if c.is_alphanumeric() {
                word.push(c);
                continue;
            }
            if !word.is_empty() {
                tokens.push(Token::new(sep, std::mem::take(&mut word), true));
                sep = Sep::None;
            }
            if c.is_whitespace() {
                if tokens.len() > first {
                    sep = Sep::Space;
                }
            } else {
                tokens.push(Token::new(sep, c.to_string(), false));
                sep = Sep::None;
            }
        }
        if !word.is_empty() {
            tokens.push(Token::new(sep, word, true));
        }
    }
    tokens
}

/// The text of a run of tokens, each with the separator before it.
pub(crate) fn join(tokens: &[&Token]) -> String {
    let mut out = String::new();
    for token in tokens {
        out.push_str(token.sep.as_str());
        out.push_str(&token.text);
    }
    out
}

/// The text of a run of tokens (within a paragraph) as one flat string, for
/// folding several tokens into one.
pub(crate) fn join_inline(tokens: &[Token]) -> String {
    let mut out = String::new();
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 && token.sep != Sep::None {
            out.push(' ');
        }
        out.push_str(&token.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(tokens: &[Token]) -> Vec<&str> {
        tokens.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn splits_words_and_punctuation() {
        let tokens = tokenize(&["Lag (SFS nr: 2003: 1210) om, 16–64 år.".to_string()]);
        assert_eq!(
            texts(&tokens),
            [
                "Lag", "(", "SFS", "nr", ":", "2003", ":", "1210", ")", "om", ",", "16", "–", "64",
                "år", "."
            ]
        );
    }

    #[test]
    fn spacing_does_not_change_tokens() {
        let a = tokenize(&["Haninge(nedan kallat)  2003:1210".to_string()]);
        let b = tokenize(&["Haninge (nedan kallat) 2003: 1210".to_string()]);
        let keys = |t: &[Token]| t.iter().map(|t| t.key.clone()).collect::<Vec<_>>();
        assert_eq!(keys(&a), keys(&b));
    }

    #[test]
    fn rebuilds_paragraphs() {
        let tokens = tokenize(&["Ett två.".to_string(), "Tre".to_string()]);
        let refs: Vec<&Token> = tokens.iter().collect();
        assert_eq!(join(&refs), "Ett två.\nTre");
        assert!(tokens[3].is_break());
        assert_eq!(tokens[4].sep, Sep::None);
    }
}
