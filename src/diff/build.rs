//! Building the [`Comparison`]: sections become tokens and profiles, the
//! alignment's links become [`SectionDiff`]s with their word diffs, and the
//! summary and paragrafnyckel are counted.

use super::DiffOptions;
use super::align::{Link, LinkKind, align};
use super::model::{ChangeKind, Comparison, SectionDiff, Status, Summary};
use super::normalise::{content_words, lowercase_keys, modernise};
use super::score::{Profile, stem};
use super::tokens::{Token, tokenize};
use super::words::{self, Op};
use crate::document::{Block, Section};

/// The heading the preamble is shown under.
pub(crate) const PREAMBLE: &str = "Inledning";

/// A section ready to compare.
struct Prepared {
    number: Option<u32>,
    heading: String,
    paragraphs: Vec<String>,
    /// Body tokens keyed as the options say.
    body: Vec<Token>,
    /// Heading tokens keyed without case.
    title: Vec<Token>,
    profile: Profile,
}

fn prepare(
    number: Option<u32>,
    heading: &str,
    blocks: &[Block],
    options: &DiffOptions,
) -> Prepared {
    let paragraphs = paragraphs(blocks);
    let raw = tokenize(&paragraphs);
    let modern = modernise(raw.clone());
    let raw_title = tokenize(&[heading.to_string()]);
    let modern_title = modernise(raw_title.clone());
    let profile = Profile {
        heading: content_words(&modern_title)
            .iter()
            .map(|w| stem(w))
            .collect(),
        body: content_words(&modern),
        number,
    };
    let (body, mut title) = if options.ignore_modernisation {
        (modern, modern_title)
    } else {
        (raw, raw_title)
    };
    lowercase_keys(&mut title);
    Prepared {
        number,
        heading: heading.trim().to_string(),
        paragraphs,
        body,
        title,
        profile,
    }
}

/// The text of blocks as paragraphs with single spaces: a list item or a
/// table row is a paragraph of its own.
pub(crate) fn paragraphs(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |text: String| {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            out.push(text);
        }
    };
    for line in blocks.iter().flat_map(Block::lines) {
        push(line);
    }
    out
}

/// Compares (preamble, sections) of two documents.
pub(crate) fn comparison(
    old: (&[Block], &[Section]),
    new: (&[Block], &[Section]),
    options: &DiffOptions,
) -> Comparison {
    let prepare_all = |sections: &[Section]| -> Vec<Prepared> {
        sections
            .iter()
            .map(|s| prepare(s.number, &s.heading, &s.blocks, options))
            .collect()
    };
    let old_sections = prepare_all(old.1);
    let new_sections = prepare_all(new.1);
    let mut builder = Builder {
        options,
        sections: Vec::new(),
        summary: Summary::default(),
    };
    builder.preamble(old.0, new.0);
    let old_profiles: Vec<Profile> = old_sections.iter().map(|p| p.profile.clone()).collect();
    let new_profiles: Vec<Profile> = new_sections.iter().map(|p| p.profile.clone()).collect();
    for link in align(&old_profiles, &new_profiles) {
        builder.link(&link, &old_sections, &new_sections);
    }
    let renumbering = paragrafnyckel(&builder.sections, options);
    Comparison {
        sections: builder.sections,
        summary: builder.summary,
        renumbering,
    }
}

struct Builder<'o> {
    options: &'o DiffOptions,
    sections: Vec<SectionDiff>,
    summary: Summary,
}

