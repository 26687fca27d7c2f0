//! Accepted deviations travel from the description into the drafts: a
//! deviation the description accepts (`godtagna_avvikelser`) and that a
//! rule also finds in a composed document is written into that document's
//! Markdown as `<!-- forbund: godta ID: motivering -->`, before its first
//! §, so that `forbund check` on the generated folder accepts what
//! `forbund check` on the description accepts. A deviation the document
//! does not show is not written there (it would be reported as unused).

use super::Composed;
use crate::render::RenderedFile;
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

/// The acceptance lines for a Markdown file, one HTML comment each.
pub fn lines(accepted: &[&AcceptedFinding]) -> String {
    accepted
        .iter()
        .map(|a| {
            // A comment cannot contain "--"; a reason never needs it.
            let reason = a.reason.split_whitespace().collect::<Vec<_>>().join(" ");
            format!(
                "<!-- forbund: godta {}: {} -->\n",
                a.rule.trim(),
                reason.replace("--", "–")
            )
        })
        .collect()
}

/// Writes into the Markdown files among `files` the accepted deviations
/// that their documents show. A file belongs to the composed document with
/// its stem; the lines go right after the title, where they apply to the
/// whole document.
pub fn carry(documents: &[Composed], files: &mut [RenderedFile], accepted: &[AcceptedFinding]) {
    if accepted.is_empty() {
        return;
    }
    for composed in documents {
        let found = found_in(composed, accepted);
        if found.is_empty() {
            continue;
        }
        let name = format!("{}.md", composed.file_stem);
        let Some(file) = files.iter_mut().find(|f| f.name == name) else {
            continue;
        };
        let text = String::from_utf8_lossy(&file.bytes).into_owned();
        file.bytes = insert_after_title(&text, &lines(&found)).into_bytes();
    }
}

/// `text` with `insert` after its first `# ` line (or at the start).
fn insert_after_title(text: &str, insert: &str) -> String {
    let mut out = String::with_capacity(text.len() + insert.len() + 1);
    let mut done = false;
    for line in text.split_inclusive('\n') {
        out.push_str(line);
        if !done && line.starts_with("# ") {
            out.push('\n');
            out.push_str(insert);
            done = true;
        }
    }
    if !done {
        return format!("{insert}\n{text}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lines_go_after_the_title() {
        let accepted = AcceptedFinding {
            rule: "FINSAM-12-MANDATTID".to_string(),
            reason: "antagen 2006 --  mandattiden\nhar löpt ut".to_string(),
        };
        let text = "- Myndighet: X\n\n# Förbundsordning\n\nText.\n\n## 1 § Namn\n";
        let out = insert_after_title(text, &lines(&[&accepted]));
        assert_eq!(
            out,
            "- Myndighet: X\n\n# Förbundsordning\n\n<!-- forbund: godta FINSAM-12-MANDATTID: antagen 2006 – mandattiden har löpt ut -->\n\nText.\n\n## 1 § Namn\n"
        );
    }
}
