//! A tjänsteutlåtande's letterhead on a PDF's first page, as `forbund
//! generate` sets it ([`crate::document::letterhead`]): two columns above
//! the title, each line starting at its column's left edge, the right one
//! opening with "TJÄNSTEUTLÅTANDE". Read as rows, the two columns would run
//! together ("Stockholms läns landsting TJÄNSTEUTLÅTANDE"), so they are
//! read column by column instead, with an empty line where the space above
//! a line is larger than a line's, and given back as header fields; their
//! lines are taken off the page so the rest reads as text.

use super::extract::Line;
use crate::document::HeaderField;
use crate::document::letterhead::{opens_letterhead, read_letterhead};

/// How far, in points, lines of one column may start apart.
const ALIGN: f32 = 2.0;

/// A line this many times the letterhead's type is the title's.
const LARGER: f32 = 1.08;

/// A space this many times the type above a line ends the letterhead.
const END_GAP: f32 = 3.0;

/// The right column starts at least this share of the text's width from
/// its left margin.
const RIGHT_COLUMN: f32 = 0.25;

/// A space this many times the type above a line is an empty line.
const BLANK_GAP: f32 = 1.6;

/// Takes the letterhead off the first page and returns its fields; `None`
/// (the page untouched) when the page has none laid out as forbund lays
/// it out.
pub(crate) fn take(pages: &mut [Vec<Line>]) -> Option<Vec<HeaderField>> {
    let page = pages.first_mut()?;
    let region = region(page)?;
    let split = page.get(*region.first()?)?.left;
    let (left, right): (Vec<&Line>, Vec<&Line>) = region
        .iter()
        .filter_map(|&i| page.get(i))
        .partition(|l| l.left < split - ALIGN);
    let aligned = |lines: &[&Line]| {
        lines
            .first()
            .is_none_or(|first| lines.iter().all(|l| (l.left - first.left).abs() <= ALIGN))
    };
    if !aligned(&left) || !aligned(&right) {
        return None;
    }
    let fields = read_letterhead(&column(&left), &column(&right))?;
    let mut index = 0;
    page.retain(|_| {
        let keep = !region.contains(&index);
        index += 1;
        keep
    });
    Some(fields)
}

/// The indices of the letterhead's lines, top to bottom, the line
/// "TJÄNSTEUTLÅTANDE" first, when that line starts a column of its own
/// well inside the text: the lines from its baseline down to the first
/// line set larger (the title), reaching across the columns, or after a
/// wide space.
fn region(page: &[Line]) -> Option<Vec<usize>> {
    let (kind_index, kind) = page
        .iter()
        .enumerate()
        .find(|(_, l)| opens_letterhead(&l.text))?;
    let split = kind.left;
    // The right column starts well inside the text, not at its margin.
    let margin = page.iter().map(|l| l.left).fold(f32::MAX, f32::min);
    let edge = page.iter().map(|l| l.right).fold(f32::MIN, f32::max);
    if split - margin < RIGHT_COLUMN * (edge - margin) {
        return None;
    }
    let mut below: Vec<usize> = (0..page.len())
        .filter(|&i| i != kind_index)
        .filter(|&i| page[i].bottom <= kind.bottom + 0.5 * kind.height)
        .collect();
    below.sort_by(|&a, &b| {
        page[b]
            .bottom
            .total_cmp(&page[a].bottom)
            .then(page[a].left.total_cmp(&page[b].left))
    });
    let mut region = vec![kind_index];
    let mut last = kind.bottom;
    for i in below {
        let line = &page[i];
        let across = line.left < split - ALIGN && line.right > split + ALIGN;
        if across
            || line.height > kind.height * LARGER
            || last - line.bottom > END_GAP * kind.height
        {
            break;
        }
        region.push(i);
        last = last.min(line.bottom);
    }
    Some(region)
}

