//! PAKET-* on what each member decides: a tjänsteutlåtande's share is the
//! 5 § split, its att-satser cover what the member must decide, and every
//! member adopts the same förbundsordning (content fingerprint).

use std::sync::LazyLock;

use regex::Regex;

use super::package::{STATUTE, at, close, package_rule, reference_budget};
use super::shares::judge;
use crate::check::package::{PackageEntry, PackageView, fingerprint, section_text};
use crate::check::rule::{At, Hit, Rule, Subject, Target, praxis};
use crate::document::DocumentKind;
use crate::finding::Severity;
use crate::read::facts::{self, shares::stated};
use crate::read::lexicon::{NUMBER, normalise, number, pattern};
use crate::spec::MemberKind;
use crate::swedish::{join_and, kronor};

package_rule!(
    SHARE,
    "PAKET-ANDEL",
    "varje tjänsteutlåtandes andel ska följa fördelningen i 5 §",
    "Vad regeln gör: jämför den andel och det belopp som ett tjänsteutlåtande anger för sin \
medlem med fördelningen i 5 § av förbundets budget (en fjärdedel för en ensam kommun eller \
region; vid flera kommuner enligt beskrivningens fördelning).\n\nVarför: fullmäktige beslutar \
om medel på grundval av tjänsteutlåtandet.",
    check_share
);
package_rule!(
    DECISIONS,
    "PAKET-ATT-SATSER",
    "att-satserna ska omfatta förbundsordning, avsiktsförklaring, ledamöter och ersättare, och revisor",
    "Vad regeln gör: läser att-satserna under «Förslag till beslut» och letar efter att \
fastställa förbundsordningen, ställa sig bakom avsiktsförklaringen, utse ledamöter och \
ersättare (så många som medlemmen utser enligt förbundsordningen) och utse revisor.\n\nVarför: \
utan dessa beslut kan medlemmen inte delta i förbundet när det bildas.",
    check_decisions
);
package_rule!(
    SAME_TEXT,
    "PAKET-LIKALYDANDE",
    "alla medlemmar ska anta samma förbundsordning",
    "Vad regeln gör: jämför ett innehållsfingeravtryck av varje förbundsordning i paketet (text \
och rubriker, utan hänsyn till radbrytningar och skiftläge) och pekar ut de paragrafer som \
skiljer sig.\n\nVarför: förbundet bildas först när samtliga medlemmar har antagit en likalydande \
förbundsordning.",
    check_same_text
);

fn check_share(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Package(view) = subject else {
        return Vec::new();
    };
    let budget = reference_budget(view);
    let fo_members: Vec<crate::read::reading::NamedMember> = view
        .of(DocumentKind::Forbundsordning)
        .next()
        .map(|(_, d)| d.view.members.clone())
        .unwrap_or_default();
    let mut hits = Vec::new();
    for (i, d) in view.of(DocumentKind::Tjansteutlatande) {
        let Some(member) = &d.member else { continue };
        for hit in judge(&stated(d.view.sentences(), &fo_members), &fo_members) {
            let At::Section { index, excerpt } = hit.at else {
                continue;
            };
            hits.push(Hit::new(
                hit.message,
                At::Member {
                    document: i,
                    section: Some(index),
                    excerpt,
                },
            ));
        }
        for cost in &d.member_costs {
            let (year, amount) = cost.value;
            let Some((total, _)) = budget.get(&year) else {
                continue;
            };
            let Some(expected) = expected_cost(view, &fo_members, member, *total) else {
                continue;
            };
            if !close(amount, expected) {
                hits.push(Hit::new(
                    format!("tjänsteutlåtandet anger {member}s kostnad år {year} till {}, men enligt 5 § blir den {} av budgeten {}", kronor(amount), kronor(expected), kronor(*total)),
                    at(i, cost),
                ));
            }
        }
    }
    hits
}

/// What `member` pays of `total` under 5 §: exactly from the description
/// when there is one, else a quarter for a lone kommun or region.
pub(super) fn expected_cost(
    view: &PackageView<'_>,
    members: &[crate::read::reading::NamedMember],
    member: &str,
    total: u64,
) -> Option<u64> {
    if let Some(f) = view.forbund {
        let index = f
            .members
            .iter()
            .position(|m| normalise(&m.namn) == normalise(member))?;
        return Some(f.member_amount(index, total));
    }
    let kind = crate::read::reading::classify(member)?;
    // The half and the quarters in whole kronor, as 5 § splits them.
    let parts = crate::spec::shares::apportion(total, &[2, 1, 1]);
    match kind {
        MemberKind::Forsakringskassan => parts.first().copied(),
        MemberKind::Region if members.iter().filter(|m| m.kind == kind).count() == 1 => {
            parts.get(1).copied()
        }
        MemberKind::Kommun if members.iter().filter(|m| m.kind == kind).count() == 1 => {
            parts.get(2).copied()
        }
        _ => None,
    }
}

/// Whether `member` appoints a revisor: every kommun and region does,
/// unless they share a joint revisor that another member appoints.
fn appoints_auditor(view: &PackageView<'_>, member: &str) -> bool {
    if let Some(f) = view.forbund {
        return match (&f.auditors.arrangement, &f.auditors.joint_appointed_by) {
            (crate::spec::AuditorArrangement::Joint, Some(by)) => {
                normalise(by) == normalise(member)
            }
            (crate::spec::AuditorArrangement::Joint, None) => false,
            _ => true,
        };
    }
    let Some((_, fo)) = view.of(DocumentKind::Forbundsordning).next() else {
        return true;
    };
    let joint = crate::check::checklist::joint_auditor_sentences(&fo.view);
    // With a joint revisor, only the member named as appointing it decides;
    // when the text does not say who, no att-sats can be demanded.
    joint.is_empty()
        || joint
            .iter()
            .any(|(_, s)| normalise(s).contains(&normalise(member)))
}

