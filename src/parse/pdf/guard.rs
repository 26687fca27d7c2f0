//! A look at a PDF before the PDF library parses it, refusing what could
//! exhaust memory or the stack: a compressed stream that inflates beyond
//! [`MAX_STREAM_BYTES`] (a flate bomb), more inflated bytes in all than
//! [`MAX_TOTAL_BYTES`], and arrays or dictionaries nested deeper than
//! [`MAX_NESTING`] — in the file itself or inside a compressed stream
//! (content streams and object streams are parsed recursively by the
//! library). One linear pass; streams are inflated into a small buffer
//! that is thrown away, so the check itself needs little memory.

use std::io::Read;

use flate2::read::ZlibDecoder;

/// Deepest nesting of `[` and `<<` accepted; real files stay below 20.
pub(crate) const MAX_NESTING: usize = 256;

/// Largest inflated stream of PDF syntax (a page's content, an object
/// stream) accepted; a page of text needs a few kilobytes.
pub(crate) const MAX_STREAM_BYTES: u64 = 16 * 1024 * 1024;

/// Most inflated bytes of PDF syntax accepted over all streams.
pub(crate) const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;

/// What is wrong with a PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Nested deeper than [`MAX_NESTING`].
    TooDeep,
    /// A stream, or all streams together, inflate beyond the limits.
    TooLarge(String),
}

/// Checks the file and its Flate-compressed streams.
pub(crate) fn check(bytes: &[u8]) -> Result<(), Refusal> {
    let mut total = 0u64;
    let mut scanner = Scanner::default();
    let mut at = 0;
    while at < bytes.len() {
        let Some(start) = stream_start(bytes, at) else {
            scanner.scan(&bytes[at..])?;
            break;
        };
        let dictionary_end = start.keyword;
        scanner.scan(&bytes[at..dictionary_end])?;
        let end = find(bytes, b"endstream", start.data).unwrap_or(bytes.len());
        let data = &bytes[start.data..end];
        let dictionary = &bytes[at..dictionary_end];
        if is_binary_stream(dictionary) {
            // Images, fonts and colour profiles are never parsed as
            // syntax; the library caps what it inflates of them.
        } else if is_flate(dictionary) {
            total += inflate_checked(data)?;
            if total > MAX_TOTAL_BYTES {
                return Err(Refusal::TooLarge(format!(
                    "de komprimerade strömmarna packas upp till mer än {} MB",
                    MAX_TOTAL_BYTES / (1024 * 1024)
                )));
            }
        } else {
            Scanner::default().scan(data)?;
        }
        at = (end + b"endstream".len()).min(bytes.len());
    }
    Ok(())
}

/// Inflates a stream of PDF syntax into a throw-away buffer, scanning its
/// nesting; returns how many bytes it inflated to. A stream that is not
/// valid zlib data is left to the library (which reports it).
fn inflate_checked(data: &[u8]) -> Result<u64, Refusal> {
    let mut scanner = Scanner::default();
    let mut decoder = ZlibDecoder::new(data);
    let mut buffer = [0u8; 64 * 1024];
    let mut size = 0u64;
    loop {
        let read = match decoder.read(&mut buffer) {
            Ok(0) | Err(_) => return Ok(size),
            Ok(n) => n,
        };
        size += read as u64;
        if size > MAX_STREAM_BYTES {
            return Err(Refusal::TooLarge(format!(
                "en komprimerad ström packas upp till mer än {} MB",
                MAX_STREAM_BYTES / (1024 * 1024)
            )));
        }
        scanner.scan(&buffer[..read])?;
    }
}

/// Where a stream's keyword and data start.
struct StreamStart {
    keyword: usize,
    data: usize,
}

/// The next `stream` keyword at or after `from` that is followed by an
/// end of line (so "endstream" and words in text are not taken).
fn stream_start(bytes: &[u8], from: usize) -> Option<StreamStart> {
    let mut at = from;
    loop {
        let found = find(bytes, b"stream", at)?;
        let after = found + b"stream".len();
        let preceded_by_end = found >= 3 && &bytes[found - 3..found] == b"end";
        let data = match bytes.get(after..after + 2) {
            Some(b"\r\n") => Some(after + 2),
            Some([b'\n', _]) | Some([b'\r', _]) => Some(after + 1),
            Some(_) | None if bytes.get(after) == Some(&b'\n') => Some(after + 1),
            _ => None,
        };
        match data {
            Some(data) if !preceded_by_end => {
                return Some(StreamStart {
                    keyword: found,
                    data,
                });
            }
            _ => at = after,
        }
    }
}

/// Whether the dictionary just before a stream names FlateDecode as its
/// only or first filter. Looks at the last dictionary in `before`.
fn is_flate(before: &[u8]) -> bool {
    let dictionary = last_dictionary(before);
    let Some(filter) = find(dictionary, b"/Filter", 0) else {
        return false;
    };
    let rest = &dictionary[filter + b"/Filter".len()..];
    let rest = trim_start(rest);
    let rest = rest.strip_prefix(b"[").map_or(rest, trim_start);
    rest.starts_with(b"/FlateDecode") || rest.starts_with(b"/Fl")
}

/// Streams whose bytes are not PDF syntax (images, fonts, colour
/// profiles, cross-reference data): their bracket bytes mean nothing.
fn is_binary_stream(before: &[u8]) -> bool {
    let dictionary = last_dictionary(before);
    if find(dictionary, b"/ObjStm", 0).is_some() {
        return false;
    }
    [
        b"/Image".as_slice(),
        b"/Length1",
        b"/Length2",
        b"/XRef",
        b"/FontFile",
        b"/N ",
        b"/DCTDecode",
        b"/JPXDecode",
        b"/CCITTFaxDecode",
        b"/JBIG2Decode",
        b"/ASCII85Decode",
        b"/LZWDecode",
    ]
    .iter()
    .any(|word| find(dictionary, word, 0).is_some())
}

