//! PDF through Typst, compiled as a library in a sandbox.
//!
//! The [`Document`] is serialised to JSON and served to a fixed, embedded
//! style template (`templates/pdf/style.typ`) as the virtual file
//! `/data.json`; the template walks it and places every string as text, so
//! nothing a user writes is ever parsed as Typst markup. Fonts come only
//! from the binary (`typst-assets`), nothing is read from disk or the
//! network, and the date, document id and creator are pinned, so the same
//! document always gives byte-identical PDF.

mod rows;
mod world;

use typst::WorldExt;
use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use chrono::Datelike;

use super::{PdfProfile, RenderError};
use crate::document::{Block, Document};
use world::SandboxWorld;

/// Render a document to PDF bytes in the given profile: PDF/A-2b for the
/// archive or tagged PDF/UA-1 for accessibility.
///
/// The result depends only on `doc` and `profile`: the PDF's dates come from
/// `doc.metadata.date`, never from the clock.
pub fn render(doc: &Document, profile: PdfProfile) -> Result<Vec<u8>, RenderError> {
    let data = template_data(doc).map_err(|e| pdf_error(e.to_string()))?;
    let date = doc.metadata.date;
    let invalid_date = || pdf_error(format!("ogiltigt datum {date}"));
    let (month, day) = (
        u8::try_from(date.month()).map_err(|_| invalid_date())?,
        u8::try_from(date.day()).map_err(|_| invalid_date())?,
    );
    let today = Datetime::from_ymd(date.year(), month, day).ok_or_else(invalid_date)?;
    let midnight =
        Datetime::from_ymd_hms(date.year(), month, day, 0, 0, 0).ok_or_else(invalid_date)?;

    if profile == PdfProfile::AccessibleUa1
        && doc.metadata.title.trim().is_empty()
        && doc.title.trim().is_empty()
    {
        return Err(pdf_error(
            "PDF/UA-1 kräver en dokumenttitel, men både metadata.title och title är tomma",
        ));
    }

    let world = SandboxWorld::new(data, today).map_err(pdf_error)?;
    let compiled = compile(&world)?;

    let standard = match profile {
        PdfProfile::ArchiveA2b => PdfStandard::A_2b,
        PdfProfile::AccessibleUa1 => PdfStandard::Ua_1,
    };
    let standards = PdfStandards::new(&[standard]).map_err(|e| {
        let mut message = e.message().to_string();
        for hint in e.hints().iter().filter(|h| !mentions_root(h)) {
            message.push_str("; ");
            message.push_str(hint);
        }
        pdf_error(message)
    })?;
    let options = PdfOptions {
        ident: Smart::Custom(ident(doc)),
        creator: Smart::Custom(Some("forbund".into())),
        timestamp: Some(Timestamp::new_utc(midnight)),
        standards,
        tagged: true,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&compiled, &options).map_err(|errors| diagnostics_error(&world, &errors))
}

/// The document as the template reads it: its JSON, with the
/// `column_widths` (pt) forbund measured on each table, and a `row_height`
/// on each table whose cells all stay on one line (see
/// [`rows::TableFonts::layout`]), so that Typst need not measure its
/// cells; when a one-line table's cells are plain text they come as one
/// flat list of strings, `plain_cells`, in place of `rows`, which the
/// template places as they are.
fn template_data(doc: &Document) -> serde_json::Result<Vec<u8>> {
    let mut value = serde_json::to_value(doc)?;
    if let Some(fonts) = world::TABLE_FONTS.as_ref() {
        let annotate = |blocks: &[Block], json: Option<&mut serde_json::Value>| {
            let Some(serde_json::Value::Array(json)) = json else {
                return;
            };
            for (block, json) in blocks.iter().zip(json.iter_mut()) {
                let serde_json::Value::Object(map) = json else {
                    continue;
                };
                let Some(layout) = fonts.layout(block) else {
                    continue;
                };
                if let Some(height) = layout.row_height {
                    if let Some(cells) = plain_cells(block, layout.column_widths.len()) {
                        map.remove("rows");
                        map.insert("plain_cells".into(), cells.into());
                    }
                    map.insert("row_height".into(), height.into());
                }
                map.insert("column_widths".into(), layout.column_widths.into());
            }
        };
        annotate(&doc.preamble, value.get_mut("preamble"));
        if let Some(serde_json::Value::Array(sections)) = value.get_mut("sections") {
            for (section, json) in doc.sections.iter().zip(sections.iter_mut()) {
                annotate(&section.blocks, json.get_mut("blocks"));
            }
        }
    }
    serde_json::to_vec(&value)
}

/// A table's cells row by row, each row padded to `columns` with empty
/// cells, when no cell has emphasis; `None` otherwise.
fn plain_cells(table: &Block, columns: usize) -> Option<Vec<String>> {
    let Block::Table { rows, .. } = table else {
        return None;
    };
    let mut cells = Vec::with_capacity(rows.len() * columns);
    for row in rows {
        for i in 0..columns {
            let runs = row.get(i).map_or(&[][..], Vec::as_slice);
            if runs.iter().any(|r| r.strong || r.emphasis) {
                return None;
            }
            cells.push(runs.iter().map(|r| r.text.as_str()).collect());
        }
    }
    Some(cells)
}

/// Lay the world's main file out into pages.
fn compile(world: &SandboxWorld) -> Result<PagedDocument, RenderError> {
    let Warned { output, .. } = typst::compile::<PagedDocument>(world);
    output.map_err(|errors| diagnostics_error(world, &errors))
}

/// A stable PDF document id: the same kind and title always give the same
/// `/ID`, whatever else changes between drafts.
fn ident(doc: &Document) -> String {
    format!("forbund/{}/{}", doc.kind.file_stem(), doc.title)
}

fn pdf_error(message: impl Into<String>) -> RenderError {
    RenderError::Pdf(message.into())
}

/// Hints written for the Typst CLI (`--root`) mean nothing to our users.
fn mentions_root(hint: &str) -> bool {
    hint.contains("--root") || hint.contains("root directory")
}

/// Typst's errors as one message: each error with its place in the template
/// when it has one, and its hints except those about the CLI.
fn diagnostics_error(world: &SandboxWorld, diagnostics: &[SourceDiagnostic]) -> RenderError {
    let messages: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity == typst::diag::Severity::Error)
        .map(|d| {
            let mut message = String::new();
            if let Some((line, column)) = template_position(world, d) {
                message.push_str(&format!(
                    "{}:{}:{}: ",
                    world::MAIN_PATH.trim_start_matches('/'),
                    line + 1,
                    column + 1
                ));
            }
            message.push_str(&d.message);
            for hint in d.hints.iter().filter(|h| !mentions_root(&h.v)) {
                message.push_str("; ");
                message.push_str(&hint.v);
            }
            message
        })
        .collect();
    if messages.is_empty() {
        pdf_error("okänt fel i Typst")
    } else {
        pdf_error(messages.join(" | "))
    }
}

/// Zero-based line and column of a diagnostic in the template, if it has one.
fn template_position(world: &SandboxWorld, d: &SourceDiagnostic) -> Option<(usize, usize)> {
    use typst::World;
    let id = d.span.id()?;
    if id != world.main() {
        return None;
    }
    let range = world.range(d.span)?;
    let source = world.source(id).ok()?;
    let lines = source.lines();
    Some((
        lines.byte_to_line(range.start)?,
        lines.byte_to_column(range.start)?,
    ))
}

#[cfg(test)]
mod tests;
