//! `Reading → PartialDescription`: what a förbundsordning states, as a
//! typed partial description with the description's Swedish keys, and an
//! account of where each value was read and what is missing before the
//! draft is a description `forbund validate` accepts.

use chrono::NaiveDate;
use serde::Serialize;

use super::facts::provisions::{self, NoticePlace};
use super::facts::{self, Whose};
use super::members::{DescribedMember, described};
use super::reading::{Reading, SectionView, names_in};
use super::topics::Topic;
use crate::spec::MemberKind;

/// What a förbundsordning states about the förbund, in the description's
/// shape; every part is optional, since a text may leave it out.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PartialDescription {
    /// The förbund's name.
    #[serde(rename = "namn", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its säte.
    #[serde(rename = "säte", skip_serializing_if = "Option::is_none")]
    pub seat: Option<String>,
    /// The ändamål §, one paragraph per item.
    #[serde(rename = "ändamål", skip_serializing_if = "Vec::is_empty")]
    pub purpose: Vec<String>,
    /// When operations start.
    #[serde(rename = "verksamhetsstart", skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// The members, with their seats on the board when stated.
    #[serde(rename = "medlemmar", skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<PartialMember>,
    /// How the board works.
    #[serde(rename = "styrelse", skip_serializing_if = "is_default")]
    pub board: PartialBoard,
    /// The board's terms of office.
    #[serde(rename = "mandattid", skip_serializing_if = "is_default")]
    pub terms: PartialTerms,
    /// The revisors.
    #[serde(rename = "revisorer", skip_serializing_if = "is_default")]
    pub auditors: PartialAuditors,
    /// The notice period for leaving, in years.
    #[serde(rename = "uppsägningstid", skip_serializing_if = "Option::is_none")]
    pub notice_years: Option<u32>,
    /// Who supervises the archive.
    #[serde(rename = "arkivtillsyn", skip_serializing_if = "Option::is_none")]
    pub archive: Option<PartialArchive>,
    /// Where notices are posted.
    #[serde(rename = "tillkännagivanden", skip_serializing_if = "Option::is_none")]
    pub notices: Option<PartialNotices>,
    /// The budget process.
    #[serde(rename = "budgetprocess", skip_serializing_if = "is_default")]
    pub budget: PartialBudget,
    /// How disputes are settled.
    #[serde(rename = "tvister", skip_serializing_if = "Option::is_none")]
    pub disputes: Option<PartialDisputes>,
    /// Whose rules on remuneration apply.
    #[serde(rename = "ersättning", skip_serializing_if = "Option::is_none")]
    pub remuneration: Option<PartialRemuneration>,
}

/// Whether a part says nothing (is as its `Default`), so it is left out.
fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// A member as stated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartialMember {
    /// The name (agencies under their present names).
    #[serde(rename = "namn")]
    pub name: String,
    /// The kind.
    #[serde(rename = "typ")]
    pub kind: MemberKind,
    /// Ledamöter it appoints, when stated.
    #[serde(rename = "ledamöter", skip_serializing_if = "Option::is_none")]
    pub ledamoter: Option<u32>,
    /// Ersättare it appoints, when stated.
    #[serde(rename = "ersättare", skip_serializing_if = "Option::is_none")]
    pub ersattare: Option<u32>,
}

/// How the board works, as stated.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PartialBoard {
    /// The quorum ("fler_än_hälften", …).
    #[serde(rename = "beslutförhet", skip_serializing_if = "Option::is_none")]
    pub quorum: Option<&'static str>,
    /// Whether the chair has a casting vote.
    #[serde(rename = "utslagsröst", skip_serializing_if = "Option::is_none")]
    pub casting_vote: Option<bool>,
    /// Whether there is an arbetsutskott.
    #[serde(rename = "arbetsutskott", skip_serializing_if = "Option::is_none")]
    pub working_committee: Option<bool>,
    /// A qualified majority and what it applies to.
    #[serde(
        rename = "kvalificerad_majoritet",
        skip_serializing_if = "Option::is_none"
    )]
    pub qualified_majority: Option<PartialMajority>,
}

/// A qualified majority.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartialMajority {
    /// The fraction, "3/4".
    #[serde(rename = "andel")]
    pub fraction: String,
    /// The matters.
    #[serde(rename = "ärenden")]
    pub matters: Vec<String>,
}

/// A term from one day to another.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartialPeriod {
    /// The first day, when stated (else from the formation).
    #[serde(rename = "från", skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// The last day.
    #[serde(rename = "till")]
    pub to: NaiveDate,
}

