//! The board as a förbundsordning writes it: its stated size ("Styrelsen
//! består av fyra ledamöter och fyra ersättare") and who appoints how many,
//! in every wording real förbundsordningar use:
//!
//! - for every member: "Varje medlem utser …", "Medlemmarna utser vardera
//!   …", FinsamL 10 §'s own "Varje medlem ska vara representerad i
//!   styrelsen med …";
//! - per named member: "Region Stockholm utser två ledamöter och två
//!   ersättare", "X, Y och Z utser vardera/var …" (the count goes to every
//!   name), "Kommunerna utser gemensamt …" (one seat shared);
//! - one member a line ("- Försäkringskassan: en ledamot och en ersättare")
//!   or a table row ("Försäkringskassan | 1 | 1").
//!
//! Counts may be digits or words, "8 (åtta)", "lika många", with
//! "ordinarie" and "personliga" ersättare.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::read::Place;
use crate::read::lexicon::{self as text, NUMBER, fold, number, pattern};
use crate::read::reading::{NamedMember, Reading, classify};
use crate::spec::MemberKind;

/// Who appoints the counts of an [`Appointment`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Appointer {
    /// Every member, each its own.
    Each,
    /// One member, by the name written.
    Member(String),
    /// Several members, each appointing the counts on its own.
    EachOf(Vec<String>),
    /// Several members together, sharing the same seats.
    Jointly(Vec<String>),
}

/// How many ledamöter and ersättare a member (or each member) appoints.
#[derive(Debug, Clone, PartialEq)]
pub struct Appointment {
    /// The member's name; `None` when the text says "varje medlem" or the
    /// members appoint jointly (see [`Appointment::appointer`]).
    pub member: Option<String>,
    /// Who appoints.
    pub appointer: Appointer,
    /// Ledamöter.
    pub ledamoter: u32,
    /// Ersättare.
    pub ersattare: u32,
    /// Where it is written.
    pub at: Place,
}

/// The board as written: its stated size and how members are represented.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BoardText {
    /// "Styrelsen består av fyra ledamöter och fyra ersättare".
    pub size: Option<(u32, u32, Place)>,
    /// "Varje medlem utser en ledamot och en ersättare", or per member.
    pub appointments: Vec<Appointment>,
}

/// A count of ledamöter, optionally followed by a count of ersättare.
/// The left edge is an explicit non-letter, not `\b` (see the lexicon).
static PAIR: LazyLock<Regex> = LazyLock::new(|| {
    let n = format!(r"(?:{NUMBER}|lika\s+många)(?:\s*\(\s*\p{{L}}+\s*\))?");
    pattern(&format!(
        r"(?i)(?:^|[^\p{{L}}\d])(?P<l>{NUMBER})(?:\s*\(\s*\p{{L}}+\s*\))?\s+(?:ordinarie\s+)?ledam(?:ot|öter)(?:[^\p{{L}}]|$)(?:\s*(?:,|och|med|samt|\+)\s*(?P<e>{n})\s+(?:ordinarie\s+|personlig\p{{L}}*\s+)?ersättare)?"
    ))
});

/// The verbs and words that end the subject of an appointment.
static SUBJECT_END: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(?:^|[^\p{L}])(?:utser|väljer|utse|välja|ska|skall|vardera|gemensamt|har|representera\p{L}*|företräd\p{L}*)(?:[^\p{L}]|$)",
    )
});

/// Words saying that every member appoints the counts (folded).
const EVERY: &[&str] = &[
    "varje medlem",
    "varje part",
    "varje forbundsmedlem",
    "varje huvudman",
    "var och en av",
    "medlemmarna",
    "parterna",
    "respektive medlem",
    "samtliga medlemmar",
    "alla medlemmar",
];

/// The board's size and representation as written.
pub fn board(view: &Reading<'_>) -> BoardText {
    view.cache.board.get_or_init(|| read_board(view)).clone()
}

fn read_board(view: &Reading<'_>) -> BoardText {
    let mut out = BoardText::default();
    // Each section's table, then its sentences, in the order of the text.
    let mut sentences = view.folded_sentences().peekable();
    for section in &view.sections {
        read_table(section.index, &section.text, &mut out);
        while let Some((_, sentence, folded)) =
            sentences.next_if(|(index, _, _)| *index == section.index)
        {
            if folded.contains("ledam") {
                read_sentence(view, section.index, sentence, &mut out);
            }
        }
    }
    out
}

