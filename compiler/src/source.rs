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
        let line_starts = line_starts(bytes);
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
        start..content_end(self.text.as_bytes(), start, next)
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

/// Offset of the first byte of each line of `bytes`. A line ends at `\n`,
/// `\r\n` or a lone `\r` (old Mac files), as the grammar's line comments do.
fn line_starts(bytes: &[u8]) -> Vec<u32> {
    let mut starts = vec![0];
    for (i, b) in bytes.iter().enumerate() {
        let ends = *b == b'\n' || (*b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if ends {
            starts.push(i as u32 + 1);
        }
    }
    starts
}

/// Where the line from `start` to the next line's start `next` ends,
/// without its line end (`\n`, `\r\n` or `\r`).
fn content_end(bytes: &[u8], start: usize, next: usize) -> usize {
    let body = &bytes[start..next];
    next - if body.ends_with(b"\r\n") {
        2
    } else if body.ends_with(b"\n") || body.ends_with(b"\r") {
        1
    } else {
        0
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

/// A place in a text as editor protocols give it: a 0-based line, and a
/// 0-based column counted in UTF-16 code units, the default of the Language
/// Server Protocol (`positionEncoding` `utf-16`). A character outside the
/// Basic Multilingual Plane (an emoji) is two units; any other is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Utf16Position {
    /// 0-based line; lines end as [`SourceFile::lines`] says.
    pub line: u32,
    /// UTF-16 code units from the start of the line.
    pub column: u32,
}

/// Converts byte offsets of one text to [`Utf16Position`]s and back, each
/// way in logarithmic time: built once per file (a language server keeps
/// one with each open document), so that converting every diagnostic of a
/// minified spec does not count its one long line again for each.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, as for [`SourceFile`]. Neither
/// conversion panics: offsets and positions outside the text, or inside a
/// character, are clamped (see [`LineIndex::position`] and
/// [`LineIndex::offset`]).
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Offset of the first byte of each line.
    line_starts: Vec<u32>,
    /// Offset of each line's line end (one past its last character).
    line_ends: Vec<u32>,
    /// Every character that is not ASCII, in order. Only these make a UTF-16
    /// offset differ from a byte offset, so an ASCII text has none.
    wide: Vec<WideChar>,
    /// The text's length in bytes.
    len: u32,
}

/// A character that is not ASCII: 2 to 4 bytes, and 1 or 2 UTF-16 units.
#[derive(Debug, Clone, Copy)]
struct WideChar {
    /// Byte offset of its first byte.
    start: u32,
    /// UTF-16 offset (from the start of the text) of its first unit.
    utf16: u32,
    /// Its length in bytes.
    len8: u8,
    /// Its length in UTF-16 code units.
    len16: u8,
}

/// The index of an empty text.
impl Default for LineIndex {
    fn default() -> Self {
        LineIndex::new("")
    }
}

impl LineIndex {
    /// The index of a text.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let line_starts = line_starts(bytes);
        let line_ends = line_starts
            .iter()
            .enumerate()
            .map(|(i, start)| {
                let next = line_starts.get(i + 1).map_or(bytes.len(), |n| *n as usize);
                content_end(bytes, *start as usize, next) as u32
            })
            .collect();
        let mut wide = Vec::new();
        // The bytes saved so far by characters shorter in UTF-16 than in
        // UTF-8: a character's UTF-16 offset is its byte offset minus them.
        let mut saved = 0u32;
        for (at, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
            let (len8, len16) = (c.len_utf8() as u8, c.len_utf16() as u8);
            wide.push(WideChar {
                start: at as u32,
                utf16: at as u32 - saved,
                len8,
                len16,
            });
            saved += u32::from(len8 - len16);
        }
        LineIndex {
            line_starts,
            line_ends,
            wide,
            len: bytes.len() as u32,
        }
    }

    /// The number of lines (an empty text, or one ending in a line end, has
    /// an empty last line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The position of a byte offset. An offset past the end is the end; an
    /// offset inside a character is that character's start. The offset of
    /// the `\n` of a CRLF is one column past the `\r`, as in
    /// [`SourceFile::line_col`] (no span starts or ends there).
    pub fn position(&self, offset: u32) -> Utf16Position {
        let offset = offset.min(self.len);
        // The first line starts at 0, so at least one start is at or before.
        let line = self.line_starts.partition_point(|s| *s <= offset) - 1;
        let start = self.line_starts[line];
        Utf16Position {
            line: line as u32,
            column: self.utf16_of(offset) - self.utf16_of(start),
        }
    }

    /// The byte offset of a position, always on a character boundary. A
    /// column past the end of its line is the end of the line (before its
    /// line end), as the Language Server Protocol asks; a line past the last
    /// is the end of the text; a column between the two halves of a
    /// surrogate pair is the start of that character.
    pub fn offset(&self, position: Utf16Position) -> u32 {
        let line = position.line as usize;
        let (Some(start), Some(end)) = (self.line_starts.get(line), self.line_ends.get(line))
        else {
            return self.len;
        };
        let target = self
            .utf16_of(*start)
            .saturating_add(position.column)
            .min(self.utf16_of(*end));
        // The last character that is not ASCII starting at or before the
        // target: between it and the target, units are bytes.
        let i = self.wide.partition_point(|w| w.utf16 <= target);
        let Some(w) = i.checked_sub(1).map(|i| self.wide[i]) else {
            return target;
        };
        if target < w.utf16 + u32::from(w.len16) {
            return w.start;
        }
        w.start + u32::from(w.len8) + (target - w.utf16 - u32::from(w.len16))
    }

    /// The UTF-16 offset from the start of the text of a byte offset (at
    /// most the text's length); inside a character, of its start.
    fn utf16_of(&self, offset: u32) -> u32 {
        let i = self.wide.partition_point(|w| w.start < offset);
        let Some(w) = i.checked_sub(1).map(|i| self.wide[i]) else {
            return offset;
        };
        let end = w.start + u32::from(w.len8);
        if offset < end {
            return w.utf16;
        }
        w.utf16 + u32::from(w.len16) + (offset - end)
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

    fn at(line: u32, column: u32) -> Utf16Position {
        Utf16Position { line, column }
    }

    /// Every character boundary has the column UTF-16 counts, and goes to a
    /// position and back to itself; but the one inside a CRLF line end,
    /// which no position names.
    fn round_trips(text: &str) {
        let index = LineIndex::new(text);
        let bytes = text.as_bytes();
        let inside_crlf =
            |at: usize| bytes[..at].ends_with(b"\r") && bytes[at..].starts_with(b"\n");
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            if inside_crlf(offset) {
                continue;
            }
            let p = index.position(offset as u32);
            assert_eq!(
                index.offset(p),
                offset as u32,
                "{text:?} at {offset}: {p:?}"
            );
            // The column, counted the slow way.
            let start = file(text).line_range(p.line as usize).start;
            let units = text[start..offset].encode_utf16().count();
            assert_eq!(p.column as usize, units, "{text:?} at {offset}");
        }
    }

    #[test]
    fn utf16_positions_of_ascii_are_byte_columns() {
        let index = LineIndex::new("queue Q\nbus B\n");
        assert_eq!(index.line_count(), 3);
        assert_eq!(index.position(0), at(0, 0));
        assert_eq!(index.position(6), at(0, 6));
        assert_eq!(index.position(7), at(0, 7));
        assert_eq!(index.position(8), at(1, 0));
        assert_eq!(index.position(12), at(1, 4));
        assert_eq!(index.position(14), at(2, 0));
        assert_eq!(index.offset(at(1, 4)), 12);
        round_trips("queue Q\nbus B\n");
        round_trips("");
    }

    #[test]
    fn utf16_positions_count_multibyte_characters_once() {
        // `é` is 2 bytes and `語` 3, each one UTF-16 unit.
        let text = "// é\nx = \"語é\" y";
        let index = LineIndex::new(text);
        assert_eq!(index.position(5), at(0, 4));
        let y = text.find('y').unwrap() as u32;
        assert_eq!(index.position(y), at(1, 9));
        assert_eq!(index.offset(at(1, 9)), y);
        assert_eq!(index.offset(at(1, 6)), text.rfind('é').unwrap() as u32);
        round_trips(text);
    }

    #[test]
    fn utf16_positions_count_astral_characters_twice() {
        // `😀` is 4 bytes and a surrogate pair: two units.
        let text = "a😀b\n😀😀";
        let index = LineIndex::new(text);
        assert_eq!(index.position(1), at(0, 1));
        assert_eq!(index.position(5), at(0, 3));
        assert_eq!(index.position(11), at(1, 2));
        assert_eq!(index.position(15), at(1, 4));
        assert_eq!(index.offset(at(0, 3)), 5);
        assert_eq!(index.offset(at(1, 2)), 11);
        // Between the two halves of a pair: the character's start.
        assert_eq!(index.offset(at(0, 2)), 1);
        assert_eq!(index.offset(at(1, 3)), 11);
        // Inside a character's bytes: its start.
        assert_eq!(index.position(3), at(0, 1));
        assert_eq!(index.position(13), at(1, 2));
        round_trips(text);
    }

    #[test]
    fn utf16_positions_end_lines_at_lf_crlf_and_lone_cr() {
        let text = "a\nb\r\nc\rd";
        let index = LineIndex::new(text);
        let file = file(text);
        assert_eq!(index.line_count(), file.line_count());
        for (offset, _) in text.char_indices() {
            let (line, col) = file.line_col(offset as u32);
            let p = index.position(offset as u32);
            assert_eq!((p.line as usize + 1, p.column as usize + 1), (line, col));
        }
        assert_eq!(index.position(7), at(3, 0));
        // A column past a line's end stops before its line end.
        assert_eq!(index.offset(at(0, 9)), 1);
        assert_eq!(index.offset(at(1, 9)), 3);
        assert_eq!(index.offset(at(2, 9)), 6);
        round_trips(text);
        round_trips("é\r\n😀\r\r\n");
    }

    #[test]
    fn utf16_positions_past_the_end_are_clamped() {
        let text = "é😀\nq";
        let index = LineIndex::new(text);
        let end = text.len() as u32;
        assert_eq!(index.position(end), at(1, 1));
        assert_eq!(index.position(end + 100), at(1, 1));
        assert_eq!(index.position(u32::MAX), at(1, 1));
        assert_eq!(index.offset(at(1, 1)), end);
        assert_eq!(index.offset(at(1, u32::MAX)), end);
        assert_eq!(index.offset(at(0, u32::MAX)), 6);
        assert_eq!(index.offset(at(2, 0)), end);
        assert_eq!(index.offset(at(u32::MAX, u32::MAX)), end);
        let empty = LineIndex::new("");
        assert_eq!(empty.position(3), at(0, 0));
        assert_eq!(empty.offset(at(0, 3)), 0);
        let default = LineIndex::default();
        assert_eq!(default.position(9), at(0, 0));
        assert_eq!(default.offset(at(1, 1)), 0);
    }
}
