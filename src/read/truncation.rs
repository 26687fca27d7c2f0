//! Whether a text visibly stops before its end: the last § breaks off in
//! the middle of a sentence or a word ("… kommit överens om villk") before
//! the §§ a förbundsordning usually ends with (tvister, arkivtillsyn,
//! förbundets bildande). Such a text is an excerpt, so what it lacks after
//! the cut is "not found in this text" rather than missing from the
//! förbundsordning.

use crate::read::Place;
use crate::read::lexicon::excerpt;
use crate::read::reading::Reading;
use crate::read::topics::Topic;

/// Where a text breaks off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Truncation {
    /// The last words of the text, in the § where it breaks off.
    pub at: Place,
    /// The topic of the § where it breaks off (its last one in the usual
    /// order), if known: what usually follows is after the cut.
    pub topic: Option<Topic>,
}

/// Fewest words on the last line for it to be a broken sentence rather
/// than a heading, a name or a list item.
const MIN_WORDS: usize = 5;

/// The §§ a förbundsordning usually ends with.
const LAST: &[Topic] = &[Topic::Bildande, Topic::Arkiv, Topic::Ersattning];

/// Where the text breaks off, if it visibly does.
pub fn truncation(view: &Reading<'_>) -> Option<Truncation> {
    let last = view.sections.last()?;
    if last.topics.iter().any(|t| LAST.contains(t)) {
        return None;
    }
    let line = last
        .text
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty())?;
    if line.contains('|') || line.split_whitespace().count() < MIN_WORDS {
        return None;
    }
    let ends = line
        .trim_end_matches(['"', '\'', '»', '*', '_'])
        .chars()
        .last()?;
    if matches!(ends, '.' | '!' | '?' | ':' | ';' | ')' | ']') {
        return None;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let tail = words[words.len().saturating_sub(12)..].join(" ");
    Some(Truncation {
        at: Place {
            section: last.index,
            excerpt: excerpt(&tail),
        },
        topic: last.topics.iter().max().copied(),
    })
}