/// The text of the last dictionary before a stream keyword: from the last
/// "obj" (or the start) onwards, at most a few kilobytes.
fn last_dictionary(before: &[u8]) -> &[u8] {
    let window = &before[before.len().saturating_sub(4096)..];
    let start = rfind(window, b"obj").unwrap_or(0);
    &window[start..]
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[skip..]
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let tail = haystack.get(from..)?;
    tail.windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Bytes that matter to [`Scanner`] outside strings and comments.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"[]<>()%";
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// Tracks nesting across chunks: `[`, `<<` open, `]`, `>>` close; string
/// literals `( … )` and comments are skipped. A `<` that is not `<<`
/// starts a hex string, which holds no brackets.
#[derive(Debug, Default)]
struct Scanner {
    depth: usize,
    /// Inside a string literal: its parenthesis depth.
    string: usize,
    escaped: bool,
    comment: bool,
    hex: bool,
    /// The previous byte was `<` or `>` (a pair may be split by a chunk).
    pending: Option<u8>,
}

impl Scanner {
    fn scan(&mut self, bytes: &[u8]) -> Result<(), Refusal> {
        let mut at = 0;
        while at < bytes.len() {
            if self.neutral() {
                // Skip to the next byte that can change the state.
                match bytes[at..].iter().position(|b| SPECIAL[usize::from(*b)]) {
                    Some(skip) => at += skip,
                    None => return Ok(()),
                }
            }
            self.byte(bytes[at])?;
            at += 1;
        }
        Ok(())
    }

    fn neutral(&self) -> bool {
        self.string == 0 && !self.comment && !self.hex && self.pending.is_none()
    }

    fn byte(&mut self, byte: u8) -> Result<(), Refusal> {
        if self.string > 0 {
            match (self.escaped, byte) {
                (true, _) => self.escaped = false,
                (false, b'\\') => self.escaped = true,
                (false, b'(') => self.string += 1,
                (false, b')') => self.string -= 1,
                _ => {}
            }
            return Ok(());
        }
        if self.comment {
            self.comment = !matches!(byte, b'\n' | b'\r');
            return Ok(());
        }
        if self.hex {
            self.hex = byte != b'>';
            return Ok(());
        }
        match (self.pending.take(), byte) {
            (Some(b'<'), b'<') => return self.open(),
            (Some(b'>'), b'>') => {
                self.depth = self.depth.saturating_sub(1);
                return Ok(());
            }
            (Some(b'<'), other) => {
                self.hex = other != b'>';
                return Ok(());
            }
            _ => {}
        }
        match byte {
            b'(' => self.string = 1,
            b'%' => self.comment = true,
            b'[' => return self.open(),
            b']' => self.depth = self.depth.saturating_sub(1),
            b'<' | b'>' => self.pending = Some(byte),
            _ => {}
        }
        Ok(())
    }

    fn open(&mut self) -> Result<(), Refusal> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(Refusal::TooDeep);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::Compression;
    use flate2::write::ZlibEncoder;

    use super::*;

    fn object(dictionary: &str, data: &[u8]) -> Vec<u8> {
        let mut out = format!("4 0 obj\n<< {dictionary} >>\nstream\n").into_bytes();
        out.extend_from_slice(data);
        out.extend_from_slice(b"\nendstream\nendobj\n");
        out
    }

    fn deflate(data: &[u8]) -> Vec<u8> {
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(data).unwrap_or_default();
        encoder.finish().unwrap_or_default()
    }

    #[test]
    fn ordinary_syntax_passes() {
        let pdf = b"%PDF-1.7\n1 0 obj << /A [1 2 [3]] /B << /C (a [[[ string ) (x\\)) >> /D <0A0B> >> endobj";
        assert_eq!(check(pdf), Ok(()));
        let content = object("/Filter /FlateDecode", &deflate(b"BT [(a) 5 (b)] TJ ET"));
        assert_eq!(check(&content), Ok(()));
    }

    #[test]
    fn deep_nesting_is_refused_in_the_file_and_in_streams() {
        let deep = format!("1 0 obj << /X {} >> endobj", "[".repeat(MAX_NESTING + 1));
        assert_eq!(check(deep.as_bytes()), Err(Refusal::TooDeep));
        let dictionaries = "<<".repeat(MAX_NESTING + 1);
        assert_eq!(check(dictionaries.as_bytes()), Err(Refusal::TooDeep));
        let hidden = object(
            "/Filter /FlateDecode",
            &deflate("[".repeat(10_000).as_bytes()),
        );
        assert_eq!(check(&hidden), Err(Refusal::TooDeep));
        let plain = object("", "[".repeat(10_000).as_bytes());
        assert_eq!(check(&plain), Err(Refusal::TooDeep));
    }

    #[test]
    fn a_flate_bomb_is_refused() {
        let zeros = vec![b' '; (MAX_STREAM_BYTES + 1) as usize];
        let bomb = object("/Filter [/FlateDecode]", &deflate(&zeros));
        assert!(matches!(check(&bomb), Err(Refusal::TooLarge(_))));
    }

    #[test]
    fn binary_streams_are_not_scanned_for_brackets() {
        let image = object("/Subtype /Image /Width 1", "[".repeat(10_000).as_bytes());
        assert_eq!(check(&image), Ok(()));
        let zeros = vec![0u8; (MAX_STREAM_BYTES + 1) as usize];
        let font = object("/Length1 5 /Filter /FlateDecode", &deflate(&zeros));
        assert_eq!(check(&font), Ok(()));
    }
}
