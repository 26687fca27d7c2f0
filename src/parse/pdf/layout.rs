//! Positioned lines → text the plain-text reader understands. Lines on one
//! baseline (table cells) become one row; rows that repeat at the top or
//! bottom of the pages (running headers and footers, page numbers whose
//! digits differ) are page furniture and go; rows become paragraphs by
//! the space between them, a change of font size, indentation, a list
//! marker or a § marker, and a paragraph carries on across a page break
//! when its sentence does. Each paragraph is written as one line with a
//! blank line after it; a short paragraph in a larger font than the body
//! text is written as a Markdown heading ("# " for the largest size, "## "
//! for the next), which the text reader takes as an explicit heading.

use std::collections::HashMap;

use super::extract::Line;
use crate::parse::headings;
use crate::parse::text::{join_line, list_marker};

/// How many rows at each end of a page may be running headers or footers.
const EDGE_ROWS: usize = 2;

/// How far apart, in points, a running header or footer may stand on two
/// pages.
const SAME_PLACE: f32 = 2.0;

/// A gap this many times the usual line pitch separates paragraphs.
const PARAGRAPH_GAP: f32 = 1.2;

/// A font this many times the body text's is a heading's.
const HEADING_SIZE: f32 = 1.08;

/// A row ending a sentence this far short of the text's right edge (as a
/// share of the text width) ends its paragraph.
const SHORT_LINE: f32 = 0.3;

/// Longest paragraph, in characters, taken as a heading by its size.
const MAX_HEADING_CHARS: usize = 150;

/// The text, and how many rows of page furniture were dropped.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Laid {
    /// Paragraphs, one per line, separated by blank lines.
    pub text: String,
    /// Rows dropped as running headers, footers or page numbers.
    pub dropped: usize,
    /// Headings were told by their larger type, so other short
    /// paragraphs are text.
    pub sized_headings: bool,
}

/// One row of a page: the lines on one baseline.
#[derive(Debug, Clone)]
struct Row {
    text: String,
    left: f32,
    right: f32,
    y: f32,
    height: f32,
    page: usize,
    /// How many of the library's lines it joins: more than one where wide
    /// gaps part the text, as between a table's cells.
    cells: usize,
}

/// Lays out the pages' lines as paragraphs.
pub(crate) fn text(pages: &[Vec<Line>]) -> Laid {
    let pages: Vec<Vec<Row>> = pages
        .iter()
        .enumerate()
        .map(|(page, lines)| rows(page, lines))
        .collect();
    let furniture = repeated_edges(&pages);
    // A running header is not set larger than the text; a title is.
    let all: Vec<Row> = pages.iter().flatten().cloned().collect();
    let body_height = Metrics::of(&all).body_height;
    let mut dropped = 0;
    let mut kept = Vec::new();
    for rows in pages {
        let count = rows.len();
        // Each repeated row goes once per page, and only at its edges: a
        // title that reads like the running header stays.
        let mut seen = std::collections::HashSet::new();
        for (index, row) in rows.into_iter().enumerate() {
            let at_edge = index < EDGE_ROWS || index + EDGE_ROWS >= count;
            let row_key = key(&row.text);
            if at_edge
                && row.height <= body_height * HEADING_SIZE
                && furniture
                    .get(&row_key)
                    .is_some_and(|ys| ys.iter().any(|&y| same_place(y, row.y)))
                && is_edge_candidate(&row.text)
                && seen.insert(row_key)
            {
                dropped += 1;
            } else {
                kept.push(row);
            }
        }
    }
    let metrics = Metrics::of(&kept);
    let paragraphs = paragraphs(&kept, &metrics);
    let mut text = String::new();
    for paragraph in paragraphs {
        let mut line = String::new();
        for row in &paragraph {
            join_line(&mut line, row.text.trim());
        }
        if let Some(marks) = metrics.heading_marks(&paragraph, &line) {
            text.push_str(marks);
            text.push(' ');
        }
        text.push_str(&line);
        text.push_str("\n\n");
    }
    Laid {
        text,
        dropped,
        sized_headings: !metrics.heading_sizes.is_empty(),
    }
}

