//! `forbund adoption`: the members' decisions compared, reconciled and
//! turned into tjänsteutlåtanden for new decisions; `check --beslut`.

use std::path::Path;

use forbund::render::{Format, PdfProfile};
use serde_json::{Value, json};

use super::{forbund_in, root, transcript};

fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    forbund_in(dir)
        .env("SOURCE_DATE_EPOCH", "1164931200") // 2006-12-01
        .args(args)
        .output()
        .unwrap()
}

fn json_report(dir: &Path, file: &str) -> Value {
    let output = run_in(dir, &["adoption", file, "--format", "json"]);
    assert!(output.status.success(), "{}", transcript(&output));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The members (joined) of each wording of the diverging § `number`.
fn sides(report: &Value, number: u64) -> Vec<(String, String)> {
    let section = report["skillnader"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["paragraf"] == number)
        .unwrap_or_else(|| panic!("{number} § is not reported as diverging"));
    section["lydelser"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            let members: Vec<&str> = w["medlemmar"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m.as_str().unwrap())
                .collect();
            (
                w["lydelse"].as_str().unwrap().to_string(),
                members.join(", "),
            )
        })
        .collect()
}

#[test]
fn haninge_diverges_in_5_6_and_12_and_cannot_be_formed() {
    let report = json_report(&root().join("samples/beslut"), "haninge-beslut.json");
    assert_eq!(report["kan_bildas"], false);
    let numbers: Vec<u64> = report["skillnader"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["paragraf"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, [5, 6, 12]);
    let own = |l: &str, m: &str| (l.to_string(), m.to_string());
    assert_eq!(
        sides(&report, 5),
        [
            own("A", "Haninge kommun"),
            own("B", "Länsarbetsnämnden"),
            own("C", "Försäkringskassan"),
            own("D", "Stockholms läns landsting")
        ]
    );
    assert_eq!(
        sides(&report, 6),
        [
            own(
                "A",
                "Haninge kommun, Länsarbetsnämnden, Stockholms läns landsting"
            ),
            own("B", "Försäkringskassan")
        ]
    );
    assert_eq!(
        sides(&report, 12),
        [
            own("A", "Haninge kommun, Länsarbetsnämnden"),
            own("B", "Försäkringskassan, Stockholms läns landsting")
        ]
    );
    // FK's condition decides 5 § and 6 §; 12 § is a tie, so the proposal's.
    let chosen: Vec<&str> = report["skillnader"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["föreslagen_lydelse"].as_str().unwrap())
        .collect();
    assert_eq!(chosen, ["C", "B", "B"]);
    assert_eq!(report["villkor"][0]["uppfyllt"], false);
    let must: Vec<Value> = report["medlemmar"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["ska_ändra"].clone())
        .collect();
    assert_eq!(
        must,
        [
            json!(["5 §", "6 §", "12 §"]),
            json!(["5 §", "6 §", "12 §"]),
            json!([]),
            json!(["5 §", "6 §"])
        ]
    );
}

#[test]
fn haninge_report_in_swedish() {
    let output = run_in(
        &root().join("samples/beslut"),
        &["adoption", "haninge-beslut.json"],
    );
    assert!(output.status.success(), "{}", transcript(&output));
    insta::assert_snapshot!(String::from_utf8_lossy(&output.stdout));
}

#[test]
fn the_user_chooses_a_wording_per_section() {
    let output = run_in(
        &root().join("samples/beslut"),
        &[
            "adoption",
            "haninge-beslut.json",
            "--format",
            "json",
            "--val",
            "12=A",
            "--val",
            "5 §=a",
        ],
    );
    assert!(output.status.success(), "{}", transcript(&output));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let chosen: Vec<&str> = report["skillnader"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["föreslagen_lydelse"].as_str().unwrap())
        .collect();
    assert_eq!(chosen, ["A", "B", "A"]);
    // Haninge kommun then changes 6 § only.
    assert_eq!(report["medlemmar"][0]["ska_ändra"], json!(["6 §"]));
    let wrong = run_in(
        &root().join("samples/beslut"),
        &["adoption", "haninge-beslut.json", "--val", "12=F"],
    );
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&wrong.stderr)
            .contains("12 § har ingen lydelse F; välj en av A, B")
    );
}

