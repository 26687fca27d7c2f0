//! Markdown → blocks, with pulldown-cmark: headings (markup stripped),
//! paragraphs with emphasis, lists (nested lists flattened into their
//! parent), pipe tables, and block quotes and code read as paragraphs.
//! Soft and hard line breaks stay `\n` so that `structure` can see a §
//! heading on the first line of a paragraph.

use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};

use super::headings::is_heading_like;
use super::raw::{Raw, raw_text};
use crate::document::{Inline, Signature};

/// Reads Markdown into blocks.
pub(crate) fn read(markdown: &str) -> Vec<Raw> {
    let mut reader = Reader::default();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        reader.event(event);
    }
    reader.blocks
}

#[derive(Default)]
struct Reader {
    blocks: Vec<Raw>,
    inlines: Vec<Inline>,
    emphasis: usize,
    strong: usize,
    heading: Option<u8>,
    /// Open lists, outermost first: (ordered, items).
    lists: Vec<(bool, Vec<Vec<Inline>>)>,
    table: Option<TableBuilder>,
    /// Inside an image: its alt text is not document text.
    image: usize,
    /// A thematic break (`---`) was seen: signature blocks may follow.
    after_rule: bool,
}

#[derive(Default)]
struct TableBuilder {
    numeric: Vec<bool>,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    in_head: bool,
}

impl Reader {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) => self.text(&text),
            Event::Html(html) => self.text(&strip_tags(&html)),
            Event::InlineHtml(html) if html.to_ascii_lowercase().starts_with("<br") => {
                self.text("\n");
            }
            Event::SoftBreak | Event::HardBreak => self.text("\n"),
            Event::Rule => self.after_rule = true,
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush_paragraph();
                self.heading = Some(level as u8);
            }
            Tag::Emphasis => self.emphasis += 1,
            Tag::Strong => self.strong += 1,
            Tag::Image { .. } => self.image += 1,
            Tag::List(first) => {
                self.finish_item();
                self.lists.push((first.is_some(), Vec::new()));
            }
            Tag::Item => self.inlines.clear(),
            Tag::Table(alignments) => {
                self.flush_paragraph();
                self.table = Some(TableBuilder {
                    numeric: alignments.iter().map(|a| *a == Alignment::Right).collect(),
                    ..TableBuilder::default()
                });
            }
            Tag::TableHead => {
                if let Some(t) = &mut self.table {
                    t.in_head = true;
                }
            }
            Tag::TableCell => self.inlines.clear(),
            Tag::Paragraph | Tag::CodeBlock(_) | Tag::HtmlBlock if self.lists.is_empty() => {
                self.flush_paragraph();
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                let text = super::raw::clean_text(&raw_text(&self.inlines));
                self.inlines.clear();
                if let Some(level) = self.heading.take() {
                    // pulldown-cmark has already taken the markup away; what
                    // is left (an escaped `*`, `#` or `_`) is text.
                    self.blocks.push(Raw::Heading { level, text });
                }
            }
            TagEnd::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Image => self.image = self.image.saturating_sub(1),
            TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::HtmlBlock if self.lists.is_empty() => {
                self.flush_paragraph();
            }
            TagEnd::Paragraph => self.text("\n"),
            TagEnd::Item => self.finish_item(),
            TagEnd::List(_) => self.end_list(),
            TagEnd::TableHead => {
                if let Some(t) = &mut self.table {
                    t.in_head = false;
                    t.header = std::mem::take(&mut t.row);
                }
            }
            TagEnd::TableCell => {
                let cell = raw_text(&self.inlines);
                self.inlines.clear();
                if let Some(t) = &mut self.table {
                    t.row.push(cell);
                }
            }
            TagEnd::TableRow => {
                if let Some(t) = &mut self.table
                    && !t.in_head
                {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.blocks.push(Raw::Table {
                        header: t.header,
                        rows: t.rows,
                        numeric: t.numeric,
                        header_block: false,
                    });
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.image > 0 {
            return;
        }
        let emphasis = self.emphasis > 0;
        let strong = self.strong > 0;
        match self.inlines.last_mut() {
            Some(last) if last.emphasis == emphasis && last.strong == strong => {
                last.text.push_str(text);
            }
            _ => self.inlines.push(Inline {
                text: text.to_string(),
                emphasis,
                strong,
            }),
        }
    }

    /// Ends the paragraph being collected, if any. A short paragraph that
    /// is all bold or italic may be a heading written without `#`.
    fn flush_paragraph(&mut self) {
        let text = std::mem::take(&mut self.inlines);
        if raw_text(&text).trim().is_empty() {
            return;
        }
        if self.after_rule
            && let Some(signature) = signature(&raw_text(&text))
        {
            self.blocks.push(Raw::Signature(signature));
            return;
        }
        let emphasised = text
            .iter()
            .filter(|i| !i.text.trim().is_empty())
            .all(|i| i.strong || i.emphasis);
        let plain = raw_text(&text);
        let hint = emphasised && !plain.trim().contains('\n') && is_heading_like(&plain);
        self.blocks.push(Raw::Paragraph { text, hint });
    }

    /// Ends a list item: its text goes to the innermost open list.
    fn finish_item(&mut self) {
        let item = std::mem::take(&mut self.inlines);
        if raw_text(&item).trim().is_empty() {
            return;
        }
        if let Some((_, items)) = self.lists.last_mut() {
            items.push(item);
        }
    }

    /// Ends a list: a nested list's items join its parent's, the outermost
    /// list becomes a block.
    fn end_list(&mut self) {
        let Some((ordered, items)) = self.lists.pop() else {
            return;
        };
        match self.lists.last_mut() {
            Some((_, parent)) => parent.extend(items),
            None => self.blocks.push(Raw::List { ordered, items }),
        }
    }
}

