//! The typed description of a samordningsförbund.
//!
//! Rust identifiers are English; the JSON keys are Swedish, as lawyers write
//! them. The doc comments on fields are Swedish on purpose: schemars turns
//! them into the `description`s of `schemas/forbund.schema.json`, which is
//! what an official sees in the editor.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::types::{DayMonth, Fraction};

/// Beskrivning av ett samordningsförbund enligt lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Samordningsförbund",
    example = crate::spec::example::minimal_example()
)]
pub struct Forbund {
    /// Sökväg eller adress till JSON-schemat, så att redigeraren kan hjälpa till.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,

    /// Förbundets fullständiga namn, t.ex. "Samordningsförbundet Haninge".
    #[schemars(length(min = 1, max = 200), example = &"Samordningsförbundet Haninge")]
    pub namn: String,

    /// Kort namn eller förkortning som används i löptext, t.ex. "HUSAM". Utelämnas det används hela namnet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 100))]
    pub kortnamn: Option<String>,

    /// Orten eller kommunen där förbundet har sitt säte, t.ex. "Haninge".
    #[serde(rename = "säte")]
    #[schemars(length(min = 1, max = 200), example = &"Haninge")]
    pub seat: String,

    /// Det geografiska område förbundet omfattar. Utelämnas det är området de kommuner som är medlemmar.
    #[serde(rename = "område", default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 200))]
    pub area: Option<String>,

    /// Förbundets ändamål som stycken. Utelämnas det används standardtexten om finansiell samordning inom rehabiliteringsområdet.
    #[serde(rename = "ändamål", default, skip_serializing_if = "Vec::is_empty")]
    pub purpose: Vec<String>,

    /// Datum då förbundet bildas, om det är bestämt. Utelämnas det anses förbundet bildat när samtliga medlemmar har antagit förbundsordningen.
    #[serde(rename = "bildas", default, skip_serializing_if = "Option::is_none")]
    pub formed: Option<NaiveDate>,

    /// Datum då förbundet startar sin verksamhet (ÅÅÅÅ-MM-DD).
    #[schemars(example = &"2027-01-01")]
    pub verksamhetsstart: NaiveDate,

    /// Förbundets medlemmar: Försäkringskassan, Arbetsförmedlingen, minst en region och minst en kommun (1 och 3 §§ FinsamL).
    #[serde(rename = "medlemmar")]
    #[schemars(length(min = 1, max = 100))]
    pub members: Vec<Member>,

    /// Styrelsens arbetsformer.
    #[serde(rename = "styrelse", default)]
    pub board: Board,

    /// Styrelsens mandattid.
    #[serde(rename = "mandattid", default)]
    pub term: Term,

    /// Revisorer och revision (25 § FinsamL).
    #[serde(rename = "revisorer", default)]
    pub auditors: Auditors,

    /// Uppsägningstid i år för en medlem som vill utträda. Lagen anger tre år om inget annat bestäms (15 § FinsamL).
    #[serde(rename = "uppsägningstid", default = "default_notice_years")]
    #[schemars(range(min = 1, max = 10))]
    pub notice_years: u32,

    /// Vem som utövar tillsyn enligt arkivlagen (20 § FinsamL).
    #[serde(
        rename = "arkivtillsyn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub archive_supervision: Option<ArchiveSupervision>,

    /// Var förbundets tillkännagivanden anslås (9 § 7 p. FinsamL).
    #[serde(rename = "tillkännagivanden", default)]
    pub notices: Notices,

    /// Budget, kostnadsfördelning och upplåning.
    #[serde(rename = "ekonomi")]
    pub economy: Economy,

    /// Hur budgeten tas fram (9 § 11 p. FinsamL).
    #[serde(rename = "budgetprocess", default)]
    pub budget_process: BudgetProcess,

    /// Förbundets personal.
    #[serde(rename = "personal", default)]
    pub staff: Staff,

    /// Vilka som får väcka ärenden i styrelsen (9 § 5 p. FinsamL).
    #[serde(rename = "initiativrätt", default)]
    pub initiative: Initiative,

