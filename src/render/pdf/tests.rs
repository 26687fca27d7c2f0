use std::io::Write;
use std::process::Command;

use chrono::NaiveDate;

use typst::foundations::Datetime;

use super::*;
use crate::document::{Block, DocumentKind, HeaderField, Inline, Metadata, Section, Signature};

const INJECTION: &str = r#"#read("/etc/passwd") *x* _y_ $z$ <w> [v] \ # ## 1 §"#;

fn metadata(title: &str, case_number: Option<&str>) -> Metadata {
    Metadata {
        title: title.into(),
        subject: "Samordningsförbundet Östra Åby".into(),
        author: "Östra Åby kommun".into(),
        case_number: case_number.map(Into::into),
        date: NaiveDate::from_ymd_opt(2025, 1, 31).unwrap(),
        language: "sv".into(),
    }
}

fn para(text: &str) -> Block {
    Block::Paragraph {
        text: vec![Inline::plain(text)],
    }
}

fn section(number: u32, heading: &str, blocks: Vec<Block>) -> Section {
    Section {
        number: Some(number),
        heading: heading.into(),
        level: 1,
        blocks,
    }
}

fn forbundsordning() -> Document {
    Document {
        kind: DocumentKind::Forbundsordning,
        metadata: metadata("Förbundsordning för Samordningsförbundet Östra Åby", None),
        title: "Förbundsordning för Samordningsförbundet Östra Åby".into(),
        header: vec![],
        preamble: vec![para("Antagen av medlemmarna år 2025.")],
        sections: vec![
            section(
                1,
                "Förbundets namn",
                vec![Block::Paragraph {
                    text: vec![
                        Inline::plain("Förbundets namn är "),
                        Inline {
                            text: "Samordningsförbundet Östra Åby".into(),
                            emphasis: true,
                            strong: false,
                        },
                        Inline::plain(". Det är en "),
                        Inline {
                            text: "offentligrättslig juridisk person".into(),
                            emphasis: false,
                            strong: true,
                        },
                        Inline::plain(" med säte i Åby, Älvsjö och Örby."),
                    ],
                }],
            ),
            section(
                2,
                "Medlemmar",
                vec![
                    para("Medlemmar i förbundet är:"),
                    Block::List {
                        ordered: true,
                        items: vec![
                            vec![Inline::plain("Försäkringskassan")],
                            vec![Inline::plain("Arbetsförmedlingen")],
                            vec![Inline::plain("Region Östergötland")],
                            vec![Inline::plain("Östra Åby kommun")],
                        ],
                    },
                ],
            ),
            section(
                3,
                "Medlemsinsatser",
                vec![
                    para("Medlemmarna bidrar med följande andelar:"),
                    Block::Table {
                        header: vec!["Medlem".into(), "Andel (%)".into(), "Belopp (kr)".into()],
                        rows: vec![
                            vec![
                                crate::document::plain_cell("Staten"),
                                crate::document::plain_cell("50"),
                                crate::document::plain_cell("1 000 000"),
                            ],
                            vec![
                                crate::document::plain_cell("Region Östergötland"),
                                crate::document::plain_cell("25"),
                                crate::document::plain_cell("500 000"),
                            ],
                            vec![
                                crate::document::plain_cell("Östra Åby kommun"),
                                crate::document::plain_cell("25"),
                                crate::document::plain_cell("500 000"),
                            ],
                        ],
                        numeric: vec![false, true, true],
                    },
                    Block::List {
                        ordered: false,
                        items: vec![vec![Inline::plain("Insatserna betalas kvartalsvis.")]],
                    },
                ],
            ),
        ],
        signatures: vec![
            Signature {
                party: "Region Östergötland".into(),
                name: "Åsa Öberg".into(),
                title: "Regionstyrelsens ordförande".into(),
            },
            Signature {
                party: "Östra Åby kommun".into(),
                name: String::new(),
                title: "Kommunstyrelsens ordförande".into(),
            },
        ],
        acceptances: Vec::new(),
    }
}

