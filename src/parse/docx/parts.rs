//! The small parts of a Word package: styles (which style ids are
//! headings, also in a Swedish Word where "Heading 1" is "Rubrik1", and
//! which put their paragraphs in a numbered list) and the document
//! properties (title, creator, date). A part that cannot be read is
//! ignored: the body still reads without it.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

/// How many `basedOn` links are followed to find a style's heading level.
const MAX_STYLE_DEPTH: usize = 10;

/// What a paragraph style says about headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StyleRole {
    /// The document title ("Title", "Rubrik").
    Title,
    /// A heading of this level, 1 for "heading 1".
    Heading(u8),
}

/// Paragraph styles by id.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    styles: HashMap<String, Style>,
}

#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    /// A numbering style (`w:type="numbering"`) rather than a paragraph style.
    numbering_style: bool,
    /// `w:numPr/w:numId` in its paragraph properties.
    num_id: Option<String>,
    /// `w:numPr/w:ilvl` in its paragraph properties.
    level: Option<u8>,
}

/// The list a style puts its paragraphs in: `w:numId` and, when the style
/// says, the level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StyleList {
    /// The list (`w:numId`); "0" switches numbering off.
    pub num_id: String,
    /// The level (`w:ilvl`), when the style gives one.
    pub level: Option<u8>,
}

impl Styles {
    /// The heading role of a style id, following `basedOn`.
    pub(crate) fn role(&self, id: &str) -> Option<StyleRole> {
        let mut current = id.to_string();
        for _ in 0..MAX_STYLE_DEPTH {
            if let Some(role) = role_from_name(&current) {
                return Some(role);
            }
            let style = self.styles.get(&current)?;
            if let Some(role) = role_from_name(&style.name) {
                return Some(role);
            }
            if let Some(level) = style.outline {
                return Some(StyleRole::Heading(level.saturating_add(1)));
            }
            current = style.based_on.clone()?;
        }
        None
    }

    /// The list a paragraph style puts its paragraphs in, following
    /// `basedOn`: the nearest style with a `w:numId`.
    pub(crate) fn list(&self, id: &str) -> Option<StyleList> {
        let mut current = self.styles.get(id)?;
        let mut level = None;
        for _ in 0..MAX_STYLE_DEPTH {
            level = level.or(current.level);
            if let Some(num_id) = &current.num_id {
                return Some(StyleList {
                    num_id: num_id.clone(),
                    level,
                });
            }
            current = self.styles.get(current.based_on.as_ref()?)?;
        }
        None
    }

    /// Numbering styles and their lists (style id → `w:numId`), which
    /// `w:numStyleLink` in `numbering.xml` refers to.
    pub(crate) fn numbering_styles(&self) -> HashMap<String, String> {
        self.styles
            .iter()
            .filter(|(_, s)| s.numbering_style)
            .filter_map(|(id, s)| Some((id.clone(), s.num_id.clone()?)))
            .collect()
    }
}

/// "Title", "Rubrik", "heading 2", "Heading2", "Rubrik2" → a role.
fn role_from_name(name: &str) -> Option<StyleRole> {
    let lower = name.to_lowercase().replace(' ', "");
    if lower == "title" || lower == "rubrik" {
        return Some(StyleRole::Title);
    }
    let digits = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("rubrik"))?;
    let level: u8 = digits.parse().ok()?;
    (1..=9)
        .contains(&level)
        .then_some(StyleRole::Heading(level))
}

/// Document properties from `docProps/core.xml`.
#[derive(Debug, Default)]
pub(crate) struct Core {
    /// `dc:title`.
    pub title: Option<String>,
    /// `dc:creator`.
    pub creator: Option<String>,
    /// The date of `dcterms:created`.
    pub created: Option<chrono::NaiveDate>,
}

/// Reads `word/styles.xml`.
pub(crate) fn styles(xml: &[u8]) -> Styles {
    let mut styles = Styles::default();
    let mut current: Option<(String, Style)> = None;
    walk(xml, |event, start| match (event, start) {
        (Tag::Open | Tag::Empty, Some(e)) => match local(e).as_slice() {
            b"style" => {
                let numbering_style = attr(e, b"type").as_deref() == Some("numbering");
                current = attr(e, b"styleId").map(|id| {
                    let style = Style {
                        numbering_style,
                        ..Style::default()
                    };
                    (id, style)
                });
            }
            b"numId" => set(&mut current, |s| s.num_id = attr(e, b"val")),
            b"ilvl" => set(&mut current, |s| {
                s.level = attr(e, b"val").and_then(|v| v.parse().ok());
            }),
            b"name" => set(&mut current, |s| {
                s.name = attr(e, b"val").unwrap_or_default()
            }),
            b"basedOn" => set(&mut current, |s| s.based_on = attr(e, b"val")),
            b"outlineLvl" => set(&mut current, |s| {
                s.outline = attr(e, b"val").and_then(|v| v.parse().ok());
            }),
            _ => {}
        },
        (Tag::Close(name), _) if name == b"style" => {
            if let Some((id, style)) = current.take() {
                styles.styles.insert(id, style);
            }
        }
        _ => {}
    });
    styles
}

