//! The data the templates see: the description turned into ready-made
//! Swedish phrases (counts in words, dates in running text, amounts in
//! kronor, lists joined with "och"), under Swedish keys so that a lawyer
//! editing a template reads `förbund.namn`, `styrelse.storlek`.

use chrono::Datelike;
use serde_json::{Value, json};

use super::era::Era;
use crate::spec::{
    AuditorArrangement, Case, DeputyOrder, DisputeForum, Forbund, Member, MemberKind, NoticePlace,
    Quorum, ShareSplit, TermStart,
};
use crate::swedish::{
    capitalise, count_noun, date_iso, date_long, genitive, join_and, kronor_unbroken,
    number_in_words, number_in_words_neuter, percent_hundredths, thousands_unbroken,
};

/// The statute's full name, as it is cited in running text.
pub const LAW: &str = "lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser";

/// The context shared by all three templates.
pub fn common(f: &Forbund) -> Value {
    let era = Era::of_description(f);
    let (ledamoter, ersattare) = f.board_size();
    let members: Vec<Value> = f
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| member(f, era, i, m))
        .collect();
    let names =
        |kind: MemberKind| -> Vec<String> { f.members_of(kind).map(|m| m.namn.clone()).collect() };
    let kommuner = names(MemberKind::Kommun);
    let regioner = names(MemberKind::Region);
    let all: Vec<&str> = f.members.iter().map(|m| m.namn.as_str()).collect();
    json!({
        "lag": LAW,
        "epok": era.context(),
        "förbund": {
            "namn": f.namn,
            "kortnamn": f.short_name(),
            "säte": f.seat,
            "område": f.area(),
            "ändamål": f.purpose,
            "bildas": f.formed.map(date_long),
            "verksamhetsstart": date_long(f.verksamhetsstart),
            "verksamhetsstart_iso": date_iso(f.verksamhetsstart),
            "startår": f.verksamhetsstart.year(),
        },
        "medlemmar": members,
        "medlemmar_text": join_and(&all),
        "antal_medlemmar": number_in_words(all.len() as u64),
        "kommuner": kommuner,
        "kommuner_text": join_and(&kommuner),
        "regioner": regioner,
        "regioner_text": join_and(&regioner),
        "flera_kommuner": kommuner.len() > 1,
        "flera_regioner": regioner.len() > 1,
        "styrelse": board(f, era, ledamoter, ersattare),
        "mandattid": term(f),
        "revisorer": auditors(f, era),
        "uppsägningstid": format!("{} år", number_in_words_neuter(u64::from(f.notice_years))),
        "arkivtillsyn": archive(f),
        "tillkännagivanden": notices(f),
        "ekonomi": economy(f),
        "budgetprocess": {
            "senast": f.budget_process.deadline.to_string(),
            "samråd": f.budget_process.consult_members,
            "horisont": match f.budget_process.planning_years {
                1 => "det kommande året".to_string(),
                n => format!("de kommande {} åren", number_in_words(u64::from(n))),
            },
            "delårsrapport": f.budget_process.interim_report,
        },
        "personal": {
            "chef": f.staff.head_title,
            "chefen": definite(&f.staff.head_title),
            "egen_personal": f.staff.own_staff,
        },
        "initiativrätt": {
            "medlemmar": f.initiative.members,
            "chef": f.initiative.head,
            "revisorer": f.initiative.auditors,
        },
        "samråd": { "ägardialog": f.consultation.owner_dialogue },
        "ersättning": { "enligt_medlem": f.remuneration.rules_of_member },
        "tvister": {
            "förhandling_först": f.disputes.negotiate_first,
            "skiljeförfarande": f.disputes.forum == DisputeForum::Arbitration,
        },
    })
}

/// A title in definite form: "förbundschef" → "förbundschefen",
/// "verkställande tjänsteman" → "verkställande tjänstemannen".
pub(crate) fn definite(title: &str) -> String {
    // "verkställande tjänsteman": an adjective needs the article.
    if title.contains(' ') {
        return format!("den {}", definite_noun(title));
    }
    definite_noun(title)
}

