//! The package around the body: page setup, running header and footer,
//! numbering definitions, styles, document properties, and the ZIP.

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, Docx, Footer, Header, Level, LevelJc, LevelOverride, LevelText, NumPages,
    NumberFormat, Numbering, PageMargin, PageNum, Run, SpecialIndentType, Start, XMLDocx,
};

use super::content::{Context, FIRST_LIST_NUM_ID, Part, style, text_run};
use crate::document::{Document, Metadata};
use crate::render::RenderError;

/// The styles part, written by hand: docx-rs has no `w:lang`, no
/// `w:default` and writes style children out of schema order.
const STYLES_XML: &str = include_str!("styles.xml");

/// A4 in twentieths of a point.
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
/// 25 mm.
const MARGIN: i32 = 1417;
/// 12.5 mm from the edge to the header and footer.
const HEADER_DISTANCE: i32 = 709;

/// Abstract numbering of ordered lists ("1.").
const ORDERED_ABSTRACT_ID: usize = 2;
/// Abstract numbering of bullet lists ("–").
const BULLET_ABSTRACT_ID: usize = 3;

/// How docx-rs writes the properties of a row marked `cant_split`, and the
/// same with `w:tblHeader` added. Only data-table header rows are marked,
/// and user text cannot contain `<`, so the match is unambiguous.
const HEADER_ROW_MARK: &str = "<w:trPr><w:cantSplit /></w:trPr>";
const HEADER_ROW_PATCHED: &str = "<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>";

/// The docx-rs document: page, header, footer, numbering and body.
pub(super) fn assemble(ctx: &mut Context, doc: &Document, body: Vec<Part>) -> Docx {
    let header = running_header(ctx, &doc.metadata);
    let footer = running_footer(ctx);
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(HEADER_DISTANCE)
                .footer(HEADER_DISTANCE)
                .gutter(0),
        )
        .header(header)
        .footer(footer);
    docx = add_numberings(docx, &ctx.lists);
    for part in body {
        docx = match part {
            Part::Paragraph(p) => docx.add_paragraph(*p),
            Part::Table(t) => docx.add_table(*t),
        };
    }
    docx
}

/// "Title | Dnr X" on every page.
fn running_header(ctx: &mut Context, metadata: &Metadata) -> Header {
    let text = match &metadata.case_number {
        Some(dnr) if !dnr.is_empty() => format!("{} | Dnr {dnr}", metadata.title),
        _ => metadata.title.clone(),
    };
    Header::new().add_paragraph(
        ctx.paragraph()
            .style(style::HEADER)
            .add_run(text_run(&text)),
    )
}

/// "Sida X av Y" with PAGE and NUMPAGES fields.
fn running_footer(ctx: &mut Context) -> Footer {
    let paragraph = ctx
        .paragraph()
        .style(style::FOOTER)
        .add_run(Run::new().add_text("Sida "))
        .add_page_num(PageNum::new())
        .add_run(Run::new().add_text(" av "))
        .add_num_pages(NumPages::new());
    Footer::new().add_paragraph(paragraph)
}

/// The two abstract numberings and one `w:num` per list; ordered ones
/// restart at 1 through a level override.
fn add_numberings(docx: Docx, lists: &[bool]) -> Docx {
    let docx = docx
        .add_abstract_numbering(list_level(ORDERED_ABSTRACT_ID, "decimal", "%1."))
        .add_abstract_numbering(list_level(BULLET_ABSTRACT_ID, "bullet", "\u{2013}"));
    lists
        .iter()
        .enumerate()
        .fold(docx, |docx, (index, ordered)| {
            let id = FIRST_LIST_NUM_ID + index;
            let numbering = if *ordered {
                Numbering::new(id, ORDERED_ABSTRACT_ID).add_override(LevelOverride::new(0).start(1))
            } else {
                Numbering::new(id, BULLET_ABSTRACT_ID)
            };
            docx.add_numbering(numbering)
        })
}

fn list_level(id: usize, format: &str, text: &str) -> AbstractNumbering {
    AbstractNumbering::new(id).add_level(
        Level::new(
            0,
            Start::new(1),
            NumberFormat::new(format),
            LevelText::new(text),
            LevelJc::new("left"),
        )
        .indent(Some(720), Some(SpecialIndentType::Hanging(360)), None, None),
    )
}

/// Builds the parts, replaces styles and core properties, marks header
/// rows, and zips.
pub(super) fn finish(
    docx: Docx,
    metadata: &Metadata,
    header_rows: usize,
) -> Result<Vec<u8>, RenderError> {
    let mut xml: XMLDocx = docx.build();
    xml.styles = STYLES_XML.as_bytes().to_vec();
    xml.doc_props.core = core_xml(metadata).into_bytes();
    xml.document = mark_header_rows(&xml.document, header_rows)?;
    let document = String::from_utf8_lossy(&xml.document).into_owned();
    xml.document = super::tracked::renumber_revisions(&document).into_bytes();
    let mut buffer = Cursor::new(Vec::new());
    xml.pack(&mut buffer)
        .map_err(|e| RenderError::Docx(e.to_string()))?;
    Ok(buffer.into_inner())
}

/// Adds `w:tblHeader` to the marked header rows, checking that exactly
/// as many were found as were marked.
fn mark_header_rows(document: &[u8], expected: usize) -> Result<Vec<u8>, RenderError> {
    let text = std::str::from_utf8(document)
        .map_err(|e| RenderError::Docx(format!("document.xml är inte UTF-8: {e}")))?;
    let found = text.matches(HEADER_ROW_MARK).count();
    if found != expected {
        return Err(RenderError::Docx(format!(
            "hittade {found} rubrikrader i tabellerna, väntade {expected}"
        )));
    }
    Ok(text
        .replace(HEADER_ROW_MARK, HEADER_ROW_PATCHED)
        .into_bytes())
}

/// docProps/core.xml with title, subject, author, language and the
/// document's date (never the wall clock).
pub(super) fn core_xml(metadata: &Metadata) -> String {
    let date = format!("{}T00:00:00Z", metadata.date);
    let author = escape(&metadata.author);
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title>",
            "<dc:subject>{subject}</dc:subject>",
            "<dc:creator>{author}</dc:creator>",
            "<cp:lastModifiedBy>{author}</cp:lastModifiedBy>",
            "<cp:revision>1</cp:revision>",
            "<dc:language>{language}</dc:language>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        title = escape(&metadata.title),
        subject = escape(&metadata.subject),
        author = author,
        language = escape(&language_tag(&metadata.language)),
        date = date,
    )
}

/// "sv" (or nothing) becomes "sv-SE"; any other tag is kept.
fn language_tag(language: &str) -> String {
    match language {
        "" | "sv" => "sv-SE".to_string(),
        other => other.to_string(),
    }
}

/// Escapes text for XML content, dropping characters XML cannot carry.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            _ => out.push(c),
        }
    }
    out
}