/// The board's terms as stated.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PartialTerms {
    /// The first term.
    #[serde(rename = "första", skip_serializing_if = "Option::is_none")]
    pub first: Option<PartialPeriod>,
    /// The day later terms start ("1 januari", "1 april").
    #[serde(rename = "därefter_från", skip_serializing_if = "Option::is_none")]
    pub later_from: Option<&'static str>,
    /// The length of later terms in years.
    #[serde(rename = "längd_år", skip_serializing_if = "Option::is_none")]
    pub years: Option<u32>,
}

/// The revisors as stated.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PartialAuditors {
    /// Their first term.
    #[serde(rename = "första_mandattid", skip_serializing_if = "Option::is_none")]
    pub first_term: Option<PartialPeriod>,
    /// Whether the text still has revisorsersättare.
    #[serde(rename = "revisorsersättare", skip_serializing_if = "Option::is_none")]
    pub deputies: Option<bool>,
}

/// Archive supervision as stated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartialArchive {
    /// The body ("Kommunstyrelsen").
    #[serde(rename = "organ")]
    pub body: String,
    /// The member it belongs to.
    #[serde(rename = "medlem")]
    pub member: String,
}

/// Where notices are posted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartialNotices {
    /// The place's key.
    #[serde(rename = "plats")]
    pub place: &'static str,
    /// The members whose boards or webbplatser are used.
    #[serde(rename = "medlemmar", skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
}

/// The budget process as stated.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PartialBudget {
    /// The deadline, "30 november".
    #[serde(rename = "fastställs_senast", skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// The planning horizon in years.
    #[serde(
        rename = "planeringshorisont_år",
        skip_serializing_if = "Option::is_none"
    )]
    pub planning_years: Option<u32>,
}

/// How disputes are settled.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartialDisputes {
    /// Whether the parties negotiate first.
    #[serde(rename = "förhandling_först")]
    pub negotiate_first: bool,
    /// "allmän_domstol" or "skiljeförfarande".
    #[serde(rename = "forum")]
    pub forum: &'static str,
}

/// Whose rules on remuneration apply.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartialRemuneration {
    /// The member.
    #[serde(rename = "enligt_medlems_regler")]
    pub member: String,
}

/// A partial description and an account of how it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Described {
    /// What the text states.
    pub description: PartialDescription,
    /// What was found, in Swedish, with where ("säte: «Haninge» (2 §)").
    pub found: Vec<String>,
    /// Keys the description needs that the text did not give
    /// ("verksamhetsstart", "ekonomi.budget").
    pub missing: Vec<String>,
}

/// Reads a partial description out of a förbundsordning document.
pub fn describe_document(document: &crate::document::Document) -> Described {
    describe(&Reading::new(document, None))
}

/// Reads a partial description out of a förbundsordning as read.
pub fn describe(reading: &Reading<'_>) -> Described {
    let mut out = Described {
        description: PartialDescription::default(),
        found: Vec::new(),
        missing: Vec::new(),
    };
    let mut account = Account {
        found: &mut out.found,
        missing: &mut out.missing,
    };
    let d = &mut out.description;
    let all = all_text(reading);
    identity(reading, &all, d, &mut account);
    let members = members(reading, &mut account);
    board(reading, &all, &members, d, &mut account);
    auditors(reading, d, &mut account);
    notice(reading, d, &mut account);
    let names: Vec<String> = members.iter().map(|m| m.name.clone()).collect();
    archive_and_notices(reading, &all, &names, d, &mut account);
    budget(&all, d, &mut account);
    disputes_and_remuneration(reading, &members, d, &mut account);
    account.missing("ekonomi.budget");
    out
}

/// The found and missing lists as they are written.
struct Account<'a> {
    found: &'a mut Vec<String>,
    missing: &'a mut Vec<String>,
}

impl Account<'_> {
    fn found(&mut self, key: &str, shown: &str, place: &str) {
        self.found.push(format!("{key}: {shown} ({place})"));
    }

    fn missing(&mut self, key: &str) {
        self.missing.push(key.to_string());
    }
}

/// "5 §", or the heading of an unnumbered section.
fn label(section: &SectionView) -> String {
    match section.number {
        Some(n) => format!("{n} §"),
        None => {
            let heading = section.label.trim();
            format!("avsnittet «{heading}»")
        }
    }
}

/// The section on `topic` and its label, or the whole text `all`.
fn text_on<'t>(reading: &'t Reading<'_>, topic: Topic, all: &'t str) -> (&'t str, String) {
    match reading.section_on(topic) {
        Some(s) => (s.text.as_str(), label(s)),
        None => (all, "texten".to_string()),
    }
}

