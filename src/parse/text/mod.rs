//! Plain and OCR'd text → blocks. Page furniture goes first; then lines
//! broken mid-sentence are joined into paragraphs (a blank line, or a line
//! ending with ".", ":" or ";" followed by a capitalised line, starts a new
//! one), words hyphenated at a line end are joined again, list items
//! ("1.", "1)", "a)", "-", "•") become lists, and lines that carry a §
//! marker or look like headings stay on their own.

use super::furniture;
use super::headings::{self, is_all_caps, is_heading_like};
use super::raw::Raw;

/// Longest line, in characters, that may be a heading on a line of its own
/// when the next line follows without a blank line.
const MAX_LOOSE_HEADING_CHARS: usize = 60;

/// Words that follow a hyphenated first part of a compound that is meant
/// to keep its hyphen ("hälso- och sjukvård").
const KEEP_HYPHEN_BEFORE: [&str; 8] = [
    "och",
    "eller",
    "samt",
    "respektive",
    "resp.",
    "till",
    "som",
    "men",
];

/// Words a heading does not end with but a line broken mid-sentence may
/// ("Revisorer utses i enlighet med" / "25 § FinsamL.").
const FUNCTION_WORDS: [&str; 34] = [
    "i", "med", "och", "av", "för", "till", "om", "på", "att", "som", "den", "det", "de", "en",
    "ett", "samt", "eller", "från", "vid", "enligt", "mellan", "under", "efter", "inom", "har",
    "är", "ska", "skall", "får", "kan", "bör", "de", "dess", "sin",
];

/// What the text reader found.
#[derive(Debug, Default)]
pub(crate) struct TextRead {
    /// The blocks in order.
    pub blocks: Vec<Raw>,
    /// The first diarienummer line, taken as the document's case number.
    pub case_number: Option<String>,
    /// How many lines of page furniture were dropped.
    pub dropped: usize,
}

/// What separates a line from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// The line follows directly.
    None,
    /// One or more blank lines.
    Blank,
    /// Page furniture was removed in between: a page break.
    Page,
}

/// Reads plain text (line breaks already `\n`).
pub(crate) fn read(text: &str) -> TextRead {
    let lines: Vec<&str> = text.lines().collect();
    read_lines(&lines, furniture::find(&lines))
}

/// Reads the text of a PDF laid out by [`crate::parse::pdf`], whose running
/// headers and footers were dropped by where they stand on the page: a
/// line that recurs is content here.
pub(crate) fn read_laid_out(text: &str) -> TextRead {
    let lines: Vec<&str> = text.lines().collect();
    read_lines(&lines, furniture::find_without_running_lines(&lines))
}

fn read_lines(lines: &[&str], furniture: furniture::Furniture) -> TextRead {
    let mut builder = Builder::default();
    let mut gap = Gap::Blank;
    for (line, is_furniture) in lines.iter().zip(&furniture.lines) {
        let line = line.trim();
        if *is_furniture {
            gap = Gap::Page;
        } else if line.is_empty() {
            if gap == Gap::None {
                gap = Gap::Blank;
            }
        } else {
            builder.line(line, gap);
            gap = Gap::None;
        }
    }
    builder.close();
    TextRead {
        blocks: builder.blocks,
        case_number: furniture.case_number,
        dropped: furniture.dropped,
    }
}

/// A list marker at the start of a line: whether it is numbered, and the
/// text after it. "1.", "1)", "(1)", "a)", "-", "–", "•", "*".
pub(crate) fn list_marker(line: &str) -> Option<(bool, &str)> {
    let text = line.trim_start();
    let mut chars = text.char_indices();
    let (_, first) = chars.next()?;
    if matches!(first, '-' | '–' | '•' | '*' | '·' | '▪' | '\u{f0b7}') {
        let rest = &text[first.len_utf8()..];
        return rest
            .starts_with(char::is_whitespace)
            .then(|| (false, rest.trim()));
    }
    let inner = text.strip_prefix('(').unwrap_or(text);
    let bracketed = inner.len() != text.len();
    let end = inner
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(inner.len());
    let (label, after) = if end > 0 {
        (&inner[..end], &inner[end..])
    } else {
        let letter = inner.chars().next()?;
        if !letter.is_lowercase() {
            return None;
        }
        (&inner[..letter.len_utf8()], &inner[letter.len_utf8()..])
    };
    let is_number = label.chars().all(|c| c.is_ascii_digit());
    if label.len() > 3 {
        return None;
    }
    let rest = match after.chars().next() {
        Some(')') => &after[1..],
        Some('.') if is_number && !bracketed => &after[1..],
        _ => return None,
    };
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then(|| (true, rest.trim()))
}

/// The block being built.
#[derive(Debug, Default)]
enum Open {
    /// Nothing open.
    #[default]
    Nothing,
    /// A paragraph and how many source lines it has.
    Paragraph { text: String, lines: usize },
    /// A list.
    List { ordered: bool, items: Vec<String> },
}

#[derive(Debug, Default)]
struct Builder {
    blocks: Vec<Raw>,
    open: Open,
    /// The last line was a bare "N §": the next line may be its heading.
    expect_heading: bool,
}

