//! Finding the words a rule quotes in the source text, for line numbers and
//! for the regions a suggested replacement would change. Sections are found
//! by their headings (`##`, `###`…) in order, the same way the Markdown
//! reader numbers them.

use crate::finding::Region;
use crate::spec::position::LineIndex;

/// A source text split at its section headings.
#[derive(Debug, Clone)]
pub struct SourceMap<'a> {
    source: &'a str,
    /// Byte offset of each section heading line, in order.
    headings: Vec<usize>,
    /// Where each line starts.
    lines: LineIndex,
}

impl<'a> SourceMap<'a> {
    /// Maps the headings of `source`.
    pub fn new(source: &'a str) -> Self {
        let mut headings = Vec::new();
        let mut offset = 0;
        for line in source.split_inclusive('\n') {
            if line.trim_start().starts_with("##") {
                headings.push(offset);
            }
            offset += line.len();
        }
        SourceMap {
            source,
            headings,
            lines: LineIndex::new(source),
        }
    }

    /// The byte range of section `index` (heading included), or of the
    /// preamble for `None`.
    pub fn span(&self, index: Option<usize>) -> (usize, usize) {
        match index {
            None => (
                0,
                self.headings.first().copied().unwrap_or(self.source.len()),
            ),
            Some(i) => {
                let start = self.headings.get(i).copied().unwrap_or(0);
                let end = self
                    .headings
                    .get(i + 1)
                    .copied()
                    .unwrap_or(self.source.len());
                (start, end)
            }
        }
    }

    /// The 1-based line and column of the heading of section `index`.
    pub fn heading_position(&self, index: usize) -> Option<(usize, usize)> {
        self.headings
            .get(index)
            .map(|at| self.lines.line_column(self.source, *at))
    }

    /// Where `excerpt` (or its first words) starts within section `index`
    /// (`None`: anywhere in the text), as line and column.
    pub fn find(&self, index: Option<usize>, excerpt: &str) -> Option<(usize, usize)> {
        let (start, end) = match index {
            Some(_) => self.span(index),
            None => (0, self.source.len()),
        };
        let haystack = self.source.get(start..end)?;
        let probe = probe(excerpt);
        if probe.is_empty() {
            return None;
        }
        haystack
            .find(&probe)
            .map(|at| self.lines.line_column(self.source, start + at))
    }

    /// Every whole-word occurrence of `word` (ignoring case) in section
    /// `index`, as regions, each with the matched text.
    pub fn occurrences(&self, index: Option<usize>, word: &str) -> Vec<(Region, String)> {
        let (start, end) = match index {
            Some(_) => self.span(index),
            None => (0, self.source.len()),
        };
        let Some(haystack) = self.source.get(start..end) else {
            return Vec::new();
        };
        let re = crate::read::lexicon::pattern(&format!(r"(?i)\b{}\b", regex::escape(word)));
        re.find_iter(haystack)
            .map(|m| {
                let (start_line, start_column) =
                    self.lines.line_column(self.source, start + m.start());
                let (end_line, end_column) = self.lines.line_column(self.source, start + m.end());
                (
                    Region {
                        start_line,
                        start_column,
                        end_line,
                        end_column,
                    },
                    m.as_str().to_string(),
                )
            })
            .collect()
    }
}

/// The first words of an excerpt that are likely to appear verbatim in the
/// source: up to 40 characters, stopping before an ellipsis.
fn probe(excerpt: &str) -> String {
    let clean = excerpt.trim_end_matches('…').trim();
    let mut out = String::new();
    for word in clean.split_whitespace() {
        if out.chars().count() + word.chars().count() > 40 && !out.is_empty() {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_in_their_section() {
        let source = "# T\n\nInledning skall.\n\n## 1 § Namn\n\nDet skall vara så. Skall det?\n\n## 2 § Säte\n\nSäte.\n";
        let map = SourceMap::new(source);
        assert_eq!(map.heading_position(1), Some((9, 1)));
        assert_eq!(map.find(Some(0), "Det skall vara så."), Some((7, 1)));
        let found = map.occurrences(Some(0), "skall");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0.start_line, 7);
        assert_eq!(found[0].0.start_column, 5);
        assert_eq!(found[1].1, "Skall");
        assert_eq!(map.occurrences(None, "skall").len(), 3);
    }
}
