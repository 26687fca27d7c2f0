//! Word's automatic numbering as Word shows it. `word/numbering.xml`
//! defines abstract lists (`w:abstractNum`: per level a start, a format
//! such as decimal or upperRoman, and a level text such as `%1 §` or
//! `§ %1`) and list instances (`w:num`) that point at one, possibly with
//! level overrides (`w:lvlOverride`, `w:startOverride`). A paragraph joins
//! a list through its own `w:numPr` or its style's; [`Counter`] then
//! walks the paragraphs in document order and computes each one's label
//! ("3 §", "§ 3", "IV.", "b)") the way Word counts: instances of one
//! abstract list share their counters, a start override restarts them,
//! and a level restarts when a level above it is counted.

use std::collections::{HashMap, HashSet};

use super::parts::{Tag, attr, local, walk};

/// Levels a list has (`w:ilvl` 0–8).
const LEVELS: usize = 9;

/// How many `w:numStyleLink` hops are followed to find a list's levels.
const MAX_LINKS: usize = 4;

/// How one level is numbered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Level {
    /// The first number (`w:start`; 0 when absent, as in Word).
    start: i64,
    /// The number format (`w:numFmt`), e.g. "decimal".
    format: String,
    /// The level text (`w:lvlText`), e.g. "%1 §".
    text: String,
    /// What follows the label: a tab (the default), a space or nothing.
    suffix: String,
    /// `w:lvlRestart`: restart after this level (1-based); 0 never.
    restart: Option<u8>,
    /// `w:isLgl`: show every level's number in decimal.
    legal: bool,
    /// `w:pStyle`: the paragraph style tied to this level.
    style: Option<String>,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 0,
            format: "decimal".to_string(),
            text: String::new(),
            suffix: "tab".to_string(),
            restart: None,
            legal: false,
            style: None,
        }
    }
}

impl Level {
    fn bullet(&self) -> bool {
        self.format == "bullet"
    }
}

/// An abstract list: its levels, or a link to a numbering style.
#[derive(Debug, Default)]
struct Abstract {
    levels: HashMap<u8, Level>,
    /// `w:numStyleLink`: the levels are those of this numbering style's list.
    style_link: Option<String>,
}

/// One list instance: its abstract list and level overrides.
#[derive(Debug, Default)]
struct Num {
    abstract_id: String,
    /// `w:startOverride` per level.
    starts: HashMap<u8, i64>,
    /// A whole level redefined in `w:lvlOverride`.
    levels: HashMap<u8, Level>,
}

/// The lists of a document.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
    /// Numbering styles' list ids (`w:style w:type="numbering"`), for
    /// `w:numStyleLink`.
    style_nums: HashMap<String, String>,
}

/// A paragraph's computed list label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    /// The label as Word shows it, with what follows it ("1 §\t").
    pub text: String,
    /// A bullet rather than a number.
    pub bullet: bool,
}

impl Numbering {
    /// Whether the list `num_id` at `level` is numbered; bulleted when unknown.
    pub(crate) fn ordered(&self, num_id: &str, level: u8) -> bool {
        self.level(num_id, level)
            .is_some_and(|l| !matches!(l.format.as_str(), "bullet" | "none" | ""))
    }

    /// Whether list `num_id` shows anything at `level`: a level with the
    /// format "none" and no text of its own (LibreOffice gives headings
    /// such a list) is no list at all; an undefined one is taken as shown.
    pub(crate) fn visible(&self, num_id: &str, level: u8) -> bool {
        self.level(num_id, level)
            .is_none_or(|l| !(l.format == "none" && l.text.trim().is_empty()))
    }

    /// The abstract list behind list `num_id`: instances of one abstract
    /// list continue each other's numbering, so they are one list.
    pub(crate) fn abstract_id<'n>(&'n self, num_id: &'n str) -> &'n str {
        self.abstract_of(num_id).map_or(num_id, |(id, _)| id)
    }

    /// Tells the list which numbering styles exist (style id → `w:numId`).
    pub(crate) fn link_styles(&mut self, style_nums: HashMap<String, String>) {
        self.style_nums = style_nums;
    }

