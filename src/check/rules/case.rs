//! PAKET-* on each tjänsteutlåtande as the case document a nämnd decides
//! on: it is dated and has a diarienummer (PAKET-TU-DATUM, PAKET-TU-DNR),
//! every bilaga it lists is in the package (PAKET-BILAGA), its förslag till
//! beslut is conditional on the other members deciding alike
//! (PAKET-VILLKOR), and the board it describes is the förbundsordning's
//! (PAKET-STYRELSE).

use std::sync::LazyLock;

use regex::Regex;

use super::package::{STATUTE, at};
use crate::check::package::{PackageEntry, PackageView, Read, sentences};
use crate::check::rule::{At, Hit, Rule, Subject, Target, praxis};
use crate::document::DocumentKind;
use crate::finding::Severity;
use crate::read::facts::board::{stated_size, total_size};
use crate::read::lexicon::{excerpt, fold, normalise, pattern};
use crate::swedish::count_noun;

const PACKAGE: &[Target] = &[Target::Package];

/// A tjänsteutlåtande is dated.
pub const DATE: Rule = Rule {
    id: "PAKET-TU-DATUM",
    severity: Severity::Warning,
    citation: praxis(),
    summary: "ett tjänsteutlåtande ska vara daterat",
    explanation: "Vad regeln gör: letar i tjänsteutlåtandets huvud (före första rubriken) efter \
ett datum, t.ex. «Datum: 2015-05-12» eller «den 31 maj 2006». En platshållare som «[Datum]» är \
inget datum.\n\nVarför: nämnden och fullmäktige ska kunna hänvisa till underlaget; ett \
odaterat tjänsteutlåtande går inte att diarieföra eller citera i protokollet.",
    statute: STATUTE,
    applies_to: PACKAGE,
    check: check_date,
};

/// A tjänsteutlåtande has a diarienummer.
pub const CASE_NUMBER: Rule = Rule {
    id: "PAKET-TU-DNR",
    severity: Severity::Warning,
    citation: praxis(),
    summary: "ett tjänsteutlåtande ska ha diarienummer",
    explanation: "Vad regeln gör: letar i tjänsteutlåtandets huvud efter ett diarienummer \
(«Diarienummer», «Dnr») med minst en siffra. En platshållare som «[Diarienummer]» räknas \
inte.\n\nVarför: ärendet diarieförs hos varje medlem med ett eget nummer, och beslutet \
hänvisar till det.",
    statute: STATUTE,
    applies_to: PACKAGE,
    check: check_case_number,
};

/// Every listed bilaga is in the package.
pub const APPENDIX: Rule = Rule {
    id: "PAKET-BILAGA",
    severity: Severity::Warning,
    citation: praxis(),
    summary: "varje bilaga som ett tjänsteutlåtande anger ska finnas i beslutspaketet",
    explanation: "Vad regeln gör: läser de bilagor som tjänsteutlåtandet hänvisar till \
(förbundsordningen, avsiktsförklaringen, förslaget till organisation) och ser efter att \
handlingen finns bland de handlingar som kontrolleras tillsammans. Andra bilagor \
(protokollsutdrag o.d.) kan forbund inte känna igen och kontrollerar inte.\n\nVarför: \
nämnden beslutar om det som bilagorna innehåller; en bilaga som saknas kan inte antas. \
Varning, eftersom paketet kan ha kontrollerats utan alla filer.",
    statute: STATUTE,
    applies_to: PACKAGE,
    check: check_appendix,
};

/// The förslag till beslut is conditional on the others.
pub const CONDITION: Rule = Rule {
    id: "PAKET-VILLKOR",
    severity: Severity::Warning,
    citation: praxis(),
    summary: "förslaget till beslut ska gälla under förutsättning att övriga parter fattar motsvarande beslut",
    explanation: "Vad regeln gör: läser avsnittet «Förslag till beslut» och letar efter \
villkoret att övriga parter (medlemmar) fattar motsvarande (likalydande) beslut, i någon av \
de vanliga formuleringarna.\n\nVarför: förbundet kan bildas först när samtliga medlemmar har \
beslutat likadant. Utan villkoret har medlemmen beslutat att delta i ett förbund som kanske \
aldrig bildas, eller bildas på andra villkor.",
    statute: STATUTE,
    applies_to: PACKAGE,
    check: check_condition,
};

