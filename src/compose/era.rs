//! One era per document: the names a draft uses follow the date of its
//! description, never a mix. Before 1 January 2019 a region is a landsting
//! (with landstingsfullmäktige), before 2008 Arbetsförmedlingen's part is
//! the länsarbetsnämnd, before 2005 Försäkringskassan's part is the allmän
//! försäkringskassa, and before 2018 kommunallagen is (1991:900).
//!
//! Every template reads these names from the `epok` object of its context
//! (built here by [`Era::context`]), and the composer asks the same [`Era`]
//! for the bodies that decide, so no document can say
//! "regionfullmäktige i Stockholms läns landsting".

use chrono::{Datelike, NaiveDate};
use serde_json::{Value, json};

use crate::spec::{Forbund, Member, MemberKind};

/// The year regions replaced landsting in law (1 January 2019).
pub const REGION_YEAR: i32 = 2019;
/// The year Arbetsförmedlingen replaced the länsarbetsnämnder (1 January 2008).
pub const ARBETSFORMEDLINGEN_YEAR: i32 = 2008;
/// The year Försäkringskassan replaced the allmänna försäkringskassorna (1 January 2005).
pub const FORSAKRINGSKASSAN_YEAR: i32 = 2005;
/// The year kommunallagen (2017:725) came into force (1 January 2018).
pub const KOMMUNALLAGEN_YEAR: i32 = 2018;

/// The names of one era.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Era {
    /// The date that decides the era.
    pub date: NaiveDate,
}

impl Era {
    /// The era of a date.
    pub fn of(date: NaiveDate) -> Self {
        Era { date }
    }

    /// The era of a description: its own date (the avsiktsförklaring's,
    /// else the earliest tjänsteutlåtande's, else the start of operations).
    pub fn of_description(f: &Forbund) -> Self {
        Era::of(description_date(f))
    }

    /// Whether regions are still landsting.
    pub fn landsting(self) -> bool {
        self.date.year() < REGION_YEAR
    }

    /// Whether Arbetsförmedlingen's part is still the länsarbetsnämnd.
    pub fn lansarbetsnamnd(self) -> bool {
        self.date.year() < ARBETSFORMEDLINGEN_YEAR
    }

    /// Whether Försäkringskassan's part is still the allmän försäkringskassa.
    pub fn allman_forsakringskassa(self) -> bool {
        self.date.year() < FORSAKRINGSKASSAN_YEAR
    }

    /// "kommunallagen (2017:725)" or "kommunallagen (1991:900)".
    pub fn kommunallagen(self) -> &'static str {
        if self.date.year() < KOMMUNALLAGEN_YEAR {
            "kommunallagen (1991:900)"
        } else {
            "kommunallagen (2017:725)"
        }
    }

    /// Where laglighetsprövning is regulated: 13 kap. of the 2017 act,
    /// 10 kap. of the 1991 act.
    pub fn laglighetsprovning(self) -> String {
        let chapter = if self.date.year() < KOMMUNALLAGEN_YEAR {
            10
        } else {
            13
        };
        format!("{chapter} kap. {}", self.kommunallagen())
    }

    /// Whether a region member calls itself a region. Before 2019 only
    /// some did (Region Skåne, Västra Götalandsregionen, Region Halland …,
    /// with a regionfullmäktige); the others were landsting.
    fn calls_itself_region(self, member: &Member) -> bool {
        !self.landsting() || member.namn.to_lowercase().contains("region")
    }

    /// The fullmäktige of a kommun or region member, in lower case:
    /// "kommunfullmäktige", "landstingsfullmäktige", "regionfullmäktige".
    pub fn council(self, member: &Member) -> &'static str {
        match member.kind {
            MemberKind::Region if self.calls_itself_region(member) => "regionfullmäktige",
            MemberKind::Region => "landstingsfullmäktige",
            _ => "kommunfullmäktige",
        }
    }

    /// The styrelse of a kommun or region member, capitalised:
    /// "Kommunstyrelsen", "Landstingsstyrelsen", "Regionstyrelsen".
    pub fn executive(self, member: &Member) -> &'static str {
        match member.kind {
            MemberKind::Region if self.calls_itself_region(member) => "Regionstyrelsen",
            MemberKind::Region => "Landstingsstyrelsen",
            _ => "Kommunstyrelsen",
        }
    }

    /// The body that decides for a member: the one the description states,
    /// else "Kommunfullmäktige i X", "Landstingsfullmäktige i X" or
    /// "Regionfullmäktige i X" by the era, else the agency itself.
    pub fn deciding_body(self, member: &Member) -> String {
        if let Some(body) = &member.deciding_body {
            return body.clone();
        }
        if member.decides_in_council() {
            format!(
                "{} i {}",
                crate::swedish::capitalise(self.council(member)),
                member.namn
            )
        } else {
            member.namn.clone()
        }
    }

    /// The era's names under Swedish keys, for the templates' `epok`.
    pub fn context(self) -> Value {
        let landsting = self.landsting();
        let pick = |old: &str, new: &str| -> String {
            if landsting {
                old.to_string()
            } else {
                new.to_string()
            }
        };
        let (af, afs) = if self.lansarbetsnamnd() {
            ("länsarbetsnämnden", "länsarbetsnämndens")
        } else {
            ("Arbetsförmedlingen", "Arbetsförmedlingens")
        };
        let fk = if self.allman_forsakringskassa() {
            "den allmänna försäkringskassan"
        } else {
            "Försäkringskassan"
        };
        json!({
            "år": self.date.year(),
            "region": pick("landsting", "region"),
            "en_region": pick("ett landsting", "en region"),
            "regionen": pick("landstinget", "regionen"),
            "regioner": pick("landsting", "regioner"),
            "regionerna": pick("landstingen", "regionerna"),
            "regionfullmäktige": pick("landstingsfullmäktige", "regionfullmäktige"),
            "arbetsförmedlingen": af,
            "arbetsförmedlingens": afs,
            "försäkringskassan": fk,
            "kommunallagen": self.kommunallagen(),
            "laglighetsprövning": self.laglighetsprovning(),
        })
    }
}

