//! `forbund serve`: the web application driven in-process over HTTP
//! (`tower::ServiceExt::oneshot`), and the binary over a real socket.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, Stdio};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Request, StatusCode, header};
use forbund::web::{Config, Limits, router};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use super::{forbund_in, root};

const PORT: u16 = 8080;
const HOST: &str = "127.0.0.1:8080";
const BOUNDARY: &str = "forbundgrans";

fn app() -> Router {
    router(Config::new(PORT))
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::HOST, HOST)
        .body(Body::empty())
        .unwrap()
}

fn post_json(uri: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(uri)
        .header(header::HOST, HOST)
        .header(header::ORIGIN, "http://127.0.0.1:8080")
        .header(header::CONTENT_TYPE, "application/json")
        .body(body.into())
        .unwrap()
}

/// A multipart body: files as (field, file name, bytes), then text fields.
fn multipart(files: &[(&str, &str, &[u8])], fields: &[(&str, &str)]) -> Vec<u8> {
    let mut body = Vec::new();
    for (field, name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    for (field, value) in fields {
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

fn post_multipart(uri: &str, body: Vec<u8>) -> Request<Body> {
    Request::post(uri)
        .header(header::HOST, HOST)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from(body))
        .unwrap()
}

async fn send_to(app: Router, request: Request<Body>) -> (StatusCode, HeaderMap, Bytes) {
    let response = app.oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, body)
}

async fn send(request: Request<Body>) -> (StatusCode, HeaderMap, Bytes) {
    send_to(app(), request).await
}

fn json(body: &Bytes) -> Value {
    serde_json::from_slice(body).unwrap_or_else(|e| {
        panic!("not JSON ({e}): {}", String::from_utf8_lossy(body));
    })
}

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(root().join("samples").join(name)).unwrap()
}

/// A Swedish JSON error with this status.
fn assert_swedish_error(status: StatusCode, body: &Bytes, expected: StatusCode, words: &str) {
    assert_eq!(status, expected, "{}", String::from_utf8_lossy(body));
    let value = json(body);
    let message = value["error"].as_str().unwrap();
    assert!(message.contains(words), "{message}");
}

fn zip_entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let mut content = Vec::new();
            entry.read_to_end(&mut content).unwrap();
            (entry.name().to_string(), content)
        })
        .collect()
}

#[tokio::test]
async fn serves_the_page_its_script_and_style_from_the_binary() {
    let (status, headers, body) = send(get("/")).await;
    assert_eq!(status, StatusCode::OK);
    let page = String::from_utf8_lossy(&body);
    assert!(page.contains("<html lang=\"sv\">"));
    assert!(page.contains("Beskriv och förhandsgranska"));
    let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(policy.contains("default-src 'self'"), "{policy}");
    for path in ["/app.js", "/style.css"] {
        let (status, _, body) = send(get(path)).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let text = String::from_utf8_lossy(&body);
        // Nothing the page loads comes from the network.
        assert!(
            !text.contains("http://") && !text.contains("https://"),
            "{path}"
        );
    }
    assert!(!page.contains("http://") && !page.contains("https://"));
}

#[tokio::test]
async fn the_schema_is_the_one_forbund_schema_prints_and_the_example_is_valid() {
    let (status, _, body) = send(get("/api/schema")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(json(&body), forbund::spec::schema::schema_value());
    let (status, _, example) = send(get("/api/example")).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, body) = send(post_json("/api/validate", example)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(json(&body)["valid"], true);
}

#[tokio::test]
async fn validate_reports_every_problem_at_its_json_path() {
    let mut description: Value = serde_json::from_slice(&sample("haninge.json")).unwrap();
    description["medlemmar"][1]["typ"] = "landsting".into();
    description["sätte"] = "Haninge".into();
    let (status, _, body) = send(post_json("/api/validate", description.to_string())).await;
    assert_eq!(status, StatusCode::OK);
    let value = json(&body);
    assert_eq!(value["valid"], false);
    let problems = value["problems"].as_array().unwrap();
    let at = |path: &str| {
        problems
            .iter()
            .find(|p| p["location"]["path"] == path)
            .unwrap_or_else(|| panic!("no problem at {path}: {problems:?}"))
    };
    assert!(
        at("/medlemmar/1/typ")["message"]
            .as_str()
            .unwrap()
            .contains("«landsting» är inte ett tillåtet värde")
    );
    assert!(
        at("/sätte")["message"]
            .as_str()
            .unwrap()
            .contains("menade du «säte»?")
    );
    assert_eq!(problems[0]["location"]["file"], "utkast.json");
}

#[tokio::test]
async fn an_opened_file_comes_back_as_its_value_comments_and_all() {
    let text = "// Vår beskrivning\n{\n  \"namn\": \"Samordningsförbundet X\" // namnet\n}\n";
    let (status, _, body) = send(post_json("/api/open?name=min.json", text)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        json(&body),
        serde_json::json!({"namn": "Samordningsförbundet X"})
    );
    let (status, _, body) = send(post_json(
        "/api/open?name=../trasig.json",
        "{\n  \"namn\": ,\n}",
    ))
    .await;
    assert_swedish_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        "trasig.json kan inte öppnas",
    );
    let problem = &json(&body)["problems"][0];
    assert_eq!(problem["id"], "JSON-SYNTAX");
    assert_eq!(problem["location"]["file"], "trasig.json");
    assert_eq!(problem["location"]["line"], 2);
}

