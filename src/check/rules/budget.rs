//! FINSAM-23-BUDGET: the board sets the budget no later than 30 November,
//! after consulting the members. Known from a secondary source only, so it
//! warns and never errs.

use super::{at_path, fix_field, fix_note};
use crate::check::rule::{At, CHARTER, Hit, Rule, Subject, finsam_unverified};
use crate::finding::Severity;
use crate::read::lexicon::{day_months, excerpt, normalise};
use crate::read::topics::Topic;
use crate::spec::types::DayMonth;

/// By 30 November, with samråd.
pub const RULE: Rule = Rule {
    id: "FINSAM-23-BUDGET",
    severity: Severity::Warning,
    citation: finsam_unverified("23 §"),
    summary: "budgeten fastställs senast den 30 november efter samråd med medlemmarna",
    explanation: "Vad regeln gör: läser när styrelsen ska fastställa budgeten och om den ska \
samråda med medlemmarna först.\n\nVarför: medlemmarna behöver förbundets budget i tid för sina \
egna budgetbeslut. Kravet är återgivet efter en sekundärkälla och är inte kontrollerat mot \
författningstexten; därför ger regeln bara varningar.",
    statute: "Sammanfattning av 23 § (ej verifierad mot författningstexten): styrelsen ska varje \
år fastställa en budget för förbundet senast den 30 november, efter samråd med medlemmarna.",
    applies_to: CHARTER,
    check,
};

fn check(subject: &Subject<'_>) -> Vec<Hit> {
    match subject {
        Subject::Description(d) => {
            let process = &d.forbund.budget_process;
            let mut hits = Vec::new();
            if process.deadline > DayMonth::NOVEMBER_30 {
                let path = "/budgetprocess/fastställs_senast";
                hits.push(Hit::new(
                    format!("budgeten fastställs senast den {}; den ska fastställas senast den 30 november", process.deadline),
                    at_path(path),
                )
                .with_fix(fix_field("sätt fastställs_senast till «30 november»".to_string(), path, "\"30 november\"")));
            }
            if !process.consult_members {
                let path = "/budgetprocess/samråd";
                hits.push(
                    Hit::new(
                        "styrelsen ska samråda med medlemmarna innan budgeten fastställs",
                        at_path(path),
                    )
                    .with_fix(fix_field(
                        "sätt samråd till true".to_string(),
                        path,
                        "true",
                    )),
                );
            }
            hits
        }
        Subject::Document(view) => {
            let budget: Vec<(usize, &str)> = view
                .normalised_sentences()
                .filter(|(_, _, t)| t.contains("budget"))
                .map(|(index, s, _)| (index, s))
                .collect();
            let deadline = budget.iter().find_map(|(i, s)| {
                let t = normalise(s);
                if !(t.contains("senast") && t.contains("fastställ")) {
                    return None;
                }
                day_months(s).into_iter().next().map(|dm| (*i, *s, dm))
            });
            let Some((index, sentence, (month, day))) = deadline else {
                let Some(section) = view.section_on(Topic::Budget) else {
                    return Vec::new();
                };
                return vec![Hit::new(
                    "det framgår inte när styrelsen ska fastställa budgeten; den ska fastställas senast den 30 november",
                    At::Section { index: section.index, excerpt: None },
                )
                .with_fix(fix_note("lägg till «Styrelsen ska varje år senast den 30 november fastställa en budget för nästa kalenderår.»"))];
            };
            let mut hits = Vec::new();
            if (month, day) > (11, 30) {
                hits.push(Hit::new(
                    format!("budgeten fastställs senast den {}; den ska fastställas senast den 30 november", DayMonth { month, day }),
                    At::Section { index, excerpt: Some(excerpt(sentence)) },
                ));
            }
            let consulted = budget.iter().any(|(_, s)| normalise(s).contains("samråd"))
                || view
                    .sections
                    .get(index)
                    .is_some_and(|s| s.normalised.contains("samråd"));
            if !consulted {
                hits.push(Hit::new(
                    "det framgår inte att styrelsen ska samråda med medlemmarna innan budgeten fastställs",
                    At::Section { index, excerpt: Some(excerpt(sentence)) },
                )
                .with_fix(fix_note("lägg till «Innan budgeten fastställs ska styrelsen samråda med medlemmarna om den.»")));
            }
            hits
        }
        Subject::Package(_) => Vec::new(),
    }
}
