//! PAKET-*: the decision package agrees with itself. The förbund's name,
//! members, start date and budget are the same in the förbundsordning, the
//! avsiktsförklaring and every tjänsteutlåtande. What each member decides
//! is checked in [`super::decisions`].

use std::collections::BTreeMap;

use crate::check::package::{PackageEntry, PackageView, Read};
use crate::check::rule::{At, Hit, Rule, Subject, Target, praxis};
use crate::document::DocumentKind;
use crate::finding::Severity;
use crate::read::lexicon::normalise;
use crate::swedish::{date_long, join_and, kronor};

pub(super) const STATUTE: &str = "Ingen lagregel utöver att förbundet bildas genom att samtliga medlemmar \
antar samma förbundsordning: beslutsunderlagen ska stämma med varandra, annars fattar \
medlemmarna inte likalydande beslut.";

macro_rules! package_rule {
    ($name:ident, $id:literal, $summary:literal, $explanation:literal, $check:ident) => {
        #[doc = concat!($id, ": ", $summary, ".")]
        pub const $name: Rule = Rule {
            id: $id,
            severity: Severity::Error,
            citation: praxis(),
            summary: $summary,
            explanation: $explanation,
            statute: STATUTE,
            applies_to: &[Target::Package],
            check: $check,
        };
    };
}
pub(super) use package_rule;

package_rule!(
    NAME,
    "PAKET-NAMN",
    "förbundets namn ska vara detsamma i alla handlingar",
    "Vad regeln gör: jämför förbundets namn i förbundsordningen, avsiktsförklaringen och \
tjänsteutlåtandena.\n\nVarför: olika namn gör det oklart vilket förbund medlemmarna beslutar om.",
    check_name
);
package_rule!(
    MEMBERS,
    "PAKET-MEDLEMMAR",
    "medlemmarna ska vara desamma i alla handlingar",
    "Vad regeln gör: jämför de medlemmar som förbundsordningen, avsiktsförklaringens underskrifter \
och tjänsteutlåtandena nämner.\n\nVarför: ett förbund med andra parter än dem som beslutar kan \
inte bildas.",
    check_members
);
package_rule!(
    START,
    "PAKET-START",
    "verksamhetsstarten ska vara densamma i alla handlingar",
    "Vad regeln gör: jämför dagen då verksamheten startar.\n\nVarför: medlemmarna ska besluta om \
samma start.",
    check_start
);
package_rule!(
    BUDGET,
    "PAKET-BUDGET",
    "budgetbeloppen ska vara desamma i alla handlingar",
    "Vad regeln gör: jämför förbundets budget år för år i avsiktsförklaringen och \
tjänsteutlåtandena (och beskrivningen, när den finns).\n\nVarför: medlemmarnas kostnader räknas \
ur budgeten; olika belopp ger olika beslut.",
    check_budget
);
pub(super) fn at<T>(document: usize, read: &Read<T>) -> At {
    At::Member {
        document,
        section: read.section,
        excerpt: Some(read.excerpt.clone()),
    }
}

