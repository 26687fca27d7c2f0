//! The one table of rules. Adding a rule is one file (or one constant in a
//! file of closely related rules) and one line here. Ids are never reused.
//!
//! Namespaces: `FINSAM-<§>-…` rests on lagen (2003:1210), `KL-…` on
//! kommunallagen (2017:725), `TEXT-…` on the text as given, `FO-…` on the förbundsordning's own
//! consistency, `PAKET-…` on the decision package, `AKTUELL-…` on outdated
//! names, `SPRAK-…` on style, `GODTA-…` on accepted deviations.

pub mod archive;
pub mod auditors;
pub mod board;
pub mod budget;
pub mod case;
pub mod completeness;
pub mod decisions;
pub mod era;
pub mod formation;
pub mod members;
pub mod money;
pub mod notices;
pub mod outdated;
pub mod package;
pub mod protocols;
pub mod references;
pub mod shares;
pub mod style;
pub mod suppression;
pub mod tasks;
pub mod terms;
pub mod truncated;
pub mod withdrawal;
mod wording;

use super::rule::{At, Rule};
use crate::finding::Fix;
use crate::read::lexicon::excerpt;

/// Every rule, in the order `forbund rules` lists them.
pub const RULES: &[Rule] = &[
    truncated::RULE,
    members::RULE,
    formation::RULE,
    shares::RULE,
    shares::STATE,
    tasks::RULE,
    completeness::NAME,
    completeness::ORGANISATION,
    completeness::BOARD,
    completeness::TASKS,
    completeness::INITIATIVE,
    completeness::MAJORITY,
    completeness::NOTICES,
    completeness::SHARES,
    completeness::BORROWING,
    completeness::INSIGHT,
    completeness::BUDGET,
    completeness::AUDIT_TERM,
    completeness::JOINT_AUDITORS,
    completeness::WITHDRAWAL,
    completeness::LIQUIDATION,
    completeness::DISPUTES,
    board::MEMBERS,
    board::DEPUTIES,
    board::SIZE,
    board::ORDER,
    terms::BOARD,
    terms::START,
    withdrawal::LONG,
    withdrawal::MISSING,
    archive::RULE,
    archive::SEVERAL,
    budget::RULE,
    terms::AUDITORS,
    auditors::MEMBERS,
    auditors::STATE,
    auditors::DEPUTIES,
    notices::RULE,
    protocols::RULE,
    references::EXISTS,
    references::SUBJECT,
    outdated::FORSAKRINGSKASSAN,
    outdated::ARBETSFORMEDLINGEN,
    outdated::REGIONEN,
    outdated::SKR,
    outdated::KOMMUNALLAGEN,
    outdated::LAGTITEL,
    era::RULE,
    style::SKALL_RULE,
    style::RUBRIK_RULE,
    package::NAME,
    package::MEMBERS,
    package::START,
    package::BUDGET,
    decisions::SHARE,
    decisions::DECISIONS,
    decisions::SAME_TEXT,
    case::DATE,
    case::CASE_NUMBER,
    case::APPENDIX,
    case::CONDITION,
    case::BOARD,
    money::TABLE_SUM,
    money::TABLE_SHARES,
    money::CONTRADICTION,
    suppression::UNKNOWN,
    suppression::UNUSED,
];

/// A place in a description.
pub(crate) fn at_path(path: &str) -> At {
    At::Path(path.to_string())
}

/// A place in a section, quoting the start of `text`.
pub(crate) fn section_at(index: usize, text: &str) -> At {
    At::Section {
        index,
        excerpt: Some(excerpt(
            crate::read::lexicon::sentences(text)
                .first()
                .copied()
                .unwrap_or(text),
        )),
    }
}

/// A fix that is advice only.
pub(crate) fn fix_note(message: impl Into<String>) -> Fix {
    Fix {
        message: message.into(),
        ..Fix::default()
    }
}

/// A fix that sets a description field to a JSON value.
pub(crate) fn fix_field(message: String, field: &str, value: &str) -> Fix {
    Fix {
        message,
        field: Some(field.to_string()),
        value: Some(value.to_string()),
        ..Fix::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_well_formed() {
        let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        for id in &ids {
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'),
                "{id} is upper-case ASCII with hyphens"
            );
        }
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, ids.len(), "rule ids are unique");
    }

    #[test]
    fn unverified_rules_never_report_errors() {
        for rule in RULES {
            if !rule.citation.verified {
                assert_ne!(
                    rule.effective_severity(),
                    crate::finding::Severity::Error,
                    "{}",
                    rule.id
                );
            }
        }
    }
}