#[test]
fn writes_tjansteutlatanden_for_the_members_that_must_decide_again() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("beslut");
    let sample = root().join("samples/beslut/haninge-beslut.json");
    let args = [
        "adoption",
        sample.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    let output = run_in(dir.path(), &args);
    assert!(output.status.success(), "{}", transcript(&output));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let mut expected = Vec::new();
    for stem in [
        "forbundsordning-samstammig",
        "tjansteutlatande-samstammighet-haninge-kommun",
        "tjansteutlatande-samstammighet-lansarbetsnamnden",
        "tjansteutlatande-samstammighet-stockholms-lans-landsting",
    ] {
        for ext in ["docx", "md", "pdf"] {
            expected.push(format!("{stem}.{ext}"));
        }
    }
    assert_eq!(names, expected);
    let tu = std::fs::read_to_string(
        out.join("tjansteutlatande-samstammighet-stockholms-lans-landsting.md"),
    )
    .unwrap();
    insta::assert_snapshot!("landsting_tu", tu);
    // The table holds exactly the §§ the landsting must change.
    assert!(tu.contains("Jämförelsetabell") && tu.contains("5 §") && tu.contains("6 §"));
    assert!(
        !tu.contains("12 §"),
        "the landsting adopted 12 § as reconciled"
    );
    let fo = std::fs::read_to_string(out.join("forbundsordning-samstammig.md")).unwrap();
    assert!(fo.contains("Aktiviteter ska registreras i SUS."));
    assert!(fo.contains("bestående av 8 ledamöter med 8 ersättare"));
    // Never overwritten without --force.
    let again = run_in(dir.path(), &args);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("skriver inte över befintliga filer"));
    let mut forced = args.to_vec();
    forced.push("--force");
    assert!(run_in(dir.path(), &forced).status.success());
}

/// The proposal, and a record where every member adopted a file. (HUSAM:
/// the PDF reader drops a line of Haninge's 13 § that recurs at line
/// starts as if it were a running header.)
fn formats_case(dir: &Path, files: &[(&str, &str)]) {
    let proposal =
        std::fs::read(root().join("samples/reference/husam-forbundsordning.md")).unwrap();
    std::fs::write(dir.join("forslag.md"), &proposal).unwrap();
    let document = forbund::parse::parse("forslag.md", &proposal)
        .unwrap()
        .document;
    for format in [Format::Docx, Format::Pdf, Format::Markdown] {
        let bytes = forbund::render::render(&document, format, PdfProfile::default()).unwrap();
        std::fs::write(dir.join(format!("antagen.{}", format.extension())), bytes).unwrap();
    }
    let changed = String::from_utf8(proposal).unwrap().replace(
        "en eller två vice ordförande",
        "en eller tre vice ordförande",
    );
    std::fs::write(dir.join("andrad.md"), changed).unwrap();
    let decisions: Vec<Value> = files
        .iter()
        .map(|(member, file)| {
            json!({
                "medlem": member,
                "organ": format!("Fullmäktige i {member}"),
                "datum": "2006-05-01",
                "utfall": {"typ": "antagen_med_ändringar", "antagen_text": file}
            })
        })
        .collect();
    let record = json!({"förbund": "HUSAM", "förslag": "forslag.md", "beslut": decisions});
    std::fs::write(
        dir.join("beslut.json"),
        serde_json::to_string_pretty(&record).unwrap(),
    )
    .unwrap();
}

#[test]
fn the_same_text_in_word_pdf_and_markdown_is_identical() {
    let dir = tempfile::tempdir().unwrap();
    formats_case(
        dir.path(),
        &[
            ("Haninge kommun", "antagen.md"),
            ("Region", "antagen.docx"),
            ("Försäkringskassan", "antagen.pdf"),
            ("Arbetsförmedlingen", "forslag.md"),
        ],
    );
    let report = json_report(dir.path(), "beslut.json");
    assert_eq!(report["kan_bildas"], true, "{report:#}");
    let prints: Vec<&Value> = report["medlemmar"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| &m["fingeravtryck"])
        .collect();
    assert!(
        prints.iter().all(|p| *p == prints[0] && p.is_string()),
        "{prints:?}"
    );
}

