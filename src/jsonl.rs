//! Articles from JSON lines (`{"id": ..., "text": ...}`), for the
//! command-line tool (feature `cli`).
//!
//! The command line's one JSON-lines reader: it lives in the library,
//! hidden from the docs, so that the fuzz targets in `fuzz/` and the
//! benches exercise the very code the binary runs; the binary
//! (`src/bin/newsextract/input.rs`) adds files, folders, gzip and standard
//! input around it. It is not part of the public API and may change at
//! any time.

use std::io::{self, BufRead};
use std::ops::ControlFlow;

use serde_json::Value;

/// How JSON lines are read.
#[derive(Clone, Debug)]
pub struct Options {
    /// The JSON field holding the article text (a JSON pointer when it
    /// starts with `/`).
    pub text_field: String,
    /// The JSON field holding the article id (a JSON pointer when it starts
    /// with `/`).
    pub id_field: String,
    /// Longest line or text file accepted, in bytes.
    pub max_bytes: u64,
    /// Whether a blank line is an empty article (id `SOURCE:LINE`, text
    /// `""`) instead of being skipped: so that every line in gives a line
    /// out (`--inline-errors`).
    pub blank_lines_are_articles: bool,
}

impl Default for Options {
    /// Fields `text` and `id`, lines up to 10 MB, blank lines skipped.
    fn default() -> Self {
        Self {
            text_field: "text".to_owned(),
            id_field: "id".to_owned(),
            max_bytes: 10_000_000,
            blank_lines_are_articles: false,
        }
    }
}

/// One unit of input: an article or the error that replaced it, and the
/// number of input bytes it stood for (the line or the file).
pub struct Item {
    /// The article, or why there is none.
    pub article: Result<Article, InputError>,
    /// Input bytes read for it.
    pub bytes: u64,
}

/// One article to process.
pub struct Article {
    /// The line's `"id"` (a string or a number), or `SOURCE:LINE` when absent.
    pub id: String,
    /// The line's `"text"`.
    pub text: String,
}

/// Why an input could not be read.
#[derive(Debug)]
pub struct InputError {
    /// The file name, or `<stdin>`.
    pub source: String,
    /// The 1-based line, for JSON lines.
    pub line: Option<u64>,
    /// What went wrong, for people.
    pub reason: String,
    /// The article's id, when it could be read.
    pub id: Option<String>,
}

impl InputError {
    /// An error of `source` (at `line`, if any).
    pub fn new(source: &str, line: Option<u64>, reason: impl Into<String>) -> Self {
        Self {
            source: source.to_owned(),
            line,
            reason: reason.into(),
            id: None,
        }
    }

    /// The same error, naming the article's id.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// The error as one JSON line, for standard error; `"id"` only when
    /// the id is known.
    pub fn to_json(&self) -> String {
        let mut value = serde_json::json!({
            "error": self.reason,
            "source": self.source,
            "line": self.line,
        });
        if let (Some(id), Some(map)) = (&self.id, value.as_object_mut()) {
            map.insert("id".to_owned(), Value::String(id.clone()));
        }
        value.to_string()
    }
}

/// The end of every invalid-UTF-8 error: how to read other encodings.
pub const ENCODING_HINT: &str =
    "if the input is in another encoding, name it with --encoding (e.g. --encoding windows-1252)";

/// The outcome of reading one line with a size limit.
enum Line {
    /// End of input.
    End,
    /// A line (now in the buffer, without its line break) and the number of
    /// bytes read for it.
    Fits(u64),
    /// A line longer than the limit, skipped; the number of bytes read.
    TooLong(u64),
}

/// Reads one line into `buf` without ever holding more than about
/// `max_bytes` of it: the rest of a longer line is read and dropped.
fn read_line_bounded(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    max_bytes: u64,
) -> io::Result<Line> {
    buf.clear();
    let mut total = 0u64;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(match (total, too_long) {
                (0, _) => Line::End,
                (_, true) => Line::TooLong(total),
                (_, false) => Line::Fits(total),
            });
        }
        let (used, ends) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if !too_long {
            buf.extend_from_slice(&available[..used]);
            if ends {
                buf.pop();
            }
            if buf.len() as u64 > max_bytes {
                too_long = true;
                buf.clear();
            }
        }
        reader.consume(used);
        total += used as u64;
        if ends {
            return Ok(if too_long {
                Line::TooLong(total)
            } else {
                Line::Fits(total)
            });
        }
    }
}