    /// Samråd och ägardialog mellan förbundet och medlemmarna.
    #[serde(rename = "samråd", default)]
    pub consultation: Consultation,

    /// Arvoden och ersättningar till ledamöter, ersättare och revisorer.
    #[serde(rename = "ersättning", default)]
    pub remuneration: Remuneration,

    /// Hur tvister mellan förbundet och medlemmarna avgörs.
    #[serde(rename = "tvister", default)]
    pub disputes: Disputes,

    /// Innehållet i avsiktsförklaringen.
    #[serde(rename = "avsiktsförklaring", default)]
    pub declaration: Declaration,

    /// Förslaget till förbundets organisation (styrelse, arbetsutskott, beredningsgrupp, förbundschef, samordnare, lokala grupper). När det anges skrivs dokumentet "Förslag till organisation" med organisationsschema och listas som bilaga 3 i tjänsteutlåtandena; utelämnas det skrivs dokumentet inte och bilagan listas inte.
    #[serde(
        rename = "organisation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub organisation: Option<OrganisationProposal>,

    /// Ärendet hos varje kommun och region som ska besluta, för tjänsteutlåtandena.
    #[serde(rename = "ärenden", default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<Case>,

    /// Regler vars anmärkningar har godtagits, med motivering. De redovisas som godtagna i stället för att tas bort.
    #[serde(
        rename = "godtagna_avvikelser",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub accepted: Vec<AcceptedFinding>,
}

fn default_notice_years() -> u32 {
    3
}

/// En medlem (part) i förbundet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Medlemmens namn, t.ex. "Haninge kommun" eller "Region Stockholm".
    #[schemars(length(min = 1, max = 200), example = &"Haninge kommun")]
    pub namn: String,

    /// Vilket slag av medlem det är.
    #[serde(rename = "typ")]
    pub kind: MemberKind,

    /// Antal ledamöter medlemmen utser till styrelsen.
    #[serde(rename = "ledamöter")]
    #[schemars(range(max = 50))]
    pub members_appointed: u32,

    /// Antal ersättare medlemmen utser till styrelsen (lika många som ledamöter, 10 § FinsamL).
    #[serde(rename = "ersättare")]
    #[schemars(range(max = 50))]
    pub deputies_appointed: u32,

    /// Det organ som fattar medlemmens beslut, t.ex. "Kommunfullmäktige i Haninge kommun". Utelämnas det härleds det av typ och namn.
    #[serde(
        rename = "beslutande_organ",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(min = 1, max = 200))]
    pub deciding_body: Option<String>,

    /// Antal invånare 16–64 år, för att fördela kommunernas fjärdedel efter befolkning.
    #[serde(
        rename = "befolkning_16_64",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub population_16_64: Option<u64>,

    /// Medlemmens andel i procent av sin parts del (kommunernas eller regionernas fjärdedel), när fördelningen är angiven.
    #[serde(rename = "andel", default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0, max = 100.0))]
    pub share_percent: Option<f64>,
}

/// Slag av medlem enligt 1 § FinsamL.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum MemberKind {
    /// En kommun.
    #[serde(rename = "kommun")]
    Kommun,
    /// En region (tidigare landsting).
    #[serde(rename = "region")]
    Region,
    /// Försäkringskassan.
    #[serde(rename = "försäkringskassan")]
    Forsakringskassan,
    /// Arbetsförmedlingen.
    #[serde(rename = "arbetsförmedlingen")]
    Arbetsformedlingen,
}