/// The page's lines top to bottom, those on one baseline joined left to right.
fn rows(page: usize, lines: &[Line]) -> Vec<Row> {
    let mut lines: Vec<&Line> = lines.iter().filter(|l| !l.text.trim().is_empty()).collect();
    lines.sort_by(|a, b| {
        b.bottom
            .total_cmp(&a.bottom)
            .then(a.left.total_cmp(&b.left))
    });
    let mut rows: Vec<Row> = Vec::new();
    let mut cells: Vec<&Line> = Vec::new();
    for line in lines {
        let same = cells.first().is_some_and(|first| {
            (first.bottom - line.bottom).abs() < 0.5 * first.height.max(line.height).max(1.0)
        });
        if !same && !cells.is_empty() {
            rows.push(row(page, &mut cells));
        }
        cells.push(line);
    }
    if !cells.is_empty() {
        rows.push(row(page, &mut cells));
    }
    rows
}

fn row(page: usize, cells: &mut Vec<&Line>) -> Row {
    cells.sort_by(|a, b| a.left.total_cmp(&b.left));
    let text: Vec<&str> = cells.iter().map(|c| c.text.trim()).collect();
    let row = Row {
        text: text.join(" "),
        left: cells.iter().map(|c| c.left).fold(f32::MAX, f32::min),
        right: cells.iter().map(|c| c.right).fold(f32::MIN, f32::max),
        y: cells.iter().map(|c| c.bottom).fold(f32::MIN, f32::max),
        height: cells.iter().map(|c| c.height).fold(0.0, f32::max),
        page,
        cells: cells.len(),
    };
    cells.clear();
    row
}

/// Rows found among the first or last [`EDGE_ROWS`] of at least two
/// pages and of at least half of them, at the same height on the page
/// (within [`SAME_PLACE`]), digits ignored ("Sida 2 av 4"): for each such
/// text, the heights it stands at. A line of content that happens to end
/// one page and start the next ("stadsdelsförvaltning") stands at the
/// foot of one and the head of the other, and is kept.
fn repeated_edges(pages: &[Vec<Row>]) -> HashMap<String, Vec<f32>> {
    let mut places: HashMap<String, Vec<f32>> = HashMap::new();
    for rows in pages {
        let mut seen: Vec<(String, f32)> = Vec::new();
        for row in rows
            .iter()
            .take(EDGE_ROWS)
            .chain(rows.iter().rev().take(EDGE_ROWS))
            .filter(|r| is_edge_candidate(&r.text))
        {
            let key = key(&row.text);
            if !seen.iter().any(|(k, y)| *k == key && same_place(*y, row.y)) {
                seen.push((key, row.y));
            }
        }
        for (key, y) in seen {
            places.entry(key).or_default().push(y);
        }
    }
    let enough = |count: usize| count >= 2 && count * 2 >= pages.len();
    places
        .into_iter()
        .filter_map(|(key, ys)| {
            let repeated: Vec<f32> = ys
                .iter()
                .copied()
                .filter(|&y| enough(ys.iter().filter(|&&o| same_place(o, y)).count()))
                .collect();
            (!repeated.is_empty()).then_some((key, repeated))
        })
        .collect()
}

/// Whether two rows stand at the same height on their pages.
fn same_place(a: f32, b: f32) -> bool {
    (a - b).abs() <= SAME_PLACE
}

/// Rows that may be furniture: not § headings or list items, which repeat
/// in shape ("N § …") as content.
fn is_edge_candidate(text: &str) -> bool {
    headings::line_mark(text, false).is_none() && list_marker(text).is_none()
}

