//! The decision package: the förbundsordning (one copy or one per member),
//! the avsiktsförklaring and the tjänsteutlåtanden, read for the facts that
//! must agree between them: the förbund's name, its members, the start of
//! operations, the budget, each member's share, the att-satser, and the
//! förbundsordning's text itself (a content fingerprint).

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

mod amounts;

pub use amounts::kronor;

use amounts::{Amounts, amounts};

use crate::document::{Block, Document, DocumentKind};
use crate::read::lexicon::{self as text, normalise, pattern};
use crate::read::reading::{Reading, classify};
use crate::read::topics::Topic;
use crate::spec::{Forbund, MemberKind};

/// Documents checked together.
#[derive(Debug, Clone)]
pub struct Package<'a> {
    /// What to call the package in reports (e.g. the files joined).
    pub name: String,
    /// The documents.
    pub documents: Vec<PackageDocument<'a>>,
    /// The description they were drafted from, when known.
    pub forbund: Option<&'a Forbund>,
}

/// One document of a package.
#[derive(Debug, Clone)]
pub struct PackageDocument<'a> {
    /// Its file name.
    pub file: String,
    /// The document.
    pub document: &'a Document,
    /// Its source text, when read from a file.
    pub source: Option<&'a str>,
}

/// A fact with where it was read: (section index or `None` for the
/// preamble, the words).
#[derive(Debug, Clone, PartialEq)]
pub struct Read<T> {
    /// The value.
    pub value: T,
    /// The section it stands in.
    pub section: Option<usize>,
    /// The words it was read from.
    pub excerpt: String,
}

/// A document of the package, read.
#[derive(Debug, Clone)]
pub struct PackageEntry<'a> {
    /// Its file name.
    pub file: String,
    /// The document as the rules read it.
    pub view: Reading<'a>,
    /// The förbund's name as the document gives it.
    pub name: Option<Read<String>>,
    /// For a tjänsteutlåtande: the deciding member.
    pub member: Option<String>,
    /// The members the document names.
    pub members: Option<Read<Vec<String>>>,
    /// The start of operations.
    pub start: Option<Read<NaiveDate>>,
    /// The budget per year.
    pub budgets: Vec<Read<(i32, u64)>>,
    /// For a tjänsteutlåtande: the member's own cost per year.
    pub member_costs: Vec<Read<(i32, u64)>>,
    /// For a tjänsteutlåtande: the att-satser.
    pub decisions: Vec<Read<String>>,
    /// The tables of amounts by year.
    pub tables: Vec<crate::read::tables::AmountTable>,
    /// For a tjänsteutlåtande: its date and diarienummer.
    pub letterhead: crate::read::letterhead::Letterhead,
}

/// A package prepared for the rules.
#[derive(Debug, Clone)]
pub struct PackageView<'a> {
    /// The documents.
    pub documents: Vec<PackageEntry<'a>>,
    /// The description, when known.
    pub forbund: Option<&'a Forbund>,
}

impl<'a> PackageView<'a> {
    /// Reads every document of `package`.
    pub fn new(package: &Package<'a>) -> Self {
        let mut documents: Vec<PackageEntry<'a>> = package
            .documents
            .iter()
            .map(|d| read(&d.file, d.document, d.source))
            .collect();
        // A tjänsteutlåtande without a "Myndighet" names its member only
        // through the body that decides: match it against the members the
        // förbundsordning names.
        let members: Vec<String> = documents
            .iter()
            .find(|d| d.view.kind() == DocumentKind::Forbundsordning)
            .and_then(|d| d.members.as_ref())
            .map(|m| m.value.clone())
            .unwrap_or_default();
        for d in &mut documents {
            if d.view.kind() == DocumentKind::Tjansteutlatande && d.member.is_none() {
                d.member = deciding_member(&d.view, &members);
            }
        }
        PackageView {
            documents,
            forbund: package.forbund,
        }
    }

    /// The documents of one kind, with their indices.
    pub fn of(&self, kind: DocumentKind) -> impl Iterator<Item = (usize, &PackageEntry<'a>)> {
        self.documents
            .iter()
            .enumerate()
            .filter(move |(_, d)| d.view.kind() == kind)
    }
}

fn read<'a>(file: &str, document: &'a Document, source: Option<&'a str>) -> PackageEntry<'a> {
    let view = Reading::new(document, source);
    let mut entry = PackageEntry {
        file: file.to_string(),
        name: name(&view),
        member: header_member(document),
        members: None,
        start: start(&view),
        budgets: amounts(&view, Amounts::Budget),
        member_costs: Vec::new(),
        decisions: Vec::new(),
        tables: crate::read::tables::amount_tables(document),
        letterhead: crate::read::letterhead::Letterhead::default(),
        view,
    };
    entry.members = members(&entry);
    if document.kind == DocumentKind::Tjansteutlatande {
        entry.decisions = decisions(&entry.view);
        entry.member_costs = amounts(&entry.view, Amounts::MemberCost);
        entry.letterhead = crate::read::letterhead::letterhead(document);
    }
    entry
}

/// Every sentence with its section (`None` for the preamble).
pub(crate) fn sentences<'v>(view: &'v Reading<'_>) -> Vec<(Option<usize>, &'v str)> {
    text::sentences(&view.preamble)
        .into_iter()
        .map(|s| (None, s))
        .chain(view.sentences().into_iter().map(|(i, s)| (Some(i), s)))
        .collect()
}

static NAME: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(?:förbundsordning(?:en)?\s+för|avsiktsförklaring(?:en)?\s+för|inrättande\s+av|förbundets\s+namn\s+är)\s+(samordningsförbundet\s+[^,.;]+?)(?:\s+enligt\b|\s+tillsammans\b|\s+startar\b|\s*[,.;]|\s*$)",
    )
});