/// The board the tjänsteutlåtande describes is the förbundsordning's.
pub const BOARD: Rule = Rule {
    id: "PAKET-STYRELSE",
    severity: Severity::Error,
    citation: praxis(),
    summary: "den styrelse som ett tjänsteutlåtande beskriver ska vara förbundsordningens",
    explanation: "Vad regeln gör: jämför styrelsens storlek som tjänsteutlåtandet anger \
(«leds av en styrelse med fyra ledamöter och fyra ersättare») med förbundsordningens \
(angiven storlek, eller summan av vad medlemmarna utser).\n\nVarför: fullmäktige beslutar \
på tjänsteutlåtandets beskrivning; en annan styrelse än förbundsordningens gör att \
medlemmarna inte fattar likalydande beslut.",
    statute: STATUTE,
    applies_to: PACKAGE,
    check: check_board,
};

fn head(document: usize) -> At {
    At::Member {
        document,
        section: None,
        excerpt: None,
    }
}

fn check_date(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Package(view) = subject else {
        return Vec::new();
    };
    view.of(DocumentKind::Tjansteutlatande)
        .filter(|(_, d)| d.letterhead.date.is_none())
        .map(|(i, d)| {
            Hit::new(
                format!(
                    "tjänsteutlåtandet {} saknar datum; skriv dagens datum i huvudet (t.ex. «Datum: 2027-03-01»)",
                    d.file
                ),
                head(i),
            )
        })
        .collect()
}

fn check_case_number(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Package(view) = subject else {
        return Vec::new();
    };
    view.of(DocumentKind::Tjansteutlatande)
        .filter(|(_, d)| d.letterhead.case_number.is_none())
        .map(|(i, d)| {
            Hit::new(
                format!(
                    "tjänsteutlåtandet {} saknar diarienummer; ange ärendets nummer i medlemmens diarium (t.ex. «Diarienummer: KS 2027/123»)",
                    d.file
                ),
                head(i),
            )
        })
        .collect()
}

/// A document a bilaga can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Appendix {
    Forbundsordning,
    Avsiktsforklaring,
    Organisation,
}

impl Appendix {
    fn swedish(self) -> &'static str {
        match self {
            Appendix::Forbundsordning => "förbundsordningen",
            Appendix::Avsiktsforklaring => "avsiktsförklaringen",
            Appendix::Organisation => "förslaget till organisation",
        }
    }

    /// What a line listing a bilaga names (normalised text).
    fn named_in(line: &str) -> Option<Self> {
        // A jämförelsetabell names the förbundsordning but is not it.
        if line.contains("jämförelsetabell") {
            None
        } else if line.contains("förbundsordning") {
            Some(Appendix::Forbundsordning)
        } else if line.contains("avsiktsförklaring") {
            Some(Appendix::Avsiktsforklaring)
        } else if line.contains("organisation") {
            Some(Appendix::Organisation)
        } else {
            None
        }
    }

    fn present(self, view: &PackageView<'_>) -> bool {
        match self {
            Appendix::Forbundsordning => view.of(DocumentKind::Forbundsordning).next().is_some(),
            Appendix::Avsiktsforklaring => {
                view.of(DocumentKind::Avsiktsforklaring).next().is_some()
            }
            // No kind of its own: known by its title or file name.
            Appendix::Organisation => view.documents.iter().any(|d| {
                fold(&d.view.document.title).contains("organisation")
                    || fold(&d.file).contains("organisation")
            }),
        }
    }
}

static BILAGA: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?i)(?-u:\b)bilaga\s+(\d+)"));

/// The bilagor a tjänsteutlåtande lists that forbund recognises, first
/// mention of each.
fn appendices(d: &PackageEntry<'_>) -> Vec<(Appendix, Read<String>)> {
    let mut out: Vec<(Appendix, Read<String>)> = Vec::new();
    for section in &d.view.sections {
        for line in section.text.lines() {
            let n = normalise(line);
            let (Some(number), Some(kind)) = (
                BILAGA.captures(&n).and_then(|c| c.get(1)),
                Appendix::named_in(&n),
            ) else {
                continue;
            };
            if out.iter().any(|(k, _)| *k == kind) {
                continue;
            }
            out.push((
                kind,
                Read {
                    value: number.as_str().to_string(),
                    section: Some(section.index),
                    excerpt: excerpt(line.trim().trim_start_matches(['-', '*', '•']).trim()),
                },
            ));
        }
    }
    out
}