/// How many ledamöter and ersättare `member` appoints.
fn appointed(view: &PackageView<'_>, member: &str) -> Option<(u32, u32)> {
    if let Some(f) = view.forbund {
        let m = f
            .members
            .iter()
            .find(|m| normalise(&m.namn) == normalise(member))?;
        return Some((m.members_appointed, m.deputies_appointed));
    }
    let (_, fo) = view.of(DocumentKind::Forbundsordning).next()?;
    let board = facts::board(&fo.view);
    board.appointments.iter().find_map(|a| match &a.appointer {
        facts::Appointer::Each => Some((a.ledamoter, a.ersattare)),
        facts::Appointer::Member(name) if normalise(name) == normalise(member) => {
            Some((a.ledamoter, a.ersattare))
        }
        _ => None,
    })
}

static COUNTS: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?i)(?-u:\b)utse\s+({NUMBER})\s+(?:ordinarie\s+)?ledam\w*\s+och\s+({NUMBER})\s+ersättare"
    ))
});

fn check_decisions(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Package(view) = subject else {
        return Vec::new();
    };
    let counts = &*COUNTS;
    let mut hits = Vec::new();
    for (i, d) in view.of(DocumentKind::Tjansteutlatande) {
        let all: Vec<String> = d.decisions.iter().map(|r| normalise(&r.value)).collect();
        let has = |f: &dyn Fn(&str) -> bool| all.iter().any(|a| f(a));
        let mut missing = Vec::new();
        if !has(&|a| {
            a.contains("förbundsordning")
                && (a.contains("fastställ") || a.contains("anta") || a.contains("godkänn"))
        }) {
            missing.push("att fastställa förbundsordningen");
        }
        if !has(&|a| {
            a.contains("avsiktsförklaring")
                && (a.contains("bakom")
                    || a.contains("godkänn")
                    || a.contains("anta")
                    || a.contains("fastställ"))
        }) {
            missing.push("att ställa sig bakom avsiktsförklaringen");
        }
        if !has(&|a| a.contains("utse") && a.contains("ledam") && a.contains("ersättare")) {
            missing.push("att utse ledamöter och ersättare");
        }
        let appoints = d
            .member
            .as_deref()
            .is_none_or(|m| appoints_auditor(view, m));
        if appoints && !has(&|a| a.contains("utse") && a.contains("revisor")) {
            missing.push("att utse revisor");
        }
        let place = d.decisions.first().map_or(
            At::Member {
                document: i,
                section: None,
                excerpt: None,
            },
            |r| at(i, r),
        );
        if !missing.is_empty() {
            hits.push(Hit::new(
                format!("förslaget till beslut saknar {}", join_and(&missing)),
                place.clone(),
            ));
        }
        let (Some(member), Some((l, e))) = (
            &d.member,
            d.member.as_deref().and_then(|m| appointed(view, m)),
        ) else {
            continue;
        };
        for r in &d.decisions {
            let Some(c) = counts.captures(&r.value) else {
                continue;
            };
            let stated = (
                c.get(1).and_then(|m| number(m.as_str())),
                c.get(2).and_then(|m| number(m.as_str())),
            );
            if stated != (Some(l), Some(e)) {
                let noun = |n: u32, one: &str, many: &str| {
                    crate::swedish::count_noun(u64::from(n), one, many)
                };
                hits.push(Hit::new(
                    format!(
                        "att-satsen utser {} och {}, men {member} utser enligt förbundsordningen {} och {}",
                        noun(stated.0.unwrap_or(0), "ledamot", "ledamöter"),
                        noun(stated.1.unwrap_or(0), "ersättare", "ersättare"),
                        noun(l, "ledamot", "ledamöter"),
                        noun(e, "ersättare", "ersättare")
                    ),
                    at(i, r),
                ));
            }
        }
    }
    hits
}

fn check_same_text(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Package(view) = subject else {
        return Vec::new();
    };
    let fos: Vec<(usize, &PackageEntry<'_>)> = view.of(DocumentKind::Forbundsordning).collect();
    let Some((_, first)) = fos.first() else {
        return Vec::new();
    };
    let reference = fingerprint(&first.view);
    let mut hits = Vec::new();
    for (i, d) in fos.iter().skip(1) {
        if fingerprint(&d.view) == reference {
            continue;
        }
        // The sections of this förbundsordning that differ from the first
        // one's at the same place (or have no counterpart there).
        let differing_sections: Vec<&crate::read::reading::SectionView> = d
            .view
            .sections
            .iter()
            .zip(
                first
                    .view
                    .sections
                    .iter()
                    .map(Some)
                    .chain(std::iter::repeat(None)),
            )
            .filter(|(a, b)| b.is_none_or(|b| section_text(a) != section_text(b)))
            .map(|(a, _)| a)
            .collect();
        let differing: Vec<String> = differing_sections.iter().map(|s| s.label.clone()).collect();
        let section = differing_sections.first().map(|s| s.index);
        let count = if d.view.sections.len() == first.view.sections.len() {
            String::new()
        } else {
            format!(
                "; den har {} paragrafer mot {}",
                d.view.sections.len(),
                first.view.sections.len()
            )
        };
        hits.push(Hit::new(
            format!(
                "förbundsordningen i {} är inte likalydande med den i {} (fingeravtryck {:016x} mot {:016x}); skillnader i {}{count}",
                d.file, first.file, fingerprint(&d.view), reference,
                if differing.is_empty() { "ordningen".to_string() } else { join_and(&differing) }
            ),
            At::Member { document: *i, section, excerpt: None },
        ));
    }
    hits
}
