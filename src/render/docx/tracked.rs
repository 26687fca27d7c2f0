//! A Word document whose differences from an older text are real tracked
//! changes (`w:ins` / `w:del` with author and date), so Word's and
//! LibreOffice's Accept and Reject work. The caller (the comparison) says,
//! section by section, which words are kept, inserted or deleted; "\n"
//! inside a change marks a paragraph break, and a break that is itself
//! inserted or deleted gets a tracked paragraph mark.

use docx_rs::{Delete, Insert, Paragraph, Run};

use super::content::{Context, Part, style, text_run};
use super::{RenderError, package};
use crate::document::Document;

/// Whether a piece of text is kept, inserted or deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// In both texts.
    Equal,
    /// Only in the new text.
    Insert,
    /// Only in the old text.
    Delete,
}

/// A piece of text with its kind; "\n" separates paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackedChange {
    /// Kept, inserted or deleted.
    pub kind: ChangeKind,
    /// The text.
    pub text: String,
}

/// One section: its heading before and after (`None` where the section
/// did not exist), and the changes of its body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TrackedSection {
    /// The old heading as printed ("5 § Styrelsen"), if the section existed.
    pub old_heading: Option<String>,
    /// The new heading as printed, if the section exists now.
    pub new_heading: Option<String>,
    /// The body's changes in reading order.
    pub changes: Vec<TrackedChange>,
}

/// Who made the changes and when (ISO 8601, e.g. "2027-01-01T00:00:00Z").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// The author shown in Word's review pane.
    pub author: String,
    /// The date shown with each change.
    pub date: String,
}

/// Renders the new text with tracked changes against the old. `shell`
/// gives the title, metadata (running header, properties) and nothing else.
pub fn render_tracked(
    shell: &Document,
    sections: &[TrackedSection],
    revision: &Revision,
) -> Result<Vec<u8>, RenderError> {
    let mut ctx = Context::default();
    let mut body = vec![Part::Paragraph(Box::new(
        ctx.paragraph()
            .style(style::TITLE)
            .add_run(text_run(&shell.title)),
    ))];
    for section in sections {
        if let Some(heading) = heading(&mut ctx, section, revision) {
            body.push(Part::Paragraph(Box::new(heading)));
        }
        for paragraph in paragraphs(&mut ctx, section, revision) {
            body.push(Part::Paragraph(Box::new(paragraph)));
        }
    }
    let docx = package::assemble(&mut ctx, shell, body);
    package::finish(docx, &shell.metadata, ctx.header_rows)
}

fn heading(ctx: &mut Context, section: &TrackedSection, r: &Revision) -> Option<Paragraph> {
    let paragraph = ctx.paragraph().style(style::HEADING1);
    match (&section.old_heading, &section.new_heading) {
        (None, None) => None,
        (Some(old), Some(new)) if old == new => Some(paragraph.add_run(text_run(new))),
        (Some(old), Some(new)) => Some(
            paragraph
                .add_delete(deleted(old, r))
                .add_insert(inserted(new, r)),
        ),
        (None, Some(new)) => Some(
            paragraph
                .add_insert(inserted(new, r))
                .insert(&r.author, &r.date),
        ),
        (Some(old), None) => Some(
            paragraph
                .add_delete(deleted(old, r))
                .delete(&r.author, &r.date),
        ),
    }
}

/// The body paragraphs, splitting changes at "\n".
fn paragraphs(ctx: &mut Context, section: &TrackedSection, r: &Revision) -> Vec<Paragraph> {
    let whole_section = match (&section.old_heading, &section.new_heading) {
        (None, Some(_)) => Some(ChangeKind::Insert),
        (Some(_), None) => Some(ChangeKind::Delete),
        _ => None,
    };
    let mut out = Vec::new();
    let mut current = ctx.paragraph();
    let mut has_content = false;
    for change in &section.changes {
        for (index, piece) in change.text.split('\n').enumerate() {
            if index > 0 {
                // The paragraph mark belongs to this change.
                let mark = whole_section.unwrap_or(change.kind);
                out.push(mark_paragraph(current, mark, r));
                current = ctx.paragraph();
                has_content = false;
            }
            if piece.is_empty() {
                continue;
            }
            has_content = true;
            current = match change.kind {
                ChangeKind::Equal => current.add_run(text_run(piece)),
                ChangeKind::Insert => current.add_insert(inserted(piece, r)),
                ChangeKind::Delete => current.add_delete(deleted(piece, r)),
            };
        }
    }
    if has_content {
        out.push(mark_paragraph(
            current,
            whole_section.unwrap_or(ChangeKind::Equal),
            r,
        ));
    }
    out
}

fn mark_paragraph(paragraph: Paragraph, kind: ChangeKind, r: &Revision) -> Paragraph {
    match kind {
        ChangeKind::Equal => paragraph,
        ChangeKind::Insert => paragraph.insert(&r.author, &r.date),
        ChangeKind::Delete => paragraph.delete(&r.author, &r.date),
    }
}

