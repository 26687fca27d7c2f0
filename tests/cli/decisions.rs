//! Decision documents a nämnd can adopt as they stand: the att-satser with
//! the financing, the share table of a förbund with several kommuner, the
//! bilagor every tjänsteutlåtande lists, the organisation proposal with its
//! chart, placeholders for what only the parties can write, and the
//! typography of the Word and PDF files.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::generate::{docx_text, docx_xml, pdf_text};
use super::{generate, root, transcript};

/// All samples, for the checks that hold for every one.
const SAMPLES: [&str; 5] = [
    "stockholm",
    "haninge",
    "haninge-antagen",
    "husam",
    "norra-uppland",
];

fn sample(name: &str) -> PathBuf {
    root().join(format!("samples/{name}.json"))
}

/// The Markdown of every document of a sample, by file stem.
fn markdown(name: &str) -> BTreeMap<String, String> {
    let out = tempfile::tempdir().unwrap();
    let output = generate(&sample(name), out.path(), &["--format", "md"]);
    assert!(output.status.success(), "{}", transcript(&output));
    std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_stem().unwrap().to_str().unwrap().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

/// The lines of the Markdown table whose header row starts with `first`.
fn table_rows(md: &str, first: &str) -> Vec<Vec<String>> {
    let lines: Vec<&str> = md.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with(&format!("| {first} |")))
        .unwrap_or_else(|| panic!("no table starting with «{first}» in\n{md}"));
    lines[start + 2..]
        .iter()
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

fn number(cell: &str) -> u64 {
    cell.replace(' ', "")
        .parse()
        .unwrap_or_else(|_| panic!("«{cell}»"))
}

/// "40,15 %" in hundredths of a percent.
fn hundredths(cell: &str) -> u64 {
    number(&cell.trim_end_matches('%').replace(',', ""))
}

#[test]
fn the_share_table_adds_up_exactly_and_agrees_with_its_percentages() {
    let documents = markdown("norra-uppland");
    let tierp = &documents["tjansteutlatande-tierps-kommun"];
    let rows = table_rows(tierp, "Kommun");
    let (members, sum) = rows.split_at(rows.len() - 1);
    assert_eq!(members.len(), 3);
    assert_eq!(sum[0][0], "Summa");
    // Inhabitants, share, then one column per budget year.
    let population: u64 = members.iter().map(|r| number(&r[1])).sum();
    assert_eq!(population, number(&sum[0][1]));
    assert_eq!(
        members.iter().map(|r| hundredths(&r[2])).sum::<u64>(),
        10_000
    );
    for year in 3..sum[0].len() {
        let part = number(&sum[0][year]);
        let amounts: Vec<u64> = members.iter().map(|r| number(&r[year])).collect();
        assert_eq!(amounts.iter().sum::<u64>(), part, "year column {year}");
        for (row, amount) in members.iter().zip(&amounts) {
            // The amount follows from the population, the percentage is
            // the same share rounded: they agree to a hundredth of a percent.
            let exact = part as f64 * number(&row[1]) as f64 / population as f64;
            assert!((exact - *amount as f64).abs() <= 1.0, "{row:?}");
            let shown = part as f64 * hundredths(&row[2]) as f64 / 10_000.0;
            assert!(
                (shown - *amount as f64).abs() <= part as f64 / 10_000.0 + 1.0,
                "{row:?}: {shown} vs {amount}"
            );
        }
    }
    // Every kommun's TU shows the same table, and the amount it proposes
    // to pay is its own row.
    for (stem, name) in [
        ("tjansteutlatande-alvkarleby-kommun", "Älvkarleby kommun"),
        ("tjansteutlatande-osthammars-kommun", "Östhammars kommun"),
    ] {
        assert_eq!(table_rows(&documents[stem], "Kommun"), rows, "{stem}");
        let own = rows.iter().find(|r| r[0] == name).unwrap();
        let first_year = number(&own[3]);
        let financing = format!(
            "bidrag till förbundet år 2027, {} kronor, finansieras",
            own[3]
        );
        assert!(documents[stem].contains(&financing), "{first_year}: {stem}");
    }
    // The region's quarter is not split: no share table in its TU.
    assert!(!documents["tjansteutlatande-region-uppsala"].contains("| Kommun |"));
}

#[test]
fn the_forbundsordning_states_the_population_basis_precisely() {
    let documents = markdown("norra-uppland");
    let fo = &documents["forbundsordning"];
    assert!(
        fo.contains(
            "fördelas den mellan dem efter antalet invånare i åldern 16–64 år enligt uppgifter från Statistiska centralbyrån (SCB) per den 31 december året före budgetåret. Fördelningen räknas om inför varje budgetår."
        ),
        "{fo}"
    );
}

#[test]
fn every_bilaga_a_tjanstutlatande_lists_exists_with_its_number() {
    for name in SAMPLES {
        let documents = markdown(name);
        // The number each document is marked with ("- Bilaga: 1") and its title.
        let marked: BTreeMap<String, String> = documents
            .values()
            .filter_map(|md| {
                let number = md.lines().find_map(|l| l.strip_prefix("- Bilaga: "))?;
                let title = md.lines().find_map(|l| l.strip_prefix("# "))?;
                Some((number.to_string(), title.to_string()))
            })
            .collect();
        let tus: Vec<&String> = documents
            .iter()
            .filter(|(stem, _)| stem.starts_with("tjansteutlatande-"))
            .map(|(_, md)| md)
            .collect();
        assert!(!tus.is_empty(), "{name}");
        for tu in tus {
            let listed: Vec<(&str, &str)> = tu
                .lines()
                .filter_map(|l| l.strip_prefix("- Bilaga "))
                .filter_map(|l| l.split_once(' '))
                .collect();
            assert!(listed.len() >= 2, "{name}: {tu}");
            for (number, what) in &listed {
                let title = marked
                    .get(*number)
                    .unwrap_or_else(|| panic!("{name}: bilaga {number} ({what}) is missing"));
                let what = what.trim_end_matches(" (förslag)");
                assert!(
                    title.ends_with(what.split(" för ").last().unwrap()),
                    "{name}: bilaga {number} is «{title}», listed as «{what}»"
                );
            }
            // Listed exactly when generated.
            assert_eq!(listed.len(), marked.len(), "{name}");
        }
        let has_organisation = documents.contains_key("organisation");
        assert_eq!(
            has_organisation,
            matches!(name, "stockholm" | "norra-uppland"),
            "{name}"
        );
    }
}

#[test]
fn every_tjansteutlatande_has_the_condition_and_financing_att_satser() {
    for name in SAMPLES {
        for (stem, md) in markdown(name) {
            if !stem.starts_with("tjansteutlatande-") {
                continue;
            }
            let decisions: Vec<&str> = md.lines().filter(|l| l.starts_with("att ")).collect();
            assert!(
                decisions.contains(
                    &"att beslutet gäller under förutsättning att övriga parter fattar motsvarande beslut"
                ),
                "{name}/{stem}"
            );
            assert!(
                decisions
                    .iter()
                    .any(|d| d.contains("bidrag till förbundet år") && d.contains("finansieras")),
                "{name}/{stem}: {decisions:#?}"
            );
            assert!(!md.contains("- att "), "att-satser are never bullets");
            assert!(!md.contains("Handling: Tjänsteutlåtande"));
        }
    }
}

#[test]
fn later_years_are_estimated_on_condition_of_coming_budgets() {
    let documents = markdown("stockholm");
    let stad = &documents["tjansteutlatande-stockholms-stad"];
    assert!(
        stad.contains("att Stockholms stads bidrag till förbundet år 2016, 2 000 000 kronor, finansieras genom medel som avsätts under kommunstyrelsen"),
        "{stad}"
    );
    assert!(
        stad.contains("att Stockholms stads bidrag beräknas år 2017 till 4 000 000 kronor, under förutsättning att medel avsätts i kommande års budget"),
        "{stad}"
    );
    // The nämnd decides for its own part, then proposes upward.
    let own = stad
        .find("Arbetsmarknadsnämnden och socialnämnden beslutar för egen del")
        .unwrap();
    let upward = stad
        .find("Arbetsmarknadsnämnden och socialnämnden föreslår kommunstyrelsen att föreslå kommunfullmäktige besluta")
        .unwrap();
    assert!(own < upward);
    // The landsting's TU: no "för egen del", and immediate justering.
    let landsting = &documents["tjansteutlatande-stockholms-lans-landsting"];
    assert!(!landsting.contains("för egen del"));
    assert!(landsting.contains("\natt justera beslutet omedelbart\n"));
    // Its own economic consequences stand under the one heading.
    assert_eq!(
        landsting.matches("Ekonomiska konsekvenser").count(),
        1,
        "{landsting}"
    );
    assert!(landsting.contains("| 2016 | 8 000 000 kronor | 2 000 000 kronor | 4 000 000 kronor (50 %) | 4 000 000 kronor (50 %) |"));
}

#[test]
fn what_only_the_parties_can_write_is_a_listed_placeholder() {
    let out = tempfile::tempdir().unwrap();
    let output = generate(&sample("haninge"), out.path(), &["--format", "md"]);
    assert!(output.status.success(), "{}", transcript(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Haninge kommun's case is not in the description.
    let tu =
        std::fs::read_to_string(out.path().join("tjansteutlatande-haninge-kommun.md")).unwrap();
    for placeholder in [
        "[Ange datum]",
        "[Ange diarienummer]",
        "[Ange handläggare]",
        "[Beskriv ärendets beredning]",
        "[Motivera förslaget utifrån de lokala behoven]",
        "[Ange vem som undertecknar]",
    ] {
        let escaped = placeholder.replace('[', "\\[").replace(']', "\\]");
        assert!(tu.contains(&escaped), "{placeholder} in\n{tu}");
        assert!(
            stderr.contains(&format!("tjansteutlatande-haninge-kommun: {placeholder}")),
            "{placeholder} on stderr:\n{stderr}"
        );
    }
    assert!(stderr.contains("varning: utkasten har"), "{stderr}");
    // The landsting's case is complete: nothing listed for it but what it
    // lacks (handläggare, the financing).
    assert!(!stderr.contains("tjansteutlatande-stockholms-lans-landsting: [Ange datum]"));
    // The avsiktsförklaring's syfte and utgångspunkter only the parties can write.
    for placeholder in [
        "[Beskriv förbundets syfte som parterna ser det]",
        "[Beskriv parternas utgångspunkter för samverkan]",
    ] {
        assert!(
            stderr.contains(&format!("avsiktsforklaring: {placeholder}")),
            "{placeholder}:\n{stderr}"
        );
    }
    // A complete description has none.
    let out = tempfile::tempdir().unwrap();
    let output = generate(&sample("norra-uppland"), out.path(), &["--format", "md"]);
    assert!(output.status.success(), "{}", transcript(&output));
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("platshållare"),
        "{}",
        transcript(&output)
    );
}

#[test]
fn each_member_has_its_own_diarienummer_and_the_bilagor_all_of_them() {
    let documents = markdown("norra-uppland");
    for (stem, dnr) in [
        ("tjansteutlatande-tierps-kommun", "SN 2026/114"),
        ("tjansteutlatande-alvkarleby-kommun", "KS 2026/61"),
        ("tjansteutlatande-osthammars-kommun", "KS-2026-0233"),
        ("tjansteutlatande-region-uppsala", "RS2026-00412"),
    ] {
        assert!(
            documents[stem].contains(&format!("- Diarienummer: {dnr}\n")),
            "{stem}"
        );
    }
    let fo = &documents["forbundsordning"];
    assert!(fo.starts_with("- Status: Förslag\n- Bilaga: 1\n- Datum: 2026-03-16\n- Diarienummer: SN 2026/114 (Tierps kommun), KS 2026/61 (Älvkarleby kommun), KS-2026-0233 (Östhammars kommun), RS2026-00412 (Region Uppsala)\n"), "{fo}");
    assert!(documents["avsiktsforklaring"].starts_with("- Bilaga: 2\n- Datum: 2026-03-16\n"));
    assert!(documents["organisation"].starts_with("- Status: Förslag\n- Bilaga: 3\n"));
}

#[test]
fn the_organisation_proposal_and_its_chart_in_every_format() {
    let out = tempfile::tempdir().unwrap();
    let output = generate(
        &sample("norra-uppland"),
        out.path(),
        &["--doc", "organisation"],
    );
    assert!(output.status.success(), "{}", transcript(&output));
    let md = std::fs::read_to_string(out.path().join("organisation.md")).unwrap();
    insta::assert_snapshot!("organisation_norra_uppland", md);
    let boxes = [
        "Medlemmarna",
        "Styrelse",
        "Arbetsutskott",
        "Förbundschef",
        "Beredningsgrupp",
        "Samordnare",
        "Lokala samverkansgrupper",
    ];
    let html = std::fs::read_to_string(out.path().join("organisation.html")).unwrap();
    assert!(html.contains("<div class=\"schema\""));
    assert!(html.contains("<div class=\"ruta stod\"><strong>Beredningsgrupp</strong>"));
    let xml = docx_xml(&out.path().join("organisation.docx"));
    assert!(
        xml.contains("w:val=\"dashed\""),
        "the support box is dashed"
    );
    let docx = docx_text(&out.path().join("organisation.docx"));
    if let Some(pdf) = pdf_text(&out.path().join("organisation.pdf")) {
        let chart = pdf.split("Organisationsschema").nth(1).unwrap();
        for b in boxes {
            assert!(chart.contains(b), "{b} in the PDF chart:\n{pdf}");
        }
    }
    for b in boxes {
        assert!(
            docx.lines().any(|l| l == b),
            "{b} as a box in the DOCX:\n{docx}"
        );
    }
    // Who appoints whom and how often they meet.
    assert!(md.contains("## Beredningsgrupp"));
    assert!(md.contains("Utses av: de samverkande parterna, var och en för sig."));
    assert!(md.contains("Mötesfrekvens: ca sex gånger per år."));
}

#[test]
fn no_organisation_no_document_and_no_bilaga() {
    let out = tempfile::tempdir().unwrap();
    let output = generate(&sample("husam"), out.path(), &["--doc", "organisation"]);
    assert!(output.status.success(), "{}", transcript(&output));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("ingen organisation"),
        "{}",
        transcript(&output)
    );
    assert_eq!(std::fs::read_dir(out.path()).map_or(0, |d| d.count()), 0);
    let documents = markdown("husam");
    assert!(!documents.contains_key("organisation"));
    let tu = &documents["tjansteutlatande-stockholms-lans-landsting"];
    assert!(!tu.contains("Bilaga 3"), "{tu}");
    assert!(!tu.contains("organisation för"), "{tu}");
}

#[test]
fn word_sets_att_satser_hanging_letterheads_and_unbroken_numbers() {
    let out = tempfile::tempdir().unwrap();
    let output = generate(&sample("stockholm"), out.path(), &["--format", "docx,html"]);
    assert!(output.status.success(), "{}", transcript(&output));
    let tu = out
        .path()
        .join("tjansteutlatande-stockholms-lans-landsting");
    let xml = docx_xml(&tu.with_extension("docx"));
    // Each att-sats is a paragraph of the hanging-indent style, "att" and a tab.
    let decisions = xml.matches("<w:pStyle w:val=\"Decision\" />").count();
    assert!(decisions >= 8, "{decisions} att-satser");
    assert!(
        xml.contains("<w:t xml:space=\"preserve\">att</w:t><w:tab />"),
        "att then a tab"
    );
    // Numbers are held together by no-break spaces.
    assert!(xml.contains("8\u{a0}000\u{a0}000\u{a0}kronor"));
    assert!(!xml.contains("8 000 000"));
    // The letterhead: authority, kind, date, dnr, handläggare, recipient, meeting.
    let text = docx_text(&tu.with_extension("docx"));
    let head: Vec<&str> = text.lines().take(12).collect();
    for line in [
        "Stockholms läns landsting",
        "Hälso- och sjukvårdsförvaltningen",
        "Handläggare:",
        "Barbro Hansson",
        "TJÄNSTEUTLÅTANDE",
        "2015-09-07",
        "Dnr HSN 1506-0772",
        "Hälso- och sjukvårdsnämnden",
        "2015-11-03, punkt 10",
    ] {
        assert!(head.contains(&line), "{line} in {head:#?}");
    }
    assert!(!text.contains("Handling"));
    let html = std::fs::read_to_string(tu.with_extension("html")).unwrap();
    assert!(html.contains("<p class=\"att\"><span class=\"att-ord\">att</span> inrätta"));
    assert!(html.contains("<div class=\"brevhuvud\">"));
    assert!(html.contains("8\u{a0}000\u{a0}000\u{a0}kronor"));
}

#[test]
fn the_avsiktsforklaring_is_dated_and_signed_in_every_format() {
    let out = tempfile::tempdir().unwrap();
    let output = generate(
        &sample("stockholm"),
        out.path(),
        &["--doc", "avsiktsforklaring"],
    );
    assert!(output.status.success(), "{}", transcript(&output));
    let path = |ext: &str| out.path().join(format!("avsiktsforklaring.{ext}"));
    let md = std::fs::read_to_string(path("md")).unwrap();
    let html = std::fs::read_to_string(path("html")).unwrap();
    let docx = docx_text(&path("docx"));
    for (format, text) in [("md", &md), ("html", &html), ("docx", &docx)] {
        assert!(text.contains("2015-09-01"), "the date in {format}");
        assert!(text.contains("Ort och datum"), "{format}");
        assert!(text.contains("Namnförtydligande"), "{format}");
        assert!(text.contains("För Försäkringskassan"), "{format}");
    }
    if let Some(pdf) = pdf_text(&path("pdf")) {
        assert!(pdf.contains("2015-09-01"));
        assert!(pdf.contains("Ort och datum"));
        assert!(pdf.contains("Namnförtydligande"));
    }
    // Each signature's paragraphs keep together, and the last text before
    // the signatures stays with them.
    let xml = docx_xml(&path("docx"));
    let form = xml.split("För Försäkringskassan").nth(1).unwrap();
    let form = form.split("Namnförtydligande").next().unwrap();
    assert!(form.matches("<w:keepNext />").count() >= 3, "{form}");
    // The heading before the signatures stays with the first of them.
    let first = xml.find("För Stockholms stad").unwrap();
    let heading = xml[..first].rfind("Underskrifter</w:t>").unwrap();
    let start = xml[..heading].rfind("<w:p ").unwrap();
    assert!(xml[start..heading].contains("<w:keepNext />"));
    // The signatures read back from Word and Markdown as the same parties.
    let parsed = forbund::parse::parse(
        "avsiktsforklaring.docx",
        &std::fs::read(path("docx")).unwrap(),
    )
    .unwrap()
    .document;
    let from_md = forbund::parse::parse("avsiktsforklaring.md", md.as_bytes())
        .unwrap()
        .document;
    assert_eq!(parsed.signatures, from_md.signatures);
    assert_eq!(parsed.signatures.len(), 4);
    assert_eq!(parsed.signatures[0].party, "Stockholms stad");
}