/// Styrelsens arbetsformer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Board {
    /// När styrelsen är beslutför.
    #[serde(rename = "beslutförhet")]
    pub quorum: Quorum,

    /// Om ordföranden har utslagsröst vid lika röstetal.
    #[serde(rename = "utslagsröst")]
    pub casting_vote: bool,

    /// Antal vice ordförande.
    #[serde(rename = "vice_ordförande")]
    #[schemars(range(max = 5))]
    pub vice_chairs: u32,

    /// Beslut som kräver kvalificerad majoritet (9 § 6 p. FinsamL). Utelämnas det gäller enkel majoritet.
    #[serde(
        rename = "kvalificerad_majoritet",
        skip_serializing_if = "Option::is_none"
    )]
    pub qualified_majority: Option<QualifiedMajority>,

    /// Om styrelsen ska ha ett arbetsutskott.
    #[serde(rename = "arbetsutskott")]
    pub working_committee: bool,

    /// Om ersättarna har närvaro- och yttranderätt vid styrelsens sammanträden.
    #[serde(rename = "ersättares_närvarorätt")]
    pub deputies_may_attend: bool,

    /// I vilken ordning ersättarna kallas in (12 § FinsamL).
    #[serde(rename = "ersättarordning")]
    pub deputy_order: DeputyOrder,
}

impl Default for Board {
    fn default() -> Self {
        Self {
            quorum: Quorum::default(),
            casting_vote: true,
            vice_chairs: 1,
            qualified_majority: None,
            working_committee: false,
            deputies_may_attend: true,
            deputy_order: DeputyOrder::default(),
        }
    }
}

/// När styrelsen är beslutför.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub enum Quorum {
    /// När fler än hälften av ledamöterna är närvarande.
    #[default]
    #[serde(rename = "fler_än_hälften")]
    MoreThanHalf,
    /// När minst hälften av ledamöterna är närvarande.
    #[serde(rename = "minst_hälften")]
    AtLeastHalf,
    /// När fler än hälften av ledamöterna är närvarande och samtliga medlemmar är företrädda.
    #[serde(rename = "alla_medlemmar_företrädda")]
    AllMembersRepresented,
}

/// I vilken ordning ersättarna kallas in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub enum DeputyOrder {
    /// Varje ersättare är personlig ersättare för en viss ledamot.
    #[default]
    #[serde(rename = "personliga")]
    Personal,
    /// Ersättare kallas i den ordning som den utseende medlemmen har bestämt.
    #[serde(rename = "medlemmens_ordning")]
    MemberDecides,
}

/// Kvalificerad majoritet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QualifiedMajority {
    /// Hur stor majoritet som krävs, som bråk, t.ex. "3/4" eller "2/3".
    #[serde(rename = "andel")]
    pub fraction: Fraction,
    /// Vilka beslut som kräver kvalificerad majoritet, t.ex. "budget" och "verksamhetsplan".
    #[serde(rename = "ärenden")]
    #[schemars(length(min = 1))]
    pub matters: Vec<String>,
}

/// Styrelsens mandattid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Term {
    /// Den första mandattiden. Utelämnas den löper den från bildandet till utgången av närmaste valår.
    #[serde(rename = "första", skip_serializing_if = "Option::is_none")]
    pub first: Option<FirstTerm>,
    /// Från vilken dag mandattiderna därefter räknas, året efter valåret.
    #[serde(rename = "därefter_från")]
    pub later_start: TermStart,
    /// Längden på de följande mandattiderna i år (högst fyra, 12 § FinsamL).
    #[serde(rename = "längd_år", default = "default_term_years")]
    #[schemars(range(min = 1, max = 10))]
    pub length_years: u32,
}

fn default_term_years() -> u32 {
    4
}

impl Default for Term {
    fn default() -> Self {
        Self {
            first: None,
            later_start: TermStart::default(),
            length_years: default_term_years(),
        }
    }
}

/// Den första mandattiden.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FirstTerm {
    /// Första dagen. Utelämnas den räknas mandattiden från förbundets bildande.
    #[serde(rename = "från", default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// Sista dagen, normalt den 31 december ett valår.
    #[serde(rename = "till")]
    pub to: NaiveDate,
}

/// Dag då en mandattid börjar året efter ett valår.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub enum TermStart {
    /// Den 1 januari.
    #[default]
    #[serde(rename = "1 januari")]
    January1,
    /// Den 1 april.
    #[serde(rename = "1 april")]
    April1,
}