/// A row as compared across pages: digits as `#`, whitespace collapsed.
fn key(text: &str) -> String {
    let digits: String = text
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect();
    digits.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The body text's size and line pitch, and the larger sizes of headings.
#[derive(Debug, Default)]
struct Metrics {
    body_height: f32,
    pitch: f32,
    /// Where body rows start and, at most, end.
    text_left: f32,
    text_right: f32,
    /// Heading sizes, largest first.
    heading_sizes: Vec<f32>,
}

impl Metrics {
    fn of(rows: &[Row]) -> Metrics {
        let body_height = most_common(rows.iter().map(|r| (r.height, r.text.chars().count())));
        let gaps = rows.windows(2).filter_map(|pair| {
            let same_page = pair[0].page == pair[1].page;
            let body = near(pair[0].height, body_height) && near(pair[1].height, body_height);
            let gap = pair[0].y - pair[1].y;
            (same_page && body && gap > 0.0).then_some((gap, 1))
        });
        let pitch = most_common(gaps);
        let mut heading_sizes: Vec<f32> = rows
            .iter()
            .filter(|r| r.height > body_height * HEADING_SIZE)
            .map(|r| rounded(r.height))
            .collect();
        heading_sizes.sort_by(|a, b| b.total_cmp(a));
        heading_sizes.dedup();
        let body = || rows.iter().filter(|r| near(r.height, body_height));
        Metrics {
            body_height,
            text_left: most_common(body().map(|r| (r.left, 1))),
            text_right: body().map(|r| r.right).fold(0.0, f32::max),
            pitch: if pitch > 0.0 {
                pitch
            } else {
                body_height * 1.3
            },
            heading_sizes,
        }
    }

    /// "#" or "##" for a short paragraph set larger than the body text.
    fn heading_marks(&self, paragraph: &[&Row], text: &str) -> Option<&'static str> {
        let height = paragraph.iter().map(|r| r.height).fold(0.0, f32::max);
        if height <= self.body_height * HEADING_SIZE
            || paragraph.len() > 2
            || text.chars().count() > MAX_HEADING_CHARS
        {
            return None;
        }
        let rank = self
            .heading_sizes
            .iter()
            .position(|size| near(*size, height))?;
        Some(if rank == 0 { "#" } else { "##" })
    }
}

/// Groups rows into paragraphs.
fn paragraphs<'r>(rows: &'r [Row], metrics: &Metrics) -> Vec<Vec<&'r Row>> {
    let mut out: Vec<Vec<&Row>> = Vec::new();
    for row in rows {
        let continues = out
            .last()
            .and_then(|p| Some((p.first()?, p.last()?)))
            .is_some_and(|(first, last)| continues(first, last, row, metrics));
        match out.last_mut() {
            Some(paragraph) if continues => paragraph.push(row),
            _ => out.push(vec![row]),
        }
    }
    out
}

/// Whether `row` carries on the paragraph that began with `first` and
/// has `last` as its latest row.
fn continues(first: &Row, last: &Row, row: &Row, metrics: &Metrics) -> bool {
    let text = row.text.trim();
    if headings::line_mark(text, false).is_some() || list_marker(text).is_some() {
        return false;
    }
    if !near(row.height, last.height) {
        return false;
    }
    // A table's row, its cells parted by wide gaps, is a paragraph of its
    // own: rows set close together are not one sentence.
    if row.cells > 1 || last.cells > 1 {
        return false;
    }
    let previous = last.text.trim_end();
    let goes_on = text.starts_with(char::is_lowercase) && !ends_sentence(previous);
    if headings::line_mark(first.text.trim(), false).is_some() && !goes_on {
        // A § heading set like the text: the text starts below it.
        return false;
    }
    if row.page != last.page {
        // A sentence broken by the page break goes on in lower case.
        return goes_on;
    }
    // Larger type has a larger pitch.
    let scale = (last.height / metrics.body_height.max(1.0)).max(1.0);
    let gap = last.y - row.y;
    if gap <= 0.0 || gap > metrics.pitch * scale * PARAGRAPH_GAP {
        return false;
    }
    let in_list = list_marker(first.text.trim()).is_some();
    if row.left < last.left - 2.0 && !(in_list && row.left >= first.left - 2.0) {
        return false;
    }
    if row.left > last.left + 2.0 && !in_list {
        return false;
    }
    let width = metrics.text_right - metrics.text_left;
    let short = last.right < metrics.text_right - SHORT_LINE * width;
    !(short && ends_sentence(previous))
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '”', '»', ')'])
        .ends_with(['.', ':', ';', '!', '?'])
}

