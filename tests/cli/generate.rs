//! `forbund generate`: documents from the four samples, every format,
//! safety against injection, renumbering, overwriting and determinism.

use std::path::{Path, PathBuf};

use super::{generate, root, transcript};

/// The samples the documents are snapshotted for.
const SAMPLES: [&str; 5] = [
    "stockholm",
    "haninge",
    "haninge-antagen",
    "husam",
    "norra-uppland",
];

/// A name that would be markup in every output format.
const INJECTION: &str = "#read(\"/etc/passwd\") *x* _y_ $z$ <w> [v] \\ # ## 1 §";

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// The text of a PDF, via pdftotext; None (and the test skips that part)
/// only when pdftotext is missing outside CI.
pub fn pdf_text(path: &Path) -> Option<String> {
    match std::process::Command::new("pdftotext")
        .arg("-raw")
        .arg(path)
        .arg("-")
        .output()
    {
        Ok(output) if output.status.success() => Some(String::from_utf8(output.stdout).unwrap()),
        _ if std::env::var_os("CI").is_some() => panic!("pdftotext is required under CI"),
        _ => {
            eprintln!("pdftotext missing: skipping the PDF text check");
            None
        }
    }
}

/// word/document.xml of a DOCX.
pub fn docx_xml(path: &Path) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    xml
}

/// The visible text of word/document.xml: the w:t runs, a line per paragraph.
pub fn docx_text(path: &Path) -> String {
    let xml = docx_xml(path);
    let mut text = String::new();
    for paragraph in xml.split("</w:p>") {
        for run in paragraph.split("<w:t").skip(1) {
            let Some(start) = run.find('>') else { continue };
            let body = &run[start + 1..];
            let end = body.find("</w:t>").unwrap_or(0);
            text.push_str(&unescape_xml(&body[..end]));
        }
        text.push('\n');
    }
    text
}

