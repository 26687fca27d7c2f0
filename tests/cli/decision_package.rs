//! Issue 9 (part B): one era per document, `generate` checking the
//! description first and carrying accepted deviations into the drafts, and
//! `check` on a generated package that people have edited.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{forbund_in, generate, root, transcript};

const SAMPLES: [&str; 4] = ["stockholm", "haninge", "haninge-antagen", "husam"];

/// `forbund check DIR --format json`: the exit code and the report.
pub(super) fn check_json(dir: &Path) -> (i32, Value) {
    let output = forbund_in(&root())
        .arg("check")
        .arg(dir)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let value: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", transcript(&output)));
    (output.status.code().unwrap_or(-1), value)
}

/// Every finding in a JSON report, wherever it is nested.
pub(super) fn findings(value: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    match value {
        Value::Object(map) => {
            if map.contains_key("id") && map.contains_key("severity") {
                out.push(value);
            }
            for v in map.values() {
                out.extend(findings(v));
            }
        }
        Value::Array(items) => items.iter().for_each(|v| out.extend(findings(v))),
        _ => {}
    }
    out
}

/// How many findings of rule `id` the report holds.
pub(super) fn count(value: &Value, id: &str) -> usize {
    findings(value).iter().filter(|f| f["id"] == id).count()
}

/// Writes a description as `dir/name` and returns its path.
pub(super) fn write_description(dir: &Path, name: &str, value: &Value) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(value).unwrap()).unwrap();
    path
}

/// A förbund dated `date`, with the members' names of that time.
fn dated_description(year: i32, region: &str, af: &str) -> Value {
    serde_json::json!({
        "namn": "Samordningsförbundet Exempelstad",
        "säte": "Exempelstad",
        "verksamhetsstart": format!("{}-01-01", year + 1),
        "medlemmar": [
            { "namn": "Exempelstads kommun", "typ": "kommun", "ledamöter": 1, "ersättare": 1 },
            { "namn": region, "typ": "region", "ledamöter": 1, "ersättare": 1 },
            { "namn": "Försäkringskassan", "typ": "försäkringskassan", "ledamöter": 1, "ersättare": 1 },
            { "namn": af, "typ": "arbetsförmedlingen", "ledamöter": 1, "ersättare": 1 }
        ],
        "ekonomi": { "budget": [{ "år": year + 1, "belopp": 4000000 }] },
        "avsiktsförklaring": { "datum": format!("{year}-05-31") }
    })
}

fn markdown_files(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_description_dated_2006_and_one_dated_2026_each_keep_to_their_era() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            dated_description(
                2006,
                "Exempelläns landsting",
                "Länsarbetsnämnden i Exempellän",
            ),
            // Words of the other era that no document may contain.
            &["Region", "region", "Arbetsförmedlingen", "(2017:725)"][..],
            &[
                "landstingsfullmäktige i Exempelläns landsting",
                "10 kap. kommunallagen (1991:900)",
                "Försäkringskassan och länsarbetsnämnden",
                "En kommun eller ett landsting som är medlem",
            ][..],
        ),
        (
            dated_description(2026, "Region Exempellän", "Arbetsförmedlingen"),
            &["landsting", "Landsting", "länsarbetsnämnd", "(1991:900)"][..],
            &[
                "regionfullmäktige i Region Exempellän",
                "13 kap. kommunallagen (2017:725)",
                "Försäkringskassan och Arbetsförmedlingen",
                "En kommun eller en region som är medlem",
            ][..],
        ),
    ];
    for (i, (description, foreign, own)) in cases.iter().enumerate() {
        let spec = write_description(dir.path(), &format!("d{i}.json"), description);
        let out = dir.path().join(format!("ut{i}"));
        let output = generate(&spec, &out, &["--format", "md"]);
        assert!(output.status.success(), "{}", transcript(&output));
        let files = markdown_files(&out);
        assert_eq!(files.len(), 4, "FO, AF and two TUs");
        for (name, text) in &files {
            for word in *foreign {
                assert!(!text.contains(word), "{name} mixes eras: «{word}»\n{text}");
            }
        }
        let fo = &files
            .iter()
            .find(|(n, _)| n == "forbundsordning.md")
            .unwrap()
            .1;
        for phrase in *own {
            assert!(fo.contains(phrase), "«{phrase}» missing:\n{fo}");
        }
        // The checker agrees with the wording: no error in the package.
        let (code, report) = check_json(&out);
        assert_eq!(code, 0, "{report:#}");
        if i == 1 {
            insta::assert_snapshot!("forbundsordning_2026", fo);
        }
    }
}