fn definite_noun(title: &str) -> String {
    if let Some(stem) = title.strip_suffix("man") {
        format!("{stem}mannen")
    } else if title.ends_with('e') {
        format!("{title}n")
    } else {
        format!("{title}en")
    }
}

/// The bodies that appoint for the kommuner and regions, then the agencies,
/// as one phrase for the middle of a sentence.
fn appointing_bodies(f: &Forbund, era: Era) -> String {
    let parts: Vec<String> = f
        .members
        .iter()
        .map(|m| {
            if m.decides_in_council() {
                decapitalise_body(&era.deciding_body(m))
            } else {
                m.namn.clone()
            }
        })
        .collect();
    join_and(&parts)
}

fn member(f: &Forbund, era: Era, index: usize, m: &Member) -> Value {
    let kind = match m.kind {
        MemberKind::Kommun => "kommun",
        MemberKind::Region => "region",
        MemberKind::Forsakringskassan => "försäkringskassan",
        MemberKind::Arbetsformedlingen => "arbetsförmedlingen",
    };
    json!({
        "namn": m.namn,
        "typ": kind,
        "ledamöter": count_noun(u64::from(m.members_appointed), "ledamot", "ledamöter"),
        "ersättare": count_noun(u64::from(m.deputies_appointed), "ersättare", "ersättare"),
        "antal_ledamöter": m.members_appointed,
        "beslutande_organ": era.deciding_body(m),
        "andel": share_text(f, index),
    })
}

/// The member's share of the förbund's money in words or percent:
/// "hälften", "en fjärdedel", "12,5 procent"; AF's is part of the state's.
pub fn share_text(f: &Forbund, index: usize) -> String {
    let Some(m) = f.members.get(index) else {
        return String::new();
    };
    match m.kind {
        MemberKind::Forsakringskassan => "hälften".to_string(),
        MemberKind::Arbetsformedlingen => "ingår i statens andel".to_string(),
        MemberKind::Kommun | MemberKind::Region => {
            let group = f.members_of(m.kind).count();
            if group <= 1 {
                "en fjärdedel".to_string()
            } else {
                percent(share_percent(f, index))
            }
        }
    }
}

/// The member's share of the total in percent (FK 50, a lone kommun 25).
pub fn share_percent(f: &Forbund, index: usize) -> f64 {
    // The split of one million kronor gives the share to 0.0001 percent.
    const BASE: u64 = 100_000_000;
    f.member_amount(index, BASE) as f64 * 100.0 / BASE as f64
}

fn percent(p: f64) -> String {
    let text = format!("{p:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{} procent", text.replace('.', ","))
}

fn board(f: &Forbund, era: Era, ledamoter: u32, ersattare: u32) -> Value {
    let b = &f.board;
    let uniform = f.members.windows(2).all(|w| {
        w[0].members_appointed == w[1].members_appointed
            && w[0].deputies_appointed == w[1].deputies_appointed
    });
    let representation = if uniform && let Some(first) = f.members.first() {
        format!(
            "Varje medlem utser {} och {}.",
            count_noun(u64::from(first.members_appointed), "ledamot", "ledamöter"),
            count_noun(
                u64::from(first.deputies_appointed),
                "ersättare",
                "ersättare"
            )
        )
    } else {
        let parts: Vec<String> = f
            .members
            .iter()
            .map(|m| {
                format!(
                    "{} utser {} och {}",
                    m.namn,
                    count_noun(u64::from(m.members_appointed), "ledamot", "ledamöter"),
                    count_noun(u64::from(m.deputies_appointed), "ersättare", "ersättare")
                )
            })
            .collect();
        format!("{}.", join_and(&parts))
    };
    let quorum = match b.quorum {
        Quorum::MoreThanHalf => "när fler än hälften av ledamöterna är närvarande",
        Quorum::AtLeastHalf => "när minst hälften av ledamöterna är närvarande",
        Quorum::AllMembersRepresented => {
            "när fler än hälften av ledamöterna är närvarande och samtliga medlemmar är företrädda"
        }
    };
    json!({
        "utses_av": appointing_bodies(f, era),
        "storlek": format!(
            "{} och {}",
            count_noun(u64::from(ledamoter), "ledamot", "ledamöter"),
            count_noun(u64::from(ersattare), "ersättare", "ersättare")
        ),
        "representation": representation,
        "beslutförhet": quorum,
        "utslagsröst": b.casting_vote,
        "vice_ordförande": count_noun(u64::from(b.vice_chairs), "vice ordförande", "vice ordförande"),
        "har_vice_ordförande": b.vice_chairs > 0,
        "kvalificerad_majoritet": b.qualified_majority.as_ref().map(|q| json!({
            "andel": q.fraction.in_words(),
            "ärenden": join_and(&q.matters),
        })),
        "arbetsutskott": b.working_committee,
        "närvarorätt": b.deputies_may_attend,
        "personliga_ersättare": b.deputy_order == DeputyOrder::Personal,
    })
}

