//! Terms of office of the board (FINSAM-12-MANDATTID) and of the revisors
//! (FINSAM-25-MANDATTID): a first term runs from no earlier than the
//! förbund's formation to 31 December of a general-election year (or to 31
//! March the year after, before terms from 1 April); later
//! terms run four years from the year after an election, and no term is
//! longer than four years. When later terms start (1 January or 1 April)
//! is unverified: FINSAM-12-MANDATTID-START only warns about other days.

use chrono::{Datelike, NaiveDate};

use super::{at_path, fix_field, fix_note};
use crate::check::rule::{At, CHARTER, Hit, Rule, Subject, Target, finsam, finsam_unverified};
use crate::finding::Severity;
use crate::read::facts::{self, Formation, Whose};
use crate::spec::{Forbund, is_election_year, next_election_year};
use crate::swedish::date_long;

const TERMS: &str = "Allmänna val hålls vart fjärde år (2006, 2010 … 2022, 2026, 2030). En \
mandattid räknas från året efter valåret; den första mandattiden löper från förbundets bildande \
till utgången av ett valår.";

/// The board's terms.
pub const BOARD: Rule = Rule {
    id: "FINSAM-12-MANDATTID",
    severity: Severity::Error,
    citation: finsam("12 §"),
    summary: "styrelsens mandattid: första perioden till den 31 december ett valår, därefter fyra år, aldrig längre",
    explanation: "Vad regeln gör: läser styrelsens första mandattid och de följande. Den första \
får inte börja före förbundets bildande och ska sluta den 31 december ett år med allmänna val; \
ingen mandattid får vara längre än fyra år.\n\nVarför: en första mandattid som slutar ett annat \
år ger en lucka eller ett överlapp mot de följande fyraårsperioderna, och en längre mandattid än \
fyra år strider mot 12 §.",
    statute: "Sammanfattning av 12 §: ledamöter och ersättare utses för fyra år, räknat från och \
med året efter det år då val av fullmäktige i kommuner och regioner har hållits, om inte \
förbundsordningen anger en kortare tid.",
    applies_to: CHARTER,
    check: check_board,
};

/// The revisors' terms.
pub const AUDITORS: Rule = Rule {
    id: "FINSAM-25-MANDATTID",
    severity: Severity::Error,
    citation: finsam("25 §"),
    summary: "revisorernas mandattid följer samma logik som styrelsens",
    explanation: "Vad regeln gör: läser revisorernas första mandattid och de följande med samma \
krav som för styrelsen, och kontrollerar att den första inte ligger före förbundets \
verksamhet (före styrelsens första mandattid eller före medlemmarnas beslut).\n\nVarför: \
revisorer kan inte utses för en tid då förbundet inte finns, och 9 § 12 p. kräver att \
revisorernas mandattid anges.",
    statute: "Sammanfattning av 25 § och 9 § 12 p.: revisorerna utses av kommun- och \
regionfullmäktige och av Försäkringskassan; förbundsordningen ska ange revisorernas mandattid.",
    applies_to: CHARTER,
    check: check_auditors,
};

/// Later terms start 1 January or 1 April.
pub const START: Rule = Rule {
    id: "FINSAM-12-MANDATTID-START",
    severity: Severity::Warning,
    citation: finsam_unverified("12 §"),
    summary: "följande mandattider börjar den 1 januari eller den 1 april året efter valåret",
    explanation: "Vad regeln gör: läser från vilken dag de följande mandattiderna räknas. Både \
den 1 januari och den 1 april godtas; en annan dag ger en varning.\n\nVarför: vilken av dagarna \
lagen förutsätter är inte verifierat, men andra dagar ger luckor mot fullmäktiges mandattider.",
    statute: TERMS,
    applies_to: &[Target::Forbundsordning],
    check: check_start,
};

/// A first term to judge, with where to point.
struct First {
    from: Option<NaiveDate>,
    to: NaiveDate,
    at: At,
    at_from: At,
    fix_field: Option<&'static str>,
}

