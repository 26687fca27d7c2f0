//! Maps a JSON pointer to the line and column where its value starts in the
//! source text, so that schema errors can point into the file the user edits.
//! The text has already parsed as JSON (comments blanked out), so the scanner
//! only needs to walk it, not to diagnose it.

/// The 1-based line and column (in characters) of the value at `pointer`.
pub fn locate(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let (start, _) = locate_span(text, pointer)?;
    Some(line_column(text, start))
}

/// The byte range of the value at `pointer`, from its first character to
/// just after its last.
pub fn locate_span(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let tokens: Vec<String> = if pointer.is_empty() {
        Vec::new()
    } else {
        pointer
            .strip_prefix('/')?
            .split('/')
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .collect()
    };
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
    };
    let start = scanner.find(&tokens)?;
    scanner.at = start;
    scanner.skip_value()?;
    Some((start, scanner.at))
}

/// The 1-based line and column (in characters) of a byte offset.
/// For many offsets into one text, use a [`LineIndex`].
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

/// The start of every line of a text, so that many offsets can be turned
/// into lines and columns without counting newlines from the start each
/// time (which made one very large file quadratic).
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// The 1-based line and column (in characters) of byte `offset` of
    /// `text`, the text this index was made from.
    pub fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|start| *start <= offset).max(1);
        let line_start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = text
            .get(line_start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        (line, column)
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// The offset of the value reached by following `tokens` from here.
    fn find(&mut self, tokens: &[String]) -> Option<usize> {
        self.skip_whitespace();
        let Some((first, rest)) = tokens.split_first() else {
            return Some(self.at);
        };
        match self.peek()? {
            b'{' => {
                self.at += 1;
                loop {
                    self.skip_whitespace();
                    if self.peek()? == b'}' {
                        return None;
                    }
                    let key = self.string()?;
                    self.skip_whitespace();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.at += 1;
                    if key == *first {
                        return self.find(rest);
                    }
                    self.skip_value()?;
                    self.skip_whitespace();
                    if self.peek()? == b',' {
                        self.at += 1;
                    }
                }
            }
            b'[' => {
                self.at += 1;
                let index: usize = first.parse().ok()?;
                for _ in 0..index {
                    self.skip_whitespace();
                    self.skip_value()?;
                    self.skip_whitespace();
                    if self.peek()? != b',' {
                        return None;
                    }
                    self.at += 1;
                }
                self.find(rest)
            }
            _ => None,
        }
    }

    /// Reads a string literal and returns its decoded value.
    fn string(&mut self) -> Option<String> {
        let start = self.at;
        if self.peek()? != b'"' {
            return None;
        }
        self.at += 1;
        loop {
            match self.peek()? {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    break;
                }
                _ => self.at += 1,
            }
        }
        let raw = std::str::from_utf8(self.bytes.get(start..self.at)?).ok()?;
        serde_json::from_str(raw).ok()
    }

    fn skip_value(&mut self) -> Option<()> {
        self.skip_whitespace();
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.at += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.at += 1;
                }
            }
            _ => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.at += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_index_agrees_with_counting() {
        let text = "a\nbå\n\nc d\n";
        let index = LineIndex::new(text);
        for offset in (0..=text.len()).filter(|o| text.is_char_boundary(*o)) {
            assert_eq!(
                index.line_column(text, offset),
                line_column(text, offset),
                "{offset}"
            );
        }
    }

    #[test]
    fn finds_nested_values() {
        let text = "{\n  \"a\": 1,\n  \"medlemmar\": [\n    {\"namn\": \"x\"},\n    {\"namn\": \"y\", \"ledamöter\": -1}\n  ]\n}";
        assert_eq!(locate(text, "/a"), Some((2, 8)));
        assert_eq!(locate(text, "/medlemmar/1/ledamöter"), Some((5, 32)));
        assert_eq!(locate(text, "/medlemmar/2"), None);
        assert_eq!(locate(text, ""), Some((1, 1)));
        let (start, end) = locate_span(text, "/medlemmar/1/namn").unwrap();
        assert_eq!(&text[start..end], "\"y\"");
        let (start, end) = locate_span(text, "/a").unwrap();
        assert_eq!(&text[start..end], "1");
    }
}