/// Revisorer och revision.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Auditors {
    /// Hur kommunerna och regionerna utser revisorer.
    #[serde(rename = "ordning")]
    pub arrangement: AuditorArrangement,
    /// Den medlem som utser den gemensamma revisorn, när ordningen är gemensam.
    #[serde(rename = "gemensam_utses_av", skip_serializing_if = "Option::is_none")]
    pub joint_appointed_by: Option<String>,
    /// Revisorernas första mandattid. Utelämnas den följer den styrelsens.
    #[serde(rename = "första_mandattid", skip_serializing_if = "Option::is_none")]
    pub first_term: Option<FirstTerm>,
    /// Om revisorerna utser personliga ersättare. Revisorsersättare finns inte längre i lagen; använd bara för att beskriva äldre förbund.
    #[serde(rename = "revisorsersättare")]
    pub deputy_auditors: bool,
}

/// Hur kommunerna och regionerna utser revisorer (25 § FinsamL).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub enum AuditorArrangement {
    /// Varje kommun och region utser en egen revisor.
    #[default]
    #[serde(rename = "per_medlem")]
    PerMember,
    /// Kommunerna och regionerna utser en gemensam revisor.
    #[serde(rename = "gemensam")]
    Joint,
}

/// Arkivtillsyn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ArchiveSupervision {
    /// Det organ som utövar tillsynen, t.ex. "Kommunstyrelsen".
    #[serde(rename = "organ")]
    #[schemars(length(min = 1, max = 200), example = &"Kommunstyrelsen")]
    pub body: String,
    /// Den medlem (kommun) som organet hör till.
    #[serde(rename = "medlem")]
    #[schemars(length(min = 1, max = 200), example = &"Haninge kommun")]
    pub member: String,
}

/// Var tillkännagivanden anslås.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Notices {
    /// Var tillkännagivandena anslås.
    #[serde(rename = "plats")]
    pub place: NoticePlace,
    /// De medlemmar vars webbplats eller anslagstavla används, när platsen är en medlems.
    #[serde(rename = "medlemmar", skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
}

/// Plats för tillkännagivanden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub enum NoticePlace {
    /// Förbundets egen webbplats.
    #[default]
    #[serde(rename = "förbundets_webbplats")]
    ForbundWebsite,
    /// En eller flera medlemmars anslagstavla på webbplatsen.
    #[serde(rename = "medlemmars_webbplats")]
    MemberWebsite,
    /// En fysisk anslagstavla hos en eller flera medlemmar (föråldrat sedan kommunallagen 2017:725).
    #[serde(rename = "anslagstavla")]
    PhysicalBoard,
}

/// Ekonomi.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Economy {
    /// Budget per år, i kronor för hela förbundet.
    #[serde(rename = "budget")]
    #[schemars(length(min = 1, max = 20))]
    pub budgets: Vec<BudgetYear>,
    /// Hur stor del av budgeten, i procent, som högst går till administration.
    #[serde(
        rename = "administration_procent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(range(min = 0.0, max = 100.0))]
    pub administration_percent: Option<f64>,
    /// Hur kommunernas fjärdedel fördelas när flera kommuner är medlemmar (och regionernas när flera regioner är det).
    #[serde(rename = "kommunfördelning", default)]
    pub split: ShareSplit,
    /// Om förbundet får låna eller ingå borgen (9 § 9 p. och 21 § FinsamL).
    #[serde(rename = "upplåning", default)]
    pub borrowing: Borrowing,
    /// Underlaget för fördelning efter befolkning: källa, mätdag och om fördelningen räknas om varje år. Används när kommunfördelning är "befolkning".
    #[serde(rename = "befolkningsunderlag", default)]
    pub population_basis: PopulationBasis,
}

/// Underlaget för att fördela en fjärdedel mellan flera kommuner (eller regioner) efter antalet invånare 16–64 år.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct PopulationBasis {
    /// Var invånarantalen hämtas, t.ex. "Statistiska centralbyrån (SCB)".
    #[serde(rename = "källa")]
    #[schemars(length(min = 1, max = 200))]
    pub source: String,
    /// Den dag året före budgetåret som invånarantalen avser, t.ex. "31 december".
    #[serde(rename = "mätdag")]
    pub reference_day: DayMonth,
    /// Om fördelningen räknas om varje budgetår efter nya invånarantal.
    #[serde(rename = "omräknas_årligen")]
    pub recalculated_yearly: bool,
    /// Den dag som invånarantalen i beskrivningen (befolkning_16_64 hos varje medlem) avser, t.ex. "2025-12-31".
    #[serde(rename = "siffrorna_avser", skip_serializing_if = "Option::is_none")]
    pub figures_date: Option<NaiveDate>,
}