/// Reads JSON lines from `reader` (named `name` in errors) and hands each
/// article, or the error that replaced it, to `sink`; blank lines are
/// skipped, and so is a byte order mark before the first line. A line
/// longer than `opts.max_bytes` is read past without being held. Stops
/// early when `sink` breaks; a read error ends the source with one error.
pub fn read_jsonl(
    name: &str,
    mut reader: impl BufRead,
    opts: &Options,
    sink: &mut impl FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut buf = Vec::new();
    let mut line_no = 0u64;
    loop {
        let line = match read_line_bounded(&mut reader, &mut buf, opts.max_bytes) {
            Ok(line) => line,
            Err(e) => {
                // A read error (or a corrupt gzip stream) ends this source.
                return sink(Item {
                    article: Err(InputError::new(
                        name,
                        Some(line_no + 1),
                        format!("read failed: {e}"),
                    )),
                    bytes: 0,
                });
            }
        };
        line_no += 1;
        let item = match line {
            Line::End => return ControlFlow::Continue(()),
            Line::TooLong(bytes) => Item {
                article: Err(InputError::new(
                    name,
                    Some(line_no),
                    format!(
                        "line is longer than the limit of {} bytes (--max-bytes)",
                        opts.max_bytes
                    ),
                )),
                bytes,
            },
            Line::Fits(bytes) => {
                // A byte order mark (files saved by some Windows tools).
                let line = match line_no {
                    1 => buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf),
                    _ => &buf,
                };
                if line.iter().all(u8::is_ascii_whitespace) {
                    if !opts.blank_lines_are_articles {
                        continue;
                    }
                    let id = format!("{name}:{line_no}");
                    let text = String::new();
                    sink(Item {
                        article: Ok(Article { id, text }),
                        bytes,
                    })?;
                    continue;
                }
                Item {
                    article: parse_line(name, line_no, line, opts),
                    bytes,
                }
            }
        };
        sink(item)?;
    }
}

/// Takes `field` (a name, or a JSON pointer when it starts with `/`) out of
/// `value`.
fn take_field(value: &mut Value, field: &str) -> Option<Value> {
    if field.starts_with('/') {
        value.pointer_mut(field).map(Value::take)
    } else {
        value.as_object_mut()?.remove(field)
    }
}

/// Parses one JSON line (line `line_no` of `name`) into an article.
pub fn parse_line(
    name: &str,
    line_no: u64,
    bytes: &[u8],
    opts: &Options,
) -> Result<Article, InputError> {
    let err = |reason: String| InputError::new(name, Some(line_no), reason);
    let line = std::str::from_utf8(bytes).map_err(|e| {
        err(format!(
            "not valid UTF-8 (first bad byte at offset {}); {ENCODING_HINT}",
            e.valid_up_to()
        ))
    })?;
    let value: Value =
        serde_json::from_str(line).map_err(|e| err(json_error(line.trim_end(), &e)))?;
    article_from_value(value, opts, || format!("{name}:{line_no}"))
        .map_err(|(reason, id)| err(reason).with_id_if(id))
}

/// The article in a parsed JSON value, its id `default_id()` when the value
/// has none; or why there is none, with the id when it could be read.
pub fn article_from_value(
    mut value: Value,
    opts: &Options,
    default_id: impl FnOnce() -> String,
) -> Result<Article, (String, Option<String>)> {
    if !value.is_object() {
        return Err(("not a JSON object".to_owned(), None));
    }
    let id = match take_field(&mut value, &opts.id_field) {
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let field = &opts.text_field;
    let text = match take_field(&mut value, field) {
        Some(Value::String(s)) => s,
        Some(_) => return Err((format!("field \"{field}\" is not a string"), id)),
        None => return Err((format!("missing field \"{field}\""), id)),
    };
    let id = id.unwrap_or_else(default_id);
    Ok(Article { id, text })
}

impl InputError {
    fn with_id_if(self, id: Option<String>) -> Self {
        match id {
            Some(id) => self.with_id(id),
            None => self,
        }
    }
}

/// A JSON syntax error, placed by its column: serde_json counts lines
/// inside the one line it was given, which would contradict the error's
/// `line` field. A lone surrogate escape, which serde_json reports in
/// several ways ("unexpected end of hex escape"), is named as such.
pub fn json_error(line: &str, e: &serde_json::Error) -> String {
    if let Some((column, escape)) = lone_surrogate(line) {
        return format!(
            "not valid JSON: lone surrogate escape {escape} at column {column} \
             (half of a UTF-16 pair, not a character)"
        );
    }
    let message = e.to_string();
    let bare = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(bare, _)| bare);
    if e.column() == 0 {
        format!("not valid JSON: {bare}")
    } else {
        format!("not valid JSON: {bare} at column {}", e.column())
    }
}