fn name(view: &Reading<'_>) -> Option<Read<String>> {
    let lines = std::iter::once((None, view.document.title.as_str())).chain(sentences(view));
    for (section, line) in lines {
        if let Some(found) = NAME.captures(line).and_then(|c| c.get(1)) {
            return Some(Read {
                value: found.as_str().trim().to_string(),
                section,
                excerpt: text::excerpt(line),
            });
        }
    }
    None
}

fn header_member(document: &Document) -> Option<String> {
    if let Some(field) = document.header.iter().find(|f| f.label == "Myndighet") {
        return Some(field.value.clone());
    }
    document.preamble.iter().find_map(|block| {
        let lines: Vec<String> = match block {
            Block::Table { .. } => Vec::new(),
            other => other.lines(),
        };
        lines
            .iter()
            .find_map(|l| l.strip_prefix("Myndighet:").map(|v| v.trim().to_string()))
    })
}

fn deciding_member(view: &Reading<'_>, members: &[String]) -> Option<String> {
    let section = view
        .sections
        .iter()
        .find(|s| normalise(&s.label).contains("förslag till beslut"))?;
    let intro = normalise(section.text.lines().next()?);
    if let Some(named) = members.iter().find(|m| intro.contains(&normalise(m))) {
        return Some(named.clone());
    }
    let kind = if intro.contains("landstingsfullmäktige") || intro.contains("regionfullmäktige") {
        MemberKind::Region
    } else if intro.contains("kommunfullmäktige") {
        MemberKind::Kommun
    } else {
        return None;
    };
    let mut of_kind = members.iter().filter(|m| classify(m) == Some(kind));
    match (of_kind.next(), of_kind.next()) {
        (Some(only), None) => Some(only.clone()),
        _ => None,
    }
}

fn members(entry: &PackageEntry<'_>) -> Option<Read<Vec<String>>> {
    let view = &entry.view;
    match view.kind() {
        DocumentKind::Forbundsordning => {
            let section = view.section_on(Topic::Medlemmar).map(|s| s.index);
            (!view.members.is_empty()).then(|| Read {
                value: view.members.iter().map(|m| m.name.clone()).collect(),
                section,
                excerpt: section
                    .and_then(|i| view.sections.get(i))
                    .map(|s| text::excerpt(&s.text))
                    .unwrap_or_default(),
            })
        }
        DocumentKind::Avsiktsforklaring => {
            let parties: Vec<String> = view
                .document
                .signatures
                .iter()
                .filter(|s| !s.party.is_empty())
                .map(|s| s.party.clone())
                .collect();
            (!parties.is_empty()).then(|| Read {
                value: parties,
                section: None,
                excerpt: "underskrifterna".to_string(),
            })
        }
        DocumentKind::Jamforelsetabell | DocumentKind::Organisation => None,
        DocumentKind::Tjansteutlatande => {
            let own = entry.member.clone()?;
            sentences(view).into_iter().find_map(|(section, s)| {
                let lower = s.to_lowercase();
                let at = lower.find("tillsammans med ")?;
                let rest = s.get(at + "tillsammans med ".len()..)?;
                let rest = rest
                    .split(" inrättar ")
                    .next()
                    .unwrap_or(rest)
                    .trim_end_matches([',', '.']);
                let mut names: Vec<String> = vec![own.clone()];
                names.extend(
                    crate::read::reading::names_in(rest)
                        .into_iter()
                        .map(|m| m.name),
                );
                (names.len() > 1).then(|| Read {
                    value: names,
                    section,
                    excerpt: text::excerpt(s),
                })
            })
        }
    }
}

fn start(view: &Reading<'_>) -> Option<Read<NaiveDate>> {
    sentences(view).into_iter().find_map(|(section, s)| {
        let t = normalise(s);
        if !(t.contains("verksamhet") && t.contains("start")) {
            return None;
        }
        Some(Read {
            value: text::first_date(s)?,
            section,
            excerpt: text::excerpt(s),
        })
    })
}

fn decisions(view: &Reading<'_>) -> Vec<Read<String>> {
    view.sections
        .iter()
        .filter(|s| {
            normalise(&s.label).contains("förslag till beslut") || normalise(&s.label) == "beslut"
        })
        .flat_map(|s| {
            s.text.lines().filter_map(move |line| {
                let l = line.trim().trim_start_matches(['-', '*', '•']).trim();
                l.to_lowercase().starts_with("att ").then(|| Read {
                    value: l.to_string(),
                    section: Some(s.index),
                    excerpt: text::excerpt(l),
                })
            })
        })
        .collect()
}

/// A content fingerprint of a förbundsordning: FNV-1a over every section's
/// number, heading and text, lower case with whitespace collapsed, so that
/// layout does not count but every word does.
pub fn fingerprint(view: &Reading<'_>) -> u64 {
    view.sections
        .iter()
        .fold(FNV_OFFSET, |h, s| fnv(h, &section_text(s)))
}

/// The normalised text of one section, for fingerprints and comparison.
pub fn section_text(s: &crate::read::reading::SectionView) -> String {
    normalise(&format!("{} {}", s.label, s.text))
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv(mut hash: u64, text: &str) -> u64 {
    for byte in text.bytes().chain(std::iter::once(0)) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_amounts_in_kronor() {
        assert_eq!(kronor("8 000 000", "kronor"), Some(8_000_000));
        assert_eq!(kronor("8,0", "mnkr"), Some(8_000_000));
        assert_eq!(kronor("2", "miljoner"), Some(2_000_000));
        assert_eq!(kronor("20", "mkr"), Some(20_000_000));
    }
}