#[test]
fn one_changed_word_makes_texts_differ_and_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    formats_case(
        dir.path(),
        &[
            ("Haninge kommun", "antagen.pdf"),
            ("Region", "antagen.docx"),
            ("Försäkringskassan", "andrad.md"),
            ("Arbetsförmedlingen", "antagen.md"),
        ],
    );
    let report = json_report(dir.path(), "beslut.json");
    assert_eq!(report["kan_bildas"], false);
    let sections = report["skillnader"].as_array().unwrap();
    assert_eq!(sections.len(), 1, "{report:#}");
    assert_eq!(sections[0]["paragraf"], 5);
    assert_eq!(
        sections[0]["lydelser"][1]["medlemmar"],
        json!(["Försäkringskassan"])
    );
    assert_eq!(
        sections[0]["lydelser"][1]["skillnader_mot_a"],
        json!([{"i_lydelse_a": "två", "här": "tre"}])
    );
    let text = run_in(dir.path(), &["adoption", "beslut.json"]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("«två» → «tre»"));
}

fn outcome_record(dir: &Path, outcomes: Value) -> Value {
    std::fs::copy(
        root().join("samples/reference/haninge-forbundsordning.md"),
        dir.join("forslag.md"),
    )
    .unwrap();
    let members = [
        "Haninge kommun",
        "Stockholms läns landsting",
        "Försäkringskassan",
        "Länsarbetsnämnden",
    ];
    let decisions: Vec<Value> = members
        .iter()
        .zip(outcomes.as_array().unwrap())
        .map(|(m, o)| {
            let mut d = json!({"medlem": m, "organ": format!("Organ för {m}"), "utfall": o});
            if o["typ"] != "ej_beslutad" {
                d["datum"] = json!("2006-05-01");
            }
            d
        })
        .collect();
    let record = json!({"förbund": "Samordningsförbundet Haninge", "förslag": "forslag.md", "beslut": decisions});
    std::fs::write(
        dir.join("beslut.json"),
        serde_json::to_string_pretty(&record).unwrap(),
    )
    .unwrap();
    json_report(dir, "beslut.json")
}

#[test]
fn every_outcome() {
    let dir = tempfile::tempdir().unwrap();
    // As proposed by all, a condition without wording recorded as met: formed.
    let report = outcome_record(
        dir.path(),
        json!([
            {"typ": "antagen"},
            {"typ": "antagen"},
            {"typ": "villkorad", "villkor": "att övriga parter beslutar likadant", "uppfyllt": true},
            {"typ": "antagen_med_ändringar", "ändringar": [{"paragraf": 14, "ersätter": "tre år", "med": "tre år"}]}
        ]),
    );
    assert_eq!(report["kan_bildas"], true, "{report:#}");
    // Rejected, pending and a condition not yet met: not formed, each said.
    let report = outcome_record(
        dir.path(),
        json!([
            {"typ": "antagen"},
            {"typ": "avslagen", "motivering": "kostnaden"},
            {"typ": "villkorad", "villkor": "att övriga parter beslutar likadant"},
            {"typ": "ej_beslutad"}
        ]),
    );
    assert_eq!(report["kan_bildas"], false);
    assert_eq!(
        report["hinder"],
        json!([
            "Stockholms läns landsting har avslagit förbundsordningen",
            "Länsarbetsnämnden har ännu inte beslutat",
            "villkoret i beslutet av Försäkringskassan är inte uppfyllt"
        ])
    );
    assert_eq!(report["medlemmar"][1]["utfall"], "avslagen");
    assert_eq!(report["medlemmar"][3]["utfall"], "ej beslutad");
    assert!(report["medlemmar"][3].get("fingeravtryck").is_none());
    // With changes: the §§ adding a sentence diverge.
    let report = outcome_record(
        dir.path(),
        json!([
            {"typ": "antagen"},
            {"typ": "antagen_med_ändringar", "ändringar": [{"paragraf": 10, "tillägg": "Även på förbundets webbplats."}]},
            {"typ": "antagen"},
            {"typ": "antagen"}
        ]),
    );
    assert_eq!(report["skillnader"][0]["paragraf"], 10);
    assert_eq!(report["skillnader"][0]["föreslagen_lydelse"], "A");
    assert_eq!(report["medlemmar"][1]["ska_ändra"], json!(["10 §"]));
}