/// The board's size a sentence states ("Styrelsen består av fyra
/// ledamöter och fyra ersättare", "… leds av en styrelse med åtta
/// ledamöter och åtta ersättare"): ledamöter and ersättare, when both are
/// given. Any document may say it; a förbundsordning's is in [`board`].
pub fn stated_size(sentence: &str) -> Option<(u32, u32)> {
    let mut previous = 0;
    for c in PAIR.captures_iter(sentence) {
        let (Some(all), Some(l)) = (c.get(0), c.name("l")) else {
            continue;
        };
        let segment = fold(sentence.get(previous..l.start()).unwrap_or(""));
        previous = all.end();
        let sizes = ["besta", "utgors av", "styrelse med"];
        if c.name("e").is_some() && sizes.iter().any(|s| segment.contains(s)) {
            let ledamoter = number(l.as_str())?;
            return Some((ledamoter, count(&c, "e", ledamoter)?));
        }
    }
    None
}

/// The board's whole size under a förbundsordning: as stated, else the
/// sum of what the members appoint (every member the same, or each member
/// named); `None` when the text leaves it open.
pub fn total_size(view: &Reading<'_>) -> Option<(u32, u32)> {
    let board = board(view);
    if let Some((l, e, _)) = board.size {
        return Some((l, e));
    }
    let members = view.members.len() as u32;
    if members == 0 || board.appointments.is_empty() {
        return None;
    }
    if let [only] = board.appointments.as_slice()
        && only.appointer == Appointer::Each
    {
        return Some((only.ledamoter * members, only.ersattare * members));
    }
    let named: Vec<&Appointment> = board
        .appointments
        .iter()
        .filter(|a| matches!(a.appointer, Appointer::Member(_)))
        .collect();
    if named.len() != board.appointments.len() || named.len() != view.members.len() {
        return None;
    }
    Some(
        named
            .iter()
            .fold((0, 0), |(l, e), a| (l + a.ledamoter, e + a.ersattare)),
    )
}

fn count(c: &Captures<'_>, name: &str, ledamoter: u32) -> Option<u32> {
    let m = c.name(name)?;
    let words = m.as_str();
    if fold(words).starts_with("lika") {
        return Some(ledamoter);
    }
    number(words.split(['(', ' ']).next().unwrap_or(words))
}

fn read_sentence(view: &Reading<'_>, index: usize, sentence: &str, out: &mut BoardText) {
    let at = || Place {
        section: index,
        excerpt: text::excerpt(sentence),
    };
    let mut previous = 0;
    for c in PAIR.captures_iter(sentence) {
        let (Some(all), Some(l)) = (c.get(0), c.name("l")) else {
            continue;
        };
        let segment = sentence.get(previous..l.start()).unwrap_or("");
        previous = all.end();
        let Some(ledamoter) = number(l.as_str()) else {
            continue;
        };
        let ersattare = count(&c, "e", ledamoter).unwrap_or(0);
        let folded = fold(segment);
        if folded.contains("besta") || folded.contains("utgors av") {
            if out.size.is_none() && c.name("e").is_some() {
                out.size = Some((ledamoter, ersattare, at()));
            }
            continue;
        }
        let Some(appointer) = appointer(view, segment, &folded) else {
            continue;
        };
        // Each of several names appoints the counts: one appointment each.
        let appointers = match appointer {
            Appointer::EachOf(names) => names.into_iter().map(Appointer::Member).collect(),
            other => vec![other],
        };
        for appointer in appointers {
            let member = match &appointer {
                Appointer::Member(name) => Some(name.clone()),
                _ => None,
            };
            out.appointments.push(Appointment {
                member,
                appointer,
                ledamoter,
                ersattare,
                at: at(),
            });
        }
    }
}