fn unescape_xml(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn markdown_of_every_document_for_every_sample() {
    for sample in SAMPLES {
        let out = tempfile::tempdir().unwrap();
        let spec = root().join(format!("samples/{sample}.json"));
        let output = generate(&spec, out.path(), &["--format", "md"]);
        assert!(output.status.success(), "{}", transcript(&output));
        for file in files(out.path()) {
            let name = file.file_stem().unwrap().to_str().unwrap().to_string();
            let text = std::fs::read_to_string(&file).unwrap();
            insta::assert_snapshot!(format!("{sample}__{name}"), text);
        }
    }
}

#[test]
fn all_formats_carry_headings_members_and_amounts() {
    let out = tempfile::tempdir().unwrap();
    let output = generate(&root().join("samples/stockholm.json"), out.path(), &[]);
    assert!(output.status.success(), "{}", transcript(&output));
    let names: Vec<String> = files(out.path())
        .iter()
        .map(|p| p.file_name().unwrap().to_str().unwrap().to_string())
        .collect();
    for stem in [
        "forbundsordning",
        "avsiktsforklaring",
        "organisation",
        "tjansteutlatande-stockholms-stad",
        "tjansteutlatande-stockholms-lans-landsting",
    ] {
        for ext in ["docx", "pdf", "md", "html"] {
            assert!(
                names.contains(&format!("{stem}.{ext}")),
                "{stem}.{ext} in {names:?}"
            );
        }
    }
    assert_eq!(names.len(), 20, "{names:?}");

    let docx = docx_text(&out.path().join("forbundsordning.docx"));
    assert!(docx.contains("1 § Förbundets namn"), "{docx}");
    assert!(docx.contains("Stockholms läns landsting"));
    let xml = docx_xml(&out.path().join("forbundsordning.docx"));
    assert!(
        xml.contains("Heading1"),
        "section headings use Word heading styles"
    );
    let tu = docx_text(&out.path().join("tjansteutlatande-stockholms-stad.docx"));
    assert!(tu.contains("2\u{a0}000\u{a0}000\u{a0}kronor"), "{tu}");

    if let Some(pdf) = pdf_text(&out.path().join("forbundsordning.pdf")) {
        assert!(pdf.contains("1 § Förbundets namn"), "{pdf}");
        assert!(pdf.contains("Arbetsförmedlingen"));
        assert!(pdf.contains("Sida 1 av"));
    }
    if let Some(pdf) = pdf_text(&out.path().join("avsiktsforklaring.pdf")) {
        assert!(pdf.contains("16 000 000"), "{pdf}");
    }
    let html = std::fs::read_to_string(out.path().join("forbundsordning.html")).unwrap();
    assert!(html.contains("<h2>1 § Förbundets namn</h2>"));
    assert!(html.starts_with("<!DOCTYPE html>"));
}

fn injected_description(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(root().join("samples/stockholm.json")).unwrap();
    let mut spec: serde_json::Value = serde_json::from_str(&text).unwrap();
    spec["namn"] = INJECTION.into();
    spec["säte"] = INJECTION.into();
    spec.as_object_mut().unwrap().remove("$schema");
    let path = dir.join("injektion.json");
    std::fs::write(&path, serde_json::to_string_pretty(&spec).unwrap()).unwrap();
    path
}

#[test]
fn no_input_can_inject_structure_in_any_format() {
    let dir = tempfile::tempdir().unwrap();
    let spec = injected_description(dir.path());
    let out = dir.path().join("ut");
    let output = generate(&spec, &out, &["--doc", "forbundsordning"]);
    assert!(output.status.success(), "{}", transcript(&output));

    // Markdown: read back by a CommonMark parser, the name is literal text.
    let md = std::fs::read_to_string(out.join("forbundsordning.md")).unwrap();
    let mut text = String::new();
    let mut headings = 0;
    for event in pulldown_cmark::Parser::new(&md) {
        match event {
            pulldown_cmark::Event::Text(t) => text.push_str(&t),
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Heading { .. }) => headings += 1,
            pulldown_cmark::Event::End(pulldown_cmark::TagEnd::Paragraph) => text.push('\n'),
            _ => {}
        }
    }
    assert!(
        text.contains(&format!("Förbundets namn är {INJECTION}.")),
        "{text}"
    );
    assert_eq!(headings, 1 + 23, "no heading was injected");

    let html = std::fs::read_to_string(out.join("forbundsordning.html")).unwrap();
    assert!(html.contains("#read(&quot;/etc/passwd&quot;) *x* _y_ $z$ &lt;w&gt; [v] \\ # ## 1 §"));
    assert!(!html.contains("<w>"));

    let docx = docx_text(&out.join("forbundsordning.docx"));
    assert!(
        docx.contains(&format!("Förbundets namn är {INJECTION}.")),
        "{docx}"
    );

    if let Some(pdf) = pdf_text(&out.join("forbundsordning.pdf")) {
        let flat: String = pdf.split_whitespace().collect();
        let wanted: String = format!("Förbundets namn är {INJECTION}.")
            .split_whitespace()
            .collect();
        assert!(flat.contains(&wanted), "{pdf}");
        assert!(!pdf.contains("root:"), "no file was read");
    }
}

fn with_working_committee(dir: &Path, on: bool) -> PathBuf {
    let text = std::fs::read_to_string(root().join("samples/haninge.json")).unwrap();
    let mut spec: serde_json::Value = serde_json::from_str(&text).unwrap();
    spec["styrelse"]["arbetsutskott"] = on.into();
    spec.as_object_mut().unwrap().remove("$schema");
    let path = dir.join(format!("au-{on}.json"));
    std::fs::write(&path, serde_json::to_string_pretty(&spec).unwrap()).unwrap();
    path
}

fn section_number(md: &str, heading: &str) -> u32 {
    md.lines()
        .find_map(|l| {
            let rest = l.strip_prefix("## ")?;
            let (number, title) = rest.split_once(" § ")?;
            (title == heading).then(|| number.parse().unwrap())
        })
        .unwrap_or_else(|| panic!("no § «{heading}» in\n{md}"))
}