impl Default for PopulationBasis {
    fn default() -> Self {
        Self {
            source: "Statistiska centralbyrån (SCB)".to_string(),
            reference_day: DayMonth { month: 12, day: 31 },
            recalculated_yearly: true,
            figures_date: None,
        }
    }
}

/// Budgeten ett år.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetYear {
    /// Budgetåret.
    #[serde(rename = "år")]
    #[schemars(range(min = 2004, max = 2100))]
    pub year: i32,
    /// Förbundets samlade medel för året i kronor.
    #[serde(rename = "belopp")]
    #[schemars(range(max = 10_000_000_000u64))]
    pub amount: u64,
    /// Hur stor del av årets medel, i procent, som beräknas gå till administration; resten går till insatser. Utelämnas det redovisas ingen fördelning för året.
    #[serde(
        rename = "administration_procent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(range(min = 0.0, max = 100.0))]
    pub administration_percent: Option<f64>,
}

/// Hur kommunernas del fördelas mellan flera kommuner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub enum ShareSplit {
    /// Lika delar.
    #[default]
    #[serde(rename = "lika")]
    Equal,
    /// Efter antal invånare 16–64 år (befolkning_16_64 hos varje kommun).
    #[serde(rename = "befolkning")]
    Population,
    /// Efter angiven andel (andel hos varje kommun).
    #[serde(rename = "angiven")]
    Explicit,
}

/// Upplåning och borgen.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Borrowing {
    /// Högsta belopp i kronor som förbundet får låna. Utelämnas det får förbundet inte låna utöver sedvanliga krediter.
    #[serde(rename = "högsta_belopp", skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
}

/// Budgetprocessen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct BudgetProcess {
    /// Sista dag för styrelsen att fastställa nästa års budget, t.ex. "30 november".
    #[serde(rename = "fastställs_senast")]
    pub deadline: DayMonth,
    /// Om styrelsen ska samråda med medlemmarna innan budgeten fastställs.
    #[serde(rename = "samråd")]
    pub consult_members: bool,
    /// Hur många år framåt verksamhetsplanen ska omfatta.
    #[serde(rename = "planeringshorisont_år")]
    #[schemars(range(min = 1, max = 10))]
    pub planning_years: u32,
    /// Om styrelsen ska lämna delårsrapport med helårsprognos till medlemmarna.
    #[serde(rename = "delårsrapport")]
    pub interim_report: bool,
}

impl Default for BudgetProcess {
    fn default() -> Self {
        Self {
            deadline: DayMonth::NOVEMBER_30,
            consult_members: true,
            planning_years: 3,
            interim_report: true,
        }
    }
}

/// Förbundets personal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Staff {
    /// Titeln på den som leder förbundets kansli, t.ex. "förbundschef".
    #[serde(rename = "chef")]
    #[schemars(length(min = 1, max = 100))]
    pub head_title: String,
    /// Om förbundet ska få anställa egen personal (annars ställer medlemmarna personal till förfogande).
    #[serde(rename = "egen_personal")]
    pub own_staff: bool,
}

impl Default for Staff {
    fn default() -> Self {
        Self {
            head_title: "förbundschef".to_string(),
            own_staff: true,
        }
    }
}

/// Vilka som får väcka ärenden i styrelsen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Initiative {
    /// Om varje medlem får väcka ärenden.
    #[serde(rename = "medlemmar")]
    pub members: bool,
    /// Om förbundschefen får väcka ärenden.
    #[serde(rename = "förbundschef")]
    pub head: bool,
    /// Om revisorerna får väcka ärenden som rör granskningen.
    #[serde(rename = "revisorer")]
    pub auditors: bool,
}