fn inserted(text: &str, r: &Revision) -> Insert {
    Insert::new(text_run(text)).author(&r.author).date(&r.date)
}

fn deleted(text: &str, r: &Revision) -> Delete {
    let mut run = Run::new();
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        let clean: String = line.chars().filter(|c| !c.is_control()).collect();
        if !clean.is_empty() {
            run = run.add_delete_text(clean);
        }
    }
    Delete::new().author(&r.author).date(&r.date).add_run(run)
}

/// Gives `w:ins` and `w:del` elements sequential ids. docx-rs draws them
/// from a process-global counter; renumbering keeps output deterministic.
pub(super) fn renumber_revisions(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    let mut next = 1usize;
    loop {
        let ins = rest.find("<w:ins w:id=\"");
        let del = rest.find("<w:del w:id=\"");
        let at = match (ins, del) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => break,
        };
        let prefix_len = "<w:ins w:id=\"".len();
        out.push_str(&rest[..at + prefix_len]);
        let after = &rest[at + prefix_len..];
        let end = after.find('"').unwrap_or(0);
        out.push_str(&next.to_string());
        next += 1;
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{DocumentKind, Metadata};

    fn shell() -> Document {
        Document {
            kind: DocumentKind::Forbundsordning,
            metadata: Metadata {
                title: "Förbundsordning för Samordningsförbundet Haninge".into(),
                subject: "Samordningsförbundet Haninge".into(),
                author: "forbund".into(),
                case_number: None,
                date: chrono::NaiveDate::from_ymd_opt(2007, 1, 1).unwrap(),
                language: "sv".into(),
            },
            title: "Förbundsordning för Samordningsförbundet Haninge".into(),
            header: vec![],
            preamble: vec![],
            sections: vec![],
            signatures: vec![],
            acceptances: Vec::new(),
        }
    }

    fn change(kind: ChangeKind, text: &str) -> TrackedChange {
        TrackedChange {
            kind,
            text: text.into(),
        }
    }

    fn document_xml(bytes: &[u8]) -> String {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        xml
    }

    #[test]
    fn changes_become_ins_and_del_that_read_back_as_the_new_text() {
        let sections = vec![
            TrackedSection {
                old_heading: Some("5 § Styrelsen".into()),
                new_heading: Some("5 § Styrelsen".into()),
                changes: vec![
                    change(ChangeKind::Equal, "Styrelsen ska bestå av "),
                    change(ChangeKind::Delete, "4 ledamöter med 4"),
                    change(ChangeKind::Insert, "8 ledamöter med 8"),
                    change(ChangeKind::Equal, " ersättare.\nVarje medlem väljer "),
                    change(ChangeKind::Delete, "en ledamot"),
                    change(ChangeKind::Insert, "två ledamöter"),
                    change(ChangeKind::Equal, "."),
                ],
            },
            TrackedSection {
                old_heading: None,
                new_heading: Some("20 § Ny paragraf".into()),
                changes: vec![change(ChangeKind::Insert, "Helt ny text.")],
            },
        ];
        let revision = Revision {
            author: "Förbundsstyrelsen".into(),
            date: "2007-01-01T00:00:00Z".into(),
        };
        let bytes = render_tracked(&shell(), &sections, &revision).unwrap();
        let again = render_tracked(&shell(), &sections, &revision).unwrap();
        assert_eq!(bytes, again, "deterministic");
        let xml = document_xml(&bytes);
        assert_eq!(xml.matches("<w:del ").count(), 2, "{xml}");
        assert!(xml.contains("w:author=\"Förbundsstyrelsen\""));
        assert!(xml.contains("w:date=\"2007-01-01T00:00:00Z\""));
        assert!(xml.contains("<w:delText"));
        let docx = docx_rs::read_docx(&bytes).unwrap();
        let texts: Vec<String> = docx
            .document
            .children
            .iter()
            .filter_map(|c| match c {
                docx_rs::DocumentChild::Paragraph(p) => Some(p.raw_text()),
                _ => None,
            })
            .collect();
        assert_eq!(
            texts,
            vec![
                "Förbundsordning för Samordningsförbundet Haninge",
                "5 § Styrelsen",
                "Styrelsen ska bestå av 8 ledamöter med 8 ersättare.",
                "Varje medlem väljer två ledamöter.",
                "20 § Ny paragraf",
                "Helt ny text.",
            ]
        );
    }

    #[test]
    fn revision_ids_are_sequential() {
        let xml = r#"<w:ins w:id="57" w:author="a"><w:del w:id="9" w:author="a"><w:ins w:id="58""#;
        assert_eq!(
            renumber_revisions(xml),
            r#"<w:ins w:id="1" w:author="a"><w:del w:id="2" w:author="a"><w:ins w:id="3""#
        );
    }
}