#[test]
fn a_description_naming_a_landsting_in_2026_is_not_drafted_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let description = dated_description(2026, "Exempelläns landsting", "Arbetsförmedlingen");
    let spec = write_description(dir.path(), "blandad.json", &description);
    let out = dir.path().join("ut");
    let refused = generate(&spec, &out, &["--format", "md"]);
    assert_eq!(refused.status.code(), Some(1), "{}", transcript(&refused));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("AKTUELL-EPOK"), "{stderr}");
    assert!(stderr.contains("--allow-errors"), "{stderr}");
    assert!(!out.exists(), "nothing is written");

    let allowed = generate(&spec, &out, &["--format", "md", "--allow-errors"]);
    assert!(allowed.status.success(), "{}", transcript(&allowed));
    assert!(String::from_utf8_lossy(&allowed.stderr).contains("AKTUELL-EPOK"));
    assert!(out.join("forbundsordning.md").exists());

    // Accepted with a reason in the description, it is drafted.
    let mut accepted = description.clone();
    accepted["godtagna_avvikelser"] = serde_json::json!([
        { "regel": "AKTUELL-EPOK", "motivering": "namnet byts när regionen har beslutat" }
    ]);
    let spec = write_description(dir.path(), "godtagen.json", &accepted);
    let out = dir.path().join("ut2");
    let output = generate(&spec, &out, &["--format", "md"]);
    assert!(output.status.success(), "{}", transcript(&output));
}

#[test]
fn accepted_deviations_travel_into_the_package_and_check_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("husam");
    let output = generate(
        &root().join("samples/husam.json"),
        &out,
        &["--format", "md"],
    );
    assert!(output.status.success(), "{}", transcript(&output));
    let fo = std::fs::read_to_string(out.join("forbundsordning.md")).unwrap();
    assert!(
        fo.contains("<!-- forbund: godta FINSAM-12-MANDATTID: "),
        "{fo}"
    );
    // Only where a rule finds the deviation: the avsiktsförklaring does not
    // show it.
    let af = std::fs::read_to_string(out.join("avsiktsforklaring.md")).unwrap();
    assert!(!af.contains("forbund: godta"), "{af}");
    let (code, report) = check_json(&out);
    assert_eq!(code, 0, "{report:#}");
    let accepted: Vec<&Value> = findings(&report)
        .into_iter()
        .filter(|f| f["id"] == "FINSAM-12-MANDATTID")
        .collect();
    assert!(!accepted.is_empty(), "{report:#}");
    assert!(
        accepted.iter().all(|f| !f["suppression"].is_null()),
        "{report:#}"
    );
    assert_eq!(count(&report, "GODTA-OANVAND"), 0, "{report:#}");
}

#[test]
fn every_generated_sample_package_has_no_error() {
    let dir = tempfile::tempdir().unwrap();
    for sample in SAMPLES {
        let out = dir.path().join(sample);
        let output = generate(
            &root().join(format!("samples/{sample}.json")),
            &out,
            &["--format", "md"],
        );
        assert!(output.status.success(), "{}", transcript(&output));
        let (code, report) = check_json(&out);
        let errors: Vec<&Value> = findings(&report)
            .into_iter()
            .filter(|f| f["severity"] == "error" && f["suppression"].is_null())
            .collect();
        assert!(errors.is_empty(), "{sample}: {errors:#?}");
        assert_eq!(code, 0, "{sample}");
    }
}

/// An edit to one file of a generated package: replace `from` with `to`
/// (which must be there), or remove the file when `from` is empty.
struct Edit {
    rule: &'static str,
    file: &'static str,
    from: &'static str,
    to: &'static str,
}

