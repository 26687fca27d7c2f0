//! The word diff of two token lists: which tokens are equal, deleted or
//! inserted, tidied so that a lone short word between two changes does not
//! chop them up, and turned into [`Change`] runs. No deadline is used, so
//! the result never depends on timing.

use std::collections::HashMap;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::model::{Change, ChangeKind};
use super::tokens::{Token, join};

/// One token's fate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    /// Old token and new token compare equal.
    Equal(usize, usize),
    /// The old token is gone.
    Delete(usize),
    /// The new token is new.
    Insert(usize),
}

/// The token-level diff of `old` against `new`, compared by key: a
/// shortest edit, before [`tidy`].
pub(crate) fn diff(old: &[Token], new: &[Token]) -> Vec<Op> {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let old_ids = intern(&mut ids, old);
    let new_ids = intern(&mut ids, new);
    let mut ops = Vec::with_capacity(old.len().max(new.len()));
    for op in capture_diff_slices(Algorithm::Myers, &old_ids, &new_ids) {
        push_op(&mut ops, op);
    }
    ops
}

/// Numbers the keys, so that the diff compares integers.
fn intern<'a>(ids: &mut HashMap<&'a str, u32>, tokens: &'a [Token]) -> Vec<u32> {
    tokens
        .iter()
        .map(|t| {
            let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            *ids.entry(t.key.as_str()).or_insert(next)
        })
        .collect()
}

fn push_op(ops: &mut Vec<Op>, op: DiffOp) {
    match op {
        DiffOp::Equal {
            old_index,
            new_index,
            len,
        } => ops.extend((0..len).map(|k| Op::Equal(old_index + k, new_index + k))),
        DiffOp::Delete {
            old_index, old_len, ..
        } => ops.extend((old_index..old_index + old_len).map(Op::Delete)),
        DiffOp::Insert {
            new_index, new_len, ..
        } => ops.extend((new_index..new_index + new_len).map(Op::Insert)),
        DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } => {
            ops.extend((old_index..old_index + old_len).map(Op::Delete));
            ops.extend((new_index..new_index + new_len).map(Op::Insert));
        }
    }
}

/// A stretch of the diff: equal tokens, or a change (deletions, insertions).
enum Segment {
    Equal(Vec<(usize, usize)>),
    Change(Vec<usize>, Vec<usize>),
}

fn segments(ops: &[Op]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    for op in ops {
        match (*op, out.last_mut()) {
            (Op::Equal(o, n), Some(Segment::Equal(pairs))) => pairs.push((o, n)),
            (Op::Equal(o, n), _) => out.push(Segment::Equal(vec![(o, n)])),
            (Op::Delete(o), Some(Segment::Change(dels, _))) => dels.push(o),
            (Op::Insert(n), Some(Segment::Change(_, ins))) => ins.push(n),
            (Op::Delete(o), _) => out.push(Segment::Change(vec![o], Vec::new())),
            (Op::Insert(n), _) => out.push(Segment::Change(Vec::new(), vec![n])),
        }
    }
    out
}

fn words_in(indices: &[usize], tokens: &[Token]) -> usize {
    indices.iter().filter(|&&i| tokens[i].word).count()
}

