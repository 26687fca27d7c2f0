//! `forbund new`.

use super::{forbund_in, transcript};

#[test]
fn writes_a_valid_commented_starter_and_its_schema() {
    let dir = tempfile::tempdir().unwrap();
    let output = forbund_in(dir.path())
        .args(["new", "min-forbund.json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", transcript(&output));
    let text = std::fs::read_to_string(dir.path().join("min-forbund.json")).unwrap();
    assert!(text.starts_with("// "), "the starter is commented");
    assert!(text.contains("\"$schema\": \"forbund.schema.json\""));
    assert!(dir.path().join("forbund.schema.json").exists());
    let output = forbund_in(dir.path())
        .args(["validate", "min-forbund.json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", transcript(&output));
}

#[test]
fn never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("min-forbund.json");
    std::fs::write(&file, "mitt eget arbete").unwrap();
    let output = forbund_in(dir.path())
        .args(["new", "min-forbund.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("skriver inte över befintliga filer"),
        "{}",
        transcript(&output)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mitt eget arbete");
    assert!(
        !dir.path().join("forbund.schema.json").exists(),
        "nothing is written when one target is refused"
    );
    let output = forbund_in(dir.path())
        .args(["new", "--force", "min-forbund.json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", transcript(&output));
    assert!(std::fs::read_to_string(&file).unwrap().contains("\"namn\""));
}