fn term(f: &Forbund) -> Value {
    json!({
        "första_från": f.first_term_start().map(date_long),
        "första_till": date_long(f.first_term_end()),
        "därefter_från": match f.term.later_start {
            TermStart::January1 => "1 januari",
            TermStart::April1 => "1 april",
        },
        "längd": format!("{} år", number_in_words_neuter(u64::from(f.term.length_years))),
    })
}

fn auditors(f: &Forbund, era: Era) -> Value {
    let bodies: Vec<String> = f
        .members
        .iter()
        .filter(|m| m.decides_in_council())
        .enumerate()
        .map(|(i, m)| {
            if i == 0 {
                capitalise(&era.deciding_body(m))
            } else {
                decapitalise_body(&era.deciding_body(m))
            }
        })
        .collect();
    json!({
        "gemensam": f.auditors.arrangement == AuditorArrangement::Joint,
        "gemensam_utses_av": f.auditors.joint_appointed_by,
        "väljande_organ": join_and(&bodies),
        "antal_organ": bodies.len(),
        "första_från": f.auditors_first_term_start().map(date_long),
        "första_till": date_long(f.auditors_first_term_end()),
        "ersättare": f.auditors.deputy_auditors,
    })
}

/// Archive supervision: the member kommun whose arkivmyndighet supervises
/// (the förbundsordning names the kommun, not which of its nämnder is the
/// arkivmyndighet), and the body the description names.
fn archive(f: &Forbund) -> Value {
    if let Some(a) = &f.archive_supervision {
        return json!({
            "organ": format!("{} i {}", a.body, a.member),
            "kommun": a.member,
            "bestämd": true,
        });
    }
    let mut kommuner = f.members_of(MemberKind::Kommun);
    match (kommuner.next(), kommuner.next()) {
        (Some(only), None) => json!({
            "organ": format!("Kommunstyrelsen i {}", only.namn),
            "kommun": only.namn,
            "bestämd": true,
        }),
        _ => json!({ "organ": Value::Null, "kommun": Value::Null, "bestämd": false }),
    }
}

fn notices(f: &Forbund) -> Value {
    let place = match f.notices.place {
        NoticePlace::ForbundWebsite => "förbundets_webbplats",
        NoticePlace::MemberWebsite => "medlemmars_webbplats",
        NoticePlace::PhysicalBoard => "anslagstavla",
    };
    json!({ "plats": place, "medlemmar": join_and(&f.notices.members) })
}

