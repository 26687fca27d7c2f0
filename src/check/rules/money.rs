//! PAKET-* on the money in the package's tables and sentences: a budget
//! table's rows add up to its total (PAKET-BUDGETTABELL), the amounts in
//! the tables of the tjänsteutlåtanden and the avsiktsförklaring follow the
//! förbundsordning's shares of the budget (PAKET-TABELL), and no document
//! states two budgets for the same year (PAKET-BUDGET-MOTSAGELSE).

use super::decisions::expected_cost;
use std::collections::BTreeMap;

use super::package::{STATUTE, at, close, definite, reference_budget};
use crate::check::package::{PackageEntry, PackageView};
use crate::check::rule::{At, Hit, Rule, Subject, Target, praxis};
use crate::document::DocumentKind;
use crate::finding::Severity;
use crate::read::lexicon::{fold, normalise};
use crate::read::reading::NamedMember;
use crate::read::tables::{AmountRow, AmountTable, Layout};
use crate::spec::MemberKind;
use crate::spec::shares::apportion;
use crate::swedish::{genitive, kronor};

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
avsiktsförklaringen. En rad (eller kolumn) för förbundets budget jämförs med budgeten enligt \
beskrivningen eller avsiktsförklaringen, en rad för en medlem med medlemmens andel av budgeten \
enligt förbundsordningen: hälften för Försäkringskassan, en fjärdedel för en ensam kommun eller \
region, och vid flera kommuner enligt beskrivningens fördelning eller, utan beskrivning, enligt \
invånarantalen i tjänsteutlåtandets fördelningstabell. I tjänsteutlåtandets tabell med en rad \
per år ska dessutom administration och insatser tillsammans vara förbundets budget på samma \
rad, och fördelningstabellens summarad kommunernas (eller regionernas) fjärdedel. Beloppen får \
skilja en krona från den exakta andelen, som avrundningen till hela kronor enligt största \
restmetoden tillåter (i tabeller i tkr eller mnkr en halv enhet). Där andelen inte går att \
räkna ut säger regeln ingenting.\n\nVarför: fullmäktige beslutar om beloppen i tabellen; de \
ska vara samma pengar som förbundsordningen och budgeten anger.",
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

/// How much a table's amounts may be off by rounding: one krona (a share
/// rounded to whole kronor, as the tjänsteutlåtande's rounding rule allows
/// each kommun), or half the unit of a table in tkr or mnkr.
fn slack(table: &AmountTable) -> u64 {
    (table.unit / 2).max(1)
}

/// Where a finding on a table points: the row, quoted.
fn row_at(document: usize, table: &AmountTable, excerpt: String) -> At {
    At::Member {
        document,
        section: table.section,
        excerpt: Some(excerpt),
    }
}

/// "avsiktsförklaringen (avsiktsforklaring.md)".
fn named(d: &PackageEntry<'_>) -> String {
    format!("{} ({})", definite(d), d.file)
}

/// Which part of the budget (0 the state's half, 1 the regions' quarter, 2
/// the kommuner's) members of `kind` share.
fn part_index(kind: MemberKind) -> Option<usize> {
    match kind {
        MemberKind::Region => Some(1),
        MemberKind::Kommun => Some(2),
        _ => None,
    }
}

/// The budget per year the tables are held to: the description's when it
/// is known, else the avsiktsförklaring's (its sentences, then the total of
/// its table over all the paying members), else the first any document
/// states.
fn table_budget(view: &PackageView<'_>, members: &[NamedMember]) -> BTreeMap<i32, (u64, String)> {
    let reference = reference_budget(view);
    if view.forbund.is_some() {
        return reference;
    }
    let mut out = BTreeMap::new();
    if let Some((_, af)) = view.of(DocumentKind::Avsiktsforklaring).next() {
        for b in &af.budgets {
            out.entry(b.value.0)
                .or_insert_with(|| (b.value.1, named(af)));
        }
        for table in &af.tables {
            let Some(total) = &table.total else { continue };
            if table.layout != Layout::YearColumns || !whole_budget_rows(table, members) {
                continue;
            }
            for (year, amount) in &total.amounts {
                out.entry(*year)
                    .or_insert_with(|| (*amount, format!("tabellen i {}", named(af))));
            }
        }
    }
    for (year, value) in reference {
        out.entry(year).or_insert(value);
    }
    out
}

