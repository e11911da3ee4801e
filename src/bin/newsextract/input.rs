//! Reading articles from files, folders and standard input, one at a time.
//!
//! Sources are read lazily so that memory stays flat on large inputs: JSON
//! lines are read one at a time into a buffer that never grows past the
//! size limit, folders are walked one directory at a time, and gzip files
//! are decompressed as they are read. Every problem is reported as an
//! [`InputError`] naming the source and line, and reading goes on with the
//! next line or file.

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;
use serde_json::Value;

/// Read buffer per source: large enough that a read call returns many lines.
const READ_BUFFER: usize = 256 * 1024;

// The article and error types are the library's (`newsextract::jsonl`,
// which the fuzz targets also use), so both speak of inputs one way.
pub use newsextract::jsonl::{Article, InputError};

/// One unit of input: an article or the error that replaced it, and the
/// number of input bytes it stood for (the line or the file).
pub struct Item {
    pub article: Result<Article, InputError>,
    pub bytes: u64,
}

/// How inputs are read.
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
}

/// What a path holds, judged by its name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Format {
    Text,
    Jsonl,
}

/// Reads every article of `paths` (standard input when empty or `-`;
/// folders recursively) and hands each, or the error that replaced it, to
/// `sink` in input order. Stops early when `sink` breaks.
pub fn for_each_article(
    paths: &[PathBuf],
    opts: &Options,
    mut sink: impl FnMut(Item) -> ControlFlow<()>,
) {
    let stdin_only = [PathBuf::from("-")];
    let paths = if paths.is_empty() { &stdin_only } else { paths };
    for path in paths {
        let flow = if path.as_os_str() == "-" {
            let stdin = io::stdin();
            let reader = BufReader::with_capacity(READ_BUFFER, stdin.lock());
            read_jsonl("<stdin>", reader, opts, &mut sink)
        } else {
            match fs::metadata(path) {
                Ok(meta) if meta.is_dir() => walk(path, opts, &mut sink),
                Ok(_) => read_file(path, id_from_name(path), opts, &mut sink),
                Err(e) => sink(Item {
                    article: Err(InputError::new(
                        &path.display().to_string(),
                        None,
                        format!("cannot open: {e}"),
                    )),
                    bytes: 0,
                }),
            }
        };
        if flow.is_break() {
            return;
        }
    }
}

/// The total size in bytes of everything `paths` will read, when it is
/// known in advance (no standard input, no compressed file).
pub fn total_bytes(paths: &[PathBuf]) -> Option<u64> {
    if paths.is_empty() {
        return None;
    }
    let mut total = 0;
    for path in paths {
        if path.as_os_str() == "-" || is_gzip(path) {
            return None;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut compressed = false;
                let _ = walk_files(path, &mut |found| {
                    if let Ok((file, _)) = found {
                        if is_gzip(file) {
                            compressed = true;
                            return ControlFlow::Break(());
                        }
                        total += fs::metadata(file).map_or(0, |m| m.len());
                    }
                    ControlFlow::Continue(())
                });
                if compressed {
                    return None;
                }
            }
            Ok(meta) => total += meta.len(),
            Err(_) => {}
        }
    }
    Some(total)
}

fn is_gzip(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "gz")
}

/// The name without `.gz`, and what the rest of the name says it holds.
fn format_of(path: &Path) -> Format {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    if name.ends_with(".txt") {
        Format::Text
    } else if name.ends_with(".jsonl") || name.ends_with(".json") || is_gzip(path) {
        // A bare `.gz` is taken for compressed JSON lines, the usual dump.
        Format::Jsonl
    } else {
        Format::Text
    }
}

/// `a/b/story.txt` gives `story`; `story.txt.gz` gives `story`.
fn id_from_name(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    strip_known_extension(&name).to_owned()
}

fn strip_known_extension(name: &str) -> &str {
    let name = name.strip_suffix(".gz").unwrap_or(name);
    for ext in [".txt", ".jsonl", ".json"] {
        if let Some(stem) = name.strip_suffix(ext) {
            return stem;
        }
    }
    match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    }
}

/// Whether a folder walk picks up this file.
fn wanted_in_folder(name: &str) -> bool {
    name.ends_with(".txt") || name.ends_with(".jsonl") || name.ends_with(".jsonl.gz")
}

/// Reads every wanted file under `root`, in path order; a text file's id is
/// its path below `root` without the extension (`2024/01/story`).
fn walk(
    root: &Path,
    opts: &Options,
    sink: &mut impl FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    walk_files(root, &mut |found| match found {
        Ok((file, relative)) => {
            let id = strip_known_extension(relative).to_owned();
            read_file(file, id, opts, sink)
        }
        Err(e) => sink(Item {
            article: Err(e),
            bytes: 0,
        }),
    })
}

/// What a folder walk found: a file and its path relative to the root with
/// `/` separators, or a folder that could not be listed.
type Found<'a> = Result<(&'a Path, &'a str), InputError>;

