//! A generated package checked from the files officials pass on: only the
//! Word files, only the PDFs. Accepted deviations travel into every format
//! and a tjänsteutlåtande's letterhead reads back from the PDF, so `check`
//! says of them what it says of the Markdown.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::decision_package::{check_json, count, findings, write_description};
use super::{forbund_in, generate, root, transcript};

/// A folder beside `out` holding only `out`'s files with this extension.
fn only(out: &Path, extension: &str) -> PathBuf {
    let dir = out.with_file_name(format!(
        "{}-{extension}",
        out.file_name().unwrap().to_string_lossy()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(out).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == extension) {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

/// Generates `spec` into `out` in `formats` ("md,pdf").
fn generated(spec: &Path, out: &Path, formats: &str) {
    let output = generate(spec, out, &["--format", formats]);
    assert!(output.status.success(), "{}", transcript(&output));
}

#[test]
fn accepted_deviations_travel_into_word_pdf_and_html_and_check_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("husam");
    generated(&root().join("samples/husam.json"), &out, "docx,pdf,md,html");
    let description: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("samples/husam.json")).unwrap())
            .unwrap();
    let accepted: Vec<&str> = description["godtagna_avvikelser"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["regel"].as_str().unwrap())
        .collect();
    assert!(accepted.contains(&"FINSAM-12-MANDATTID"), "{accepted:?}");
    let (_, markdown) = check_json(&only(&out, "md"));
    for extension in ["docx", "pdf"] {
        let (code, report) = check_json(&only(&out, extension));
        assert_eq!(code, 0, "{extension}: {report:#}");
        for rule in &accepted {
            let found: Vec<&Value> = findings(&report)
                .into_iter()
                .filter(|f| f["id"] == *rule)
                .collect();
            assert_eq!(found.len(), count(&markdown, rule), "{extension}: {rule}");
            assert!(
                found.iter().all(|f| !f["suppression"].is_null()),
                "{extension}: {rule} is not accepted:\n{report:#}"
            );
        }
        assert_eq!(
            count(&report, "GODTA-OANVAND"),
            0,
            "{extension}: {report:#}"
        );
    }
    // HTML is not read by check; it carries the same comment as Markdown,
    // after the title, and only where a rule finds the deviation.
    let html = std::fs::read_to_string(out.join("forbundsordning.html")).unwrap();
    let title = html.find("</h1>\n").unwrap();
    let comment = html
        .find("<!-- forbund: godta FINSAM-12-MANDATTID: ")
        .unwrap();
    assert!(title < comment, "{html}");
    let af = std::fs::read_to_string(out.join("avsiktsforklaring.html")).unwrap();
    assert!(!af.contains("forbund: godta"), "{af}");
}

/// The rules about a tjänsteutlåtande's letterhead that fire, with the
/// file they name (its stem).
fn letterhead_findings(report: &Value) -> BTreeSet<(String, String)> {
    findings(report)
        .into_iter()
        .filter(|f| f["id"] == "PAKET-TU-DATUM" || f["id"] == "PAKET-TU-DNR")
        .map(|f| {
            let file = f["location"]["file"].as_str().unwrap_or_default();
            let stem = Path::new(file).file_stem().unwrap().to_string_lossy();
            (f["id"].as_str().unwrap().to_string(), stem.into_owned())
        })
        .collect()
}

/// The header fields as `import` writes them: the lines before the title.
fn imported_header(file: &Path) -> String {
    let output = forbund_in(&root())
        .arg("import")
        .arg(file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", transcript(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    text.split("\n# ").next().unwrap().to_string()
}

#[test]
fn each_letterhead_reads_back_from_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    for sample in ["stockholm", "norra-uppland"] {
        let out = dir.path().join(sample);
        generated(
            &root().join(format!("samples/{sample}.json")),
            &out,
            "md,pdf",
        );
        let mut letterheads = 0;
        for entry in std::fs::read_dir(&out).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !(name.starts_with("tjansteutlatande-") && name.ends_with(".md")) {
                continue;
            }
            letterheads += 1;
            let markdown = std::fs::read_to_string(&path).unwrap();
            let header = markdown.split("\n# ").next().unwrap();
            assert!(header.contains("- Diarienummer: "), "{header}");
            assert_eq!(
                imported_header(&path.with_extension("pdf")),
                header,
                "{sample}: {name}"
            );
        }
        assert!(letterheads >= 2, "{sample}");
        let (_, markdown) = check_json(&only(&out, "md"));
        let (_, pdf) = check_json(&only(&out, "pdf"));
        assert_eq!(
            letterhead_findings(&pdf),
            letterhead_findings(&markdown),
            "{sample}:\n{pdf:#}"
        );
    }
}

