//! Small value types of the description that serialise as Swedish strings:
//! a day of the year ("30 november") and a fraction ("3/4").

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The Swedish month names, January first, as used in running text.
pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// A day in the year without a year, written "30 november".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DayMonth {
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

impl DayMonth {
    /// The 30 November deadline for the budget (23 § FinsamL).
    pub const NOVEMBER_30: DayMonth = DayMonth { month: 11, day: 30 };

    /// The days each month can have in any year (February 29 allowed).
    fn max_day(month: u32) -> u32 {
        match month {
            2 => 29,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }
}

impl fmt::Display for DayMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = MONTHS
            .get(self.month.saturating_sub(1) as usize)
            .copied()
            .unwrap_or("?");
        write!(f, "{} {}", self.day, month)
    }
}

impl FromStr for DayMonth {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts = s.split_whitespace();
        let (Some(day), Some(month), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!("«{s}» är inte en dag som «30 november»"));
        };
        let day: u32 = day
            .parse()
            .map_err(|_| format!("«{s}» börjar inte med ett dagnummer"))?;
        let month = MONTHS
            .iter()
            .position(|m| m.eq_ignore_ascii_case(month))
            .ok_or_else(|| format!("«{month}» är inte ett månadsnamn (januari–december)"))?
            as u32
            + 1;
        if day == 0 || day > Self::max_day(month) {
            return Err(format!("{s} finns inte"));
        }
        Ok(DayMonth { month, day })
    }
}

impl Serialize for DayMonth {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DayMonth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for DayMonth {
    fn schema_name() -> Cow<'static, str> {
        "DagOchMånad".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "En dag i året utan år, t.ex. \"30 november\".",
            "pattern": "^([1-9]|[12][0-9]|3[01]) (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)$",
            "examples": ["30 november"]
        })
    }
}

/// A fraction such as "3/4", for qualified majorities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fraction {
    /// Numerator.
    pub numerator: u32,
    /// Denominator, never zero.
    pub denominator: u32,
}

impl Fraction {
    /// The fraction in Swedish words where there is a usual word for it
    /// ("tre fjärdedelar", "två tredjedelar"), else "3/5".
    pub fn in_words(&self) -> String {
        let denominator = match (self.denominator, self.numerator == 1) {
            (2, true) => "hälften".to_string(),
            (3, true) => "en tredjedel".to_string(),
            (3, false) => "tredjedelar".to_string(),
            (4, true) => "en fjärdedel".to_string(),
            (4, false) => "fjärdedelar".to_string(),
            (5, true) => "en femtedel".to_string(),
            (5, false) => "femtedelar".to_string(),
            _ => return self.to_string(),
        };
        if self.numerator == 1 {
            denominator
        } else {
            format!(
                "{} {denominator}",
                crate::swedish::number_in_words(u64::from(self.numerator))
            )
        }
    }
}

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.numerator, self.denominator)
    }
}

impl FromStr for Fraction {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (n, d) = s
            .split_once('/')
            .ok_or_else(|| format!("«{s}» är inte ett bråk som «3/4»"))?;
        let numerator: u32 = n
            .trim()
            .parse()
            .map_err(|_| format!("täljaren i «{s}» är inte ett heltal"))?;
        let denominator: u32 = d
            .trim()
            .parse()
            .map_err(|_| format!("nämnaren i «{s}» är inte ett heltal"))?;
        if denominator == 0 || numerator == 0 || numerator > denominator {
            return Err(format!(
                "«{s}» är inte en andel mellan 0 och 1 (t.ex. «2/3» eller «3/4»)"
            ));
        }
        Ok(Fraction {
            numerator,
            denominator,
        })
    }
}

impl Serialize for Fraction {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Fraction {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Fraction {
    fn schema_name() -> Cow<'static, str> {
        "Bråk".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "Ett bråk, t.ex. \"3/4\" eller \"2/3\".",
            "pattern": "^[1-9][0-9]*/[1-9][0-9]*$",
            "examples": ["3/4"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_month_round_trips() {
        let d: DayMonth = "30 november".parse().unwrap();
        assert_eq!(d, DayMonth::NOVEMBER_30);
        assert_eq!(d.to_string(), "30 november");
        assert!("31 november".parse::<DayMonth>().is_err());
        assert!("30 nov".parse::<DayMonth>().is_err());
        assert!("0 maj".parse::<DayMonth>().is_err());
    }

    #[test]
    fn fraction_in_words() {
        let f: Fraction = "3/4".parse().unwrap();
        assert_eq!(f.in_words(), "tre fjärdedelar");
        let f: Fraction = "2/3".parse().unwrap();
        assert_eq!(f.in_words(), "två tredjedelar");
        assert!("4/3".parse::<Fraction>().is_err());
        assert!("1/0".parse::<Fraction>().is_err());
    }
}