fn all_text(reading: &Reading<'_>) -> String {
    reading
        .sections
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn quote(text: &str) -> String {
    format!("«{text}»")
}

fn identity(
    reading: &Reading<'_>,
    all: &str,
    d: &mut PartialDescription,
    account: &mut Account<'_>,
) {
    let name = reading
        .section_on(Topic::Namn)
        .and_then(|s| provisions::after_phrase(&s.text, &["namn är "]).map(|n| (n, label(s))))
        .or_else(|| {
            provisions::name_from_title(&reading.document.title).map(|n| (n, "titeln".into()))
        });
    match name {
        Some((name, place)) => {
            account.found("namn", &quote(&name), &place);
            d.name = Some(name);
        }
        None => account.missing("namn"),
    }
    let (text, place) = text_on(reading, Topic::Sate, all);
    match provisions::after_phrase(text, &["säte är i ", "säte är ", "säte i "]) {
        Some(seat) => {
            account.found("säte", &quote(&seat), &place);
            d.seat = Some(seat);
        }
        None => account.missing("säte"),
    }
    if let Some(s) = reading.section_on(Topic::Andamal) {
        d.purpose = s.text.lines().map(str::to_string).collect();
        account.found(
            "ändamål",
            &format!("{} stycken", d.purpose.len()),
            &label(s),
        );
    }
    match provisions::start_date(all) {
        Some(date) => {
            account.found("verksamhetsstart", &date.to_string(), "texten");
            d.start = Some(date);
        }
        None => account.missing("verksamhetsstart"),
    }
}

fn members(reading: &Reading<'_>, account: &mut Account<'_>) -> Vec<DescribedMember> {
    let Some(section) = reading.section_on(Topic::Medlemmar) else {
        account.missing("medlemmar");
        return Vec::new();
    };
    let named = if reading.members.is_empty() {
        names_in(&section.text)
    } else {
        reading.members.clone()
    };
    let found = described(&named);
    if found.is_empty() {
        account.missing("medlemmar");
    }
    let place = label(section);
    for member in &found {
        let note = match &member.written {
            Some(written) => format!(" (i texten «{written}»)"),
            None => String::new(),
        };
        account.found.push(format!(
            "medlem: «{}», {}{note} ({place})",
            member.name,
            kind_name(member.kind)
        ));
    }
    found
}

fn kind_name(kind: MemberKind) -> &'static str {
    match kind {
        MemberKind::Kommun => "kommun",
        MemberKind::Region => "region (landsting)",
        MemberKind::Forsakringskassan => "Försäkringskassan",
        MemberKind::Arbetsformedlingen => "Arbetsförmedlingen",
    }
}

/// Ledamöter and ersättare per member: what every member appoints, or
/// the board's size shared equally.
fn per_member(reading: &Reading<'_>, members: usize) -> Option<(u32, u32)> {
    let board = facts::board(reading);
    if let Some(each) = board.appointments.iter().find(|a| a.member.is_none()) {
        return Some((each.ledamoter, each.ersattare));
    }
    let (total, deputies, _) = board.size?;
    let n = u32::try_from(members).ok().filter(|n| *n > 0)?;
    (total % n == 0 && deputies % n == 0).then_some((total / n, deputies / n))
}

fn board(
    reading: &Reading<'_>,
    all: &str,
    members: &[DescribedMember],
    d: &mut PartialDescription,
    account: &mut Account<'_>,
) {
    let (_, place) = text_on(reading, Topic::Styrelse, all);
    let per_member = per_member(reading, members.len());
    d.members = members
        .iter()
        .map(|m| PartialMember {
            name: m.name.clone(),
            kind: m.kind,
            ledamoter: per_member.map(|(l, _)| l),
            ersattare: per_member.map(|(_, e)| e),
        })
        .collect();
    match per_member {
        Some((l, e)) => account.found.push(format!(
            "medlemmar[].ledamöter och ersättare: {l} och {e} per medlem ({place})"
        )),
        None if !members.is_empty() => {
            account.missing("medlemmar[].ledamöter");
            account.missing("medlemmar[].ersättare");
        }
        None => {}
    }
    let lower = all.to_lowercase();
    if let Some(quorum) = provisions::quorum(all) {
        account.found("styrelse.beslutförhet", quorum, &place);
        d.board.quorum = Some(quorum);
    }
    if lower.contains("utslagsröst") {
        account.found("styrelse.utslagsröst", "ja", &place);
        d.board.casting_vote = Some(true);
    }
    if lower.contains("arbetsutskott") {
        account.found("styrelse.arbetsutskott", "ja", "texten");
        d.board.working_committee = Some(true);
    }
    if let Some(((n, m), matters)) = provisions::qualified_majority(all) {
        let fraction = format!("{n}/{m}");
        let shown = format!("{fraction} för {}", matters.join(", "));
        account.found("styrelse.kvalificerad_majoritet", &shown, "texten");
        d.board.qualified_majority = Some(PartialMajority { fraction, matters });
    }
    let terms = facts::terms(reading, Whose::Board);
    if let Some(first) = terms.first {
        account.found("mandattid.första", &format!("till {}", first.to), &place);
        d.terms.first = Some(PartialPeriod {
            from: first.from,
            to: first.to,
        });
    }
    if let Some(later) = terms.later {
        let start = match later.start {
            Some((4, 1)) => Some("1 april"),
            Some((1, 1)) => Some("1 januari"),
            _ => None,
        };
        if let Some(start) = start {
            account.found("mandattid.därefter_från", start, &place);
            d.terms.later_from = Some(start);
        }
        account.found("mandattid.längd_år", &later.years.to_string(), &place);
        d.terms.years = Some(later.years);
    }
}