/// The date of a description: the avsiktsförklaring's, else the earliest
/// tjänsteutlåtande's, else the start of operations.
pub fn description_date(f: &Forbund) -> NaiveDate {
    f.declaration
        .date
        .or_else(|| f.cases.iter().filter_map(|c| c.date).min())
        .unwrap_or(f.verksamhetsstart)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn region(name: &str) -> Member {
        Member {
            namn: name.to_string(),
            kind: MemberKind::Region,
            members_appointed: 1,
            deputies_appointed: 1,
            deciding_body: None,
            population_16_64: None,
            share_percent: None,
        }
    }

    #[test]
    fn the_day_regions_replaced_landsting_decides() {
        let before = Era::of(date(2018, 12, 31));
        let after = Era::of(date(2019, 1, 1));
        let sll = region("Stockholms läns landsting");
        assert_eq!(
            before.deciding_body(&sll),
            "Landstingsfullmäktige i Stockholms läns landsting"
        );
        assert_eq!(
            after.deciding_body(&region("Region Stockholm")),
            "Regionfullmäktige i Region Stockholm"
        );
        assert_eq!(before.context()["regionerna"], "landstingen");
        assert_eq!(after.context()["regionerna"], "regionerna");
    }

    #[test]
    fn a_region_before_2019_keeps_its_regionfullmaktige() {
        let era = Era::of(date(2015, 6, 1));
        assert_eq!(
            era.deciding_body(&region("Region Skåne")),
            "Regionfullmäktige i Region Skåne"
        );
        assert_eq!(era.executive(&region("Region Skåne")), "Regionstyrelsen");
    }

    #[test]
    fn agencies_and_kommunallagen_follow_their_own_dates() {
        let e2006 = Era::of(date(2006, 5, 31));
        assert_eq!(e2006.context()["arbetsförmedlingen"], "länsarbetsnämnden");
        assert_eq!(
            e2006.laglighetsprovning(),
            "10 kap. kommunallagen (1991:900)"
        );
        let e2017 = Era::of(date(2017, 12, 31));
        assert_eq!(e2017.context()["arbetsförmedlingen"], "Arbetsförmedlingen");
        assert_eq!(e2017.kommunallagen(), "kommunallagen (1991:900)");
        let e2018 = Era::of(date(2018, 1, 1));
        assert_eq!(
            e2018.laglighetsprovning(),
            "13 kap. kommunallagen (2017:725)"
        );
        assert_eq!(
            Era::of(date(2004, 6, 1)).context()["försäkringskassan"],
            "den allmänna försäkringskassan"
        );
    }
}
