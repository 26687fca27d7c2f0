//! The layout of a document's header fields, in one place for the
//! renderers that draw it and the reader that reads it back: a
//! tjänsteutlåtande's letterhead (authority, unit and handläggare on the
//! left; the kind, date and dnr, then the recipient and meeting on the
//! right), and another document's marking as a bilaga ("FÖRSLAG",
//! "Bilaga 1", date, "Dnr …").

use super::{Document, DocumentKind, HeaderField, label};

/// One line of the layout; empty lines separate groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The text.
    pub text: String,
    /// Set in bold.
    pub bold: bool,
}

impl Line {
    fn plain(text: impl Into<String>) -> Self {
        Line {
            text: text.into(),
            bold: false,
        }
    }

    fn bold(text: impl Into<String>) -> Self {
        Line {
            text: text.into(),
            bold: true,
        }
    }
}

/// How the header fields are laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    /// A tjänsteutlåtande's letterhead in two columns.
    Letterhead {
        /// Authority, unit, handläggare.
        left: Vec<Line>,
        /// Kind, date, dnr, recipient, meeting.
        right: Vec<Line>,
    },
    /// A bilaga's marking, set at the right.
    Marking(Vec<Line>),
}

/// The handläggare's caption in the letterhead.
const OFFICER_CAPTION: &str = "Handläggare:";
/// What comes before a diarienummer.
const DNR: &str = "Dnr ";

/// The layout of `doc`'s header fields; `None` when it has none.
pub fn layout(doc: &Document) -> Option<Layout> {
    if doc.header.is_empty() {
        return None;
    }
    let value = |l: &str| doc.header_value(l).map(str::to_string);
    if doc.kind != DocumentKind::Tjansteutlatande {
        let lines = doc
            .header
            .iter()
            .map(|f| match f.label.as_str() {
                label::STATUS => Line::bold(f.value.to_uppercase()),
                label::APPENDIX => Line::bold(format!("{} {}", label::APPENDIX, f.value)),
                label::CASE_NUMBER => Line::plain(format!("{DNR}{}", f.value)),
                _ => Line::plain(f.value.clone()),
            })
            .collect();
        return Some(Layout::Marking(lines));
    }
    let mut left = Vec::new();
    left.extend(value(label::AUTHORITY).map(Line::bold));
    left.extend(value(label::UNIT).map(Line::plain));
    if let Some(officer) = value(label::OFFICER) {
        left.push(Line::plain(""));
        left.push(Line::plain(OFFICER_CAPTION));
        left.push(Line::plain(officer));
    }
    let mut right = vec![Line::bold(doc.kind.swedish().to_uppercase())];
    right.extend(value(label::DATE).map(Line::plain));
    right.extend(value(label::CASE_NUMBER).map(|d| Line::plain(format!("{DNR}{d}"))));
    if let Some(recipient) = value(label::RECIPIENT) {
        right.push(Line::plain(""));
        right.push(Line::plain(recipient));
        right.extend(value(label::MEETING).map(Line::plain));
    }
    Some(Layout::Letterhead { left, right })
}

/// Whether `line` is the one a letterhead's right column starts with: the
/// document kind in capitals, "TJÄNSTEUTLÅTANDE".
pub fn opens_letterhead(line: &str) -> bool {
    line.trim() == DocumentKind::Tjansteutlatande.swedish().to_uppercase()
}

/// The header fields of a letterhead read back from its two columns'
/// lines, when the right column starts with a document kind in capitals
/// ("TJÄNSTEUTLÅTANDE"); `None` otherwise. The layout sets the date before
/// the dnr, so a line after the dnr carries it on (a long one wrapped in a
/// PDF).
pub fn read_letterhead(left: &[String], right: &[String]) -> Option<Vec<HeaderField>> {
    let kind = right.first()?;
    if !opens_letterhead(kind) {
        return None;
    }
    let field = |label: &str, value: &str| HeaderField {
        label: label.to_string(),
        value: value.trim().to_string(),
    };
    let mut fields = Vec::new();
    let mut left = left.iter().map(|l| l.trim()).filter(|l| !l.is_empty());
    if let Some(authority) = left.next() {
        fields.push(field(label::AUTHORITY, authority));
    }
    let mut unit: Vec<&str> = Vec::new();
    let mut officer = None;
    let mut after_caption = false;
    for line in left {
        if line == OFFICER_CAPTION {
            after_caption = true;
        } else if after_caption {
            officer = Some(line);
        } else {
            unit.push(line);
        }
    }
    if !unit.is_empty() {
        fields.push(field(label::UNIT, &unit.join(" ")));
    }
    // The right column: date and dnr, then after an empty line the
    // recipient and the meeting.
    let mut groups = right[1..].split(|l| l.trim().is_empty());
    let first: Vec<&String> = groups.next().unwrap_or_default().iter().collect();
    for line in &first {
        let line = line.trim();
        if let Some(dnr) = line.strip_prefix(DNR) {
            fields.push(field(label::CASE_NUMBER, dnr));
        } else if let Some(dnr) = fields.last_mut().filter(|f| f.label == label::CASE_NUMBER) {
            dnr.value = format!("{} {line}", dnr.value);
        } else {
            fields.push(field(label::DATE, line));
        }
    }
    if let Some(officer) = officer {
        fields.push(field(label::OFFICER, officer));
    }
    let rest: Vec<&String> = groups.flatten().filter(|l| !l.trim().is_empty()).collect();
    if let Some(recipient) = rest.first() {
        fields.push(field(label::RECIPIENT, recipient));
    }
    if let Some(meeting) = rest.get(1) {
        fields.push(field(label::MEETING, meeting));
    }
    Some(fields)
}

