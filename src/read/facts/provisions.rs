//! The single provisions of a förbundsordning that a description records:
//! name, säte, start of operations, archive supervision, where notices are
//! posted, qualified majority, budget deadline and planning horizon,
//! quorum, and whose rules on remuneration apply. Each reads the text of
//! the § that holds it (or the whole text) with the [`lexicon`](crate::read::lexicon).

use chrono::NaiveDate;

use crate::read::lexicon::{dates, day_month_after, fraction, number, sentences, tokens};
use crate::spec::types::MONTHS;
use crate::swedish::capitalise;

/// "Förbundets namn är Samordningsförbundet X." → "Samordningsförbundet X":
/// the rest of the line after the first of `phrases` found.
pub fn after_phrase(text: &str, phrases: &[&str]) -> Option<String> {
    let lower = text.to_lowercase();
    for phrase in phrases {
        if let Some(at) = lower.find(phrase) {
            let rest = text.get(at + phrase.len()..)?;
            let line = rest.split('\n').next().unwrap_or_default();
            let value = line.trim().trim_end_matches(['.', ',', ';']).trim();
            if !value.is_empty() {
                return Some(capitalise(value));
            }
        }
    }
    None
}

/// The förbund's name from a title "Förbundsordning för Samordningsförbundet X".
pub fn name_from_title(title: &str) -> Option<String> {
    let lower = title.to_lowercase();
    let at = lower.find(" för ")?;
    let rest = title.get(at + " för ".len()..)?.trim();
    (!rest.is_empty()).then(|| capitalise(rest))
}

/// The body that supervises the archive and the member it belongs to:
/// "Kommunstyrelsen i Haninge kommun" → ("Kommunstyrelsen", the member).
pub fn archive(text: &str, members: &[String]) -> Option<(String, Option<String>)> {
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
fn member_at_start(text: &str, members: &[String]) -> Option<String> {
    let lower = text.to_lowercase();
    members
        .iter()
        .find(|m| lower.starts_with(&m.to_lowercase()))
        .cloned()
}

/// The members named in `text`.
pub fn members_named(text: &str, members: &[String]) -> Vec<String> {
    let lower = text.to_lowercase();
    members
        .iter()
        .filter(|m| lower.contains(&m.to_lowercase()))
        .cloned()
        .collect()
}

/// Where notices are posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticePlace {
    /// The förbund's own webbplats.
    ForbundWebsite,
    /// Members' webbplatser.
    MembersWebsites,
    /// A (physical) anslagstavla.
    NoticeBoard,
}

impl NoticePlace {
    /// The description's value.
    pub fn key(self) -> &'static str {
        match self {
            NoticePlace::ForbundWebsite => "förbundets_webbplats",
            NoticePlace::MembersWebsites => "medlemmars_webbplats",
            NoticePlace::NoticeBoard => "anslagstavla",
        }
    }
}

/// Where notices are posted, and the members named there.
pub fn notices(text: &str, members: &[String]) -> Option<(NoticePlace, Vec<String>)> {
    let lower = text.to_lowercase();
    let place = if lower.contains("webbplats") || lower.contains("hemsida") {
        if lower.contains("förbundets webbplats") || lower.contains("förbundets hemsida") {
            NoticePlace::ForbundWebsite
        } else {
            NoticePlace::MembersWebsites
        }
    } else if lower.contains("anslagstavl") {
        NoticePlace::NoticeBoard
    } else {
        return None;
    };
    Some((place, members_named(text, members)))
}

/// A qualified majority: the fraction and the matters it applies to
/// ("Beslut om budget och verksamhetsplan ska fattas med ¾ kvalificerad
/// majoritet").
pub fn qualified_majority(text: &str) -> Option<((u32, u32), Vec<String>)> {
    let sentence = sentences(text)
        .into_iter()
        .find(|s| s.to_lowercase().contains("majoritet") && fraction(s).is_some())?;
    let fraction = fraction(sentence)?;
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
        .unwrap_or_else(|| vec![sentence.to_string()]);
    Some((fraction, matters))
}

/// "fastställa budget senast den 30 november" → "30 november".
pub fn budget_deadline(text: &str) -> Option<String> {
    sentences(text).into_iter().find_map(|s| {
        if !s.to_lowercase().contains("budget") {
            return None;
        }
        let (day, month) = day_month_after(s, "senast")?;
        let name = MONTHS.get(usize::try_from(month).ok()?.checked_sub(1)?)?;
        Some(format!("{day} {name}"))
    })
}

/// "de kommande tre åren" → 3.
pub fn planning_years(text: &str) -> Option<u32> {
    let words = tokens(text);
    words.windows(3).find_map(|w| {
        (matches!(w[0].as_str(), "kommande" | "nästföljande") && w[2].starts_with("år"))
            .then(|| number(&w[1]))
            .flatten()
    })
}

/// The quorum as the description names it.
pub fn quorum(text: &str) -> Option<&'static str> {
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

/// The member (a kommun or region among `members`) whose rules on
/// remuneration apply ("ska följa Stockholms stads regler").
pub fn remuneration_rules(text: &str, members: &[String]) -> Option<String> {
    sentences(text).into_iter().find_map(|s| {
        let lower = s.to_lowercase();
        if !lower.contains("regler") {
            return None;
        }
        members
            .iter()
            .find(|m| lower.contains(&m.to_lowercase()))
            .cloned()
    })
}

/// The start of operations: a date in a sentence about the förbund
/// starting its work.
pub fn start_date(text: &str) -> Option<NaiveDate> {
    sentences(text).into_iter().find_map(|s| {
        let lower = s.to_lowercase();
        let about_start = lower.contains("verksamhet")
            && (lower.contains("start") || lower.contains("påbörja") || lower.contains("inleder"));
        about_start
            .then(|| dates(s).into_iter().next().map(|(d, _)| d))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_single_provisions() {
        let members = ["Haninge kommun".to_string(), "Stockholms stad".to_string()];
        assert_eq!(
            archive(
                "Arkivmyndighet är kommunstyrelsen i Haninge kommun.",
                &members
            ),
            Some(("Kommunstyrelsen".into(), Some("Haninge kommun".into())))
        );
        assert_eq!(
            qualified_majority(
                "Beslut om budget och verksamhetsplan ska fattas med ¾ kvalificerad majoritet."
            ),
            Some(((3, 4), vec!["budget".into(), "verksamhetsplan".into()]))
        );
        assert_eq!(
            budget_deadline("Styrelsen ska fastställa budget senast den 30 november."),
            Some("30 november".into())
        );
        assert_eq!(
            notices(
                "Kungörelser anslås på Stockholms stads anslagstavla.",
                &members
            ),
            Some((NoticePlace::NoticeBoard, vec!["Stockholms stad".into()]))
        );
        assert_eq!(
            start_date("Förbundet inleder sin verksamhet den 1 januari 2007."),
            NaiveDate::from_ymd_opt(2007, 1, 1)
        );
    }
}
