//! Accepted deviations travel from the description into the drafts: a
//! deviation the description accepts (`godtagna_avvikelser`) and that a
//! rule also finds in a composed document is put on that document
//! ([`Document::acceptances`](crate::document::Document::acceptances)),
//! and every renderer writes it where `forbund check` reads it back (see
//! [`crate::document::acceptance`]): so `forbund check` on the generated
//! folder, whichever format it holds, accepts what `forbund check` on the
//! description accepts. A deviation the document does not show is not put
//! there (it would be reported as unused).

use std::borrow::Cow;

use super::Composed;
use crate::document::Acceptance;
use crate::spec::AcceptedFinding;

/// The accepted deviations that a rule finds in `document`, in the
/// description's order.
pub fn found_in<'a>(
    composed: &Composed,
    accepted: &'a [AcceptedFinding],
) -> Vec<&'a AcceptedFinding> {
    if accepted.is_empty() {
        return Vec::new();
    }
    let report = crate::check::check_document(&composed.file_stem, &composed.document, None);
    accepted
        .iter()
        .filter(|a| {
            report
                .findings
                .iter()
                .any(|f| f.id.eq_ignore_ascii_case(&a.rule))
        })
        .collect()
}

/// The documents with the accepted deviations each of them shows put on
/// it; borrowed unchanged when the description accepts nothing.
pub fn carry<'a>(documents: &'a [Composed], accepted: &[AcceptedFinding]) -> Cow<'a, [Composed]> {
    if accepted.is_empty() {
        return Cow::Borrowed(documents);
    }
    let carried = documents
        .iter()
        .map(|composed| {
            let acceptances = found_in(composed, accepted)
                .into_iter()
                .map(|a| Acceptance::new(&a.rule, &a.reason))
                .collect();
            let mut composed = composed.clone();
            composed.document.acceptances = acceptances;
            composed
        })
        .collect();
    Cow::Owned(carried)
}