fn tjansteutlatande() -> Document {
    Document {
        kind: DocumentKind::Tjansteutlatande,
        metadata: metadata(
            "Tjänsteutlåtande om samordningsförbund",
            Some("KS 2025/0042"),
        ),
        title: "Bildande av Samordningsförbundet Östra Åby".into(),
        header: vec![
            HeaderField {
                label: "Myndighet".into(),
                value: "Östra Åby kommun".into(),
            },
            HeaderField {
                label: "Diarienummer".into(),
                value: "KS 2025/0042".into(),
            },
            HeaderField {
                label: "Handläggare".into(),
                value: "Örjan Ärlig".into(),
            },
        ],
        preamble: vec![],
        sections: vec![
            Section {
                number: None,
                heading: "Förslag till beslut".into(),
                level: 1,
                blocks: vec![para("Kommunfullmäktige föreslås anta förbundsordningen.")],
            },
            Section {
                number: None,
                heading: "Ekonomi".into(),
                level: 2,
                blocks: vec![para("Kommunens andel är 25 procent.")],
            },
        ],
        signatures: vec![Signature {
            party: String::new(),
            name: "Örjan Ärlig".into(),
            title: "Utredare".into(),
        }],
        acceptances: Vec::new(),
    }
}

/// The text of a PDF as `pdftotext -raw` sees it (content-stream order, so
/// table rows and label/value pairs stay on one line), or `None` when
/// pdftotext is not installed (which fails the test under CI=true).
fn pdf_text(bytes: &[u8]) -> Option<String> {
    let mut file = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    file.write_all(bytes).unwrap();
    file.flush().unwrap();
    match Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(file.path())
        .arg("-")
        .output()
    {
        Ok(out) => {
            assert!(out.status.success(), "pdftotext failed: {out:?}");
            Some(String::from_utf8(out.stdout).unwrap())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "pdftotext (poppler-utils) is required under CI"
            );
            eprintln!("pdftotext not installed; skipping the text checks");
            None
        }
        Err(e) => panic!("pdftotext: {e}"),
    }
}

/// Text without whitespace and soft hyphens, so line breaks don't matter.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{ad}')
        .collect()
}

fn assert_contains(haystack: &str, needle: &str) {
    assert!(
        squash(haystack).contains(&squash(needle)),
        "{needle:?} not found in:\n{haystack}"
    );
}

#[test]
fn renders_pdf_in_both_profiles() {
    for doc in [forbundsordning(), tjansteutlatande()] {
        for profile in [PdfProfile::ArchiveA2b, PdfProfile::AccessibleUa1] {
            let pdf = render(&doc, profile).unwrap();
            assert!(pdf.starts_with(b"%PDF-"), "{:?} {profile:?}", doc.kind);
        }
    }
}

#[test]
fn output_is_byte_identical() {
    for profile in [PdfProfile::ArchiveA2b, PdfProfile::AccessibleUa1] {
        let first = render(&forbundsordning(), profile).unwrap();
        let second = render(&forbundsordning(), profile).unwrap();
        assert!(first == second, "{profile:?} differs between renders");
    }
}

#[test]
fn profiles_differ() {
    let a = render(&forbundsordning(), PdfProfile::ArchiveA2b).unwrap();
    let ua = render(&forbundsordning(), PdfProfile::AccessibleUa1).unwrap();
    assert!(String::from_utf8_lossy(&a).contains("pdfaid:part"));
    assert!(String::from_utf8_lossy(&ua).contains("pdfuaid:part"));
}

#[test]
fn forbundsordning_text() {
    let pdf = render(&forbundsordning(), PdfProfile::ArchiveA2b).unwrap();
    let Some(text) = pdf_text(&pdf) else { return };
    for needle in [
        "1 § Förbundets namn",
        "2 § Medlemmar",
        "3 § Medlemsinsatser",
        "åäöÅÄÖ",
        "Förbundsordning för Samordningsförbundet Östra Åby",
        "Sida 1 av",
        "1. Försäkringskassan",
        "2. Arbetsförmedlingen",
        "Region Östergötland 25 500 000",
        "Åsa Öberg",
        "Regionstyrelsens ordförande",
    ] {
        if needle == "åäöÅÄÖ" {
            for c in needle.chars() {
                assert!(text.contains(c), "{c} missing in:\n{text}");
            }
        } else {
            assert_contains(&text, needle);
        }
    }
    assert!(!text.contains("Dnr"), "no case number, no Dnr:\n{text}");
}

