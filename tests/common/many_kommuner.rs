//! A description of a förbund with many kommuner, built from the Stockholm
//! sample: shared by the CLI tests and the generate benchmark (included
//! with `#[path]`).

/// The Stockholm sample turned into a förbund of Försäkringskassan,
/// Arbetsförmedlingen, Region Exempellän and `kommuner` kommuner
/// ("Exempel1 kommun" …) sharing their quarter equally, starting 1 January
/// 2027, each kommun and the region with a case, keeping the sample's
/// organisation proposal.
pub fn many_kommuner(stockholm: &[u8], kommuner: usize) -> serde_json::Value {
    let mut value: serde_json::Value =
        serde_json::from_slice(stockholm).expect("the sample is JSON");
    let mut members = vec![
        serde_json::json!({"namn": "Försäkringskassan", "typ": "försäkringskassan", "ledamöter": 1, "ersättare": 1}),
        serde_json::json!({"namn": "Arbetsförmedlingen", "typ": "arbetsförmedlingen", "ledamöter": 1, "ersättare": 1}),
        serde_json::json!({"namn": "Region Exempellän", "typ": "region", "ledamöter": 1, "ersättare": 1}),
    ];
    let mut cases = vec![
        serde_json::json!({"medlem": "Region Exempellän", "datum": "2026-03-02", "diarienummer": "RS 2026/1"}),
    ];
    for i in 1..=kommuner {
        let name = format!("Exempel{i} kommun");
        members.push(
            serde_json::json!({"namn": name, "typ": "kommun", "ledamöter": 1, "ersättare": 1}),
        );
        cases.push(serde_json::json!({"medlem": name, "datum": "2026-03-02", "diarienummer": format!("KS 2026/{i}")}));
    }
    let object = value.as_object_mut().expect("the sample is an object");
    object.insert("namn".into(), "Samordningsförbundet Exempel".into());
    object.insert("säte".into(), "Exempel1".into());
    object.insert("verksamhetsstart".into(), "2027-01-01".into());
    object.insert("medlemmar".into(), members.into());
    object.insert("ärenden".into(), cases.into());
    object.insert("ekonomi".into(), serde_json::json!({"budget": [{"år": 2027, "belopp": 40000000}, {"år": 2028, "belopp": 42000000}], "kommunfördelning": "lika"}));
    object.insert("mandattid".into(), serde_json::json!({"första": {"från": "2027-01-01", "till": "2030-12-31"}, "därefter_från": "1 januari", "längd_år": 4}));
    object.insert(
        "revisorer".into(),
        serde_json::json!({"ordning": "gemensam", "gemensam_utses_av": "Exempel1 kommun"}),
    );
    object.insert(
        "arkivtillsyn".into(),
        serde_json::json!({"organ": "Kommunstyrelsen", "medlem": "Exempel1 kommun"}),
    );
    object.insert(
        "tillkännagivanden".into(),
        serde_json::json!({"plats": "förbundets_webbplats"}),
    );
    object.remove("avsiktsförklaring");
    object.remove("ersättning");
    value
}
