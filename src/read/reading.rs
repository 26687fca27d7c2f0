//! A document as the rules read it: each section's plain text and topics,
//! the members a förbundsordning names, and the suppression lines a user
//! wrote (`forbund: godta ID: motivering`, also inside an HTML comment),
//! which are taken out of the text so no rule reads them as content,
//! together with those the document carries for its whole text
//! ([`Document::acceptances`]).

use crate::read::lexicon::normalise_into;
use crate::read::typography::fold_clean_into;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use crate::document::{Acceptance, Block, Document, DocumentKind};
use crate::read::lexicon::{clean, contains_folded, fold, normalise, pattern};
use crate::read::topics::{self, Topic};
use crate::spec::MemberKind;

/// One section of a document, as plain text.
#[derive(Debug, Clone)]
pub struct SectionView {
    /// Index into `Document::sections`.
    pub index: usize,
    /// The § number, if any.
    pub number: Option<u32>,
    /// The heading as printed: "5 § Styrelsen".
    pub label: String,
    /// The section's text, one block per line (list items one per line).
    pub text: String,
    /// The same text normalised once (lower case, single spaces), for the
    /// many rules that search it.
    pub normalised: String,
    /// The normalised text folded (å, ä as a, ö as o), for recognising
    /// words however they were spelled (OCR text without å, ä and ö).
    pub folded: String,
    /// What the section is about, by heading or else by content.
    pub topics: Vec<Topic>,
    /// Where each sentence is in `text`, `normalised` and `folded`.
    sentences: Vec<Sentence>,
}

impl SectionView {
    /// Whether the section deals with `topic`.
    pub fn is(&self, topic: Topic) -> bool {
        self.topics.contains(&topic)
    }
}

/// A member named in a förbundsordning, with its kind judged by its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedMember {
    /// The name as written.
    pub name: String,
    /// Kommun, region, Försäkringskassan or Arbetsförmedlingen.
    pub kind: MemberKind,
}

/// A suppression written in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The rule id.
    pub rule: String,
    /// The reason.
    pub reason: String,
    /// The section it stands in; `None` in the preamble, for the whole document.
    pub section: Option<usize>,
}

/// A document prepared for the rules.
#[derive(Debug, Clone)]
pub struct Reading<'a> {
    /// The document.
    pub document: &'a Document,
    /// Its source text, when it was read from a file.
    pub source: Option<&'a str>,
    /// The preamble (title and text before the first section).
    pub preamble: String,
    /// The sections, in order.
    pub sections: Vec<SectionView>,
    /// The members named in the members § (or the preamble).
    pub members: Vec<NamedMember>,
    /// Suppressions found in the document.
    pub directives: Vec<Directive>,
    /// Facts several rules read, computed once.
    pub(crate) cache: Cache,
}

/// Facts computed once per document, since many rules read them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cache {
    pub(crate) checklist: OnceLock<Vec<crate::check::checklist::ChecklistItem>>,
    pub(crate) board: OnceLock<crate::read::facts::BoardText>,
    pub(crate) board_terms: OnceLock<crate::read::facts::Terms>,
    pub(crate) auditor_terms: OnceLock<crate::read::facts::Terms>,
    /// The document's era.
    pub(crate) era: OnceLock<Option<crate::read::dated::Era>>,
    /// The cost shares the body states.
    pub(crate) shares: OnceLock<Vec<crate::read::facts::shares::StatedShare>>,
}

/// One sentence of a section: its byte ranges in the section's text, in
/// its normalised text and in its folded text.
#[derive(Debug, Clone)]
struct Sentence {
    text: std::ops::Range<usize>,
    normalised: std::ops::Range<usize>,
    folded: std::ops::Range<usize>,
}

