//! Checking the drafts forbund composes from a description: each document
//! and the package as a whole, with the description's accepted deviations
//! applied. Drafts of a lawful description must give no errors; an error
//! in a draft that the description does not have is a defect in the
//! templates.

use crate::check::{Package, PackageDocument, Report, check_document_accepting, check_package};
use crate::compose::{ComposeError, Composed, Selection, Templates, compose};
use crate::spec::Forbund;

/// Composes every draft of `forbund` and checks them. The drafts are named
/// `<file>:<stem>` (e.g. `husam.json:forbundsordning`).
pub fn check_drafts(
    file: &str,
    forbund: &Forbund,
    templates: &Templates,
) -> Result<Vec<Report>, ComposeError> {
    let composed = compose(forbund, templates, Selection::All, None)?;
    Ok(check_composed(file, forbund, &composed))
}

/// Checks drafts already composed from `forbund` (all of them, as
/// [`compose`] gives them with [`Selection::All`]): each document, then the
/// package. Front ends that show the drafts anyway (the web page's
/// preview) check them without composing them twice.
pub fn check_composed(file: &str, forbund: &Forbund, composed: &[Composed]) -> Vec<Report> {
    let mut reports: Vec<Report> = composed
        .iter()
        .map(|c| {
            check_document_accepting(
                &format!("{file}:{}", c.file_stem),
                &c.document,
                None,
                &forbund.accepted,
            )
        })
        .collect();
    let package = Package {
        name: format!("{file}:beslutspaket"),
        documents: composed
            .iter()
            .map(|c| PackageDocument {
                file: format!("{file}:{}", c.file_stem),
                document: &c.document,
                source: None,
            })
            .collect(),
        forbund: Some(forbund),
    };
    reports.push(check_package(&package));
    reports
}