/// Calls `visit` with every wanted file under `root` (depth first, entries
/// sorted by name). Holds one directory listing per level in memory, never
/// the whole tree. Symbolic links to files are followed, links to folders
/// are not (no loops). A folder that cannot be listed is reported and
/// skipped.
fn walk_files(root: &Path, visit: &mut dyn FnMut(Found<'_>) -> ControlFlow<()>) -> ControlFlow<()> {
    let list = |dir: &Path| -> Result<Vec<(String, PathBuf, bool)>, InputError> {
        let err = |e: io::Error| {
            InputError::new(
                &dir.display().to_string(),
                None,
                format!("cannot list folder: {e}"),
            )
        };
        let mut entries = Vec::new();
        for entry in fs::read_dir(dir).map_err(err)? {
            let entry = entry.map_err(err)?;
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let kind = entry.file_type().map_err(err)?;
            if kind.is_dir() {
                entries.push((name, path, true));
            } else if wanted_in_folder(&name)
                && (kind.is_file() || fs::metadata(&path).is_ok_and(|m| m.is_file()))
            {
                entries.push((name, path, false));
            }
        }
        // Reversed, so that popping from the end gives name order.
        entries.sort_by(|a, b| b.0.cmp(&a.0));
        Ok(entries)
    };
    // One (relative prefix, remaining entries) per open directory.
    let mut stack = Vec::new();
    match list(root) {
        Ok(entries) => stack.push((String::new(), entries)),
        Err(e) => return visit(Err(e)),
    }
    while let Some((prefix, entries)) = stack.last_mut() {
        let Some((name, path, is_dir)) = entries.pop() else {
            stack.pop();
            continue;
        };
        let relative = format!("{prefix}{name}");
        if is_dir {
            match list(&path) {
                Ok(children) => stack.push((relative + "/", children)),
                Err(e) => visit(Err(e))?,
            }
        } else {
            visit(Ok((&path, &relative)))?;
        }
    }
    ControlFlow::Continue(())
}

/// Reads one file: a text file is one article with id `id`, anything else
/// is JSON lines; `.gz` files are decompressed on the fly.
fn read_file(
    path: &Path,
    id: String,
    opts: &Options,
    sink: &mut impl FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let name = path.display().to_string();
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            return sink(Item {
                article: Err(InputError::new(&name, None, format!("cannot open: {e}"))),
                bytes: 0,
            })
        }
    };
    let reader: Box<dyn Read> = if is_gzip(path) {
        Box::new(MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    match format_of(path) {
        Format::Jsonl => read_jsonl(
            &name,
            BufReader::with_capacity(READ_BUFFER, reader),
            opts,
            sink,
        ),
        Format::Text => {
            let (article, bytes) = read_text(&name, id, reader, opts.max_bytes);
            sink(Item { article, bytes })
        }
    }
}

/// A whole text file as one article, refused if larger than `max_bytes`.
fn read_text(
    name: &str,
    id: String,
    reader: impl Read,
    max_bytes: u64,
) -> (Result<Article, InputError>, u64) {
    let mut bytes = Vec::new();
    if let Err(e) = reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        return (
            Err(InputError::new(name, None, format!("cannot read: {e}"))),
            bytes.len() as u64,
        );
    }
    let size = bytes.len() as u64;
    if size > max_bytes {
        let reason = format!("file is larger than the limit of {max_bytes} bytes (--max-bytes)");
        return (Err(InputError::new(name, None, reason)), size);
    }
    let article = String::from_utf8(bytes)
        .map(|text| Article { id, text })
        .map_err(|e| {
            InputError::new(
                name,
                None,
                format!(
                    "not valid UTF-8 (first bad byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            )
        });
    (article, size)
}

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

fn read_jsonl(
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

fn parse_line(
    name: &str,
    line_no: u64,
    bytes: &[u8],
    opts: &Options,
) -> Result<Article, InputError> {
    let err = |reason: String| InputError::new(name, Some(line_no), reason);
    let line = std::str::from_utf8(bytes).map_err(|e| {
        err(format!(
            "not valid UTF-8 (first bad byte at offset {})",
            e.valid_up_to()
        ))
    })?;
    let mut value: Value = serde_json::from_str(line)
        .map_err(|e| err(newsextract::jsonl::json_error(line.trim_end(), &e)))?;
    if !value.is_object() {
        return Err(err("not a JSON object".to_owned()));
    }
    let field = &opts.text_field;
    let text = match take_field(&mut value, field) {
        Some(Value::String(s)) => s,
        Some(_) => return Err(err(format!("field \"{field}\" is not a string"))),
        None => return Err(err(format!("missing field \"{field}\""))),
    };
    let id = match take_field(&mut value, &opts.id_field) {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        _ => format!("{name}:{line_no}"),
    };
    Ok(Article { id, text })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let opts = Options {
            text_field: "text".into(),
            id_field: "id".into(),
            max_bytes: 1000,
        };
        let input = b"\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"b\", \"text\": \"Two.\"}\n";
        let mut ids = Vec::new();
        let _ = read_jsonl("x", &input[..], &opts, &mut |item| {
            ids.push(item.article.map(|a| a.id).map_err(|e| e.reason));
            ControlFlow::Continue(())
        });
        assert_eq!(ids, [Ok("a".to_owned()), Ok("b".to_owned())]);
    }

    #[test]
    fn ids_drop_known_extensions() {
        assert_eq!(strip_known_extension("a/story.txt"), "a/story");
        assert_eq!(strip_known_extension("dump.jsonl.gz"), "dump");
        assert_eq!(strip_known_extension("notes.md"), "notes");
        assert_eq!(strip_known_extension(".hidden"), ".hidden");
        assert_eq!(format_of(Path::new("x/dump.jsonl.gz")), Format::Jsonl);
        assert_eq!(format_of(Path::new("x/dump.gz")), Format::Jsonl);
        assert_eq!(format_of(Path::new("x/story.txt.gz")), Format::Text);
        assert_eq!(format_of(Path::new("x/story")), Format::Text);
    }
}