fn auditors(reading: &Reading<'_>, d: &mut PartialDescription, account: &mut Account<'_>) {
    let Some(section) = reading.section_on(Topic::Revision) else {
        return;
    };
    let place = label(section);
    if let Some(first) = facts::terms(reading, Whose::Auditors).first {
        account.found(
            "revisorer.första_mandattid",
            &format!("till {}", first.to),
            &place,
        );
        d.auditors.first_term = Some(PartialPeriod {
            from: first.from,
            to: first.to,
        });
    }
    if section.normalised.contains("revisorsersättare") {
        account.found("revisorer.revisorsersättare", "ja", &place);
        d.auditors.deputies = Some(true);
    }
}

fn notice(reading: &Reading<'_>, d: &mut PartialDescription, account: &mut Account<'_>) {
    let Some(period) = facts::notice_period(reading) else {
        return;
    };
    let place = reading
        .sections
        .get(period.at.section)
        .map_or_else(|| "texten".to_string(), label);
    if period.months % 12 == 0 {
        let years = period.months / 12;
        account.found("uppsägningstid", &format!("{years} år"), &place);
        d.notice_years = Some(years);
    } else {
        // The description counts whole years; a period in months is shown
        // for the user to decide.
        account.found(
            "uppsägningstid",
            &format!("{} månader (ange i hela år)", period.months),
            &place,
        );
        account.missing("uppsägningstid");
    }
}

fn archive_and_notices(
    reading: &Reading<'_>,
    all: &str,
    members: &[String],
    d: &mut PartialDescription,
    account: &mut Account<'_>,
) {
    let (text, place) = text_on(reading, Topic::Arkiv, all);
    match provisions::archive(text, members) {
        Some((body, Some(member))) => {
            account.found("arkivtillsyn", &format!("{body} i {member}"), &place);
            d.archive = Some(PartialArchive { body, member });
        }
        Some((_, None)) => account.missing("arkivtillsyn.medlem"),
        None => account.missing("arkivtillsyn"),
    }
    let (text, place) = text_on(reading, Topic::Tillkannagivanden, all);
    let Some((where_, named)) = provisions::notices(text, members) else {
        account.missing("tillkännagivanden");
        return;
    };
    if where_ != NoticePlace::ForbundWebsite && named.is_empty() {
        account.missing("tillkännagivanden.medlemmar");
        return;
    }
    let shown = format!("{} {}", where_.key(), named.join(", "));
    account.found("tillkännagivanden", shown.trim(), &place);
    d.notices = Some(PartialNotices {
        place: where_.key(),
        members: named,
    });
}

fn budget(all: &str, d: &mut PartialDescription, account: &mut Account<'_>) {
    if let Some(deadline) = provisions::budget_deadline(all) {
        account.found("budgetprocess.fastställs_senast", &deadline, "texten");
        d.budget.deadline = Some(deadline);
    }
    if let Some(years) = provisions::planning_years(all) {
        account.found(
            "budgetprocess.planeringshorisont_år",
            &format!("{years} år"),
            "texten",
        );
        d.budget.planning_years = Some(years);
    }
}

fn disputes_and_remuneration(
    reading: &Reading<'_>,
    members: &[DescribedMember],
    d: &mut PartialDescription,
    account: &mut Account<'_>,
) {
    if let Some(s) = reading.section_on(Topic::Tvister) {
        let forum = if s.normalised.contains("skilje") {
            "skiljeförfarande"
        } else {
            "allmän_domstol"
        };
        account.found("tvister", forum, &label(s));
        d.disputes = Some(PartialDisputes {
            negotiate_first: s.normalised.contains("förhandl"),
            forum,
        });
    }
    let councils: Vec<String> = members
        .iter()
        .filter(|m| matches!(m.kind, MemberKind::Kommun | MemberKind::Region))
        .map(|m| m.name.clone())
        .collect();
    if let Some(s) = reading.section_on(Topic::Ersattning)
        && let Some(member) = provisions::remuneration_rules(&s.text, &councils)
    {
        account.found("ersättning", &quote(&member), &label(s));
        d.remuneration = Some(PartialRemuneration { member });
    }
}
