//! Cost shares as a text states them: "Försäkringskassan bidrar med hälften
//! av medlen, Stockholms läns landsting med en fjärdedel samt Stockholms
//! stad med en fjärdedel", "kommunerna tillsammans med en fjärdedel", or a
//! list "Haninge kommun: 12,5 procent". Each clause is attributed to the
//! party it names; shares "of the kommuner's share" are read as parts of
//! that quarter; sentences about money only ("medel", "bidra",
//! "kostnad"…), so that "fler än hälften av ledamöterna" is not a share.

use crate::read::Place;
use crate::read::lexicon::{self as text, fold, normalise};
use crate::read::reading::{NamedMember, classify};
use crate::spec::MemberKind;

/// Which party a stated share belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Party {
    /// The state ("statens andel"), or Försäkringskassan and
    /// Arbetsförmedlingen named together.
    State,
    /// Försäkringskassan alone.
    Forsakringskassan,
    /// Arbetsförmedlingen alone.
    Arbetsformedlingen,
    /// The region(s) generally, or the only region.
    Regions,
    /// The kommun(er) generally, or the only kommun.
    Kommuner,
    /// One named member among several of its kind.
    Member(String, MemberKind),
}

/// One stated share.
#[derive(Debug, Clone, PartialEq)]
pub struct StatedShare {
    /// Whose.
    pub party: Party,
    /// As a fraction of the whole.
    pub value: f64,
    /// Whether the text states it as a share of the kommuner's (or the
    /// regions') quarter.
    pub of_part: bool,
    /// The clause it was read from.
    pub clause: String,
    /// Where.
    pub at: Place,
}

const MONEY: &[&str] = &[
    "medel",
    "medlen",
    "bidra",
    "kostnad",
    "betala",
    "tillskjut",
    "finansier",
    "budget",
];

/// The shares stated in `sentences` (section index, sentence), attributed
/// to parties given the members the text names.
/// The shares a document's body states, read once per document.
pub fn of(view: &crate::read::reading::Reading<'_>) -> Vec<StatedShare> {
    view.cache
        .shares
        .get_or_init(|| stated_in(view.sentence_forms(), &view.members))
        .clone()
}

/// The shares stated in `sentences` (with their sections).
pub fn stated<'s>(
    sentences: impl IntoIterator<Item = (usize, &'s str)>,
    members: &[NamedMember],
) -> Vec<StatedShare> {
    let forms: Vec<(usize, &str, String, String)> = sentences
        .into_iter()
        .map(|(index, s)| {
            let normalised = normalise(s);
            let folded = fold(&normalised);
            (index, s, normalised, folded)
        })
        .collect();
    stated_in(
        forms
            .iter()
            .map(|(i, s, n, f)| (*i, *s, n.as_str(), f.as_str())),
        members,
    )
}

/// The shares stated in sentences given with their normalised and folded
/// forms.
fn stated_in<'s>(
    sentences: impl Iterator<Item = (usize, &'s str, &'s str, &'s str)>,
    members: &[NamedMember],
) -> Vec<StatedShare> {
    let mut out = Vec::new();
    for (index, sentence, s, folded) in sentences {
        let listed = sentence
            .contains(':')
            .then(|| list_item(sentence, members))
            .flatten();
        if let Some((party, value)) = listed {
            out.push(StatedShare {
                party,
                value,
                of_part: false,
                clause: sentence.to_string(),
                at: at(index, sentence),
            });
            continue;
        }
        // "Av kommunernas andel svarar Haninge kommun för 55 procent …":
        // shares of the kommun quarter, not of the whole.
        let part = share_of_part(folded);
        if part.is_none() && (!MONEY.iter().any(|m| s.contains(m)) || s.contains("majoritet")) {
            continue;
        }
        for clause in clauses(sentence) {
            let shares = text::shares(clause);
            let [share] = shares.as_slice() else {
                continue;
            };
            let value = share.value * part.unwrap_or(1.0);
            let Some(party) = party(clause, members) else {
                continue;
            };
            out.push(StatedShare {
                party,
                value,
                of_part: part.is_some(),
                clause: clause.trim().to_string(),
                at: at(index, sentence),
            });
        }
    }
    out
}