#[test]
fn a_tjansteutlatande_without_date_or_dnr_is_found_in_the_pdf_too() {
    // The landsting's case has no date and no dnr, but a meeting with a
    // date: the placeholders are no date and no dnr, and the meeting's
    // date is not the document's.
    let dir = tempfile::tempdir().unwrap();
    let mut description: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("samples/stockholm.json")).unwrap(),
    )
    .unwrap();
    let case = description["ärenden"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| c["medlem"] == "Stockholms läns landsting")
        .unwrap();
    let case = case.as_object_mut().unwrap();
    assert!(case.remove("datum").is_some());
    assert!(case.remove("diarienummer").is_some());
    assert!(case.contains_key("sammanträde"));
    let spec = write_description(dir.path(), "utan-datum.json", &description);
    let out = dir.path().join("utkast");
    generated(&spec, &out, "md,pdf");
    let (_, markdown) = check_json(&only(&out, "md"));
    let (_, pdf) = check_json(&only(&out, "pdf"));
    let landsting = "tjansteutlatande-stockholms-lans-landsting".to_string();
    let expected = letterhead_findings(&markdown);
    assert!(
        expected.contains(&("PAKET-TU-DATUM".to_string(), landsting.clone())),
        "{markdown:#}"
    );
    assert!(
        expected.contains(&("PAKET-TU-DNR".to_string(), landsting)),
        "{markdown:#}"
    );
    assert_eq!(letterhead_findings(&pdf), expected, "{pdf:#}");
}

/// What a check of `folder` (files ending `.extension`) says, file by
/// file: each finding's rule, severity, message and section, with the
/// folder and the extension taken out of file names (lines and excerpts
/// differ between formats).
fn said_by_file(report: &Value, folder: &Path, extension: &str) -> BTreeSet<String> {
    let folder = format!("{}/", folder.display());
    let extension = format!(".{extension}");
    let same_file = |text: &str| text.replace(&folder, "").replace(&extension, "");
    let mut said = BTreeSet::new();
    for entry in report["reports"].as_array().unwrap() {
        let file = same_file(entry["file"].as_str().unwrap());
        for finding in entry["findings"].as_array().unwrap() {
            said.insert(format!(
                "{file}: {} {} «{}» [{}]",
                finding["severity"].as_str().unwrap(),
                finding["id"].as_str().unwrap(),
                same_file(finding["message"].as_str().unwrap()),
                finding["location"]["section"].as_str().unwrap_or("")
            ));
        }
    }
    said
}

/// A generated package says the same as PDF as it says as Markdown: the
/// parties' signature forms read back as signatures, not as a section of
/// text ("För Arbetsförmedlingen För Stockholms läns landsting"); a line
/// that ends one page and starts the next, and a caption repeated under
/// every organ ("Uppdrag:"), are content, not running headers.
#[test]
fn a_generated_package_reads_the_same_as_pdf_and_as_markdown() {
    for sample in ["stockholm", "haninge"] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join(sample);
        generated(
            &root().join(format!("samples/{sample}.json")),
            &out,
            "md,pdf",
        );
        let (markdown_folder, pdf_folder) = (only(&out, "md"), only(&out, "pdf"));
        let (_, markdown) = check_json(&markdown_folder);
        let (_, pdf) = check_json(&pdf_folder);
        let markdown = said_by_file(&markdown, &markdown_folder, "md");
        let pdf = said_by_file(&pdf, &pdf_folder, "pdf");
        assert!(!markdown.is_empty(), "{sample}: the samples have warnings");
        let only_pdf: Vec<&String> = pdf.difference(&markdown).collect();
        let only_markdown: Vec<&String> = markdown.difference(&pdf).collect();
        assert!(
            only_pdf.is_empty() && only_markdown.is_empty(),
            "{sample}: only in the PDF check: {only_pdf:#?}\nonly in the Markdown check: {only_markdown:#?}"
        );
    }
}

/// An avsiktsförklaring of Försäkringskassan, Arbetsförmedlingen, a region
/// and 20 kommuner: its signature forms, two side by side, fill several
/// pages, each page's first row standing where the page before had its
/// own. The PDF library takes such text for a running header; every party
/// still reads back, each form on its own (side by side they would run
/// together: "För Arbetsförmedlingen För Region Exempellän").
#[test]
fn every_partys_signature_form_reads_back_from_a_long_pdf() {
    let stockholm = std::fs::read(root().join("samples/stockholm.json")).unwrap();
    let description = super::many_kommuner::many_kommuner(&stockholm, 20);
    let parties: Vec<String> = description["medlemmar"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["namn"].as_str().unwrap().to_string())
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let spec = write_description(dir.path(), "tjugo.json", &description);
    let out = dir.path().join("ut");
    let output = generate(
        &spec,
        &out,
        &[
            "--doc",
            "avsiktsforklaring",
            "--format",
            "pdf",
            "--allow-errors",
        ],
    );
    assert!(output.status.success(), "{}", transcript(&output));
    let output = forbund_in(dir.path())
        .arg("import")
        .arg(out.join("avsiktsforklaring.pdf"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", transcript(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    let read: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim().trim_end_matches('\\').strip_prefix("För "))
        .collect();
    assert_eq!(read, parties, "{text}");
}
