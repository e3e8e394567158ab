//! Source files and spans.
//!
//! A [`Span`] is a small `Copy` value: a file id plus byte offsets. Lines and
//! columns are computed only when a location is shown to a person.

use std::path::PathBuf;

/// Index of a file in a [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// The file the range is in.
    pub file: FileId,
    /// Offset of the first byte.
    pub start: u32,
    /// Offset one past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from byte offsets.
    pub fn new(file: FileId, start: usize, end: usize) -> Self {
        Span {
            file,
            start: start as u32,
            end: end as u32,
        }
    }

    /// The smallest span covering both (same file assumed).
    pub fn to(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    /// True for an empty range.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// One loaded source file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// How the file is named in diagnostics: a path relative to the working
    /// directory as the user gave it, or `<stdlib>/NAME.sls`.
    pub name: String,
    /// Where it was read from (None for stdlib modules embedded in the binary).
    pub path: Option<PathBuf>,
    /// The text, without a leading byte order mark.
    pub text: String,
    /// Offset of the first byte of each line. A line ends at `\n`, `\r\n` or
    /// a lone `\r` (old Mac files), as the grammar's line comments do.
    line_starts: Vec<u32>,
    /// The number of characters before every [`CHAR_MARK`]-th byte, so that a
    /// column on a very long line (a minified spec) is found without counting
    /// the line from its start: columns of every diagnostic stay linear in
    /// total. Empty for ASCII text, where a column is a byte difference.
    char_marks: Vec<u32>,
}

/// Bytes between two entries of `SourceFile::char_marks`.
const CHAR_MARK: usize = 1024;

/// The byte order mark some editors write at the start of UTF-8 files.
const BOM: char = '\u{feff}';