impl Default for Initiative {
    fn default() -> Self {
        Self {
            members: true,
            head: true,
            auditors: true,
        }
    }
}

/// Samråd och ägardialog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Consultation {
    /// Om förbundet och medlemmarna ska föra en regelbunden ägardialog.
    #[serde(rename = "ägardialog")]
    pub owner_dialogue: bool,
}

impl Default for Consultation {
    fn default() -> Self {
        Self {
            owner_dialogue: true,
        }
    }
}

/// Ersättning till ledamöter, ersättare och revisorer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Remuneration {
    /// Den medlem vars regler om arvoden och ersättningar till förtroendevalda förbundet följer. Utelämnas det beslutar styrelsen om reglerna.
    #[serde(
        rename = "enligt_medlems_regler",
        skip_serializing_if = "Option::is_none"
    )]
    pub rules_of_member: Option<String>,
}

/// Hur tvister avgörs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Disputes {
    /// Om parterna först ska försöka nå en lösning genom förhandling.
    #[serde(rename = "förhandling_först")]
    pub negotiate_first: bool,
    /// Var tvisten avgörs om den inte löses.
    #[serde(rename = "forum")]
    pub forum: DisputeForum,
}

impl Default for Disputes {
    fn default() -> Self {
        Self {
            negotiate_first: true,
            forum: DisputeForum::default(),
        }
    }
}

/// Var tvister avgörs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub enum DisputeForum {
    /// Allmän domstol.
    #[default]
    #[serde(rename = "allmän_domstol")]
    GeneralCourt,
    /// Skiljeförfarande enligt lagen (1999:116) om skiljeförfarande.
    #[serde(rename = "skiljeförfarande")]
    Arbitration,
}

/// Innehållet i avsiktsförklaringen. Allt som utelämnas får en standardtext.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Declaration {
    /// Datum för avsiktsförklaringen.
    #[serde(rename = "datum", skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Bakgrund, som stycken.
    #[serde(rename = "bakgrund", skip_serializing_if = "Vec::is_empty")]
    pub background: Vec<String>,
    /// Syfte, som stycken.
    #[serde(rename = "syfte", skip_serializing_if = "Vec::is_empty")]
    pub purpose: Vec<String>,
    /// Vision, som stycken.
    #[serde(rename = "vision", skip_serializing_if = "Vec::is_empty")]
    pub vision: Vec<String>,
    /// Utgångspunkter för samverkan, som punkter.
    #[serde(rename = "utgångspunkter", skip_serializing_if = "Vec::is_empty")]
    pub starting_points: Vec<String>,
    /// Principer för insatser, som punkter.
    #[serde(rename = "principer", skip_serializing_if = "Vec::is_empty")]
    pub principles: Vec<String>,
    /// Målgruppen.
    #[serde(rename = "målgrupp")]
    pub target_group: TargetGroup,
    /// Organisation och samverkansstrukturer.
    #[serde(rename = "organisation")]
    pub organisation: Organisation,
    /// De som undertecknar avsiktsförklaringen för varje part.
    #[serde(rename = "undertecknare", skip_serializing_if = "Vec::is_empty")]
    pub signatories: Vec<Signatory>,
}

/// Målgruppen för förbundets insatser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct TargetGroup {
    /// Lägsta ålder.
    #[serde(rename = "ålder_från")]
    #[schemars(range(max = 120))]
    pub age_from: u32,
    /// Högsta ålder.
    #[serde(rename = "ålder_till")]
    #[schemars(range(max = 120))]
    pub age_to: u32,
    /// Beskrivning av målgruppen, som stycken.
    #[serde(rename = "beskrivning", skip_serializing_if = "Vec::is_empty")]
    pub description: Vec<String>,
}

impl Default for TargetGroup {
    fn default() -> Self {
        Self {
            age_from: 16,
            age_to: 64,
            description: Vec::new(),
        }
    }
}

