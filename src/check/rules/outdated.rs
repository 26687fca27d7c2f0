//! AKTUELL-*: outdated names and arrangements with their modern forms
//! (DESIGN §4): allmän försäkringskassa → Försäkringskassan (2005),
//! länsarbetsnämnd → Arbetsförmedlingen (2008), landsting → region (2019),
//! SKL → SKR (2019), kommunallagen (1991:900) → (2017:725), and FinsamL's
//! old long title. Warnings: the text still works, but reads as outdated.
//! Each finding says since when, judged against the document's own era
//! ([`crate::read::dated`]): a text written before the change is told it
//! was right then and what to change when it is revised.

use super::wording::{self, LONG_TITLE, Wording};
use crate::check::rule::{DOCUMENTS, Hit, Rule, Subject, Target, finsam, praxis};
use crate::finding::{Citation, Law, Severity};
pub(crate) use crate::read::outdated::{AF, FK, KL, REGION, SKL};

const ALL: &[Target] = &[
    Target::Description,
    Target::Forbundsordning,
    Target::Avsiktsforklaring,
    Target::Tjansteutlatande,
];

const PARTS_STATUTE: &str = "Sammanfattning av 1 § i gällande lydelse: parterna i finansiell \
samordning är Försäkringskassan, Arbetsförmedlingen, en region och en eller flera kommuner.";

/// Allmän försäkringskassa.
pub const FORSAKRINGSKASSAN: Rule = Rule {
    id: "AKTUELL-FORSAKRINGSKASSAN",
    severity: Severity::Warning,
    citation: finsam("1 §"),
    summary: "«allmän försäkringskassa» och «Försäkringskassan i … län» heter Försäkringskassan",
    explanation: "Vad regeln gör: letar efter de allmänna försäkringskassorna och länsvisa \
försäkringskassor.\n\nVarför: sedan 2005 är Försäkringskassan en enda myndighet; de gamla \
namnen pekar på organ som inte finns.",
    statute: PARTS_STATUTE,
    applies_to: ALL,
    check: check_fk,
};
const W_FK: Wording = Wording {
    pattern: &FK,
    clues: &["forsakringskass"],
    problem: "texten nämner en försäkringskassa som inte längre finns; Försäkringskassan är en enda myndighet",
    since: Some((2005, "den 1 januari 2005")),
    modern: "«Försäkringskassan»",
    exact: None,
    skip_in_title: true,
    skip_in_skl: false,
    advice: None,
};

/// Länsarbetsnämnd.
pub const ARBETSFORMEDLINGEN: Rule = Rule {
    id: "AKTUELL-ARBETSFORMEDLINGEN",
    severity: Severity::Warning,
    citation: finsam("1 §"),
    summary: "«länsarbetsnämnd» heter Arbetsförmedlingen",
    explanation: "Vad regeln gör: letar efter länsarbetsnämnder.\n\nVarför: länsarbetsnämnderna \
upphörde 2008 och parten är sedan dess Arbetsförmedlingen.",
    statute: PARTS_STATUTE,
    applies_to: ALL,
    check: check_af,
};
const W_AF: Wording = Wording {
    pattern: &AF,
    clues: &["lansarbetsnamnd"],
    problem: "texten nämner länsarbetsnämnden, som har upphört; parten är Arbetsförmedlingen",
    since: Some((2008, "den 1 januari 2008")),
    modern: "«Arbetsförmedlingen»",
    exact: None,
    skip_in_title: true,
    skip_in_skl: false,
    advice: None,
};

/// Landsting.
pub const REGIONEN: Rule = Rule {
    id: "AKTUELL-REGION",
    severity: Severity::Warning,
    citation: finsam("1 §"),
    summary: "«landsting» heter region",
    explanation: "Vad regeln gör: letar efter landsting (landstinget, landstingsfullmäktige …).\n\n\
Varför: sedan 2019 heter landstingen regioner, i lag och i sina egna namn.",
    statute: PARTS_STATUTE,
    applies_to: ALL,
    check: check_region,
};
const W_REGION: Wording = Wording {
    pattern: &REGION,
    clues: &["landsting"],
    problem: "«landsting» är en föråldrad benämning; landsting heter region",
    since: Some((2019, "den 1 januari 2019")),
    modern: "«region» (t.ex. «Region Stockholm», «regionfullmäktige»)",
    exact: None,
    skip_in_title: true,
    skip_in_skl: true,
    advice: None,
};