const EDITS: &[Edit] = &[
    Edit {
        rule: "PAKET-TU-DATUM",
        file: "tjansteutlatande-stockholms-lans-landsting.md",
        from: "- Datum: 2015-09-07\n",
        to: "",
    },
    Edit {
        rule: "PAKET-TU-DNR",
        file: "tjansteutlatande-stockholms-stad.md",
        from: "- Diarienummer: AMN 2015-0224-01.05\n",
        to: "",
    },
    Edit {
        rule: "PAKET-BILAGA",
        file: "avsiktsforklaring.md",
        from: "",
        to: "",
    },
    Edit {
        rule: "PAKET-VILLKOR",
        file: "tjansteutlatande-stockholms-stad.md",
        from: "att beslutet gäller under förutsättning att övriga parter fattar motsvarande beslut\n\n",
        to: "",
    },
    Edit {
        rule: "PAKET-STYRELSE",
        file: "tjansteutlatande-stockholms-stad.md",
        from: "leds förbundet av en styrelse med fyra ledamöter och fyra ersättare",
        to: "leds förbundet av en styrelse med åtta ledamöter och åtta ersättare",
    },
    Edit {
        rule: "PAKET-BUDGETTABELL",
        file: "avsiktsforklaring.md",
        from: "| Stockholms stad | en fjärdedel | 2 000 000 | 4 000 000 |",
        to: "| Stockholms stad | en fjärdedel | 2 000 000 | 5 000 000 |",
    },
    Edit {
        rule: "PAKET-TABELL",
        file: "avsiktsforklaring.md",
        from: "| Stockholms stad | en fjärdedel | 2 000 000 | 4 000 000 |",
        to: "| Stockholms stad | en fjärdedel | 2 000 000 | 4 400 000 |",
    },
    Edit {
        rule: "PAKET-BUDGET-MOTSAGELSE",
        file: "tjansteutlatande-stockholms-stad.md",
        from: "beräknas till 8,0 mnkr under 2016",
        to: "beräknas till 9,0 mnkr under 2016",
    },
];

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
}

#[test]
fn each_package_check_fires_on_an_edited_copy() {
    let dir = tempfile::tempdir().unwrap();
    let drafts = dir.path().join("utkast");
    let output = generate(
        &root().join("samples/stockholm.json"),
        &drafts,
        &["--format", "md"],
    );
    assert!(output.status.success(), "{}", transcript(&output));
    let (_, unedited) = check_json(&drafts);
    for (i, edit) in EDITS.iter().enumerate() {
        let copy = dir.path().join(format!("kopia-{i}"));
        copy_dir(&drafts, &copy);
        let path = copy.join(edit.file);
        if edit.from.is_empty() {
            std::fs::remove_file(&path).unwrap();
        } else {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(text.contains(edit.from), "{}: «{}»", edit.file, edit.from);
            std::fs::write(&path, text.replace(edit.from, edit.to)).unwrap();
        }
        let (_, report) = check_json(&copy);
        assert!(
            count(&report, edit.rule) > count(&unedited, edit.rule),
            "{} does not fire:\n{report:#}",
            edit.rule
        );
    }
}

#[test]
fn a_package_edited_in_word_is_checked_too() {
    let dir = tempfile::tempdir().unwrap();
    let drafts = dir.path().join("word");
    let output = generate(
        &root().join("samples/stockholm.json"),
        &drafts,
        &["--format", "docx"],
    );
    assert!(output.status.success(), "{}", transcript(&output));
    let (_, unedited) = check_json(&drafts);
    assert_eq!(count(&unedited, "PAKET-VILLKOR"), 0, "{unedited:#}");
    // Word: the condition att-sats is deleted from document.xml.
    let path = drafts.join("tjansteutlatande-stockholms-stad.docx");
    let edited = edit_docx(
        &std::fs::read(&path).unwrap(),
        "under förutsättning att övriga parter fattar motsvarande beslut",
        "efter att kommunfullmäktige har beslutat",
    );
    std::fs::write(&path, edited).unwrap();
    let (_, report) = check_json(&drafts);
    assert_eq!(count(&report, "PAKET-VILLKOR"), 1, "{report:#}");
}

