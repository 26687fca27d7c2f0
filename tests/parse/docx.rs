//! Word documents: our own renderer's output reads back to the same
//! document, and a hand-made Word file with Swedish style names, tracked
//! changes, numbering, a table and manual bold headings reads correctly.

use forbund::compose::{Selection, Templates, compose};
use forbund::document::{Block, DocumentKind, Inline};
use forbund::parse::parse;

use super::hostile::docx;
use super::{as_markdown_reads, block_texts, headings, read, shape};

fn composed(kind: DocumentKind) -> forbund::document::Document {
    let path = "samples/stockholm.json";
    let forbund = forbund::spec::load(path, &read(path)).unwrap();
    let mut documents =
        compose(&forbund, &Templates::builtin(), Selection::Only(kind), None).unwrap();
    documents.remove(0).document
}

#[test]
fn our_own_forbundsordning_reads_back_from_word() {
    let original = composed(DocumentKind::Forbundsordning);
    let bytes = forbund::render::docx::render(&original).unwrap();
    let parsed = parse("forbundsordning.docx", &bytes).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let back = parsed.document;
    assert_eq!(back.kind, DocumentKind::Forbundsordning);
    assert_eq!(headings(&back), headings(&original));
    assert_eq!(shape(&back), shape(&original));
    assert_eq!(back.metadata.title, original.metadata.title);
    assert_eq!(back.metadata.date, original.metadata.date);
}

#[test]
fn our_own_avsiktsforklaring_reads_back_from_word() {
    let original = composed(DocumentKind::Avsiktsforklaring);
    let bytes = forbund::render::docx::render(&original).unwrap();
    let back = parse("avsiktsforklaring.docx", &bytes).unwrap().document;
    assert_eq!(back.kind, DocumentKind::Avsiktsforklaring);
    assert_eq!(shape(&back), shape(&original));
    assert_eq!(back.signatures, original.signatures);
}

const STYLES: &str = r#"<w:styles xmlns:w="w">
<w:style w:type="paragraph" w:styleId="Rubrik"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Rubrik2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="Liststycke"><w:name w:val="List Paragraph"/></w:style>
</w:styles>"#;

const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;

const BODY: &str = r#"<w:document xmlns:w="w" xmlns:mc="mc"><w:body>
<w:p><w:pPr><w:pStyle w:val="Rubrik"/></w:pPr><w:r><w:t>Förbundsordning för Samordningsförbundet Word</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Rubrik2"/></w:pPr><w:r><w:t xml:space="preserve">1 § </w:t></w:r><w:r><w:t>Förbundets namn</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Förbundets namn är </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>Samordningsförbundet Gamla</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>Samordningsförbundet Word</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r></w:p>
<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>2§</w:t></w:r><w:r><w:br/></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Förbundets säte</w:t></w:r></w:p>
<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Säte:</w:t></w:r><w:r><w:tab/><w:t>Wordby, se</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> 11 § </w:t></w:r><w:r><w:t>&amp; ovan.</w:t></w:r></w:p>
<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>3 § Uppgifter</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Liststycke"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>besluta om mål</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Liststycke"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>stödja samverkan</w:t></w:r></w:p>
<w:p><w:r><w:t>- en inskriven punkt</w:t></w:r></w:p>
<w:p><w:r><w:t>- en till</w:t></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>Fält</w:t></w:r></w:p>
<w:p><mc:AlternateContent><mc:Choice><w:r><w:t>Ruta</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>Ruta</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>
<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>
<w:tr><w:tc><w:p><w:r><w:t>År</w:t></w:r></w:p></w:tc><w:tc><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>Belopp</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>2027</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>8 000</w:t></w:r></w:p><w:p><w:r><w:t>kronor</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
<w:sectPr><w:pgSz w:w="11906"/></w:sectPr>
</w:body></w:document>"#;

#[test]
fn a_hand_made_word_document() {
    let bytes = docx(&[
        ("word/document.xml", BODY.as_bytes()),
        ("word/styles.xml", STYLES.as_bytes()),
        ("word/numbering.xml", NUMBERING.as_bytes()),
    ]);
    let parsed = parse("ordning.docx", &bytes).unwrap();
    let doc = &parsed.document;
    assert_eq!(doc.title, "Förbundsordning för Samordningsförbundet Word");
    assert_eq!(
        headings(doc),
        vec![
            "1 § Förbundets namn",
            "2 § Förbundets säte",
            "3 § Uppgifter"
        ]
    );
    assert_eq!(
        block_texts(&doc.sections[0].blocks),
        vec!["Förbundets namn är Samordningsförbundet Word."]
    );
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.contains("spårade borttagningar"))
    );
    let seat = &doc.sections[1].blocks;
    assert_eq!(
        seat[0],
        Block::Paragraph {
            text: vec![
                Inline::plain("Säte: Wordby, se "),
                Inline {
                    text: "11 §".into(),
                    emphasis: true,
                    strong: false
                },
                Inline::plain(" & ovan."),
            ]
        }
    );
    let tasks = block_texts(&doc.sections[2].blocks);
    assert_eq!(
        tasks,
        vec![
            "1. besluta om mål\n1. stödja samverkan",
            "- en inskriven punkt\n- en till",
            "Fält",
            "Ruta",
            "År | Belopp\n2027 | 8 000 kronor",
        ]
    );
    assert!(matches!(
        &doc.sections[2].blocks[4],
        Block::Table { numeric, .. } if numeric == &vec![false, true]
    ));
}

#[test]
fn our_own_tjansteutlatande_reads_back_from_word() {
    let original = composed(DocumentKind::Tjansteutlatande);
    let bytes = forbund::render::docx::render(&original).unwrap();
    let back = parse("tjansteutlatande.docx", &bytes).unwrap().document;
    assert_eq!(back.kind, DocumentKind::Tjansteutlatande);
    assert_eq!(back.header, original.header);
    assert_eq!(
        shape(&as_markdown_reads(back.clone())),
        shape(&as_markdown_reads(original.clone()))
    );
    assert_eq!(back.signatures, original.signatures);
}

/// A Word file written by another program (LibreOffice, with its own
/// styles and numbering) reads the same way. Skipped without LibreOffice.
#[test]
fn a_word_document_written_by_libreoffice() {
    if std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("LibreOffice missing: skipping the foreign Word document check");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("ordning.html");
    std::fs::write(
        &html,
        "<html><body><h1>Förbundsordning för Samordningsförbundet Kontor</h1><p>Inledning.</p>\
         <h2>1 § Förbundets namn</h2><p>Förbundets namn är <b>Kontor</b>.</p>\
         <h2>2 § Uppgifter</h2><ol><li>besluta om mål</li><li>stödja samverkan</li></ol>\
         <table><tr><th>År</th><th>Belopp</th></tr><tr><td>2027</td><td>100</td></tr></table>\
         </body></html>",
    )
    .unwrap();
    let status = std::process::Command::new("soffice")
        .args([
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&html)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let bytes = std::fs::read(dir.path().join("ordning.docx")).unwrap();
    let doc = parse("ordning.docx", &bytes).unwrap().document;
    assert_eq!(doc.title, "Förbundsordning för Samordningsförbundet Kontor");
    assert_eq!(headings(&doc), vec!["1 § Förbundets namn", "2 § Uppgifter"]);
    assert_eq!(
        block_texts(&doc.sections[1].blocks),
        vec![
            "1. besluta om mål\n1. stödja samverkan",
            "År | Belopp\n2027 | 100"
        ]
    );
}
