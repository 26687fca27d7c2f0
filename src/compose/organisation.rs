//! The fourth document, "Förslag till organisation" (seed 002 is the
//! model): the förbund's bodies — styrelse, arbetsutskott, beredningsgrupp,
//! förbundschef, samordnare, lokala grupper — who appoints them, their
//! tasks and how often they meet, with an organisation chart. Which bodies
//! exist follows the rest of the description (the förbundsordning's
//! arbetsutskott, the avsiktsförklaring's beredningsgrupp, samordnare and
//! local groups), so the documents cannot disagree; what only the
//! proposal says comes from `organisation`, and what is missing there is a
//! visible placeholder.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::{ComposeError, Templates, build, metadata, placeholder, view};
use crate::document::{Block, ChartBox, ChartLevel, Document, DocumentKind};
use crate::spec::{Forbund, OrganisationBody, OrganisationProposal};
use crate::swedish::{capitalise, count_noun};

/// The heading under which the chart stands.
const CHART_HEADING: &str = "Organisationsschema";

/// The organisation proposal, or `None` when the description has no
/// organisation.
pub fn compose(
    f: &Forbund,
    templates: &Templates,
    date: Option<NaiveDate>,
) -> Result<Option<Document>, ComposeError> {
    let Some(proposal) = &f.organisation else {
        return Ok(None);
    };
    let mut context = view::common(f);
    context["org"] = json!({
        "inledning": proposal.introduction,
        "organ": bodies(f, proposal).iter().map(Body::context).collect::<Vec<_>>(),
        "övriga_tjänster": proposal.other_services,
    });
    let doc_date = date
        .or(proposal.date)
        .or(f.declaration.date)
        .unwrap_or_else(|| super::default_date(f));
    let meta = metadata(
        format!("Förslag till organisation för {}", f.namn),
        f,
        f.namn.clone(),
        doc_date,
    );
    let mut document = build(
        DocumentKind::Organisation,
        templates,
        "organisation.md",
        &context,
        meta,
    )?;
    let levels = chart(f);
    if let Some(section) = document
        .sections
        .iter_mut()
        .find(|s| s.heading == CHART_HEADING)
    {
        section.blocks.insert(0, Block::Chart { levels });
    } else {
        // A template of the user's own without the heading: the chart
        // goes first.
        document.preamble.push(Block::Chart { levels });
    }
    Ok(Some(document))
}

/// One body as the proposal describes it.
struct Body<'a> {
    heading: String,
    /// What the förbundsordning and avsiktsförklaring already say.
    grounds: Vec<String>,
    details: &'a OrganisationBody,
    appointed_by: String,
    /// Whether it is a body that meets (not a post).
    meets: bool,
    noun: &'static str,
}

impl Body<'_> {
    fn context(&self) -> Value {
        json!({
            "rubrik": self.heading,
            "grund": self.grounds,
            "beskrivning": self.details.description,
            "sammansättning": self.details.composition,
            "utses_av": self.details.appointed_by.clone().unwrap_or_else(|| self.appointed_by.clone()),
            "uppdrag": self.details.tasks,
            "sammanträder": self.meets,
            "mötesfrekvens": self.details.meetings.clone().unwrap_or_else(|| placeholder(&format!("Ange hur ofta {} sammanträder", self.noun))),
        })
    }
}

