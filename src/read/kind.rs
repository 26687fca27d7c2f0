//! The kind of a document as read: a förbundsordning, an
//! avsiktsförklaring or a tjänsteutlåtande, from its title and body.
//! Folded, so that NFD text and OCR text without å, ä and ö are recognised.

use crate::document::DocumentKind;
use crate::read::lexicon::fold;

/// The kind of document a title and body suggest.
pub fn guess_kind(title: &str, body: &str) -> Option<DocumentKind> {
    guess_kind_lazily(title, || body.to_string())
}

/// The kind of document a title suggests, or else its body, which is only
/// asked for when the title does not say.
pub fn guess_kind_lazily(title: &str, body: impl FnOnce() -> String) -> Option<DocumentKind> {
    let title = fold(title);
    if title.contains("forbundsordning") {
        return Some(DocumentKind::Forbundsordning);
    }
    if title.contains("avsiktsforklaring") {
        return Some(DocumentKind::Avsiktsforklaring);
    }
    if title.contains("forslag till organisation") {
        return Some(DocumentKind::Organisation);
    }
    // Only when the title does not say: the body, folded once.
    let body = fold(&body());
    if title.contains("tjansteutlatande")
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