/// Organisation och samverkansstrukturer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Organisation {
    /// Om det ska finnas en beredningsgrupp med chefer från parterna.
    #[serde(rename = "beredningsgrupp")]
    pub preparatory_group: bool,
    /// Om förbundet ska ha samordnare anställda på kansliet.
    #[serde(rename = "samordnare")]
    pub coordinators: bool,
    /// Lokala samverkansgrupper, t.ex. per stadsdel.
    #[serde(rename = "lokala_grupper", skip_serializing_if = "Vec::is_empty")]
    pub local_groups: Vec<String>,
}

impl Default for Organisation {
    fn default() -> Self {
        Self {
            preparatory_group: true,
            coordinators: false,
            local_groups: Vec::new(),
        }
    }
}

/// En person som undertecknar för en part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    /// Den medlem personen undertecknar för.
    #[serde(rename = "medlem")]
    #[schemars(length(min = 1, max = 200))]
    pub member: String,
    /// Personens namn. Utelämnas det lämnas en tom namnförtydligande-rad.
    #[serde(rename = "namn", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Personens titel eller uppdrag.
    #[serde(rename = "titel", default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// Ärendet hos en kommun eller region, för dess tjänsteutlåtande.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Den medlem (kommun eller region) som ärendet gäller.
    #[serde(rename = "medlem")]
    #[schemars(length(min = 1, max = 200))]
    pub member: String,
    /// Förvaltningen som skriver tjänsteutlåtandet, t.ex. "Hälso- och sjukvårdsförvaltningen".
    #[serde(
        rename = "förvaltning",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub unit: Option<String>,
    /// Diarienummer, t.ex. "HSN 1506-0772".
    #[serde(
        rename = "diarienummer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub case_number: Option<String>,
    /// Tjänsteutlåtandets datum.
    #[serde(rename = "datum", default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Handläggarens namn.
    #[serde(
        rename = "handläggare",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub officer: Option<String>,
    /// Den nämnd eller styrelse som först behandlar ärendet, t.ex. "Hälso- och sjukvårdsnämnden".
    #[serde(rename = "nämnd", default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<String>,
    /// Sammanträdet där nämnden behandlar ärendet.
    #[serde(
        rename = "sammanträde",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub meeting: Option<Meeting>,
    /// Beslutsgången, från nämnden till det organ som beslutar, t.ex. ["Hälso- och sjukvårdsnämnden", "landstingsstyrelsen", "landstingsfullmäktige"].
    #[serde(rename = "beslutsgång", default, skip_serializing_if = "Vec::is_empty")]
    pub decision_path: Vec<String>,
    /// Hur ärendet har beretts, som stycken.
    #[serde(rename = "beredning", default, skip_serializing_if = "Vec::is_empty")]
    pub preparation: Vec<String>,
    /// Den lokala bakgrunden till förslaget, som stycken.
    #[serde(
        rename = "lokal_motivering",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub local_grounds: Vec<String>,
    /// Ytterligare beslutsunderlag utöver tjänsteutlåtandet och bilagorna.
    #[serde(
        rename = "beslutsunderlag",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub extra_basis: Vec<String>,
    /// Äldre nyckel utan verkan: bilagan "Förslag till organisation" listas när beskrivningen har en organisation (nyckeln organisation).
    #[serde(rename = "bilaga_organisation", default)]
    pub organisation_appendix: bool,
    /// Var medlemmens bidrag det första året ska tas, som fortsättning på "finansieras", t.ex. "inom kommunstyrelsens ram" eller "genom medel som finns reserverade i budget 2016".
    #[serde(
        rename = "finansiering",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(min = 1, max = 500))]
    pub financing: Option<String>,
    /// Om den nämnd som bereder ärendet (första ledet i beslutsgången) också beslutar för egen del: godkänner inrättandet, förbundsordningen, avsiktsförklaringen och organisationen, innan den föreslår nästa led att besluta.
    #[serde(rename = "beslut_för_egen_del", default)]
    pub own_decision: bool,
    /// Om beslutet ska justeras omedelbart.
    #[serde(rename = "omedelbar_justering", default)]
    pub immediate_approval: bool,
    /// Andra konsekvenser som myndigheten redovisar, t.ex. patientsäkerhet eller jämställdhet.
    #[serde(
        rename = "konsekvenser",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub consequences: Vec<Consequence>,
    /// De som undertecknar tjänsteutlåtandet.
    #[serde(
        rename = "underskrifter",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub signatures: Vec<Person>,
}

