//! The single facts of a förbundsordning, each read from the sentences
//! that state it: name, seat, terms of office, notice period, archive
//! supervision, where notices are posted, qualified majority, the budget
//! deadline, the quorum, disputes and remuneration.

use chrono::NaiveDate;

use super::members::FoundMember;
use super::words::{capitalise, dates, day_month_after, fraction, number, sentences, tokens};

/// "Förbundets namn är Samordningsförbundet X." → "Samordningsförbundet X".
pub(super) fn after_phrase(text: &str, phrases: &[&str]) -> Option<String> {
    let lower = text.to_lowercase();
    for phrase in phrases {
        if let Some(at) = lower.find(phrase) {
            let rest = text.get(at + phrase.len()..)?;
            let sentence = rest.split(['\n']).next().unwrap_or_default();
            let value = sentence.trim().trim_end_matches(['.', ',', ';']).trim();
            if !value.is_empty() {
                return Some(capitalise(value));
            }
        }
    }
    None
}

/// The förbund's name from a title "Förbundsordning för Samordningsförbundet X".
pub(super) fn name_from_title(title: &str) -> Option<String> {
    let lower = title.to_lowercase();
    let at = lower.find(" för ")?;
    let rest = title.get(at + " för ".len()..)?.trim();
    (!rest.is_empty()).then(|| capitalise(rest))
}

/// A first term: (from, to) from "första gången … från och med den 1
/// januari 2007 till och med den 31 december 2010"; `from` is `None` when
/// the term runs from the förbund's formation.
pub(super) fn first_term(text: &str) -> Option<(Option<NaiveDate>, NaiveDate)> {
    let sentence = sentences(text)
        .into_iter()
        .find(|s| s.to_lowercase().contains("första gången"))?;
    match dates(&sentence).as_slice() {
        [] => None,
        [to] => Some((None, *to)),
        [from, to, ..] => Some((Some(*from), *to)),
    }
}

/// "för fyra år" → 4.
pub(super) fn term_years(text: &str) -> Option<u32> {
    let words = tokens(text);
    words.windows(3).find_map(|w| {
        (w[0] == "för" && w[2] == "år")
            .then(|| number(&w[1]))
            .flatten()
    })
}

/// "1 april" when later terms start on 1 April, else "1 januari" when the
/// text says so.
pub(super) fn later_start(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    if lower.contains("1 april året efter") {
        Some("1 april")
    } else if lower.contains("1 januari året efter") {
        Some("1 januari")
    } else {
        None
    }
}

/// "Uppsägningstiden är (därvid) tre år" → 3.
pub(super) fn notice_years(text: &str) -> Option<u32> {
    let words = tokens(text);
    let at = words.iter().position(|w| w.starts_with("uppsägningstid"))?;
    let window = &words[at..words.len().min(at + 6)];
    window
        .windows(2)
        .find_map(|w| (w[1] == "år").then(|| number(&w[0])).flatten())
}

/// "Kommunstyrelsen i Haninge Kommun" → ("Kommunstyrelsen", the member).
pub(super) fn archive(text: &str, members: &[FoundMember]) -> Option<(String, Option<String>)> {
    let sentence = sentences(text)
        .into_iter()
        .find(|s| s.to_lowercase().contains("arkiv"))?;
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let at = words.iter().position(|w| {
        let lower = w.to_lowercase();
        lower.ends_with("styrelsen") || lower.ends_with("nämnden")
    })?;
    let body = capitalise(words[at].trim_matches(|c: char| !c.is_alphabetic()));
    let after = words.get(at + 1..).unwrap_or_default().join(" ");
    let member = after
        .strip_prefix("i ")
        .or_else(|| after.strip_prefix("hos "))
        .and_then(|rest| member_at_start(rest, members));
    Some((body, member))
}

/// The member whose name `text` starts with (any case).
fn member_at_start(text: &str, members: &[FoundMember]) -> Option<String> {
    let lower = text.to_lowercase();
    members
        .iter()
        .find(|m| lower.starts_with(&m.name.to_lowercase()))
        .map(|m| m.name.clone())
}

/// The members named in `text`, also in the genitive ("Stockholms stads").
pub(super) fn members_named(text: &str, members: &[FoundMember]) -> Vec<String> {
    let lower = text.to_lowercase();
    members
        .iter()
        .filter(|m| lower.contains(&m.name.to_lowercase()))
        .map(|m| m.name.clone())
        .collect()
}