#[tokio::test]
async fn malformed_descriptions_get_the_command_lines_messages() {
    let (status, _, body) = send(post_json("/api/validate", "{\"namn\": ")).await;
    assert_eq!(status, StatusCode::OK);
    let value = json(&body);
    assert_eq!(value["problems"][0]["id"], "JSON-SYNTAX");
    assert_eq!(value["problems"][0]["location"]["line"], 1);
    let (_, _, body) = send(post_json("/api/validate", "")).await;
    assert_eq!(json(&body)["problems"][0]["id"], "JSON-TOM");
    let (_, _, body) = send(post_json("/api/validate", vec![0xff, 0xfe, 0x00])).await;
    assert_eq!(json(&body)["problems"][0]["id"], "JSON-KODNING");
    // Downloads need a valid description and say why not.
    let (status, _, body) = send(post_json("/api/package", "[]")).await;
    assert_swedish_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        "beskrivningen har fel",
    );
    assert!(!json(&body)["problems"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn preview_renders_every_draft_checks_it_and_reports_its_time() {
    let (status, headers, body) = send(post_json("/api/preview", sample("stockholm.json"))).await;
    assert_eq!(status, StatusCode::OK);
    let timing = headers["server-timing"].to_str().unwrap();
    let millis: f64 = timing
        .strip_prefix("preview;dur=")
        .unwrap()
        .parse()
        .unwrap();
    eprintln!("förhandsvisning av stockholm.json (debug-bygge): {millis} ms");
    let value = json(&body);
    assert_eq!(value["valid"], true);
    let stems: Vec<&str> = value["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file_stem"].as_str().unwrap())
        .collect();
    assert_eq!(
        stems,
        [
            "forbundsordning",
            "avsiktsforklaring",
            "organisation",
            "tjansteutlatande-stockholms-stad",
            "tjansteutlatande-stockholms-lans-landsting"
        ]
    );
    let fo = &value["documents"][0];
    assert!(
        fo["html"]
            .as_str()
            .unwrap()
            .contains("Förbundsordning för Samordningsförbundet Stockholms stad")
    );
    let reports = value["reports"].as_array().unwrap();
    assert_eq!(reports[0]["file"], "utkast.json");
    assert_eq!(reports[0]["checked"], "beskrivning");
    assert!(reports[0]["checklist"].as_array().unwrap().len() >= 9);
    assert!(
        reports
            .iter()
            .any(|r| r["file"] == "utkast.json:forbundsordning")
    );
    assert!(reports.iter().any(|r| r["checked"] == "beslutspaket"));
    // The sample posts notices on a physical anslagstavla: a finding at
    // the field, with its provision.
    let notice = reports[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["location"]["path"] == "/tillkännagivanden/plats")
        .expect("a finding on the anslagstavla");
    assert!(notice["citation"].is_object());
}

#[tokio::test]
async fn an_invalid_preview_lists_the_problems_instead_of_drafts() {
    let mut description: Value = serde_json::from_slice(&sample("haninge.json")).unwrap();
    description["medlemmar"][0]["namn"] = "".into();
    let (status, _, body) = send(post_json("/api/preview", description.to_string())).await;
    assert_eq!(status, StatusCode::OK);
    let value = json(&body);
    assert_eq!(value["valid"], false);
    assert!(value["documents"].as_array().unwrap().is_empty());
    assert_eq!(
        value["problems"][0]["location"]["path"],
        "/medlemmar/0/namn"
    );
}

fn generated(spec: &Path, out: &Path) -> Vec<(String, Vec<u8>)> {
    let output = forbund_in(&root())
        .args(["generate"])
        .arg(spec)
        .arg("-o")
        .arg(out)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", super::transcript(&output));
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let path = Path::new(line);
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(path).unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_package_zip_holds_the_same_bytes_forbund_generate_writes() {
    let dir = tempfile::tempdir().unwrap();
    let spec = root().join("samples/haninge.json");
    let expected = generated(&spec, dir.path());
    let (status, headers, body) = send(post_json("/api/package", sample("haninge.json"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/zip");
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("samordningsforbundet-haninge.zip")
    );
    let entries = zip_entries(&body);
    assert_eq!(entries.len(), expected.len());
    assert_eq!(entries, expected);
    // The zip itself is the same for the same description.
    let (_, _, again) = send(post_json("/api/package", sample("haninge.json"))).await;
    assert_eq!(body, again);
}

#[tokio::test]
async fn a_document_carrying_accepted_deviations_is_the_same_in_every_format() {
    // husam.json accepts deviations its förbundsordning shows: each format
    // carries them, and the page gives the bytes `forbund generate` writes.
    let dir = tempfile::tempdir().unwrap();
    let expected = generated(&root().join("samples/husam.json"), dir.path());
    for extension in ["docx", "pdf", "html"] {
        let name = format!("forbundsordning.{extension}");
        let (_, bytes) = expected.iter().find(|(n, _)| *n == name).unwrap();
        let request = post_json(&format!("/api/document?file={name}"), sample("husam.json"));
        let (status, _, body) = send(request).await;
        assert_eq!(status, StatusCode::OK, "{name}");
        assert_eq!(&body[..], &bytes[..], "{name}");
    }
}

#[tokio::test]
async fn one_document_in_one_format() {
    let dir = tempfile::tempdir().unwrap();
    let expected = generated(&root().join("samples/husam.json"), dir.path());
    let (name, bytes) = expected
        .iter()
        .find(|(name, _)| name == "forbundsordning.md")
        .unwrap();
    let request = post_json(&format!("/api/document?file={name}"), sample("husam.json"));
    let (status, headers, body) = send(request).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/markdown")
    );
    assert_eq!(&body[..], &bytes[..]);
    let (status, _, body) = send(post_json(
        "/api/document?file=forbundsordning.exe",
        sample("husam.json"),
    ))
    .await;
    assert_swedish_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        ".docx, .pdf, .md eller .html",
    );
    let (status, _, body) = send(post_json(
        "/api/document?file=tjansteutlatande-nacka.docx",
        sample("husam.json"),
    ))
    .await;
    assert_swedish_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        "inget dokument som heter",
    );
}

fn reference(name: &str) -> Vec<u8> {
    std::fs::read(root().join("samples/reference").join(name)).unwrap()
}

#[tokio::test]
async fn compares_two_uploaded_forbundsordningar() {
    let old = reference("haninge-forbundsordning.md");
    let new = reference("husam-forbundsordning.md");
    let body = multipart(
        &[
            ("old", "haninge-forbundsordning.md", &old),
            ("new", "husam-forbundsordning.md", &new),
        ],
        &[],
    );
    let (status, _, body) = send(post_multipart("/api/compare", body)).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    let value = json(&body);
    assert_eq!(value["old"], "haninge-forbundsordning.md");
    assert_eq!(value["new"], "husam-forbundsordning.md");
    assert_eq!(value["unchanged"], false);
    assert!(
        value["html"]
            .as_str()
            .unwrap()
            .contains("<h1>Jämförelse</h1>")
    );
    assert!(!value["substance"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn compares_an_upload_with_the_draft_and_downloads_table_and_tracked_changes() {
    let old = reference("stockholm-forbundsordning.md");
    let draft = String::from_utf8(sample("stockholm.json")).unwrap();
    let upload = || {
        multipart(
            &[("old", "stockholm-forbundsordning.md", &old)],
            &[("description", &draft), ("ikraft", "2027-01-01")],
        )
    };
    let (status, _, body) = send(post_multipart("/api/compare", upload())).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    assert_eq!(json(&body)["new"], "utkast.json");
    let (status, headers, table) =
        send(post_multipart("/api/compare/table?format=docx", upload())).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("jamforelsetabell.docx")
    );
    let document = zip_entries(&table)
        .into_iter()
        .find(|(name, _)| name == "word/document.xml")
        .unwrap();
    let xml = String::from_utf8_lossy(&document.1);
    assert!(xml.contains("Nuvarande lydelse") && xml.contains("Föreslagen lydelse"));
    let (status, _, tracked) = send(post_multipart("/api/compare/tracked", upload())).await;
    assert_eq!(status, StatusCode::OK);
    let document = zip_entries(&tracked)
        .into_iter()
        .find(|(name, _)| name == "word/document.xml")
        .unwrap();
    let xml = String::from_utf8_lossy(&document.1);
    assert!(xml.contains("<w:ins ") && xml.contains("<w:del "));
}

#[tokio::test]
async fn a_comparison_without_its_sides_or_with_junk_says_what_is_wrong() {
    let (status, _, body) = send(post_multipart("/api/compare", multipart(&[], &[]))).await;
    assert_swedish_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        "nuvarande förbundsordningen",
    );
    let junk = [0u8, 159, 146, 150, 0, 1, 2];
    let body = multipart(
        &[("old", "skräp.docx", &junk), ("new", "skräp2.md", &junk)],
        &[],
    );
    let (status, _, body) = send(post_multipart("/api/compare", body)).await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "{}",
        String::from_utf8_lossy(&body)
    );
    assert!(
        json(&body)["error"]
            .as_str()
            .unwrap()
            .contains("skräp.docx")
    );
    let bad = b"{\"namn\": 1}";
    let body = multipart(&[("old", "a.json", bad), ("new", "b.md", b"# x")], &[]);
    let (status, _, body) = send(post_multipart("/api/compare", body)).await;
    assert_swedish_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        "ingen giltig beskrivning",
    );
    assert!(!json(&body)["problems"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn checks_uploads_as_a_package_with_the_checklist_and_gives_sarif() {
    let fo = reference("stockholm-forbundsordning.md");
    let af = reference("stockholm-avsiktsforklaring.md");
    let tu = reference("stockholm-tjansteutlatande.md");
    let upload = || {
        multipart(
            &[
                ("files", "stockholm-forbundsordning.md", &fo),
                ("files", "stockholm-avsiktsforklaring.md", &af),
                ("files", "stockholm-tjansteutlatande.md", &tu),
            ],
            &[],
        )
    };
    let (status, _, body) = send(post_multipart("/api/check", upload())).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    let value = json(&body);
    let reports = value["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 4);
    assert_eq!(reports[0]["checked"], "forbundsordning");
    assert!(reports[0]["checklist"].as_array().unwrap().len() >= 9);
    assert_eq!(reports[3]["checked"], "beslutspaket");
    assert!(
        reports[0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["citation"].is_object())
    );
    let (status, headers, sarif) = send(post_multipart("/api/check/sarif", upload())).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("kontroll.sarif")
    );
    assert_eq!(json(&sarif)["version"], "2.1.0");
}

#[tokio::test]
async fn checks_the_draft_and_its_drafts_when_asked() {
    let draft = String::from_utf8(sample("husam.json")).unwrap();
    let body = multipart(&[], &[("description", &draft), ("drafts", "1")]);
    let (status, _, body) = send(post_multipart("/api/check", body)).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    let value = json(&body);
    let files: Vec<&str> = value["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    assert_eq!(files[0], "utkast.json");
    assert!(files.contains(&"utkast.json:forbundsordning"), "{files:?}");
    assert!(files.contains(&"utkast.json:beslutspaket"), "{files:?}");
    // The same check as `forbund check --drafts`, whose summary it carries.
    assert!(value["summary"].is_object());
}

#[tokio::test]
async fn an_unreadable_upload_gets_a_report_saying_why() {
    let body = multipart(&[("files", "tom.md", b"")], &[]);
    let (status, _, body) = send(post_multipart("/api/check", body)).await;
    assert_eq!(status, StatusCode::OK);
    let value = json(&body);
    assert_eq!(value["reports"][0]["checked"], "oläsbar");
    assert_eq!(
        value["reports"][0]["findings"][0]["location"]["file"],
        "tom.md"
    );
    let (status, _, body) = send(post_multipart("/api/check", multipart(&[], &[]))).await;
    assert_swedish_error(status, &body, StatusCode::BAD_REQUEST, "välj minst en fil");
}

#[tokio::test]
async fn a_foreign_host_or_origin_is_refused() {
    let request = Request::get("/api/schema")
        .header(header::HOST, "angripare.example:8080")
        .body(Body::empty())
        .unwrap();
    let (status, _, body) = send(request).await;
    assert_swedish_error(
        status,
        &body,
        StatusCode::FORBIDDEN,
        "är inte den här datorns server",
    );
    let request = Request::get("/").body(Body::empty()).unwrap();
    let (status, _, _) = send(request).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let request = Request::post("/api/package")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, "https://angripare.example")
        .body(Body::from(sample("haninge.json")))
        .unwrap();
    let (status, _, body) = send(request).await;
    assert_swedish_error(
        status,
        &body,
        StatusCode::FORBIDDEN,
        "från en annan webbplats",
    );
    // The same port under the other local name is the server's own.
    let request = Request::get("/api/example")
        .header(header::HOST, "localhost:8080")
        .header(header::ORIGIN, "http://localhost:8080")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(request).await.0, StatusCode::OK);
}

#[tokio::test]
async fn oversized_requests_are_refused_in_swedish() {
    let big = vec![b' '; forbund::spec::load::MAX_BYTES as usize + 10];
    let (status, _, body) = send(post_json("/api/preview", big)).await;
    assert_swedish_error(
        status,
        &body,
        StatusCode::PAYLOAD_TOO_LARGE,
        "beskrivningen är för stor",
    );
    let small = Config {
        limits: Limits {
            file_bytes: 1000,
            upload_bytes: 5000,
            files: 2,
            ..Limits::default()
        },
        ..Config::new(PORT)
    };
    let file = vec![b'a'; 1500];
    let body = multipart(&[("files", "stor.md", &file)], &[]);
    let (status, _, body) =
        send_to(router(small.clone()), post_multipart("/api/check", body)).await;
    assert_swedish_error(status, &body, StatusCode::PAYLOAD_TOO_LARGE, "stor.md");
    let file = vec![b'a'; 900];
    let body = multipart(&[("files", "a.md", file.as_slice()); 6], &[]);
    let (status, _, body) =
        send_to(router(small.clone()), post_multipart("/api/check", body)).await;
    assert_eq!(
        status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        String::from_utf8_lossy(&body)
    );
    json(&body);
    let file = vec![b'a'; 10];
    let body = multipart(&[("files", "a.md", file.as_slice()); 3], &[]);
    let (status, _, body) = send_to(router(small), post_multipart("/api/check", body)).await;
    assert_swedish_error(
        status,
        &body,
        StatusCode::PAYLOAD_TOO_LARGE,
        "för många filer",
    );
}

#[tokio::test]
async fn malformed_requests_get_swedish_json_not_a_trace() {
    // A multipart request that is not multipart.
    let request = Request::post("/api/check")
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from("hej"))
        .unwrap();
    let (status, _, body) = send(request).await;
    assert!(status.is_client_error());
    assert!(json(&body)["error"].is_string());
    // A broken multipart body.
    let request = Request::post("/api/compare")
        .header(header::HOST, HOST)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from("--forbundgrans\r\nskräp"))
        .unwrap();
    let (status, _, body) = send(request).await;
    assert_swedish_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        "uppladdningen kunde inte läsas",
    );
    let (status, _, body) = send(get("/api/preview")).await;
    assert_swedish_error(
        status,
        &body,
        StatusCode::METHOD_NOT_ALLOWED,
        "metoden är inte tillåten",
    );
    let (status, _, body) = send(get("/../../etc/passwd")).await;
    assert_swedish_error(status, &body, StatusCode::NOT_FOUND, "sidan finns inte");
    let (status, _, body) = send(get("/api/document")).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    json(&body);
}

/// The server started as a user starts it, on a free port.
struct Server {
    child: Child,
    address: String,
}

impl Server {
    fn start() -> Server {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("forbund"))
            .args(["serve", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let address = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        Server { child, address }
    }

    /// One HTTP/1.1 request with this `Host`; the status line and body.
    fn request(&self, host: &str, path: &str) -> (String, String) {
        let mut stream = std::net::TcpStream::connect(&self.address).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let status = response.lines().next().unwrap_or_default().to_string();
        let body = response
            .split("\r\n\r\n")
            .nth(1)
            .unwrap_or_default()
            .to_string();
        (status, body)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn the_binary_serves_on_127_0_0_1_and_refuses_a_rebound_name() {
    let server = Server::start();
    assert!(
        server.address.starts_with("127.0.0.1:"),
        "{}",
        server.address
    );
    let (status, body) = server.request(&server.address, "/");
    assert!(status.contains("200"), "{status}");
    assert!(body.contains("forbund"));
    let (status, body) = server.request("rebind.example", "/api/schema");
    assert!(status.contains("403"), "{status}");
    assert!(body.contains("förfrågan avvisas"), "{body}");
}
