//! Runs the rules that apply to an input and turns their hits into
//! findings: the rule's id, severity (capped at warning for unverified law)
//! and citation; the location resolved to a file, JSON path or §, line and
//! excerpt; fix regions found in the source; then the user's suppressions.

use super::locate::SourceMap;
use super::package::{Package, PackageView};
use super::rule::{AdoptionInput, At, DescriptionInput, Hit, Rule, Subject, Target};
use super::{Checked, Report, checklist, rules, suppress};
use crate::document::{Document, DocumentKind};
use crate::finding::{Finding, Fix, Location, Region, Replacement, Severity};
use crate::read::reading::Reading;
use crate::spec::position::{line_column, locate_span};
use crate::spec::{AcceptedFinding, Forbund};

/// A finding with what sorting and suppression need to know.
#[derive(Debug, Clone)]
pub(super) struct Placed {
    /// Position in the input: line, or section index + 1 (0 = preamble).
    pub order: usize,
    /// The package document it is in, for package findings.
    pub document: Option<usize>,
    /// The section it is in.
    pub section: Option<usize>,
    /// The finding.
    pub finding: Finding,
}

fn run(target: Target, subject: &Subject<'_>) -> Vec<(&'static Rule, Hit)> {
    rules::RULES
        .iter()
        .filter(|r| r.applies(target))
        .flat_map(|r| (r.check)(subject).into_iter().map(move |h| (r, h)))
        .collect()
}

fn finding(
    rule: &Rule,
    hit_cap: Option<Severity>,
    message: String,
    location: Location,
    fix: Option<Fix>,
) -> Finding {
    // Severity orders errors first, so the less serious is the greater.
    let severity = hit_cap.map_or(rule.effective_severity(), |cap| {
        rule.effective_severity().max(cap)
    });
    Finding {
        id: rule.id.to_string(),
        severity,
        message,
        location,
        citation: Some(rule.citation),
        fix,
        suppression: None,
        baseline: None,
    }
}

fn finish(mut placed: Vec<Placed>) -> Vec<Finding> {
    placed.sort_by(|a, b| {
        (a.finding.severity, a.order, &a.finding.id).cmp(&(
            b.finding.severity,
            b.order,
            &b.finding.id,
        ))
    });
    placed.into_iter().map(|p| p.finding).collect()
}

/// Checks a description.
pub(super) fn description(file: &str, forbund: &Forbund, source: Option<&str>) -> Report {
    let input = DescriptionInput {
        forbund,
        adoption: None,
    };
    let subject = Subject::Description(&input);
    let mut placed: Vec<Placed> = run(Target::Description, &subject)
        .into_iter()
        .map(|(rule, hit)| {
            let path = match &hit.at {
                At::Path(p) => p.clone(),
                _ => String::new(),
            };
            let location = Location::in_description(file, path, source);
            let fix = hit.fix.map(|f| field_fix(f, source));
            Placed {
                order: location.line.unwrap_or(0),
                document: None,
                section: None,
                finding: finding(rule, hit.at_most, hit.message, location, fix),
            }
        })
        .collect();
    suppress::description(&mut placed, forbund, file, source);
    Report {
        file: file.to_string(),
        checked: Checked::Beskrivning,
        findings: finish(placed),
        fingerprints: Vec::new(),
        checklist: Some(checklist::description(forbund)),
        baseline: None,
    }
}

/// A fix that sets a field gets the region of the field's current value,
/// when the field exists in the source.
fn field_fix(mut fix: Fix, source: Option<&str>) -> Fix {
    if let (Some(source), Some(field), Some(value)) = (source, &fix.field, &fix.value)
        && let Some((start, end)) = locate_span(source, field)
    {
        let (start_line, start_column) = line_column(source, start);
        let (end_line, end_column) = line_column(source, end);
        fix.replacements.push(Replacement {
            region: Region {
                start_line,
                start_column,
                end_line,
                end_column,
            },
            text: value.clone(),
        });
    }
    fix
}

/// The target a document kind is checked as.
pub(super) fn target_of(kind: DocumentKind) -> Target {
    match kind {
        DocumentKind::Forbundsordning => Target::Forbundsordning,
        // A jämförelsetabell or an organisation proposal, like an
        // avsiktsförklaring, has no legal form requirements; only the
        // general wording rules apply to it.
        DocumentKind::Avsiktsforklaring
        | DocumentKind::Jamforelsetabell
        | DocumentKind::Organisation => Target::Avsiktsforklaring,
        DocumentKind::Tjansteutlatande => Target::Tjansteutlatande,
    }
}

fn checked_of(kind: DocumentKind) -> Checked {
    match kind {
        DocumentKind::Forbundsordning => Checked::Forbundsordning,
        DocumentKind::Avsiktsforklaring => Checked::Avsiktsforklaring,
        DocumentKind::Organisation => Checked::Organisation,
        DocumentKind::Jamforelsetabell => Checked::Jamforelsetabell,
        DocumentKind::Tjansteutlatande => Checked::Tjansteutlatande,
    }
}

/// Resolves a hit's place in one document into a location.
pub(super) fn document_location(
    file: &str,
    view: &Reading<'_>,
    map: Option<&SourceMap<'_>>,
    section: Option<usize>,
    excerpt: Option<&str>,
) -> (Location, usize) {
    let label = section
        .and_then(|i| view.sections.get(i))
        .map(|s| s.label.clone());
    let position = match (map, excerpt) {
        (Some(map), Some(excerpt)) => map.find(section, excerpt),
        _ => None,
    }
    .or_else(|| map.and_then(|m| section.and_then(|i| m.heading_position(i))));
    let location = Location {
        file: Some(file.to_string()),
        line: position.map(|p| p.0),
        column: position.map(|p| p.1),
        section: label,
        excerpt: excerpt.map(str::to_string),
        ..Location::default()
    };
    let order = section.map_or(0, |i| i + 1);
    (location, order)
}

