//! Document → a standalone HTML page with print CSS (A4, page numbers where
//! the browser supports CSS paged media). All text is HTML-escaped.

use crate::document::letterhead::{Layout, Line, layout};
use crate::document::{Block, ChartBox, ChartLevel, DECISION_WORD, Document, Inline};

const STYLE: &str = r#"
@page { size: A4; margin: 25mm 25mm 25mm 25mm;
  @bottom-center { content: "Sida " counter(page) " av " counter(pages); font-size: 9pt; } }
body { font-family: "Libertinus Serif", Georgia, "Times New Roman", serif; font-size: 11.5pt;
  line-height: 1.45; max-width: 42em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.6em; margin: 0.6em 0 0.8em; }
h2 { font-size: 1.15em; margin: 1.4em 0 0.4em; break-after: avoid; }
h3 { font-size: 1.05em; margin: 1.1em 0 0.3em; break-after: avoid; }
p { margin: 0.4em 0; text-align: left; hyphens: auto; }
table { border-collapse: collapse; margin: 0.6em 0; }
th, td { border: 1px solid #999; padding: 0.2em 0.5em; vertical-align: top; }
th { text-align: left; }
td.tal, th.tal { text-align: right; font-variant-numeric: tabular-nums; }
table.sidhuvud td { border: none; padding: 0.05em 0.8em 0.05em 0; }
table.sidhuvud td:first-child { color: #444; }
.underskrifter { margin-top: 2.5em; display: flex; flex-wrap: wrap; gap: 2.5em 3em; }
.underskrift { break-inside: avoid; min-width: 14em; }
.underskrift .linje { border-top: 1px solid #111; margin-top: 3em; padding-top: 0.2em; }
p.att { padding-left: 2.5em; text-indent: -2.5em; margin: 0.35em 0; }
p.att .att-ord { display: inline-block; width: 2.5em; text-indent: 0; }
.schema { margin: 1.2em 0; break-inside: avoid; font-size: 0.92em; }
.schema .niva { display: grid; grid-template-columns: 1fr 16em 1fr; align-items: center; }
.schema .niva > .ruta { grid-column: 2; }
.schema .niva > .sida { grid-column: 3; display: flex; align-items: center; }
.schema .led { grid-column: 2; justify-self: center; width: 0; height: 1.2em; border-left: 1px solid #111; }
.schema .ruta { border: 1px solid #111; padding: 0.35em 0.5em; text-align: center; background: #fff; flex: 1; }
.schema .ruta.stod { border-style: dashed; }
.schema .hel, .schema .streckad { width: 1.5em; border-top: 1px solid #111; }
.schema .streckad { border-top-style: dashed; }
.brevhuvud { display: grid; grid-template-columns: 1fr 1fr; gap: 0.2em 2em; margin-bottom: 2em; }
.brevhuvud .hoger { text-align: left; }
.brevhuvud .slag { font-weight: bold; letter-spacing: 0.05em; }
.markering { text-align: right; margin-bottom: 1.5em; }
.underskrift .ort { margin-top: 1.5em; }
header.lop { color: #555; font-size: 9pt; border-bottom: 1px solid #ccc; margin-bottom: 1.5em; }
@media print { body { margin: 0; max-width: none; } header.lop { display: none; } }
"#;

/// Renders the document as a complete HTML page.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(&doc.metadata.title)));
    out.push_str(&format!(
        "<meta name=\"author\" content=\"{}\">\n<meta name=\"description\" content=\"{}\">\n",
        escape(&doc.metadata.author),
        escape(&doc.metadata.subject)
    ));
    out.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));
    let mut running = escape(&doc.metadata.title);
    if let Some(dnr) = &doc.metadata.case_number {
        running.push_str(&format!(" · Dnr {}", escape(dnr)));
    }
    out.push_str(&format!("<header class=\"lop\">{running}</header>\n"));
    letterhead(&mut out, doc);
    out.push_str(&format!("<h1>{}</h1>\n", escape(&doc.title)));
    // Accepted deviations as in Markdown, invisible on the page. A comment
    // ends only at "--", which the comment's text never holds.
    for acceptance in &doc.acceptances {
        out.push_str(&acceptance.comment());
        out.push('\n');
    }
    blocks(&mut out, &doc.preamble);
    for section in &doc.sections {
        let tag = if section.level <= 1 { "h2" } else { "h3" };
        out.push_str(&format!(
            "<{tag}>{}</{tag}>\n",
            escape(&section.display_heading())
        ));
        blocks(&mut out, &section.blocks);
    }
    if !doc.signatures.is_empty() {
        out.push_str("<div class=\"underskrifter\">\n");
        for s in &doc.signatures {
            if !s.party.is_empty() {
                out.push_str(&format!(
                    "<div class=\"underskrift\"><strong>För {}</strong><div class=\"linje ort\">Ort och datum</div><div class=\"linje\">Underskrift</div><div class=\"linje\">Namnförtydligande{}</div>{}</div>\n",
                    escape(&s.party),
                    if s.name.is_empty() { String::new() } else { format!(": {}", escape(&s.name)) },
                    if s.title.is_empty() { String::new() } else { format!("<div>{}</div>", escape(&s.title)) },
                ));
                continue;
            }
            out.push_str("<div class=\"underskrift\"><div class=\"linje\">");
            let lines: Vec<String> = [&s.name, &s.title, &s.party]
                .iter()
                .filter(|l| !l.is_empty())
                .map(|l| escape(l))
                .collect();
            out.push_str(&lines.join("<br>"));
            out.push_str("</div></div>\n");
        }
        out.push_str("</div>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// A tjänsteutlåtande's letterhead in two columns, or another document's
/// marking as a bilaga at the right (the layout is
/// [`crate::document::letterhead`]'s).
fn letterhead(out: &mut String, doc: &Document) {
    let html = |lines: &[Line]| -> String {
        lines
            .iter()
            .map(|l| {
                if l.bold {
                    format!("<strong>{}</strong>", escape(&l.text))
                } else {
                    escape(&l.text)
                }
            })
            .collect::<Vec<_>>()
            .join("<br>")
    };
    match layout(doc) {
        None => {}
        Some(Layout::Marking(lines)) => {
            out.push_str(&format!(
                "<div class=\"markering\">{}</div>\n",
                html(&lines)
            ));
        }
        Some(Layout::Letterhead { left, right }) => out.push_str(&format!(
            "<div class=\"brevhuvud\"><div>{}</div><div class=\"hoger\">{}</div></div>\n",
            html(&left),
            html(&right)
        )),
    }
}

fn blocks(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Paragraph { text } => out.push_str(&format!("<p>{}</p>\n", inlines(text))),
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                out.push_str(&format!("<{tag}>\n"));
                for item in items {
                    out.push_str(&format!("<li>{}</li>\n", inlines(item)));
                }
                out.push_str(&format!("</{tag}>\n"));
            }
            Block::Table {
                header,
                rows,
                numeric,
            } => {
                let class = |i: usize| {
                    if numeric.get(i).copied().unwrap_or(false) {
                        " class=\"tal\""
                    } else {
                        ""
                    }
                };
                out.push_str("<table>\n<thead><tr>");
                for (i, h) in header.iter().enumerate() {
                    out.push_str(&format!("<th{}>{}</th>", class(i), escape(h)));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for (i, c) in row.iter().enumerate() {
                        let cell = inlines(c).replace('\n', "<br>");
                        out.push_str(&format!("<td{}>{cell}</td>", class(i)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::Decision { text } => out.push_str(&format!(
                "<p class=\"att\"><span class=\"att-ord\">{DECISION_WORD}</span> {}</p>\n",
                inlines(text)
            )),
            Block::Chart { levels } => chart(out, levels),
        }
    }
}

/// The chart as boxes: one row per level, the main box centred and joined
/// to the level above, the box beside it joined sideways (dashed for
/// support outside the line organisation).
fn chart(out: &mut String, levels: &[ChartLevel]) {
    out.push_str("<div class=\"schema\" role=\"img\" aria-label=\"Organisationsschema\">\n");
    for (i, level) in levels.iter().enumerate() {
        if i > 0 {
            out.push_str(
                "<div class=\"niva\"><div class=\"led\"></div><div class=\"sida\"></div></div>\n",
            );
        }
        out.push_str("<div class=\"niva\">");
        chart_box(out, &level.main, "ruta");
        match &level.beside {
            Some(beside) => {
                let (join, class) = if level.beside_supports {
                    ("streckad", "ruta stod")
                } else {
                    ("hel", "ruta")
                };
                out.push_str(&format!(
                    "<div class=\"sida\"><span class=\"{join}\"></span>"
                ));
                chart_box(out, beside, class);
                out.push_str("</div>");
            }
            None => out.push_str("<div class=\"sida\"></div>"),
        }
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n");
}

fn chart_box(out: &mut String, b: &ChartBox, class: &str) {
    out.push_str(&format!(
        "<div class=\"{class}\"><strong>{}</strong>",
        escape(&b.title)
    ));
    for line in &b.lines {
        out.push_str(&format!("<br><small>{}</small>", escape(line)));
    }
    out.push_str("</div>");
}

fn inlines(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| {
            let text = escape(&i.text);
            match (i.strong, i.emphasis) {
                (true, true) => format!("<strong><em>{text}</em></strong>"),
                (true, false) => format!("<strong>{text}</strong>"),
                (false, true) => format!("<em>{text}</em>"),
                (false, false) => text,
            }
        })
        .collect()
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
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
            header: Vec::new(),
            preamble: Vec::new(),
            sections: Vec::new(),
            signatures: Vec::new(),
            acceptances: vec![crate::document::Acceptance::new(
                "FINSAM-12-MANDATTID",
                "antagen 2006 -- <i>då</i>",
            )],
        };
        let html = render(&doc);
        assert!(
            html.contains(
                "<h1>Förbundsordning</h1>\n<!-- forbund: godta FINSAM-12-MANDATTID: antagen 2006 – <i>då</i> -->\n"
            ),
            "{html}"
        );
    }
}