/// A section's text normalised and folded sentence by sentence, with where
/// each sentence is in both. Joining the sentences' forms with single
/// spaces gives the same text as normalising the whole (whitespace between
/// sentences collapses to one space either way), so the text is normalised
/// and folded once for the section and its sentences together.
fn forms(text: &str) -> (String, String, Vec<Sentence>) {
    let mut normalised = String::with_capacity(text.len());
    let mut folded = String::with_capacity(text.len());
    let mut spans = Vec::new();
    let base = text.as_ptr() as usize;
    for sentence in crate::read::lexicon::sentences(text) {
        let start = sentence.as_ptr() as usize - base;
        let n = append(&mut normalised, |out| normalise_into(sentence, out));
        let piece = normalised.get(n.clone()).unwrap_or_default();
        let f = append(&mut folded, |out| fold_clean_into(piece, out));
        spans.push(Sentence {
            text: start..start + sentence.len(),
            normalised: n,
            folded: f,
        });
    }
    (normalised, folded, spans)
}

/// Writes a piece at the end of `out`, one space after what is there, and
/// returns where it is; an empty piece adds nothing.
fn append(out: &mut String, write: impl FnOnce(&mut String)) -> std::ops::Range<usize> {
    let before = out.len();
    if before > 0 {
        out.push(' ');
    }
    let start = out.len();
    write(out);
    if out.len() == start {
        out.truncate(before);
        return before..before;
    }
    start..out.len()
}

/// A suppression line: (rule id, reason); see [`Acceptance::parse`].
pub fn directive(line: &str) -> Option<(String, String)> {
    Acceptance::parse(line).map(|a| (a.rule, a.reason))
}

impl<'a> Reading<'a> {
    /// Reads `document` (and its source text, if any) for the rules.
    pub fn new(document: &'a Document, source: Option<&'a str>) -> Self {
        let mut directives = Vec::new();
        let mut preamble = clean(&document.title).into_owned();
        preamble.push('\n');
        preamble.push_str(&blocks_text(&document.preamble, None, &mut directives));
        let sections: Vec<SectionView> = document
            .sections
            .iter()
            .enumerate()
            .map(|(index, s)| {
                let text = blocks_text(&s.blocks, Some(index), &mut directives);
                let (normalised, folded, sentences) = forms(&text);
                let mut topics = topics::from_heading(&clean(&s.heading));
                if topics.is_empty() {
                    topics = topics::from_content(&text);
                }
                SectionView {
                    index,
                    number: s.number,
                    label: s.display_heading(),
                    folded,
                    normalised,
                    text,
                    topics,
                    sentences,
                }
            })
            .collect();
        if let Some(source) = source {
            directives = source_directives(source);
        }
        whole_document(&mut directives, &document.acceptances);
        let mut view = Reading {
            document,
            source,
            preamble,
            sections,
            members: Vec::new(),
            directives,
            cache: Cache::default(),
        };
        if document.kind == DocumentKind::Forbundsordning {
            view.members = view.read_members();
        }
        view
    }

    /// The document's kind.
    pub fn kind(&self) -> DocumentKind {
        self.document.kind
    }

    /// The sections dealing with `topic`.
    pub fn sections_on(&self, topic: Topic) -> impl Iterator<Item = &SectionView> {
        self.sections.iter().filter(move |s| s.is(topic))
    }

    /// The first section dealing with `topic`.
    pub fn section_on(&self, topic: Topic) -> Option<&SectionView> {
        self.sections_on(topic).next()
    }

    /// The section with § number `number`.
    pub fn section_numbered(&self, number: u32) -> Option<&SectionView> {
        self.sections.iter().find(|s| s.number == Some(number))
    }

    /// Every sentence of the body with the index of its section.
    pub fn sentences(&self) -> Vec<(usize, &str)> {
        self.normalised_sentences()
            .map(|(index, text, _)| (index, text))
            .collect()
    }

    /// Every sentence of the body with the index of its section and its
    /// normalised form; split and normalised once per document, however
    /// many rules read them.
    pub fn normalised_sentences(&self) -> impl Iterator<Item = (usize, &str, &str)> {
        self.sentence_forms()
            .map(|(index, text, n, _)| (index, text, n))
    }

