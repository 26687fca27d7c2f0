//! Telling formats apart by content, and turning text bytes into a string.
//! A zip is Word; `%PDF-` is PDF; known binary formats that cannot be read
//! (old .doc, RTF) get their own error; text is UTF-8 (with or without BOM), UTF-16 with a BOM, or —
//! for old Swedish files — Windows-1252, with a warning. NUL bytes and
//! control characters mean binary data. A file whose content differs from
//! its extension is read by its content, with a warning.

use std::path::Path;

use super::ParseError;
use super::docx::{self, MAX_DOCUMENT_BYTES};
use super::pdf;

/// Share of control characters above which bytes are not text.
const MAX_CONTROL_SHARE: f64 = 0.01;

/// The format read from the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// A Word package.
    Docx,
    /// A PDF document.
    Pdf,
    /// Markdown.
    Markdown,
    /// Plain or OCR'd text.
    Text,
}

/// The input to a reader.
#[derive(Debug)]
pub(crate) enum Input<'a> {
    /// A package's bytes.
    Bytes(&'a [u8]),
    /// Text with `\n` line ends.
    Text(String),
}

/// Finds the format of `bytes` and decodes text.
pub(crate) fn detect<'a>(
    file: &str,
    bytes: &'a [u8],
    warnings: &mut Vec<String>,
) -> Result<(Format, Input<'a>), ParseError> {
    if bytes.is_empty() {
        return Err(ParseError::Empty {
            file: file.to_string(),
        });
    }
    let extension = extension(file);
    if docx::is_zip(bytes) {
        if !matches!(extension.as_str(), "docx" | "docm" | "dotx") {
            warnings.push(format!(
                "{file} har filändelsen «.{extension}» men är ett ZIP-arkiv; läses som Word-dokument"
            ));
        }
        return Ok((Format::Docx, Input::Bytes(bytes)));
    }
    if pdf::is_pdf(bytes) {
        if extension != "pdf" {
            warnings.push(format!(
                "{file} har filändelsen «.{extension}» men är ett PDF-dokument; läses som PDF"
            ));
        }
        return Ok((Format::Pdf, Input::Bytes(bytes)));
    }
    if let Some(format) = known_binary(bytes) {
        return Err(ParseError::Unsupported {
            file: file.to_string(),
            format: format.to_string(),
        });
    }
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(ParseError::TooLarge {
            file: file.to_string(),
            part: "texten".to_string(),
            limit: format!("{} MB", MAX_DOCUMENT_BYTES / (1024 * 1024)),
        });
    }
    let text = decode_text(file, bytes, warnings)?;
    let text = normalise_line_ends(text);
    if text.trim().is_empty() {
        return Err(ParseError::NoText {
            file: file.to_string(),
        });
    }
    let format = match extension.as_str() {
        "md" | "markdown" => Format::Markdown,
        "txt" | "text" => Format::Text,
        other => {
            if matches!(other, "docx" | "docm" | "dotx" | "doc") {
                warnings.push(format!(
                    "{file} har filändelsen «.{other}» men är text, inte ett Word-dokument; läses som text"
                ));
            }
            if looks_like_markdown(&text) {
                Format::Markdown
            } else {
                Format::Text
            }
        }
    };
    Ok((format, Input::Text(text)))
}

fn extension(file: &str) -> String {
    Path::new(file)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// Formats recognised by their first bytes that cannot be read.
fn known_binary(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("ett äldre Word-dokument (.doc) eller ett lösenordsskyddat Office-dokument")
    } else if bytes.starts_with(b"{\\rtf") {
        Some("ett RTF-dokument")
    } else {
        None
    }
}

/// Decodes text: UTF-8 (BOM dropped), UTF-16 with a BOM, or Windows-1252
/// with a warning. Binary data is an error.
fn decode_text(file: &str, bytes: &[u8], warnings: &mut Vec<String>) -> Result<String, ParseError> {
    let binary = || ParseError::Binary {
        file: file.to_string(),
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes).ok_or_else(binary);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes).ok_or_else(binary);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if is_binary(bytes) {
        return Err(binary());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    // Decided on the whole file: text with more well-formed UTF-8
    // characters than stray bytes is UTF-8 with a few damaged bytes, which
    // are replaced; otherwise it is an old Windows-1252 file.
    let (characters, invalid, first_bad_line) = utf8_census(bytes);
    if characters > invalid {
        warnings.push(format!(
            "{file}: {invalid} byte på rad {first_bad_line} och framåt är inte giltig UTF-8 och ersattes med «�»; resten av filen lästes som UTF-8"
        ));
        return Ok(String::from_utf8_lossy(bytes).into_owned());
    }
    warnings.push(format!(
        "{file} är inte UTF-8; tecknen lästes som Windows-1252 (Latin-1), kontrollera å, ä och ö"
    ));
    Ok(bytes.iter().map(|b| windows_1252(*b)).collect())
}