#[test]
fn invalid_records_are_reported_with_their_places() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("beslut.json"),
        r#"{
  "förbund": "X",
  "förslag": "forslag.md",
  "beslut": [
    { "medlem": "A", "organ": "KF", "datum": "2006-01-01", "utfall": { "typ": "antagen_med_ändringar" } },
    { "medlem": "A", "organ": "KF", "utfall": { "typ": "antagen" } },
    { "medlem": "B", "organ": "KF", "utfall": { "typ": "ej_beslutad" }, "datum": "2006-01-01" },
    { "medlem": "C", "organ": "KF", "datum": "2006-01-01", "utfall": { "typ": "antagen_med_ändringar",
      "ändringar": [{ "paragraf": 5, "tillägg": "x", "ersätter": "y" }] } }
  ]
}
"#,
    )
    .unwrap();
    let output = run_in(dir.path(), &["adoption", "beslut.json"]);
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!(transcript(&output));
    std::fs::copy(
        root().join("samples/reference/haninge-forbundsordning.md"),
        dir.path().join("forslag.md"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("beslut.json"),
        r#"{"förbund": "X", "förslag": "forslag.md", "beslut": [
  {"medlem": "A", "organ": "KF", "datum": "2006-01-01", "utfall": {"typ": "antagen_med_ändringar",
   "ändringar": [{"paragraf": 5, "ersätter": "sju ledamöter", "med": "åtta"}]}}]}"#,
    )
    .unwrap();
    let output = run_in(dir.path(), &["adoption", "beslut.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("/beslut/0/utfall/ändringar/0/ersätter: texten «sju ledamöter» finns inte i förslagets 5 §"),
        "{}",
        transcript(&output)
    );
}

#[test]
fn check_reports_a_formed_forbund_whose_members_adopted_different_texts() {
    let samples = root().join("samples");
    let output = forbund_in(&samples)
        .env("SOURCE_DATE_EPOCH", "1170288000") // 2007-02-01, after the start
        .args([
            "check",
            "haninge-antagen.json",
            "--beslut",
            "beslut/haninge-beslut.json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", transcript(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("FINSAM-8-BILDAT"), "{stdout}");
    assert!(
        stdout.contains("skiljer sig i 5 §, 6 § och 12 §"),
        "{stdout}"
    );
}

#[test]
fn new_writes_a_starter_record_and_its_schema() {
    let dir = tempfile::tempdir().unwrap();
    let output = run_in(dir.path(), &["new", "--beslut", "beslut.json"]);
    assert!(output.status.success(), "{}", transcript(&output));
    let text = std::fs::read(dir.path().join("beslut.json")).unwrap();
    let decisions = forbund::adoption::load("beslut.json", &text).unwrap();
    let kinds: Vec<&str> = decisions
        .decisions
        .iter()
        .map(|d| d.outcome.swedish())
        .collect();
    assert_eq!(
        kinds,
        [
            "antagen med ändringar",
            "antagen enligt förslaget",
            "antagen på villkor",
            "ej beslutad"
        ]
    );
    assert!(dir.path().join("beslut.schema.json").exists());
}

#[test]
fn the_checked_in_schema_is_current() {
    let output = run_in(&root(), &["schema", "--beslut"]);
    let checked_in = std::fs::read_to_string(root().join("schemas/beslut.schema.json")).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        checked_in,
        "schemas/beslut.schema.json is stale: run `cargo run -- schema --beslut > schemas/beslut.schema.json`"
    );
}
