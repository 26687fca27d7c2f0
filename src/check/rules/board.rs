//! The board (10 and 12 §§): every member has at least one ledamot and one
//! ersättare (FINSAM-10-LEDAMOTER), as many ersättare as ledamöter
//! (FINSAM-10-ERSATTARE), the stated size is the sum over the members
//! (FINSAM-10-STORLEK), and the order in which ersättare are called is
//! decided (FINSAM-12-ERSATTARORDNING).

use super::{at_path, fix_field};
use crate::check::rule::{CHARTER, Hit, Rule, Subject, Target, finsam};
use crate::finding::Severity;
use crate::read::facts::board::member_named;
use crate::read::facts::{self, Appointer, Appointment, BoardText};
use crate::read::reading::{NamedMember, Reading};
use crate::swedish::{capitalise, count_noun, join_and};

const STATUTE_10: &str = "Sammanfattning av 10 §: varje medlem ska vara företrädd i styrelsen av \
minst en ledamot och en ersättare. Antalet ersättare ska vara lika stort som antalet ledamöter. \
En ledamot som en kommun har utsett får inte företräda en annan kommun. Lagen anger inget högsta \
antal ledamöter.";

/// At least one ledamot and one ersättare per member.
pub const MEMBERS: Rule = Rule {
    id: "FINSAM-10-LEDAMOTER",
    severity: Severity::Error,
    citation: finsam("10 §"),
    summary: "varje medlem ska företrädas av minst en ledamot och en ersättare",
    explanation: "Vad regeln gör: kontrollerar att varje medlem utser minst en ledamot och minst en \
ersättare, och i en förbundsordning som anger företrädarna medlem för medlem att ingen medlem är \
utelämnad.\n\nVarför: en medlem utan ledamot eller ersättare är inte företrädd i styrelsen, vilket \
lagen inte tillåter.",
    statute: STATUTE_10,
    applies_to: CHARTER,
    check: check_members,
};

/// As many ersättare as ledamöter.
pub const DEPUTIES: Rule = Rule {
    id: "FINSAM-10-ERSATTARE",
    severity: Severity::Error,
    citation: finsam("10 §"),
    summary: "varje medlem ska utse lika många ersättare som ledamöter",
    explanation: "Vad regeln gör: jämför antalet ledamöter och ersättare för varje medlem.\n\n\
Varför: lagen kräver lika många ersättare som ledamöter, så att varje ledamot kan ersättas.",
    statute: STATUTE_10,
    applies_to: CHARTER,
    check: check_deputies,
};

/// The stated size is the sum over the members.
pub const SIZE: Rule = Rule {
    id: "FINSAM-10-STORLEK",
    severity: Severity::Error,
    citation: finsam("10 §"),
    summary: "styrelsens angivna storlek ska vara summan av medlemmarnas ledamöter och ersättare",
    explanation: "Vad regeln gör: läser styrelsens storlek (\"styrelsen består av fyra ledamöter \
och fyra ersättare\") och hur många varje medlem utser, och jämför summan med medlemmarna i \
medlemsparagrafen.\n\nVarför: stämmer siffrorna inte motsäger förbundsordningen sig själv och kan \
inte tillämpas som den är skriven.",
    statute: STATUTE_10,
    applies_to: &[Target::Forbundsordning],
    check: check_size,
};

/// The order in which ersättare are called is decided.
pub const ORDER: Rule = Rule {
    id: "FINSAM-12-ERSATTARORDNING",
    severity: Severity::Warning,
    citation: finsam("12 §"),
    summary: "ordningen för ersättarnas inträde ska vara bestämd",
    explanation: "Vad regeln gör: när en medlem utser fler än en ersättare, letar regeln efter en \
bestämmelse om personliga ersättare eller om i vilken ordning ersättarna kallas in.\n\nVarför: \
lagen kräver att ordningen bestäms. Den kan bestämmas av den som utser ersättarna, så en \
förbundsordning som tiger är inte fel i sig, men det bör framgå var ordningen bestäms.",
    statute: "Sammanfattning av 12 §: ledamöter och ersättare utses av kommun- och \
regionfullmäktige, Försäkringskassan och Arbetsförmedlingen. Den ordning i vilken ersättarna ska \
kallas in till tjänstgöring ska bestämmas. Mandattiden är fyra år om inte förbundsordningen anger \
en kortare tid.",
    applies_to: &[Target::Forbundsordning],
    check: check_order,
};