/// The budgets a document states itself for `year`: in its tables with a
/// row per year and in its sentences.
fn own_budgets(d: &PackageEntry<'_>, year: i32) -> Vec<u64> {
    let tables = d
        .tables
        .iter()
        .filter(|t| t.layout == Layout::YearRows)
        .filter_map(|t| t.rows.iter().find(|r| is_budget(&r.label)))
        .filter_map(|column| column.amounts.get(&year).copied());
    let sentences = d
        .budgets
        .iter()
        .filter(|b| b.value.0 == year)
        .map(|b| b.value.1);
    tables.chain(sentences).collect()
}

/// Whether `stated` is `amount` rounded to whole thousands, as budget
/// tables written by hand often give their figures ("602 000" for
/// 602 252 kronor). Rounding is lawful; a wrong figure is not, and one that
/// is off by more than half a thousand is not a rounding.
fn rounded_to_thousands(stated: u64, amount: u64) -> bool {
    stated > 0 && stated.is_multiple_of(1000) && stated.abs_diff(amount) <= 500
}

/// The first expectation, unless the stated amount meets one of them (to
/// within `slack`, or rounded to whole thousands).
fn miss(
    stated: u64,
    slack: u64,
    expected: impl IntoIterator<Item = (u64, String)>,
) -> Option<(u64, String)> {
    let mut first = None;
    for (amount, what) in expected {
        if stated.abs_diff(amount) <= slack || rounded_to_thousands(stated, amount) {
            return None;
        }
        first.get_or_insert((amount, what));
    }
    first
}

/// A tjänsteutlåtande's table of how a shared quarter divides between its
/// members ("| Kommun | Invånare 16–64 år | Andel av kommunernas fjärdedel
/// | 2027 (kronor) |"): the kind of member it divides between, when every
/// row names a member of that kind.
fn part_table_kind(table: &AmountTable, members: &[NamedMember]) -> Option<MemberKind> {
    if table.layout != Layout::YearColumns || table.rows.len() < 2 {
        return None;
    }
    let kind = match fold(table.heading.trim()).as_str() {
        "kommun" | "kommuner" => MemberKind::Kommun,
        "region" | "regioner" | "landsting" => MemberKind::Region,
        _ => return None,
    };
    table
        .rows
        .iter()
        .all(|r| member_named(&r.label, members).is_some_and(|m| m.kind == kind))
        .then_some(kind)
}

/// How a shared quarter divides between its members, as the package's own
/// table of the division shows it.
#[derive(Debug, Clone)]
enum Division {
    /// By inhabitants: each member's count, in the table's order.
    Inhabitants {
        /// Which part.
        kind: MemberKind,
        /// The members' names and counts.
        counts: Vec<(String, u64)>,
        /// Where the counts stand.
        source: String,
    },
    /// By the table's own amounts, when it gives no counts.
    Stated {
        /// Each member's amounts by year.
        amounts: Vec<(String, BTreeMap<i32, u64>)>,
        /// Where the amounts stand.
        source: String,
    },
}