/// Where notices are posted: the schema's place and the members named.
pub(super) fn notices(text: &str, members: &[FoundMember]) -> Option<(&'static str, Vec<String>)> {
    let lower = text.to_lowercase();
    let place = if lower.contains("webbplats") || lower.contains("hemsida") {
        if lower.contains("förbundets webbplats") || lower.contains("förbundets hemsida") {
            "förbundets_webbplats"
        } else {
            "medlemmars_webbplats"
        }
    } else if lower.contains("anslagstavl") {
        "anslagstavla"
    } else {
        return None;
    };
    Some((place, members_named(text, members)))
}

/// A qualified majority: the fraction as "3/4" and the matters ("Beslut om
/// budget och verksamhetsplan ska fattas med ¾ kvalificerad majoritet").
pub(super) fn qualified_majority(text: &str) -> Option<(String, Vec<String>)> {
    let sentence = sentences(text)
        .into_iter()
        .find(|s| s.to_lowercase().contains("majoritet") && fraction(s).is_some())?;
    let (numerator, denominator) = fraction(&sentence)?;
    let lower = sentence.to_lowercase();
    let matters = lower
        .find("beslut om ")
        .map(|at| &lower[at + "beslut om ".len()..])
        .map(|rest| {
            let end = [" ska ", " skall ", " kräver ", " fattas ", " med "]
                .iter()
                .filter_map(|w| rest.find(w))
                .min()
                .unwrap_or(rest.len());
            rest[..end]
                .split(',')
                .flat_map(|p| p.split(" och "))
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| vec![sentence.clone()]);
    Some((format!("{numerator}/{denominator}"), matters))
}

/// "fastställa budget senast den 30 november" → "30 november".
pub(super) fn budget_deadline(text: &str) -> Option<String> {
    sentences(text).into_iter().find_map(|s| {
        let lower = s.to_lowercase();
        if !lower.contains("budget") {
            return None;
        }
        let (day, month) = day_month_after(&s, "senast")?;
        let name = crate::spec::types::MONTHS.get(usize::try_from(month).ok()?.checked_sub(1)?)?;
        Some(format!("{day} {name}"))
    })
}

/// "de kommande tre åren" → 3.
pub(super) fn planning_years(text: &str) -> Option<u32> {
    let words = tokens(text);
    words.windows(3).find_map(|w| {
        (matches!(w[0].as_str(), "kommande" | "nästföljande") && w[2].starts_with("år"))
            .then(|| number(&w[1]))
            .flatten()
    })
}

/// The quorum as the schema names it.
pub(super) fn quorum(text: &str) -> Option<&'static str> {
    let sentence = sentences(text).into_iter().find(|s| {
        let lower = s.to_lowercase();
        lower.contains("beslutför") || lower.contains("beslutsför")
    })?;
    let lower = sentence.to_lowercase();
    if lower.contains("samtliga") || lower.contains("alla medlemmar") {
        Some("alla_medlemmar_företrädda")
    } else if lower.contains("minst hälften") {
        Some("minst_hälften")
    } else if lower.contains("fler än hälften") || lower.contains("mer än hälften") {
        Some("fler_än_hälften")
    } else {
        None
    }
}

/// The member whose rules on remuneration apply ("ska följa Stockholms
/// stads regler").
pub(super) fn remuneration_rules(text: &str, members: &[FoundMember]) -> Option<String> {
    sentences(text).into_iter().find_map(|s| {
        let lower = s.to_lowercase();
        if !lower.contains("regler") {
            return None;
        }
        members
            .iter()
            .filter(|m| {
                matches!(
                    m.kind,
                    crate::spec::MemberKind::Kommun | crate::spec::MemberKind::Region
                )
            })
            .find(|m| lower.contains(&m.name.to_lowercase()))
            .map(|m| m.name.clone())
    })
}

/// The start of operations: a date in a sentence about the förbund
/// starting its work.
pub(super) fn start_date(text: &str) -> Option<NaiveDate> {
    sentences(text).into_iter().find_map(|s| {
        let lower = s.to_lowercase();
        let about_start = lower.contains("verksamhet")
            && (lower.contains("start") || lower.contains("påbörja") || lower.contains("inleder"));
        about_start.then(|| dates(&s).into_iter().next()).flatten()
    })
}
