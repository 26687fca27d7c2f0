//! Splits and merges. An old section is split when its words reappear in
//! two or more adjacent new sections: its in-order pair (if any) and
//! unpaired new sections whose words come mostly from it, together
//! covering most of it. A merge is the same with old and new swapped.

use super::align::{Link, LinkKind};
use super::score::Scorer;

/// Share of a part's words that must come from the whole.
const CONTAINED: f64 = 0.6;
/// Share of the whole's words that the parts together must hold.
const COVERED: f64 = 0.6;
/// How much more of the whole the extra parts must cover than its pair.
const MIN_GAIN: f64 = 0.1;
/// Fewest distinct content words a part needs to count as evidence.
const MIN_PART_WORDS: usize = 3;

/// One side of the documents seen from the whole's point of view, so that
/// the same code finds splits (whole old, parts new) and merges.
struct Side<'a> {
    scorer: &'a Scorer,
    split: bool,
}

impl Side<'_> {
    fn whole(&self, i: usize) -> &[usize] {
        if self.split {
            self.scorer.old_body(i)
        } else {
            self.scorer.new_body(i)
        }
    }

    fn part(&self, j: usize) -> &[usize] {
        if self.split {
            self.scorer.new_body(j)
        } else {
            self.scorer.old_body(j)
        }
    }
}

/// Replaces in-order pairs by splits and merges where the evidence is
/// there, taking unpaired sections as the extra parts.
pub(crate) fn splits_and_merges(
    scorer: &Scorer,
    links: &mut Vec<Link>,
    old_len: usize,
    new_len: usize,
) {
    let split = Side {
        scorer,
        split: true,
    };
    regroup(&split, links, old_len, new_len);
    let merge = Side {
        scorer,
        split: false,
    };
    regroup(&merge, links, new_len, old_len);
}

/// Finds groups for every whole on one side; `wholes` and `parts` are the
/// section counts on the whole's side and the parts' side.
fn regroup(side: &Side<'_>, links: &mut Vec<Link>, wholes: usize, parts: usize) {
    for whole in 0..wholes {
        let used = used_parts(side, links, parts);
        let pair = links
            .iter()
            .position(|l| l.kind == LinkKind::InOrder && wholes_of(side, l) == [whole]);
        if pair.is_none() && links.iter().any(|l| wholes_of(side, l).contains(&whole)) {
            continue;
        }
        let primary = pair.and_then(|p| parts_of(side, &links[p]).first().copied());
        let candidates: Vec<bool> = (0..parts)
            .map(|p| !used[p] && is_candidate(side, whole, p, wholes))
            .collect();
        let group = contiguous_group(primary, &candidates);
        if group.len() < 2 || !covers(side, whole, &group, primary) {
            continue;
        }
        if let Some(p) = pair {
            links.remove(p);
        }
        links.push(if side.split {
            Link {
                old: vec![whole],
                new: group,
                kind: LinkKind::Split,
            }
        } else {
            Link {
                old: group,
                new: vec![whole],
                kind: LinkKind::Merged,
            }
        });
    }
}

fn wholes_of<'l>(side: &Side<'_>, link: &'l Link) -> &'l [usize] {
    if side.split { &link.old } else { &link.new }
}

fn parts_of<'l>(side: &Side<'_>, link: &'l Link) -> &'l [usize] {
    if side.split { &link.new } else { &link.old }
}

fn used_parts(side: &Side<'_>, links: &[Link], parts: usize) -> Vec<bool> {
    let mut used = vec![false; parts];
    for link in links {
        for &p in parts_of(side, link) {
            used[p] = true;
        }
    }
    used
}

/// A part with enough words, most of them from this whole and from no
/// other whole more.
fn is_candidate(side: &Side<'_>, whole: usize, part: usize, wholes: usize) -> bool {
    let words = side.part(part);
    if words.len() < MIN_PART_WORDS {
        return false;
    }
    let here = side.scorer.contained(words, side.whole(whole));
    here >= CONTAINED
        && (0..wholes)
            .filter(|&w| w != whole)
            .all(|w| side.scorer.contained(words, side.whole(w)) <= here)
}

/// The run of adjacent parts around the primary (or the first run of
/// candidates when there is none).
fn contiguous_group(primary: Option<usize>, candidates: &[bool]) -> Vec<usize> {
    let start = match primary {
        Some(p) => p,
        None => match candidates.iter().position(|c| *c) {
            Some(p) => p,
            None => return Vec::new(),
        },
    };
    let mut low = start;
    while low > 0 && candidates[low - 1] {
        low -= 1;
    }
    let mut high = start;
    while high + 1 < candidates.len() && candidates[high + 1] {
        high += 1;
    }
    (low..=high).collect()
}

/// The parts together hold most of the whole, and more than its pair alone.
fn covers(side: &Side<'_>, whole: usize, group: &[usize], primary: Option<usize>) -> bool {
    let bodies: Vec<&[usize]> = group.iter().map(|&p| side.part(p)).collect();
    let all = side.scorer.covered(side.whole(whole), &bodies);
    let alone = primary.map_or(0.0, |p| {
        side.scorer.covered(side.whole(whole), &[side.part(p)])
    });
    all >= COVERED && all - alone >= MIN_GAIN
}