impl Builder<'_> {
    fn preamble(&mut self, old: &[Block], new: &[Block]) {
        let old = (!old.is_empty()).then(|| prepare(None, PREAMBLE, old, self.options));
        let new = (!new.is_empty()).then(|| prepare(None, PREAMBLE, new, self.options));
        let before = self.sections.len();
        match (old, new) {
            (Some(o), Some(n)) => self.pair(&o, &n, false),
            (Some(o), None) => self.removed(&o),
            (None, Some(n)) => self.added(&n),
            (None, None) => {}
        }
        for section in self.sections.iter_mut().skip(before) {
            section.preamble = true;
        }
    }

    fn link(&mut self, link: &Link, old: &[Prepared], new: &[Prepared]) {
        match (link.kind, link.old.as_slice(), link.new.as_slice()) {
            (LinkKind::InOrder, [i], [j]) => self.pair(&old[*i], &new[*j], false),
            (LinkKind::Moved, [i], [j]) => self.pair(&old[*i], &new[*j], true),
            (LinkKind::Split, [i], parts) => {
                let parts: Vec<&Prepared> = parts.iter().map(|&j| &new[j]).collect();
                self.split(&old[*i], &parts);
            }
            (LinkKind::Merged, wholes, [j]) => {
                let wholes: Vec<&Prepared> = wholes.iter().map(|&i| &old[i]).collect();
                self.merged(&wholes, &new[*j]);
            }
            (LinkKind::Removed, [i], []) => self.removed(&old[*i]),
            (LinkKind::Added, [], [j]) => self.added(&new[*j]),
            _ => {}
        }
    }

    fn pair(&mut self, old: &Prepared, new: &Prepared, moved: bool) {
        let ops = words::diff(&old.body, &new.body);
        let heading_ops = words::diff(&old.title, &new.title);
        let same_heading = words::is_equal(&heading_ops, &old.title, &new.title);
        let mut diff = entry(Some(old), Some(new), &ops);
        if !same_heading {
            let tidied = words::tidy(heading_ops, &old.title, &new.title);
            diff.heading_changes = words::changes(&tidied, &old.title, &new.title);
        }
        diff.status = if moved {
            Status::Moved
        } else if words::is_equal(&ops, &old.body, &new.body) && same_heading {
            Status::Unchanged
        } else {
            Status::Changed
        };
        diff.renumbered = !moved
            && self.options.show_renumbering
            && old.number.is_some()
            && new.number.is_some()
            && old.number != new.number;
        match diff.status {
            Status::Moved => self.summary.moved += 1,
            Status::Unchanged => self.summary.unchanged += 1,
            _ => self.summary.changed += 1,
        }
        self.summary.renumbered += usize::from(diff.renumbered);
        self.sections.push(diff);
    }

    fn split(&mut self, old: &Prepared, parts: &[&Prepared]) {
        let (joined, starts) = concat(parts);
        // The breaks put between the parts belong to none of them.
        let ops: Vec<Op> = words::diff(&old.body, &joined)
            .into_iter()
            .filter(|op| match *op {
                Op::Equal(_, n) | Op::Insert(n) => !starts.contains(&(n + 1)),
                Op::Delete(_) => true,
            })
            .collect();
        let numbers: Vec<Option<u32>> = parts.iter().map(|p| p.number).collect();
        for (k, part_ops) in words::split_ops(&ops, &starts).into_iter().enumerate() {
            let mut diff = entry_with(Some(old), Some(parts[k]), &old.body, &joined, &part_ops);
            diff.status = Status::Split;
            diff.related = others(&numbers, k);
            self.sections.push(diff);
        }
        self.summary.split += 1;
    }

    fn merged(&mut self, wholes: &[&Prepared], new: &Prepared) {
        let Some(first) = wholes.first() else {
            return;
        };
        let (joined, _) = concat(wholes);
        let ops = words::diff(&joined, &new.body);
        let mut diff = entry_with(Some(first), Some(new), &joined, &new.body, &ops);
        diff.status = Status::Merged;
        let numbers: Vec<Option<u32>> = wholes.iter().map(|p| p.number).collect();
        diff.related = others(&numbers, 0);
        diff.old_text = wholes.iter().flat_map(|p| p.paragraphs.clone()).collect();
        self.summary.merged += 1;
        self.sections.push(diff);
    }

    fn removed(&mut self, old: &Prepared) {
        let mut diff = entry_with(Some(old), None, &old.body, &[], &[]);
        diff.changes = words::single(ChangeKind::Delete, &old.body);
        diff.status = Status::Removed;
        diff.similarity = 0.0;
        self.summary.removed += 1;
        self.sections.push(diff);
    }

    fn added(&mut self, new: &Prepared) {
        let mut diff = entry_with(None, Some(new), &[], &new.body, &[]);
        diff.changes = words::single(ChangeKind::Insert, &new.body);
        diff.status = Status::Added;
        diff.similarity = 0.0;
        self.summary.added += 1;
        self.sections.push(diff);
    }
}