/// The divisions of the shared quarters that the tjänsteutlåtanden show,
/// with the document each stands in (its first table of each kind).
fn divisions(view: &PackageView<'_>, members: &[NamedMember]) -> Vec<(usize, Division)> {
    let mut out: Vec<(usize, MemberKind, Division)> = Vec::new();
    for (i, d) in view.of(DocumentKind::Tjansteutlatande) {
        for table in &d.tables {
            let Some(kind) = part_table_kind(table, members) else {
                continue;
            };
            if out.iter().any(|(j, k, _)| *j == i && *k == kind) {
                continue;
            }
            let name = |label: &str| {
                member_named(label, members)
                    .map(|m| m.name.clone())
                    .unwrap_or_default()
            };
            let source = format!("fördelningstabellen i {}", named(d));
            let counts: Option<Vec<(String, u64)>> = table
                .rows
                .iter()
                .map(|r| Some((name(&r.label), r.inhabitants?)))
                .collect();
            let division = match counts {
                Some(counts) => Division::Inhabitants {
                    kind,
                    counts,
                    source,
                },
                None => Division::Stated {
                    amounts: table
                        .rows
                        .iter()
                        .map(|r| (name(&r.label), r.amounts.clone()))
                        .collect(),
                    source,
                },
            };
            out.push((i, kind, division));
        }
    }
    out.into_iter().map(|(i, _, d)| (i, d)).collect()
}

/// What `member` pays of the budget `total` for `year`, and whence that
/// follows: from the description or the förbundsordning's shares, else
/// from a tjänsteutlåtande's table of the division of a shared quarter
/// (that of `document`, the package's index of the table's document,
/// first).
fn member_share(
    view: &PackageView<'_>,
    members: &[NamedMember],
    divisions: &[(usize, Division)],
    document: usize,
    member: &str,
    year: i32,
    total: u64,
) -> Option<(u64, String)> {
    let whose = genitive(member);
    if let Some(cost) = expected_cost(view, members, member, total) {
        // With a description, its split; without, the law's halves and
        // quarters (5 §), which every förbundsordning repeats.
        let basis = if view.forbund.is_some() {
            "beskrivningen"
        } else {
            "5 § lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser"
        };
        return Some((
            cost,
            format!("{whose} andel enligt {basis} av budgeten {}", kronor(total)),
        ));
    }
    let key = normalise(member);
    // The document's own table first, then the other documents' in order.
    let own = divisions.iter().filter(|(d, _)| *d == document);
    let others = divisions.iter().filter(|(d, _)| *d != document);
    own.chain(others).find_map(|(_, division)| match division {
        Division::Inhabitants {
            kind,
            counts,
            source,
        } => {
            let at = counts.iter().position(|(n, _)| normalise(n) == key)?;
            let part = *apportion(total, &[2, 1, 1]).get(part_index(*kind)?)?;
            let weights: Vec<u64> = counts.iter().map(|(_, c)| *c).collect();
            let amount = *apportion(part, &weights).get(at)?;
            Some((
                amount,
                format!(
                    "{whose} andel av budgeten {} räknad ur invånarantalen i {source}",
                    kronor(total)
                ),
            ))
        }
        Division::Stated { amounts, source } => {
            let (_, by_year) = amounts.iter().find(|(n, _)| normalise(n) == key)?;
            Some((
                *by_year.get(&year)?,
                format!("{whose} andel enligt {source}"),
            ))
        }
    })
}

fn check_table_shares(subject: &Subject<'_>) -> Vec<Hit> {
    let Subject::Package(view) = subject else {
        return Vec::new();
    };
    let members: Vec<NamedMember> = view
        .of(DocumentKind::Forbundsordning)
        .next()
        .map(|(_, d)| d.view.members.clone())
        .unwrap_or_default();
    let budget = table_budget(view, &members);
    let divisions = divisions(view, &members);
    let context = Context {
        view,
        members: &members,
        budget: &budget,
        divisions: &divisions,
    };
    let mut hits = Vec::new();
    let documents = view
        .of(DocumentKind::Tjansteutlatande)
        .chain(view.of(DocumentKind::Avsiktsforklaring));
    for (i, d) in documents {
        for table in &d.tables {
            match table.layout {
                Layout::YearColumns => context.by_party(i, d, table, &mut hits),
                Layout::YearRows => context.by_year(i, d, table, &mut hits),
            }
        }
    }
    hits
}