/// How many well-formed multi-byte UTF-8 characters and how many bytes
/// that are not UTF-8 the bytes hold, and the line of the first bad byte.
fn utf8_census(bytes: &[u8]) -> (usize, usize, usize) {
    let (mut characters, mut invalid, mut first_bad_line) = (0, 0, 0);
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                characters += text.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(error) => {
                let (good, after) = rest.split_at(error.valid_up_to());
                if let Ok(text) = std::str::from_utf8(good) {
                    characters += text.chars().filter(|c| !c.is_ascii()).count();
                }
                if invalid == 0 {
                    let offset = bytes.len() - rest.len() + good.len();
                    first_bad_line = bytes[..offset].iter().filter(|b| **b == b'\n').count() + 1;
                }
                let bad = error.error_len().unwrap_or(after.len()).max(1);
                invalid += bad;
                rest = after.get(bad..).unwrap_or_default();
            }
        }
    }
    (characters, invalid, first_bad_line)
}

/// NUL bytes, or more than a few control characters other than tab, line
/// feed, carriage return and form feed.
fn is_binary(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return true;
    }
    let controls = bytes
        .iter()
        .filter(|b| **b < 0x20 && !matches!(**b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    controls as f64 > bytes.len() as f64 * MAX_CONTROL_SHARE
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let text: Result<String, _> = char::decode_utf16(units).collect();
    let text = text.ok()?;
    (!text.contains('\0')).then_some(text)
}

/// One byte of Windows-1252.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// `\r\n` and `\r` become `\n`; a form feed (page break) a blank line.
fn normalise_line_ends(text: String) -> String {
    if !text.contains(['\r', '\u{c}']) {
        return text;
    }
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\u{c}', "\n\n")
}

/// Markdown headings, pipe tables or emphasised lines in at least two places.
fn looks_like_markdown(text: &str) -> bool {
    let signs = text
        .lines()
        .filter(|line| {
            let line = line.trim_start();
            let hashes = line.chars().take_while(|c| *c == '#').count();
            ((1..=6).contains(&hashes) && line[hashes..].starts_with(' '))
                || (line.starts_with('|') && line.contains("---"))
                || (line.starts_with("**") && line.trim_end().ends_with("**"))
        })
        .count();
    signs >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect_text(name: &str, bytes: &[u8]) -> (Format, String, Vec<String>) {
        let mut warnings = Vec::new();
        match detect(name, bytes, &mut warnings) {
            Ok((format, Input::Text(text))) => (format, text, warnings),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn text_encodings() {
        let (_, text, warnings) = detect_text("a.txt", b"\xEF\xBB\xBFF\xC3\xB6rbund\r\nny rad");
        assert_eq!(text, "Förbund\nny rad");
        assert!(warnings.is_empty());
        let (_, text, warnings) = detect_text("a.txt", b"F\xF6rbund \x96 \xE5r");
        assert_eq!(text, "Förbund – år");
        assert_eq!(warnings.len(), 1);
        let (_, text, _) = detect_text("a.txt", b"\xFF\xFEF\x00\xF6\x00");
        assert_eq!(text, "Fö");
        // One stray byte in a UTF-8 file does not turn it into Windows-1252.
        let (_, text, warnings) =
            detect_text("a.txt", b"F\xC3\xB6rbund\nS\xC3\xA4te \xE5r\nN\xC3\xA4mnd");
        assert_eq!(text, "Förbund\nSäte \u{FFFD}r\nNämnd");
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("rad 2"), "{warnings:?}");
    }

    #[test]
    fn format_by_content_when_the_name_says_nothing() {
        assert_eq!(
            detect_text("a", b"# Titel\n\n## 1 \xC2\xA7 Namn\n").0,
            Format::Markdown
        );
        assert_eq!(
            detect_text("a", b"Titel\n\n1 \xC2\xA7 Namn\n").0,
            Format::Text
        );
        let (format, _, warnings) = detect_text("fo.docx", b"1 \xC2\xA7 Namn\n");
        assert_eq!(format, Format::Text);
        assert!(warnings[0].contains("är text"), "{warnings:?}");
    }

    #[test]
    fn binaries_are_refused() {
        let mut w = Vec::new();
        assert!(matches!(
            detect("a.md", b"\x00\x01\x02", &mut w),
            Err(ParseError::Binary { .. })
        ));
        assert!(matches!(
            detect("a.docx", b"%PDF-1.7", &mut w),
            Ok((Format::Pdf, Input::Bytes(_)))
        ));
        assert!(w[0].contains("«.docx» men är ett PDF-dokument"), "{w:?}");
        assert!(matches!(
            detect("a.doc", &[0xD0, 0xCF, 0x11, 0xE0, 1], &mut w),
            Err(ParseError::Unsupported { .. })
        ));
        assert!(matches!(
            detect("a.md", b"", &mut w),
            Err(ParseError::Empty { .. })
        ));
        assert!(matches!(
            detect("a.md", b" \n\n", &mut w),
            Err(ParseError::NoText { .. })
        ));
    }
}
