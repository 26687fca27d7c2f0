//! Semantic validation: the problems no schema can express and that make a
//! description impossible to draft (dates out of order, duplicate members,
//! shares that cannot add up, references to members that do not exist).
//! Whether the description complies with FinsamL is the checker's job, not
//! this module's.

use std::collections::BTreeMap;

use chrono::Datelike;

use super::model::{AuditorArrangement, Forbund, MemberKind, NoticePlace, ShareSplit};
use crate::finding::{Finding, Location};

/// Every semantic problem in the description, each with its JSON pointer.
pub fn validate(forbund: &Forbund) -> Vec<Finding> {
    let mut problems = Vec::new();
    members(forbund, &mut problems);
    dates(forbund, &mut problems);
    shares(forbund, &mut problems);
    budgets(forbund, &mut problems);
    references(forbund, &mut problems);
    problems
}

fn at(path: impl Into<String>) -> Location {
    Location {
        path: Some(path.into()),
        ..Location::default()
    }
}

fn members(forbund: &Forbund, problems: &mut Vec<Finding>) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, member) in forbund.members.iter().enumerate() {
        let key = member.namn.trim().to_lowercase();
        if let Some(first) = seen.get(&key) {
            problems.push(Finding::error(
                "SPEC-MEDLEM-DUBBLETT",
                format!(
                    "medlemmen «{}» finns redan som medlem nummer {}; varje medlem ska anges en gång",
                    member.namn,
                    first + 1
                ),
                at(format!("/medlemmar/{i}/namn")),
            ));
        } else {
            seen.insert(key, i);
        }
        if member.namn.trim().is_empty() {
            problems.push(Finding::error(
                "SPEC-MEDLEM-NAMN",
                "medlemmens namn är tomt",
                at(format!("/medlemmar/{i}/namn")),
            ));
        }
    }
}

fn dates(forbund: &Forbund, problems: &mut Vec<Finding>) {
    let start = forbund.verksamhetsstart;
    if let Some(formed) = forbund.formed
        && start < formed
    {
        problems.push(Finding::error(
            "SPEC-DATUM-ORDNING",
            format!(
                "verksamheten startar {start} men förbundet bildas först {formed}; verksamheten kan inte starta innan förbundet finns"
            ),
            at("/verksamhetsstart"),
        ));
    }
    let terms = [
        (
            "/mandattid/första",
            forbund.term.first.as_ref(),
            "styrelsens",
        ),
        (
            "/revisorer/första_mandattid",
            forbund.auditors.first_term.as_ref(),
            "revisorernas",
        ),
    ];
    for (path, term, whose) in terms {
        let Some(term) = term else { continue };
        let begins = term.from.or(forbund.formed).unwrap_or(start);
        if term.to < begins {
            problems.push(Finding::error(
                "SPEC-MANDATTID-ORDNING",
                format!(
                    "{whose} första mandattid slutar {} men börjar {begins}; den slutar innan den börjar",
                    term.to
                ),
                at(format!("{path}/till")),
            ));
        }
    }
    let target = &forbund.declaration.target_group;
    if target.age_from > target.age_to {
        problems.push(Finding::error(
            "SPEC-MÅLGRUPP-ÅLDER",
            format!(
                "målgruppens lägsta ålder {} är högre än den högsta {}",
                target.age_from, target.age_to
            ),
            at("/avsiktsförklaring/målgrupp/ålder_från"),
        ));
    }
}

fn shares(forbund: &Forbund, problems: &mut Vec<Finding>) {
    for (i, member) in forbund.members.iter().enumerate() {
        if member.share_percent.is_some() && !member.decides_in_council() {
            problems.push(Finding::error(
                "SPEC-ANDEL-MEDLEM",
                format!(
                    "«{}» är inte en kommun eller region; andelen för Försäkringskassan och Arbetsförmedlingen följer av 5 § FinsamL och anges inte",
                    member.namn
                ),
                at(format!("/medlemmar/{i}/andel")),
            ));
        }
    }
    for kind in [MemberKind::Kommun, MemberKind::Region] {
        let group: Vec<(usize, &super::Member)> = forbund
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.kind == kind)
            .collect();
        let part = if kind == MemberKind::Kommun {
            "kommunernas"
        } else {
            "regionernas"
        };
        match forbund.economy.split {
            ShareSplit::Equal => {}
            ShareSplit::Population if group.len() > 1 => {
                for (i, m) in &group {
                    if m.population_16_64.unwrap_or(0) == 0 {
                        problems.push(Finding::error(
                            "SPEC-ANDEL-BEFOLKNING",
                            format!(
                                "{part} del fördelas efter befolkning men «{}» saknar befolkning_16_64",
                                m.namn
                            ),
                            at(format!("/medlemmar/{i}")),
                        ));
                    }
                }
            }
            ShareSplit::Population => {}
            ShareSplit::Explicit => {
                let mut sum = 0.0;
                let mut missing = false;
                for (i, m) in &group {
                    match m.share_percent {
                        Some(p) => sum += p,
                        None => {
                            missing = true;
                            problems.push(Finding::error(
                                "SPEC-ANDEL-SAKNAS",
                                format!(
                                    "{part} del fördelas efter angiven andel men «{}» saknar andel",
                                    m.namn
                                ),
                                at(format!("/medlemmar/{i}")),
                            ));
                        }
                    }
                }
                if !missing && !group.is_empty() && (sum - 100.0).abs() > 0.005 {
                    problems.push(Finding::error(
                        "SPEC-ANDEL-SUMMA",
                        format!(
                            "andelarna av {part} del summerar till {} procent; de ska tillsammans vara 100 procent",
                            format_percent(sum)
                        ),
                        at(format!("/medlemmar/{}/andel", group[0].0)),
                    ));
                }
            }
        }
    }
}