/// The header fields of a bilaga's marking read back from its lines, when
/// one of them is "Bilaga N"; `None` otherwise.
pub fn read_marking(lines: &[String]) -> Option<Vec<HeaderField>> {
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    let appendix_prefix = format!("{} ", label::APPENDIX);
    if !lines.iter().any(|l| l.starts_with(&appendix_prefix)) {
        return None;
    }
    let field = |label: &str, value: &str| HeaderField {
        label: label.to_string(),
        value: value.to_string(),
    };
    let mut fields: Vec<HeaderField> = Vec::new();
    for line in lines {
        let has_date = fields.iter().any(|f| f.label == label::DATE);
        if let Some(n) = line.strip_prefix(&appendix_prefix) {
            fields.push(field(label::APPENDIX, n));
        } else if let Some(dnr) = line.strip_prefix(DNR) {
            fields.push(field(label::CASE_NUMBER, dnr));
        } else if let Some(last) = fields.last_mut().filter(|f| f.label == label::CASE_NUMBER) {
            // A long list of diarienummer wrapped onto the next line.
            last.value = format!("{} {line}", last.value);
        } else if !has_date && line.starts_with(|c: char| c.is_ascii_digit() || c == '[') {
            fields.push(field(label::DATE, line));
        } else if line.chars().all(|c| !c.is_lowercase()) {
            fields.push(field(
                label::STATUS,
                &crate::swedish::capitalise(&line.to_lowercase()),
            ));
        } else {
            return None;
        }
    }
    Some(fields)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Metadata;

    fn document(kind: DocumentKind, fields: &[(&str, &str)]) -> Document {
        Document {
            kind,
            metadata: Metadata::default(),
            title: "T".into(),
            header: fields
                .iter()
                .map(|(l, v)| HeaderField {
                    label: (*l).into(),
                    value: (*v).into(),
                })
                .collect(),
            preamble: Vec::new(),
            sections: Vec::new(),
            signatures: Vec::new(),
            acceptances: Vec::new(),
        }
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.text.clone()).collect()
    }

    #[test]
    fn a_letterhead_reads_back_to_its_fields() {
        let doc = document(
            DocumentKind::Tjansteutlatande,
            &[
                (label::AUTHORITY, "Stockholms läns landsting"),
                (label::UNIT, "Hälso- och sjukvårdsförvaltningen"),
                (label::DATE, "2015-09-07"),
                (label::CASE_NUMBER, "HSN 1506-0772"),
                (label::OFFICER, "Barbro Hansson"),
                (label::RECIPIENT, "Hälso- och sjukvårdsnämnden"),
                (label::MEETING, "2015-11-03, punkt 10"),
            ],
        );
        let Some(Layout::Letterhead { left, right }) = layout(&doc) else {
            panic!("a letterhead");
        };
        assert_eq!(right[0].text, "TJÄNSTEUTLÅTANDE");
        let back = read_letterhead(&texts(&left), &texts(&right)).unwrap();
        let mut expected = doc.header.clone();
        expected.sort_by(|a, b| a.label.cmp(&b.label));
        let mut back = back;
        back.sort_by(|a, b| a.label.cmp(&b.label));
        assert_eq!(back, expected);
    }

    #[test]
    fn a_marking_reads_back_to_its_fields() {
        let doc = document(
            DocumentKind::Forbundsordning,
            &[
                (label::STATUS, "Förslag"),
                (label::APPENDIX, "1"),
                (label::DATE, "2026-03-16"),
                (label::CASE_NUMBER, "KS 2026/61 (Älvkarleby kommun)"),
            ],
        );
        let Some(Layout::Marking(lines)) = layout(&doc) else {
            panic!("a marking");
        };
        assert_eq!(read_marking(&texts(&lines)).unwrap(), doc.header);
    }
}
