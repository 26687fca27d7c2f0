//! The three reference förbundsordningar: § counts, headings, snapshots of
//! their normalised Markdown, and the Markdown round trip.

use forbund::document::DocumentKind;
use forbund::parse::parse;
use forbund::render::markdown;

use super::{as_markdown_reads, headings, parse_file, shape};

const REFERENCES: [(&str, usize); 3] = [
    ("samples/reference/stockholm-forbundsordning.md", 20),
    ("samples/reference/haninge-forbundsordning.md", 19),
    ("samples/reference/husam-forbundsordning.md", 19),
];

#[test]
fn every_reference_has_its_paragraphs_in_order() {
    for (path, count) in REFERENCES {
        let parsed = parse_file(path);
        let doc = &parsed.document;
        assert_eq!(doc.kind, DocumentKind::Forbundsordning, "{path}");
        assert_eq!(doc.sections.len(), count, "{path}: {:?}", headings(doc));
        let numbers: Vec<u32> = doc.sections.iter().filter_map(|s| s.number).collect();
        assert_eq!(numbers, (1..=count as u32).collect::<Vec<_>>(), "{path}");
        assert!(parsed.warnings.is_empty(), "{path}: {:?}", parsed.warnings);
        assert_eq!(doc.preamble.len(), 1, "{path}: the sentence naming FinsamL");
    }
}

#[test]
fn headings_and_titles_are_kept_as_written() {
    let stockholm = parse_file(REFERENCES[0].0).document;
    assert_eq!(
        stockholm.title,
        "FÖRBUNDSORDNING för samordningsförbundet Stockholms stad"
    );
    assert_eq!(stockholm.sections[9].display_heading(), "10 § KUNGÖRELSER");
    assert_eq!(stockholm.sections[16].heading, "TVISTER OCH ÖVERKLAGAN");
    let haninge = parse_file(REFERENCES[1].0).document;
    assert_eq!(
        haninge.title,
        "FÖRBUNDSORDNING FÖR SAMORDNINGSFÖRBUNDET HANINGE"
    );
    assert_eq!(haninge.sections[0].display_heading(), "1 § Förbundets namn");
    assert_eq!(
        haninge.sections[16].heading,
        "Ersättning till ledamöter, ersättare, revisorer och revisorsersättare"
    );
    let husam = parse_file(REFERENCES[2].0).document;
    assert_eq!(
        husam.title,
        "Förbundsordning för Samordningsförbundet HUSAM"
    );
    assert_eq!(
        husam.sections[12].display_heading(),
        "13 § Mandattid för revisorer"
    );
    assert_eq!(husam.sections[18].heading, "Förbundets bildande");
}

#[test]
fn references_in_running_text_start_no_section() {
    let stockholm = parse_file(REFERENCES[0].0).document;
    let text = stockholm.all_text();
    assert!(text.contains("regleras enligt 11 § i denna förbundsordning"));
    assert!(text.contains("i enlighet med 28 § i lag (2003:1210)"));
}

#[test]
fn normalised_markdown_of_each_reference() {
    for (path, _) in REFERENCES {
        let doc = parse_file(path).document;
        let name = path.rsplit('/').next().unwrap().trim_end_matches(".md");
        insta::assert_snapshot!(name, markdown::render(&doc));
    }
}

#[test]
fn markdown_round_trip_gives_the_same_document() {
    for (path, _) in REFERENCES {
        let first = parse_file(path).document;
        let rendered = markdown::render(&first);
        let second = parse(path, rendered.as_bytes()).unwrap().document;
        assert_eq!(shape(&first), shape(&second), "{path}");
        assert_eq!(
            markdown::render(&second),
            rendered,
            "{path}: rendering is stable"
        );
    }
}

#[test]
fn other_reference_documents_read_by_their_headings() {
    for (path, kind, first) in [
        (
            "samples/reference/haninge-avsiktsforklaring.md",
            DocumentKind::Avsiktsforklaring,
            "Förslag till beslut:",
        ),
        (
            "samples/reference/stockholm-avsiktsforklaring.md",
            DocumentKind::Avsiktsforklaring,
            "Bakgrund",
        ),
        (
            "samples/reference/stockholm-tjansteutlatande.md",
            DocumentKind::Tjansteutlatande,
            "Ärendebeskrivning",
        ),
    ] {
        let parsed = parse_file(path);
        assert_eq!(parsed.document.kind, kind, "{path}");
        assert_eq!(parsed.document.sections[0].heading, first, "{path}");
        assert!(parsed.document.sections.iter().all(|s| s.number.is_none()));
        assert!(
            !parsed
                .warnings
                .iter()
                .any(|w| w.contains("inga paragrafer (§)")),
            "{path}: {:?}",
            parsed.warnings
        );
    }
}

#[test]
fn generated_documents_read_back_from_markdown() {
    let path = "samples/stockholm.json";
    let forbund = forbund::spec::load(path, &super::read(path)).unwrap();
    let templates = forbund::compose::Templates::builtin();
    let documents =
        forbund::compose::compose(&forbund, &templates, forbund::compose::Selection::All, None)
            .unwrap();
    for composed in documents {
        let original = composed.document;
        let rendered = markdown::render(&original);
        let name = format!("{}.md", composed.file_stem);
        let back = parse(&name, rendered.as_bytes()).unwrap().document;
        assert_eq!(back.kind, original.kind, "{name}");
        assert_eq!(
            shape(&as_markdown_reads(back.clone())),
            shape(&as_markdown_reads(original.clone())),
            "{name}"
        );
        assert_eq!(back.header, original.header, "{name}");
        assert_eq!(back.signatures, original.signatures, "{name}");
    }
}
