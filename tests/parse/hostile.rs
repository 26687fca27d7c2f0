//! Files that are not what they say, broken, empty, binary, or built to
//! exhaust memory: each gets a clear error or a warning, never a panic.

use std::io::{Cursor, Write};
use std::time::{Duration, Instant};

use forbund::parse::{ParseError, parse};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::{read, root};

fn parse_fixture(name: &str) -> Result<forbund::parse::Parsed, ParseError> {
    let path = format!("tests/fixtures/parse/{name}");
    parse(&path, &read(&path))
}

#[test]
fn empty_file() {
    let error = parse_fixture("empty.md").unwrap_err();
    assert!(matches!(error, ParseError::Empty { .. }));
    assert!(error.to_string().contains("är tom (0 byte)"), "{error}");
}

#[test]
fn binary_junk() {
    let error = parse_fixture("junk.bin").unwrap_err();
    assert!(matches!(error, ParseError::Binary { .. }), "{error}");
    assert!(error.to_string().contains("väntade .docx, .md eller .txt"));
}

#[test]
fn a_spreadsheet_is_not_a_word_document() {
    let error = parse_fixture("spreadsheet.xlsx").unwrap_err();
    assert_eq!(
        error.to_string(),
        "tests/fixtures/parse/spreadsheet.xlsx är ett Excel-dokument (.xlsx), inte ett Word-dokument (word/document.xml saknas); väntade en .docx-fil"
    );
}

#[test]
fn a_truncated_zip_is_corrupt() {
    let error = parse_fixture("corrupt.docx").unwrap_err();
    assert!(matches!(error, ParseError::CorruptZip { .. }), "{error}");
}

#[test]
fn a_docx_that_is_text_is_read_as_text_with_a_warning() {
    let parsed = parse_fixture("text-named.docx").unwrap();
    assert_eq!(parsed.document.sections.len(), 2);
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.contains("«.docx» men är text")),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn a_markdown_file_that_is_a_word_document_is_read_as_word() {
    let bytes = docx(&[("word/document.xml", DOCUMENT.as_bytes())]);
    let parsed = parse("forbundsordning.md", &bytes).unwrap();
    assert_eq!(parsed.document.sections.len(), 1);
    assert!(parsed.warnings.iter().any(|w| w.contains("ZIP-arkiv")));
    let spreadsheet = read("tests/fixtures/parse/spreadsheet.xlsx");
    let error = parse("budget.md", &spreadsheet).unwrap_err();
    assert!(matches!(error, ParseError::NotDocx { .. }), "{error}");
}

#[test]
fn a_forbundsordning_without_paragraphs_is_an_error() {
    let text = "Förbundsordning för Samordningsförbundet X\n\nFörbundet har ett namn.\n";
    let error = parse("x.md", text.as_bytes()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "x.md: inga paragrafer (§) hittades; en förbundsordning ska ha numrerade paragrafer som «1 § Förbundets namn»"
    );
    let error = parse_fixture_as_fo("tests/fixtures/parse/ocr.txt");
    assert!(error.is_ok());
}

fn parse_fixture_as_fo(path: &str) -> Result<forbund::parse::Parsed, ParseError> {
    forbund::parse::parse_as(
        path,
        &read(path),
        Some(forbund::document::DocumentKind::Forbundsordning),
    )
}

#[test]
fn an_avsiktsforklaring_without_paragraphs_reads_by_its_headings() {
    let text =
        "Avsiktsförklaring för X\n\nBakgrund\n\nText om bakgrunden.\n\nSyfte\n\nText om syftet.\n";
    let parsed = parse("a.txt", text.as_bytes()).unwrap();
    let headings: Vec<&str> = parsed
        .document
        .sections
        .iter()
        .map(|s| s.heading.as_str())
        .collect();
    assert_eq!(headings, vec!["Bakgrund", "Syfte"]);
    // Its title names the kind, which has no §§: nothing to warn about.
    assert!(
        !parsed
            .warnings
            .iter()
            .any(|w| w.contains("inga paragrafer (§)"))
    );
}

/// 200 MB of zeros compressed: refused on its declared size, quickly.
#[test]
fn a_zip_bomb_is_refused_by_its_declared_size() {
    let bomb = bomb();
    assert!(bomb.len() < 1024 * 1024, "{} bytes", bomb.len());
    let started = Instant::now();
    let error = parse("bomb.docx", &bomb).unwrap_err();
    assert!(matches!(error, ParseError::TooLarge { .. }), "{error}");
    assert!(
        error
            .to_string()
            .contains("word/document.xml är större än 50 MB")
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

/// The same bomb with its sizes forged small: reading stops at the cap.
#[test]
fn a_zip_bomb_that_lies_about_its_size_is_cut_off() {
    let mut bomb = bomb();
    forge_sizes(&mut bomb, 1000);
    let started = Instant::now();
    let result = parse("bomb.docx", &bomb);
    assert!(result.is_err(), "{result:?}");
    assert!(started.elapsed() < Duration::from_secs(20));
}

fn bomb() -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    writer.start_file("word/document.xml", options).unwrap();
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..200 {
        writer.write_all(&zeros).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// Overwrites the uncompressed size in every local and central header.
fn forge_sizes(zip: &mut [u8], size: u32) {
    let forged = size.to_le_bytes();
    for i in 0..zip.len().saturating_sub(4) {
        let offset = match &zip[i..i + 4] {
            b"PK\x03\x04" => 22,
            b"PK\x01\x02" => 24,
            _ => continue,
        };
        if let Some(field) = zip.get_mut(i + offset..i + offset + 4) {
            field.copy_from_slice(&forged);
        }
    }
}

/// A minimal document.xml with one § heading.
pub const DOCUMENT: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Förbundsordning för X</w:t></w:r></w:p>
<w:p><w:r><w:t>1 § Förbundets namn</w:t></w:r></w:p>
<w:p><w:r><w:t>Förbundets namn är X.</w:t></w:r></w:p>
</w:body></w:document>"#;

/// A zip with these parts.
pub fn docx(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, content) in parts {
        writer.start_file(*name, options).unwrap();
        writer.write_all(content).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// Random bytes, truncated zips and mangled XML never panic.
#[test]
fn nothing_panics() {
    let good = docx(&[("word/document.xml", DOCUMENT.as_bytes())]);
    let mut seed = 0x2545_f491_u32;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    for round in 0..300 {
        let mut bytes = good.clone();
        match round % 3 {
            0 => bytes.truncate(next() as usize % good.len()),
            1 => {
                let at = next() as usize % bytes.len();
                bytes[at] = next() as u8;
            }
            _ => bytes = (0..next() % 64).map(|_| next() as u8).collect(),
        }
        let _ = parse("fuzz.docx", &bytes);
        let _ = parse("fuzz.md", &bytes);
        let _ = parse("fuzz.txt", &bytes);
    }
    for xml in [
        "<w:document><w:body><w:p>",
        "<<<>>>",
        "<w:t>&bogus;</w:t>",
        "",
    ] {
        let bytes = docx(&[("word/document.xml", xml.as_bytes())]);
        let _ = parse("x.docx", &bytes);
    }
    let _ = root();
}
