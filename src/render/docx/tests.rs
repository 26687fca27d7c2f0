//! Tests of the Word renderer: unzip the output and look at the parts.

use std::io::{Cursor, Read};

use chrono::NaiveDate;

use super::render;
use crate::document::{
    Block, Document, DocumentKind, HeaderField, Inline, Metadata, Section, Signature,
};

const INJECTION: &str = r#"#read("/etc/passwd") *x* _y_ $z$ <w> [v] \ # ## 1 § & "q""#;
const INJECTION_ESCAPED: &str =
    "#read(&quot;/etc/passwd&quot;) *x* _y_ $z$ &lt;w&gt; [v] \\ # ## 1 § &amp; &quot;q&quot;";

fn plain(text: &str) -> Vec<Inline> {
    vec![Inline::plain(text)]
}

fn paragraph(text: &str) -> Block {
    Block::Paragraph { text: plain(text) }
}

fn section(number: u32, heading: &str, blocks: Vec<Block>) -> Section {
    Section {
        number: Some(number),
        heading: heading.to_string(),
        level: 1,
        blocks,
    }
}

fn list(ordered: bool, items: &[&str]) -> Block {
    Block::List {
        ordered,
        items: items.iter().map(|item| plain(item)).collect(),
    }
}

fn metadata(title: &str, case_number: Option<&str>) -> Metadata {
    Metadata {
        title: title.to_string(),
        subject: "Samordningsförbundet Haninge".to_string(),
        author: "Förbundsdirektionen & Co".to_string(),
        case_number: case_number.map(str::to_string),
        date: NaiveDate::from_ymd_opt(2025, 1, 31).unwrap(),
        language: "sv".to_string(),
    }
}

fn forbundsordning() -> Document {
    let emphasis = Block::Paragraph {
        text: vec![
            Inline::plain("Förbundet har sitt säte i "),
            Inline {
                text: "Haninge".to_string(),
                emphasis: true,
                strong: false,
            },
            Inline::plain(" och är "),
            Inline {
                text: "fristående".to_string(),
                emphasis: false,
                strong: true,
            },
            Inline::plain("."),
        ],
    };
    let table = Block::Table {
        header: vec!["Medlem".to_string(), "Andel (%)".to_string()],
        rows: vec![
            vec![
                crate::document::plain_cell("Försäkringskassan"),
                crate::document::plain_cell("25"),
            ],
            vec![
                crate::document::plain_cell("Region Stockholm"),
                crate::document::plain_cell("25"),
            ],
            vec![
                crate::document::plain_cell("Haninge kommun"),
                crate::document::plain_cell("50"),
            ],
        ],
        numeric: vec![false, true],
    };
    Document {
        kind: DocumentKind::Forbundsordning,
        metadata: metadata("Förbundsordning för Samordningsförbundet Haninge", None),
        title: "Förbundsordning för Samordningsförbundet Haninge".to_string(),
        header: vec![],
        preamble: vec![paragraph("Antagen av förbundsmedlemmarna.")],
        sections: vec![
            section(1, "Förbundets namn", vec![emphasis, paragraph(INJECTION)]),
            section(
                2,
                "Ändamål",
                vec![
                    list(true, &["Första", "Andra", "Tredje"]),
                    list(false, &["En punkt", "En till"]),
                    list(true, &["Ny lista", "Fortsätter"]),
                ],
            ),
            section(3, "Medlemmar och andelar", vec![table]),
        ],
        signatures: vec![
            Signature {
                party: "Haninge kommun".to_string(),
                name: "Anna Andersson".to_string(),
                title: "Kommunstyrelsens ordförande".to_string(),
            },
            Signature {
                party: "Region Stockholm".to_string(),
                name: String::new(),
                title: "Regionstyrelsens ordförande".to_string(),
            },
        ],
        acceptances: Vec::new(),
    }
}

