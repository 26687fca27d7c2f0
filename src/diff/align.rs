//! Alignment: which old section became which new one.
//!
//! Every old section is scored against every new one on what it is about
//! (see [`score`](super::score)): the heading weighs most, the body next,
//! the § number and position only break ties. Pairs are taken greedily,
//! best score first, above a threshold. The longest chain of pairs in the
//! same order in both documents is "in order"; the other pairs are moved.
//! An unpaired section between two in-order pairs may still pair with an
//! unpaired one in the same gap at a lower threshold, on its body alone if
//! that scores better (a renamed §). Then splits and
//! merges are found (see [`regroup`](super::regroup)); the rest are added
//! or removed. The links come back in the new document's order, a removed
//! section right after the section that preceded it in the old one.

use std::cmp::Ordering;

use super::regroup::splits_and_merges;
use super::score::{Profile, Scorer};

/// What became of one or more sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    /// Old section indices: one, several for a merge, none when added.
    pub old: Vec<usize>,
    /// New section indices: one, several for a split, none when removed.
    pub new: Vec<usize>,
    /// How they relate.
    pub kind: LinkKind,
}

/// How the sections of a [`Link`] relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LinkKind {
    /// A pair in the order of the other pairs.
    InOrder,
    /// A pair out of order.
    Moved,
    /// One old section into several new ones.
    Split,
    /// Several old sections into one new one.
    Merged,
    /// A new section only.
    Added,
    /// An old section only.
    Removed,
}

/// Lowest score for a pair anywhere in the documents.
const PAIR_THRESHOLD: f64 = 0.3;
/// Lowest score for a pair of leftovers between the same two in-order pairs.
const GAP_THRESHOLD: f64 = 0.15;

/// Aligns old sections with new ones.
pub(crate) fn align(old: &[Profile], new: &[Profile]) -> Vec<Link> {
    let scorer = Scorer::new(old, new);
    let scores: Vec<Vec<f64>> = (0..old.len())
        .map(|i| {
            (0..new.len())
                .map(|j| scorer.score(old, new, i, j))
                .collect()
        })
        .collect();
    let mut pairs = greedy(&scores, PAIR_THRESHOLD, |_, _| true);
    let chain = longest_chain(&pairs, &scores);
    // Leftovers at the same place may be the same § renamed: there the
    // body alone may carry the pair.
    let gap_scores: Vec<Vec<f64>> = (0..old.len())
        .map(|i| {
            (0..new.len())
                .map(|j| scores[i][j].max(scorer.body(i, j)))
                .collect()
        })
        .collect();
    let extra = fill_gaps(&gap_scores, &pairs, &chain);
    pairs.extend(extra);
    let chain = longest_chain(&pairs, &scores);
    let mut links: Vec<Link> = pairs
        .iter()
        .zip(&chain)
        .map(|(&(i, j), &in_order)| Link {
            old: vec![i],
            new: vec![j],
            kind: if in_order {
                LinkKind::InOrder
            } else {
                LinkKind::Moved
            },
        })
        .collect();
    splits_and_merges(&scorer, &mut links, old.len(), new.len());
    add_leftovers(&mut links, old.len(), new.len());
    order(links)
}

