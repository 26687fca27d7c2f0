//! Reads the Markdown that a template produced into document parts: the
//! title (`#`), the preamble, and sections (`##` and `###`), where a heading
//! "11 § Budget" becomes § number 11 with the heading "Budget".

use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};

use crate::document::{Block, Inline, Section};

/// The parts of a document read from Markdown.
#[derive(Debug, Default, PartialEq)]
pub struct Parts {
    /// The level-1 heading.
    pub title: String,
    /// Blocks before the first section.
    pub preamble: Vec<Block>,
    /// Sections in order.
    pub sections: Vec<Section>,
}

/// Splits "11 § Budget" into (Some(11), "Budget"); other headings keep no number.
pub fn split_section_heading(heading: &str) -> (Option<u32>, String) {
    let trimmed = heading.trim();
    let digits: String = trimmed.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let rest = trimmed[digits.len()..].trim_start();
        if let Some(after) = rest.strip_prefix('§')
            && let Ok(number) = digits.parse()
        {
            return (Some(number), after.trim().to_string());
        }
    }
    (None, trimmed.to_string())
}

#[derive(Default)]
struct Reader {
    numbered: bool,
    parts: Parts,
    inlines: Vec<Inline>,
    emphasis: usize,
    strong: usize,
    heading: Option<u8>,
    list: Option<(bool, Vec<Vec<Inline>>)>,
    table: Option<TableBuilder>,
}

#[derive(Default)]
struct TableBuilder {
    numeric: Vec<bool>,
    header: Vec<String>,
    rows: Vec<Vec<Vec<Inline>>>,
    row: Vec<Vec<Inline>>,
    in_head: bool,
}

/// Reads Markdown into [`Parts`]. With `numbered`, headings "N § …" get a
/// § number; otherwise headings are kept whole.
pub fn read(markdown: &str, numbered: bool) -> Parts {
    let mut reader = Reader {
        numbered,
        ..Reader::default()
    };
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        reader.event(event);
    }
    reader.parts
}

impl Reader {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                self.text(&text);
            }
            Event::SoftBreak | Event::HardBreak => self.text(" "),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.inlines.clear();
                self.heading = Some(level as u8);
            }
            Tag::Emphasis => self.emphasis += 1,
            Tag::Strong => self.strong += 1,
            Tag::List(first) => self.list = Some((first.is_some(), Vec::new())),
            Tag::Item => self.inlines.clear(),
            Tag::Table(alignments) => {
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
            Tag::TableCell | Tag::Paragraph if self.list.is_none() => self.inlines.clear(),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                let text = crate::document::plain_text(&self.inlines);
                self.inlines.clear();
                match self.heading.take() {
                    Some(1) => self.parts.title = text,
                    Some(level) => {
                        let (number, heading) = if self.numbered {
                            split_section_heading(&text)
                        } else {
                            (None, text.trim().to_string())
                        };
                        self.parts.sections.push(Section {
                            number,
                            heading,
                            level: if level <= 2 { 1 } else { 2 },
                            blocks: Vec::new(),
                        });
                    }
                    None => {}
                }
            }
            TagEnd::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Paragraph if self.list.is_none() => {
                let text = std::mem::take(&mut self.inlines);
                if !text.is_empty() {
                    self.push(Block::Paragraph { text });
                }
            }
            TagEnd::Paragraph => {
                // A paragraph inside a loose list item: keep collecting.
                self.text(" ");
            }
            TagEnd::Item => {
                let mut item = std::mem::take(&mut self.inlines);
                trim_inlines(&mut item);
                if let Some((_, items)) = &mut self.list {
                    items.push(item);
                }
            }
            TagEnd::List(_) => {
                if let Some((ordered, items)) = self.list.take() {
                    self.push(Block::List { ordered, items });
                }
            }
            TagEnd::TableHead => {
                if let Some(t) = &mut self.table {
                    t.in_head = false;
                    t.header = std::mem::take(&mut t.row)
                        .iter()
                        .map(|c| crate::document::plain_text(c))
                        .collect();
                }
            }
            TagEnd::TableCell => {
                let mut cell = std::mem::take(&mut self.inlines);
                trim_inlines(&mut cell);
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
                    self.push(Block::Table {
                        header: t.header,
                        rows: t.rows,
                        numeric: t.numeric,
                    });
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
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

    fn push(&mut self, block: Block) {
        match self.parts.sections.last_mut() {
            Some(section) => section.blocks.push(block),
            None => self.parts.preamble.push(block),
        }
    }
}

fn trim_inlines(inlines: &mut Vec<Inline>) {
    if let Some(first) = inlines.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = inlines.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    inlines.retain(|i| !i.text.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sections_lists_and_tables() {
        let parts = read(
            "# Titel\n\nInledning.\n\n## 1 § Namn\n\nText med *betoning*.\n\n1. ett\n2. två\n\n## 2 § Budget\n\n| År | Belopp |\n|---|---:|\n| 2027 | 100 |\n",
            true,
        );
        assert_eq!(parts.title, "Titel");
        assert_eq!(parts.preamble.len(), 1);
        assert_eq!(parts.sections[0].number, Some(1));
        assert_eq!(parts.sections[0].heading, "Namn");
        assert_eq!(
            parts.sections[0].blocks[1],
            Block::List {
                ordered: true,
                items: vec![vec![Inline::plain("ett")], vec![Inline::plain("två")]]
            }
        );
        assert_eq!(
            parts.sections[1].blocks[0],
            Block::Table {
                header: vec!["År".into(), "Belopp".into()],
                rows: vec![vec![
                    vec![Inline::plain("2027")],
                    vec![Inline::plain("100")]
                ]],
                numeric: vec![false, true]
            }
        );
    }

    #[test]
    fn escaped_text_stays_literal() {
        let escaped = super::super::engine::escape_markdown(
            "#read(\"/etc/passwd\") *x* _y_ $z$ <w> [v] \\ # ## 1 §",
        );
        let parts = read(
            &format!("# {escaped}\n\n## 1 § {escaped}\n\n{escaped}\n"),
            true,
        );
        let literal = "#read(\"/etc/passwd\") *x* _y_ $z$ <w> [v] \\ # ## 1 §";
        assert_eq!(parts.title, literal);
        assert_eq!(parts.sections[0].heading, literal);
        assert_eq!(
            parts.sections[0].blocks[0],
            Block::Paragraph {
                text: vec![Inline::plain(literal)]
            }
        );
    }
}