fn economy(f: &Forbund) -> Value {
    let budgets: Vec<Value> = f
        .economy
        .budgets
        .iter()
        .map(|b| json!({ "år": b.year, "belopp": kronor_unbroken(b.amount), "mnkr": crate::swedish::mnkr(b.amount) }))
        .collect();
    let split = match f.economy.split {
        ShareSplit::Equal => "lika",
        ShareSplit::Population => "befolkning",
        ShareSplit::Explicit => "angiven",
    };
    let shares: Vec<Value> = f
        .members
        .iter()
        .enumerate()
        .filter(|(_, m)| m.decides_in_council())
        .map(|(i, m)| json!({ "namn": m.namn, "andel": share_text(f, i) }))
        .collect();
    let basis = &f.economy.population_basis;
    json!({
        "befolkningsunderlag": format!(
            "enligt uppgifter från {} per den {} året före budgetåret",
            basis.source, basis.reference_day
        ),
        "omräknas_årligen": basis.recalculated_yearly,
        "budget": budgets,
        "budget_text": join_and(&f.economy.budgets.iter().map(|b| format!("{} år {}", kronor_unbroken(b.amount), b.year)).collect::<Vec<_>>()),
        "kommunfördelning": split,
        "andelar": shares,
        "låneram": f.economy.borrowing.limit.map(kronor_unbroken),
        "administration_procent": f.economy.administration_percent.map(percent),
    })
}

/// The budget table: one row per paying member (and the total), one column
/// per budget year, amounts in whole kronor that add up exactly.
pub fn budget_table(f: &Forbund, only: Option<usize>) -> Value {
    let years: Vec<i32> = f.economy.budgets.iter().map(|b| b.year).collect();
    let mut rows: Vec<Value> = Vec::new();
    for (i, m) in f.members.iter().enumerate() {
        if m.kind == MemberKind::Arbetsformedlingen || only.is_some_and(|o| o != i) {
            continue;
        }
        let label = if m.kind == MemberKind::Forsakringskassan {
            format!("{} (statens andel)", m.namn)
        } else {
            m.namn.clone()
        };
        let amounts: Vec<String> = f
            .economy
            .budgets
            .iter()
            .map(|b| thousands_unbroken(f.member_amount(i, b.amount)))
            .collect();
        rows.push(json!({ "part": label, "andel": share_text(f, i), "belopp": amounts }));
    }
    let totals: Vec<String> = f
        .economy
        .budgets
        .iter()
        .map(|b| thousands_unbroken(b.amount))
        .collect();
    json!({ "år": years, "rader": rows, "totalt": totals })
}

/// The context for one member's tjänsteutlåtande.
pub fn case(f: &Forbund, index: usize, member: &Member, case: Option<&Case>) -> Value {
    let era = Era::of_description(f);
    let committee = case.and_then(|c| c.committee.clone());
    let default_path = || {
        let first = committee
            .clone()
            .unwrap_or_else(|| era.executive(member).to_string());
        vec![first, decapitalise_body(&era.deciding_body(member))]
    };
    let path = case
        .map(|c| c.decision_path.clone())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(default_path);
    let others: Vec<&str> = f
        .members
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != index)
        .map(|(_, m)| m.namn.as_str())
        .collect();
    let amounts: Vec<Value> = f
        .economy
        .budgets
        .iter()
        .map(|b| {
            json!({
                "år": b.year,
                "förbundet": kronor_unbroken(b.amount),
                "medlemmen": kronor_unbroken(f.member_amount(index, b.amount)),
            })
        })
        .collect();
    let (economic, other_consequences): (Vec<&crate::spec::Consequence>, Vec<_>) = case
        .map(|c| c.consequences.iter().collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .partition(|k| {
            k.heading
                .to_lowercase()
                .starts_with("ekonomiska konsekvenser")
        });
    let own_part = case.is_some_and(|c| c.own_decision) && path.len() >= 2;
    let appoints_auditor = match f.auditors.arrangement {
        AuditorArrangement::PerMember => true,
        AuditorArrangement::Joint => f.auditors.joint_appointed_by.as_deref() == Some(&member.namn),
    };
    json!({
        "medlem": {
            "namn": member.namn,
            "beslutande_organ": era.deciding_body(member),
            "ledamöter": count_noun(u64::from(member.members_appointed), "ledamot", "ledamöter"),
            "ersättare": count_noun(u64::from(member.deputies_appointed), "ersättare", "ersättare"),
            "andel": share_text(f, index),
            "utser_revisor": appoints_auditor,
            "gemensam_revisor": f.auditors.arrangement == AuditorArrangement::Joint,
        },
        "övriga_text": join_and(&others),
        "förslag_inledning": proposal_intro(&path),
        "förvaltning": case.and_then(|c| c.unit.clone()),
        "datum": case.and_then(|c| c.date).map(date_iso),
        "beredning": case.map(|c| c.preparation.clone()).unwrap_or_default(),
        "lokal_motivering": case.map(|c| c.local_grounds.clone()).unwrap_or_default(),
        "beslutsunderlag": case.map(|c| c.extra_basis.clone()).unwrap_or_default(),
        "omedelbar_justering": case.is_some_and(|c| c.immediate_approval),
        "konsekvenser": other_consequences.iter().map(|k| json!({"rubrik": k.heading, "text": k.text})).collect::<Vec<_>>(),
        "ekonomiska_texter": economic.iter().flat_map(|k| k.text.clone()).collect::<Vec<_>>(),
        "belopp": amounts,
        "budgettabell": budget_table(f, Some(index)),
        "bilagor": crate::compose::Appendix::all(f).iter().map(|a| json!({
            "nummer": a.number(),
            "text": a.describe(f),
        })).collect::<Vec<_>>(),
        "organisation": f.organisation.is_some(),
        "egen_del": own_part.then(|| path.first().cloned()).flatten(),
        "finansiering": financing(f, index, member, case),
        "ekonomi_år": economy_years(f, index),
        "har_administration": f.economy.budgets.iter().any(|b| b.administration_percent.is_some()),
        "fördelning": part_table(f, member),
    })
}