impl SourceFile {
    /// A file from its display name, origin and text. A leading byte order
    /// mark is dropped: it is invisible and not part of the spec.
    pub fn new(name: String, path: Option<PathBuf>, mut text: String) -> Self {
        if text.starts_with(BOM) {
            text.drain(..BOM.len_utf8());
        }
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        for (i, b) in bytes.iter().enumerate() {
            let ends = *b == b'\n' || (*b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends {
                line_starts.push(i as u32 + 1);
            }
        }
        let char_marks = if text.is_ascii() {
            Vec::new()
        } else {
            let mut marks = Vec::with_capacity(bytes.len() / CHAR_MARK + 1);
            let mut chars = 0u32;
            for block in bytes.chunks(CHAR_MARK) {
                marks.push(chars);
                chars += char_starts(block);
            }
            marks.push(chars);
            marks
        };
        SourceFile {
            name,
            path,
            text,
            line_starts,
            char_marks,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: u32) -> (usize, usize) {
        let offset = offset.min(self.text.len() as u32);
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let col = self.chars_before(offset) - self.chars_before(start) + 1;
        (line + 1, col as usize)
    }

    /// The number of characters before a byte offset (a character that
    /// starts before it counts).
    fn chars_before(&self, offset: u32) -> u32 {
        if self.char_marks.is_empty() {
            return offset;
        }
        let block = offset as usize / CHAR_MARK;
        let from = block * CHAR_MARK;
        self.char_marks[block] + char_starts(&self.text.as_bytes()[from..offset as usize])
    }

    /// 0-based index of the line holding a byte offset.
    pub fn line_of(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// The byte range of a 0-based line, without its line end.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let start = self.line_starts[line] as usize;
        let next = self
            .line_starts
            .get(line + 1)
            .map_or(self.text.len(), |n| *n as usize);
        let body = &self.text.as_bytes()[start..next];
        let end = start + body.len()
            - if body.ends_with(b"\r\n") {
                2
            } else if body.ends_with(b"\n") || body.ends_with(b"\r") {
                1
            } else {
                0
            };
        start..end
    }

    /// The number of lines.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Each line with the offset it starts at, without its line end.
    pub fn lines(&self) -> impl Iterator<Item = (usize, &str)> {
        (0..self.line_count()).map(|i| {
            let r = self.line_range(i);
            (r.start, &self.text[r])
        })
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        self.text
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }
}

/// The number of characters starting in `bytes` (UTF-8 continuation bytes
/// do not start one), whatever byte boundaries it was cut at.
fn char_starts(bytes: &[u8]) -> u32 {
    bytes.iter().filter(|b| (**b as i8) >= -0x40).count() as u32
}

/// The largest spec file read, in bytes: far above any real spec (the
/// 10,000-function benchmark spec is about 11 MB) and small enough that
/// `/dev/zero`-like input is refused long before it costs memory.
pub const MAX_FILE_BYTES: u64 = 16 << 20;

/// Why a file could not be read as a spec.
#[derive(Debug)]
pub enum ReadError {
    /// The operating system's error (missing file, permission denied, ...).
    Io(std::io::Error),
    /// A folder, FIFO, socket or device: reading one could block forever or
    /// never end.
    NotRegular(&'static str),
    /// Over [`MAX_FILE_BYTES`].
    TooLarge,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => match e.kind() {
                std::io::ErrorKind::NotFound => f.write_str("no such file"),
                std::io::ErrorKind::PermissionDenied => f.write_str("permission denied"),
                _ => write!(f, "{}", e.to_string().to_lowercase()),
            },
            ReadError::NotRegular(what) => write!(f, "{what}, not a regular file"),
            ReadError::TooLarge => write!(
                f,
                "larger than {} MiB, the limit for an input file",
                MAX_FILE_BYTES >> 20
            ),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<ReadError> for std::io::Error {
    fn from(e: ReadError) -> Self {
        match e {
            ReadError::Io(e) => e,
            other => std::io::Error::other(other.to_string()),
        }
    }
}

/// Reads an input file's bytes: only a regular file (a link to one is
/// followed), and at most [`MAX_FILE_BYTES`]. The kind is checked before the
/// file is opened, since opening a FIFO with no writer blocks.
pub fn read_input(path: &std::path::Path) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    check_kind(&meta)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge);
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    // The path may have been replaced since it was looked at.
    check_kind(&file.metadata().map_err(ReadError::Io)?)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}

fn check_kind(meta: &std::fs::Metadata) -> Result<(), ReadError> {
    let t = meta.file_type();
    if t.is_file() {
        return Ok(());
    }
    Err(ReadError::NotRegular(if t.is_dir() {
        "a folder"
    } else {
        kind_name(&t)
    }))
}

#[cfg(unix)]
fn kind_name(t: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn kind_name(_: &std::fs::FileType) -> &'static str {
    "a special file"
}

/// Text from an input file's bytes, without a leading byte order mark; with
/// invalid UTF-8, the text with each bad sequence replaced (U+FFFD) and the
/// offset of the first bad byte in it.
pub fn decode(bytes: Vec<u8>) -> (String, Option<usize>) {
    let bytes = match bytes.strip_prefix("\u{feff}".as_bytes()) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            // Everything before the first bad byte is unchanged by the
            // replacement, so its offset is the same in the text.
            let at = e.utf8_error().valid_up_to();
            (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
        }
    }
}

/// Reads an input file as text (see [`read_input`] and [`decode`]); invalid
/// UTF-8 is an error that says where the first bad byte is.
pub fn read_text(path: &std::path::Path) -> Result<String, String> {
    let bytes = read_input(path).map_err(|e| e.to_string())?;
    let bom = if bytes.starts_with("\u{feff}".as_bytes()) {
        3
    } else {
        0
    };
    match decode(bytes) {
        (text, None) => Ok(text),
        (text, Some(at)) => {
            let f = SourceFile::new(String::new(), None, text);
            let (line, col) = f.line_col(at as u32);
            Err(format!(
                "not valid UTF-8: line {line}, column {col} (byte offset {})",
                at + bom
            ))
        }
    }
}

/// All files of one compilation, indexed by [`FileId`].
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// Adds a file and returns its id.
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(self.files.len() as u32 - 1)
    }

    /// The file with this id.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// All files in load order.
    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("f.sls".into(), None, text.into())
    }

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        let f = file("a\nb\r\nc\rd");
        assert_eq!(f.line_count(), 4);
        assert_eq!(f.line_col(7), (4, 1));
        assert_eq!(f.line_col(5), (3, 1));
        let lines: Vec<_> = f.lines().collect();
        assert_eq!(lines, [(0, "a"), (2, "b"), (5, "c"), (7, "d")]);
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        let f = file("\u{feff}queue Q");
        assert_eq!(f.text, "queue Q");
        assert_eq!(decode(b"\xef\xbb\xbfq".to_vec()), ("q".to_string(), None));
    }

    #[test]
    fn columns_count_characters_on_long_lines() {
        let mut text = "é".repeat(5000);
        text.push_str("\nxé");
        text.push_str(&"a".repeat(3000));
        let f = file(&text);
        assert_eq!(f.line_col(2 * 4000), (1, 4001));
        assert_eq!(f.line_col(10_001 + 3), (2, 3));
        let end = f.text.len() as u32;
        assert_eq!(f.line_col(end), (2, 3003));
        // Inside a character: the character it is in.
        assert_eq!(f.line_col(1), (1, 2));
    }

    #[test]
    fn invalid_utf8_says_where() {
        let (text, at) = decode(b"ab\n\xffc".to_vec());
        assert_eq!(at, Some(3));
        assert_eq!(text, "ab\n\u{fffd}c");
    }
}