/// A signature block as the Markdown renderer writes it: a line of
/// underscores, then the name, title and party that are not empty. One
/// line is the party, two are name and title.
fn signature(text: &str) -> Option<Signature> {
    if let Some(form) = party_form(text) {
        return Some(form);
    }
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let rule = lines.next()?;
    if rule.len() < 5 || !rule.chars().all(|c| c == '_') {
        return None;
    }
    let rest: Vec<String> = lines.map(str::to_string).collect();
    let (name, title, party) = match rest.as_slice() {
        [] => (String::new(), String::new(), String::new()),
        [party] => (String::new(), String::new(), party.clone()),
        [name, title] => (name.clone(), title.clone(), String::new()),
        [name, title, party, ..] => (name.clone(), title.clone(), party.clone()),
    };
    Some(Signature { party, name, title })
}

/// A party's signature form as the Markdown renderer writes it: "För X",
/// "Ort och datum: ___", a line of underscores, "Underskrift",
/// "Namnförtydligande: name" (underscores when blank), then the title.
fn party_form(text: &str) -> Option<Signature> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let party = lines.next()?.strip_prefix("För ")?.trim().to_string();
    let mut name = String::new();
    let mut title = String::new();
    let mut seen_name = false;
    for line in lines {
        if let Some(rest) = line.strip_prefix("Namnförtydligande:") {
            let rest = rest.trim();
            if !rest.chars().all(|c| c == '_') {
                name = rest.to_string();
            }
            seen_name = true;
        } else if seen_name {
            title = line.to_string();
        }
    }
    seen_name.then_some(Signature { party, name, title })
}

/// The text of an HTML block without its tags.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_paragraphs_lists_and_tables() {
        let blocks = read(
            "# Titel\n\n## **10 § KUNGÖRELSER**\n\nText *med* betoning\noch radbrytning.\n\n1. ett\n   - inne i\n2. två\n\n| År | Belopp |\n|---|---:|\n| 2027 | 100 |\n\n**Bakgrund**\n",
        );
        assert_eq!(
            blocks[0],
            Raw::Heading {
                level: 1,
                text: "Titel".into()
            }
        );
        assert_eq!(
            blocks[1],
            Raw::Heading {
                level: 2,
                text: "10 § KUNGÖRELSER".into()
            }
        );
        let Raw::Paragraph { text, hint: false } = &blocks[2] else {
            panic!("{:?}", blocks[2]);
        };
        assert_eq!(raw_text(text), "Text med betoning\noch radbrytning.");
        assert!(text[1].emphasis);
        let Raw::List {
            ordered: true,
            items,
        } = &blocks[3]
        else {
            panic!("{:?}", blocks[3]);
        };
        let items: Vec<String> = items
            .iter()
            .map(|i| raw_text(i).trim().to_string())
            .collect();
        assert_eq!(items, vec!["ett", "inne i", "två"]);
        assert!(matches!(&blocks[4], Raw::Table { numeric, .. } if numeric == &vec![false, true]));
        assert!(matches!(&blocks[5], Raw::Paragraph { hint: true, .. }));
    }

    #[test]
    fn html_and_images_leave_only_text() {
        let blocks = read("Stockholms stad<sup>2</sup> ![bild](x.png)\n\n<div>\nblock\n</div>\n");
        let texts: Vec<String> = blocks
            .iter()
            .map(|b| match b {
                Raw::Paragraph { text, .. } => raw_text(text).trim().to_string(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(texts, vec!["Stockholms stad2", "block"]);
    }
}
