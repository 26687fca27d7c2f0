//! The hand-written Word and PDF fixtures of `tests/fixtures/parse/`, in
//! the shape Word writes them, so they can be rebuilt: run
//! `tests/fixtures/parse/make-fixtures.sh`, which calls the ignored test
//! [`write_fixtures`] and then LibreOffice for the round-tripped files.

use std::path::Path;

use super::hostile::docx;
use super::root;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A Word package: document, styles and numbering, plus any other parts.
pub fn package(document: &str, styles: &str, numbering: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let mut document_rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#,
    );
    for (index, (name, _)) in extra.iter().enumerate() {
        let kind = name
            .trim_start_matches("word/")
            .trim_end_matches(".xml")
            .trim_end_matches('1');
        let target = name.trim_start_matches("word/");
        document_rels.push_str(&format!(
            r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{target}"/>"#,
            index + 10
        ));
    }
    document_rels.push_str("</Relationships>");
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/_rels/document.xml.rels", document_rels.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ];
    parts.extend(extra.iter().map(|(n, c)| (*n, c.as_bytes())));
    docx(&parts)
}

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}<w:sectPr><w:headerReference w:type="default" r:id="rId10"/><w:footerReference w:type="default" r:id="rId11"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    )
}

/// Styles as a Swedish Word has them: "Rubrik" (Title), "Rubrik2"
/// (heading 2) numbered through `numId` 1, and "Paragrafrubrik" based on it.
fn styles() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="sv-SE"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Rubrik"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="48"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Rubrik2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Paragrafrubrik"><w:name w:val="Paragrafrubrik"/><w:basedOn w:val="Rubrik2"/></w:style>
<w:style w:type="paragraph" w:styleId="Liststycke"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>
<w:style w:type="table" w:styleId="Tabellrutnt"><w:name w:val="Table Grid"/></w:style>
</w:styles>"#
    )
}

fn level(ilvl: u8, format: &str, text: &str, extra: &str) -> String {
    format!(
        r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{format}"/>{extra}<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{}" w:hanging="360"/></w:pPr></w:lvl>"#,
        720 * (u32::from(ilvl) + 1)
    )
}

/// Lists: 1 "%1 §" tied to Rubrik2, 2 "%1." and 3 "%1)" lower-letter
/// for lists inside §§, 4 "§ %1" for paragraph numbering, 5 continuing
/// list 4, 6 list 2 restarted by a start override.
fn numbering() -> String {
    let heading = level(
        0,
        "decimal",
        "%1 §",
        r#"<w:pStyle w:val="Rubrik2"/><w:suff w:val="space"/>"#,
    );
    let decimal = format!(
        "{}{}",
        level(0, "decimal", "%1.", ""),
        level(1, "lowerLetter", "%2)", "")
    );
    let letters = level(0, "lowerLetter", "%1)", "");
    let paragraph = level(0, "decimal", "§ %1", r#"<w:suff w:val="tab"/>"#);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="10"><w:multiLevelType w:val="singleLevel"/>{heading}</w:abstractNum>
<w:abstractNum w:abstractNumId="11"><w:multiLevelType w:val="hybridMultilevel"/>{decimal}</w:abstractNum>
<w:abstractNum w:abstractNumId="12"><w:multiLevelType w:val="hybridMultilevel"/>{letters}</w:abstractNum>
<w:abstractNum w:abstractNumId="13"><w:multiLevelType w:val="singleLevel"/>{paragraph}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="12"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="13"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="13"/></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="11"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"#
    )
}

fn run(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn para(text: &str) -> String {
    format!("<w:p>{}</w:p>", run(text))
}

fn styled(style: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{}</w:p>"#,
        run(text)
    )
}

fn numbered(num: u32, ilvl: u8, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="Liststycke"/><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>{}</w:p>"#,
        run(text)
    )
}

