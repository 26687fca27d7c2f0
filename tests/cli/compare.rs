//! `forbund import`, `forbund diff` and `forbund amend` driven as a user would.

use std::path::Path;

use super::generate::{docx_text, docx_xml, pdf_text};
use super::{forbund_in, root, transcript};

fn run(args: &[&str]) -> std::process::Output {
    forbund_in(&root()).args(args).output().unwrap()
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn import_gives_normalised_markdown_of_every_section() {
    let output = run(&["import", "samples/reference/haninge-forbundsordning.md"]);
    assert!(output.status.success(), "{}", transcript(&output));
    let md = stdout(&output);
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(headings.len(), 19, "{headings:?}");
    assert_eq!(headings[0], "## 1 § Förbundets namn");
    assert!(md.starts_with("# FÖRBUNDSORDNING FÖR SAMORDNINGSFÖRBUNDET HANINGE"));
}

#[test]
fn import_spec_drafts_a_description_and_lists_the_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("haninge.json");
    let output = forbund_in(&root())
        .args([
            "import",
            "samples/reference/haninge-forbundsordning.md",
            "--spec",
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", transcript(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("saknas: verksamhetsstart"), "{stderr}");
    let draft: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(draft["namn"], "Samordningsförbundet Haninge");
    assert_eq!(draft["medlemmar"].as_array().unwrap().len(), 4);
    // Filling the gaps makes it a description `validate` accepts.
    let mut filled = draft.clone();
    filled["verksamhetsstart"] = "2007-01-01".into();
    filled["ekonomi"] = serde_json::json!({"budget": [{"år": 2007, "belopp": 20000000}]});
    std::fs::write(&out, filled.to_string()).unwrap();
    let output = forbund_in(&root())
        .arg("validate")
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", transcript(&output));
}

#[test]
fn import_refuses_files_that_are_not_documents() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("tom.docx");
    std::fs::write(&empty, b"").unwrap();
    let junk = dir.path().join("skräp.md");
    std::fs::write(&junk, [0u8, 159, 146, 150, 0, 1, 2, 3, 255, 254, 0, 0]).unwrap();
    for file in [&empty, &junk] {
        let output = forbund_in(dir.path())
            .arg("import")
            .arg(file)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{}", transcript(&output));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.starts_with("fel: "), "{stderr}");
        assert!(
            stderr.contains(file.file_name().unwrap().to_str().unwrap()),
            "{stderr}"
        );
    }
}

#[test]
fn haninge_as_printed_against_as_adopted_shows_only_the_board() {
    let output = run(&[
        "diff",
        "samples/haninge.json",
        "samples/haninge-antagen.json",
        "--format",
        "json",
    ]);
    assert!(output.status.success(), "{}", transcript(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let changed: Vec<&serde_json::Value> = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["status"] != "unchanged")
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(changed[0]["new_number"], 5);
    let lines: Vec<&str> = json["substance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        lines,
        [
            "5 §: ledamöter per medlem 1 → 2",
            "5 §: ersättare per medlem 1 → 2"
        ]
    );
    assert_eq!(json["substance"][0]["paragraf"], 5);
    assert_eq!(
        json["substance"][0]["ändring"],
        serde_json::json!({"typ": "ändrad", "från": "1", "till": "2"})
    );
    let plain = run(&[
        "diff",
        "samples/haninge.json",
        "samples/haninge-antagen.json",
    ]);
    let text = stdout(&plain);
    assert!(!text.contains('\u{1b}'), "no colour when not on a terminal");
    insta::assert_snapshot!(text);
}

#[test]
fn haninge_against_husam_pairs_all_nineteen() {
    let output = run(&[
        "diff",
        "samples/reference/haninge-forbundsordning.md",
        "samples/reference/husam-forbundsordning.md",
        "--format",
        "json",
    ]);
    assert!(output.status.success(), "{}", transcript(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let summary = &json["summary"];
    assert_eq!(summary["added"], 0);
    assert_eq!(summary["removed"], 0);
    let paired = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["old_number"].is_number() && s["new_number"].is_number())
        .count();
    assert_eq!(paired, 19);
}

#[test]
fn fail_on_change_is_for_scripts() {
    let same = run(&[
        "diff",
        "samples/husam.json",
        "samples/husam.json",
        "--fail-on-change",
    ]);
    assert_eq!(same.status.code(), Some(0), "{}", transcript(&same));
    let changed = run(&[
        "diff",
        "samples/haninge.json",
        "samples/haninge-antagen.json",
        "--fail-on-change",
    ]);
    assert_eq!(changed.status.code(), Some(1), "{}", transcript(&changed));
    let without = run(&[
        "diff",
        "samples/haninge.json",
        "samples/haninge-antagen.json",
    ]);
    assert_eq!(without.status.code(), Some(0));
}

#[test]
fn the_jamforelsetabell_as_word_and_pdf() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["jamforelse.docx", "jamforelse.pdf"] {
        let out = dir.path().join(name);
        let output = forbund_in(&root())
            .args([
                "diff",
                "samples/haninge.json",
                "samples/haninge-antagen.json",
                "--format",
                "table",
                "--ikraft",
                "2007-01-01",
                "-o",
            ])
            .arg(&out)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", transcript(&output));
    }
    let text = docx_text(&dir.path().join("jamforelse.docx"));
    for wanted in [
        "Förbundsordningen för Samordningsförbundet Haninge föreslås få följande lydelse.",
        "Nuvarande lydelse",
        "Föreslagen lydelse",
        "5 § Styrelse",
        "gäller från och med den 1 januari 2007",
    ] {
        assert!(text.contains(wanted), "{wanted} in {text}");
    }
    let xml = docx_xml(&dir.path().join("jamforelse.docx"));
    assert!(
        xml.contains("<w:i />") || xml.contains("<w:i/>"),
        "changed words in italics"
    );
    if let Some(pdf) = pdf_text(&dir.path().join("jamforelse.pdf")) {
        assert!(pdf.contains("Nuvarande lydelse"), "{pdf}");
        assert!(pdf.contains("åtta"), "{pdf}");
    }
}

#[test]
fn tracked_changes_match_the_diff() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("andringar.docx");
    let output = forbund_in(&root())
        .args([
            "diff",
            "samples/haninge.json",
            "samples/haninge-antagen.json",
            "--format",
            "docx",
            "--author",
            "Förbundsstyrelsen",
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", transcript(&output));
    let xml = docx_xml(&out);
    let deleted: Vec<String> = between(&xml, "<w:delText", "</w:delText>");
    let inserted: Vec<String> = xml
        .split("<w:ins ")
        .skip(1)
        .flat_map(|s| between(s.split("</w:ins>").next().unwrap_or(""), "<w:t", "</w:t>"))
        .collect();
    assert_eq!(deleted, vec!["fyra", "fyra", "en ledamot", "en"], "{xml}");
    assert_eq!(inserted, vec!["åtta", "åtta", "två ledamöter", "två"]);
    assert!(xml.contains("w:author=\"Förbundsstyrelsen\""));
    // The text outside deletions (what Accept all leaves) is the adopted text.
    let text = docx_text(&out);
    assert!(
        text.contains("Styrelsen består av åtta ledamöter och åtta ersättare. Varje medlem utser två ledamöter och två ersättare."),
        "{text}"
    );
}

/// The text of every `<tag …>text</tag>` in `xml`, trimmed.
fn between(xml: &str, open: &str, close: &str) -> Vec<String> {
    xml.split(open)
        .skip(1)
        .filter_map(|s| {
            let start = s.find('>')? + 1;
            let end = s.find(close)?;
            Some(s[start..end].trim().to_string())
        })
        .collect()
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

#[test]
fn amend_writes_the_whole_decision_package_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("beslut");
    let args = [
        "amend",
        "samples/haninge.json",
        "samples/haninge-antagen.json",
        "--ikraft",
        "2007-01-01",
        "-o",
    ];
    let output = forbund_in(&root()).args(args).arg(&out).output().unwrap();
    assert!(output.status.success(), "{}", transcript(&output));
    let names = files(&out);
    for wanted in [
        "jamforelsetabell.docx",
        "jamforelsetabell.pdf",
        "forbundsordning-andringar.docx",
        "forbundsordning.docx",
        "forbundsordning.pdf",
        "tjansteutlatande-andring-haninge-kommun.docx",
        "tjansteutlatande-andring-stockholms-lans-landsting.pdf",
    ] {
        assert!(names.contains(&wanted.to_string()), "{wanted} in {names:?}");
    }
    let tu =
        std::fs::read_to_string(out.join("tjansteutlatande-andring-haninge-kommun.md")).unwrap();
    assert!(tu.starts_with("- Myndighet: Haninge kommun"));
    assert!(tu.contains("# Ändring av förbundsordning för Samordningsförbundet Haninge"));
    assert!(tu.contains(
        "\natt fastställa den ändrade förbundsordningen för Samordningsförbundet Haninge enligt bilaga 2 att gälla från och med den 1 januari 2007\n"
    ));
    assert!(tu.contains(
        "\natt beslutet gäller under förutsättning att övriga medlemmar fattar likalydande beslut\n"
    ));
    let consolidated = std::fs::read_to_string(out.join("forbundsordning.md")).unwrap();
    assert!(consolidated.contains("Styrelsen består av åtta ledamöter och åtta ersättare."));
    // A second run refuses to overwrite anything.
    let again = forbund_in(&root()).args(args).arg(&out).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
}

#[test]
fn amend_reads_an_existing_document_as_the_new_side() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("beslut");
    let output = forbund_in(&root())
        .args([
            "amend",
            "samples/reference/haninge-forbundsordning.md",
            "samples/reference/husam-forbundsordning.md",
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", transcript(&output));
    let names = files(&out);
    assert!(
        names.contains(&"tjansteutlatande-andring-huddinge-kommun.md".to_string()),
        "{names:?}"
    );
}