fn entry(old: Option<&Prepared>, new: Option<&Prepared>, ops: &[Op]) -> SectionDiff {
    let empty = Vec::new();
    let old_body = old.map_or(&empty, |p| &p.body);
    let new_body = new.map_or(&empty, |p| &p.body);
    entry_with(old, new, old_body, new_body, ops)
}

/// A section diff of the raw `ops` over the given token lists, with status
/// Unchanged until the caller says otherwise. Likhet is measured on the
/// raw diff, the changes shown on the tidied one.
fn entry_with(
    old: Option<&Prepared>,
    new: Option<&Prepared>,
    old_tokens: &[Token],
    new_tokens: &[Token],
    ops: &[Op],
) -> SectionDiff {
    let changes = if words::is_equal(ops, old_tokens, new_tokens) {
        let news: Vec<Token> = ops
            .iter()
            .filter_map(|op| match op {
                Op::Equal(_, n) | Op::Insert(n) => Some(new_tokens[*n].clone()),
                Op::Delete(_) => None,
            })
            .collect();
        words::all_equal(&news)
    } else {
        let tidied = words::tidy(ops.to_vec(), old_tokens, new_tokens);
        words::changes(&tidied, old_tokens, new_tokens)
    };
    SectionDiff {
        preamble: false,
        old_number: old.and_then(|p| p.number),
        new_number: new.and_then(|p| p.number),
        old_heading: old.map(|p| p.heading.clone()),
        new_heading: new.map(|p| p.heading.clone()),
        status: Status::Unchanged,
        similarity: round3(words::similarity(ops, old_tokens, new_tokens)),
        renumbered: false,
        related: Vec::new(),
        heading_changes: Vec::new(),
        changes,
        old_text: old.map(|p| p.paragraphs.clone()).unwrap_or_default(),
        new_text: new.map(|p| p.paragraphs.clone()).unwrap_or_default(),
    }
}

/// The sections' tokens one after another with paragraph breaks between,
/// and where each section starts.
fn concat(sections: &[&Prepared]) -> (Vec<Token>, Vec<usize>) {
    let mut tokens = Vec::new();
    let mut starts = Vec::new();
    for section in sections {
        if !tokens.is_empty() {
            tokens.push(Token::paragraph_break());
        }
        starts.push(tokens.len());
        tokens.extend(section.body.iter().cloned());
    }
    (tokens, starts)
}

fn others(numbers: &[Option<u32>], except: usize) -> Vec<u32> {
    numbers
        .iter()
        .enumerate()
        .filter(|(k, _)| *k != except)
        .filter_map(|(_, n)| *n)
        .collect()
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Old § → new § for every pair with both numbers, ordered by the new
/// number; empty when no number changed or renumbering is not shown.
fn paragrafnyckel(sections: &[SectionDiff], options: &DiffOptions) -> Vec<(u32, u32)> {
    if !options.show_renumbering {
        return Vec::new();
    }
    let mut key: Vec<(u32, u32)> = Vec::new();
    for s in sections {
        if let (Some(o), Some(n)) = (s.old_number, s.new_number) {
            key.push((o, n));
            if s.status == Status::Merged {
                key.extend(s.related.iter().map(|&r| (r, n)));
            }
        }
    }
    if key.iter().all(|(o, n)| o == n) {
        return Vec::new();
    }
    key.sort_by_key(|&(o, n)| (n, o));
    key.dedup();
    key
}