    /// The level tied to paragraph style `style` in list `num_id`, if any.
    pub(crate) fn level_of_style(&self, num_id: &str, style: &str) -> Option<u8> {
        let levels = self.levels(num_id)?;
        levels
            .iter()
            .filter(|(_, l)| l.style.as_deref() == Some(style))
            .map(|(i, _)| *i)
            .min()
    }

    /// The abstract list id and levels of a list, through style links.
    fn abstract_of(&self, num_id: &str) -> Option<(&str, &Abstract)> {
        let mut id = self.nums.get(num_id)?.abstract_id.as_str();
        for _ in 0..MAX_LINKS {
            let found = self.abstracts.get(id)?;
            let Some(link) = &found.style_link else {
                return Some((id, found));
            };
            let linked = self.style_nums.get(link)?;
            id = self.nums.get(linked)?.abstract_id.as_str();
        }
        None
    }

    fn levels(&self, num_id: &str) -> Option<&HashMap<u8, Level>> {
        self.abstract_of(num_id).map(|(_, a)| &a.levels)
    }

    /// A level's definition: the instance's override, else the abstract's.
    fn level(&self, num_id: &str, level: u8) -> Option<&Level> {
        let num = self.nums.get(num_id)?;
        num.levels
            .get(&level)
            .or_else(|| self.levels(num_id)?.get(&level))
    }
}

/// Counts the paragraphs of every list in document order.
#[derive(Debug, Default)]
pub(crate) struct Counter {
    /// Current number per abstract list and level; `None` not yet counted.
    counts: HashMap<String, [Option<i64>; LEVELS]>,
    /// List instances already met (their start overrides are applied once).
    seen: HashSet<String>,
}

impl Counter {
    /// Counts a paragraph of list `num_id` at `level` and returns its label;
    /// `None` when the list or level is not defined.
    pub(crate) fn next(&mut self, numbering: &Numbering, num_id: &str, level: u8) -> Option<Label> {
        let index = usize::from(level);
        if index >= LEVELS {
            return None;
        }
        let (abstract_id, _) = numbering.abstract_of(num_id)?;
        let num = numbering.nums.get(num_id)?;
        let definition = numbering.level(num_id, level)?;
        let counts = self.counts.entry(abstract_id.to_string()).or_default();
        if self.seen.insert(num_id.to_string()) {
            for (overridden, start) in &num.starts {
                if let Some(count) = counts.get_mut(usize::from(*overridden)) {
                    *count = Some(start.saturating_sub(1));
                }
            }
        }
        let current = match counts[index] {
            Some(n) => n.saturating_add(1),
            None => definition.start,
        };
        counts[index] = Some(current);
        for (deeper, count) in counts.iter_mut().enumerate().skip(index + 1) {
            let restart = u8::try_from(deeper)
                .ok()
                .and_then(|d| numbering.level(num_id, d))
                .and_then(|l| l.restart);
            // lvlRestart N: restart only when a level above N (1-based) is counted.
            if restart.is_none_or(|n| n != 0 && index < usize::from(n)) {
                *count = None;
            }
        }
        let shown = *counts;
        let text = label_text(numbering, num_id, definition, &shown);
        let suffix = match definition.suffix.as_str() {
            "space" => " ",
            "nothing" => "",
            _ => "\t",
        };
        Some(Label {
            text: format!("{text}{suffix}"),
            bullet: definition.bullet(),
        })
    }
}

/// The level text with `%1`…`%9` replaced by the levels' numbers.
fn label_text(
    numbering: &Numbering,
    num_id: &str,
    definition: &Level,
    counts: &[Option<i64>; LEVELS],
) -> String {
    let mut out = String::new();
    let mut chars = definition.text.chars().peekable();
    while let Some(c) = chars.next() {
        let digit = chars.peek().and_then(|d| d.to_digit(10));
        match digit {
            Some(d @ 1..=9) if c == '%' => {
                chars.next();
                let index = (d - 1) as u8;
                let level = numbering.level(num_id, index);
                let start = level.map_or(1, |l| l.start);
                let value = counts[usize::from(index)].unwrap_or(start);
                let format = match level {
                    _ if definition.legal => "decimal",
                    Some(l) => l.format.as_str(),
                    None => "decimal",
                };
                out.push_str(&format_number(value, format));
            }
            _ => out.push(c),
        }
    }
    out
}

