//! Paragraphs and tables of the body → blocks: heading styles become
//! headings (with their automatic number, as Word shows it), a paragraph
//! numbered "3 §" by Word's numbering a § heading, other numbered
//! paragraphs and typed list markers ("1.", "-") lists, the renderer's
//! signature styles signature blocks, and a right-aligned header cell
//! marks a numeric column. A table whose rows start with § markers (a
//! förbundsordning laid out one § per row, or number and text in two
//! columns) is read as the paragraphs of its cells; any other table,
//! such as a budget table inside a §, stays a table.

use super::body::{Cell, Item, Para, TableAcc};
use super::numbering::Numbering;
use super::parts::{StyleRole, Styles};
use crate::document::{Inline, Signature};
use crate::parse::headings::{self, is_heading_like};
use crate::parse::raw::{Raw, clean_text, drop_prefix, raw_text};
use crate::parse::text::list_marker;

/// Turns paragraphs and tables into blocks: heading styles into headings,
/// numbered paragraphs and typed list markers into lists.
pub(super) fn blocks(items: Vec<Item>, styles: &Styles, numbering: &Numbering) -> Vec<Raw> {
    let mut out = Vec::new();
    let mut list: Option<(String, bool, Vec<Vec<Inline>>)> = None;
    let mut signatures = Signatures::default();
    let flush = |list: &mut Option<(String, bool, Vec<Vec<Inline>>)>, out: &mut Vec<Raw>| {
        if let Some((_, ordered, items)) = list.take() {
            out.push(Raw::List { ordered, items });
        }
    };
    for item in unroll(items) {
        let para = match item {
            Item::Table(table) => {
                flush(&mut list, &mut out);
                signatures.finish(&mut out);
                out.push(table_block(table));
                continue;
            }
            Item::Para(para) => para,
        };
        let text = raw_text(&para.runs);
        if let Some(line) = signature_line(&para, &text) {
            flush(&mut list, &mut out);
            signatures.line(line, &mut out);
            continue;
        }
        signatures.finish(&mut out);
        let numbered = para.label.as_ref().is_some_and(|l| !l.bullet);
        let paragraph_mark = para.label.as_ref().is_some_and(|l| l.text.contains('§'));
        let shown = para.shown_text();
        if (if paragraph_mark { &shown } else { &text })
            .trim()
            .is_empty()
        {
            continue;
        }
        let role = para.style.as_deref().and_then(|s| styles.role(s));
        let role = role.or(para
            .outline
            .map(|l| StyleRole::Heading(l.saturating_add(1))));
        if let Some(role) = role {
            flush(&mut list, &mut out);
            let level = match role {
                StyleRole::Title => 1,
                StyleRole::Heading(n) => n.saturating_add(1),
            };
            let text = if numbered { &shown } else { &text };
            out.push(Raw::Heading {
                level,
                text: clean_text(text),
            });
            continue;
        }
        if paragraph_mark {
            // "3 §" from Word's numbering: the paragraph is a § heading.
            flush(&mut list, &mut out);
            out.push(Raw::Paragraph {
                text: para.shown_runs(),
                hint: true,
            });
            continue;
        }
        let entry = list_entry(&para, &text, numbering);
        if let Some((key, ordered, runs)) = entry {
            match &mut list {
                Some((open, _, items)) if *open == key => items.push(runs),
                _ => {
                    flush(&mut list, &mut out);
                    list = Some((key, ordered, vec![runs]));
                }
            }
            continue;
        }
        flush(&mut list, &mut out);
        let emphasised = para
            .runs
            .iter()
            .filter(|r| !r.text.trim().is_empty())
            .all(|r| r.strong);
        let hint = emphasised && !text.trim().contains('\n') && is_heading_like(&text);
        out.push(Raw::Paragraph {
            text: para.runs,
            hint,
        });
    }
    flush(&mut list, &mut out);
    signatures.finish(&mut out);
    out
}

/// A line of a signature block, recognised by the renderer's styles.
fn signature_line<'t>(para: &Para, text: &'t str) -> Option<SignatureLine<'t>> {
    match para.style.as_deref() {
        Some("SignatureLine") => Some(SignatureLine::Rule),
        Some("Signature") => Some(SignatureLine::Text(text.trim())),
        Some("SignatureParty") => Some(SignatureLine::Party(
            text.trim().strip_prefix("För ").unwrap_or(text.trim()),
        )),
        Some("SignatureField") => Some(SignatureLine::Field(text.trim())),
        _ => None,
    }
}