/// Finds the regions of a document fix's words in its section of the source,
/// keeping the case of each occurrence's first letter.
pub(super) fn text_fix(mut fix: Fix, map: Option<&SourceMap<'_>>, section: Option<usize>) -> Fix {
    if let (Some(map), Some(replace), Some(with)) = (map, &fix.replace, &fix.with) {
        for (region, found) in map.occurrences(section, replace) {
            let upper = found.chars().next().is_some_and(char::is_uppercase);
            let text = if upper {
                crate::swedish::capitalise(with)
            } else {
                with.clone()
            };
            fix.replacements.push(Replacement { region, text });
        }
    }
    fix
}

/// Checks one document.
pub(super) fn document(file: &str, document: &Document, source: Option<&str>) -> Report {
    document_with(file, document, source, &[])
}

/// Checks one document, also applying a description's accepted deviations
/// (for drafts composed from it).
pub(super) fn document_with(
    file: &str,
    document: &Document,
    source: Option<&str>,
    accepted: &[AcceptedFinding],
) -> Report {
    let view = Reading::new(document, source);
    let map = source.map(SourceMap::new);
    let subject = Subject::Document(&view);
    let mut placed: Vec<Placed> = run(target_of(document.kind), &subject)
        .into_iter()
        .map(|(rule, hit)| {
            let (section, excerpt) = match &hit.at {
                At::Section { index, excerpt } => (Some(*index), excerpt.clone()),
                At::Document { excerpt } => (None, excerpt.clone()),
                _ => (None, None),
            };
            let (location, order) =
                document_location(file, &view, map.as_ref(), section, excerpt.as_deref());
            let fix = hit.fix.map(|f| text_fix(f, map.as_ref(), section));
            Placed {
                order,
                document: None,
                section,
                finding: finding(rule, hit.at_most, hit.message, location, fix),
            }
        })
        .collect();
    suppress::accepted_in_draft(&mut placed, accepted);
    suppress::document(&mut placed, &view, file, map.as_ref());
    let checklist =
        (document.kind == DocumentKind::Forbundsordning).then(|| checklist::document(&view));
    Report {
        file: file.to_string(),
        checked: checked_of(document.kind),
        findings: finish(placed),
        fingerprints: Vec::new(),
        checklist,
        baseline: None,
    }
}

/// Checks a decision package as a whole.
pub(super) fn package(package: &Package<'_>) -> Report {
    let view = PackageView::new(package);
    let maps: Vec<Option<SourceMap<'_>>> = package
        .documents
        .iter()
        .map(|d| d.source.map(SourceMap::new))
        .collect();
    let subject = Subject::Package(&view);
    let mut placed: Vec<Placed> = run(Target::Package, &subject)
        .into_iter()
        .map(|(rule, hit)| {
            let (document, section, excerpt) = match &hit.at {
                At::Member {
                    document,
                    section,
                    excerpt,
                } => (Some(*document), *section, excerpt.clone()),
                _ => (None, None, None),
            };
            let (location, order) = match document.and_then(|d| view.documents.get(d)) {
                Some(doc) => {
                    let map = document.and_then(|d| maps.get(d)).and_then(Option::as_ref);
                    let (location, order) =
                        document_location(&doc.file, &doc.view, map, section, excerpt.as_deref());
                    (location, order + document.unwrap_or(0) * 10_000)
                }
                None => (Location::file(&package.name), 0),
            };
            Placed {
                order,
                document,
                section,
                finding: finding(rule, hit.at_most, hit.message, location, hit.fix),
            }
        })
        .collect();
    suppress::package(&mut placed, &view);
    let fingerprints = view
        .of(DocumentKind::Forbundsordning)
        .map(|(_, d)| super::Fingerprint {
            file: d.file.clone(),
            fingerprint: format!("{:016x}", super::package::fingerprint(&d.view)),
        })
        .collect();
    Report {
        file: package.name.clone(),
        checked: Checked::Beslutspaket,
        findings: finish(placed),
        fingerprints,
        checklist: None,
        baseline: None,
    }
}

/// Checks the members' decisions (`file` is the record, `source` its text
/// for line numbers); hits point at JSON paths in the record.
pub(super) fn adoption(
    file: &str,
    forbund: &Forbund,
    input: &AdoptionInput<'_>,
    source: Option<&str>,
) -> Report {
    let description = DescriptionInput {
        forbund,
        adoption: Some(input),
    };
    let subject = Subject::Description(&description);
    let placed: Vec<Placed> = run(Target::Adoption, &subject)
        .into_iter()
        .map(|(rule, hit)| {
            let path = match &hit.at {
                At::Path(p) => p.clone(),
                _ => String::new(),
            };
            let location = Location::in_description(file, path, source);
            Placed {
                order: location.line.unwrap_or(0),
                document: None,
                section: None,
                finding: finding(rule, hit.at_most, hit.message, location, hit.fix),
            }
        })
        .collect();
    Report {
        file: file.to_string(),
        checked: Checked::Beslutspaket,
        findings: finish(placed),
        fingerprints: Vec::new(),
        checklist: None,
        baseline: None,
    }
}