/// The financing att-satser: the first year's contribution as an amount
/// and where it comes from; later years "beräknas", on condition that the
/// money is set aside in coming budgets.
fn financing(f: &Forbund, index: usize, member: &Member, case: Option<&Case>) -> Value {
    let mut years = f.economy.budgets.iter();
    let Some(first) = years.next() else {
        return Value::Null;
    };
    let later: Vec<String> = years
        .map(|b| {
            format!(
                "år {} till {}",
                b.year,
                kronor_unbroken(f.member_amount(index, b.amount))
            )
        })
        .collect();
    json!({
        "medlemmens": genitive(&member.namn),
        "år": first.year,
        "belopp": kronor_unbroken(f.member_amount(index, first.amount)),
        "källa": case.and_then(|c| c.financing.clone()).unwrap_or_else(|| crate::compose::placeholder("Ange hur bidraget finansieras, t.ex. inom kommunstyrelsens ram")),
        "senare": join_and(&later),
    })
}

/// Each budget year: the förbund's budget, its split between
/// administration and insatser where given, and the member's part.
fn economy_years(f: &Forbund, index: usize) -> Vec<Value> {
    f.economy
        .budgets
        .iter()
        .map(|b| {
            let administration = b
                .administration_percent
                .map(|p| (b.amount as f64 * p / 100.0).round() as u64);
            json!({
                "år": b.year,
                "förbundet": kronor_unbroken(b.amount),
                "administration": administration.map(|a| format!("{} ({})", kronor_unbroken(a), percent(b.administration_percent.unwrap_or(0.0)).replace(" procent", "\u{a0}%"))),
                "insatser": administration.map(|a| format!("{} ({})", kronor_unbroken(b.amount.saturating_sub(a)), percent(100.0 - b.administration_percent.unwrap_or(0.0)).replace(" procent", "\u{a0}%"))),
                "medlemmen": kronor_unbroken(f.member_amount(index, b.amount)),
            })
        })
        .collect()
}