/// The §§ every fixture förbundsordning has: heading and text.
pub const SECTIONS: [(&str, &str); 6] = [
    (
        "Förbundets namn",
        "Förbundets namn är Samordningsförbundet Numrering.",
    ),
    ("Säte", "Förbundet har sitt säte i Numreringe kommun."),
    (
        "Medlemmar",
        "Medlemmar i förbundet är Försäkringskassan, Arbetsförmedlingen, Region Numrering och Numreringe kommun.",
    ),
    (
        "Ändamål",
        "Förbundet ska svara för den finansiella samordningen inom rehabiliteringsområdet.",
    ),
    (
        "Styrelse",
        "Förbundets styrelse består av fyra ledamöter och fyra ersättare.",
    ),
    (
        "Kostnadsfördelning",
        "Medlemmarna bidrar med medel enligt följande fördelning.",
    ),
];

const TITLE: &str = "Förbundsordning för Samordningsförbundet Numrering";
const INTRO: &str = "Förbundet bildas enligt lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser.";

/// The lists and the table inside the §§: a numbered list in 3 §, a
/// lettered one in 4 § and a restarted numbered one in 5 §.
fn inside(index: usize) -> String {
    match index {
        2 => [
            numbered(2, 0, "Försäkringskassan"),
            numbered(2, 0, "Arbetsförmedlingen"),
            numbered(2, 1, "med sina lokala kontor"),
        ]
        .concat(),
        3 => [
            numbered(3, 0, "stödja samverkan"),
            numbered(3, 0, "finansiera insatser"),
        ]
        .concat(),
        4 => [
            numbered(6, 0, "ordförande"),
            numbered(6, 0, "vice ordförande"),
        ]
        .concat(),
        _ => String::new(),
    }
}

/// Heading paragraphs numbered "%1 §" through their style's chain
/// (Paragrafrubrik → Rubrik2 → numId 1).
fn numbered_by_style() -> Vec<u8> {
    let mut body = styled("Rubrik", TITLE) + &para(INTRO);
    for (index, (heading, text)) in SECTIONS.iter().enumerate() {
        let style = if index % 2 == 0 {
            "Rubrik2"
        } else {
            "Paragrafrubrik"
        };
        body += &styled(style, heading);
        body += &para(text);
        body += &inside(index);
    }
    package(&document(&body), &styles(), &numbering(), &furniture())
}

/// Plain bold paragraphs numbered "§ %1" by their own `w:numPr`, the list
/// continuing in a second instance (numId 5) half way.
fn numbered_by_paragraph() -> Vec<u8> {
    let mut body = styled("Rubrik", TITLE) + &para(INTRO);
    for (index, (heading, text)) in SECTIONS.iter().enumerate() {
        let num = if index < 3 { 4 } else { 5 };
        body += &format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>{heading}</w:t></w:r></w:p>"#
        );
        body += &para(text);
        body += &inside(index);
    }
    package(&document(&body), &styles(), &numbering(), &furniture())
}

