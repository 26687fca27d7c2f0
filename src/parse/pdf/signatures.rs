//! The parties' signature forms in a PDF, as `forbund generate` sets them
//! in an avsiktsförklaring: side by side, each a column of "För X", the
//! captions "Ort och datum", "Underskrift" and "Namnförtydligande" under
//! lines to write on, the name above its caption when it is printed, and
//! the title last. Read as rows, two forms run together ("För
//! Arbetsförmedlingen För Region Stockholm") and read as text in the
//! section before them, so each form is read down its own column, given
//! back as a [`Signature`], and its lines are taken off the page. The
//! Markdown and Word readers give the same signatures.

use super::extract::Line;
use crate::document::Signature;

/// How far, in points, the lines of one form may start apart.
const ALIGN: f32 = 2.0;

/// The title under "Namnförtydligande" is at most this many lines' height
/// below it.
const TITLE_GAP: f32 = 2.5;

const PLACE_AND_DATE: &str = "Ort och datum";
const SIGNATURE: &str = "Underskrift";
const NAME: &str = "Namnförtydligande";

/// Takes every complete signature form off the pages and returns the
/// forms in reading order: page by page, row by row, left to right. A
/// form missing one of its captions is left as text.
pub(crate) fn take(pages: &mut [Vec<Line>]) -> Vec<Signature> {
    let mut signatures = Vec::new();
    for page in pages.iter_mut() {
        let mut forms: Vec<(f32, f32, Signature, Vec<usize>)> = page
            .iter()
            .enumerate()
            .filter(|(_, line)| party(&line.text).is_some())
            .filter_map(|(i, _)| form(page, i))
            .map(|(signature, lines)| {
                let opening = &page[lines[0]];
                (opening.bottom, opening.left, signature, lines)
            })
            .collect();
        if forms.is_empty() {
            continue;
        }
        forms.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.total_cmp(&b.1)));
        let taken: Vec<usize> = forms
            .iter()
            .flat_map(|(_, _, _, lines)| lines.iter().copied())
            .collect();
        let mut index = 0;
        page.retain(|_| {
            let keep = !taken.contains(&index);
            index += 1;
            keep
        });
        signatures.extend(forms.into_iter().map(|(_, _, signature, _)| signature));
    }
    signatures
}

/// The party a line opens a form for: "För Haninge kommun" → "Haninge kommun".
fn party(text: &str) -> Option<&str> {
    let party = text.trim().strip_prefix("För ")?.trim();
    (!party.is_empty()).then_some(party)
}

/// The form that the line at `opening` ("För X") opens, with the indices
/// of its lines, when its column below holds the three captions in order
/// before the next form.
fn form(page: &[Line], opening: usize) -> Option<(Signature, Vec<usize>)> {
    let first = page.get(opening)?;
    let signed_for = party(&first.text)?.to_string();
    let mut below: Vec<usize> = (0..page.len())
        .filter(|&i| {
            let line = &page[i];
            line.bottom < first.bottom - 0.5 * first.height
                && (line.left - first.left).abs() <= ALIGN
        })
        .collect();
    below.sort_by(|&a, &b| page[b].bottom.total_cmp(&page[a].bottom));

    let mut lines = vec![opening];
    let mut seen = [false; 3];
    let mut name = String::new();
    let mut title = String::new();
    let mut name_caption: Option<&Line> = None;
    for i in below {
        let line = &page[i];
        let text = line.text.trim();
        if party(text).is_some() {
            break;
        }
        if let Some(caption) = name_caption {
            // The title, if any, comes right under "Namnförtydligande".
            if caption.bottom - line.bottom <= TITLE_GAP * first.height {
                title = text.to_string();
                lines.push(i);
            }
            break;
        }
        match text {
            PLACE_AND_DATE if !seen[0] => seen[0] = true,
            SIGNATURE if seen[0] && !seen[1] => seen[1] = true,
            NAME if seen[1] => {
                seen[2] = true;
                name_caption = Some(line);
            }
            // The printed name stands between "Underskrift" and its caption.
            _ if seen[1] && !seen[2] && name.is_empty() => name = text.to_string(),
            _ => return None,
        }
        lines.push(i);
    }
    seen.iter().all(|s| *s).then_some((
        Signature {
            party: signed_for,
            name,
            title,
        },
        lines,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The end of a generated avsiktsförklaring, as pdf_oxide reads it:
    /// four forms in two rows, one with the name and title printed.
    fn page() -> Vec<Line> {
        vec![
            Line::at("Underskrifter", 70.9, 528.9, 13.0),
            Line::at("För Stockholms stad", 70.9, 494.7, 11.0),
            Line::at("För Försäkringskassan", 311.4, 494.7, 11.0),
            Line::at("Ort och datum", 70.9, 460.5, 8.5),
            Line::at("Ort och datum", 311.4, 460.5, 8.5),
            Line::at("Underskrift", 70.9, 426.3, 8.5),
            Line::at("Underskrift", 311.4, 426.3, 8.5),
            Line::at("Anna Andersson", 311.4, 400.0, 11.0),
            Line::at("Namnförtydligande", 70.9, 392.1, 8.5),
            Line::at("Namnförtydligande", 311.4, 392.1, 8.5),
            Line::at("Länsdirektör", 311.4, 378.0, 11.0),
            Line::at("För Arbetsförmedlingen", 70.9, 358.5, 11.0),
            Line::at("För Region Stockholm", 311.4, 358.5, 11.0),
            Line::at("Ort och datum", 70.9, 324.3, 8.5),
            Line::at("Ort och datum", 311.4, 324.3, 8.5),
            Line::at("Underskrift", 70.9, 290.1, 8.5),
            Line::at("Underskrift", 311.4, 290.1, 8.5),
            Line::at("Namnförtydligande", 70.9, 255.9, 8.5),
            Line::at("Namnförtydligande", 311.4, 255.9, 8.5),
            Line::at("Sida 3 av 3", 280.0, 40.0, 9.0),
        ]
    }

    #[test]
    fn forms_side_by_side_are_read_down_their_columns() {
        let mut pages = vec![page()];
        let signatures = take(&mut pages);
        let read: Vec<(&str, &str, &str)> = signatures
            .iter()
            .map(|s| (s.party.as_str(), s.name.as_str(), s.title.as_str()))
            .collect();
        assert_eq!(
            read,
            [
                ("Stockholms stad", "", ""),
                ("Försäkringskassan", "Anna Andersson", "Länsdirektör"),
                ("Arbetsförmedlingen", "", ""),
                ("Region Stockholm", "", ""),
            ]
        );
        let left: Vec<&str> = pages[0].iter().map(|l| l.text.as_str()).collect();
        assert_eq!(left, ["Underskrifter", "Sida 3 av 3"]);
    }

    #[test]
    fn text_that_starts_with_for_is_left_alone() {
        // "För …" in running text, and a form without its captions.
        let mut pages = vec![vec![
            Line::at(
                "För att uppnå målen ska parterna samverka.",
                70.9,
                600.0,
                11.0,
            ),
            Line::at("Förbundet ska verka för samordning.", 70.9, 585.0, 11.0),
            Line::at("För Stockholms stad", 70.9, 494.7, 11.0),
            Line::at("Ort och datum", 70.9, 460.5, 8.5),
            Line::at("Namnförtydligande", 70.9, 392.1, 8.5),
        ]];
        let before = pages[0].len();
        assert!(take(&mut pages).is_empty());
        assert_eq!(pages[0].len(), before);
    }
}