    /// Every sentence of the body with the index of its section and its
    /// folded form (lower case, without å, ä and ö: see
    /// [`crate::read::typography::fold`]); computed once.
    pub fn folded_sentences(&self) -> impl Iterator<Item = (usize, &str, &str)> {
        self.sentence_forms()
            .map(|(index, text, _, f)| (index, text, f))
    }

    /// Every sentence with its section, its normalised form and its folded
    /// form.
    pub fn sentence_forms(&self) -> impl Iterator<Item = (usize, &str, &str, &str)> {
        self.sections.iter().flat_map(|section| {
            section.sentences.iter().filter_map(move |s| {
                Some((
                    section.index,
                    section.text.get(s.text.clone())?,
                    section.normalised.get(s.normalised.clone())?,
                    section.folded.get(s.folded.clone())?,
                ))
            })
        })
    }

    /// The members named in the members §, else in the preamble sentence
    /// "Förbundets medlemmar är …".
    fn read_members(&self) -> Vec<NamedMember> {
        let from_section: Vec<NamedMember> = self
            .section_on(Topic::Medlemmar)
            .map(|s| names_in(&s.text))
            .unwrap_or_default();
        if !from_section.is_empty() {
            return from_section;
        }
        crate::read::lexicon::sentences(&self.preamble)
            .into_iter()
            .filter(|s| contains_folded(&fold(s), "medlemmar är"))
            .flat_map(names_in)
            .collect()
    }

    /// The members of one kind.
    pub fn members_of(&self, kind: MemberKind) -> impl Iterator<Item = &NamedMember> {
        self.members.iter().filter(move |m| m.kind == kind)
    }
}

/// The text of blocks, one line per paragraph or list item; suppression
/// lines are collected instead of kept.
fn blocks_text(blocks: &[Block], section: Option<usize>, found: &mut Vec<Directive>) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut push = |line: String| {
        // Typographic noise is removed here, once, for every rule.
        let line = clean(&line).into_owned();
        if let Some((rule, reason)) = directive(&line) {
            found.push(Directive {
                rule,
                reason,
                section,
            });
        } else {
            lines.push(line);
        }
    };
    for line in blocks.iter().flat_map(Block::lines) {
        push(line);
    }
    lines.join("\n")
}

/// Adds the accepted deviations the document carries for its whole text
/// (a PDF's keywords, a Word file's hidden lines) to the suppressions
/// found in its text, each rule once for the whole document.
fn whole_document(directives: &mut Vec<Directive>, acceptances: &[Acceptance]) {
    for acceptance in acceptances {
        let rule = acceptance.rule.to_uppercase();
        if directives
            .iter()
            .any(|d| d.section.is_none() && d.rule == rule)
        {
            continue;
        }
        directives.push(Directive {
            rule,
            reason: acceptance.reason.clone(),
            section: None,
        });
    }
}

/// Suppressions in the source text, each attributed to the section whose
/// heading (`##` or `###`) precedes it.
fn source_directives(source: &str) -> Vec<Directive> {
    let mut section: Option<usize> = None;
    let mut next = 0usize;
    let mut out = Vec::new();
    for line in source.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("##") {
            section = Some(next);
            next += 1;
            continue;
        }
        if let Some((rule, reason)) = directive(line) {
            out.push(Directive {
                rule,
                reason,
                section,
            });
        }
    }
    out
}

/// The kind of member a name denotes, by its words: Försäkringskassan,
/// Arbetsförmedlingen (or the old länsarbetsnämnd), a region (or landsting),
/// else a kommun (or stad). Spelling without å, ä and ö is recognised.
pub fn classify(name: &str) -> Option<MemberKind> {
    // Folded, so that OCR's "Forsakringskassan" is recognised too.
    let n = fold(name);
    if n.contains("forsakringskass") {
        Some(MemberKind::Forsakringskassan)
    } else if n.contains("arbetsformedling") || n.contains("lansarbetsnamnd") {
        Some(MemberKind::Arbetsformedlingen)
    } else if n.contains("landsting") || n.contains("region") {
        Some(MemberKind::Region)
    } else if n.contains("kommun") || n.split_whitespace().any(|w| w == "stad" || w == "stad.") {
        Some(MemberKind::Kommun)
    } else {
        None
    }
}