/// The ledamöter and ersättare the appointments add up to: "varje medlem"
/// counts once per member, a shared seat once.
fn totals(view: &Reading<'_>, board: &BoardText) -> (u32, u32) {
    let members = u32::try_from(view.members.len()).unwrap_or(u32::MAX);
    board.appointments.iter().fold((0, 0), |(l, e), a| {
        let times = if a.appointer == Appointer::Each {
            members
        } else {
            1
        };
        (
            l.saturating_add(a.ledamoter.saturating_mul(times)),
            e.saturating_add(a.ersattare.saturating_mul(times)),
        )
    })
}

/// Whether some appointment gives `member` its own or a shared seat.
fn covered(view: &Reading<'_>, board: &BoardText, member: &NamedMember) -> bool {
    board.appointments.iter().any(|a| match &a.appointer {
        Appointer::Each => true,
        Appointer::Member(name) => member_named(view, name) == Some(member),
        Appointer::Jointly(names) | Appointer::EachOf(names) => {
            names.iter().any(|n| member_named(view, n) == Some(member))
        }
    })
}

fn check_members(subject: &Subject<'_>) -> Vec<Hit> {
    match subject {
        Subject::Description(d) => {
            let mut hits = Vec::new();
            for (i, m) in d.forbund.members.iter().enumerate() {
                for (field, n, noun) in [
                    ("ledamöter", m.members_appointed, "ledamot"),
                    ("ersättare", m.deputies_appointed, "ersättare"),
                ] {
                    if n == 0 {
                        let path = format!("/medlemmar/{i}/{field}");
                        hits.push(
                            Hit::new(
                                format!("{} utser ingen {noun}; varje medlem ska företrädas av minst en ledamot och en ersättare", m.namn),
                                at_path(&path),
                            )
                            .with_fix(fix_field(format!("sätt {field} till minst 1"), &path, "1")),
                        );
                    }
                }
            }
            hits
        }
        Subject::Document(view) => {
            let board = facts::board(view);
            let mut hits: Vec<Hit> = Vec::new();
            for a in &board.appointments {
                if a.ledamoter == 0 {
                    hits.push(Hit::new(format!("{} utser {}; varje medlem ska företrädas av minst en ledamot och en ersättare", capitalise(&who(a)), count_noun(u64::from(a.ledamoter), "ledamot", "ledamöter")), a.at.clone()));
                }
                if let Appointer::Jointly(names) = &a.appointer
                    && names.len() > 1
                {
                    hits.push(Hit::new(format!("{} utser gemensamt {} och {}; varje medlem ska företrädas av en egen ledamot och ersättare, och en ledamot som en kommun har utsett får inte företräda en annan kommun", join_and(names), count_noun(u64::from(a.ledamoter), "ledamot", "ledamöter"), count_noun(u64::from(a.ersattare), "ersättare", "ersättare")), a.at.clone()).with_fix(super::fix_note("låt varje medlem utse minst en egen ledamot och en egen ersättare, och ändra styrelsens storlek därefter")));
                }
            }
            if let Some(first) = board.appointments.first() {
                for m in &view.members {
                    if !covered(view, &board, m) {
                        hits.push(Hit::new(format!("det framgår inte hur många ledamöter och ersättare {} utser; varje medlem ska företrädas av minst en ledamot och en ersättare", m.name), first.at.clone()));
                    }
                }
            }
            hits
        }
        Subject::Package(_) => Vec::new(),
    }
}

fn who(a: &Appointment) -> String {
    match &a.appointer {
        Appointer::Each => "varje medlem".to_string(),
        Appointer::Member(name) => name.clone(),
        Appointer::Jointly(names) | Appointer::EachOf(names) => join_and(names),
    }
}

