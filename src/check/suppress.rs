//! Accepted deviations: a finding the user has accepted with a reason is
//! kept and reported as accepted, never dropped. In a description they are
//! listed in `godtagna_avvikelser`; in a document a line
//! `forbund: godta ID: motivering` (also inside `<!-- … -->`) accepts the
//! rule in its § (or, in the preamble, in the whole document). Accepting an
//! unknown rule, or a rule that found nothing, is itself reported.

use super::engine::{Placed, document_location, target_of};
use super::locate::SourceMap;
use super::package::PackageView;
use super::rule::Rule;
use super::rules::suppression::{UNKNOWN, UNUSED};
use crate::finding::{Finding, Location, Suppression, SuppressionSource};
use crate::read::reading::{Directive, Reading};
use crate::spec::{AcceptedFinding, Forbund};

fn meta(rule: &Rule, message: String, location: Location) -> Finding {
    Finding {
        id: rule.id.to_string(),
        severity: rule.effective_severity(),
        message,
        location,
        citation: Some(rule.citation),
        fix: None,
        suppression: None,
        baseline: None,
    }
}

/// Marks the findings matching `accept` as suppressed; returns how many.
fn apply(
    placed: &mut [Placed],
    rule: &str,
    reason: &str,
    source: SuppressionSource,
    matches: impl Fn(&Placed) -> bool,
) -> usize {
    let mut n = 0;
    for p in placed.iter_mut() {
        if p.finding.id.eq_ignore_ascii_case(rule) && p.finding.suppression.is_none() && matches(p)
        {
            p.finding.suppression = Some(Suppression {
                reason: reason.to_string(),
                source,
            });
            n += 1;
        }
    }
    n
}

/// Applies a description's `godtagna_avvikelser`.
pub(super) fn description(
    placed: &mut Vec<Placed>,
    forbund: &Forbund,
    file: &str,
    source: Option<&str>,
) {
    let mut extra = Vec::new();
    for (i, accepted) in forbund.accepted.iter().enumerate() {
        let path = format!("/godtagna_avvikelser/{i}/regel");
        let location = Location::in_description(file, path, source);
        let order = location.line.unwrap_or(usize::MAX);
        let Some(rule) = super::rule(&accepted.rule) else {
            extra.push(unknown(&accepted.rule, location, order, None));
            continue;
        };
        let n = apply(
            placed,
            rule.id,
            &accepted.reason,
            SuppressionSource::Description,
            |_| true,
        );
        if n == 0 && rule.applies(super::Target::Description) {
            extra.push(unused(rule, location, order, None));
        }
    }
    placed.extend(extra);
}

/// Applies a description's accepted deviations to a document composed from
/// it, without reporting unused ones (the description check does).
pub(super) fn accepted_in_draft(placed: &mut [Placed], accepted: &[AcceptedFinding]) {
    for a in accepted {
        apply(
            placed,
            &a.rule,
            &a.reason,
            SuppressionSource::Description,
            |_| true,
        );
    }
}

fn unknown(id: &str, location: Location, order: usize, section: Option<usize>) -> Placed {
    Placed {
        order,
        document: None,
        section,
        finding: meta(
            &UNKNOWN,
            format!(
                "regeln «{id}» finns inte, så avvikelsen godtar ingenting; `forbund rules` listar reglerna"
            ),
            location,
        ),
    }
}

fn unused(rule: &Rule, location: Location, order: usize, section: Option<usize>) -> Placed {
    Placed {
        order,
        document: None,
        section,
        finding: meta(
            &UNUSED,
            format!(
                "avvikelsen från {} godtas, men regeln har inte hittat något här; ta bort raden om den inte längre behövs",
                rule.id
            ),
            location,
        ),
    }
}

fn directive_applies(d: &Directive, p: &Placed) -> bool {
    d.section.is_none() || d.section == p.section
}

/// Applies the suppression lines of a document.
pub(super) fn document(
    placed: &mut Vec<Placed>,
    view: &Reading<'_>,
    file: &str,
    map: Option<&SourceMap<'_>>,
) {
    let target = target_of(view.kind());
    let mut extra = Vec::new();
    for d in &view.directives {
        let excerpt = format!("forbund: godta {}", d.rule);
        let (location, order) = document_location(file, view, map, d.section, Some(&excerpt));
        let Some(rule) = super::rule(&d.rule) else {
            extra.push(unknown(&d.rule, location, order, d.section));
            continue;
        };
        let n = apply(
            placed,
            rule.id,
            &d.reason,
            SuppressionSource::Document,
            |p| directive_applies(d, p),
        );
        if n == 0 && rule.applies(target) {
            extra.push(unused(rule, location, order, d.section));
        }
    }
    placed.extend(extra);
}

/// Applies suppressions to package findings: lines in the document a finding
/// points at, and the description's list when there is one.
pub(super) fn package(placed: &mut [Placed], view: &PackageView<'_>) {
    for (index, doc) in view.documents.iter().enumerate() {
        for d in &doc.view.directives {
            apply(
                placed,
                &d.rule,
                &d.reason,
                SuppressionSource::Document,
                |p| p.document == Some(index) && directive_applies(d, p),
            );
        }
    }
    if let Some(forbund) = view.forbund {
        accepted_in_draft(placed, &forbund.accepted);
    }
}