/// Folds bare punctuation left equal between two changes, and a lone word
/// between two changes of two words or more, into them, so that "[-a b-]{+c d+} och [-e f-]{+g
/// h+}" reads "[-a b och e f-]{+c d och g h+}", while "[-skall-]{+ska+}
/// anslås" keeps its equal words. Decisions look at the changes as the diff
/// found them, so folds do not cascade, and never cross a paragraph.
pub(crate) fn tidy(ops: Vec<Op>, old: &[Token], new: &[Token]) -> Vec<Op> {
    let segs = segments(&ops);
    let fold: Vec<bool> = (0..segs.len())
        .map(|k| {
            k > 0
                && k + 1 < segs.len()
                && absorbable(&segs[k - 1], &segs[k], &segs[k + 1], old, new)
        })
        .collect();
    let mut merged: Vec<Segment> = Vec::with_capacity(segs.len());
    let mut pending_fold = false;
    for (k, seg) in segs.into_iter().enumerate() {
        let join = pending_fold || fold[k];
        pending_fold = fold[k];
        match (join, merged.last_mut(), seg) {
            (true, Some(Segment::Change(dels, ins)), Segment::Equal(pairs)) => {
                dels.extend(pairs.iter().map(|p| p.0));
                ins.extend(pairs.iter().map(|p| p.1));
            }
            (true, Some(Segment::Change(dels, ins)), Segment::Change(rd, ri)) => {
                dels.extend(rd);
                ins.extend(ri);
            }
            (_, _, seg) => merged.push(seg),
        }
    }
    let mut out = Vec::with_capacity(ops.len());
    for seg in merged {
        match seg {
            Segment::Equal(pairs) => out.extend(pairs.into_iter().map(|(o, n)| Op::Equal(o, n))),
            Segment::Change(dels, ins) => {
                out.extend(dels.into_iter().map(Op::Delete));
                out.extend(ins.into_iter().map(Op::Insert));
            }
        }
    }
    out
}

fn absorbable(
    left: &Segment,
    middle: &Segment,
    right: &Segment,
    old: &[Token],
    new: &[Token],
) -> bool {
    let (Segment::Change(ld, li), Segment::Equal(pairs), Segment::Change(rd, ri)) =
        (left, middle, right)
    else {
        return false;
    };
    let news: Vec<usize> = pairs.iter().map(|p| p.1).collect();
    if news.iter().any(|&n| new[n].is_break()) {
        return false;
    }
    let left_size = words_in(ld, old).max(words_in(li, new));
    let right_size = words_in(rd, old).max(words_in(ri, new));
    match words_in(&news, new) {
        0 => left_size >= 1 && right_size >= 1,
        1 => left_size >= 2 && right_size >= 2,
        _ => false,
    }
}

/// The ops as runs of [`Change`]: equal runs in the new text's words,
/// deletions in the old's.
pub(crate) fn changes(ops: &[Op], old: &[Token], new: &[Token]) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::new();
    let mut run: Vec<&Token> = Vec::new();
    let mut kind = None;
    for op in ops {
        let (k, token) = match *op {
            Op::Equal(_, n) => (ChangeKind::Equal, &new[n]),
            Op::Delete(o) => (ChangeKind::Delete, &old[o]),
            Op::Insert(n) => (ChangeKind::Insert, &new[n]),
        };
        if kind != Some(k) {
            flush(&mut out, kind, &mut run);
            kind = Some(k);
        }
        run.push(token);
    }
    flush(&mut out, kind, &mut run);
    out
}

fn flush(out: &mut Vec<Change>, kind: Option<ChangeKind>, run: &mut Vec<&Token>) {
    if let Some(kind) = kind
        && !run.is_empty()
    {
        out.push(Change {
            kind,
            text: join(run),
        });
    }
    run.clear();
}

/// The whole new text as one equal run (or nothing when it is empty).
pub(crate) fn all_equal(new: &[Token]) -> Vec<Change> {
    single(ChangeKind::Equal, new)
}

/// A whole text as one run of `kind`.
pub(crate) fn single(kind: ChangeKind, tokens: &[Token]) -> Vec<Change> {
    let mut refs: Vec<&Token> = tokens.iter().collect();
    let mut out = Vec::new();
    flush(&mut out, Some(kind), &mut refs);
    out
}

/// True when no token but paragraph breaks was deleted or inserted.
pub(crate) fn is_equal(ops: &[Op], old: &[Token], new: &[Token]) -> bool {
    ops.iter().all(|op| match *op {
        Op::Equal(..) => true,
        Op::Delete(o) => old[o].is_break(),
        Op::Insert(n) => new[n].is_break(),
    })
}