/// The table the member's figure comes from when its part is shared:
/// each member's weight (inhabitants 16–64 years), share and amount per
/// year, with the sum row and the rounding rule.
fn part_table(f: &Forbund, member: &Member) -> Value {
    let Some(split) = f.part_split(member.kind) else {
        return Value::Null;
    };
    let (part, column) = match split.kind {
        MemberKind::Region => ("regionernas fjärdedel", "Region"),
        _ => ("kommunernas fjärdedel", "Kommun"),
    };
    let population = split.split == ShareSplit::Population;
    let basis = &f.economy.population_basis;
    let mut header = vec![column.to_string()];
    if population {
        header.push(match basis.figures_date {
            Some(d) => format!("Invånare 16–64 år {}", date_iso(d)),
            None => "Invånare 16–64 år".to_string(),
        });
    }
    header.push(format!("Andel av {part}"));
    header.extend(
        f.economy
            .budgets
            .iter()
            .map(|b| format!("{} (kronor)", b.year)),
    );
    let mut rows: Vec<Vec<String>> = split
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![
                f.members
                    .get(r.member)
                    .map(|m| m.namn.clone())
                    .unwrap_or_default(),
            ];
            if population {
                row.push(thousands_unbroken(r.weight));
            }
            row.push(percent_hundredths(r.share_hundredths));
            row.extend(r.amounts.iter().map(|a| thousands_unbroken(*a)));
            row
        })
        .collect();
    let mut sum = vec!["Summa".to_string()];
    if population {
        sum.push(thousands_unbroken(split.total_weight));
    }
    sum.push(percent_hundredths(10_000));
    sum.extend(split.totals.iter().map(|a| thousands_unbroken(*a)));
    rows.push(sum);
    let basis_text = match split.split {
        ShareSplit::Population => format!(
            "{} fördelas mellan {} efter antalet invånare i åldern 16–64 år enligt uppgifter från {} per den {} året före budgetåret{}.",
            capitalise(part),
            if split.kind == MemberKind::Region {
                "regionerna"
            } else {
                "kommunerna"
            },
            basis.source,
            basis.reference_day,
            if basis.recalculated_yearly {
                ", och fördelningen räknas om varje år"
            } else {
                ""
            }
        ),
        ShareSplit::Explicit => format!(
            "{} fördelas enligt de andelar som förbundsordningen anger.",
            capitalise(part)
        ),
        ShareSplit::Equal => format!("{} fördelas lika.", capitalise(part)),
    };
    json!({
        "del": part,
        "grund": basis_text,
        "huvud": header,
        "rader": rows,
        "regel": format!(
            "Andelarna anges i procent med två decimaler och summerar till 100 procent. Beloppen räknas fram ur {} och avrundas till hela kronor enligt största restmetoden, så att de varje år tillsammans blir exakt {}.",
            if population { "invånarantalen" } else { "andelarna" },
            part
        ),
    })
}

/// "Kommunfullmäktige i X" in the middle of a sentence: "kommunfullmäktige i X".
fn decapitalise_body(body: &str) -> String {
    for prefix in [
        "Kommunfullmäktige",
        "Regionfullmäktige",
        "Landstingsfullmäktige",
    ] {
        if let Some(rest) = body.strip_prefix(prefix) {
            return format!("{}{rest}", prefix.to_lowercase());
        }
    }
    body.to_string()
}

/// "A föreslår B att föreslå C besluta" from a decision path.
fn proposal_intro(path: &[String]) -> String {
    match path {
        [] => String::new(),
        [only] => format!("{} föreslås besluta", capitalise(only)),
        [first, rest @ ..] => {
            let mut text = format!("{} föreslår", capitalise(first));
            for (i, body) in rest.iter().enumerate() {
                if i + 1 == rest.len() {
                    text.push_str(&format!(" {body} besluta"));
                } else {
                    text.push_str(&format!(" {body} att föreslå"));
                }
            }
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decision_path_reads_as_swedish() {
        let path = vec![
            "Hälso- och sjukvårdsnämnden".to_string(),
            "landstingsstyrelsen".to_string(),
            "landstingsfullmäktige".to_string(),
        ];
        assert_eq!(
            proposal_intro(&path),
            "Hälso- och sjukvårdsnämnden föreslår landstingsstyrelsen att föreslå landstingsfullmäktige besluta"
        );
        assert_eq!(
            proposal_intro(&["Kommunstyrelsen".into(), "kommunfullmäktige i X".into()]),
            "Kommunstyrelsen föreslår kommunfullmäktige i X besluta"
        );
    }
}