/// The member names in a text listing them: "Förbundets medlemmar är A, B,
/// C och D." or one name per line.
pub fn names_in(text: &str) -> Vec<NamedMember> {
    static LEAD: LazyLock<Regex> =
        LazyLock::new(|| pattern(r"(?i)^.*?\b(?:är|utgörs av|består av)\s+|^.*:\s*"));
    let mut out: Vec<NamedMember> = Vec::new();
    for line in text.lines() {
        let line = line.trim().trim_start_matches(['-', '*', '•']).trim();
        let list = LEAD.replace(line, "");
        for part in list
            .split([',', ';'])
            .flat_map(|p| p.split(" och "))
            .flat_map(|p| p.split(" samt "))
        {
            let name = part.trim().trim_end_matches(['.', ':']).trim();
            let name = name.strip_prefix("samt ").unwrap_or(name).trim();
            if name.is_empty() || name.split_whitespace().count() > 6 {
                continue;
            }
            if let Some(kind) = classify(name)
                && !out.iter().any(|m| normalise(&m.name) == normalise(name))
            {
                out.push(NamedMember {
                    name: name.to_string(),
                    kind,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn sentence_forms_join_to_the_section_forms(
            text in "[a-cA-CåäöÅÖ0-9 \t\n.!?:-]{0,80}"
        ) {
            let (normalised, folded, sentences) = forms(&text);
            proptest::prop_assert_eq!(&normalised, &crate::read::lexicon::normalise(&text));
            proptest::prop_assert_eq!(&folded, &fold(&normalised));
            for s in &sentences {
                let sentence = &text[s.text.clone()];
                let n = crate::read::lexicon::normalise(sentence);
                proptest::prop_assert_eq!(&normalised[s.normalised.clone()], n.as_str());
                let f = fold(&n);
                proptest::prop_assert_eq!(&folded[s.folded.clone()], f.as_str());
            }
        }
    }

    #[test]
    fn reads_member_lists_as_written() {
        let names = |t: &str| -> Vec<(String, MemberKind)> {
            names_in(t).into_iter().map(|m| (m.name, m.kind)).collect()
        };
        assert_eq!(
            names(
                "Förbundets medlemmar är Försäkringskassan i Stockholms län, , Länsarbetsnämnden i Stockholms kommun, Stockholms läns landsting och Haninge kommun."
            ),
            vec![
                (
                    "Försäkringskassan i Stockholms län".into(),
                    MemberKind::Forsakringskassan
                ),
                (
                    "Länsarbetsnämnden i Stockholms kommun".into(),
                    MemberKind::Arbetsformedlingen
                ),
                ("Stockholms läns landsting".into(), MemberKind::Region),
                ("Haninge kommun".into(), MemberKind::Kommun),
            ]
        );
        let stockholm = names(
            "Förbundet har fyra medlemmar som tillika är parter i förbundet:\nStockholms stad, Försäkringskassan, Arbetsförmedlingen och Stockholms läns landsting.",
        );
        assert_eq!(stockholm.len(), 4);
        assert_eq!(stockholm[0], ("Stockholms stad".into(), MemberKind::Kommun));
    }

    #[test]
    fn reads_suppression_lines() {
        assert_eq!(
            directive("<!-- forbund: godta FINSAM-20-ARKIV: kommunerna har avtal -->"),
            Some(("FINSAM-20-ARKIV".into(), "kommunerna har avtal".into()))
        );
        assert_eq!(
            directive("forbund: godta sprak-skall: texten är antagen så"),
            Some(("SPRAK-SKALL".into(), "texten är antagen så".into()))
        );
        assert_eq!(directive("Förbundet ska godta detta."), None);
    }
}