/// What PAKET-TABELL compares the tables with.
struct Context<'c, 'a> {
    view: &'c PackageView<'a>,
    members: &'c [NamedMember],
    budget: &'c BTreeMap<i32, (u64, String)>,
    divisions: &'c [(usize, Division)],
}

impl Context<'_, '_> {
    /// The budgets a share for `year` in document `d` may be of: the
    /// reference first, then those `d` states itself (`on_row`, in its
    /// tables, in its sentences), each with where it stands.
    fn budgets_for(
        &self,
        d: &PackageEntry<'_>,
        year: i32,
        on_row: Option<u64>,
    ) -> Vec<(u64, String)> {
        let mut out: Vec<(u64, String)> = Vec::new();
        if let Some((total, source)) = self.budget.get(&year) {
            out.push((*total, source.clone()));
        }
        for total in on_row.into_iter().chain(own_budgets(d, year)) {
            if !out.iter().any(|(t, _)| *t == total) {
                out.push((total, named(d)));
            }
        }
        out
    }

    /// A table with a row per party and a column per year: each member's
    /// row against its share, the total against the budget (or, under the
    /// rows of a shared quarter, against that quarter).
    fn by_party(&self, i: usize, d: &PackageEntry<'_>, table: &AmountTable, hits: &mut Vec<Hit>) {
        let part = part_table_kind(table, self.members);
        for row in table.rows.iter().chain(&table.total) {
            let is_total = table.total.as_ref() == Some(row);
            for (year, stated) in &row.amounts {
                let budgets = self.budgets_for(d, *year, None);
                let expected: Vec<(u64, String)> = if is_budget(&row.label) {
                    if let (true, Some(kind)) = (is_total, part) {
                        let whose = if kind == MemberKind::Region {
                            "regionernas fjärdedel"
                        } else {
                            "kommunernas fjärdedel"
                        };
                        budgets
                            .iter()
                            .filter_map(|(total, source)| {
                                let amount =
                                    *apportion(*total, &[2, 1, 1]).get(part_index(kind)?)?;
                                Some((
                                    amount,
                                    format!(
                                        "{whose} av budgeten {} enligt {source}",
                                        kronor(*total)
                                    ),
                                ))
                            })
                            .collect()
                    } else if is_total && !whole_budget_rows(table, self.members) {
                        // A "Totalt" under the rows of some members only
                        // (the kommuner's quarter) is not the budget.
                        continue;
                    } else {
                        self.budget
                            .get(year)
                            .map(|(total, source)| (*total, format!("budgeten enligt {source}")))
                            .into_iter()
                            .collect()
                    }
                } else if let Some(m) = member_named(&row.label, self.members) {
                    budgets
                        .iter()
                        .filter_map(|(total, _)| {
                            member_share(
                                self.view,
                                self.members,
                                self.divisions,
                                i,
                                &m.name,
                                *year,
                                *total,
                            )
                        })
                        .collect()
                } else {
                    continue;
                };
                if let Some((expected, what)) = miss(*stated, slack(table), expected) {
                    hits.push(Hit::new(
                        format!(
                            "tabellen i {} anger {} år {year} för «{}», men {what} är {}",
                            named(d),
                            kronor(*stated),
                            row.label,
                            kronor(expected)
                        ),
                        row_at(i, table, table.row_excerpt(row, *year)),
                    ));
                }
            }
        }
    }