/// The first `\uD800`-`\uDFFF` escape of `line` that is not half of a
/// surrogate pair: its 1-based column and the escape as written.
fn lone_surrogate(line: &str) -> Option<(usize, &str)> {
    fn unit(line: &str, at: usize) -> Option<u16> {
        let hex = line.get(at..at + 6)?.strip_prefix("\\u")?;
        u16::from_str_radix(hex, 16).ok()
    }
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut after_high = false; // the escape before was a high surrogate
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            if after_high {
                return Some((i - 6 + 1, &line[i - 6..i]));
            }
            i += 1;
            continue;
        }
        let Some(u) = unit(line, i) else {
            if after_high {
                return Some((i - 6 + 1, &line[i - 6..i]));
            }
            i += 2; // "\\", "\n", ...: not a \u escape
            continue;
        };
        match (after_high, u) {
            (false, 0xD800..=0xDBFF) => after_high = true,
            (true, 0xDC00..=0xDFFF) => after_high = false,
            (true, _) => return Some((i - 6 + 1, &line[i - 6..i])),
            (false, 0xDC00..=0xDFFF) => return Some((i + 1, &line[i..i + 6])),
            (false, _) => {}
        }
        i += 6;
    }
    after_high.then(|| (bytes.len() - 6 + 1, &line[bytes.len() - 6..]))
}

#[cfg(test)]
mod tests {
    use std::io::BufReader;

    use super::*;

    fn parse(name: &str, line_no: u64, bytes: &[u8]) -> Result<Article, InputError> {
        parse_line(name, line_no, bytes, &Options::default())
    }

    fn lines(input: &[u8], max: u64) -> Vec<Result<String, u64>> {
        let mut reader = BufReader::with_capacity(4, input);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            match read_line_bounded(&mut reader, &mut buf, max).unwrap() {
                Line::End => return out,
                Line::Fits(_) => out.push(Ok(String::from_utf8(buf.clone()).unwrap())),
                Line::TooLong(n) => out.push(Err(n)),
            }
        }
    }

    #[test]
    fn long_lines_are_skipped_whole_and_reading_goes_on() {
        let got = lines(b"abc\n0123456789\nxy\n\nlast", 5);
        assert_eq!(
            got,
            [
                Ok("abc".into()),
                Err(11),
                Ok("xy".into()),
                Ok(String::new()),
                Ok("last".into())
            ]
        );
        assert_eq!(lines(b"12345\n123456", 5), [Ok("12345".into()), Err(6)]);
    }

    #[test]
    fn a_byte_order_mark_before_the_first_line_is_skipped() {
        let opts = Options::default();
        let input = b"\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"b\", \"text\": \"Two.\"}\n";
        let mut ids = Vec::new();
        let _ = read_jsonl("x", &input[..], &opts, &mut |item| {
            ids.push(item.article.map(|a| a.id).map_err(|e| e.reason));
            ControlFlow::Continue(())
        });
        assert_eq!(ids, [Ok("a".to_owned()), Ok("b".to_owned())]);
    }

    #[test]
    fn lone_surrogate_escapes_are_a_clear_error() {
        let e = parse("in", 7, br#"{"id": "x", "text": "a \ud800 b"}"#)
            .err()
            .unwrap();
        assert_eq!(e.line, Some(7));
        assert_eq!(
            e.reason,
            "not valid JSON: lone surrogate escape \\ud800 at column 24 \
             (half of a UTF-16 pair, not a character)"
        );
        for (line, column) in [
            (r#"{"text": "\udc00"}"#, 11),
            (r#"{"text": "\ud800\u0041"}"#, 11),
            (r#"{"text": "\uD83D\uDE42\uDE42"}"#, 23),
            (r#"{"text": "x\uDBFF"}"#, 12),
            (r#"{"text": "x\uDBFF"#, 12),
        ] {
            let e = parse("in", 1, line.as_bytes()).err().unwrap();
            let want = format!(
                "escape {} at column {column} ",
                &line[column - 1..column + 5]
            );
            assert!(e.reason.contains(&want), "{line}: {}", e.reason);
        }
        // A surrogate pair is one valid character.
        let a = parse("in", 1, br#"{"text": "\ud83d\ude42"}"#).ok().unwrap();
        assert_eq!(a.text, "\u{1f642}");
        assert_eq!(a.id, "in:1");
        // An escaped backslash before "ud800" is text, not an escape.
        let a = parse("in", 1, br#"{"text": "\\ud800"}"#).ok().unwrap();
        assert_eq!(a.text, "\\ud800");
    }

    #[test]
    fn other_syntax_errors_are_placed_by_column_only() {
        let e = parse("in", 3, b"{\"text\": }").err().unwrap();
        assert_eq!(e.reason, "not valid JSON: expected value at column 10");
        let e = parse("in", 3, b"[1]").err().unwrap();
        assert_eq!(e.reason, "not a JSON object");
    }
}
