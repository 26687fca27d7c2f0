//! An accepted deviation as a document carries it: the line
//! `forbund: godta ID: motivering` that `forbund check` honours for the
//! whole document. Composing puts the description's accepted deviations on
//! the documents that show them; each renderer writes them where the reader
//! of its format finds them again (a comment in Markdown and HTML, a hidden
//! paragraph in Word, the keywords of a PDF), and each reader gives them
//! back.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// One accepted deviation: the rule and why its finding is accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acceptance {
    /// The rule id, e.g. "FINSAM-12-MANDATTID".
    pub rule: String,
    /// The reason, on one line.
    pub reason: String,
}

/// `forbund: godta ID: motivering`, alone on its line or inside an HTML
/// comment.
static LINE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s*(?:<!--\s*)?forbund:\s*godta\s+([A-ZÅÄÖ0-9][A-ZÅÄÖ0-9-]*)\s*:\s*(.*?)\s*(?:-->)?\s*$",
    )
});

/// Where an acceptance starts in a run of them (a PDF's keywords).
static START: LazyLock<Regex> = LazyLock::new(|| compile(r"(?i)forbund:\s*godta\s"));

/// The patterns here are constants, so a failure is a bug the tests catch;
/// it gives an expression that matches nothing instead of a panic.
fn compile(source: &str) -> Regex {
    Regex::new(source).unwrap_or_else(|_| never())
}

fn never() -> Regex {
    // `[^\s\S]` matches nothing and always compiles.
    Regex::new(r"[^\s\S]").unwrap_or_else(|_| never())
}

impl Acceptance {
    /// An acceptance of `rule` for `reason`, the reason on one line (runs
    /// of whitespace, line breaks too, as one space).
    pub fn new(rule: &str, reason: &str) -> Self {
        Acceptance {
            rule: rule.trim().to_string(),
            reason: reason.split_whitespace().collect::<Vec<_>>().join(" "),
        }
    }

    /// Reads a line `forbund: godta ID: motivering` (also inside
    /// `<!-- … -->`); the rule id comes back in capitals.
    pub fn parse(line: &str) -> Option<Acceptance> {
        let c = LINE.captures(line)?;
        Some(Acceptance {
            rule: c.get(1)?.as_str().to_uppercase(),
            reason: c.get(2)?.as_str().trim().to_string(),
        })
    }

    /// The line as a reader of plain text finds it:
    /// `forbund: godta ID: motivering`.
    pub fn line(&self) -> String {
        format!("forbund: godta {}: {}", self.rule, self.reason)
    }

    /// The line as an HTML comment (Markdown and HTML):
    /// `<!-- forbund: godta ID: motivering -->`. A comment cannot contain
    /// "--", so a reason's "--" is written as a dash.
    pub fn comment(&self) -> String {
        format!(
            "<!-- forbund: godta {}: {} -->",
            self.rule,
            self.reason.replace("--", "–")
        )
    }

    /// The acceptances in a PDF's keywords, which join them with ", ":
    /// each starts at `forbund: godta`, so a comma in a reason is kept.
    /// Other keywords before the first are ignored.
    pub fn from_keywords(keywords: &str) -> Vec<Acceptance> {
        let starts: Vec<usize> = START.find_iter(keywords).map(|m| m.start()).collect();
        starts
            .iter()
            .enumerate()
            .filter_map(|(i, &start)| {
                let end = starts.get(i + 1).copied().unwrap_or(keywords.len());
                let piece = keywords.get(start..end)?.trim_end();
                Acceptance::parse(piece.strip_suffix(',').unwrap_or(piece))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_comments() {
        assert_eq!(
            Acceptance::parse("<!-- forbund: godta FINSAM-20-ARKIV: kommunerna har avtal -->"),
            Some(Acceptance::new("FINSAM-20-ARKIV", "kommunerna har avtal"))
        );
        assert_eq!(
            Acceptance::parse("forbund: godta sprak-skall: texten är antagen så"),
            Some(Acceptance::new("SPRAK-SKALL", "texten är antagen så"))
        );
        assert_eq!(Acceptance::parse("Förbundet ska godta detta."), None);
    }

    #[test]
    fn a_reason_is_one_line_and_a_comment_has_no_double_hyphen() {
        let a = Acceptance::new(
            " FINSAM-12-MANDATTID ",
            "antagen 2006 --  mandattiden\nhar löpt ut",
        );
        assert_eq!(
            a.line(),
            "forbund: godta FINSAM-12-MANDATTID: antagen 2006 -- mandattiden har löpt ut"
        );
        assert_eq!(
            a.comment(),
            "<!-- forbund: godta FINSAM-12-MANDATTID: antagen 2006 – mandattiden har löpt ut -->"
        );
        assert_eq!(Acceptance::parse(&a.line()), Some(a.clone()));
    }

    #[test]
    fn keywords_joined_by_commas_read_back() {
        let accepted = vec![
            Acceptance::new("FINSAM-12-MANDATTID", "antagen 2006, då gällde annat"),
            Acceptance::new("SPRAK-SKALL", "texten är antagen så"),
        ];
        let keywords = accepted
            .iter()
            .map(Acceptance::line)
            .collect::<Vec<_>>()
            .join(", ");
        assert_eq!(Acceptance::from_keywords(&keywords), accepted);
        assert_eq!(
            Acceptance::from_keywords(&format!("samordningsförbund, {keywords}")),
            accepted
        );
        assert!(Acceptance::from_keywords("samordningsförbund, FinsamL").is_empty());
    }
}