fn cell(content: &str, width: u32) -> String {
    format!(r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{content}</w:tc>"#)
}

fn table(rows: &[String], widths: &[u32]) -> String {
    let grid: String = widths
        .iter()
        .map(|w| format!(r#"<w:gridCol w:w="{w}"/>"#))
        .collect();
    format!(
        r#"<w:tbl><w:tblPr><w:tblStyle w:val="Tabellrutnt"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{}</w:tbl>"#,
        rows.concat()
    )
}

fn shares() -> String {
    let row = |a: &str, b: &str| {
        format!(
            "<w:tr>{}{}</w:tr>",
            cell(&para(a), 3000),
            cell(&para(b), 2000)
        )
    };
    table(
        &[
            row("Medlem", "Andel"),
            row("Försäkringskassan", "50 %"),
            row("Region Numrering", "25 %"),
            row("Numreringe kommun", "25 %"),
        ],
        &[3000, 2000],
    )
}

fn bold(text: &str) -> String {
    format!(r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{text}</w:t></w:r></w:p>"#)
}

/// A förbundsordning in a two-column table: "N §" typed in the first
/// column, heading and text in the second, the share table nested in the
/// last § and the budget as a table of its own after it.
fn two_columns() -> Vec<u8> {
    let rows: Vec<String> = SECTIONS
        .iter()
        .enumerate()
        .map(|(index, (heading, text))| {
            let mut second = bold(heading) + &para(text);
            if index + 1 == SECTIONS.len() {
                second += &shares();
                second += &para("");
            }
            format!(
                "<w:tr>{}{}</w:tr>",
                cell(&para(&format!("{} §", index + 1)), 1000),
                cell(&second, 8000)
            )
        })
        .collect();
    let budget_row = |a: &str, b: &str| {
        format!(
            "<w:tr>{}{}</w:tr>",
            cell(&para(a), 3000),
            cell(&para(b), 2000)
        )
    };
    let budget = table(
        &[
            budget_row("År", "Belopp"),
            budget_row("2027", "4 000 000 kronor"),
        ],
        &[3000, 2000],
    );
    let body = styled("Rubrik", TITLE)
        + &para(INTRO)
        + &table(&rows, &[1000, 8000])
        + &para("Budgeten för det första året:")
        + &budget;
    package(&document(&body), &styles(), &numbering(), &furniture())
}

/// One § per row in a single column: the heading numbered "%1 §" by its
/// style, the text below it in the same cell.
fn one_per_row() -> Vec<u8> {
    let rows: Vec<String> = SECTIONS
        .iter()
        .map(|(heading, text)| {
            let content = styled("Rubrik2", heading) + &para(text);
            format!("<w:tr>{}</w:tr>", cell(&content, 9000))
        })
        .collect();
    let body = styled("Rubrik", TITLE) + &para(INTRO) + &table(&rows, &[9000]);
    package(&document(&body), &styles(), &numbering(), &furniture())
}

/// Header, footer, footnotes and comments: parts whose text is not body text.
fn furniture() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "word/header1.xml",
            r#"<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>SIDHUVUD Dnr 2026-0042</w:t></w:r></w:p></w:hdr>"#,
        ),
        (
            "word/footer1.xml",
            r#"<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>SIDFOT Sida 1</w:t></w:r></w:p></w:ftr>"#,
        ),
    ]
}

/// Tracked changes not yet accepted, comments, content controls, a
/// footnote, a header and a footer.
fn tracked() -> Vec<u8> {
    let change = r#"w:author="Kansliet" w:date="2026-01-15T10:00:00Z""#;
    let body = [
        styled("Rubrik", TITLE),
        para(INTRO),
        styled("Rubrik2", "Förbundets namn"),
        format!(
            r#"<w:p>{}<w:del w:id="1" {change}><w:r><w:delText>Samordningsförbundet Gamla</w:delText></w:r></w:del><w:ins w:id="2" {change}><w:r><w:t>Samordningsförbundet Numrering</w:t></w:r></w:ins>{}</w:p>"#,
            run("Förbundets namn är "),
            run(".")
        ),
        styled("Rubrik2", "Säte"),
        format!(
            r#"<w:p><w:commentRangeStart w:id="0"/>{}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:t xml:space="preserve"> Se även</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Fotnotsreferens"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>"#,
            run("Förbundet har sitt säte i Numreringe kommun.")
        ),
        styled("Rubrik2", "Medlemmar"),
        // A paragraph whose mark is deleted joins the next one.
        format!(
            r#"<w:p><w:pPr><w:rPr><w:del w:id="3" {change}/></w:rPr></w:pPr>{}</w:p>"#,
            run("Medlemmar i förbundet är Försäkringskassan, Arbetsförmedlingen,")
        ),
        format!(
            r#"<w:p><w:pPr><w:rPr><w:ins w:id="4" {change}/></w:rPr></w:pPr>{}<w:moveFrom w:id="5" {change}><w:r><w:t>Numreringe kommun och </w:t></w:r></w:moveFrom>{}<w:moveTo w:id="6" {change}><w:r><w:t xml:space="preserve"> och Numreringe kommun</w:t></w:r></w:moveTo>{}</w:p>"#,
            run(" "),
            run("Region Numrering"),
            run(".")
        ),
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="Rubrik2"/><w:pPrChange w:id="7" {change}><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:pPrChange></w:pPr><w:r><w:rPr><w:b/><w:rPrChange w:id="8" {change}><w:rPr/></w:rPrChange></w:rPr><w:t>Ändamål</w:t></w:r></w:p>"#
        ),
        format!(
            r#"<w:sdt><w:sdtPr><w:alias w:val="Ändamål"/><w:tag w:val="andamal"/><w:id w:val="100"/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>"#,
            para("Förbundet ska svara för den finansiella samordningen inom rehabiliteringsområdet.")
        ),
        format!(
            r#"<w:p><w:sdt><w:sdtPr><w:alias w:val="Beslutsdatum"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt></w:p>"#,
            run("Klicka eller tryck här för att ange text.")
        ),
        styled("Rubrik2", "Styrelse"),
        format!(
            r#"<w:p>{}<w:sdt><w:sdtPr><w:alias w:val="Antal"/><w:text/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>{}</w:p>"#,
            run("Förbundets styrelse består av "),
            run("fyra"),
            run(" ledamöter och fyra ersättare.")
        ),
    ]
    .concat();
    let mut extra = furniture();
    extra.push((
        "word/footnotes.xml",
        r#"<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:t>FOTNOT om sätet.</w:t></w:r></w:p></w:footnote></w:footnotes>"#,
    ));
    extra.push((
        "word/comments.xml",
        r#"<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="Jurist"><w:p><w:r><w:t>KOMMENTAR: stämmer sätet?</w:t></w:r></w:p></w:comment></w:comments>"#,
    ));
    package(&document(&body), &styles(), &numbering(), &extra)
}