fn set(current: &mut Option<(String, Style)>, change: impl FnOnce(&mut Style)) {
    if let Some((_, style)) = current {
        change(style);
    }
}

/// Reads `docProps/core.xml`.
pub(crate) fn core(xml: &[u8]) -> Core {
    let mut core = Core::default();
    let mut text = String::new();
    let mut reader = Reader::from_reader(xml);
    let mut buffer = Vec::new();
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(_)) => text.clear(),
            Ok(Event::Text(t)) => text.push_str(&t.decode().unwrap_or_default()),
            Ok(Event::GeneralRef(r)) => text.push_str(&entity(&r)),
            Ok(Event::End(e)) => {
                let value = text.trim().to_string();
                match e.local_name().as_ref() {
                    b"title" if !value.is_empty() => core.title = Some(value),
                    b"creator" if !value.is_empty() => core.creator = Some(value),
                    b"created" => {
                        core.created = value
                            .get(..10)
                            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
                    }
                    _ => {}
                }
                text.clear();
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
        buffer.clear();
    }
    core
}

/// The text of an entity or character reference ("&amp;", "&#246;");
/// an unknown entity is kept as written.
pub(crate) fn entity(reference: &BytesRef<'_>) -> String {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return c.to_string();
    }
    let name = reference.decode().unwrap_or_default();
    match name.as_ref() {
        "amp" => "&".to_string(),
        "lt" => "<".to_string(),
        "gt" => ">".to_string(),
        "quot" => "\"".to_string(),
        "apos" => "'".to_string(),
        other => format!("&{other};"),
    }
}

/// An element event for [`walk`].
pub(crate) enum Tag {
    /// `<x>`.
    Open,
    /// `<x/>`.
    Empty,
    /// `</x>`, with its local name.
    Close(Vec<u8>),
}

/// Calls `visit` for every element of `xml`; stops quietly at the first
/// XML error (the part is then read as far as it goes).
pub(crate) fn walk(xml: &[u8], mut visit: impl FnMut(Tag, Option<&BytesStart<'_>>)) {
    let mut reader = Reader::from_reader(xml);
    let mut buffer = Vec::new();
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(e)) => visit(Tag::Open, Some(&e)),
            Ok(Event::Empty(e)) => visit(Tag::Empty, Some(&e)),
            Ok(Event::End(e)) => visit(Tag::Close(e.local_name().as_ref().to_vec()), None),
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
        buffer.clear();
    }
}

/// The element's name without its namespace prefix.
pub(crate) fn local(e: &BytesStart<'_>) -> Vec<u8> {
    e.local_name().as_ref().to_vec()
}

/// The value of the attribute with this local name (`w:val` → `val`).
pub(crate) fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_styles_in_english_and_swedish_word() {
        let styles = styles(
            br#"<w:styles xmlns:w="x"><w:style w:styleId="Rubrik1"><w:name w:val="heading 1"/></w:style>
            <w:style w:styleId="Egen"><w:name w:val="Egen"/><w:basedOn w:val="Rubrik1"/></w:style>
            <w:style w:styleId="Disp"><w:name w:val="Disp"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
            <w:style w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#,
        );
        assert_eq!(styles.role("Rubrik1"), Some(StyleRole::Heading(1)));
        assert_eq!(styles.role("Egen"), Some(StyleRole::Heading(1)));
        assert_eq!(styles.role("Disp"), Some(StyleRole::Heading(2)));
        assert_eq!(styles.role("Title"), Some(StyleRole::Title));
        assert_eq!(styles.role("Normal"), None);
        assert_eq!(styles.role("Saknas"), None);
    }

    #[test]
    fn lists_through_the_style_chain() {
        let styles = styles(
            br#"<w:styles xmlns:w="x"><w:style w:styleId="Para"><w:name w:val="Para"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
            <w:style w:styleId="Egen"><w:name w:val="Egen"/><w:basedOn w:val="Para"/></w:style>
            <w:style w:styleId="Av"><w:name w:val="Av"/><w:basedOn w:val="Para"/><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>
            <w:style w:type="numbering" w:styleId="Lista"><w:name w:val="Lista"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style></w:styles>"#,
        );
        let list = |num: &str, level| {
            Some(StyleList {
                num_id: num.into(),
                level,
            })
        };
        assert_eq!(styles.list("Egen"), list("7", Some(1)));
        assert_eq!(styles.list("Av"), list("0", None));
        assert_eq!(styles.list("Saknas"), None);
        assert_eq!(
            styles.numbering_styles(),
            HashMap::from([("Lista".to_string(), "3".to_string())])
        );
    }

    #[test]
    fn document_properties() {
        let core = core(
            br#"<cp:coreProperties xmlns:cp="a" xmlns:dc="b" xmlns:dcterms="c"><dc:title>F&#246;rbundsordning</dc:title><dc:creator>Haninge</dc:creator><dcterms:created>2025-01-31T12:00:00Z</dcterms:created></cp:coreProperties>"#,
        );
        assert_eq!(core.creator.as_deref(), Some("Haninge"));
        assert_eq!(core.created, chrono::NaiveDate::from_ymd_opt(2025, 1, 31));
        assert_eq!(core.title.as_deref(), Some("Förbundsordning"));
    }
}
