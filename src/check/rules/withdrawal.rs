//! The notice period for leaving (15 §): longer than three years is an
//! error (FINSAM-15-UPPSAGNINGSTID); none stated means three years by law
//! (FINSAM-15-UPPSAGNINGSTID-SAKNAS, info).

use super::{at_path, fix_field, fix_note};
use crate::check::rule::{At, CHARTER, Hit, Rule, Subject, Target, finsam};
use crate::finding::Severity;
use crate::read::facts;
use crate::read::topics::Topic;

const STATUTE: &str = "Sammanfattning av 15 §: en medlem får träda ut ur förbundet efter \
uppsägning. Uppsägningstiden är tre år, om inte förbundsordningen anger en kortare tid; en längre \
tid får inte bestämmas. Om det efter ett utträde inte finns någon medlem kvar från var och en av \
parterna träder förbundet i likvidation, och styrelsen är likvidator.";

/// No more than three years.
pub const LONG: Rule = Rule {
    id: "FINSAM-15-UPPSAGNINGSTID",
    severity: Severity::Error,
    citation: finsam("15 §"),
    summary: "uppsägningstiden får vara högst tre år",
    explanation: "Vad regeln gör: läser uppsägningstiden (\"Uppsägningstiden är tre år\") och \
jämför med lagens tre år.\n\nVarför: lagen tillåter en kortare uppsägningstid men inte en längre; \
en längre tid kan inte tillämpas.",
    statute: STATUTE,
    applies_to: CHARTER,
    check: check_long,
};

/// None stated: three years by law.
pub const MISSING: Rule = Rule {
    id: "FINSAM-15-UPPSAGNINGSTID-SAKNAS",
    severity: Severity::Info,
    citation: finsam("15 §"),
    summary: "anges ingen uppsägningstid gäller lagens tre år",
    explanation: "Vad regeln gör: när förbundsordningen har en bestämmelse om utträde men ingen \
uppsägningstid, upplyser regeln om att lagens tre år gäller.\n\nVarför: tystnaden fylls helt av \
lagen, men att skriva ut tiden gör förbundsordningen lättare att läsa.",
    statute: STATUTE,
    applies_to: &[Target::Forbundsordning],
    check: check_missing,
};

fn years(months: u32) -> String {
    if months.is_multiple_of(12) {
        format!(
            "{} år",
            crate::swedish::number_in_words_neuter(u64::from(months / 12))
        )
    } else {
        crate::swedish::count_noun(u64::from(months), "månad", "månader")
    }
}

fn check_long(subject: &Subject<'_>) -> Vec<Hit> {
    match subject {
        Subject::Description(d) => {
            let n = d.forbund.notice_years;
            if n <= 3 {
                return Vec::new();
            }
            vec![
                Hit::new(
                    format!(
                        "uppsägningstiden är {}; lagen tillåter högst tre år",
                        years(n * 12)
                    ),
                    at_path("/uppsägningstid"),
                )
                .with_fix(fix_field(
                    "sätt uppsägningstiden till högst 3 år".to_string(),
                    "/uppsägningstid",
                    "3",
                )),
            ]
        }
        Subject::Document(view) => {
            let Some(period) = facts::notice_period(view) else {
                return Vec::new();
            };
            if period.months <= 36 {
                return Vec::new();
            }
            vec![
                Hit::new(
                    format!(
                        "uppsägningstiden är {}; lagen tillåter högst tre år",
                        years(period.months)
                    ),
                    period.at,
                )
                .with_fix(fix_note(
                    "skriv «Uppsägningstiden är tre år.» eller en kortare tid",
                )),
            ]
        }
        Subject::Package(_) => Vec::new(),
    }
}

fn check_missing(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Document(view) = subject else {
        return Vec::new();
    };
    if facts::notice_period(view).is_some() {
        return Vec::new();
    }
    let Some(section) = view.section_on(Topic::Uttrade) else {
        return Vec::new();
    };
    vec![
        Hit::new(
            "förbundsordningen anger ingen uppsägningstid; då gäller lagens tre år",
            At::Section {
                index: section.index,
                excerpt: None,
            },
        )
        .with_fix(fix_note("skriv gärna ut «Uppsägningstiden är tre år.»")),
    ]
}