/// The part of the whole a sentence's shares are shares of: a quarter when
/// it divides the kommuner's or the regions' share among them ("av
/// kommunernas andel", "Kommunernas fjärdedel fördelas så att …").
fn share_of_part(folded: &str) -> Option<f64> {
    const PARTS: &[&str] = &[
        "kommunernas andel",
        "kommunernas fjardedel",
        "kommunernas del",
        "kommunandelen",
        "regionernas andel",
        "regionernas fjardedel",
        "regionernas del",
    ];
    PARTS.iter().any(|p| folded.contains(p)).then_some(0.25)
}

fn at(index: usize, sentence: &str) -> Place {
    Place {
        section: index,
        excerpt: text::excerpt(sentence),
    }
}

/// "Haninge kommun: 12,5 procent" or "- Haninge kommun 12,5 %".
fn list_item(line: &str, members: &[NamedMember]) -> Option<(Party, f64)> {
    let (name, rest) = line.split_once(':')?;
    let shares = text::shares(rest);
    let [share] = shares.as_slice() else {
        return None;
    };
    if rest.trim().len() > share.range.end + 12 {
        return None;
    }
    let name = name.trim().trim_start_matches(['-', '*']).trim();
    let member = members
        .iter()
        .find(|m| normalise(&m.name) == normalise(name))?;
    Some((member_party(member, members), share.value))
}

/// Splits a sentence into clauses at commas, "samt" and "och".
fn clauses(sentence: &str) -> Vec<&str> {
    let mut out = vec![sentence];
    for sep in [",", " samt ", " och "] {
        out = out.into_iter().flat_map(|c| c.split(sep)).collect();
    }
    out
}

fn member_party(member: &NamedMember, members: &[NamedMember]) -> Party {
    let several = members.iter().filter(|m| m.kind == member.kind).count() > 1;
    match member.kind {
        MemberKind::Forsakringskassan => Party::Forsakringskassan,
        MemberKind::Arbetsformedlingen => Party::Arbetsformedlingen,
        MemberKind::Region if !several => Party::Regions,
        MemberKind::Kommun if !several => Party::Kommuner,
        kind => Party::Member(member.name.clone(), kind),
    }
}

/// The party a clause is about: a named member first, else the kind of
/// party its words name.
fn party(clause: &str, members: &[NamedMember]) -> Option<Party> {
    let c = normalise(clause);
    let fk = c.contains("försäkringskass");
    let af = c.contains("arbetsförmedling") || c.contains("länsarbetsnämnd");
    if c.contains("staten") || c.contains("statens") || (fk && af) {
        return Some(Party::State);
    }
    if let Some(member) = members
        .iter()
        .filter(|m| c.contains(&normalise(&m.name)))
        .max_by_key(|m| m.name.len())
    {
        return Some(member_party(member, members));
    }
    match classify(clause)? {
        MemberKind::Forsakringskassan => Some(Party::Forsakringskassan),
        MemberKind::Arbetsformedlingen => Some(Party::Arbetsformedlingen),
        MemberKind::Region => Some(Party::Regions),
        MemberKind::Kommun => Some(Party::Kommuner),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members() -> Vec<NamedMember> {
        crate::read::reading::names_in(
            "Stockholms stad, Försäkringskassan, Arbetsförmedlingen och Stockholms läns landsting.",
        )
    }

    #[test]
    fn reads_stockholm() {
        let found = stated(
            [(
                10,
                "Fördelningen mellan medlemmarna är att Försäkringskassan bidrar med hälften av medlen, Stockholms läns landsting med en fjärdedel samt Stockholms stad med en fjärdedel.",
            )],
            &members(),
        );
        let got: Vec<(Party, f64)> = found.into_iter().map(|s| (s.party, s.value)).collect();
        assert_eq!(
            got,
            vec![
                (Party::Forsakringskassan, 0.5),
                (Party::Regions, 0.25),
                (Party::Kommuner, 0.25)
            ]
        );
    }

    #[test]
    fn ignores_quorum_and_majority() {
        let found = stated(
            [
                (
                    5,
                    "Styrelsen är beslutsför när fler än hälften av ledamöterna är närvarande.",
                ),
                (
                    5,
                    "Beslut om budget och verksamhetsplan ska fattas med ¾ kvalificerad majoritet.",
                ),
            ],
            &members(),
        );
        assert!(found.is_empty());
    }
}
