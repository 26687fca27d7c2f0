//! The kind of a document as read: a förbundsordning, an
//! avsiktsförklaring or a tjänsteutlåtande, from its title and body.
//! Folded, so that NFD text and OCR text without å, ä and ö are recognised.

use crate::document::DocumentKind;
use crate::read::lexicon::fold;

/// The kind of document a title and body suggest.
pub fn guess_kind(title: &str, body: &str) -> Option<DocumentKind> {
    let title = fold(title);
    let body = fold(body);
    if title.contains("forbundsordning") {
        Some(DocumentKind::Forbundsordning)
    } else if title.contains("avsiktsforklaring") {
        Some(DocumentKind::Avsiktsforklaring)
    } else if title.contains("tjansteutlatande")
        || body.contains("tjansteutlatande")
        || body.contains("forslag till beslut")
    {
        Some(DocumentKind::Tjansteutlatande)
    } else if body.contains("forbundsordning") && body.contains('§') {
        Some(DocumentKind::Forbundsordning)
    } else {
        None
    }
}
