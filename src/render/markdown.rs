//! Document → Markdown, the canonical text (also what comparisons read).
//! Text is escaped so that reading the Markdown back gives the same text.

use crate::document::{Block, ChartLevel, DECISION_WORD, Document, Inline, Section, Signature};

/// Renders the document as CommonMark with pipe tables.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    if !doc.header.is_empty() {
        for field in &doc.header {
            out.push_str(&format!(
                "- {}: {}\n",
                escape(&field.label, false),
                escape(&field.value, false)
            ));
        }
        out.push('\n');
    }
    out.push_str(&format!("# {}\n", escape(&doc.title, false)));
    acceptances(&mut out, doc);
    blocks(&mut out, &doc.preamble);
    for section in &doc.sections {
        heading(&mut out, section);
        blocks(&mut out, &section.blocks);
    }
    if !doc.signatures.is_empty() {
        out.push_str("\n---\n");
        for signature in &doc.signatures {
            signature_block(&mut out, signature);
        }
    }
    out
}

/// The accepted deviations after the title, one HTML comment each, where
/// `forbund check` reads them for the whole document.
fn acceptances(out: &mut String, doc: &Document) {
    if doc.acceptances.is_empty() {
        return;
    }
    out.push('\n');
    for acceptance in &doc.acceptances {
        out.push_str(&acceptance.comment());
        out.push('\n');
    }
}

fn heading(out: &mut String, section: &Section) {
    let marks = if section.level <= 1 { "##" } else { "###" };
    let text = match section.number {
        Some(n) if section.heading.is_empty() => format!("{n} §"),
        Some(n) => format!("{n} § {}", escape(&section.heading, false)),
        None => escape(&section.heading, true),
    };
    out.push_str(&format!("\n{marks} {text}\n"));
}

fn blocks(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        out.push('\n');
        match block {
            Block::Paragraph { text } => {
                out.push_str(&inlines(text));
                out.push('\n');
            }
            Block::List { ordered, items } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = if *ordered {
                        format!("{}.", i + 1)
                    } else {
                        "-".to_string()
                    };
                    out.push_str(&format!("{marker} {}\n", inlines(item)));
                }
            }
            Block::Table {
                header,
                rows,
                numeric,
            } => table(out, header, rows, numeric),
            // Markdown has no hanging indent: each att-sats is a paragraph
            // of its own, never a list item.
            Block::Decision { text } => {
                out.push_str(DECISION_WORD);
                out.push(' ');
                out.push_str(&inlines_after(text));
                out.push('\n');
            }
            Block::Chart { levels } => chart(out, levels),
        }
    }
}

fn table(out: &mut String, header: &[String], rows: &[Vec<Vec<Inline>>], numeric: &[bool]) {
    let cell = |runs: &[Inline]| inlines(runs).replace('|', "\\|").replace('\n', " ");
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&line(
        header
            .iter()
            .map(|h| escape(h, false).replace('|', "\\|"))
            .collect(),
    ));
    let rule: Vec<&str> = (0..header.len())
        .map(|i| {
            if numeric.get(i).copied().unwrap_or(false) {
                "---:"
            } else {
                "---"
            }
        })
        .collect();
    out.push_str(&format!("|{}|\n", rule.join("|")));
    for row in rows {
        out.push_str(&line(row.iter().map(|c| cell(c)).collect()));
    }
}

/// The chart as a numbered list of its levels from the top, the box beside
/// a level named after it.
fn chart(out: &mut String, levels: &[ChartLevel]) {
    for (i, level) in levels.iter().enumerate() {
        let mut item = escape(&level.main.text(), false);
        if let Some(beside) = &level.beside {
            let relation = if level.beside_supports {
                "med stöd av"
            } else {
                "med"
            };
            item.push_str(&format!(" ({relation} {})", escape(&beside.text(), false)));
        }
        out.push_str(&format!("{}. {item}\n", i + 1));
    }
}

fn signature_block(out: &mut String, signature: &Signature) {
    const RULE: &str = "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_";
    if !signature.party.is_empty() {
        let name = if signature.name.is_empty() {
            RULE.to_string()
        } else {
            escape(&signature.name, false)
        };
        let mut lines = vec![
            format!("För {}", escape(&signature.party, false)),
            format!("Ort och datum: {RULE}"),
            RULE.to_string(),
            "Underskrift".to_string(),
            format!("Namnförtydligande: {name}"),
        ];
        if !signature.title.is_empty() {
            lines.push(escape(&signature.title, false));
        }
        out.push('\n');
        out.push_str(&lines.join("\\\n"));
        out.push('\n');
        return;
    }
    let mut lines = vec![
        "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_".to_string(),
    ];
    for part in [&signature.name, &signature.title, &signature.party] {
        if !part.is_empty() {
            lines.push(escape(part, false));
        }
    }
    out.push('\n');
    out.push_str(&lines.join("\\\n"));
    out.push('\n');
}

