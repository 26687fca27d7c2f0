//! PDF: every document `forbund` generates from the samples reads back
//! with the same sections and text, a förbundsordning printed to PDF by
//! LibreOffice reads with all its §§, a scan without text gets an error
//! that says OCR is needed, and broken or hostile PDFs get a clear error
//! quickly. The CLI's import, diff and check take PDF files.

use std::time::{Duration, Instant};

use assert_cmd::Command;
use forbund::compose::{Selection, Templates, compose};
use forbund::document::{Document, DocumentKind, plain_text};
use forbund::parse::{ParseError, parse};
use forbund::render::PdfProfile;

use super::fixtures::{pdf, scan_pdf};
use super::{block_texts, headings, parse_file, read, root};

/// The samples' documents with their file stems.
fn generated() -> Vec<(String, Document)> {
    let mut out = Vec::new();
    let mut samples: Vec<_> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    samples.sort();
    for path in samples {
        let name = path.to_string_lossy().into_owned();
        let forbund = forbund::spec::load(&name, &std::fs::read(&path).unwrap()).unwrap();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        for composed in compose(&forbund, &Templates::builtin(), Selection::All, None).unwrap() {
            out.push((format!("{stem}/{}", composed.file_stem), composed.document));
        }
    }
    out
}

/// The words of a section's blocks, as one string.
fn words(blocks: &[forbund::document::Block]) -> String {
    let text = block_texts(blocks).join(" ");
    let text = text.replace("\n1. ", " ").replace("\n- ", " ");
    let text = text.trim_start_matches("1. ").trim_start_matches("- ");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Section numbers and headings, as a comparison pairs them.
fn outline(doc: &Document) -> Vec<(Option<u32>, String)> {
    doc.sections
        .iter()
        .map(|s| (s.number, s.heading.clone()))
        .collect()
}

#[test]
fn every_generated_pdf_reads_back_with_the_same_sections() {
    let documents = generated();
    assert!(documents.len() >= 15, "{}", documents.len());
    for (stem, original) in documents {
        let bytes = forbund::render::pdf::render(&original, PdfProfile::default()).unwrap();
        let name = format!("{stem}.pdf");
        let parsed = parse(&name, &bytes).unwrap_or_else(|e| panic!("{e}"));
        let back = parsed.document;
        assert_eq!(back.kind, original.kind, "{name}");
        assert_eq!(outline(&back), outline(&original), "{name}");
        if original.kind == DocumentKind::Forbundsordning {
            assert_eq!(back.title, original.title, "{name}");
            for (got, want) in back.sections.iter().zip(&original.sections) {
                assert_eq!(
                    words(&got.blocks),
                    words(&want.blocks),
                    "{name}: {}",
                    want.display_heading()
                );
            }
        }
    }
}

#[test]
fn a_generated_forbundsordning_keeps_its_paragraphs_and_lists() {
    let (_, original) = generated()
        .into_iter()
        .find(|(stem, _)| stem == "stockholm/forbundsordning")
        .unwrap();
    let bytes = forbund::render::pdf::render(&original, PdfProfile::default()).unwrap();
    let started = Instant::now();
    let back = parse("forbundsordning.pdf", &bytes).unwrap().document;
    eprintln!("import of a generated 4-page PDF: {:?}", started.elapsed());
    let blocks = |doc: &Document| {
        doc.sections
            .iter()
            .map(|s| block_texts(&s.blocks))
            .collect::<Vec<_>>()
    };
    assert_eq!(blocks(&back), blocks(&original));
    assert_eq!(
        plain_text(&[forbund::document::Inline::plain(back.title.clone())]),
        original.title
    );
}

#[test]
fn a_forbundsordning_printed_by_libreoffice_reads_with_all_paragraphs() {
    let reference = parse_file("samples/reference/haninge-forbundsordning.md").document;
    let parsed = parse_file("tests/fixtures/parse/haninge-libreoffice.pdf");
    let doc = &parsed.document;
    assert_eq!(doc.kind, DocumentKind::Forbundsordning);
    assert_eq!(headings(doc), headings(&reference));
    let numbers: Vec<u32> = doc.sections.iter().filter_map(|s| s.number).collect();
    assert_eq!(numbers, (1..=19).collect::<Vec<_>>());
    assert_eq!(doc.title, reference.title);
    for (got, want) in doc.sections.iter().zip(&reference.sections) {
        assert_eq!(
            words(&got.blocks),
            words(&want.blocks),
            "{}",
            want.display_heading()
        );
    }
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.contains("rader sidhuvud, sidfot och sidnummer togs bort")),
        "{:?}",
        parsed.warnings
    );
    insta::assert_snapshot!(
        "pdf-haninge-libreoffice",
        forbund::render::markdown::render(doc)
    );
}