/// Share of words kept: twice the equal words over all words on both sides;
/// 1 when both sides are empty.
pub(crate) fn similarity(ops: &[Op], old: &[Token], new: &[Token]) -> f64 {
    let (mut equal, mut old_words, mut new_words) = (0usize, 0usize, 0usize);
    for op in ops {
        match *op {
            Op::Equal(_, n) if new[n].word => {
                equal += 1;
                old_words += 1;
                new_words += 1;
            }
            Op::Delete(o) if old[o].word => old_words += 1,
            Op::Insert(n) if new[n].word => new_words += 1,
            _ => {}
        }
    }
    if old_words + new_words == 0 {
        return 1.0;
    }
    (2 * equal) as f64 / (old_words + new_words) as f64
}

/// Cuts the ops at the given starts of new-side parts (the first is 0):
/// each op goes to the part holding the next new token.
pub(crate) fn split_ops(ops: &[Op], starts: &[usize]) -> Vec<Vec<Op>> {
    let mut parts: Vec<Vec<Op>> = vec![Vec::new(); starts.len().max(1)];
    let mut cursor = 0;
    for op in ops {
        let position = match *op {
            Op::Equal(_, n) | Op::Insert(n) => {
                cursor = n + 1;
                n
            }
            Op::Delete(_) => cursor,
        };
        let part = starts.iter().rposition(|&s| s <= position).unwrap_or(0);
        parts[part].push(*op);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn marked(old: &str, new: &str) -> String {
        let old = tokenize(&[old.to_string()]);
        let new = tokenize(&[new.to_string()]);
        let ops = tidy(diff(&old, &new), &old, &new);
        changes(&ops, &old, &new)
            .iter()
            .map(|c| match c.kind {
                ChangeKind::Equal => c.text.clone(),
                ChangeKind::Delete => format!("[-{}-]", c.text),
                ChangeKind::Insert => format!("{{+{}+}}", c.text),
            })
            .collect()
    }

    #[test]
    fn marks_changed_words() {
        assert_eq!(
            marked(
                "Förbundets säte är i Haninge.",
                "Förbundets säte är Huddinge."
            ),
            "Förbundets säte är[- i Haninge-]{+ Huddinge+}."
        );
    }

    #[test]
    fn folds_a_lone_word_between_changes() {
        assert_eq!(
            marked(
                "utses av kommunens fullmäktige och landstingets styrelse",
                "utses av regionens nämnd och statens myndighet"
            ),
            "utses av[- kommunens fullmäktige och landstingets styrelse-]{+ regionens nämnd och statens myndighet+}"
        );
    }

    #[test]
    fn keeps_equal_words_between_short_changes() {
        assert_eq!(
            marked(
                "bestå av fyra ledamöter och fyra ersättare",
                "bestå av åtta ledamöter och åtta ersättare"
            ),
            "bestå av[- fyra-]{+ åtta+} ledamöter och[- fyra-]{+ åtta+} ersättare"
        );
        assert_eq!(
            marked("kungörelser skall anslås", "tillkännagivanden ska anslås"),
            "[-kungörelser skall-]{+tillkännagivanden ska+} anslås"
        );
    }

    #[test]
    fn paragraph_breaks_alone_are_no_change() {
        let old = tokenize(&["Ett två.".to_string(), "Tre.".to_string()]);
        let new = tokenize(&["Ett två. Tre.".to_string()]);
        let ops = diff(&old, &new);
        assert!(is_equal(&ops, &old, &new));
        assert!((similarity(&ops, &old, &new) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn similarity_counts_words() {
        let old = tokenize(&["a b c d".to_string()]);
        let new = tokenize(&["a b c e".to_string()]);
        let ops = diff(&old, &new);
        assert!((similarity(&ops, &old, &new) - 0.75).abs() < 1e-9);
    }
}