/// Förslaget till förbundets organisation, bilaga till tjänsteutlåtandena. Vilka organ som finns följer resten av beskrivningen (arbetsutskott i styrelse, beredningsgrupp, samordnare och lokala grupper i avsiktsförklaringens organisation); här anges det som bara organisationsförslaget säger.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct OrganisationProposal {
    /// Förslagets datum. Utelämnas det används avsiktsförklaringens datum.
    #[serde(rename = "datum", skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Inledande text, som stycken.
    #[serde(rename = "inledning", skip_serializing_if = "Vec::is_empty")]
    pub introduction: Vec<String>,
    /// Styrelsen.
    #[serde(rename = "styrelse")]
    pub board: OrganisationBody,
    /// Arbetsutskottet, när styrelsen har ett.
    #[serde(rename = "arbetsutskott")]
    pub working_committee: OrganisationBody,
    /// Beredningsgruppen, när det finns en.
    #[serde(rename = "beredningsgrupp")]
    pub preparatory_group: OrganisationBody,
    /// Förbundschefen (eller den titel personal.chef anger).
    #[serde(rename = "förbundschef")]
    pub head: OrganisationBody,
    /// Samordnarna, när förbundet har samordnare.
    #[serde(rename = "samordnare")]
    pub coordinators: OrganisationBody,
    /// De lokala samverkansgrupperna, när det finns sådana.
    #[serde(rename = "lokala_grupper")]
    pub local_groups: OrganisationBody,
    /// Övriga tjänster och hur de ordnas, som stycken.
    #[serde(rename = "övriga_tjänster", skip_serializing_if = "Vec::is_empty")]
    pub other_services: Vec<String>,
}

/// Ett organ eller en funktion i organisationsförslaget.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct OrganisationBody {
    /// Beskrivning, som stycken.
    #[serde(rename = "beskrivning", skip_serializing_if = "Vec::is_empty")]
    pub description: Vec<String>,
    /// Vilka som ingår, t.ex. "ordföranden och vice ordföranden".
    #[serde(rename = "sammansättning", skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 500))]
    pub composition: Option<String>,
    /// Vem som utser eller anställer, t.ex. "de samverkande parterna".
    #[serde(rename = "utses_av", skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 500))]
    pub appointed_by: Option<String>,
    /// Hur ofta organet sammanträder, t.ex. "ca 4 gånger per år".
    #[serde(rename = "mötesfrekvens", skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 200))]
    pub meetings: Option<String>,
    /// Uppdraget, som punkter.
    #[serde(rename = "uppdrag", skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<String>,
}

/// Ett sammanträde.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Sammanträdesdag.
    #[serde(rename = "datum")]
    pub date: NaiveDate,
    /// Punkt på föredragningslistan, t.ex. "10".
    #[serde(rename = "punkt", default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
}

/// En konsekvensrubrik i tjänsteutlåtandet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Consequence {
    /// Rubriken, t.ex. "Konsekvenser för patientsäkerheten".
    #[serde(rename = "rubrik")]
    #[schemars(length(min = 1, max = 200))]
    pub heading: String,
    /// Texten, som stycken.
    #[serde(rename = "text")]
    pub text: Vec<String>,
}

/// En person med titel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Namn.
    #[serde(rename = "namn")]
    #[schemars(length(min = 1, max = 200))]
    pub name: String,
    /// Titel.
    #[serde(rename = "titel", default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// En godtagen avvikelse från en regel i kontrollen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptedFinding {
    /// Regelns id, t.ex. "FINSAM-20-ARKIV".
    #[serde(rename = "regel")]
    #[schemars(length(min = 1, max = 100))]
    pub rule: String,
    /// Varför avvikelsen godtas.
    #[serde(rename = "motivering")]
    #[schemars(length(min = 1, max = 2000))]
    pub reason: String,
}