/// "förbundsordningen", "avsiktsförklaringen", "tjänsteutlåtandet".
pub(super) fn definite(d: &PackageEntry<'_>) -> &'static str {
    match d.view.kind() {
        DocumentKind::Forbundsordning => "förbundsordningen",
        DocumentKind::Avsiktsforklaring => "avsiktsförklaringen",
        DocumentKind::Tjansteutlatande => "tjänsteutlåtandet",
        DocumentKind::Jamforelsetabell => "jämförelsetabellen",
        DocumentKind::Organisation => "organisationsförslaget",
    }
}

/// Compares one fact across the documents with the förbundsordning's (or
/// else the first) value as reference.
fn compare<'v, 'a: 'v, T: 'v>(
    view: &'v PackageView<'a>,
    get: impl Fn(&'v PackageEntry<'a>) -> Option<&'v Read<T>>,
    same: impl Fn(&T, &T) -> bool,
    say: impl Fn(&T, &T, &str, &str) -> String,
) -> Vec<Hit> {
    let found: Vec<(usize, &PackageEntry<'a>, &Read<T>)> = view
        .documents
        .iter()
        .enumerate()
        .filter_map(|(i, d)| get(d).map(|r| (i, d, r)))
        .collect();
    let reference = found
        .iter()
        .find(|(_, d, _)| d.view.kind() == DocumentKind::Forbundsordning)
        .or_else(|| found.first());
    let Some((ri, rd, rv)) = reference else {
        return Vec::new();
    };
    found
        .iter()
        .filter(|(i, _, r)| i != ri && !same(&r.value, &rv.value))
        .map(|(i, d, r)| {
            let whose = format!("{} ({})", definite(rd), rd.file);
            Hit::new(say(&r.value, &rv.value, definite(d), &whose), at(*i, r))
        })
        .collect()
}

fn check_name(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Package(view) = subject else {
        return Vec::new();
    };
    compare(
        view,
        |d| d.name.as_ref(),
        |a, b| normalise(a).trim_end_matches('.') == normalise(b).trim_end_matches('.'),
        |a, b, kind, whose| format!("{kind} anger förbundets namn «{a}», men {whose} anger «{b}»"),
    )
}

fn check_members(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Package(view) = subject else {
        return Vec::new();
    };
    let set = |v: &Vec<String>| {
        let mut s: Vec<String> = v.iter().map(|n| normalise(n)).collect();
        s.sort();
        s.dedup();
        s
    };
    compare(
        view,
        |d| d.members.as_ref(),
        |a, b| set(a) == set(b),
        |a, b, kind, whose| {
            let (sa, sb) = (set(a), set(b));
            let missing: Vec<&String> = b.iter().filter(|n| !sa.contains(&normalise(n))).collect();
            let extra: Vec<&String> = a.iter().filter(|n| !sb.contains(&normalise(n))).collect();
            let mut parts = Vec::new();
            if !missing.is_empty() {
                parts.push(format!(
                    "saknar {}",
                    join_and(&missing.iter().map(|s| s.as_str()).collect::<Vec<_>>())
                ));
            }
            if !extra.is_empty() {
                parts.push(format!(
                    "nämner även {}",
                    join_and(&extra.iter().map(|s| s.as_str()).collect::<Vec<_>>())
                ));
            }
            format!(
                "medlemmarna i {kind} stämmer inte med {whose}: {kind} {}",
                parts.join(" och ")
            )
        },
    )
}

fn check_start(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Package(view) = subject else {
        return Vec::new();
    };
    compare(
        view,
        |d| d.start.as_ref(),
        |a, b| a == b,
        |a, b, kind, whose| {
            format!(
                "{kind} anger att verksamheten startar {}, men {whose} anger {}",
                date_long(*a),
                date_long(*b)
            )
        },
    )
}

/// The budget per year to compare with, and where it comes from: the
/// description's, else the first document's that states the year.
pub(super) fn reference_budget(view: &PackageView<'_>) -> BTreeMap<i32, (u64, String)> {
    let mut out = BTreeMap::new();
    if let Some(f) = view.forbund {
        for b in &f.economy.budgets {
            out.insert(b.year, (b.amount, "beskrivningen".to_string()));
        }
        return out;
    }
    for d in &view.documents {
        for b in &d.budgets {
            out.entry(b.value.0)
                .or_insert_with(|| (b.value.1, format!("{} ({})", definite(d), d.file)));
        }
    }
    out
}

pub(super) fn close(a: u64, b: u64) -> bool {
    a.abs_diff(b) <= (b / 200).max(1)
}

fn check_budget(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Package(view) = subject else {
        return Vec::new();
    };
    let reference = reference_budget(view);
    let mut hits = Vec::new();
    for (i, d) in view.documents.iter().enumerate() {
        // A document's later statements for a year are compared with its
        // first by PAKET-BUDGET-MOTSAGELSE.
        let firsts = d
            .budgets
            .iter()
            .enumerate()
            .filter(|(n, b)| !d.budgets[..*n].iter().any(|e| e.value.0 == b.value.0))
            .map(|(_, b)| b);
        for b in firsts {
            let (year, amount) = b.value;
            if let Some((expected, source)) = reference.get(&year)
                && !close(amount, *expected)
            {
                hits.push(Hit::new(
                    format!(
                        "{} anger förbundets budget år {year} till {}, men {source} anger {}",
                        definite(d),
                        kronor(amount),
                        kronor(*expected)
                    ),
                    at(i, b),
                ));
            }
        }
    }
    hits
}