/// A förbundsordning written as Word by `forbund` and printed to PDF by
/// LibreOffice (header, footer "Sida X av Y") reads back with every § and
/// its text. Skipped without LibreOffice.
#[test]
fn a_generated_word_file_printed_by_libreoffice_reads_back() {
    if std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("LibreOffice missing: skipping the LibreOffice PDF check");
        return;
    }
    let (_, original) = generated()
        .into_iter()
        .find(|(stem, _)| stem == "husam/forbundsordning")
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("forbundsordning.docx");
    std::fs::write(&docx, forbund::render::docx::render(&original).unwrap()).unwrap();
    let status = std::process::Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&docx)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let bytes = std::fs::read(dir.path().join("forbundsordning.pdf")).unwrap();
    let back = parse("forbundsordning.pdf", &bytes).unwrap().document;
    assert_eq!(back.title, original.title);
    assert_eq!(outline(&back), outline(&original));
    for (got, want) in back.sections.iter().zip(&original.sections) {
        assert_eq!(
            words(&got.blocks),
            words(&want.blocks),
            "{}",
            want.display_heading()
        );
    }
}

#[test]
fn a_scan_without_text_needs_ocr() {
    let error = parse("skannad.pdf", &read("tests/fixtures/parse/scan.pdf")).unwrap_err();
    assert!(
        matches!(error, ParseError::NoTextLayer { pages: 1, .. }),
        "{error}"
    );
    assert_eq!(
        error.to_string(),
        "skannad.pdf är ett PDF-dokument utan text (1 sida med bara bilder, troligen inskannade); tolka texten med OCR (textigenkänning) först, till exempel med ocrmypdf, och läs in den nya filen eller texten"
    );
    assert_eq!(scan_pdf(), read("tests/fixtures/parse/scan.pdf"));
}

/// A one-page PDF with `content` as its page's content stream.
fn one_page(content: &[u8], catalog_extra: &str) -> Vec<u8> {
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(content);
    stream.extend_from_slice(b"\nendstream");
    pdf(&[
        format!("<< /Type /Catalog /Pages 2 0 R {catalog_extra} >>").into_bytes(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        stream,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ])
}

fn deflated(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

fn one_page_deflated(content: &[u8]) -> Vec<u8> {
    let data = deflated(content);
    let mut stream = format!(
        "<< /Filter /FlateDecode /Length {} >>\nstream\n",
        data.len()
    )
    .into_bytes();
    stream.extend_from_slice(&data);
    stream.extend_from_slice(b"\nendstream");
    pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
        stream,
    ])
}

fn timed(name: &str, bytes: &[u8]) -> (Result<forbund::parse::Parsed, ParseError>, Duration) {
    let started = Instant::now();
    let result = parse(name, bytes);
    (result, started.elapsed())
}

#[test]
fn a_small_hand_made_pdf_reads() {
    // Octal escapes of Latin-1 bytes: \\366 ö, \\344 ä, \\247 §.
    let lines = [
        (14, 760, "F\\366rbundsordning f\\366r X"),
        (11, 720, "1 \\247 Namn"),
        (
            11,
            706,
            "Namnet \\344r Samordningsf\\366rbundet X och det har en styrelse",
        ),
        (11, 692, "med fyra ledam\\366ter."),
        (11, 670, "2 \\247 S\\344te"),
        (11, 656, "F\\366rbundet har sitt s\\344te i X."),
    ];
    let content: String = lines
        .iter()
        .map(|(size, y, text)| format!("BT /F1 {size} Tf 72 {y} Td ({text}) Tj ET\n"))
        .collect();
    let bytes = one_page(content.as_bytes(), "");
    let doc = parse("x.pdf", &bytes).unwrap().document;
    assert_eq!(doc.title, "Förbundsordning för X");
    assert_eq!(headings(&doc), vec!["1 § Namn", "2 § Säte"]);
    assert_eq!(
        block_texts(&doc.sections[0].blocks),
        vec!["Namnet är Samordningsförbundet X och det har en styrelse med fyra ledamöter."]
    );
    assert_eq!(
        block_texts(&doc.sections[1].blocks),
        vec!["Förbundet har sitt säte i X."]
    );
}