/// The bodies the description gives, in the order of the chart.
fn bodies<'a>(f: &Forbund, p: &'a OrganisationProposal) -> Vec<Body<'a>> {
    let (ledamoter, ersattare) = f.board_size();
    let organisation = &f.declaration.organisation;
    let head = capitalise(&f.staff.head_title);
    let mut out = vec![Body {
        heading: "Styrelse".into(),
        grounds: vec![format!(
            "Förbundet leds av en styrelse med {} och {}, som är förbundets beslutande organ. Varje medlem är företrädd i styrelsen.",
            count_noun(u64::from(ledamoter), "ledamot", "ledamöter"),
            count_noun(u64::from(ersattare), "ersättare", "ersättare"),
        )],
        details: &p.board,
        appointed_by: "medlemmarna, var och en för sig enligt förbundsordningen".into(),
        meets: true,
        noun: "styrelsen",
    }];
    if f.board.working_committee {
        out.push(Body {
            heading: "Arbetsutskott".into(),
            grounds: vec!["Styrelsen har ett arbetsutskott som bereder styrelsens ärenden och har de uppgifter som styrelsen delegerar till det.".into()],
            details: &p.working_committee,
            appointed_by: "styrelsen, bland sina ledamöter".into(),
            meets: true,
            noun: "arbetsutskottet",
        });
    }
    out.push(Body {
        heading: head.clone(),
        grounds: vec![format!(
            "{} leder förbundets kansli enligt styrelsens anvisningar, fastställd budget och delegationsordning.",
            capitalise(&definite(&f.staff.head_title))
        )],
        details: &p.head,
        appointed_by: "styrelsen".into(),
        meets: false,
        noun: "",
    });
    if organisation.preparatory_group {
        out.push(Body {
            heading: "Beredningsgrupp".into(),
            grounds: vec![format!(
                "En beredningsgrupp med chefer från parterna stödjer styrelsen och {} i planering och uppföljning. Gruppen ingår inte i förbundets linjeorganisation.",
                definite(&f.staff.head_title)
            )],
            details: &p.preparatory_group,
            appointed_by: placeholder("Ange vem som utser beredningsgruppen"),
            meets: true,
            noun: "beredningsgruppen",
        });
    }
    if organisation.coordinators {
        out.push(Body {
            heading: "Samordnare".into(),
            grounds: vec![format!(
                "Förbundets kansli har samordnare som bistår {}.",
                definite(&f.staff.head_title)
            )],
            details: &p.coordinators,
            appointed_by: if f.staff.own_staff {
                definite(&f.staff.head_title)
            } else {
                placeholder("Ange vem som utser samordnarna")
            },
            meets: false,
            noun: "",
        });
    }
    if !organisation.local_groups.is_empty() {
        let groups = &organisation.local_groups;
        out.push(Body {
            heading: "Lokala samverkansgrupper".into(),
            grounds: vec![format!(
                "Lokal samverkan bedrivs i {}: {}.",
                count_noun(groups.len() as u64, "grupp", "grupper"),
                groups.join("; ")
            )],
            details: &p.local_groups,
            appointed_by: placeholder("Ange vem som utser de lokala grupperna"),
            meets: true,
            noun: "de lokala grupperna",
        });
    }
    out
}

/// The chart: the members at the top, the styrelse (with its arbetsutskott
/// beside it), the förbundschef (with the beredningsgrupp as support), the
/// samordnare and the local groups.
pub fn chart(f: &Forbund) -> Vec<ChartLevel> {
    let (ledamoter, ersattare) = f.board_size();
    let organisation = &f.declaration.organisation;
    let level = |main: ChartBox| ChartLevel {
        main,
        beside: None,
        beside_supports: false,
    };
    let mut levels = vec![
        level(ChartBox::new(
            "Medlemmarna",
            f.members.iter().map(|m| m.namn.clone()).collect(),
        )),
        ChartLevel {
            main: ChartBox::new(
                "Styrelse",
                vec![format!(
                    "{} och {}",
                    count_noun(u64::from(ledamoter), "ledamot", "ledamöter"),
                    count_noun(u64::from(ersattare), "ersättare", "ersättare")
                )],
            ),
            beside: f
                .board
                .working_committee
                .then(|| ChartBox::new("Arbetsutskott", vec!["ur styrelsen".into()])),
            beside_supports: false,
        },
        ChartLevel {
            main: ChartBox::new(capitalise(&f.staff.head_title), vec!["kansliet".into()]),
            beside: organisation
                .preparatory_group
                .then(|| ChartBox::new("Beredningsgrupp", vec!["företrädare för parterna".into()])),
            beside_supports: true,
        },
    ];
    if organisation.coordinators {
        levels.push(level(ChartBox::new("Samordnare", Vec::new())));
    }
    if !organisation.local_groups.is_empty() {
        levels.push(level(ChartBox::new(
            "Lokala samverkansgrupper",
            vec![count_noun(
                organisation.local_groups.len() as u64,
                "grupp",
                "grupper",
            )],
        )));
    }
    levels
}

/// "förbundschef" → "förbundschefen".
fn definite(title: &str) -> String {
    view::definite(title)
}