/// A number in a Word number format; unknown formats fall back to decimal.
pub(crate) fn format_number(value: i64, format: &str) -> String {
    match format {
        "none" | "bullet" => String::new(),
        "decimalZero" if (0..10).contains(&value) => format!("0{value}"),
        "upperRoman" => roman(value).to_uppercase(),
        "lowerRoman" => roman(value),
        "upperLetter" => letters(value).to_uppercase(),
        "lowerLetter" => letters(value),
        _ => value.to_string(),
    }
}

/// Lower-case Roman numerals; decimal outside 1–3999.
fn roman(value: i64) -> String {
    const DIGITS: [(i64, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    if !(1..4000).contains(&value) {
        return value.to_string();
    }
    let mut left = value;
    let mut out = String::new();
    for (worth, digits) in DIGITS {
        while left >= worth {
            out.push_str(digits);
            left -= worth;
        }
    }
    out
}

/// Word's letter numbering: a…z, then aa…zz, aaa…; decimal below 1.
fn letters(value: i64) -> String {
    if value < 1 {
        return value.to_string();
    }
    let letter = char::from(b'a' + ((value - 1) % 26) as u8);
    let times = usize::try_from((value - 1) / 26 + 1).unwrap_or(1).min(100);
    std::iter::repeat_n(letter, times).collect()
}

/// What is being read in `numbering.xml`.
#[derive(Debug, Default)]
struct ReadState {
    abstract_id: Option<String>,
    num_id: Option<String>,
    /// The level being read, and whether it sits in a `w:lvlOverride`.
    level: Option<(u8, Level)>,
    override_level: Option<u8>,
}

/// Reads `word/numbering.xml`; what cannot be read is left out.
pub(crate) fn read(xml: &[u8]) -> Numbering {
    let mut numbering = Numbering::default();
    let mut state = ReadState::default();
    walk(xml, |event, start| match (event, start) {
        (Tag::Open | Tag::Empty, Some(e)) => open(&mut numbering, &mut state, &local(e), e),
        (Tag::Close(name), _) => close(&mut numbering, &mut state, &name),
        _ => {}
    });
    numbering
}

fn open(
    numbering: &mut Numbering,
    state: &mut ReadState,
    name: &[u8],
    e: &quick_xml::events::BytesStart<'_>,
) {
    let value = || attr(e, b"val");
    match name {
        b"abstractNum" => {
            state.abstract_id = attr(e, b"abstractNumId");
            if let Some(id) = &state.abstract_id {
                numbering.abstracts.entry(id.clone()).or_default();
            }
        }
        b"num" => state.num_id = attr(e, b"numId"),
        b"abstractNumId" => {
            if let (Some(num), Some(id)) = (&state.num_id, value()) {
                numbering.nums.entry(num.clone()).or_default().abstract_id = id;
            }
        }
        b"lvlOverride" => state.override_level = attr(e, b"ilvl").and_then(|v| v.parse().ok()),
        b"startOverride" => {
            if let (Some(num), Some(level), Some(start)) = (
                &state.num_id,
                state.override_level,
                value().and_then(|v| v.parse().ok()),
            ) {
                let num = numbering.nums.entry(num.clone()).or_default();
                num.starts.insert(level, start);
            }
        }
        b"lvl" => {
            let index = attr(e, b"ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
            state.level = Some((index, Level::default()));
        }
        b"numStyleLink" => {
            if let Some(id) = &state.abstract_id {
                numbering
                    .abstracts
                    .entry(id.clone())
                    .or_default()
                    .style_link = value();
            }
        }
        _ => {
            if let Some((_, level)) = &mut state.level {
                level_property(level, name, e);
            }
        }
    }
}

/// One property of a `w:lvl`.
fn level_property(level: &mut Level, name: &[u8], e: &quick_xml::events::BytesStart<'_>) {
    let value = attr(e, b"val");
    match name {
        b"start" => level.start = value.and_then(|v| v.parse().ok()).unwrap_or(0),
        b"numFmt" => level.format = value.unwrap_or_default(),
        b"lvlText" => level.text = value.unwrap_or_default(),
        b"suff" => level.suffix = value.unwrap_or_default(),
        b"lvlRestart" => level.restart = value.and_then(|v| v.parse().ok()),
        b"isLgl" => level.legal = !matches!(value.as_deref(), Some("0" | "false" | "off")),
        b"pStyle" => level.style = value,
        _ => {}
    }
}

fn close(numbering: &mut Numbering, state: &mut ReadState, name: &[u8]) {
    match name {
        b"lvl" => {
            let Some((index, level)) = state.level.take() else {
                return;
            };
            if let Some(num) = state
                .num_id
                .as_ref()
                .filter(|_| state.override_level.is_some())
            {
                // A redefined level restarts at its own start.
                let num = numbering.nums.entry(num.clone()).or_default();
                num.starts.entry(index).or_insert(level.start);
                num.levels.insert(index, level);
            } else if let Some(id) = &state.abstract_id {
                let found = numbering.abstracts.entry(id.clone()).or_default();
                found.levels.insert(index, level);
            }
        }
        b"lvlOverride" => state.override_level = None,
        b"abstractNum" => state.abstract_id = None,
        b"num" => state.num_id = None,
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LISTS: &str = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1 §"/><w:suff w:val="space"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="§ %1"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="3"><w:numStyleLink w:val="ListaParagrafer"/></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>
</w:numbering>"#;

    fn labels(steps: &[(&str, u8)]) -> Vec<String> {
        let mut numbering = read(LISTS.as_bytes());
        numbering.link_styles(HashMap::from([("ListaParagrafer".into(), "4".into())]));
        let mut counter = Counter::default();
        steps
            .iter()
            .map(|(num, level)| {
                counter
                    .next(&numbering, num, *level)
                    .map(|l| l.text)
                    .unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn instances_share_counters_until_a_start_override_restarts_them() {
        assert_eq!(
            labels(&[
                ("1", 0),
                ("1", 1),
                ("1", 1),
                ("2", 0),
                ("2", 1),
                ("3", 0),
                ("1", 0)
            ]),
            vec!["1 § ", "a)\t", "b)\t", "2 § ", "a)\t", "1 § ", "2 § "]
        );
    }

    #[test]
    fn roman_legal_and_linked_lists() {
        assert_eq!(
            labels(&[("4", 0), ("4", 0), ("4", 1), ("5", 0), ("9", 0)]),
            vec!["§ I", "§ II", "2.1\t", "§ III", ""]
        );
    }

    #[test]
    fn numbered_and_bulleted_lists() {
        let numbering = read(
            br#"<w:numbering xmlns:w="x"><w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
            <w:num w:numId="2"><w:abstractNumId w:val="5"/></w:num></w:numbering>"#,
        );
        assert!(numbering.ordered("2", 0));
        assert!(!numbering.ordered("2", 1));
        assert!(!numbering.ordered("9", 0));
        assert!(numbering.visible("2", 1));
        assert!(numbering.visible("9", 0));
        let hidden = read(
            br#"<w:numbering xmlns:w="x"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl></w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#,
        );
        assert!(!hidden.visible("4", 0));
    }

    #[test]
    fn number_formats() {
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(1994, "lowerRoman"), "mcmxciv");
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(3, "upperLetter"), "C");
        assert_eq!(format_number(7, "decimalZero"), "07");
        assert_eq!(format_number(7, "ordinal"), "7");
        assert_eq!(format_number(7, "bullet"), "");
        assert_eq!(format_number(0, "upperRoman"), "0");
    }
}