#[test]
fn hostile_pdfs_get_a_clear_error_in_under_a_second() {
    let deep = "[".repeat(100_000);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "nested arrays in the catalog",
            one_page(b"BT ET", &format!("/X {deep}")),
            "nästlade i mer än 256 nivåer",
        ),
        (
            "nested dictionaries",
            one_page(b"BT ET", &format!("/X {}", "<<".repeat(100_000))),
            "nästlade i mer än 256 nivåer",
        ),
        (
            "nested arrays in a compressed content stream",
            one_page_deflated(format!("BT {deep}(x) TJ ET").as_bytes()),
            "nästlade i mer än 256 nivåer",
        ),
        (
            "a flate bomb",
            one_page_deflated(&vec![b' '; 64 * 1024 * 1024]),
            "dekomprimeringsbomb",
        ),
        (
            "garbage after the header",
            b"%PDF-1.7\n\x00\x01\x02 garbage 1 0 obj".to_vec(),
            "ser ut som ett PDF-dokument men kan inte läsas",
        ),
        (
            "the first half of a generated PDF",
            {
                let (_, original) = generated().swap_remove(0);
                let bytes = forbund::render::pdf::render(&original, PdfProfile::default()).unwrap();
                bytes[..bytes.len() / 2].to_vec()
            },
            "filen är avkortad",
        ),
        (
            "a header and nothing else",
            b"%PDF-1.4".to_vec(),
            "ser ut som ett PDF-dokument men kan inte läsas",
        ),
    ];
    for (what, bytes, expected) in cases {
        let (result, elapsed) = timed("fientlig.pdf", &bytes);
        eprintln!("{what}: {elapsed:?}");
        let error = result.err().unwrap_or_else(|| panic!("{what}: read"));
        assert!(
            error.to_string().starts_with("fientlig.pdf"),
            "{what}: {error}"
        );
        assert!(error.to_string().contains(expected), "{what}: {error}");
        assert!(elapsed < Duration::from_secs(1), "{what}: {elapsed:?}");
    }
}

/// Truncated, mangled and shortened PDFs never panic and never hang.
#[test]
fn broken_pdfs_never_panic() {
    let good = read("tests/fixtures/parse/haninge-libreoffice.pdf");
    let mut seed = 0x9e37_79b9_u32;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed as usize
    };
    let started = Instant::now();
    let mut slowest = Duration::ZERO;
    for round in 0..60 {
        let mut bytes = good.clone();
        match round % 3 {
            0 => bytes.truncate(next() % good.len()),
            1 => {
                for _ in 0..20 {
                    let at = next() % bytes.len();
                    bytes[at] = next() as u8;
                }
            }
            _ => {
                let at = next() % bytes.len();
                let count = (next() % 4000).min(bytes.len() - at);
                bytes.drain(at..at + count);
            }
        }
        let (_, elapsed) = timed("trasig.pdf", &bytes);
        slowest = slowest.max(elapsed);
    }
    eprintln!(
        "60 broken PDFs in {:?}, slowest {slowest:?}",
        started.elapsed()
    );
}

fn forbund_cmd() -> Command {
    let mut cmd = Command::cargo_bin("forbund").unwrap();
    cmd.current_dir(root()).env("NO_COLOR", "1");
    cmd
}

#[test]
fn import_diff_and_check_take_pdf_files() {
    let dir = tempfile::tempdir().unwrap();
    let status = forbund_cmd()
        .args([
            "generate",
            "samples/haninge.json",
            "--doc",
            "forbundsordning",
        ])
        .args(["--format", "pdf,md", "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let pdf = dir.path().join("forbundsordning.pdf");
    let md = dir.path().join("forbundsordning.md");

    let import = forbund_cmd().arg("import").arg(&pdf).output().unwrap();
    assert!(import.status.success(), "{import:?}");
    let text = String::from_utf8(import.stdout).unwrap();
    assert!(text.contains("## 1 § Förbundets namn"), "{text}");

    let diff = forbund_cmd()
        .arg("diff")
        .arg(&md)
        .arg(&pdf)
        .arg("--fail-on-change")
        .output()
        .unwrap();
    assert_eq!(diff.status.code(), Some(0), "{diff:?}");

    let check = forbund_cmd().arg("check").arg(&pdf).output().unwrap();
    let from_md = forbund_cmd().arg("check").arg(&md).output().unwrap();
    assert_eq!(check.status.code(), from_md.status.code(), "{check:?}");
    let findings = |out: &std::process::Output| {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| l.contains('['))
            .count()
    };
    assert_eq!(findings(&check), findings(&from_md), "{check:?}");

    let scan = forbund_cmd()
        .args(["import", "tests/fixtures/parse/scan.pdf"])
        .output()
        .unwrap();
    assert_eq!(scan.status.code(), Some(2), "{scan:?}");
    let stderr = String::from_utf8(scan.stderr).unwrap();
    assert!(
        stderr.contains("utan text") && stderr.contains("OCR"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}
