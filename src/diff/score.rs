//! How alike two sections are in what they are about: headings by word
//! stems (Dice coefficient), bodies by the words that carry meaning,
//! weighted by how rare each is across both documents (so "styrelsen" says
//! less than "arkivlagen"), as weighted Jaccard and containment.

use std::collections::{BTreeMap, BTreeSet};

/// A section as alignment sees it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Profile {
    /// Stems of the heading's content words.
    pub heading: Vec<String>,
    /// The body's content words, lowercase and modernised.
    pub body: Vec<String>,
    /// The § number.
    pub number: Option<u32>,
}

/// How much the heading weighs against the body when both have words.
const HEADING_WEIGHT: f64 = 0.55;

/// Bodies as sorted distinct word ids, and each word's weight.
pub(crate) struct Scorer {
    old: Vec<Vec<usize>>,
    new: Vec<Vec<usize>>,
    weight: Vec<f64>,
}

impl Scorer {
    /// Builds the vocabulary and weights of both documents.
    pub(crate) fn new(old: &[Profile], new: &[Profile]) -> Self {
        let mut vocabulary: BTreeMap<&str, usize> = BTreeMap::new();
        let old_bags: Vec<Vec<usize>> = old.iter().map(|p| bag(&mut vocabulary, p)).collect();
        let new_bags: Vec<Vec<usize>> = new.iter().map(|p| bag(&mut vocabulary, p)).collect();
        let mut frequency = vec![0usize; vocabulary.len()];
        for ids in old_bags.iter().chain(&new_bags) {
            for &id in ids {
                frequency[id] += 1;
            }
        }
        let sections = (old.len() + new.len()).max(1) as f64;
        let weight = frequency
            .iter()
            .map(|&df| (1.0 + sections / df.max(1) as f64).ln())
            .collect();
        Scorer {
            old: old_bags,
            new: new_bags,
            weight,
        }
    }

    /// The body of old section `i`.
    pub(crate) fn old_body(&self, i: usize) -> &[usize] {
        &self.old[i]
    }

    /// The body of new section `j`.
    pub(crate) fn new_body(&self, j: usize) -> &[usize] {
        &self.new[j]
    }

    fn total(&self, ids: &[usize]) -> f64 {
        ids.iter().map(|&i| self.weight[i]).sum()
    }

    /// Weight of the words in both.
    fn common(&self, a: &[usize], b: &[usize]) -> f64 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += self.weight[a[i]];
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// Weighted Jaccard similarity of two bodies.
    pub(crate) fn jaccard(&self, a: &[usize], b: &[usize]) -> f64 {
        let common = self.common(a, b);
        let union = self.total(a) + self.total(b) - common;
        if union > 0.0 { common / union } else { 0.0 }
    }

    /// Share of `part`'s words (by weight) found in `whole`.
    pub(crate) fn contained(&self, part: &[usize], whole: &[usize]) -> f64 {
        let total = self.total(part);
        if total > 0.0 {
            self.common(part, whole) / total
        } else {
            0.0
        }
    }

    /// Share of `whole`'s words (by weight) found in any of `parts`.
    pub(crate) fn covered(&self, whole: &[usize], parts: &[&[usize]]) -> f64 {
        let union: BTreeSet<usize> = parts.iter().flat_map(|p| p.iter().copied()).collect();
        let union: Vec<usize> = union.into_iter().collect();
        self.contained(whole, &union)
    }

    /// Body similarity of old section `i` and new section `j`.
    pub(crate) fn body(&self, i: usize, j: usize) -> f64 {
        self.jaccard(&self.old[i], &self.new[j])
    }

    /// How likely old section `i` became new section `j`: about 0–1, plus
    /// small tie-breakers for the same § number and a near position.
    pub(crate) fn score(&self, old: &[Profile], new: &[Profile], i: usize, j: usize) -> f64 {
        let body = self.jaccard(&self.old[i], &self.new[j]);
        let base = match dice(&old[i].heading, &new[j].heading) {
            Some(heading) => HEADING_WEIGHT * heading + (1.0 - HEADING_WEIGHT) * body,
            None => body,
        };
        let same_number = old[i].number.is_some() && old[i].number == new[j].number;
        let position = i as f64 / old.len().max(1) as f64 - j as f64 / new.len().max(1) as f64;
        base + if same_number { 0.01 } else { 0.0 } - 0.02 * position.abs()
    }
}

/// A body as sorted distinct ids, numbering new words as they come.
fn bag<'a>(vocabulary: &mut BTreeMap<&'a str, usize>, profile: &'a Profile) -> Vec<usize> {
    let mut ids: Vec<usize> = Vec::with_capacity(profile.body.len());
    for w in &profile.body {
        let next = vocabulary.len();
        ids.push(*vocabulary.entry(w.as_str()).or_insert(next));
    }
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Dice coefficient of two word sets; `None` when either is empty.
fn dice(a: &[String], b: &[String]) -> Option<f64> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let a: BTreeSet<&String> = a.iter().collect();
    let b: BTreeSet<&String> = b.iter().collect();
    let common = a.intersection(&b).count();
    Some(2.0 * common as f64 / (a.len() + b.len()) as f64)
}

/// The first five letters of a word: enough to pair "revisorer" with
/// "revision" and "ledamot" with "ledamöter" in headings.
pub(crate) fn stem(word: &str) -> String {
    word.chars().take(5).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(heading: &[&str], body: &[&str]) -> Profile {
        Profile {
            heading: heading.iter().map(|w| stem(w)).collect(),
            body: body.iter().map(|w| (*w).to_string()).collect(),
            number: None,
        }
    }

    #[test]
    fn heading_outweighs_body() {
        let old = [profile(&["tvister"], &["domstol", "allmän"])];
        let new = [
            profile(
                &["tvister", "överklagan"],
                &["domstol", "sverige", "överklagas"],
            ),
            profile(&["arkivtillsyn"], &["domstol"]),
        ];
        let scorer = Scorer::new(&old, &new);
        assert!(scorer.score(&old, &new, 0, 0) > scorer.score(&old, &new, 0, 1));
    }
}