fn tjansteutlatande() -> Document {
    let field = |label: &str, value: &str| HeaderField {
        label: label.to_string(),
        value: value.to_string(),
    };
    Document {
        kind: DocumentKind::Tjansteutlatande,
        metadata: metadata(
            "Tjänsteutlåtande om bildande av samordningsförbund",
            Some("HSN 1506-0772"),
        ),
        title: "Bildande av Samordningsförbundet Haninge".to_string(),
        header: vec![
            field("Myndighet", "Region Stockholm"),
            field("Datum", "2025-01-31"),
            field("Diarienummer", "HSN 1506-0772"),
            field("Handläggare", "Bo Berg"),
        ],
        preamble: vec![],
        sections: vec![Section {
            number: None,
            heading: "Förslag till beslut".to_string(),
            level: 1,
            blocks: vec![paragraph("Hälso- och sjukvårdsnämnden föreslås besluta.")],
        }],
        signatures: vec![],
        acceptances: Vec::new(),
    }
}

/// The text of one part of the package.
fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut file = archive.by_name(name).unwrap();
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    text
}

fn part_names(bytes: &[u8]) -> Vec<String> {
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    archive.file_names().map(str::to_string).collect()
}

/// Each paragraph of the body read back by docx-rs: (style id, text).
fn paragraphs(bytes: &[u8]) -> Vec<(String, String)> {
    let docx = docx_rs::read_docx(bytes).unwrap();
    docx.document
        .children
        .iter()
        .filter_map(|child| match child {
            docx_rs::DocumentChild::Paragraph(p) => Some((
                p.property
                    .style
                    .as_ref()
                    .map(|s| s.val.clone())
                    .unwrap_or_default(),
                p.raw_text(),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn every_xml_part_is_well_formed() {
    for doc in [forbundsordning(), tjansteutlatande()] {
        let bytes = render(&doc).unwrap();
        for name in part_names(&bytes) {
            if name.ends_with(".xml") || name.ends_with(".rels") {
                let text = part(&bytes, &name);
                roxmltree::Document::parse(&text)
                    .unwrap_or_else(|e| panic!("{name} is not well-formed: {e}"));
            }
        }
    }
}

#[test]
fn section_headings_use_heading1_with_literal_numbers() {
    let bytes = render(&forbundsordning()).unwrap();
    let paragraphs = paragraphs(&bytes);
    for heading in [
        "1 § Förbundets namn",
        "2 § Ändamål",
        "3 § Medlemmar och andelar",
    ] {
        assert!(
            paragraphs.contains(&("Heading1".to_string(), heading.to_string())),
            "{heading} missing in {paragraphs:?}"
        );
    }
    assert_eq!(paragraphs[0].0, "Title");
    let document = part(&bytes, "word/document.xml");
    assert!(document.contains(r#"<w:pStyle w:val="Heading1" />"#));
    assert!(document.contains("1 § Förbundets namn"));
}

#[test]
fn styles_are_real_and_swedish() {
    let styles = part(&render(&forbundsordning()).unwrap(), "word/styles.xml");
    for expected in [
        r#"w:styleId="Normal"><w:name w:val="Normal"/>"#,
        r#"w:styleId="Title"><w:name w:val="Title"/>"#,
        r#"w:styleId="Heading1"><w:name w:val="heading 1"/>"#,
        r#"w:styleId="Heading2"><w:name w:val="heading 2"/>"#,
        r#"<w:outlineLvl w:val="0"/>"#,
        r#"<w:outlineLvl w:val="1"/>"#,
        r#"w:styleId="ListParagraph""#,
        r#"w:styleId="HeaderBlock""#,
        r#"w:ascii="Times New Roman""#,
        r#"<w:lang w:val="sv-SE""#,
        "<w:keepNext/>",
    ] {
        assert!(styles.contains(expected), "styles.xml lacks {expected}");
    }
}

#[test]
fn emphasis_is_italic_and_strong_is_bold() {
    let document = part(&render(&forbundsordning()).unwrap(), "word/document.xml");
    let italic = document.find(">Haninge</w:t>").unwrap();
    let run_start = document[..italic].rfind("<w:r>").unwrap();
    assert!(document[run_start..italic].contains("<w:i />"));
    let bold = document.find("fristående</w:t>").unwrap();
    let run_start = document[..bold].rfind("<w:r>").unwrap();
    assert!(document[run_start..bold].contains("<w:b />"));
}

#[test]
fn text_is_literal() {
    let bytes = render(&forbundsordning()).unwrap();
    let document = part(&bytes, "word/document.xml");
    assert!(
        document.contains(INJECTION_ESCAPED),
        "escaped injection string missing"
    );
    let paragraphs = paragraphs(&bytes);
    assert!(paragraphs.iter().any(|(_, text)| text == INJECTION));
}

#[test]
fn control_characters_are_dropped_and_breaks_kept() {
    let mut doc = forbundsordning();
    doc.preamble = vec![paragraph("a\u{1}b\u{b}c\r\nd\te")];
    doc.metadata.title = "Titel\u{0}".to_string();
    let bytes = render(&doc).unwrap();
    let document = part(&bytes, "word/document.xml");
    roxmltree::Document::parse(&document).unwrap();
    assert!(document.contains(">abc</w:t>"));
    assert!(document.contains(r#"<w:br w:type="textWrapping" />"#));
    assert!(document.contains("<w:tab />"));
    let core = part(&bytes, "docProps/core.xml");
    assert!(core.contains("<dc:title>Titel</dc:title>"));
}

#[test]
fn ordered_lists_are_decimal_and_restart() {
    let bytes = render(&forbundsordning()).unwrap();
    let numbering = part(&bytes, "word/numbering.xml");
    let ordered = numbering
        .find(r#"<w:abstractNum w:abstractNumId="2""#)
        .unwrap();
    let ordered = &numbering[ordered..];
    let ordered = &ordered[..ordered.find("</w:abstractNum>").unwrap()];
    assert!(ordered.contains(r#"<w:numFmt w:val="decimal" />"#));
    assert!(ordered.contains(r#"<w:lvlText w:val="%1." />"#));
    assert!(numbering.contains(r#"<w:numFmt w:val="bullet" />"#));
    // Lists in order: ordered (num 2), bullets (num 3), ordered (num 4).
    for (num, abstract_num) in [(2, 2), (3, 3), (4, 2)] {
        let pattern =
            format!(r#"<w:num w:numId="{num}"><w:abstractNumId w:val="{abstract_num}" />"#);
        assert!(numbering.contains(&pattern), "{pattern} missing");
    }
    assert_eq!(
        numbering
            .matches(r#"<w:startOverride w:val="1" />"#)
            .count(),
        2
    );
    let document = part(&bytes, "word/document.xml");
    for num in 2..=4 {
        assert!(document.contains(&format!(r#"<w:numId w:val="{num}" />"#)));
    }
    assert!(!document.contains(r#"<w:numId w:val="1" />"#));
}

#[test]
fn tables_have_repeated_bold_header_and_right_aligned_numbers() {
    let document = part(&render(&forbundsordning()).unwrap(), "word/document.xml");
    assert_eq!(document.matches("<w:tblHeader />").count(), 1);
    assert!(document.contains(r#"<w:tblStyle w:val="TableGrid" />"#));
    assert!(document.contains(r#"<w:insideH w:val="single""#));
    let header = document.find("Andel (%)</w:t>").unwrap();
    let run_start = document[..header].rfind("<w:r>").unwrap();
    assert!(document[run_start..header].contains("<w:b />"));
    let number = document.find(">50</w:t>").unwrap();
    let paragraph_start = document[..number].rfind("<w:p ").unwrap();
    assert!(document[paragraph_start..number].contains(r#"<w:jc w:val="right" />"#));
}

#[test]
fn signatures_have_lines_and_stay_together() {
    let bytes = render(&forbundsordning()).unwrap();
    let paragraphs = paragraphs(&bytes);
    let tail: Vec<_> = paragraphs[paragraphs.len() - 14..].to_vec();
    let expected = [
        ("SignatureParty", "För Haninge kommun"),
        ("SignatureField", "Ort och datum: ________________________"),
        ("SignatureLine", "________________________"),
        ("Signature", "Underskrift"),
        ("SignatureField", "Namnförtydligande: Anna Andersson"),
        ("Signature", "Kommunstyrelsens ordförande"),
        ("SignatureParty", "För Region Stockholm"),
        ("SignatureField", "Ort och datum: ________________________"),
        ("SignatureLine", "________________________"),
        ("Signature", "Underskrift"),
        (
            "SignatureField",
            "Namnförtydligande: ________________________",
        ),
        ("Signature", "Regionstyrelsens ordförande"),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(s, t)| (s.to_string(), t.to_string()))
        .collect();
    assert_eq!(tail[2..], expected[..]);
    let document = part(&bytes, "word/document.xml");
    // Every paragraph of a block but its last keeps with the next.
    let party = document.find("För Haninge kommun").unwrap();
    let block = &document[document[..party].rfind("<w:p ").unwrap()
        ..document.find("Kommunstyrelsens ordförande").unwrap()];
    assert_eq!(block.matches("<w:keepNext />").count(), 5, "{block}");
}

#[test]
fn header_and_footer_show_title_dnr_and_page_fields() {
    let bytes = render(&tjansteutlatande()).unwrap();
    let header = part(&bytes, "word/header1.xml");
    assert!(
        header.contains("Tjänsteutlåtande om bildande av samordningsförbund | Dnr HSN 1506-0772")
    );
    let footer = part(&bytes, "word/footer1.xml");
    assert!(footer.contains("Sida "));
    assert!(footer.contains("<w:instrText>PAGE</w:instrText>"));
    assert!(footer.contains("<w:instrText>NUMPAGES</w:instrText>"));
    let plain = part(&render(&forbundsordning()).unwrap(), "word/header1.xml");
    assert!(plain.contains("Förbundsordning för Samordningsförbundet Haninge</w:t>"));
    assert!(!plain.contains("Dnr"));
}

#[test]
fn letterhead_comes_first_as_borderless_table() {
    let bytes = render(&tjansteutlatande()).unwrap();
    let docx = docx_rs::read_docx(&bytes).unwrap();
    let children = &docx.document.children;
    assert!(matches!(children[0], docx_rs::DocumentChild::Table(_)));
    let document = part(&bytes, "word/document.xml");
    let table = &document[..document.find("</w:tbl>").unwrap()];
    assert!(table.contains(r#"<w:tblStyle w:val="HeaderBlock" />"#));
    assert!(table.contains(r#"<w:insideV w:val="none""#));
    assert!(table.contains("TJÄNSTEUTLÅTANDE</w:t>"));
    assert!(table.contains("Dnr HSN 1506-0772</w:t>"));
    assert!(!table.contains("Diarienummer</w:t>"));
    assert!(!table.contains("<w:tblHeader />"));
    assert_eq!(paragraphs(&bytes)[0].0, "Title");
}

#[test]
fn page_is_a4_with_25_mm_margins() {
    let document = part(&render(&forbundsordning()).unwrap(), "word/document.xml");
    assert!(document.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#));
    assert!(document.contains(r#"w:top="1417""#));
    assert!(document.contains(r#"w:left="1417""#));
}

#[test]
fn core_properties_come_from_metadata() {
    let core = part(&render(&forbundsordning()).unwrap(), "docProps/core.xml");
    for expected in [
        "<dc:title>Förbundsordning för Samordningsförbundet Haninge</dc:title>",
        "<dc:subject>Samordningsförbundet Haninge</dc:subject>",
        "<dc:creator>Förbundsdirektionen &amp; Co</dc:creator>",
        "<cp:lastModifiedBy>Förbundsdirektionen &amp; Co</cp:lastModifiedBy>",
        "<dc:language>sv-SE</dc:language>",
        r#"<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-31T00:00:00Z</dcterms:created>"#,
        r#"<dcterms:modified xsi:type="dcterms:W3CDTF">2025-01-31T00:00:00Z</dcterms:modified>"#,
    ] {
        assert!(core.contains(expected), "core.xml lacks {expected}");
    }
}

#[test]
fn rendering_is_deterministic_within_a_process() {
    let a = forbundsordning();
    let b = tjansteutlatande();
    let first = render(&a).unwrap();
    let other = render(&b).unwrap();
    assert_ne!(first, other);
    // Disturb docx-rs's own id counters between renderings.
    for _ in 0..5 {
        let _ = docx_rs::Paragraph::new();
    }
    let _ = docx_rs::read_docx(&other).unwrap();
    let second = render(&a).unwrap();
    assert!(first == second, "second rendering of A differs");
    let on_other_thread = std::thread::spawn(move || render(&a).unwrap())
        .join()
        .unwrap();
    assert!(
        first == on_other_thread,
        "rendering on another thread differs"
    );
}

#[test]
fn paragraph_ids_are_unique() {
    let bytes = render(&forbundsordning()).unwrap();
    let mut ids = Vec::new();
    for name in ["word/document.xml", "word/header1.xml", "word/footer1.xml"] {
        let text = part(&bytes, name);
        ids.extend(
            text.split(r#"w14:paraId=""#)
                .skip(1)
                .map(|rest| rest[..8].to_string()),
        );
    }
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "duplicate paragraph ids");
}

#[test]
fn empty_and_ragged_tables_render() {
    let mut doc = forbundsordning();
    doc.sections[0].blocks = vec![
        Block::Table {
            header: vec![],
            rows: vec![],
            numeric: vec![],
        },
        Block::Table {
            header: vec!["A".to_string()],
            rows: vec![
                vec![],
                vec![
                    crate::document::plain_cell("1"),
                    crate::document::plain_cell("2"),
                ],
            ],
            numeric: vec![],
        },
        Block::Table {
            header: vec!["B".to_string()],
            rows: vec![],
            numeric: vec![true],
        },
    ];
    doc.signatures.clear();
    doc.sections.truncate(1);
    let bytes = render(&doc).unwrap();
    let document = part(&bytes, "word/document.xml");
    roxmltree::Document::parse(&document).unwrap();
    assert_eq!(document.matches("<w:tbl>").count(), 2);
    assert!(!document.contains("</w:tbl><w:tbl>"));
}

#[test]
fn accepted_deviations_are_hidden_paragraphs_that_read_back() {
    let mut doc = forbundsordning();
    doc.acceptances = vec![crate::document::Acceptance::new(
        "FINSAM-12-MANDATTID",
        "antagen 2006 -- mandattiden har löpt ut",
    )];
    let bytes = render(&doc).unwrap();
    let document = part(&bytes, "word/document.xml");
    let title = document
        .find("Förbundsordning för Samordningsförbundet Haninge</w:t>")
        .unwrap();
    let hidden = document
        .find("<w:pPr><w:rPr><w:vanish /></w:rPr></w:pPr><w:r><w:rPr><w:vanish /></w:rPr><w:t xml:space=\"preserve\">forbund: godta FINSAM-12-MANDATTID: antagen 2006 -- mandattiden har löpt ut</w:t>")
        .unwrap();
    assert!(title < hidden);
    assert_eq!(paragraphs(&bytes)[1].1, doc.acceptances[0].line());
    let parsed = crate::parse::parse("forbundsordning.docx", &bytes).unwrap();
    assert_eq!(parsed.document.acceptances, doc.acceptances);
    assert_eq!(parsed.document.preamble, doc.preamble);
}