/// Pairs by best score first, each section at most once, among the
/// `allowed` pairs scoring at least `threshold`. Ties go to the earlier
/// old, then the earlier new section, so the result is deterministic.
fn greedy(
    scores: &[Vec<f64>],
    threshold: f64,
    allowed: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, row) in scores.iter().enumerate() {
        for (j, &s) in row.iter().enumerate() {
            if s >= threshold && allowed(i, j) {
                candidates.push((s, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut taken_old = vec![false; scores.len()];
    let mut taken_new = vec![false; scores.first().map_or(0, Vec::len)];
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if !taken_old[i] && !taken_new[j] {
            taken_old[i] = true;
            taken_new[j] = true;
            pairs.push((i, j));
        }
    }
    pairs
}

/// Marks the pairs on the longest chain increasing in both documents
/// (most pairs, then highest total score; ties to the earlier pair).
fn longest_chain(pairs: &[(usize, usize)], scores: &[Vec<f64>]) -> Vec<bool> {
    let mut by_new: Vec<usize> = (0..pairs.len()).collect();
    by_new.sort_by_key(|&k| pairs[k].1);
    let n = by_new.len();
    let mut best: Vec<(usize, f64)> = Vec::with_capacity(n);
    let mut previous: Vec<Option<usize>> = vec![None; n];
    for a in 0..n {
        let (oi, oj) = pairs[by_new[a]];
        let own = scores[oi][oj];
        let mut here = (1, own);
        for b in 0..a {
            if pairs[by_new[b]].0 < oi {
                let candidate = (best[b].0 + 1, best[b].1 + own);
                if better(candidate, here) {
                    here = candidate;
                    previous[a] = Some(b);
                }
            }
        }
        best.push(here);
    }
    let mut end = None;
    for a in 0..n {
        if end.is_none_or(|e: usize| better(best[a], best[e])) {
            end = Some(a);
        }
    }
    let mut chain = vec![false; pairs.len()];
    while let Some(a) = end {
        chain[by_new[a]] = true;
        end = previous[a];
    }
    chain
}

fn better(a: (usize, f64), b: (usize, f64)) -> bool {
    a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)) == Ordering::Greater
}

/// Pairs leftovers that lie between the same two in-order pairs.
fn fill_gaps(scores: &[Vec<f64>], pairs: &[(usize, usize)], chain: &[bool]) -> Vec<(usize, usize)> {
    let anchors: Vec<(usize, usize)> = pairs
        .iter()
        .zip(chain)
        .filter(|(_, in_order)| **in_order)
        .map(|(p, _)| *p)
        .collect();
    let paired_old: Vec<usize> = pairs.iter().map(|p| p.0).collect();
    let paired_new: Vec<usize> = pairs.iter().map(|p| p.1).collect();
    let gap_of_old = |i: usize| anchors.iter().filter(|a| a.0 < i).count();
    let gap_of_new = |j: usize| anchors.iter().filter(|a| a.1 < j).count();
    greedy(scores, GAP_THRESHOLD, |i, j| {
        !paired_old.contains(&i) && !paired_new.contains(&j) && gap_of_old(i) == gap_of_new(j)
    })
}

fn add_leftovers(links: &mut Vec<Link>, old_len: usize, new_len: usize) {
    let mut used_old = vec![false; old_len];
    let mut used_new = vec![false; new_len];
    for link in links.iter() {
        link.old.iter().for_each(|&i| used_old[i] = true);
        link.new.iter().for_each(|&j| used_new[j] = true);
    }
    for (i, _) in used_old.iter().enumerate().filter(|(_, used)| !**used) {
        links.push(Link {
            old: vec![i],
            new: Vec::new(),
            kind: LinkKind::Removed,
        });
    }
    for (j, _) in used_new.iter().enumerate().filter(|(_, used)| !**used) {
        links.push(Link {
            old: Vec::new(),
            new: vec![j],
            kind: LinkKind::Added,
        });
    }
}

/// Sorts links by the new document's order; a removed section goes right
/// after the in-order link holding the old section before it.
fn order(links: Vec<Link>) -> Vec<Link> {
    let anchors: Vec<(usize, usize)> = links
        .iter()
        .filter(|l| {
            matches!(
                l.kind,
                LinkKind::InOrder | LinkKind::Split | LinkKind::Merged
            )
        })
        .filter_map(|l| Some((*l.old.iter().max()?, *l.new.iter().min()?)))
        .collect();
    let mut keyed: Vec<((usize, u8, usize), Link)> = links
        .into_iter()
        .map(|link| {
            let key = match (link.new.iter().min(), link.old.first()) {
                (Some(&j), _) => (j + 1, 0, 0),
                (None, Some(&i)) => {
                    let anchor = anchors.iter().filter(|a| a.0 < i).max_by_key(|a| a.0);
                    (anchor.map_or(0, |a| a.1 + 1), 1, i)
                }
                (None, None) => (usize::MAX, 2, 0),
            };
            (key, link)
        })
        .collect();
    keyed.sort_by_key(|(key, _)| *key);
    keyed.into_iter().map(|(_, link)| link).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(rows: &[&[f64]]) -> Vec<Vec<f64>> {
        rows.iter().map(|r| r.to_vec()).collect()
    }

    #[test]
    fn chain_keeps_the_most_pairs_in_order() {
        let s = scores(&[&[1.0, 0.0, 0.0], &[0.0, 1.0, 0.0], &[0.0, 0.0, 1.0]]);
        // Old 2 moved to the front.
        let pairs = [(2, 0), (0, 1), (1, 2)];
        assert_eq!(longest_chain(&pairs, &s), [false, true, true]);
    }

    #[test]
    fn removed_sections_stay_where_they_were() {
        let links = vec![
            Link {
                old: vec![0],
                new: vec![0],
                kind: LinkKind::InOrder,
            },
            Link {
                old: vec![2],
                new: vec![1],
                kind: LinkKind::InOrder,
            },
            Link {
                old: vec![1],
                new: vec![],
                kind: LinkKind::Removed,
            },
        ];
        let ordered = order(links);
        assert_eq!(ordered[1].kind, LinkKind::Removed);
    }
}
