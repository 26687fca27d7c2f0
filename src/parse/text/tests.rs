//! Tests of the text reader.

use super::*;
use crate::document::Inline;

fn texts(blocks: &[Raw]) -> Vec<String> {
    blocks
        .iter()
        .map(|b| match b {
            Raw::Heading { text, .. } => format!("H:{text}"),
            Raw::Paragraph { text, hint } => {
                format!(
                    "{}{}",
                    if *hint { "h:" } else { "" },
                    crate::parse::raw::raw_text(text)
                )
            }
            Raw::List { ordered, items } => format!(
                "{}[{}]",
                if *ordered { "ol" } else { "ul" },
                items
                    .iter()
                    .map(|i| crate::parse::raw::raw_text(i))
                    .collect::<Vec<_>>()
                    .join("|")
            ),
            Raw::Table { .. } | Raw::Signature(_) => "other".to_string(),
        })
        .collect()
}

#[test]
fn broken_lines_join_and_hyphens_are_undone() {
    let read = read(
        "Insatserna skall avse individer i behov av samordnade rehabiliterings-\ninsatser och hälso-\noch sjukvård.\nNästa mening börjar ett nytt stycke.\n",
    );
    assert_eq!(
        texts(&read.blocks),
        vec![
            "Insatserna skall avse individer i behov av samordnade rehabiliteringsinsatser och hälso- och sjukvård.",
            "Nästa mening börjar ett nytt stycke.",
        ]
    );
}

#[test]
fn bare_marks_take_the_next_line_as_heading() {
    let read = read("1§\n\nFörbundets namn\n\nFörbundets namn är X.\n2 §\nSäte\nSätet är i Y.");
    assert_eq!(
        texts(&read.blocks),
        vec![
            "h:1§",
            "h:Förbundets namn",
            "Förbundets namn är X.",
            "h:2 §",
            "h:Säte",
            "Sätet är i Y."
        ]
    );
}

#[test]
fn lists_of_every_marker() {
    let read = read(
        "Förbundet har till uppgift att:\n1. besluta om mål\n 2) stödja samverkan\nmellan parterna\n- en punkt\n• en annan\na) bokstav\n",
    );
    assert_eq!(
        texts(&read.blocks),
        vec![
            "Förbundet har till uppgift att:",
            "ol[besluta om mål|stödja samverkan mellan parterna]",
            "ul[en punkt|en annan]",
            "ol[bokstav]",
        ]
    );
    assert_eq!(list_marker("1.2 Bakgrund"), None);
    assert_eq!(list_marker("2016. Budget"), None);
    assert_eq!(list_marker("**fet**"), None);
    assert_eq!(list_marker("(3) tre"), Some((true, "tre")));
}

#[test]
fn page_breaks_join_a_sentence_and_headers_vanish() {
    let read = read(
        "LS 0603-0601\n\nTitel\n\nHuvudmännen har\n\nLS 0603-0601\n\nSida 2 av 3\n\ngett i uppdrag.\n\nLS 0603-0601\n\nSlut på texten.",
    );
    assert_eq!(read.case_number.as_deref(), Some("LS 0603-0601"));
    assert_eq!(read.dropped, 4);
    assert_eq!(
        texts(&read.blocks),
        vec![
            "h:Titel",
            "Huvudmännen har gett i uppdrag.",
            "Slut på texten."
        ]
    );
}

#[test]
fn loose_headings_and_titles_in_capitals() {
    let read = read(
        "FÖRBUNDSORDNING FÖR SAMORDNINGSFÖRBUNDET\nHANINGE\n\nBakgrund\nStockholms stad fick en förfrågan.\n",
    );
    assert_eq!(
        texts(&read.blocks),
        vec![
            "h:FÖRBUNDSORDNING FÖR SAMORDNINGSFÖRBUNDET HANINGE",
            "h:Bakgrund",
            "Stockholms stad fick en förfrågan.",
        ]
    );
    let _ = Inline::plain("");
}

#[test]
fn references_inside_wrapped_sentences_stay_text() {
    let read = read(
        "Revisorer utses i enlighet med\n25 § FinsamL.\nDetta tydliggörs i\n10 § FinsamL där det står att styrelsen har möjlighet att\ndelegera.",
    );
    assert_eq!(
        texts(&read.blocks),
        vec![
            "Revisorer utses i enlighet med 25 § FinsamL.",
            "Detta tydliggörs i 10 § FinsamL där det står att styrelsen har möjlighet att delegera.",
        ]
    );
}
