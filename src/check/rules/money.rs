//! PAKET-* on the money in the package's tables and sentences: a budget
//! table's rows add up to its total (PAKET-BUDGETTABELL), the amounts in
//! the tables of the tjänsteutlåtanden and the avsiktsförklaring follow the
//! förbundsordning's shares of the budget (PAKET-TABELL), and no document
//! states two budgets for the same year (PAKET-BUDGET-MOTSAGELSE).

use super::decisions::expected_cost;
use super::package::{STATUTE, at, close, definite, reference_budget};
use crate::check::rule::{At, Hit, Rule, Subject, Target, praxis};
use crate::document::DocumentKind;
use crate::finding::Severity;
use crate::read::lexicon::{fold, normalise};
use crate::read::reading::NamedMember;
use crate::read::tables::AmountTable;
use crate::swedish::kronor;

const PACKAGE: &[Target] = &[Target::Package];

/// A budget table adds up.
pub const TABLE_SUM: Rule = Rule {
    id: "PAKET-BUDGETTABELL",
    severity: Severity::Error,
    citation: praxis(),
    summary: "raderna i en budgettabell ska summera till tabellens totalbelopp",
    explanation: "Vad regeln gör: läser tabeller med ett belopp per år och en rad «Totalt» \
(eller «Summa») och summerar de övriga raderna år för år. Avrundning till hela enheter \
godtas; rader som börjar med «varav» räknas inte, och tabeller med delsummor lämnas \
därhän.\n\nVarför: en tabell vars delar inte blir helheten säger två saker om samma pengar, \
och medlemmarna vet inte vilket belopp de beslutar om.",
    statute: STATUTE,
    applies_to: PACKAGE,
    check: check_table_sum,
};

/// Table amounts follow the shares and the budget.
pub const TABLE_SHARES: Rule = Rule {
    id: "PAKET-TABELL",
    severity: Severity::Error,
    citation: praxis(),
    summary: "beloppen i tjänsteutlåtandenas och avsiktsförklaringens tabeller ska följa förbundsordningens andelar av budgeten",
    explanation: "Vad regeln gör: läser tabellerna med belopp per år i tjänsteutlåtandena och \
avsiktsförklaringen. En rad (eller kolumn) för förbundets budget jämförs med budgeten, en rad \
för en medlem med medlemmens andel av budgeten enligt förbundsordningen: hälften för \
Försäkringskassan, en fjärdedel för en ensam kommun eller region, och vid flera kommuner \
enligt beskrivningens fördelning när beskrivningen finns med. Där andelen inte går att \
räkna ut säger regeln ingenting.\n\nVarför: fullmäktige beslutar om beloppen i tabellen; \
de ska vara samma pengar som förbundsordningen och budgeten anger.",
    statute: STATUTE,
    applies_to: PACKAGE,
    check: check_table_shares,
};

/// One budget per year in a document.
pub const CONTRADICTION: Rule = Rule {
    id: "PAKET-BUDGET-MOTSAGELSE",
    severity: Severity::Error,
    citation: praxis(),
    summary: "en handling får inte ange två olika budgetbelopp för samma år",
    explanation: "Vad regeln gör: samlar de meningar i varje handling som anger förbundets \
budget för ett år och jämför dem med varandra.\n\nVarför: två olika belopp för samma år \
gör det oklart vad medlemmarna beslutar om. Skillnader mellan handlingarna visar \
PAKET-BUDGET.",
    statute: STATUTE,
    applies_to: PACKAGE,
    check: check_contradiction,
};

fn table_at(document: usize, table: &AmountTable) -> At {
    At::Member {
        document,
        section: table.section,
        excerpt: Some(table.excerpt.clone()),
    }
}

/// Whether the rows of a table are parts of its total (no subtotals).
fn rows_are_parts(table: &AmountTable) -> bool {
    !table.rows.iter().any(|r| {
        let l = fold(&r.label);
        l.contains("tillsammans") || l.contains("delsumma") || l.contains("summa")
    })
}

