//! Word files as Word shows them: § numbers from automatic numbering (by
//! style and by paragraph, "%1 §" and "§ %1", also after a LibreOffice
//! round trip), §§ laid out in tables, and unaccepted tracked changes,
//! comments, content controls, headers, footers and footnotes.

use assert_cmd::Command;
use forbund::document::{Block, DocumentKind};
use forbund::render::markdown;

use super::fixtures::{SECTIONS, word_fixtures};
use super::{block_texts, headings, parse_file, read, root};

/// Fixtures whose §§ all come out numbered 1..6, and the Markdown they
/// share (the numbered lists inside the §§ and the table layout differ).
const NUMBERED: [(&str, &str); 7] = [
    ("numbered-style.docx", "numbered"),
    ("numbered-style-libreoffice.docx", "numbered"),
    ("numbered-paragraph.docx", "numbered"),
    ("numbered-paragraph-libreoffice.docx", "numbered"),
    ("table-two-columns.docx", "table"),
    ("table-two-columns-libreoffice.docx", "table"),
    ("table-one-per-row.docx", "one-per-row"),
];

fn fixture(name: &str) -> String {
    format!("tests/fixtures/parse/{name}")
}

fn expected_headings() -> Vec<String> {
    SECTIONS
        .iter()
        .enumerate()
        .map(|(i, (heading, _))| format!("{} § {heading}", i + 1))
        .collect()
}

#[test]
fn every_automatically_numbered_paragraph_gets_its_number() {
    for (name, _) in NUMBERED {
        let parsed = parse_file(&fixture(name));
        let doc = &parsed.document;
        assert_eq!(doc.kind, DocumentKind::Forbundsordning, "{name}");
        assert_eq!(headings(doc), expected_headings(), "{name}");
        assert!(parsed.warnings.is_empty(), "{name}: {:?}", parsed.warnings);
        assert_eq!(
            doc.title, "Förbundsordning för Samordningsförbundet Numrering",
            "{name}"
        );
        for (section, (_, text)) in doc.sections.iter().zip(SECTIONS) {
            assert_eq!(block_texts(&section.blocks)[0], text, "{name}");
        }
    }
}

#[test]
fn the_same_text_whoever_wrote_the_numbering() {
    let mut by_layout = std::collections::BTreeMap::new();
    for (name, layout) in NUMBERED {
        let doc = parse_file(&fixture(name)).document;
        let text = markdown::render(&doc);
        let first = by_layout.entry(layout).or_insert_with(|| text.clone());
        assert_eq!(
            *first, text,
            "{name} differs from the first {layout} fixture"
        );
    }
    insta::assert_snapshot!("word-numbered", by_layout["numbered"]);
    insta::assert_snapshot!("word-table", by_layout["table"]);
}

#[test]
fn lists_inside_numbered_paragraphs_stay_lists() {
    for name in ["numbered-style.docx", "numbered-paragraph-libreoffice.docx"] {
        let doc = parse_file(&fixture(name)).document;
        let texts = |i: usize| block_texts(&doc.sections[i].blocks)[1..].to_vec();
        assert_eq!(
            texts(2),
            vec!["1. Försäkringskassan\n1. Arbetsförmedlingen\n1. med sina lokala kontor"],
            "{name}"
        );
        assert_eq!(
            texts(3),
            vec!["1. stödja samverkan\n1. finansiera insatser"],
            "{name}"
        );
        assert_eq!(
            texts(4),
            vec!["1. ordförande\n1. vice ordförande"],
            "{name}"
        );
    }
}

#[test]
fn a_data_table_inside_a_section_table_stays_a_table() {
    let doc = parse_file(&fixture("table-two-columns.docx")).document;
    let last = &doc.sections[5].blocks;
    assert_eq!(last.len(), 4, "{last:?}");
    let Block::Table { header, rows, .. } = &last[1] else {
        panic!("not a table: {:?}", last[1]);
    };
    assert_eq!(header, &vec!["Medlem".to_string(), "Andel".to_string()]);
    assert_eq!(rows.len(), 3);
    assert_eq!(
        block_texts(&last[2..]),
        vec![
            "Budgeten för det första året:",
            "År | Belopp\n2027 | 4 000 000 kronor"
        ]
    );
}

