//! `forbund validate` and `forbund schema`.

use super::{forbund_in, root, transcript};

#[test]
fn every_broken_description_gets_its_exact_error() {
    let dir = root().join("tests/fixtures/invalid");
    insta::glob!("../fixtures", "invalid/*.json", |path| {
        let name = path.file_name().unwrap().to_str().unwrap();
        let output = forbund_in(&dir).args(["validate", name]).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{name} must be invalid");
        insta::assert_snapshot!(transcript(&output));
    });
}

#[test]
fn every_sample_is_valid() {
    let samples: Vec<String> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| format!("samples/{}", p.file_name().unwrap().to_str().unwrap()))
        .collect();
    assert!(samples.len() >= 4, "the four samples exist: {samples:?}");
    let output = forbund_in(&root())
        .arg("validate")
        .args(&samples)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", transcript(&output));
    for sample in &samples {
        let text = std::fs::read_to_string(root().join(sample)).unwrap();
        assert!(
            text.contains("\"$schema\": \"../schemas/forbund.schema.json\""),
            "{sample} references the schema"
        );
    }
}

#[test]
fn checked_in_schema_is_current() {
    let output = forbund_in(&root()).arg("schema").output().unwrap();
    assert!(output.status.success());
    let printed = String::from_utf8(output.stdout).unwrap();
    let checked_in = std::fs::read_to_string(root().join("schemas/forbund.schema.json")).unwrap();
    assert!(
        printed == checked_in,
        "schemas/forbund.schema.json is stale: run `cargo run -- schema > schemas/forbund.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

#[test]
fn reports_every_file_and_exits_two_when_one_is_invalid() {
    let dir = tempfile::tempdir().unwrap();
    let output = forbund_in(&root())
        .args(["validate", "samples/stockholm.json", "finns-inte.json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("samples/stockholm.json: giltig"),
        "{stdout}"
    );
    assert!(
        stdout.contains("finns-inte.json: fel: filen finns inte [FIL-SAKNAS]"),
        "{stdout}"
    );
    assert!(
        stdout.contains("fel: är en katalog; väntade en beskrivning (.json) [FIL-KATALOG]"),
        "{stdout}"
    );
}

#[test]
fn a_fifty_megabyte_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("stor.json");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let output = forbund_in(dir.path())
        .args(["validate", "stor.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "stor.json: fel: filen är 52 428 800 byte; en beskrivning får vara högst 5 242 880 byte [JSON-STORLEK]\nstor.json: ogiltig, 1 problem\n"
    );
}

#[test]
fn json_format_gives_the_same_problems_as_data() {
    let dir = root().join("tests/fixtures/invalid");
    let output = forbund_in(&dir)
        .args(["validate", "--format", "json", "negative-counts.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let file = &report["files"][0];
    assert_eq!(file["file"], "negative-counts.json");
    assert_eq!(file["valid"], false);
    let paths: Vec<&str> = file["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["location"]["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&"/medlemmar/0/ledamöter"), "{paths:?}");
    assert!(paths.contains(&"/medlemmar/0/ersättare"), "{paths:?}");
    assert!(paths.contains(&"/uppsägningstid"), "{paths:?}");
    assert!(file["problems"][0]["line"].is_null());
    assert!(file["problems"][0]["location"]["line"].is_number());
}
