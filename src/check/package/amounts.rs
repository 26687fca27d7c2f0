//! Amounts in kronor as decision documents write them ("4 000 000 kronor",
//! "8,0 mnkr", "8 miljoner kronor") with the year they belong to: the
//! förbund's budget, and a member's own cost.

use std::sync::LazyLock;

use regex::Regex;

use super::{Read, sentences};
use crate::read::lexicon::{self as text, normalise, pattern};
use crate::read::reading::Reading;

const AMOUNT: &str =
    r"(\d{1,3}(?:[ \u{a0}]\d{3})+|\d+(?:,\d+)?)\s*(miljoner|miljon|mnkr|mkr|kronor|kr)(?-u:\b)";

/// An amount in kronor from its digits and unit.
pub fn kronor(digits: &str, unit: &str) -> Option<u64> {
    let digits: String = digits.chars().filter(|c| !c.is_whitespace()).collect();
    let value: f64 = digits.replace(',', ".").parse().ok()?;
    let factor = match unit.to_lowercase().as_str() {
        "miljoner" | "miljon" | "mnkr" | "mkr" => 1_000_000.0,
        _ => 1.0,
    };
    let kronor = (value * factor).round();
    (kronor >= 0.0).then_some(kronor as u64)
}

/// Which amounts to read.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Amounts {
    /// The förbund's budget per year.
    Budget,
    /// The member's own cost per year.
    MemberCost,
}

static AMOUNT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?i){AMOUNT}\s+(?:år|under|för)\s+(?:år\s+)?(\d{{4}})"
    ))
});
static YEAR_AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?i)(?-u:\b)för\s+(?:år\s+)?(\d{{4}})\s+beräknas\s+till\s+(?:ca\s+)?{AMOUNT}"
    ))
});
static YEAR: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?-u:\b)(20\d\d)(?-u:\b)"));
static SHARE_OF: LazyLock<Regex> =
    LazyLock::new(|| pattern(&format!(r"(?i)(?-u:\b)varav\s+\S+\s+andel\s+är\s+{AMOUNT}")));

/// The amounts of one kind in a document.
pub(crate) fn amounts(view: &Reading<'_>, what: Amounts) -> Vec<Read<(i32, u64)>> {
    let mut out = Vec::new();
    for (section, s) in sentences(view) {
        let t = normalise(s);
        let read = |value| Read {
            value,
            section,
            excerpt: text::excerpt(s),
        };
        match what {
            Amounts::Budget => {
                if !(t.contains("budget") || t.contains("totala kostnad") || t.contains("samlade"))
                {
                    continue;
                }
                // Only the part before "varav" or "vilket innebär" is the
                // förbund's total.
                let total = s.split(" varav ").next().unwrap_or(s);
                let total = total.split("vilket innebär").next().unwrap_or(total);
                for c in AMOUNT_YEAR.captures_iter(total) {
                    if let (Some(d), Some(u), Some(y)) = (c.get(1), c.get(2), c.get(3))
                        && let (Some(amount), Ok(year)) =
                            (kronor(d.as_str(), u.as_str()), y.as_str().parse())
                    {
                        out.push(read((year, amount)));
                    }
                }
                for c in YEAR_AMOUNT.captures_iter(total) {
                    if let (Some(y), Some(d), Some(u)) = (c.get(1), c.get(2), c.get(3))
                        && let (Some(amount), Ok(year)) =
                            (kronor(d.as_str(), u.as_str()), y.as_str().parse())
                    {
                        out.push(read((year, amount)));
                    }
                }
            }
            Amounts::MemberCost => {
                let year: Option<i32> = YEAR.find(s).and_then(|m| m.as_str().parse().ok());
                if let (Some(c), Some(year)) = (SHARE_OF.captures(s), year)
                    && let (Some(d), Some(u)) = (c.get(1), c.get(2))
                    && let Some(amount) = kronor(d.as_str(), u.as_str())
                {
                    out.push(read((year, amount)));
                }
                if let Some(at) = t.find("innebär en kostnad för") {
                    let rest = s.get(at..).unwrap_or("");
                    for c in AMOUNT_YEAR.captures_iter(rest) {
                        if let (Some(d), Some(u), Some(y)) = (c.get(1), c.get(2), c.get(3))
                            && let (Some(amount), Ok(year)) =
                                (kronor(d.as_str(), u.as_str()), y.as_str().parse())
                        {
                            out.push(read((year, amount)));
                        }
                    }
                }
            }
        }
    }
    out
}