fn check_appendix(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Package(view) = subject else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for (i, d) in view.of(DocumentKind::Tjansteutlatande) {
        for (kind, read) in appendices(d) {
            if !kind.present(view) {
                hits.push(Hit::new(
                    format!(
                        "tjänsteutlåtandet anger {} som bilaga {}, men den finns inte bland handlingarna",
                        kind.swedish(),
                        read.value
                    ),
                    at(i, &read),
                ));
            }
        }
    }
    hits
}

/// Whether normalised text states the condition that the others decide
/// alike, in any of its usual wordings: "under förutsättning att övriga
/// parter fattar motsvarande beslut", "… att samtliga medlemmar fattar
/// likalydande beslut", "villkorat av att övriga förbundsmedlemmar beslutar
/// detsamma".
pub fn states_condition(text: &str) -> bool {
    (text.contains("förutsättning") || text.contains("villkor"))
        && ["övriga", "samtliga", "andra", "alla"]
            .iter()
            .any(|w| text.contains(w))
        && text.contains("beslut")
}

fn check_condition(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Package(view) = subject else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for (i, d) in view.of(DocumentKind::Tjansteutlatande) {
        let proposal: Vec<_> = d
            .view
            .sections
            .iter()
            .filter(|s| {
                let l = normalise(&s.label);
                l.contains("förslag till beslut") || l == "beslut"
            })
            .collect();
        let Some(first) = proposal.first() else {
            continue;
        };
        if proposal.iter().any(|s| states_condition(&s.normalised)) {
            continue;
        }
        let place = d.decisions.last().map_or(
            At::Member {
                document: i,
                section: Some(first.index),
                excerpt: None,
            },
            |r| at(i, r),
        );
        hits.push(Hit::new(
            "förslaget till beslut saknar villkoret att övriga parter fattar motsvarande beslut; lägg till «att beslutet gäller under förutsättning att övriga parter fattar motsvarande beslut»",
            place,
        ));
    }
    hits
}

/// Whether a (folded) sentence describes the förbund's board as proposed,
/// rather than an appointment, a change someone asked for, a condition
/// another member set, or some other body's board.
fn describes_the_board(t: &str) -> bool {
    const ELSEWHERE: &[&str] = &[
        "att utse",
        "andra",
        "andring",
        "villkor",
        "infor",
        "yrka",
        "foreslog",
        "beslutade",
        "tidigare",
        "i dag",
        "idag",
        "nuvarande",
    ];
    t.contains("styrelse") && t.contains("forbund") && !ELSEWHERE.iter().any(|w| t.contains(w))
}

fn check_board(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Package(view) = subject else {
        return Vec::new();
    };
    let Some((_, fo)) = view.of(DocumentKind::Forbundsordning).next() else {
        return Vec::new();
    };
    let Some((l, e)) = total_size(&fo.view) else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for (i, d) in view.of(DocumentKind::Tjansteutlatande) {
        for (section, sentence) in sentences(&d.view) {
            if !describes_the_board(&fold(sentence)) {
                continue;
            }
            let Some((tl, te)) = stated_size(sentence) else {
                continue;
            };
            if (tl, te) != (l, e) {
                let noun = |n: u32, one: &str, many: &str| count_noun(u64::from(n), one, many);
                hits.push(Hit::new(
                    format!(
                        "tjänsteutlåtandet beskriver en styrelse med {} och {}, men enligt förbundsordningen ({}) har den {} och {}",
                        noun(tl, "ledamot", "ledamöter"),
                        noun(te, "ersättare", "ersättare"),
                        fo.file,
                        noun(l, "ledamot", "ledamöter"),
                        noun(e, "ersättare", "ersättare"),
                    ),
                    At::Member {
                        document: i,
                        section,
                        excerpt: Some(excerpt(sentence)),
                    },
                ));
            }
        }
    }
    hits
}
