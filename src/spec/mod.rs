//! The förbund description: the typed model, its JSON Schema, loading with
//! every problem reported at once, semantic validation, and the facts the
//! documents derive from it (board size, terms, cost shares).

pub mod example;
pub mod load;
pub mod model;
pub mod position;
pub mod schema;
pub mod shares;
pub mod types;
pub mod validate;

use chrono::{Datelike, NaiveDate};

pub use load::load;
pub use model::*;

/// The first year of general elections on the four-year cycle (1994, 1998 … 2026, 2030).
const FIRST_FOUR_YEAR_ELECTION: i32 = 1994;

/// Whether Swedish general elections are held in `year`.
pub fn is_election_year(year: i32) -> bool {
    year >= FIRST_FOUR_YEAR_ELECTION && (year - FIRST_FOUR_YEAR_ELECTION) % 4 == 0
}

/// The first election year on or after `year`.
pub fn next_election_year(year: i32) -> i32 {
    let mut y = year.max(FIRST_FOUR_YEAR_ELECTION);
    while !is_election_year(y) {
        y += 1;
    }
    y
}

impl Member {
    /// The body that decides for this member: the stated one, or
    /// "Kommunfullmäktige i X" / "Regionfullmäktige i X" / the agency itself.
    pub fn deciding_body(&self) -> String {
        if let Some(body) = &self.deciding_body {
            return body.clone();
        }
        match self.kind {
            MemberKind::Kommun => format!("Kommunfullmäktige i {}", self.namn),
            MemberKind::Region => format!("Regionfullmäktige i {}", self.namn),
            MemberKind::Forsakringskassan | MemberKind::Arbetsformedlingen => self.namn.clone(),
        }
    }

    /// Whether the member decides through a fullmäktige (kommun or region)
    /// and so gets a tjänsteutlåtande.
    pub fn decides_in_council(&self) -> bool {
        matches!(self.kind, MemberKind::Kommun | MemberKind::Region)
    }
}

impl Forbund {
    /// The name used in running text: `kortnamn` or the full name.
    pub fn short_name(&self) -> &str {
        self.kortnamn.as_deref().unwrap_or(&self.namn)
    }

    /// The members of one kind, in the order listed.
    pub fn members_of(&self, kind: MemberKind) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(move |m| m.kind == kind)
    }

    /// The member with this name, if any.
    pub fn member(&self, name: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.namn == name)
    }

    /// The board's size: ledamöter and ersättare summed over the members.
    pub fn board_size(&self) -> (u32, u32) {
        self.members.iter().fold((0, 0), |(l, e), m| {
            (l + m.members_appointed, e + m.deputies_appointed)
        })
    }

    /// The geographic area: the stated one or the member kommuner.
    pub fn area(&self) -> String {
        self.area.clone().unwrap_or_else(|| {
            let kommuner: Vec<&str> = self
                .members_of(MemberKind::Kommun)
                .map(|m| m.namn.as_str())
                .collect();
            crate::swedish::join_and(&kommuner)
        })
    }

    /// The last day of the board's first term: the stated one, or the end of
    /// the first election year on or after operations start.
    pub fn first_term_end(&self) -> NaiveDate {
        self.term.first.as_ref().map_or_else(
            || end_of_election_year(self.verksamhetsstart),
            |first| first.to,
        )
    }

    /// The first day of the board's first term, if it is a stated date
    /// (otherwise it runs from the förbund's formation).
    pub fn first_term_start(&self) -> Option<NaiveDate> {
        self.term.first.as_ref().and_then(|f| f.from)
    }

    /// The last day of the revisors' first term: stated, or the board's.
    pub fn auditors_first_term_end(&self) -> NaiveDate {
        self.auditors
            .first_term
            .as_ref()
            .map_or_else(|| self.first_term_end(), |f| f.to)
    }

    /// The first day of the revisors' first term, if stated.
    pub fn auditors_first_term_start(&self) -> Option<NaiveDate> {
        self.auditors.first_term.as_ref().and_then(|f| f.from)
    }
}

fn end_of_election_year(start: NaiveDate) -> NaiveDate {
    let year = next_election_year(start.year());
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn election_years() {
        assert!(is_election_year(2018));
        assert!(is_election_year(2026));
        assert!(!is_election_year(2027));
        assert_eq!(next_election_year(2016), 2018);
        assert_eq!(next_election_year(2027), 2030);
        assert_eq!(next_election_year(2026), 2026);
    }
}