#[test]
fn tjansteutlatande_text() {
    let pdf = render(&tjansteutlatande(), PdfProfile::AccessibleUa1).unwrap();
    let Some(text) = pdf_text(&pdf) else { return };
    for needle in [
        "Dnr KS 2025/0042",
        "TJÄNSTEUTLÅTANDE",
        "Handläggare: Örjan Ärlig",
        "Bildande av Samordningsförbundet Östra Åby",
        "Förslag till beslut",
        "Ekonomi",
        "Sida 1 av 1",
    ] {
        assert_contains(&text, needle);
    }
}

#[test]
fn user_text_is_never_markup() {
    let mut doc = forbundsordning();
    doc.metadata.title = INJECTION.into();
    doc.title = INJECTION.into();
    doc.sections[0].heading = INJECTION.into();
    doc.sections[1].blocks.push(para(INJECTION));
    doc.metadata.case_number = Some(INJECTION.into());
    for profile in [PdfProfile::ArchiveA2b, PdfProfile::AccessibleUa1] {
        let pdf = render(&doc, profile).unwrap();
        let Some(text) = pdf_text(&pdf) else { return };
        let occurrences = squash(&text).matches(&squash(INJECTION)).count();
        // Running header (title and Dnr), title, heading, paragraph.
        assert!(occurrences >= 4, "{occurrences} literal copies in:\n{text}");
        assert_contains(&text, &format!("1 § {INJECTION}"));
        assert!(!text.contains("root:"), "file contents leaked:\n{text}");
    }
}

#[test]
fn display_heading_matches_rust() {
    let mut doc = forbundsordning();
    doc.sections[1].heading = String::new();
    doc.sections[2].number = None;
    let pdf = render(&doc, PdfProfile::ArchiveA2b).unwrap();
    let Some(text) = pdf_text(&pdf) else { return };
    for s in &doc.sections {
        let heading = s.display_heading();
        assert!(
            text.lines().any(|l| l.trim() == heading),
            "{heading:?} not a line of:\n{text}"
        );
    }
}

#[test]
fn empty_title_fails_ua_with_clean_message() {
    let mut doc = tjansteutlatande();
    doc.metadata.title = String::new();
    doc.title = String::new();
    assert!(render(&doc, PdfProfile::ArchiveA2b).is_ok());
    let err = render(&doc, PdfProfile::AccessibleUa1).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("PDF/UA-1"), "{message}");
    assert!(message.contains("title"), "{message}");
    assert!(!message.contains("--root"), "{message}");
}

/// Compile another main file in the same sandbox.
fn compile_main(main: &str) -> Result<PagedDocument, RenderError> {
    let today = Datetime::from_ymd(2025, 1, 31).unwrap();
    let world = SandboxWorld::with_main(main, b"{}".to_vec(), today).unwrap();
    compile(&world)
}