/// A column's lines as text, top to bottom: lines on one baseline joined,
/// an empty line where the space above a line is wider than a line.
fn column(lines: &[&Line]) -> Vec<String> {
    let mut sorted = lines.to_vec();
    sorted.sort_by(|a, b| {
        b.bottom
            .total_cmp(&a.bottom)
            .then(a.left.total_cmp(&b.left))
    });
    let mut out: Vec<String> = Vec::new();
    let mut previous: Option<&Line> = None;
    for line in sorted {
        let text = line.text.trim();
        match previous {
            Some(p) if (p.bottom - line.bottom).abs() < 0.5 * p.height.max(line.height) => {
                if let Some(last) = out.last_mut() {
                    last.push(' ');
                    last.push_str(text);
                }
                continue;
            }
            Some(p) if p.bottom - line.bottom > BLANK_GAP * p.height.max(line.height) => {
                out.push(String::new());
            }
            _ => {}
        }
        out.push(text.to_string());
        previous = Some(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::label;

    /// The first page of a generated tjänsteutlåtande, as pdf_oxide reads it.
    fn page() -> Vec<Line> {
        vec![
            Line::at("Stockholms läns landsting", 70.87, 749.76, 11.0),
            Line::at("TJÄNSTEUTLÅTANDE", 308.64, 749.76, 11.0),
            Line::at("Hälso- och sjukvårdsförvaltningen", 70.87, 735.37, 11.0),
            Line::at("2015-09-07", 308.64, 735.37, 11.0),
            Line::at("Dnr HSN 1506-0772", 308.64, 720.98, 11.0),
            Line::at("Handläggare:", 70.87, 711.85, 9.0),
            Line::at("Barbro Hansson", 70.87, 697.46, 11.0),
            Line::at("Hälso- och sjukvårdsnämnden", 308.64, 696.14, 11.0),
            Line::at("2015-11-03, punkt 10", 308.64, 681.75, 11.0),
            Line::at(
                "Inrättande av Samordningsförbundet Stockholms stad",
                70.87,
                645.94,
                18.0,
            ),
            Line::at("Ärendebeskrivning", 70.87, 612.36, 13.0),
        ]
    }

    #[test]
    fn the_columns_read_back_to_the_fields() {
        let mut pages = vec![page()];
        let fields = take(&mut pages).expect("a letterhead");
        let pairs: Vec<(&str, &str)> = fields
            .iter()
            .map(|f| (f.label.as_str(), f.value.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                (label::AUTHORITY, "Stockholms läns landsting"),
                (label::UNIT, "Hälso- och sjukvårdsförvaltningen"),
                (label::DATE, "2015-09-07"),
                (label::CASE_NUMBER, "HSN 1506-0772"),
                (label::OFFICER, "Barbro Hansson"),
                (label::RECIPIENT, "Hälso- och sjukvårdsnämnden"),
                (label::MEETING, "2015-11-03, punkt 10"),
            ]
        );
        let left: Vec<&str> = pages[0].iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            left,
            vec![
                "Inrättande av Samordningsförbundet Stockholms stad",
                "Ärendebeskrivning"
            ]
        );
    }

    #[test]
    fn without_a_date_the_dnr_stays_the_dnr() {
        // The dnr moves up into the date's place.
        let mut lines = page();
        lines.retain(|l| l.text != "2015-09-07");
        for l in &mut lines {
            if l.text.starts_with("Dnr") {
                l.bottom = 735.37;
            }
        }
        let fields = take(&mut [lines]).expect("a letterhead");
        assert!(fields.iter().all(|f| f.label != label::DATE));
        assert!(
            fields
                .iter()
                .any(|f| f.label == label::CASE_NUMBER && f.value == "HSN 1506-0772")
        );
    }

    #[test]
    fn a_page_laid_out_otherwise_is_left_alone() {
        // The kind as a heading at the margin, text beside it elsewhere.
        let mut pages = vec![vec![
            Line::at("TJÄNSTEUTLÅTANDE", 70.87, 749.76, 11.0),
            Line::at("Datum 2015-09-07", 80.0, 735.37, 11.0),
            Line::at("Ärendebeskrivning", 70.87, 700.0, 13.0),
        ]];
        let before = pages.clone();
        assert_eq!(take(&mut pages), None);
        assert_eq!(pages, before);
        let mut pages = vec![vec![Line::at("Förbundsordning", 70.87, 749.76, 18.0)]];
        assert_eq!(take(&mut pages), None);
    }
}