enum SignatureLine<'t> {
    Rule,
    Text(&'t str),
    /// "För X": a party's signature form starts.
    Party(&'t str),
    /// "Ort och datum: …" or "Namnförtydligande: …" of a party's form.
    Field(&'t str),
}

/// A party's signature form being read.
struct PartyForm {
    party: String,
    name: String,
    title: String,
}

/// Collects signature blocks: a rule, then the name (possibly empty) and
/// the title and party when given. One line after the name is the party
/// when there is no name, else the title.
/// A party's form ("För X", place and date, the line, "Underskrift",
/// "Namnförtydligande: name", title) is read as one signature.
#[derive(Default)]
struct Signatures {
    lines: Option<Vec<String>>,
    form: Option<PartyForm>,
}

impl Signatures {
    fn line(&mut self, line: SignatureLine<'_>, out: &mut Vec<Raw>) {
        if let Some(form) = &mut self.form {
            match line {
                SignatureLine::Party(_) => {}
                SignatureLine::Rule => return,
                SignatureLine::Field(text) => {
                    if let Some(name) = text.strip_prefix("Namnförtydligande:") {
                        let name = clean_text(name);
                        if !name.chars().all(|c| c == '_') {
                            form.name = name;
                        }
                    }
                    return;
                }
                SignatureLine::Text(text) => {
                    if text != "Underskrift" {
                        form.title = clean_text(text);
                    }
                    return;
                }
            }
        }
        match line {
            SignatureLine::Rule => {
                self.finish(out);
                self.lines = Some(Vec::new());
            }
            SignatureLine::Text(text) => {
                if let Some(lines) = &mut self.lines {
                    lines.push(clean_text(text));
                }
            }
            SignatureLine::Party(party) => {
                self.finish(out);
                self.form = Some(PartyForm {
                    party: clean_text(party),
                    name: String::new(),
                    title: String::new(),
                });
            }
            SignatureLine::Field(_) => {}
        }
    }

    fn finish(&mut self, out: &mut Vec<Raw>) {
        if let Some(form) = self.form.take() {
            out.push(Raw::Signature(Signature {
                party: form.party,
                name: form.name,
                title: form.title,
            }));
        }
        let Some(mut lines) = self.lines.take() else {
            return;
        };
        lines.resize(lines.len().max(1), String::new());
        let name = lines.remove(0);
        let (title, party) = match lines.len() {
            0 => (String::new(), String::new()),
            1 if name.is_empty() => (String::new(), lines.remove(0)),
            1 => (lines.remove(0), String::new()),
            _ => (lines.remove(0), lines.remove(0)),
        };
        out.push(Raw::Signature(Signature { party, name, title }));
    }
}

/// A paragraph as a list item: (list key, numbered, runs), from Word
/// numbering or from a marker typed at its start ("1.", "-").
fn list_entry(
    para: &Para,
    text: &str,
    numbering: &Numbering,
) -> Option<(String, bool, Vec<Inline>)> {
    if let Some((num_id, level)) = para
        .list
        .as_ref()
        .filter(|(num_id, level)| numbering.visible(num_id, *level))
    {
        let ordered = numbering.ordered(num_id, *level);
        let key = format!("num:{}", numbering.abstract_id(num_id));
        return Some((key, ordered, para.runs.clone()));
    }
    let trimmed = text.trim_start();
    let (ordered, rest) = list_marker(trimmed)?;
    let cut = (rest.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    let runs = drop_prefix(&para.runs, cut);
    Some((format!("typed:{ordered}"), ordered, runs))
}

/// A table block: the first row is the header; a right-aligned header
/// cell marks a numeric column.
fn table_block(table: TableAcc) -> Raw {
    let header_block = table.style.as_deref() == Some("HeaderBlock");
    if header_block && let Some(fields) = letterhead_fields(&table) {
        // The fields as a label | value header block.
        let mut rows = fields.into_iter().map(|f| vec![f.label, f.value]);
        return Raw::Table {
            header: rows.next().unwrap_or_default(),
            rows: rows.collect(),
            numeric: Vec::new(),
            header_block,
        };
    }
    let mut rows = table.rows.into_iter().filter(|r| !r.is_empty());
    let first = rows.next().unwrap_or_default();
    let numeric = first.iter().map(|c| c.right.unwrap_or(false)).collect();
    let header = first.iter().map(Cell::text).collect();
    let rows = rows.map(|r| r.iter().map(Cell::text).collect()).collect();
    Raw::Table {
        header,
        rows,
        numeric,
        header_block,
    }
}

/// The header fields of a letterhead or a bilaga's marking as `generate`
/// lays them out (one row, one paragraph per line), if the table is one.
fn letterhead_fields(table: &TableAcc) -> Option<Vec<crate::document::HeaderField>> {
    let [row] = table.rows.as_slice() else {
        return None;
    };
    let lines = |cell: &Cell| -> Vec<String> {
        cell.items
            .iter()
            .map(|item| match item {
                Item::Para(para) => clean_text(&para.shown_text()),
                Item::Table(_) => String::new(),
            })
            .collect()
    };
    match row.as_slice() {
        [left, right] => crate::document::letterhead::read_letterhead(&lines(left), &lines(right)),
        [only] => crate::document::letterhead::read_marking(&lines(only)),
        _ => None,
    }
}

/// The items with every section table replaced by its cells' contents,
/// row by row.
fn unroll(items: Vec<Item>) -> Vec<Item> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Item::Table(table) if is_section_table(&table) => {
                for cell in table.rows.into_iter().flatten() {
                    out.extend(cell.items);
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// A table holding §§: at least two rows whose first cell starts with a §
/// marker, and no other column doing the same (a jämförelsetabell, with
/// §§ in both columns, stays a table).
fn is_section_table(table: &TableAcc) -> bool {
    let width = table.rows.iter().map(Vec::len).max().unwrap_or(0);
    let marked = |column: usize| {
        let cells = table.rows.iter().filter_map(|row| row.get(column));
        cells.filter(|cell| starts_with_mark(cell)).count()
    };
    marked(0) >= 2 && (1..width).all(|column| marked(column) < 2)
}

/// Whether a cell's first paragraph with text is a § heading.
fn starts_with_mark(cell: &Cell) -> bool {
    let first = cell.items.iter().find_map(|item| match item {
        Item::Para(para) => {
            let text = clean_text(&para.shown_text());
            (!text.is_empty()).then_some(Some(text))
        }
        Item::Table(_) => Some(None),
    });
    first
        .flatten()
        .is_some_and(|text| headings::line_mark(&text, false).is_some())
}