#[test]
fn sandbox_denies_files_and_packages() {
    for (main, expected) in [
        (r#"#read("/etc/passwd")"#, "not found"),
        (r#"#read("../../../etc/passwd")"#, "escape"),
        (r#"#read("/data.json/../../etc/passwd")"#, "escape"),
        (r#"#image("/logo.png")"#, "not found"),
        (
            r#"#import "@preview/cetz:0.4.2": *"#,
            "packages are disabled",
        ),
    ] {
        let message = compile_main(main).unwrap_err().to_string();
        eprintln!("{main} → {message}");
        assert!(message.contains(expected), "{main}: {message}");
        assert!(message.contains("style.typ:1:"), "{main}: {message}");
        assert!(!message.contains("--root"), "{main}: {message}");
    }
}

#[test]
fn sandbox_serves_data_and_a_fixed_date() {
    compile_main(
        r#"#assert.eq(json("/data.json"), (:))
#assert.eq(datetime.today(), datetime(year: 2025, month: 1, day: 31))"#,
    )
    .unwrap();
}

#[test]
fn only_embedded_fonts() {
    use typst::World;
    use typst::foundations::Bytes;
    use typst::text::Font;
    let world = SandboxWorld::new(Vec::new(), Datetime::from_ymd(2025, 1, 31).unwrap()).unwrap();
    let embedded: usize = typst_assets::fonts()
        .map(|data| Font::iter(Bytes::new(data)).count())
        .sum();
    assert!(embedded > 0);
    assert!(world.font(embedded - 1).is_some());
    assert!(world.font(embedded).is_none(), "more fonts than embedded");
    let families: Vec<&str> = world.book().families().map(|(name, _)| name).collect();
    assert!(families.contains(&"Libertinus Serif"), "{families:?}");
}

#[test]
fn odd_but_valid_documents_render() {
    let mut doc = tjansteutlatande();
    doc.header.push(HeaderField {
        label: String::new(),
        value: String::new(),
    });
    doc.preamble = vec![
        Block::Paragraph { text: vec![] },
        Block::List {
            ordered: true,
            items: vec![vec![], vec![Inline::plain("")]],
        },
        Block::List {
            ordered: false,
            items: vec![],
        },
        Block::Table {
            header: vec![],
            rows: vec![],
            numeric: vec![],
        },
        Block::Table {
            header: vec!["A".into()],
            rows: vec![
                vec![],
                vec![
                    crate::document::plain_cell("1"),
                    crate::document::plain_cell("2"),
                    crate::document::plain_cell("3"),
                ],
            ],
            numeric: vec![true, true, true, true, true],
        },
    ];
    doc.sections = vec![
        Section {
            number: None,
            heading: "Börjar på nivå 2".into(),
            level: 2,
            blocks: vec![],
        },
        Section {
            number: Some(0),
            heading: String::new(),
            level: 0,
            blocks: vec![],
        },
        Section {
            number: Some(u32::MAX),
            heading: "Nivå 200".into(),
            level: 200,
            blocks: vec![para(&"Långt ord ".repeat(200))],
        },
    ];
    doc.signatures = vec![
        Signature {
            party: String::new(),
            name: String::new(),
            title: String::new(),
        };
        5
    ];
    for profile in [PdfProfile::ArchiveA2b, PdfProfile::AccessibleUa1] {
        let pdf = render(&doc, profile).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }
    doc.sections.clear();
    doc.signatures.clear();
    doc.header.clear();
    doc.preamble.clear();
    for profile in [PdfProfile::ArchiveA2b, PdfProfile::AccessibleUa1] {
        let pdf = render(&doc, profile).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }
}

/// Where forbund says a table's rows stay on one line, Typst agrees: the
/// table measured with auto rows is at most as high as the fixed rows
/// forbund gives it (a wrapped cell would add a whole line), at most a
/// tenth of a point lower per row, and no wider than the text; with the
/// column widths forbund gives it no cell wraps either, and the table is
/// at least as wide as Typst's auto columns and at most 3 % wider.
#[test]
fn tables_given_fixed_rows_and_columns_lay_out_as_typst_would() {
    let Some(fonts) = super::world::TABLE_FONTS.as_ref() else {
        panic!("Libertinus Serif is embedded");
    };
    let kommuner: Vec<String> = (1..=41).map(|i| format!("Exempel{i} kommun")).collect();
    let cases: Vec<(Vec<&str>, Vec<Vec<String>>)> = vec![
        (
            vec!["År", "Förbundets budget", "Andel för Exempel1 kommun"],
            vec![vec![
                "2027".into(),
                "40 000 000 kronor".into(),
                "250 000 kronor".into(),
            ]],
        ),
        (
            vec![
                "Kommun",
                "Andel av kommunernas fjärdedel",
                "2027 (kronor)",
                "2028 (kronor)",
            ],
            kommuner
                .iter()
                .map(|k| {
                    vec![
                        k.clone(),
                        "2,50 %".into(),
                        "250\u{a0}000".into(),
                        "262\u{a0}500".into(),
                    ]
                })
                .collect(),
        ),
        (
            vec![
                "Kommun",
                "Invånare 16–64 år",
                "Andel",
                "Belopp",
                "Belopp",
                "Belopp",
            ],
            vec![vec![
                "Upplands Väsby kommun".into(),
                "31\u{a0}245".into(),
                "12,345 %".into(),
                "1\u{a0}234\u{a0}567".into(),
                "1\u{a0}234\u{a0}567".into(),
                "1\u{a0}234\u{a0}567".into(),
            ]],
        ),
    ];
    let mut fitted = 0;
    for (header, rows) in cases {
        let table = Block::Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| vec![Inline::plain(c.as_str())]).collect())
                .collect(),
            numeric: vec![],
        };
        let Some(layout) = fonts.layout(&table) else {
            continue;
        };
        let Some(height) = layout.row_height else {
            continue;
        };
        fitted += 1;
        let quote = |s: &str| format!("\"{s}\"");
        let head: Vec<String> = header
            .iter()
            .map(|h| format!("strong({})", quote(h)))
            .collect();
        let cells: Vec<String> = rows.iter().flatten().map(|c| quote(c)).collect();
        let expected = height * (rows.len() + 1) as f64;
        let main = format!(
            "#set page(paper: \"a4\", height: auto, margin: (x: 25mm, y: 10mm))\n\
             #set text(font: \"Libertinus Serif\", size: 11pt, lang: \"sv\", hyphenate: false)\n\
             #set table(stroke: 0.4pt, inset: (x: 5pt, y: 4pt))\n\
             #layout(size => {{\n\
               let t = table(columns: {n}, table.header({head}), {cells})\n\
               let m = measure(t, width: size.width)\n\
               assert(m.width <= size.width, message: \"too wide: \" + repr(m.width))\n\
               let f = table(columns: ({widths},), rows: {height}pt, table.header({head}), {cells})\n\
               let mf = measure(f, width: size.width)\n\
               assert(mf.height.pt() <= {expected} + 0.01, message: \"given widths wrap: \" + repr(mf.height))\n\
               assert(mf.width >= m.width, message: \"given widths narrower than auto: \" + repr(mf.width))\n\
               assert(mf.width <= m.width * 1.03 + 1pt, message: \"given widths too wide: \" + repr(mf.width) + \" > \" + repr(m.width))\n\
               assert(m.height.pt() <= {expected} + 0.01, message: \"rows wrap: \" + repr(m.height))\n\
               assert(m.height.pt() >= {expected} - {slack}, message: \"rows lower than given: \" + repr(m.height))\n\
             }})\n",
            n = header.len(),
            widths = layout
                .column_widths
                .iter()
                .map(|w| format!("{w}pt"))
                .collect::<Vec<_>>()
                .join(", "),
            head = head.join(", "),
            cells = cells.join(", "),
            slack = 0.1 * (rows.len() + 1) as f64,
        );
        if let Err(e) = compile_main(&main) {
            panic!("{header:?}: {e}");
        }
    }
    assert_eq!(fitted, 3, "every case here fits on one line");
}

#[test]
fn accepted_deviations_are_keywords_that_read_back() {
    let mut doc = forbundsordning();
    doc.acceptances = vec![
        crate::document::Acceptance::new("FINSAM-12-MANDATTID", "antagen 2006, då gällde annat"),
        crate::document::Acceptance::new("SPRAK-SKALL", "texten är antagen så"),
    ];
    for profile in [PdfProfile::ArchiveA2b, PdfProfile::AccessibleUa1] {
        let pdf = render(&doc, profile).unwrap();
        let parsed = crate::parse::parse("forbundsordning.pdf", &pdf).unwrap();
        assert_eq!(parsed.document.acceptances, doc.acceptances);
        // Nothing of it is printed.
        if let Some(text) = pdf_text(&pdf) {
            assert!(!text.contains("godta"), "{text}");
        }
    }
    let plain = render(&forbundsordning(), PdfProfile::ArchiveA2b).unwrap();
    let parsed = crate::parse::parse("forbundsordning.pdf", &plain).unwrap();
    assert!(parsed.document.acceptances.is_empty());
}

#[test]
fn a_letterhead_reads_back_to_its_fields() {
    let field = |label: &str, value: &str| HeaderField {
        label: label.into(),
        value: value.into(),
    };
    let mut doc = tjansteutlatande();
    doc.header = vec![
        field("Myndighet", "Östra Åby kommun"),
        field("Förvaltning", "Kommunledningskontoret"),
        field("Datum", "2025-09-07"),
        field("Diarienummer", "KS 2025/0042"),
        field("Handläggare", "Örjan Ärlig"),
        field("Till", "Kommunstyrelsen"),
        field("Sammanträde", "2025-10-03, punkt 10"),
    ];
    for profile in [PdfProfile::ArchiveA2b, PdfProfile::AccessibleUa1] {
        let pdf = render(&doc, profile).unwrap();
        let parsed = crate::parse::parse("tjansteutlatande.pdf", &pdf).unwrap();
        assert_eq!(parsed.document.header, doc.header);
        assert_eq!(parsed.document.title, doc.title);
        assert!(parsed.document.preamble.is_empty(), "{:?}", parsed.document);
    }
    // Without a date and a recipient, the dnr stays the dnr.
    let pdf = render(&tjansteutlatande(), PdfProfile::ArchiveA2b).unwrap();
    let parsed = crate::parse::parse("tjansteutlatande.pdf", &pdf).unwrap();
    assert_eq!(parsed.document.header, tjansteutlatande().header);
}

/// A table too wide for one-line cells gets column widths in which, as
/// Typst measures them, every word of every cell fits its column and
/// every body cell stays on one line (the headings wrap at their spaces),
/// within the text width: the three-kommun division table whose heading
/// "kommunernas" ran into its neighbour under Typst's own sharing.
#[test]
fn wrapped_tables_keep_words_and_body_lines_inside_their_columns() {
    let Some(fonts) = super::world::TABLE_FONTS.as_ref() else {
        panic!("Libertinus Serif is embedded");
    };
    let header = [
        "Kommun",
        "Invånare 16–64 år 2025-12-31",
        "Andel av kommunernas fjärdedel",
        "2027 (kronor)",
        "2028 (kronor)",
        "2029 (kronor)",
    ];
    let rows = [
        [
            "Tierps kommun",
            "11\u{a0}874",
            "40,15 %",
            "602\u{a0}252",
            "722\u{a0}702",
            "722\u{a0}702",
        ],
        [
            "Östhammars kommun",
            "12\u{a0}311",
            "41,63 %",
            "624\u{a0}417",
            "749\u{a0}300",
            "749\u{a0}300",
        ],
        [
            "Summa",
            "29\u{a0}574",
            "100,00 %",
            "1\u{a0}500\u{a0}000",
            "1\u{a0}800\u{a0}000",
            "1\u{a0}800\u{a0}000",
        ],
    ];
    let table = Block::Table {
        header: header.iter().map(|h| h.to_string()).collect(),
        rows: rows
            .iter()
            .map(|r| r.iter().map(|c| vec![Inline::plain(*c)]).collect())
            .collect(),
        numeric: vec![false, true, true, true, true, true],
    };
    let layout = fonts
        .layout(&table)
        .expect("the longest words fit beside each other");
    assert_eq!(layout.row_height, None, "this table wraps");
    let widths = layout.column_widths;
    assert_eq!(widths.len(), header.len());
    let quote = |s: &str| format!("\"{s}\"");
    let mut checks = String::new();
    for (i, width) in widths.iter().enumerate() {
        let inner = width - 10.0;
        for word in header[i].split(' ') {
            checks.push_str(&format!(
                "assert(measure(strong({w})).width.pt() <= {inner}, message: {m})\n",
                w = quote(word),
                m = quote(&format!("heading word {word} wider than column {i}"))
            ));
        }
        for row in &rows {
            checks.push_str(&format!(
                "assert(measure({c}).width.pt() <= {inner}, message: {m})\n",
                c = quote(row[i]),
                m = quote(&format!("body cell {} wraps in column {i}", row[i]))
            ));
        }
    }
    let main = format!(
        "#set page(paper: \"a4\", margin: (x: 25mm, y: 10mm))\n\
         #set text(font: \"Libertinus Serif\", size: 11pt, lang: \"sv\", hyphenate: false)\n\
         #context {{\n{checks}}}\n\
         #layout(size => assert({total} <= size.width.pt(), message: \"wider than the text\"))\n",
        total = widths.iter().sum::<f64>(),
    );
    if let Err(e) = compile_main(&main) {
        panic!("{widths:?}: {e}");
    }
}
