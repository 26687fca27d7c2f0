//! Example descriptions: the minimal one shown in the schema, and the
//! commented starter file `forbund new` writes.

use serde_json::{Value, json};

/// The smallest description that drafts all three documents: name, säte,
/// members, start date and one budget. Everything else has a default.
pub fn minimal_example() -> Value {
    json!({
        "namn": "Samordningsförbundet Exempelstad",
        "säte": "Exempelstad",
        "verksamhetsstart": "2027-01-01",
        "medlemmar": [
            {"namn": "Exempelstads kommun", "typ": "kommun", "ledamöter": 1, "ersättare": 1},
            {"namn": "Region Exempellän", "typ": "region", "ledamöter": 1, "ersättare": 1},
            {"namn": "Försäkringskassan", "typ": "försäkringskassan", "ledamöter": 1, "ersättare": 1},
            {"namn": "Arbetsförmedlingen", "typ": "arbetsförmedlingen", "ledamöter": 1, "ersättare": 1}
        ],
        "ekonomi": {"budget": [{"år": 2027, "belopp": 4000000}]}
    })
}

/// The commented starter description written by `forbund new`. It is JSON
/// with `//` comments, which `forbund` accepts; `schema` is the path of the
/// JSON Schema to reference from `$schema`.
pub fn starter(schema: &str) -> String {
    let schema = serde_json::to_string(schema).unwrap_or_else(|_| "\"\"".to_string());
    STARTER.replace("\"SCHEMA\"", &schema)
}

const STARTER: &str = r#"// Beskrivning av ett samordningsförbund för forbund.
// Kommentarer som denna är tillåtna. Kontrollera filen med:
//   forbund validate DENNA-FIL.json
// Allt som inte anges här får ett standardvärde; se «forbund schema».
{
  "$schema": "SCHEMA",

  // Förbundets namn och säte (9 § 1 p. FinsamL).
  "namn": "Samordningsförbundet Exempelstad",
  "säte": "Exempelstad",

  // Dag då verksamheten startar. «bildas» kan anges om bildandet
  // har ett bestämt datum; annars anses förbundet bildat när alla
  // medlemmar har antagit förbundsordningen.
  "verksamhetsstart": "2027-01-01",

  // Medlemmarna: Försäkringskassan, Arbetsförmedlingen, minst en region
  // och minst en kommun. «ledamöter» och «ersättare» är hur många varje
  // medlem utser till styrelsen; lika många av varje (10 § FinsamL).
  "medlemmar": [
    { "namn": "Exempelstads kommun", "typ": "kommun", "ledamöter": 1, "ersättare": 1 },
    { "namn": "Region Exempellän", "typ": "region", "ledamöter": 1, "ersättare": 1 },
    { "namn": "Försäkringskassan", "typ": "försäkringskassan", "ledamöter": 1, "ersättare": 1 },
    { "namn": "Arbetsförmedlingen", "typ": "arbetsförmedlingen", "ledamöter": 1, "ersättare": 1 }
  ],

  // Styrelsen. Ta bort «kvalificerad_majoritet» för enkel majoritet.
  "styrelse": {
    "arbetsutskott": true,
    "kvalificerad_majoritet": { "andel": "3/4", "ärenden": ["budget", "verksamhetsplan"] }
  },

  // Den första mandattiden slutar den 31 december ett valår.
  "mandattid": { "första": { "till": "2030-12-31" }, "därefter_från": "1 januari" },

  // Uppsägningstid i år (högst tre, 15 § FinsamL).
  "uppsägningstid": 3,

  // Arkivtillsyn hos en kommun som är medlem (20 § FinsamL).
  "arkivtillsyn": { "organ": "Kommunstyrelsen", "medlem": "Exempelstads kommun" },

  // Var tillkännagivanden anslås: förbundets webbplats som standard.
  "tillkännagivanden": { "plats": "förbundets_webbplats" },

  // Förbundets samlade medel per år i kronor; hälften från staten,
  // en fjärdedel från regionen och en fjärdedel från kommunen (5 §).
  // «administration_procent» delar årets medel mellan administration
  // och insatser i tjänsteutlåtandets ekonomiska konsekvenser. Med flera
  // kommuner: «kommunfördelning»: "befolkning", «befolkning_16_64» hos
  // varje kommun och «befolkningsunderlag» (källa, mätdag, omräkning).
  "ekonomi": {
    "budget": [
      { "år": 2027, "belopp": 4000000, "administration_procent": 30 },
      { "år": 2028, "belopp": 4000000, "administration_procent": 25 }
    ]
  },

  // Avsiktsförklaringens datum (visas i alla format) och de som skriver under.
  "avsiktsförklaring": {
    "datum": "2026-08-15",
    "undertecknare": [
      { "medlem": "Exempelstads kommun", "titel": "Kommunstyrelsens ordförande" }
    ]
  },

  // Förslaget till organisation: skrivs som ett fjärde dokument med
  // organisationsschema och listas som bilaga 3. Ta bort nyckeln om
  // förslaget inte ska ha någon sådan bilaga.
  "organisation": {
    "styrelse": { "mötesfrekvens": "fyra gånger per år" },
    "arbetsutskott": { "sammansättning": "ordföranden och vice ordföranden", "mötesfrekvens": "inför varje styrelsesammanträde" },
    "beredningsgrupp": { "utses_av": "parterna, var och en för sig", "mötesfrekvens": "sex gånger per år" }
  },

  // Ett ärende per kommun och region som ska besluta, för tjänsteutlåtandet.
  // Det som saknas (t.ex. beredning eller datum) blir en synlig
  // platshållare, «[Beskriv ärendets beredning]», som generate listar.
  "ärenden": [
    {
      "medlem": "Exempelstads kommun",
      "förvaltning": "Socialförvaltningen",
      "nämnd": "Socialnämnden",
      "diarienummer": "SN 2026/123",
      "datum": "2026-09-01",
      "handläggare": "Anna Andersson",
      // Nämnden beslutar för egen del och föreslår sedan uppåt.
      "beslutsgång": ["Socialnämnden", "kommunstyrelsen", "kommunfullmäktige"],
      "beslut_för_egen_del": true,
      // Var det första årets bidrag tas: «… finansieras inom kommunstyrelsens ram».
      "finansiering": "inom kommunstyrelsens ram",
      "beredning": ["Ärendet har beretts av socialförvaltningen i samråd med de övriga parterna."],
      "underskrifter": [{ "namn": "Anna Andersson", "titel": "Socialchef" }]
    }
  ]
}
"#;