#[test]
fn tracked_changes_read_as_accepted_and_are_reported() {
    let parsed = parse_file(&fixture("tracked-changes.docx"));
    let doc = &parsed.document;
    assert_eq!(
        headings(doc),
        expected_headings()[..5].to_vec(),
        "the pPrChange heading keeps its new style"
    );
    let texts: Vec<String> = doc
        .sections
        .iter()
        .flat_map(|s| block_texts(&s.blocks))
        .collect();
    assert_eq!(
        texts,
        vec![
            "Förbundets namn är Samordningsförbundet Numrering.",
            "Förbundet har sitt säte i Numreringe kommun. Se även.",
            "Medlemmar i förbundet är Försäkringskassan, Arbetsförmedlingen, Region Numrering och Numreringe kommun.",
            "Förbundet ska svara för den finansiella samordningen inom rehabiliteringsområdet.",
            "Förbundets styrelse består av fyra ledamöter och fyra ersättare.",
        ]
    );
    assert_eq!(
        parsed.warnings,
        vec![
            "tests/fixtures/parse/tracked-changes.docx: dokumentet har 8 spårade ändringar som inte har godkänts och 1 kommentar; texten lästes som om alla ändringar godkänts (text i spårade borttagningar hoppades över, infogad text togs med); kommentarerna är inte en del av texten"
        ]
    );
}

#[test]
fn headers_footers_footnotes_comments_and_placeholders_are_not_text() {
    for (name, _) in word_fixtures() {
        let doc = parse_file(&fixture(name)).document;
        let text = markdown::render(&doc);
        for absent in [
            "SIDHUVUD",
            "SIDFOT",
            "FOTNOT",
            "KOMMENTAR",
            "Klicka eller tryck",
            "Gamla",
        ] {
            assert!(!text.contains(absent), "{name}: {absent} in\n{text}");
        }
    }
}

#[test]
fn import_says_on_stderr_what_was_not_accepted() {
    let output = Command::cargo_bin("forbund")
        .unwrap()
        .current_dir(root())
        .env("NO_COLOR", "1")
        .args(["import", "tests/fixtures/parse/tracked-changes.docx"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stdout.contains("## 1 § Förbundets namn"), "{stdout}");
    assert!(
        stdout.contains("Samordningsförbundet Numrering."),
        "{stdout}"
    );
    assert!(
        stderr.contains("8 spårade ändringar som inte har godkänts och 1 kommentar"),
        "{stderr}"
    );
}

#[test]
fn import_numbers_the_paragraphs_of_a_numbered_word_file() {
    for (name, _) in NUMBERED {
        let output = Command::cargo_bin("forbund")
            .unwrap()
            .current_dir(root())
            .env("NO_COLOR", "1")
            .args(["import", &fixture(name)])
            .output()
            .unwrap();
        assert!(output.status.success(), "{name}: {output:?}");
        assert!(output.stderr.is_empty(), "{name}: {output:?}");
        let stdout = String::from_utf8(output.stdout).unwrap();
        for heading in expected_headings() {
            assert!(
                stdout.contains(&format!("## {heading}\n")),
                "{name}: {stdout}"
            );
        }
    }
}

/// Tables nested twenty thousand deep: read in under a second, the
/// innermost text kept, no stack exhausted.
#[test]
fn deeply_nested_tables_read_quickly() {
    let depth = 20_000;
    let xml = format!(
        r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>1 § Namn</w:t></w:r></w:p>{}<w:p><w:r><w:t>innerst</w:t></w:r></w:p>{}</w:body></w:document>"#,
        "<w:tbl><w:tr><w:tc>".repeat(depth),
        "</w:tc></w:tr></w:tbl>".repeat(depth)
    );
    let bytes = super::hostile::docx(&[("word/document.xml", xml.as_bytes())]);
    let started = std::time::Instant::now();
    let doc = forbund::parse::parse("djup.docx", &bytes).unwrap().document;
    let elapsed = started.elapsed();
    eprintln!("{depth} nested tables: {elapsed:?}");
    assert!(elapsed < std::time::Duration::from_secs(1), "{elapsed:?}");
    assert!(markdown::render(&doc).contains("innerst"));
}

/// The checked-in hand-written fixtures are what the helper writes today.
#[test]
fn the_word_fixtures_are_current() {
    for (name, bytes) in word_fixtures() {
        let stored = read(&fixture(name));
        for part in ["word/document.xml", "word/styles.xml", "word/numbering.xml"] {
            assert_eq!(
                part_of(&stored, part),
                part_of(&bytes, part),
                "{name}: {part} is stale; run tests/fixtures/parse/make-fixtures.sh"
            );
        }
    }
}

fn part_of(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
    text
}
