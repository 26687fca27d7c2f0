//! Draft descriptions from the reference förbundsordningar: what is found,
//! what is missing, and that the draft loads once the gaps are filled.

use forbund::read::describe_document as extract;
use serde_json::{Value, json};

use super::parse_file;

fn draft(path: &str) -> Extracted {
    let d = extract(&parse_file(path).document);
    Extracted {
        description: serde_json::to_value(&d.description).unwrap(),
        found: d.found,
        missing: d.missing,
    }
}

/// The draft as JSON, for comparing with the description's keys.
struct Extracted {
    description: Value,
    found: Vec<String>,
    missing: Vec<String>,
}

/// Fills what no förbundsordning states and loads the draft.
fn load_filled(path: &str, mut description: Value) -> forbund::spec::Forbund {
    description["verksamhetsstart"] = json!("2007-01-01");
    description["ekonomi"] = json!({"budget": [{"år": 2007, "belopp": 4000000}]});
    let bytes = serde_json::to_vec_pretty(&description).unwrap();
    forbund::spec::load(path, &bytes).unwrap_or_else(|findings| {
        panic!(
            "{path}: {:#?}\n{}",
            findings,
            serde_json::to_string_pretty(&description).unwrap()
        )
    })
}

#[test]
fn every_reference_becomes_a_valid_description_once_filled() {
    for path in [
        "samples/reference/haninge-forbundsordning.md",
        "samples/reference/husam-forbundsordning.md",
        "samples/reference/stockholm-forbundsordning.md",
    ] {
        let extracted = draft(path);
        assert_eq!(
            extracted.missing,
            vec!["verksamhetsstart", "ekonomi.budget"],
            "{path}: {:#?}",
            extracted.found
        );
        let forbund = load_filled(path, extracted.description);
        assert_eq!(forbund.members.len(), 4, "{path}");
        assert_eq!(forbund.notice_years, 3, "{path}");
    }
}

#[test]
fn haninge_under_its_old_names() {
    let extracted = draft("samples/reference/haninge-forbundsordning.md");
    let d = &extracted.description;
    assert_eq!(d["namn"], "Samordningsförbundet Haninge");
    assert_eq!(d["säte"], "Haninge");
    assert_eq!(
        d["medlemmar"],
        json!([
            {"namn": "Försäkringskassan", "typ": "försäkringskassan", "ledamöter": 1, "ersättare": 1},
            {"namn": "Arbetsförmedlingen", "typ": "arbetsförmedlingen", "ledamöter": 1, "ersättare": 1},
            {"namn": "Stockholms läns landsting", "typ": "region", "ledamöter": 1, "ersättare": 1},
            {"namn": "Haninge kommun", "typ": "kommun", "ledamöter": 1, "ersättare": 1}
        ])
    );
    assert_eq!(
        d["mandattid"]["första"],
        json!({"från": "2007-01-01", "till": "2010-12-31"})
    );
    assert_eq!(d["uppsägningstid"], 3);
    assert_eq!(
        d["arkivtillsyn"],
        json!({"organ": "Kommunstyrelsen", "medlem": "Haninge kommun"})
    );
    assert_eq!(
        d["tillkännagivanden"],
        json!({"plats": "anslagstavla", "medlemmar": ["Haninge kommun"]})
    );
    assert_eq!(d["budgetprocess"]["fastställs_senast"], "30 november");
    assert_eq!(d["styrelse"]["beslutförhet"], "alla_medlemmar_företrädda");
    assert_eq!(d["revisorer"]["revisorsersättare"], true);
    assert!(
        extracted
            .found
            .iter()
            .any(|f| f.contains("«Länsarbetsnämnden i Stockholms kommun»")),
        "{:#?}",
        extracted.found
    );
}

#[test]
fn stockholm_with_qualified_majority_and_two_notice_boards() {
    let d = draft("samples/reference/stockholm-forbundsordning.md").description;
    assert_eq!(d["namn"], "Samordningsförbundet Stockholms stad");
    assert_eq!(d["säte"], "Stockholms stad");
    assert_eq!(
        d["styrelse"]["kvalificerad_majoritet"],
        json!({"andel": "3/4", "ärenden": ["budget", "verksamhetsplan"]})
    );
    assert_eq!(d["styrelse"]["beslutförhet"], "fler_än_hälften");
    assert_eq!(d["mandattid"]["första"], json!({"till": "2018-12-31"}));
    assert_eq!(
        d["tillkännagivanden"]["medlemmar"],
        json!(["Stockholms stad", "Stockholms läns landsting"])
    );
    assert_eq!(d["ersättning"]["enligt_medlems_regler"], "Stockholms stad");
    assert_eq!(d["budgetprocess"]["planeringshorisont_år"], 3);
    assert_eq!(d["ändamål"].as_array().map(Vec::len), Some(3));
}

#[test]
fn husam_auditors_first_term_and_amended_board() {
    let d = draft("samples/reference/husam-forbundsordning.md").description;
    assert_eq!(d["namn"], "Samordningsförbundet HUSAM");
    assert_eq!(
        d["revisorer"]["första_mandattid"],
        json!({"från": "2005-01-01", "till": "2006-12-31"})
    );
    let amended = "# Förbundsordning för Samordningsförbundet Haninge\n\n## 3 § Medlemmar\n\nFörbundets medlemmar är allmän försäkringskassa, länsarbetsnämnden, Region Stockholm och Haninge kommun.\n\n## 5 § Styrelsen\n\nFörbundet ska ledas av en styrelse bestående av 8 ledamöter med 8 ersättare, varje medlem väljer två ledamöter och två ersättare för dessa.\n\n## 14 § Utträde\n\nUppsägningstiden är två år.\n";
    let doc = forbund::parse::parse("x.md", amended.as_bytes())
        .unwrap()
        .document;
    let extracted = extract(&doc);
    let d = &serde_json::to_value(&extracted.description).unwrap();
    assert_eq!(d["medlemmar"][0]["namn"], "Försäkringskassan");
    assert_eq!(d["medlemmar"][2]["typ"], "region");
    assert_eq!(d["medlemmar"][3]["ledamöter"], 2);
    assert_eq!(d["uppsägningstid"], 2);
    assert_eq!(d["namn"], "Samordningsförbundet Haninge");
    assert!(extracted.missing.contains(&"säte".to_string()));
    assert!(extracted.missing.contains(&"arkivtillsyn".to_string()));
}
