//! Every heading form, in Markdown and in plain text, and OCR-style text
//! with broken lines, hyphenation and repeated page headers.

use forbund::document::{Block, DocumentKind};

use super::{block_texts, headings, parse_file};

#[test]
fn every_heading_form_in_markdown() {
    let parsed = parse_file("tests/fixtures/parse/headings.md");
    let doc = &parsed.document;
    assert_eq!(
        doc.title,
        "Förbundsordning för Samordningsförbundet Formerna"
    );
    assert_eq!(
        headings(doc),
        vec![
            "1 § Förbundets namn",
            "2 § Förbundets säte",
            "3 § Förbundets medlemmar",
            "4 § Ändamål",
            "5 § Styrelsen",
            "6 § UPPGIFTER",
            "7 § PERSONAL",
            "8 § Initiativrätt",
            "9 § Samråd",
        ]
    );
    let section = |n: usize| block_texts(&doc.sections[n].blocks);
    assert_eq!(
        section(1),
        vec!["Förbundets säte är Formby, enligt 11 § i denna förbundsordning."]
    );
    assert_eq!(
        section(2),
        vec!["Förbundets medlemmar är Formby kommun och Region Formland."]
    );
    assert_eq!(section(5)[1], "1. besluta om mål\n1. stödja samverkan");
    assert_eq!(section(7), vec!["Medlemmarna har initiativrätt."]);
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn every_heading_form_in_plain_text() {
    let parsed = parse_file("tests/fixtures/parse/headings.txt");
    let doc = &parsed.document;
    assert_eq!(doc.kind, DocumentKind::Forbundsordning);
    assert_eq!(
        doc.title,
        "FÖRBUNDSORDNING FÖR SAMORDNINGSFÖRBUNDET FORMERNA"
    );
    assert_eq!(
        block_texts(&doc.preamble),
        vec![
            "Samordningsförbundet Formerna har inrättats med stöd av lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser."
        ]
    );
    assert_eq!(
        headings(doc),
        vec![
            "1 § Förbundets namn",
            "2 § Förbundets säte",
            "3 § Förbundets medlemmar",
            "4 § Ändamål",
            "5 § Styrelsen",
            "6 § UPPGIFTER",
            "7 § PERSONAL",
        ]
    );
    let section = |n: usize| block_texts(&doc.sections[n].blocks);
    assert_eq!(
        section(1),
        vec!["Förbundets säte är Formby, se 11 § i denna förbundsordning."]
    );
    assert_eq!(section(3), vec!["Ändamålet framgår av 28 § FinsamL."]);
    assert_eq!(section(4), vec!["Styrelsen består av fyra ledamöter."]);
    assert_eq!(
        section(5),
        vec![
            "Förbundet har till uppgift att:",
            "1. besluta om mål\n1. stödja samverkan"
        ]
    );
}

#[test]
fn ocr_text_is_joined_dehyphenated_and_stripped_of_page_furniture() {
    let parsed = parse_file("tests/fixtures/parse/ocr.txt");
    let doc = &parsed.document;
    assert_eq!(doc.title, "FÖRBUNDSORDNING FÖR SAMORDNINGSFÖRBUNDET OCRBY");
    assert_eq!(doc.metadata.case_number.as_deref(), Some("LS 0603-0601"));
    assert_eq!(
        headings(doc),
        vec![
            "1 § Förbundets namn",
            "2 § Förbundets säte",
            "3 § Förbundets medlemmar",
            "4 § Förbundets ändamål",
            "5 § Styrelsen",
            "6 § Utträde",
        ]
    );
    let all = doc.all_text();
    for furniture in ["LS 0603", "Sida"] {
        assert!(!all.contains(furniture), "{furniture} left in:\n{all}");
    }
    assert!(parsed.warnings.iter().any(|w| w.contains("sidhuvud")));
    assert_eq!(
        block_texts(&doc.preamble),
        vec![
            "Samordningsförbundet Ocrby (nedan kallat Förbundet) har inrättats med stöd av lag (2003:1210) om finansiell samordning av rehabiliteringsinsatser."
        ]
    );
    assert_eq!(
        block_texts(&doc.sections[2].blocks),
        vec![
            "Förbundets medlemmar är Försäkringskassan, Arbetsförmedlingen, Region Ocrland och Ocrby kommun."
        ]
    );
    assert_eq!(
        block_texts(&doc.sections[3].blocks),
        vec![
            "Insatserna inom den finansiella samordningen skall avse individer som är i behov av samordnade rehabiliteringsinsatser och skall syfta till att dessa uppnår eller förbättrar sin förmåga att utföra förvärvsarbete. Hälso- och sjukvården deltar enligt 5 § FinsamL."
        ]
    );
    let styrelsen = &doc.sections[4].blocks;
    assert_eq!(
        block_texts(styrelsen),
        vec![
            "Styrelsen skall bestå av 4 ledamöter med 4 ersättare. Varje medlem väljer en ledamot och en ersättare för denne. Styrelsen har till uppgift att:",
            "1. besluta om mål och riktlinjer,\n1. stödja samverkan mellan samverkansparterna,\n1. svara för uppföljning.",
        ]
    );
    assert!(matches!(styrelsen[1], Block::List { ordered: true, .. }));
}

#[test]
fn the_raw_seed_with_haninge_and_husam_reads_as_one_document() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seeds/004_87accaae6ab85197.txt"
    );
    let Ok(bytes) = std::fs::read(path) else {
        return; // the seeds live beside the repository, not in it
    };
    let doc = forbund::parse::parse(path, &bytes).unwrap().document;
    let numbers: Vec<u32> = doc.sections.iter().filter_map(|s| s.number).collect();
    let haninge: Vec<u32> = (1..=19).collect();
    assert!(
        numbers.windows(19).any(|w| w == haninge.as_slice()),
        "{numbers:?}"
    );
    assert!(doc.all_text().contains("19 § Förbundets bildande"));
    assert!(!doc.all_text().contains("LS 0605-0982"));
}