/// What the first term is judged against.
#[derive(Default)]
struct Bounds {
    /// The exact formation date.
    formed: Option<NaiveDate>,
    /// The earliest the förbund can be formed, and why.
    earliest: Option<(NaiveDate, String)>,
    /// For the revisors: the board's first day.
    board_from: Option<NaiveDate>,
}

fn judge(first: &First, bounds: &Bounds, whose: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    let to = first.to;
    let start_year = first.from.map_or(to.year(), |f| f.year());
    let suggested = NaiveDate::from_ymd_opt(next_election_year(start_year), 12, 31);
    let fix = |message: String| match (first.fix_field, suggested) {
        (Some(field), Some(s)) => fix_field(message, field, &format!("\"{s}\"")),
        _ => fix_note(message),
    };
    // A first term ending 31 March after an election year is followed by
    // terms from 1 April; whether the law assumes 1 January or 1 April is
    // unverified (DESIGN §4), so both are accepted.
    let april_terms = (to.month(), to.day()) == (3, 31) && is_election_year(to.year() - 1);
    if !april_terms && ((to.month(), to.day()) != (12, 31) || !is_election_year(to.year())) {
        let why = if (to.month(), to.day()) != (12, 31) {
            "den 31 december".to_string()
        } else {
            format!(
                "den 31 december ett valår; {} är inget valår (val hålls {} och {})",
                to.year(),
                next_election_year(to.year()) - 4,
                next_election_year(to.year())
            )
        };
        let mut hit = Hit::new(
            format!(
                "{whose} första mandattid slutar {}, men den ska sluta {why}",
                date_long(to)
            ),
            first.at.clone(),
        );
        if let Some(s) = suggested {
            hit = hit.with_fix(fix(format!(
                "låt den första mandattiden sluta {}",
                date_long(s)
            )));
        }
        hits.push(hit);
    }
    if let Some(from) = first.from {
        if from > to {
            hits.push(Hit::new(
                format!(
                    "{whose} första mandattid börjar {} men slutar redan {}",
                    date_long(from),
                    date_long(to)
                ),
                first.at_from.clone(),
            ));
        }
        if let Some(formed) = bounds.formed
            && from < formed
        {
            hits.push(Hit::new(
                format!(
                    "{whose} första mandattid börjar {}, före förbundets bildande {}",
                    date_long(from),
                    date_long(formed)
                ),
                first.at_from.clone(),
            ));
        } else if let Some((earliest, why)) = &bounds.earliest
            && from < *earliest
        {
            hits.push(Hit::new(
                format!(
                    "{whose} första mandattid börjar {}, innan förbundet kan vara bildat ({why})",
                    date_long(from)
                ),
                first.at_from.clone(),
            ));
        }
        if let Some(limit) = from.with_year(from.year() + 4)
            && to >= limit
        {
            hits.push(Hit::new(
                format!(
                    "{whose} första mandattid, {}–{}, är längre än fyra år",
                    date_long(from),
                    date_long(to)
                ),
                first.at.clone(),
            ));
        }
    }
    if let Some(board_from) = bounds.board_from
        && to < board_from
    {
        hits.push(Hit::new(
            format!("{whose} första mandattid slutar {}, innan styrelsens första mandattid börjar {}; den ligger före förbundets verksamhet", date_long(to), date_long(board_from)),
            first.at.clone(),
        ));
    }
    hits
}

fn later_years(years: u32, at: At, whose: &str, field: Option<&str>) -> Option<Hit> {
    (years > 4).then(|| {
        let hit = Hit::new(
            format!(
                "{whose} mandattider är {} år; en mandattid får vara högst fyra år",
                crate::swedish::number_in_words_neuter(u64::from(years))
            ),
            at,
        );
        match field {
            Some(f) => hit.with_fix(fix_field("sätt längden till 4 år".to_string(), f, "4")),
            None => hit.with_fix(fix_note("skriv «för fyra år»")),
        }
    })
}

fn description_bounds(f: &Forbund) -> Bounds {
    let earliest = f
        .cases
        .iter()
        .filter_map(|c| c.date.map(|d| (d, c.member.clone())))
        .max_by_key(|(d, _)| *d)
        .map(|(d, member)| {
            (
                d,
                format!("tjänsteutlåtandet för {member} är daterat {}", date_long(d)),
            )
        });
    Bounds {
        formed: f.formed,
        earliest,
        board_from: None,
    }
}

