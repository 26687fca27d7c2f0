//! Members and the board: who the members are (also under their old
//! names: landsting → region, länsarbetsnämnd → Arbetsförmedlingen, allmän
//! försäkringskassa → Försäkringskassan), and how many ledamöter and
//! ersättare each appoints.

use super::words::{capitalise, number, tokens};
use crate::spec::MemberKind;

/// A member found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FoundMember {
    /// The name for the description.
    pub name: String,
    /// The kind.
    pub kind: MemberKind,
    /// How the text wrote it, when that differs from the name.
    pub written: Option<String>,
}

/// The members listed in a text such as "Förbundets medlemmar är
/// Försäkringskassan i Stockholms län, Länsarbetsnämnden i Stockholms län,
/// Stockholms läns landsting och Haninge kommun."
pub(super) fn members(text: &str) -> Vec<FoundMember> {
    let mut found: Vec<FoundMember> = Vec::new();
    for line in text.lines() {
        let list = line.split_once(" är ").map_or(line, |(_, rest)| rest);
        for piece in split_list(list) {
            let Some(member) = classify(&piece) else {
                continue;
            };
            let duplicate = found.iter().any(|m| {
                m.name.eq_ignore_ascii_case(&member.name)
                    || (m.kind == member.kind
                        && matches!(
                            m.kind,
                            MemberKind::Forsakringskassan | MemberKind::Arbetsformedlingen
                        ))
            });
            if !duplicate {
                found.push(member);
            }
        }
    }
    found
}

/// "A, B och C" / "A, B samt C" → the parts, trimmed.
fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .flat_map(|part| part.split(" och "))
        .flat_map(|part| part.split(" samt "))
        .map(|part| {
            let part = part.trim().trim_end_matches(['.', ':', ';']).trim();
            let part = part.strip_prefix("samt ").unwrap_or(part);
            part.strip_prefix("och ").unwrap_or(part).trim().to_string()
        })
        .filter(|part| !part.is_empty() && part.split_whitespace().count() <= 8)
        .collect()
}

/// What kind of member a name is, with its modern name for the agencies.
fn classify(piece: &str) -> Option<FoundMember> {
    let lower = piece.to_lowercase();
    let agency = |name: &str, kind| {
        Some(FoundMember {
            name: name.to_string(),
            kind,
            written: (piece != name).then(|| piece.to_string()),
        })
    };
    if lower.contains("försäkringskass") {
        return agency("Försäkringskassan", MemberKind::Forsakringskassan);
    }
    if lower.contains("länsarbetsnämnd") || lower.contains("arbetsförmedling") {
        return agency("Arbetsförmedlingen", MemberKind::Arbetsformedlingen);
    }
    let kind = if lower.contains("landsting") || lower.contains("region") {
        MemberKind::Region
    } else if lower.contains("kommun") || lower.ends_with(" stad") {
        MemberKind::Kommun
    } else {
        return None;
    };
    if lower.starts_with("förbund") || lower.contains(" i förbundet") {
        return None;
    }
    Some(FoundMember {
        name: capitalise(piece),
        kind,
        written: None,
    })
}

/// Ledamöter and ersättare, per member and for the whole board.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Board {
    /// What each member appoints ("Varje medlem väljer en ledamot och en ersättare").
    pub per_member: Option<(u32, u32)>,
    /// The whole board ("Styrelsen skall bestå av 4 ledamöter med 4 ersättare").
    pub total: Option<(u32, u32)>,
}

/// Reads the board's size and representation from the text.
pub(super) fn board(text: &str) -> Board {
    let words = tokens(text);
    let mut board = Board::default();
    for (i, word) in words.iter().enumerate() {
        if word == "varje"
            && words.get(i + 1).is_some_and(|w| {
                w.starts_with("medlem") || w.starts_with("part") || w.starts_with("huvudm")
            })
            && board.per_member.is_none()
        {
            board.per_member = counts(&words[i + 2..]);
        }
        if (word == "av" && i > 0 && words[i - 1].starts_with("bestå")) && board.total.is_none() {
            board.total = counts(&words[i + 1..]);
        }
    }
    board
}

/// "(en) (ordinarie) ledamot (och|med) (en) ersättare" at the start of
/// `words` (within a few words).
fn counts(words: &[String]) -> Option<(u32, u32)> {
    let window = &words[..words.len().min(12)];
    let members_at = window
        .iter()
        .position(|w| w == "ledamot" || w == "ledamöter")?;
    let members = (1..=2)
        .filter_map(|back| members_at.checked_sub(back))
        .find_map(|i| number(&window[i]))?;
    let rest = &window[members_at + 1..];
    let deputies_at = rest.iter().position(|w| w == "ersättare")?;
    let deputies = (1..=2)
        .filter_map(|back| deputies_at.checked_sub(back))
        .find_map(|i| number(&rest[i]))?;
    Some((members, deputies))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, MemberKind)> {
        members(text)
            .into_iter()
            .map(|m| (m.name, m.kind))
            .collect()
    }

    #[test]
    fn members_under_old_and_new_names() {
        assert_eq!(
            names(
                "Förbundets medlemmar är Försäkringskassan i Stockholms län, , Länsarbetsnämnden i Stockholms kommun, Stockholms läns landsting och Haninge kommun."
            ),
            vec![
                (
                    "Försäkringskassan".to_string(),
                    MemberKind::Forsakringskassan
                ),
                (
                    "Arbetsförmedlingen".to_string(),
                    MemberKind::Arbetsformedlingen
                ),
                ("Stockholms läns landsting".to_string(), MemberKind::Region),
                ("Haninge kommun".to_string(), MemberKind::Kommun),
            ]
        );
        assert_eq!(
            names(
                "Förbundet har fyra medlemmar som tillika är parter i förbundet:\nStockholms stad, Försäkringskassan, Arbetsförmedlingen och Stockholms läns landsting."
            ),
            vec![
                ("Stockholms stad".to_string(), MemberKind::Kommun),
                (
                    "Försäkringskassan".to_string(),
                    MemberKind::Forsakringskassan
                ),
                (
                    "Arbetsförmedlingen".to_string(),
                    MemberKind::Arbetsformedlingen
                ),
                ("Stockholms läns landsting".to_string(), MemberKind::Region),
            ]
        );
        assert_eq!(
            names("Medlemmar är allmän försäkringskassa, Region Gotland samt Gotlands kommun."),
            vec![
                (
                    "Försäkringskassan".to_string(),
                    MemberKind::Forsakringskassan
                ),
                ("Region Gotland".to_string(), MemberKind::Region),
                ("Gotlands kommun".to_string(), MemberKind::Kommun),
            ]
        );
    }

    #[test]
    fn board_size_and_representation() {
        let haninge = board(
            "Styrelsen skall bestå av 4 ledamöter med 4 ersättare. Varje medlem väljer en ledamot och en ersättare för denne.",
        );
        assert_eq!(haninge.total, Some((4, 4)));
        assert_eq!(haninge.per_member, Some((1, 1)));
        let stockholm = board(
            "Styrelsen ska bestå av fyra ledamöter och fyra ersättare. Varje part utser en ordinarie ledamot och en ersättare.",
        );
        assert_eq!(stockholm.total, Some((4, 4)));
        assert_eq!(stockholm.per_member, Some((1, 1)));
        let amended = board("Varje medlem väljer två ledamöter och två ersättare för dessa.");
        assert_eq!(amended.per_member, Some((2, 2)));
        assert_eq!(
            board("Förbundet ska ledas av en styrelse."),
            Board::default()
        );
    }
}