fn check_table_sum(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Package(view) = subject else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for (i, d) in view.documents.iter().enumerate() {
        for table in &d.tables {
            let Some(total) = &table.total else { continue };
            if table.rows.len() < 2 || !rows_are_parts(table) {
                continue;
            }
            let parts: Vec<_> = table
                .rows
                .iter()
                .filter(|r| {
                    !fold(&r.label)
                        .trim_start_matches(['-', ' '])
                        .starts_with("varav")
                })
                .collect();
            for (year, stated) in &total.amounts {
                let amounts: Option<Vec<u64>> =
                    parts.iter().map(|r| r.amounts.get(year).copied()).collect();
                let Some(amounts) = amounts else { continue };
                let sum: u64 = amounts.iter().sum();
                if sum.abs_diff(*stated) > table.tolerance {
                    hits.push(Hit::new(
                        format!(
                            "raderna i tabellen i {} summerar till {} år {year}, men raden «{}» anger {}",
                            definite(d),
                            kronor(sum),
                            total.label,
                            kronor(*stated)
                        ),
                        table_at(i, table),
                    ));
                }
            }
        }
    }
    hits
}

/// The member a row label names, the longest name first ("Region
/// Stockholm" before "Stockholm").
fn member_named<'m>(label: &str, members: &'m [NamedMember]) -> Option<&'m NamedMember> {
    let l = normalise(label);
    members
        .iter()
        .filter(|m| !m.name.is_empty() && l.contains(&normalise(&m.name)))
        .max_by_key(|m| m.name.len())
}

/// Whether a label stands for the förbund's whole budget.
fn is_budget(label: &str) -> bool {
    let l = fold(label);
    crate::read::tables::is_total(label) || (l.contains("forbund") && l.contains("budget"))
}

fn check_table_shares(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Package(view) = subject else {
        return Vec::new();
    };
    let budget = reference_budget(view);
    let members: Vec<NamedMember> = view
        .of(DocumentKind::Forbundsordning)
        .next()
        .map(|(_, d)| d.view.members.clone())
        .unwrap_or_default();
    let mut hits = Vec::new();
    let documents = view
        .of(DocumentKind::Tjansteutlatande)
        .chain(view.of(DocumentKind::Avsiktsforklaring));
    for (i, d) in documents {
        for table in &d.tables {
            for row in table.rows.iter().chain(&table.total) {
                for (year, stated) in &row.amounts {
                    let Some((total, source)) = budget.get(year) else {
                        continue;
                    };
                    let (expected, what) = if is_budget(&row.label) {
                        // A "Totalt" under the rows of some members only
                        // (the kommuner's quarter) is not the budget.
                        if table.total.as_ref() == Some(row) && !whole_budget_rows(table, &members)
                        {
                            continue;
                        }
                        (*total, format!("budgeten enligt {source}"))
                    } else if let Some(m) = member_named(&row.label, &members) {
                        let Some(cost) = expected_cost(view, &members, &m.name, *total) else {
                            continue;
                        };
                        (
                            cost,
                            format!(
                                "{}s andel enligt förbundsordningen av budgeten {}",
                                m.name,
                                kronor(*total)
                            ),
                        )
                    } else {
                        continue;
                    };
                    if !close(*stated, expected) {
                        hits.push(Hit::new(
                            format!(
                                "tabellen i {} anger {} år {year} för «{}», men {what} är {}",
                                definite(d),
                                kronor(*stated),
                                row.label,
                                kronor(expected)
                            ),
                            table_at(i, table),
                        ));
                    }
                }
            }
        }
    }
    hits
}

/// Whether a table's rows cover the paying members (Försäkringskassan and
/// the kommuner and regions), so that its total is the whole budget.
fn whole_budget_rows(table: &AmountTable, members: &[NamedMember]) -> bool {
    table.rows.iter().any(|r| {
        member_named(&r.label, members)
            .is_some_and(|m| m.kind == crate::spec::MemberKind::Forsakringskassan)
    })
}

fn check_contradiction(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Package(view) = subject else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for (i, d) in view.documents.iter().enumerate() {
        for (n, later) in d.budgets.iter().enumerate() {
            let (year, amount) = later.value;
            let Some(first) = d.budgets[..n].iter().find(|b| b.value.0 == year) else {
                continue;
            };
            if !close(amount, first.value.1) {
                hits.push(Hit::new(
                    format!(
                        "{} anger förbundets budget år {year} till {} här, men till {} i «{}»",
                        definite(d),
                        kronor(amount),
                        kronor(first.value.1),
                        first.excerpt
                    ),
                    at(i, later),
                ));
            }
        }
    }
    hits
}