/// A Word file with `from` replaced by `to` in its main text.
fn edit_docx(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        if name == "word/document.xml" {
            let text = String::from_utf8(content).unwrap();
            assert!(text.contains(from), "«{from}» is one run in document.xml");
            content = text.replace(from, to).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// The organisation document of a package is reported as a "förslag till
/// organisation", in text and in JSON, not as an avsiktsförklaring.
#[test]
fn the_organisation_document_has_its_own_label() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ut");
    let output = generate(
        &root().join("samples/norra-uppland.json"),
        &out,
        &["--format", "md"],
    );
    assert!(output.status.success(), "{}", transcript(&output));
    let (code, json) = check_json(&out);
    assert_eq!(code, 0, "{json:#}");
    let labels: Vec<(String, String)> = json["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["file"].as_str().unwrap().to_string(),
                r["checked"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let organisation: Vec<&(String, String)> = labels
        .iter()
        .filter(|(file, _)| file.ends_with("organisation.md"))
        .collect();
    assert_eq!(organisation.len(), 1, "{labels:?}");
    assert_eq!(organisation[0].1, "organisation", "{labels:?}");
    assert!(
        labels
            .iter()
            .any(|(file, checked)| file.ends_with("avsiktsforklaring.md")
                && checked == "avsiktsforklaring"),
        "{labels:?}"
    );
    let output = forbund_in(&root()).arg("check").arg(&out).output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("organisation.md (förslag till organisation)"),
        "{text}"
    );
    assert!(
        !text.contains("organisation.md (avsiktsförklaring)"),
        "{text}"
    );
    // Under another name, `--doc organisation` says what it is.
    let renamed = dir.path().join("forslag.md");
    std::fs::copy(out.join("organisation.md"), &renamed).unwrap();
    let output = forbund_in(&root())
        .args(["check", "--doc", "organisation"])
        .arg(&renamed)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("forslag.md (förslag till organisation)"),
        "{text}"
    );
}

/// The tjänsteutlåtande's table with a row per year is read back from Word
/// and from PDF (where it has lost its grid): an untouched package gives no
/// PAKET-TABELL, and a tjänsteutlåtande drafted for another budget is
/// caught in its table too.
#[test]
fn tjansteutlatande_tables_are_read_from_word_and_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let sample = root().join("samples/norra-uppland.json");
    let out = dir.path().join("ut");
    let output = generate(&sample, &out, &["--format", "docx,pdf"]);
    assert!(output.status.success(), "{}", transcript(&output));
    let mut other: Value =
        serde_json::from_str(&std::fs::read_to_string(&sample).unwrap()).unwrap();
    other["ekonomi"]["budget"][1]["belopp"] = Value::from(7_400_000);
    let spec = write_description(dir.path(), "annan-budget.json", &other);
    let changed = dir.path().join("annan");
    let output = generate(&spec, &changed, &["--format", "docx,pdf"]);
    assert!(output.status.success(), "{}", transcript(&output));
    for ext in ["docx", "pdf"] {
        let only = dir.path().join(ext);
        std::fs::create_dir(&only).unwrap();
        for entry in std::fs::read_dir(&out).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == ext) {
                std::fs::copy(&path, only.join(path.file_name().unwrap())).unwrap();
            }
        }
        let (code, json) = check_json(&only);
        assert_eq!(code, 0, "{ext}: {json:#}");
        assert_eq!(count(&json, "PAKET-TABELL"), 0, "{ext}: {json:#}");
        let tu = format!("tjansteutlatande-tierps-kommun.{ext}");
        std::fs::copy(changed.join(&tu), only.join(&tu)).unwrap();
        let (code, json) = check_json(&only);
        assert_eq!(code, 1, "{ext}: {json:#}");
        let table: Vec<&Value> = findings(&json)
            .into_iter()
            .filter(|f| f["id"] == "PAKET-TABELL")
            .collect();
        assert_eq!(table.len(), 1, "{ext}: {json:#}");
        let message = table[0]["message"].as_str().unwrap();
        assert!(
            message.contains("7 400 000 kronor på raden för år 2028")
                && message.contains("7 200 000 kronor"),
            "{ext}: {message}"
        );
    }
}