/// Inline text that follows other text on its line, so never at the start
/// of a block.
fn inlines_after(runs: &[Inline]) -> String {
    let mut prefixed = vec![Inline::plain("")];
    prefixed.extend(runs.iter().cloned());
    inlines(&prefixed)
}

fn inlines(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for (i, inline) in inlines.iter().enumerate() {
        let marks = match (inline.strong, inline.emphasis) {
            (true, true) => "***",
            (true, false) => "**",
            (false, true) => "*",
            (false, false) => "",
        };
        let core = inline.text.trim();
        if marks.is_empty() || core.is_empty() {
            out.push_str(&escape(&inline.text, i == 0));
            continue;
        }
        // Emphasis markers must touch the words: spaces stay outside.
        let lead = &inline.text[..inline.text.len() - inline.text.trim_start().len()];
        let trail = &inline.text[inline.text.trim_end().len()..];
        out.push_str(lead);
        out.push_str(&format!(
            "{marks}{}{marks}",
            escape(core, i == 0 && lead.is_empty())
        ));
        out.push_str(trail);
    }
    out
}

/// Escapes text for Markdown: the characters that start markup anywhere,
/// and at the start of a block what would make it a heading or a list.
/// No-break spaces become plain spaces.
pub fn escape(text: &str, at_block_start: bool) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        // Markdown is the canonical text, not typeset: a no-break space
        // (which keeps numbers together on paper) is a plain space here.
        if c == crate::swedish::NBSP {
            out.push(' ');
            continue;
        }
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '&' | '~' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    if at_block_start {
        out = escape_block_start(&out);
    }
    out
}

fn escape_block_start(text: &str) -> String {
    let trimmed = text.trim_start();
    let first = trimmed.chars().next();
    match first {
        Some('-' | '+') => {
            let lead = text.len() - trimmed.len();
            format!("{}\\{}", &text[..lead], trimmed)
        }
        Some(c) if c.is_ascii_digit() => {
            let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
            let rest = &trimmed[digits..];
            if rest.starts_with('.') || rest.starts_with(')') {
                format!("{}\\{}", &trimmed[..digits], rest)
            } else {
                text.to_string()
            }
        }
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_deviations_are_comments_after_the_title() {
        let doc = Document {
            kind: crate::document::DocumentKind::Forbundsordning,
            metadata: crate::document::Metadata::default(),
            title: "Förbundsordning".to_string(),
            header: vec![crate::document::HeaderField {
                label: "Myndighet".to_string(),
                value: "X".to_string(),
            }],
            preamble: vec![Block::Paragraph {
                text: vec![Inline::plain("Text.")],
            }],
            sections: Vec::new(),
            signatures: Vec::new(),
            acceptances: vec![crate::document::Acceptance::new(
                "FINSAM-12-MANDATTID",
                "antagen 2006 --  mandattiden\nhar löpt ut",
            )],
        };
        assert_eq!(
            render(&doc),
            "- Myndighet: X\n\n# Förbundsordning\n\n<!-- forbund: godta FINSAM-12-MANDATTID: antagen 2006 – mandattiden har löpt ut -->\n\nText.\n"
        );
    }

    #[test]
    fn escaped_text_reads_back_literally() {
        let literal = "#read(\"/etc/passwd\") *x* _y_ $z$ <w> [v] \\ # ## 1 §";
        let md = format!(
            "# {}\n\n{}\n",
            escape(literal, false),
            escape(literal, true)
        );
        let read = |md: &str| {
            crate::parse::parse_as(
                "t.md",
                md.as_bytes(),
                Some(crate::document::DocumentKind::Avsiktsforklaring),
            )
            .map(|p| p.document)
            .expect("reads")
        };
        let parts = read(&md);
        assert_eq!(parts.title, literal);
        assert_eq!(
            parts.preamble,
            vec![Block::Paragraph {
                text: vec![Inline::plain(literal)]
            }]
        );
        let list_like = "1. inte en lista";
        let parts = read(&format!("# T\n\n{}\n", escape(list_like, true)));
        assert_eq!(
            parts.preamble,
            vec![Block::Paragraph {
                text: vec![Inline::plain(list_like)]
            }]
        );
    }
}