impl Builder {
    fn line(&mut self, line: &str, gap: Gap) {
        let expect_heading = std::mem::take(&mut self.expect_heading);
        if let Some(level) = markdown_heading_level(line) {
            self.close();
            let text = headings::strip_markup(line);
            self.expect_heading =
                headings::explicit_mark(&text).is_some_and(|m| m.heading.is_empty());
            self.blocks.push(Raw::Heading { level, text });
            return;
        }
        let continues = gap != Gap::Blank && self.last_line().is_some_and(|l| !ends_sentence(l));
        if let Some(mark) = headings::line_mark(line, continues) {
            self.close();
            self.expect_heading = mark.heading.is_empty();
            self.blocks
                .push(Raw::paragraph(headings::strip_markup(line), true));
            return;
        }
        if expect_heading && is_heading_like(line) && list_marker(line).is_none() {
            self.close();
            self.blocks.push(Raw::paragraph(line, true));
            return;
        }
        if let Some((ordered, rest)) = list_marker(line) {
            self.item(ordered, rest);
            return;
        }
        if self.joins(line, gap) {
            self.append(line);
        } else {
            self.close();
            self.open = Open::Paragraph {
                text: line.to_string(),
                lines: 1,
            };
        }
    }

    /// Whether `line` continues the open block.
    fn joins(&mut self, line: &str, gap: Gap) -> bool {
        let starts_lower = line.starts_with(char::is_lowercase);
        let loose_heading = self.loose_heading(line);
        let Some(prev) = self.last_line() else {
            return false;
        };
        if prev.is_empty() {
            return true;
        }
        match gap {
            Gap::None => {
                let new_sentence = ends_sentence(prev) && starts_capital(line);
                !new_sentence && !loose_heading
            }
            Gap::Page => !ends_sentence(prev) && starts_lower,
            Gap::Blank => ends_with_hyphen(prev) && starts_lower,
        }
    }

    /// Whether the open paragraph is one short heading-like line and `line`
    /// starts something new under it ("Bakgrund" then "Stockholms stad …").
    /// Two lines in capitals are a title broken in two, not a heading.
    fn loose_heading(&self, line: &str) -> bool {
        let Open::Paragraph { text, lines: 1 } = &self.open else {
            return false;
        };
        let last_word = text.split_whitespace().last().unwrap_or_default();
        text.chars().count() <= MAX_LOOSE_HEADING_CHARS
            && is_heading_like(text)
            && !text.ends_with(['.', ':', ';', ','])
            && !FUNCTION_WORDS.contains(&last_word)
            && line.starts_with(char::is_uppercase)
            && !(is_all_caps(text) && is_all_caps(line))
    }

    fn last_line(&self) -> Option<&str> {
        match &self.open {
            Open::Nothing => None,
            Open::Paragraph { text, .. } => Some(text),
            Open::List { items, .. } => items.last().map(String::as_str),
        }
    }

    fn append(&mut self, line: &str) {
        match &mut self.open {
            Open::Nothing => {}
            Open::Paragraph { text, lines } => {
                join_line(text, line);
                *lines += 1;
            }
            Open::List { items, .. } => {
                if let Some(item) = items.last_mut() {
                    join_line(item, line);
                }
            }
        }
    }

    fn item(&mut self, ordered: bool, text: &str) {
        if let Open::List {
            ordered: open_ordered,
            items,
        } = &mut self.open
            && *open_ordered == ordered
        {
            items.push(text.to_string());
            return;
        }
        self.close();
        self.open = Open::List {
            ordered,
            items: vec![text.to_string()],
        };
    }

    fn close(&mut self) {
        match std::mem::take(&mut self.open) {
            Open::Nothing => {}
            Open::Paragraph { text, lines } => {
                let hint = is_heading_like(&text) && (lines == 1 || is_all_caps(&text));
                self.blocks.push(Raw::paragraph(text, hint));
            }
            Open::List { ordered, items } => {
                let items = items
                    .into_iter()
                    .map(|item| vec![crate::document::Inline::plain(item)])
                    .collect();
                self.blocks.push(Raw::List { ordered, items });
            }
        }
    }
}

/// "## Rubrik" in a text file: the number of `#`s.
fn markdown_heading_level(line: &str) -> Option<u8> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    let rest = &line[hashes..];
    ((1..=6).contains(&hashes) && rest.starts_with(' ') && !rest.trim().is_empty())
        .then_some(hashes as u8)
}

/// Joins a line to the text before it, undoing a hyphenation at the line
/// break ("rehabiliterings-" + "insatser") but keeping the hyphen of a
/// shared compound part ("hälso-" + "och sjukvård").
pub(crate) fn join_line(text: &mut String, line: &str) {
    if text.is_empty() {
        text.push_str(line);
        return;
    }
    let next_word = line.split_whitespace().next().unwrap_or_default();
    if ends_with_hyphen(text)
        && line.starts_with(char::is_lowercase)
        && !KEEP_HYPHEN_BEFORE.contains(&next_word)
    {
        text.pop();
    } else {
        text.push(' ');
    }
    text.push_str(line);
}

/// A word broken at the line end: a letter, then "-".
fn ends_with_hyphen(text: &str) -> bool {
    let mut chars = text.chars().rev();
    chars.next() == Some('-') && chars.next().is_some_and(char::is_alphabetic)
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '”', '»', ')'])
        .ends_with(['.', ':', ';', '!', '?'])
}

fn starts_capital(text: &str) -> bool {
    text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '§')
}

#[cfg(test)]
mod tests;