/// Sizes within 5 % of each other are the same.
fn near(a: f32, b: f32) -> bool {
    (a - b).abs() <= 0.05 * a.max(b)
}

fn rounded(size: f32) -> f32 {
    (size * 2.0).round() / 2.0
}

/// The value that carries the most weight, values rounded to half points.
fn most_common(values: impl Iterator<Item = (f32, usize)>) -> f32 {
    let mut weights: HashMap<i64, usize> = HashMap::new();
    for (value, weight) in values {
        *weights.entry((value * 2.0).round() as i64).or_default() += weight;
    }
    weights
        .into_iter()
        .max_by_key(|(value, weight)| (*weight, -*value))
        .map_or(0.0, |(value, _)| value as f32 / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, left: f32, bottom: f32, height: f32) -> Line {
        Line {
            text: text.to_string(),
            left,
            right: left + 6.0 * text.chars().count() as f32,
            bottom,
            height,
        }
    }

    fn page(number: usize, body: &[Line]) -> Vec<Line> {
        let mut lines = vec![line("Förbundsordning för X", 70.0, 800.0, 9.0)];
        lines.extend_from_slice(body);
        lines.push(line(&format!("Sida {number} av 2"), 250.0, 40.0, 9.0));
        lines
    }

    #[test]
    fn paragraphs_headings_lists_and_furniture() {
        let first = page(
            1,
            &[
                line("Förbundsordning för", 70.0, 740.0, 18.0),
                line("Samordningsförbundet X", 70.0, 718.0, 18.0),
                line("1 § Förbundets namn", 70.0, 690.0, 13.0),
                line("Förbundets namn är", 70.0, 672.0, 11.0),
                line("Samordningsförbundet X.", 70.0, 657.6, 11.0),
                line("Ett nytt stycke som fortsätter på nästa", 70.0, 639.0, 11.0),
            ],
        );
        let second = page(
            2,
            &[
                line("sida med rehabiliterings-", 70.0, 740.0, 11.0),
                line("insatser. Förbundet ska", 70.0, 725.6, 11.0),
                line("1. besluta om mål,", 76.0, 711.2, 11.0),
                line("2. stödja samverkan", 76.0, 696.8, 11.0),
                line("mellan medlemmarna.", 89.0, 682.4, 11.0),
                line("År", 70.0, 660.0, 11.0),
                line("Belopp", 200.0, 660.0, 11.0),
            ],
        );
        let laid = text(&[first, second]);
        assert_eq!(laid.dropped, 4);
        assert!(laid.sized_headings);
        assert_eq!(
            laid.text,
            "# Förbundsordning för Samordningsförbundet X\n\n\
             ## 1 § Förbundets namn\n\n\
             Förbundets namn är Samordningsförbundet X.\n\n\
             Ett nytt stycke som fortsätter på nästa sida med rehabiliteringsinsatser. Förbundet ska\n\n\
             1. besluta om mål,\n\n\
             2. stödja samverkan mellan medlemmarna.\n\n\
             År Belopp\n\n"
        );
    }

    /// A line of content that ends one page and starts the next (the
    /// wrapped end of a list item, twice) is kept; the running header
    /// and the page number, at one place on every page, go.
    #[test]
    fn a_line_repeated_at_different_places_is_content() {
        let first = page(
            1,
            &[
                line(
                    "• Kluster 4: Jobbtorg Skärholmen centrum samt Älvsjö",
                    76.0,
                    126.8,
                    11.0,
                ),
                line("stadsdelsförvaltning", 85.0, 112.4, 11.0),
            ],
        );
        let second = page(
            2,
            &[
                line("stadsdelsförvaltning", 85.0, 749.6, 11.0),
                line("Finansiering", 70.0, 706.0, 11.0),
            ],
        );
        let laid = text(&[first, second]);
        assert_eq!(laid.dropped, 4, "{}", laid.text);
        assert_eq!(
            laid.text.matches("stadsdelsförvaltning").count(),
            2,
            "{}",
            laid.text
        );
        assert!(!laid.text.contains("Sida"), "{}", laid.text);
    }
}