fn format_percent(p: f64) -> String {
    let text = format!("{p:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.replace('.', ",")
}

fn budgets(forbund: &Forbund, problems: &mut Vec<Finding>) {
    let mut seen: BTreeMap<i32, usize> = BTreeMap::new();
    let start_year = forbund.verksamhetsstart.year();
    for (i, budget) in forbund.economy.budgets.iter().enumerate() {
        if seen.insert(budget.year, i).is_some() {
            problems.push(Finding::error(
                "SPEC-BUDGET-DUBBLETT",
                format!("budgetåret {} anges mer än en gång", budget.year),
                at(format!("/ekonomi/budget/{i}/år")),
            ));
        }
        if budget.year < start_year {
            problems.push(Finding::error(
                "SPEC-BUDGET-ÅR",
                format!(
                    "budgetåret {} ligger före verksamhetsstarten {}",
                    budget.year, forbund.verksamhetsstart
                ),
                at(format!("/ekonomi/budget/{i}/år")),
            ));
        }
    }
}

fn references(forbund: &Forbund, problems: &mut Vec<Finding>) {
    let names: Vec<&str> = forbund.members.iter().map(|m| m.namn.as_str()).collect();
    let mut refer = |name: &str, path: String, what: &str, kinds: &[MemberKind]| {
        match forbund
        .member(name)
    {
        None => problems.push(Finding::error(
            "SPEC-MEDLEM-OKÄND",
            format!(
                "{what} «{name}» är inte en av medlemmarna ({}); skriv namnet exakt som i medlemmar",
                names.join(", ")
            ),
            at(path),
        )),
        Some(m) if !kinds.is_empty() && !kinds.contains(&m.kind) => problems.push(Finding::error(
            "SPEC-MEDLEM-TYP",
            format!("{what} «{name}» måste vara en kommun eller region"),
            at(path),
        )),
        Some(_) => {}
    }
    };
    if let Some(archive) = &forbund.archive_supervision {
        refer(
            &archive.member,
            "/arkivtillsyn/medlem".to_string(),
            "arkivtillsynens medlem",
            &[],
        );
    }
    for (i, name) in forbund.notices.members.iter().enumerate() {
        refer(
            name,
            format!("/tillkännagivanden/medlemmar/{i}"),
            "medlemmen",
            &[],
        );
    }
    if let Some(name) = &forbund.auditors.joint_appointed_by {
        refer(
            name,
            "/revisorer/gemensam_utses_av".to_string(),
            "den som utser den gemensamma revisorn,",
            &[MemberKind::Kommun, MemberKind::Region],
        );
    }
    if let Some(name) = &forbund.remuneration.rules_of_member {
        refer(
            name,
            "/ersättning/enligt_medlems_regler".to_string(),
            "medlemmen",
            &[MemberKind::Kommun, MemberKind::Region],
        );
    }
    for (i, s) in forbund.declaration.signatories.iter().enumerate() {
        refer(
            &s.member,
            format!("/avsiktsförklaring/undertecknare/{i}/medlem"),
            "undertecknarens medlem",
            &[],
        );
    }
    let mut cases: BTreeMap<&str, usize> = BTreeMap::new();
    let mut duplicates = Vec::new();
    for (i, case) in forbund.cases.iter().enumerate() {
        refer(
            &case.member,
            format!("/ärenden/{i}/medlem"),
            "ärendets medlem",
            &[MemberKind::Kommun, MemberKind::Region],
        );
        if cases.insert(case.member.as_str(), i).is_some() {
            duplicates.push(Finding::error(
                "SPEC-ÄRENDE-DUBBLETT",
                format!(
                    "det finns redan ett ärende för «{}»; ett tjänsteutlåtande per medlem",
                    case.member
                ),
                at(format!("/ärenden/{i}/medlem")),
            ));
        }
    }
    problems.extend(duplicates);
    if forbund.auditors.arrangement == AuditorArrangement::Joint
        && forbund.auditors.joint_appointed_by.is_none()
    {
        problems.push(Finding::error(
            "SPEC-REVISOR-GEMENSAM",
            "revisorerna är gemensamma men det framgår inte vem som utser dem; ange gemensam_utses_av",
            at("/revisorer"),
        ));
    }
    if forbund.notices.place != NoticePlace::ForbundWebsite && forbund.notices.members.is_empty() {
        problems.push(Finding::error(
            "SPEC-TILLKÄNNAGIVANDEN",
            "tillkännagivandena anslås hos en medlem men det framgår inte vilken; ange medlemmar",
            at("/tillkännagivanden"),
        ));
    }
}