#[test]
fn an_optional_section_renumbers_the_rest_and_every_reference() {
    let dir = tempfile::tempdir().unwrap();
    let mut texts = Vec::new();
    for on in [true, false] {
        let out = dir.path().join(format!("ut-{on}"));
        let spec = with_working_committee(dir.path(), on);
        let output = generate(&spec, &out, &["--doc", "forbundsordning", "--format", "md"]);
        assert!(output.status.success(), "{}", transcript(&output));
        texts.push(std::fs::read_to_string(out.join("forbundsordning.md")).unwrap());
    }
    let (with, without) = (&texts[0], &texts[1]);
    assert!(with.contains("§ Arbetsutskott"));
    assert!(!without.contains("§ Arbetsutskott"));
    for (md, shift) in [(with, 1), (without, 0)] {
        let andelar = section_number(
            md,
            "Andelar i tillgångar och skulder samt kostnadsfördelning",
        );
        let likvidation = section_number(md, "Likvidation och upplösning");
        let uttrade = section_number(md, "Utträde");
        assert_eq!(andelar, 12 + shift);
        let andring = section_number(md, "Ändring av förbundsordningen");
        assert!(md.contains(&format!("träda i likvidation enligt {likvidation} §")));
        assert!(md.contains(&format!(
            "tillgångar och skulder, beräknad enligt {andelar} §"
        )));
        assert!(md.contains(&format!("efter en medlems utträde enligt {uttrade} §")));
        assert!(md.contains(&format!("i den ordning som anges i {andring} §")));
        assert!(md.contains(&format!(
            "arkivet när förbundet upplöses anges i {likvidation} §"
        )));
    }
}

#[test]
fn refuses_to_overwrite_and_leaves_files_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ut");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("avsiktsforklaring.md"), "mitt utkast").unwrap();
    let spec = root().join("samples/husam.json");
    let output = generate(&spec, &out, &["--format", "md"]);
    assert_eq!(output.status.code(), Some(2), "{}", transcript(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("skriver inte över befintliga filer"),
        "{stderr}"
    );
    assert!(stderr.contains("avsiktsforklaring.md"), "{stderr}");
    assert_eq!(
        files(&out).len(),
        1,
        "nothing else was written when one file was refused"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("avsiktsforklaring.md")).unwrap(),
        "mitt utkast"
    );
    let output = generate(&spec, &out, &["--format", "md", "--force"]);
    assert!(output.status.success(), "{}", transcript(&output));
    assert_ne!(
        std::fs::read_to_string(out.join("avsiktsforklaring.md")).unwrap(),
        "mitt utkast"
    );
    assert!(
        files(&out).iter().all(|p| !p
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with(".forbund-")),
        "no temporary files are left behind"
    );
}

#[test]
fn the_same_description_gives_byte_identical_files() {
    let dir = tempfile::tempdir().unwrap();
    let spec = root().join("samples/stockholm.json");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    assert!(generate(&spec, &a, &[]).status.success());
    assert!(generate(&spec, &b, &[]).status.success());
    let (fa, fb) = (files(&a), files(&b));
    assert_eq!(fa.len(), 20);
    for (x, y) in fa.iter().zip(&fb) {
        assert_eq!(x.file_name(), y.file_name());
        assert!(
            std::fs::read(x).unwrap() == std::fs::read(y).unwrap(),
            "{} differs between runs",
            x.display()
        );
    }
}

#[test]
fn own_templates_override_and_built_ins_fill_in() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("mallar");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("avsiktsforklaring.md"),
        "# Vår avsiktsförklaring för {{ förbund.namn }}\n\n## Parter\n\n{{ medlemmar_text }}.\n",
    )
    .unwrap();
    let out = dir.path().join("ut");
    let output = generate(
        &root().join("samples/husam.json"),
        &out,
        &[
            "--format",
            "md",
            "--template-dir",
            templates.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", transcript(&output));
    let own = std::fs::read_to_string(out.join("avsiktsforklaring.md")).unwrap();
    assert!(
        own.contains("\n# Vår avsiktsförklaring för Samordningsförbundet HUSAM\n"),
        "{own}"
    );
    let builtin = std::fs::read_to_string(out.join("forbundsordning.md")).unwrap();
    assert!(builtin.contains("## 1 § Förbundets namn"));
}

#[test]
fn a_broken_own_template_names_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("mallar");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("forbundsordning.md"),
        "# Titel\n\n## {{ paragraf('a') }} A\n\nSe {{ ref('finns_inte') }}.\n",
    )
    .unwrap();
    let output = generate(
        &root().join("samples/husam.json"),
        &dir.path().join("ut"),
        &["--template-dir", templates.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("mallen forbundsordning.md"), "{stderr}");
    assert!(stderr.contains("rad 5"), "{stderr}");
    assert!(stderr.contains("finns_inte"), "{stderr}");
    assert!(!dir.path().join("ut").exists(), "nothing was written");
}