fn check_deputies(subject: &Subject<'_>) -> Vec<Hit> {
    match subject {
        Subject::Description(d) => d
            .forbund
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.members_appointed != m.deputies_appointed && m.members_appointed > 0)
            .map(|(i, m)| {
                let path = format!("/medlemmar/{i}/ersättare");
                Hit::new(
                    format!("{} utser {} men {}; antalet ersättare ska vara lika stort som antalet ledamöter", m.namn, count_noun(u64::from(m.members_appointed), "ledamot", "ledamöter"), count_noun(u64::from(m.deputies_appointed), "ersättare", "ersättare")),
                    at_path(&path),
                )
                .with_fix(fix_field(format!("sätt ersättare till {}", m.members_appointed), &path, &m.members_appointed.to_string()))
            })
            .collect(),
        // A ledamot without an ersättare is this rule's case too: the
        // member is represented, but not as 10 § requires.
        Subject::Document(view) => facts::board(view)
            .appointments
            .iter()
            .filter(|a| a.ledamoter != a.ersattare && a.ledamoter > 0)
            .map(|a| {
                let deputies = if a.ersattare == 0 {
                    "ingen ersättare".to_string()
                } else {
                    count_noun(u64::from(a.ersattare), "ersättare", "ersättare")
                };
                Hit::new(format!("{} utser {} men {deputies}; antalet ersättare ska vara lika stort som antalet ledamöter", capitalise(&who(a)), count_noun(u64::from(a.ledamoter), "ledamot", "ledamöter")), a.at.clone())
                    .with_fix(super::fix_note(format!("skriv «{} och {}»", count_noun(u64::from(a.ledamoter), "ledamot", "ledamöter"), count_noun(u64::from(a.ledamoter), "ersättare", "ersättare"))))
            })
            .collect(),
        Subject::Package(_) => Vec::new(),
    }
}

fn check_size(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Document(view) = subject else {
        return Vec::new();
    };
    let board = facts::board(view);
    let Some((l, e, at)) = &board.size else {
        return Vec::new();
    };
    if view.members.is_empty() || board.appointments.is_empty() {
        return Vec::new();
    }
    let (sum_l, sum_e) = totals(view, &board);
    if (sum_l, sum_e) == (*l, *e) {
        return Vec::new();
    }
    vec![Hit::new(
        format!(
            "styrelsen sägs bestå av {} och {}, men med {} medlemmar och det antal var och en utser blir det {} och {}",
            count_noun(u64::from(*l), "ledamot", "ledamöter"),
            count_noun(u64::from(*e), "ersättare", "ersättare"),
            crate::swedish::number_in_words(view.members.len() as u64),
            count_noun(u64::from(sum_l), "ledamot", "ledamöter"),
            count_noun(u64::from(sum_e), "ersättare", "ersättare"),
        ),
        at.clone(),
    )
    .with_fix(super::fix_note(format!(
        "skriv «{} och {}», eller ändra hur många varje medlem utser",
        count_noun(u64::from(sum_l), "ledamot", "ledamöter"),
        count_noun(u64::from(sum_e), "ersättare", "ersättare")
    )))]
}

fn check_order(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Document(view) = subject else {
        return Vec::new();
    };
    let board = facts::board(view);
    let Some(several) = board.appointments.iter().find(|a| a.ersattare > 1) else {
        return Vec::new();
    };
    let decided = view.sections.iter().any(|s| {
        let t = &s.normalised;
        t.contains("personlig ersättare")
            || t.contains("personliga ersättare")
            || t.contains("i den ordning")
            || t.contains("ordning som")
            || t.contains("turordning")
            || t.contains("kallas in")
            || t.contains("inkallas")
    });
    if decided {
        return Vec::new();
    }
    vec![Hit::new(
        "det framgår inte i vilken ordning ersättarna kallas in; ange att ersättarna är personliga eller att de kallas in i den ordning som den utseende medlemmen bestämmer",
        several.at.clone(),
    )
    .with_fix(super::fix_note(
        "lägg till t.ex. «Ersättarna kallas in till tjänstgöring i den ordning som den medlem som har utsett dem har bestämt.»",
    ))]
}