fn check_board(subject: &Subject<'_>) -> Vec<Hit> {
    let whose = "styrelsens";
    match subject {
        Subject::Description(d) => {
            let f = d.forbund;
            let mut hits = Vec::new();
            if let Some(first) = &f.term.first {
                let first = First {
                    from: first.from,
                    to: first.to,
                    at: at_path("/mandattid/första/till"),
                    at_from: at_path("/mandattid/första/från"),
                    fix_field: Some("/mandattid/första/till"),
                };
                hits.extend(judge(&first, &description_bounds(f), whose));
            }
            hits.extend(later_years(
                f.term.length_years,
                at_path("/mandattid/längd_år"),
                whose,
                Some("/mandattid/längd_år"),
            ));
            hits
        }
        Subject::Document(view) => {
            let terms = facts::terms(view, Whose::Board);
            let bounds = Bounds {
                formed: match facts::formation(view) {
                    Some(Formation::On(d)) => Some(d),
                    _ => None,
                },
                ..Bounds::default()
            };
            let mut hits = Vec::new();
            if let Some(first) = &terms.first {
                hits.extend(judge(&document_first(first), &bounds, whose));
            }
            if let Some(later) = &terms.later {
                hits.extend(later_years(
                    later.years,
                    later.at.clone().into(),
                    whose,
                    None,
                ));
            }
            hits
        }
        Subject::Package(_) => Vec::new(),
    }
}

fn document_first(first: &facts::FirstTerm) -> First {
    First {
        from: first.from,
        to: first.to,
        at: first.at.clone().into(),
        at_from: first.at.clone().into(),
        fix_field: None,
    }
}

fn check_auditors(subject: &Subject<'_>) -> Vec<Hit> {
    let whose = "revisorernas";
    match subject {
        Subject::Description(d) => {
            let f = d.forbund;
            let Some(first) = &f.auditors.first_term else {
                return Vec::new();
            };
            let mut bounds = description_bounds(f);
            bounds.board_from = f.first_term_start();
            let first = First {
                from: first.from,
                to: first.to,
                at: at_path("/revisorer/första_mandattid/till"),
                at_from: at_path("/revisorer/första_mandattid/från"),
                fix_field: Some("/revisorer/första_mandattid/till"),
            };
            judge(&first, &bounds, whose)
        }
        Subject::Document(view) => {
            let terms = facts::terms(view, Whose::Auditors);
            let board = facts::terms(view, Whose::Board);
            let bounds = Bounds {
                formed: match facts::formation(view) {
                    Some(Formation::On(d)) => Some(d),
                    _ => None,
                },
                earliest: None,
                board_from: board.first.and_then(|f| f.from),
            };
            let mut hits = Vec::new();
            if let Some(first) = &terms.first {
                hits.extend(judge(&document_first(first), &bounds, whose));
            }
            if let Some(later) = &terms.later {
                hits.extend(later_years(
                    later.years,
                    later.at.clone().into(),
                    whose,
                    None,
                ));
            }
            hits
        }
        Subject::Package(_) => Vec::new(),
    }
}

fn check_start(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Document(view) = subject else {
        return Vec::new();
    };
    [(Whose::Board, "styrelsens"), (Whose::Auditors, "revisorernas")]
        .into_iter()
        .filter_map(|(whose, name)| {
            let later = facts::terms(view, whose).later?;
            let (month, day) = later.start?;
            if matches!((month, day), (1, 1) | (4, 1)) {
                return None;
            }
            let month_name = crate::spec::types::MONTHS.get(month.saturating_sub(1) as usize).copied().unwrap_or("?");
            Some(Hit::new(
                format!("{name} följande mandattider räknas från den {day} {month_name} året efter valåret; de brukar räknas från den 1 januari eller den 1 april, och en annan dag ger luckor eller överlapp mot fullmäktiges mandattider"),
                later.at,
            ))
        })
        .collect()
}
