//! The commented starter record of decisions that `forbund new --beslut`
//! writes: one member of each outcome, so every form is shown once.

/// The starter record; `schema` is the path of the JSON Schema to
/// reference from `$schema`.
pub fn starter(schema: &str) -> String {
    let schema = serde_json::to_string(schema).unwrap_or_else(|_| "\"\"".to_string());
    STARTER.replace("\"SCHEMA\"", &schema)
}

const STARTER: &str = r#"// Medlemmarnas beslut om förbundsordningen, för «forbund adoption».
// Kommentarer som denna är tillåtna. Sammanställ besluten med:
//   forbund adoption DENNA-FIL.json -o beslut/
{
  "$schema": "SCHEMA",
  "förbund": "Samordningsförbundet Exempelstad",

  // Förslaget som skickades till medlemmarna: ett dokument (.md, .txt,
  // .docx, .pdf) eller en beskrivning (.json), sökväg från denna fil.
  "förslag": "forbundsordning.md",

  "beslut": [
    {
      "medlem": "Exempelstads kommun",
      "organ": "Kommunfullmäktige i Exempelstad",
      "datum": "2026-10-12",
      "protokollsparagraf": "§ 123",
      "diarienummer": "KS 2026/45",
      // Utfall: «antagen», «antagen_med_ändringar», «villkorad»,
      // «avslagen» eller «ej_beslutad».
      "utfall": {
        "typ": "antagen_med_ändringar",
        // En ändring är «ny_lydelse» (hela paragrafen), «ersätter» + «med»,
        // eller «tillägg» (ett stycke sist i paragrafen). I stället för
        // ändringar kan den antagna texten anges som fil: «antagen_text».
        "ändringar": [
          { "paragraf": 5, "ersätter": "en ledamot och en ersättare", "med": "två ledamöter och två ersättare" }
        ]
      }
    },
    {
      "medlem": "Region Exempellän",
      "organ": "Regionfullmäktige i Region Exempellän",
      "datum": "2026-10-20",
      "utfall": { "typ": "antagen" }
    },
    {
      "medlem": "Försäkringskassan",
      "organ": "Försäkringskassan",
      "datum": "2026-10-01",
      "utfall": {
        "typ": "villkorad",
        "villkor": "att övriga medlemmar antar förbundsordningen med samma lydelse av 5 §",
        // Den lydelse villkoret kräver; utan «krav» anges «uppfyllt»: true
        // när villkoret är uppfyllt.
        "krav": [
          { "paragraf": 5, "ersätter": "en ledamot och en ersättare", "med": "två ledamöter och två ersättare" }
        ]
      }
    },
    {
      "medlem": "Arbetsförmedlingen",
      "organ": "Arbetsförmedlingen",
      "utfall": { "typ": "ej_beslutad" }
    }
  ]
}
"#;
