//! Articles from JSON lines (`{"id": ..., "text": ...}`), for the
//! command-line tool (feature `cli`).
//!
//! This lives in the library, hidden from the docs, only so that the fuzz
//! targets in `fuzz/` can reach the line parser; the binary
//! (`src/bin/newsextract/input.rs`) adds files and standard input around
//! it. It is not part of the public API and may change at any time.

use std::io::{self, BufRead};

use serde_json::Value;

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
}

impl InputError {
    /// An error of `source` (at `line`, if any).
    pub fn new(source: &str, line: Option<u64>, reason: impl Into<String>) -> Self {
        Self {
            source: source.to_owned(),
            line,
            reason: reason.into(),
        }
    }

    /// The error as one JSON line, for standard error.
    pub fn to_json(&self) -> String {
        serde_json::json!({
            "error": self.reason,
            "source": self.source,
            "line": self.line,
        })
        .to_string()
    }
}

/// Reads JSON lines from `reader` (named `name` in errors) and hands each
/// article, or the error that replaced it, to `sink`; blank lines are
/// skipped. Stops early only when `sink` fails.
pub fn read_jsonl(
    name: &str,
    mut reader: impl BufRead,
    sink: &mut impl FnMut(Result<Article, InputError>) -> io::Result<()>,
) -> io::Result<()> {
    let mut buf = Vec::new();
    let mut line_no = 0u64;
    loop {
        buf.clear();
        let n = match reader.read_until(b'\n', &mut buf) {
            Ok(n) => n,
            Err(e) => {
                sink(Err(InputError::new(
                    name,
                    Some(line_no + 1),
                    format!("read failed: {e}"),
                )))?;
                return Ok(());
            }
        };
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        sink(parse_line(name, line_no, &buf))?;
    }
}

/// Parses one JSON line (line `line_no` of `name`) into an article.
pub fn parse_line(name: &str, line_no: u64, bytes: &[u8]) -> Result<Article, InputError> {
    let err = |reason: String| InputError::new(name, Some(line_no), reason);
    let line = std::str::from_utf8(bytes).map_err(|e| {
        err(format!(
            "not valid UTF-8 (first bad byte at offset {})",
            e.valid_up_to()
        ))
    })?;
    let value: Value = serde_json::from_str(line).map_err(|e| err(json_error(line, &e)))?;
    let obj = value
        .as_object()
        .ok_or_else(|| err("not a JSON object".to_owned()))?;
    let text = match obj.get("text") {
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err(err("field \"text\" is not a string".to_owned())),
        None => return Err(err("missing field \"text\"".to_owned())),
    };
    let id = match obj.get("id") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => format!("{name}:{line_no}"),
    };
    Ok(Article { id, text })
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
    use super::*;

    #[test]
    fn lone_surrogate_escapes_are_a_clear_error() {
        let e = parse_line("in", 7, br#"{"id": "x", "text": "a \ud800 b"}"#)
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
            let e = parse_line("in", 1, line.as_bytes()).err().unwrap();
            let want = format!(
                "escape {} at column {column} ",
                &line[column - 1..column + 5]
            );
            assert!(e.reason.contains(&want), "{line}: {}", e.reason);
        }
        // A surrogate pair is one valid character.
        let a = parse_line("in", 1, br#"{"text": "\ud83d\ude42"}"#)
            .ok()
            .unwrap();
        assert_eq!(a.text, "\u{1f642}");
        assert_eq!(a.id, "in:1");
        // An escaped backslash before "ud800" is text, not an escape.
        let a = parse_line("in", 1, br#"{"text": "\\ud800"}"#).ok().unwrap();
        assert_eq!(a.text, "\\ud800");
    }

    #[test]
    fn other_syntax_errors_are_placed_by_column_only() {
        let e = parse_line("in", 3, b"{\"text\": }").err().unwrap();
        assert_eq!(e.reason, "not valid JSON: expected value at column 10");
        let e = parse_line("in", 3, b"[1]").err().unwrap();
        assert_eq!(e.reason, "not a JSON object");
    }
}