/// SKL.
pub const SKR: Rule = Rule {
    id: "AKTUELL-SKR",
    severity: Severity::Warning,
    citation: praxis(),
    summary: "Sveriges Kommuner och Landsting (SKL) heter Sveriges Kommuner och Regioner (SKR)",
    explanation: "Vad regeln gör: letar efter SKL.\n\nVarför: organisationen bytte namn 2019.",
    statute: "Ingen lagregel: Sveriges Kommuner och Landsting bytte 2019 namn till Sveriges \
Kommuner och Regioner (SKR).",
    applies_to: DOCUMENTS,
    check: check_skr,
};
const W_SKR: Wording = Wording {
    pattern: &SKL,
    clues: &["sveriges kommuner", "skl"],
    problem: "Sveriges Kommuner och Landsting (SKL) heter Sveriges Kommuner och Regioner (SKR)",
    since: Some((2019, "2019")),
    modern: "«Sveriges Kommuner och Regioner (SKR)»",
    exact: None,
    skip_in_title: false,
    skip_in_skl: false,
    advice: None,
};

/// Kommunallagen (1991:900).
pub const KOMMUNALLAGEN: Rule = Rule {
    id: "AKTUELL-KOMMUNALLAGEN",
    severity: Severity::Warning,
    citation: Citation {
        law: Law::Kommunallagen,
        chapter: None,
        paragraph: "",
        item: None,
        version: crate::check::rule::KL_TEXT,
        verified: true,
    },
    summary: "kommunallagen (1991:900) är ersatt av kommunallagen (2017:725)",
    explanation: "Vad regeln gör: letar efter hänvisningar till den gamla kommunallagen.\n\n\
Varför: kommunallagen (1991:900) upphävdes 2018; hänvisningar till den pekar på upphävd rätt.",
    statute: "Kommunallagen (2017:725) trädde i kraft 2018 och ersatte kommunallagen (1991:900).",
    applies_to: ALL,
    check: check_kl,
};
const W_KL: Wording = Wording {
    pattern: &KL,
    clues: &["1991"],
    problem: "texten hänvisar till kommunallagen (1991:900), som har ersatts av kommunallagen (2017:725)",
    since: Some((2018, "den 1 januari 2018")),
    modern: "«kommunallagen (2017:725)» och kontrollera paragrafnumren",
    exact: None,
    skip_in_title: false,
    skip_in_skl: false,
    advice: None,
};

/// FinsamL's old long title.
pub const LAGTITEL: Rule = Rule {
    id: "AKTUELL-LAGTITEL",
    severity: Severity::Warning,
    citation: finsam(""),
    summary: "lagens rubrik är «lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser»",
    explanation: "Vad regeln gör: letar efter lagens äldre rubrik \"… rehabiliteringsinsatser \
mellan allmän försäkringskassa, länsarbetsnämnd, kommun och landsting\".\n\nVarför: rubriken \
ändrades när parterna bytte namn; den gamla rubriken räknar upp organ som inte finns.",
    statute: "Lagens rubrik är lagen (2003:1210) om finansiell samordning av \
rehabiliteringsinsatser.",
    applies_to: ALL,
    check: check_title,
};
const W_TITLE: Wording = Wording {
    pattern: &LONG_TITLE,
    clues: &["rehabiliteringsinsatser"],
    problem: "texten använder lagens äldre rubrik, som räknar upp parter som inte längre finns",
    since: None,
    modern: "«lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser»",
    exact: None,
    skip_in_title: false,
    skip_in_skl: false,
    advice: Some(
        "stryk «mellan allmän försäkringskassa, länsarbetsnämnd, kommun och landsting» så att lagen anges med sin rubrik «lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser»",
    ),
};

fn check_fk(subject: &Subject<'_>) -> Vec<Hit> {
    wording::run(&W_FK, subject)
}

fn check_af(subject: &Subject<'_>) -> Vec<Hit> {
    wording::run(&W_AF, subject)
}

fn check_region(subject: &Subject<'_>) -> Vec<Hit> {
    wording::run(&W_REGION, subject)
}

fn check_skr(subject: &Subject<'_>) -> Vec<Hit> {
    wording::run(&W_SKR, subject)
}

fn check_kl(subject: &Subject<'_>) -> Vec<Hit> {
    wording::run(&W_KL, subject)
}

fn check_title(subject: &Subject<'_>) -> Vec<Hit> {
    wording::run(&W_TITLE, subject)
}