/// The Word fixtures by file name.
pub fn word_fixtures() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("numbered-style.docx", numbered_by_style()),
        ("numbered-paragraph.docx", numbered_by_paragraph()),
        ("table-two-columns.docx", two_columns()),
        ("table-one-per-row.docx", one_per_row()),
        ("tracked-changes.docx", tracked()),
    ]
}

/// Writes the hand-made fixtures into `tests/fixtures/parse/` (and the
/// Word rendering of the Haninge reference förbundsordning, which
/// make-fixtures.sh converts to PDF with LibreOffice, into `target/`).
#[test]
#[ignore = "rebuilds the fixtures: run tests/fixtures/parse/make-fixtures.sh"]
fn write_fixtures() {
    let dir = root().join("tests/fixtures/parse");
    for (name, bytes) in word_fixtures() {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    std::fs::write(dir.join("scan.pdf"), scan_pdf()).unwrap();
    let reference = "samples/reference/haninge-forbundsordning.md";
    let doc = forbund::parse::parse(reference, &super::read(reference))
        .unwrap()
        .document;
    let out = root().join("target/fixtures");
    std::fs::create_dir_all(&out).unwrap();
    let bytes = forbund::render::docx::render(&doc).unwrap();
    std::fs::write(Path::new(&out).join("haninge-forbundsordning.docx"), bytes).unwrap();
}

/// A one-page PDF whose only content is an image: a scan without OCR.
pub fn scan_pdf() -> Vec<u8> {
    let image: Vec<u8> = (0..64u32)
        .map(|i| if i % 3 == 0 { 0 } else { 255 })
        .collect();
    let content = b"q 200 0 0 200 100 500 cm /Im1 Do Q".to_vec();
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        stream("", &content),
        stream(
            "/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8",
            &image,
        ),
    ];
    pdf(&objects)
}

fn stream(dictionary: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dictionary} /Length {} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

/// A PDF file from its objects (numbered from 1, the first the catalog),
/// with a correct cross-reference table.
pub fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (index, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", index + 1).as_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}