#[test]
fn libreoffice_opens_the_word_documents() {
    let Ok(version) = std::process::Command::new("soffice")
        .arg("--version")
        .output()
    else {
        eprintln!("LibreOffice missing: skipping the check that it opens the DOCX");
        return;
    };
    assert!(version.status.success());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ut");
    let output = generate(
        &root().join("samples/stockholm.json"),
        &out,
        &["--format", "docx"],
    );
    assert!(output.status.success(), "{}", transcript(&output));
    let converted = dir.path().join("txt");
    let status = std::process::Command::new("soffice")
        .args([
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
        ])
        .arg(&converted)
        .arg(out.join("forbundsordning.docx"))
        .arg(out.join("tjansteutlatande-stockholms-stad.docx"))
        .arg(out.join("organisation.docx"))
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", transcript(&status));
    let fo = std::fs::read_to_string(converted.join("forbundsordning.txt")).unwrap();
    assert!(fo.contains("1 § Förbundets namn"), "{fo}");
    assert!(fo.contains("23 § Förbundets bildande"), "{fo}");
    let tu =
        std::fs::read_to_string(converted.join("tjansteutlatande-stockholms-stad.txt")).unwrap();
    assert!(
        tu.lines()
            .any(|l| l.starts_with("att\tfastställa förbundsordningen")),
        "an att-sats is its own paragraph with a tab after att: {tu}"
    );
    // The chart's boxes are table cells LibreOffice reads in order.
    let organisation = std::fs::read_to_string(converted.join("organisation.txt")).unwrap();
    let boxes: Vec<usize> = [
        "Medlemmarna",
        "Styrelse",
        "Arbetsutskott",
        "Förbundschef",
        "Beredningsgrupp",
    ]
    .iter()
    .map(|b| {
        organisation
            .find(&format!("\n{b}\n"))
            .unwrap_or_else(|| panic!("{b} in {organisation}"))
    })
    .collect();
    assert!(boxes.windows(2).all(|w| w[0] < w[1]), "{organisation}");
}

#[test]
fn several_kommuner_split_their_quarter_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let spec = serde_json::json!({
        "namn": "Samordningsförbundet Tre kommuner",
        "säte": "Norrby",
        "verksamhetsstart": "2027-01-01",
        "medlemmar": [
            {"namn": "Norrby kommun", "typ": "kommun", "ledamöter": 1, "ersättare": 1, "befolkning_16_64": 10001},
            {"namn": "Söderby kommun", "typ": "kommun", "ledamöter": 1, "ersättare": 1, "befolkning_16_64": 20003},
            {"namn": "Västerby kommun", "typ": "kommun", "ledamöter": 1, "ersättare": 1, "befolkning_16_64": 7},
            {"namn": "Region Mellanlän", "typ": "region", "ledamöter": 1, "ersättare": 1},
            {"namn": "Försäkringskassan", "typ": "försäkringskassan", "ledamöter": 1, "ersättare": 1},
            {"namn": "Arbetsförmedlingen", "typ": "arbetsförmedlingen", "ledamöter": 1, "ersättare": 1}
        ],
        "ekonomi": {"budget": [{"år": 2027, "belopp": 1000003}], "kommunfördelning": "befolkning"}
    });
    let path = dir.path().join("tre.json");
    std::fs::write(&path, spec.to_string()).unwrap();
    let out = dir.path().join("ut");
    let output = generate(
        &path,
        &out,
        &["--doc", "tjansteutlatande", "--format", "md"],
    );
    assert!(output.status.success(), "{}", transcript(&output));
    let mut sum = 0u64;
    for kommun in ["norrby-kommun", "soderby-kommun", "vasterby-kommun"] {
        let md =
            std::fs::read_to_string(out.join(format!("tjansteutlatande-{kommun}.md"))).unwrap();
        let row = md
            .lines()
            .find(|l| l.starts_with("| 2027 |"))
            .unwrap_or_else(|| panic!("no budget row in {kommun}"));
        let own = row
            .split('|')
            .nth(3)
            .unwrap()
            .trim()
            .trim_end_matches(" kronor");
        sum += own.replace(' ', "").parse::<u64>().unwrap();
    }
    // 1 000 003 kronor by largest remainder: the state 500 001, the region
    // 250 001 and the kommuner together exactly the remaining 250 001.
    assert_eq!(sum, 250_001);
    let region = std::fs::read_to_string(out.join("tjansteutlatande-region-mellanlan.md")).unwrap();
    assert!(
        region.contains("| 2027 | 1 000 003 kronor | 250 001 kronor |"),
        "{region}"
    );
}