    /// A tjänsteutlåtande's table with a row per year ("| År | Förbundets
    /// budget | Andel för X | Administration | Insatser |"): the budget
    /// against the avsiktsförklaring's, the member's amount against its
    /// share of that budget, and administration and insatser together
    /// against the budget on the same row.
    fn by_year(&self, i: usize, d: &PackageEntry<'_>, table: &AmountTable, hits: &mut Vec<Hit>) {
        let column = |test: &dyn Fn(&str) -> bool| table.rows.iter().find(|r| test(&r.label));
        let own = column(&is_budget);
        let administration = column(&|l| fold(l).starts_with("administration"));
        let efforts = column(&|l| fold(l).starts_with("insatser"));
        let members: Vec<(&AmountRow, String)> = table
            .rows
            .iter()
            .filter_map(|r| {
                if let Some(m) = member_named(&r.label, self.members) {
                    return Some((r, m.name.clone()));
                }
                // "Andel för X" in a tjänsteutlåtande is its own member's,
                // also when the name is cut short ("Andel för Tierps").
                let own = d.member.as_ref()?;
                let label = normalise(&r.label);
                let named = label.strip_prefix("andel för ")?.trim();
                (d.view.kind() == DocumentKind::Tjansteutlatande
                    && !named.is_empty()
                    && normalise(own).starts_with(named))
                .then(|| (r, own.clone()))
            })
            .collect();
        let years: std::collections::BTreeSet<i32> = table
            .rows
            .iter()
            .flat_map(|r| r.amounts.keys().copied())
            .collect();
        let row_of = |year: i32| format!("raden för år {year}");
        for year in years {
            let at = || {
                row_at(
                    i,
                    table,
                    table.year_rows.get(&year).cloned().unwrap_or_default(),
                )
            };
            let stated_budget = own.and_then(|r| r.amounts.get(&year)).copied();
            let reference = self.budget.get(&year);
            if let (Some(stated), Some((expected, source))) = (stated_budget, reference)
                && stated.abs_diff(*expected) > slack(table)
            {
                hits.push(Hit::new(
                    format!(
                        "tabellen i {} anger förbundets budget till {} på {}, men budgeten enligt {source} är {}",
                        named(d),
                        kronor(stated),
                        row_of(year),
                        kronor(*expected)
                    ),
                    at(),
                ));
            }
            // The member's share may be of the reference budget or of the
            // budget the document states (on the row or elsewhere): a
            // budget of its own is reported once, above or by PAKET-BUDGET.
            let budgets = self.budgets_for(d, year, stated_budget);
            for (row, member) in &members {
                let Some(stated) = row.amounts.get(&year) else {
                    continue;
                };
                let expected = budgets.iter().filter_map(|(total, _)| {
                    member_share(
                        self.view,
                        self.members,
                        self.divisions,
                        i,
                        member,
                        year,
                        *total,
                    )
                });
                if let Some((expected, what)) = miss(*stated, slack(table), expected) {
                    hits.push(Hit::new(
                        format!(
                            "tabellen i {} anger {} för «{}» på {}, men {what} är {}",
                            named(d),
                            kronor(*stated),
                            row.label,
                            row_of(year),
                            kronor(expected)
                        ),
                        at(),
                    ));
                }
            }
            let (Some(a), Some(e)) = (
                administration.and_then(|r| r.amounts.get(&year)),
                efforts.and_then(|r| r.amounts.get(&year)),
            ) else {
                continue;
            };
            let sum = a + e;
            // Administration and insatser divide the budget on the row; a
            // table that divides the member's own amount is also right, and
            // a sum that is the budget the row should state leaves the
            // finding to the row's budget.
            let whole = stated_budget.or(reference.map(|(t, _)| *t));
            let parts_of =
                |amount: Option<u64>| amount.is_some_and(|x| sum.abs_diff(x) <= slack(table));
            let member_amount = members
                .first()
                .and_then(|(r, _)| r.amounts.get(&year))
                .copied();
            if let Some(whole) = whole
                && !parts_of(Some(whole))
                && !parts_of(reference.map(|(t, _)| *t))
                && !parts_of(member_amount)
            {
                hits.push(Hit::new(
                    format!(
                        "tabellen i {} anger administration {} och insatser {} på {}, tillsammans {}, men förbundets budget är {}",
                        named(d),
                        kronor(*a),
                        kronor(*e),
                        row_of(year),
                        kronor(sum),
                        kronor(whole)
                    ),
                    at(),
                ));
            }
        }
    }
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
