//! `forbund modernize`: outdated terms replaced, the jämförelsetabell
//! written beside the document, and nothing changed the second time.

use super::{forbund_in, root, transcript};

const OLD: &str = "samples/reference/haninge-forbundsordning.md";

#[test]
fn modernizes_haninge_and_writes_the_jamforelsetabell() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ny.md");
    let table = dir.path().join("ny-jamforelsetabell.md");
    let output = forbund_in(&root())
        .args(["modernize", OLD, "-o"])
        .arg(&out)
        .arg("--tabell")
        .arg(&table)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", transcript(&output));
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(!md.to_lowercase().contains("skall"), "{md}");
    assert!(md.contains("Arbetsförmedlingen"), "{md}");
    assert!(md.contains("Region Stockholm"), "{md}");
    assert!(!md.contains("länsarbetsnämnd"), "{md}");
    // Manual items are left as they are.
    assert!(md.contains("revisorsersättare"), "{md}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("«skall» → «ska»"), "{stderr}");
    assert!(stderr.contains("att åtgärda för hand"), "{stderr}");
    assert!(stderr.contains("«revisorsersättare»"), "{stderr}");
    let tabell = std::fs::read_to_string(&table).unwrap();
    for section in ["3 §", "4 §", "5 §", "13 §", "16 §"] {
        assert!(tabell.contains(section), "{section} in {tabell}");
    }
    assert!(tabell.contains("Nuvarande lydelse"), "{tabell}");

    // A second run changes nothing.
    let again = dir.path().join("igen.md");
    let output = forbund_in(&root())
        .arg("modernize")
        .arg(&out)
        .arg("-o")
        .arg(&again)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", transcript(&output));
    assert_eq!(std::fs::read_to_string(&again).unwrap(), md);
    assert!(dir.path().join("igen-jamforelsetabell.docx").exists());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("inga föråldrade uttryck att ersätta"),
        "{stderr}"
    );
}

#[test]
fn keeps_case_and_writes_docx_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("gammal.md");
    std::fs::write(
        &old,
        "# Förbundsordning för Samordningsförbundet Test\n\n## 1 § Namn\n\nSkall styrelsen höra Landstinget? Styrelsen skall höra landstingsfullmäktige.\n",
    )
    .unwrap();
    let out = dir.path().join("ny.md");
    let output = forbund_in(dir.path())
        .args(["modernize", "gammal.md", "-o", "ny.md"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", transcript(&output));
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(
        md.contains("Ska styrelsen höra Regionen? Styrelsen ska höra regionfullmäktige."),
        "{md}"
    );
    let table = dir.path().join("ny-jamforelsetabell.docx");
    assert!(std::fs::read(&table).unwrap().starts_with(b"PK"));

    // Nothing is overwritten without --force, and nothing half-written.
    let output = forbund_in(dir.path())
        .args(["modernize", "gammal.md", "-o", "ny.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", transcript(&output));
    let output = forbund_in(dir.path())
        .args(["modernize", "gammal.md", "-o", "ny.md", "--force"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", transcript(&output));
}