/// Who appoints, from the words before a count (`segment`).
/// `None` when the words name no one ("När en ledamot avgår …").
fn appointer(view: &Reading<'_>, segment: &str, folded: &str) -> Option<Appointer> {
    let subject = SUBJECT_END
        .find(segment)
        .map_or(segment, |m| segment.get(..m.start()).unwrap_or(segment));
    let mut names = names(view, subject);
    let has_verb = SUBJECT_END.is_match(segment) || segment.trim_end().ends_with(':');
    let jointly = folded.contains("gemensam");
    if names.is_empty() {
        if EVERY.iter().any(|w| folded.contains(w)) && has_verb {
            return Some(Appointer::Each);
        }
        return None;
    }
    // A list line "- Försäkringskassan: en ledamot …" has no verb; a
    // subject with many other words is not a list line.
    let loose = subject.split_whitespace().count() > names_words(&names) + 3;
    if !has_verb && loose {
        return None;
    }
    if names.len() == 1 && !jointly {
        return names.pop().map(Appointer::Member);
    }
    if jointly {
        return Some(Appointer::Jointly(names));
    }
    // "X och Y utser två ledamöter … var" and "X, Y och Z utser vardera …":
    // the count goes to each name, as it does when nothing says otherwise.
    Some(Appointer::EachOf(names))
}

fn names_words(names: &[String]) -> usize {
    names.iter().map(|n| n.split_whitespace().count()).sum()
}

/// The members a subject names: each part of "X, Y och Z" that is a
/// member's name, and "kommunerna" or "regionerna" as all of that kind.
fn names(view: &Reading<'_>, subject: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |name: String| {
        if !out.iter().any(|n| fold(n) == fold(&name)) {
            out.push(name);
        }
    };
    for part in subject
        .split([',', ';', ':'])
        .flat_map(|p| p.split(" och "))
        .flat_map(|p| p.split(" samt "))
    {
        let name = part
            .trim()
            .trim_start_matches(['-', '*', '•', '–'])
            .trim()
            .trim_end_matches(['.', ':'])
            .trim();
        let folded = fold(name);
        let group = match folded.as_str() {
            "kommunerna" | "medlemskommunerna" | "de deltagande kommunerna" => {
                Some(MemberKind::Kommun)
            }
            "regionerna" | "landstingen" => Some(MemberKind::Region),
            _ => None,
        };
        if let Some(kind) = group {
            view.members_of(kind).for_each(|m| push(m.name.clone()));
            continue;
        }
        if name.is_empty() || name.split_whitespace().count() > 6 {
            continue;
        }
        if classify(name).is_some() {
            push(name.to_string());
        }
    }
    out
}

/// Table rows "Försäkringskassan | 1 | 1" under a header naming
/// ledamöter and ersättare.
fn read_table(index: usize, section: &str, out: &mut BoardText) {
    let mut columns: Option<(usize, usize)> = None;
    for line in section.lines() {
        if !line.contains('|') {
            columns = None;
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let folded: Vec<String> = cells.iter().map(|c| fold(c)).collect();
        let l = folded.iter().position(|c| c.starts_with("ledam"));
        let e = folded.iter().position(|c| c.starts_with("ersatt"));
        if let (Some(l), Some(e)) = (l, e) {
            columns = Some((l, e));
            continue;
        }
        let Some((lc, ec)) = columns else { continue };
        let Some(name) = cells.iter().find(|c| classify(c).is_some()) else {
            continue;
        };
        let (Some(ledamoter), Some(ersattare)) = (
            cells.get(lc).and_then(|c| number(c)),
            cells.get(ec).and_then(|c| number(c)),
        ) else {
            continue;
        };
        out.appointments.push(Appointment {
            member: Some((*name).to_string()),
            appointer: Appointer::Member((*name).to_string()),
            ledamoter,
            ersattare,
            at: Place {
                section: index,
                excerpt: text::excerpt(line),
            },
        });
    }
}

/// The member of the förbundsordning an appointment's name denotes: the
/// same name, or the only member of its kind (so "Stockholms läns
/// landsting" in 5 § is the region named "Region Stockholm" in 3 §).
pub fn member_named<'v>(view: &'v Reading<'_>, name: &str) -> Option<&'v NamedMember> {
    let folded = fold(name);
    if let Some(m) = view.members.iter().find(|m| fold(&m.name) == folded) {
        return Some(m);
    }
    let kind = classify(name)?;
    let mut of_kind = view.members_of(kind);
    match (of_kind.next(), of_kind.next()) {
        (Some(only), None) if kind != MemberKind::Kommun => Some(only),
        _ => None,
    }
}
