//! Reading articles from files, folders and standard input, one at a time.
//!
//! Sources are read lazily so that memory stays flat on large inputs: JSON
//! lines are read one at a time into a buffer that never grows past the
//! size limit, folders are walked one directory at a time, and gzip files
//! are decompressed as they are read. Every problem is reported as an
//! [`InputError`] naming the source and line, and reading goes on with the
//! next line or file. Files a folder walk passes over are counted (and
//! named with `--verbose`), never dropped in silence.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, BufReader, IsTerminal, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use flate2::read::MultiGzDecoder;
// The JSON-lines reader and its types are the library's
// (`newsextract::jsonl`), which the fuzz targets and benches also run.
use newsextract::jsonl::{self, article_from_value, read_jsonl, ENCODING_HINT};
pub use newsextract::jsonl::{Article, InputError, Item};

use crate::decode::{self, Decoding};

/// Read buffer per source: large enough that a read call returns many lines.
const READ_BUFFER: usize = 256 * 1024;

/// How inputs are read.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Fields, size limit and blank lines of JSON input.
    pub jsonl: jsonl::Options,
    /// Standard input and every file named on the command line are one
    /// plain-text article each, whatever their names (`--text`).
    pub text: bool,
    /// The encoding of the input (`--encoding`).
    pub decoding: Decoding,
    /// Name every file a folder walk passes over (`--verbose`).
    pub verbose: bool,
    /// How many files folder walks passed over.
    pub skipped: Arc<AtomicU64>,
}

/// What a path holds, judged by its name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Format {
    Text,
    Jsonl,
    /// A `.json` file: an array of articles, one article, or JSON lines.
    Json,
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
    let ids = command_line_ids(paths);
    for (path, id) in paths.iter().zip(ids) {
        let flow = if path.as_os_str() == "-" {
            read_stdin(opts, &mut sink)
        } else {
            match fs::metadata(path) {
                Ok(meta) if meta.is_dir() => walk(path, opts, &mut sink),
                Ok(_) => read_file(path, id, opts.text, opts, &mut sink),
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

/// The id of each file named on the command line: its name without the
/// extension, or, when two files share that name (`a/story.txt`,
/// `b/story.txt`), the path as given without the extension.
fn command_line_ids(paths: &[PathBuf]) -> Vec<String> {
    let stems: Vec<String> = paths.iter().map(|p| id_from_name(p)).collect();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for (path, stem) in paths.iter().zip(&stems) {
        if path.as_os_str() != "-" {
            *count.entry(stem).or_default() += 1;
        }
    }
    paths
        .iter()
        .zip(&stems)
        .map(|(path, stem)| match count.get(stem.as_str()) {
            Some(&n) if n > 1 => strip_known_extension(&path.to_string_lossy()).to_owned(),
            _ => stem.clone(),
        })
        .collect()
}

/// The hint shown when standard input is a terminal: reading it waits for
/// typed input, which a new user may not expect.
pub fn terminal_hint(text: bool) -> &'static str {
    if text {
        "newsextract: reading one plain-text article from the terminal; end it with Ctrl-D \
         (or name files: newsextract extract --text FILE ...)"
    } else {
        "newsextract: reading JSON lines ({\"id\": ..., \"text\": ...}) from the terminal; \
         end with Ctrl-D. To read files, name them (newsextract extract FILE ...); \
         for plain text on standard input, pass --text"
    }
}

/// The end of the error for a first line of standard input that is not JSON.
const PLAIN_TEXT_HINT: &str = "standard input is read as JSON lines \
     ({\"id\": ..., \"text\": ...}); to read it as one plain-text article, pass --text";

fn read_stdin(opts: &Options, sink: &mut impl FnMut(Item) -> ControlFlow<()>) -> ControlFlow<()> {
    let stdin = io::stdin();
    if stdin.is_terminal() {
        eprintln!("{}", terminal_hint(opts.text));
    }
    let reader = BufReader::with_capacity(READ_BUFFER, stdin.lock());
    let name = "<stdin>";
    if opts.text {
        let (article, bytes) = read_text(name, "stdin".to_owned(), reader, opts);
        return sink(Item { article, bytes });
    }
    let reader = match decode::reader(reader, opts.decoding) {
        Ok(reader) => reader,
        Err(e) => return sink(read_failed(name, e)),
    };
    // A first line that is not JSON is most often plain text: say how to
    // pass that.
    let mut first = true;
    read_jsonl(name, reader, &opts.jsonl, &mut |mut item: Item| {
        if std::mem::take(&mut first) {
            if let Err(e) = &mut item.article {
                if e.reason.starts_with("not valid JSON") {
                    e.reason = format!("{}; {PLAIN_TEXT_HINT}", e.reason);
                }
            }
        }
        sink(item)
    })
}

fn read_failed(name: &str, e: io::Error) -> Item {
    Item {
        article: Err(InputError::new(name, None, format!("cannot read: {e}"))),
        bytes: 0,
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
                    if let WalkEntry::File(file, _) = found {
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

/// The file name in lower case, for matching extensions.
fn lower_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .to_lowercase()
}

fn is_gzip(path: &Path) -> bool {
    lower_name(path).ends_with(".gz")
}

/// What the name (without `.gz`, in any case) says a file holds.
fn format_of(path: &Path) -> Format {
    let name = lower_name(path);
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    if name.ends_with(".txt") {
        Format::Text
    } else if name.ends_with(".json") {
        Format::Json
    } else if name.ends_with(".jsonl") || is_gzip(path) {
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

/// The name without `.txt`, `.jsonl` or `.json` (in any case, before an
/// optional `.gz`), or else without its last extension.
fn strip_known_extension(name: &str) -> &str {
    let strip = |name: &'static str, s: &str| -> Option<usize> {
        let n = s.len().checked_sub(name.len())?;
        (s.is_char_boundary(n) && s[n..].eq_ignore_ascii_case(name)).then_some(n)
    };
    let name = match strip(".gz", name) {
        Some(end) => &name[..end],
        None => name,
    };
    for ext in [".txt", ".jsonl", ".json"] {
        if let Some(end) = strip(ext, name) {
            return &name[..end];
        }
    }
    match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    }
}

/// Whether a folder walk reads this file (by name, in any case).
fn wanted_in_folder(name: &str) -> bool {
    let name = name.to_lowercase();
    [
        ".txt",
        ".txt.gz",
        ".jsonl",
        ".jsonl.gz",
        ".json",
        ".json.gz",
    ]
    .iter()
    .any(|ext| name.ends_with(ext))
}

/// Reads every wanted file under `root`, in path order; a text file's id is
/// its path below `root` without the extension (`2024/01/story`). Counts
/// the files passed over.
fn walk(
    root: &Path,
    opts: &Options,
    sink: &mut impl FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    walk_files(root, &mut |found| match found {
        WalkEntry::File(file, relative) => {
            let id = strip_known_extension(relative).to_owned();
            read_file(file, id, false, opts, sink)
        }
        WalkEntry::Skipped(file, why) => {
            opts.skipped.fetch_add(1, Ordering::Relaxed);
            if opts.verbose {
                eprintln!("newsextract: skipped {} ({why})", file.display());
            }
            ControlFlow::Continue(())
        }
        WalkEntry::Unlisted(e) => sink(Item {
            article: Err(e),
            bytes: 0,
        }),
    })
}

/// What a folder walk found.
enum WalkEntry<'a> {
    /// A file to read, and its path relative to the root with `/`
    /// separators.
    File(&'a Path, &'a str),
    /// A file passed over, and why.
    Skipped(&'a Path, &'static str),
    /// A folder that could not be listed.
    Unlisted(InputError),
}

/// One folder entry: name, path, and what it is.
enum Entry {
    Folder,
    File,
    Skipped(&'static str),
}

/// Calls `visit` with every file under `root` (depth first, entries
/// sorted by name). Holds one directory listing per level in memory, never
/// the whole tree. Symbolic links to files are followed, links to folders
/// are not (no loops). A folder that cannot be listed is reported and
/// skipped.
fn walk_files(
    root: &Path,
    visit: &mut dyn FnMut(WalkEntry<'_>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let list = |dir: &Path| -> Result<Vec<(String, PathBuf, Entry)>, InputError> {
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
            let what = if kind.is_dir() {
                Entry::Folder
            } else if kind.is_symlink() && fs::metadata(&path).is_err() {
                Entry::Skipped("broken link")
            } else if kind.is_symlink() && fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
                Entry::Skipped("link to a folder")
            } else if !kind.is_file() && !kind.is_symlink() {
                Entry::Skipped("not a regular file")
            } else if wanted_in_folder(&name) {
                Entry::File
            } else {
                Entry::Skipped("not .txt, .txt.gz, .json, .jsonl or .jsonl.gz")
            };
            entries.push((name, path, what));
        }
        // Reversed, so that popping from the end gives name order.
        entries.sort_by(|a, b| b.0.cmp(&a.0));
        Ok(entries)
    };
    // One (relative prefix, remaining entries) per open directory.
    let mut stack = Vec::new();
    match list(root) {
        Ok(entries) => stack.push((String::new(), entries)),
        Err(e) => return visit(WalkEntry::Unlisted(e)),
    }
    while let Some((prefix, entries)) = stack.last_mut() {
        let Some((name, path, what)) = entries.pop() else {
            stack.pop();
            continue;
        };
        let relative = format!("{prefix}{name}");
        match what {
            Entry::Folder => match list(&path) {
                Ok(children) => stack.push((relative + "/", children)),
                Err(e) => visit(WalkEntry::Unlisted(e))?,
            },
            Entry::File => visit(WalkEntry::File(&path, &relative))?,
            Entry::Skipped(why) => visit(WalkEntry::Skipped(&path, why))?,
        }
    }
    ControlFlow::Continue(())
}

/// Reads one file: a text file (or any file, with `as_text`) is one
/// article with id `id`, a `.json` file an array of articles (or one), the
/// rest JSON lines; `.gz` files are decompressed on the fly.
fn read_file(
    path: &Path,
    id: String,
    as_text: bool,
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
    let format = if as_text {
        Format::Text
    } else {
        format_of(path)
    };
    match format {
        Format::Jsonl => {
            let reader = BufReader::with_capacity(READ_BUFFER, reader);
            match decode::reader(reader, opts.decoding) {
                Ok(reader) => read_jsonl(&name, reader, &opts.jsonl, sink),
                Err(e) => sink(read_failed(&name, e)),
            }
        }
        Format::Json => read_json(&name, reader, opts, sink),
        Format::Text => {
            let (article, bytes) = read_text(&name, id, reader, opts);
            sink(Item { article, bytes })
        }
    }
}

/// Reads at most `max_bytes` (and one byte more, to see that there is
/// more) of `reader`, decoded to text. Errors name the id.
fn read_bounded(
    name: &str,
    id: &str,
    reader: impl Read,
    opts: &Options,
    too_large: &str,
) -> (Result<String, InputError>, u64) {
    let max_bytes = opts.jsonl.max_bytes;
    let fail = |reason: String| Err(InputError::new(name, None, reason).with_id(id));
    let mut bytes = Vec::new();
    if let Err(e) = reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        return (fail(format!("cannot read: {e}")), bytes.len() as u64);
    }
    let size = bytes.len() as u64;
    if size > max_bytes {
        let reason =
            format!("file is larger than the limit of {max_bytes} bytes (--max-bytes){too_large}");
        return (fail(reason), size);
    }
    match decode::whole(bytes, opts.decoding) {
        Ok(text) => (Ok(text), size),
        Err(decode::Invalid {
            encoding: "UTF-8",
            offset,
        }) => (
            fail(format!(
                "not valid UTF-8 (first bad byte at offset {offset}); {ENCODING_HINT}"
            )),
            size,
        ),
        Err(decode::Invalid { encoding, offset }) => (
            fail(format!(
                "not valid {encoding} (first bad byte at offset {offset}); \
                 name the file's encoding with --encoding"
            )),
            size,
        ),
    }
}

/// A whole text file as one article, refused if larger than the limit.
fn read_text(
    name: &str,
    id: String,
    reader: impl Read,
    opts: &Options,
) -> (Result<Article, InputError>, u64) {
    let (text, size) = read_bounded(name, &id, reader, opts, "");
    (text.map(|text| Article { id, text }), size)
}

/// A `.json` file: an array of article objects, one article object, or
/// (if the whole is not one JSON value) JSON lines. Read whole, so it is
/// refused if larger than the limit. Articles without an id get
/// `FILE#N`, N counting from 1.
fn read_json(
    name: &str,
    reader: impl Read,
    opts: &Options,
    sink: &mut impl FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let too_large =
        "; a .json file is read whole: raise the limit or write it as JSON lines (.jsonl)";
    let (text, size) = read_bounded(name, name, reader, opts, too_large);
    let text = match text {
        Ok(text) => text,
        Err(mut e) => {
            e.id = None;
            return sink(Item {
                article: Err(e),
                bytes: size,
            });
        }
    };
    let values = match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(serde_json::Value::Array(values)) => values,
        Ok(value @ serde_json::Value::Object(_)) => vec![value],
        Ok(_) => {
            return sink(Item {
                article: Err(InputError::new(
                    name,
                    None,
                    "not an array of articles, an article object or JSON lines",
                )),
                bytes: size,
            })
        }
        // Not one JSON value: JSON lines in a file named .json.
        Err(_) => return read_jsonl(name, text.as_bytes(), &opts.jsonl, sink),
    };
    let mut bytes = size;
    for (i, value) in values.into_iter().enumerate() {
        let n = i + 1;
        let article = article_from_value(value, &opts.jsonl, || format!("{name}#{n}")).map_err(
            |(reason, id)| {
                let e = InputError::new(name, None, format!("article {n} of the array: {reason}"));
                match id {
                    Some(id) => e.with_id(id),
                    None => e,
                }
            },
        );
        // The file's bytes are counted once, with its first article.
        sink(Item {
            article,
            bytes: std::mem::take(&mut bytes),
        })?;
    }
    ControlFlow::Continue(())
}

impl Options {
    /// The JSON-lines options, for callers that only need those.
    #[cfg(test)]
    fn with_jsonl(jsonl: jsonl::Options) -> Self {
        Self {
            jsonl,
            ..Self::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_drop_known_extensions_in_any_case() {
        assert_eq!(strip_known_extension("a/story.txt"), "a/story");
        assert_eq!(strip_known_extension("a/STORY.TXT"), "a/STORY");
        assert_eq!(strip_known_extension("dump.jsonl.gz"), "dump");
        assert_eq!(strip_known_extension("story.Txt.GZ"), "story");
        assert_eq!(strip_known_extension("notes.md"), "notes");
        assert_eq!(strip_known_extension(".hidden"), ".hidden");
        assert_eq!(strip_known_extension("é.txt"), "é");
        assert_eq!(format_of(Path::new("x/dump.jsonl.gz")), Format::Jsonl);
        assert_eq!(format_of(Path::new("x/dump.gz")), Format::Jsonl);
        assert_eq!(format_of(Path::new("x/story.txt.gz")), Format::Text);
        assert_eq!(format_of(Path::new("x/STORY.TXT")), Format::Text);
        assert_eq!(format_of(Path::new("x/all.JSON")), Format::Json);
        assert_eq!(format_of(Path::new("x/story")), Format::Text);
        assert!(wanted_in_folder("A.TXT") && wanted_in_folder("b.txt.gz"));
        assert!(wanted_in_folder("c.json") && !wanted_in_folder("d.md"));
    }

    #[test]
    fn files_of_the_same_name_get_their_paths_as_ids() {
        let paths: Vec<PathBuf> = ["a/story.txt", "b/story.txt", "c/other.txt", "-"]
            .iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(
            command_line_ids(&paths),
            ["a/story", "b/story", "other", "-"]
        );
    }

    #[test]
    fn the_terminal_hint_says_how_to_end_and_how_to_pass_files_or_text() {
        for text in [false, true] {
            let hint = terminal_hint(text);
            assert!(hint.contains("Ctrl-D") && hint.contains("FILE"), "{hint}");
        }
        assert!(terminal_hint(false).contains("--text"));
    }

    #[test]
    fn json_files_hold_an_array_an_object_or_lines() {
        let opts = Options::with_jsonl(jsonl::Options::default());
        let read = |text: &str| {
            let mut out = Vec::new();
            let _ = read_json("f.json", text.as_bytes(), &opts, &mut |item| {
                out.push(item.article.map(|a| a.id).map_err(|e| (e.reason, e.id)));
                ControlFlow::Continue(())
            });
            out
        };
        let got = read(r#"[{"id": "a", "text": "x"}, {"text": "y"}, {"id": "c"}]"#);
        assert_eq!(got[0], Ok("a".to_owned()));
        assert_eq!(got[1], Ok("f.json#2".to_owned()));
        let (reason, id) = got[2].clone().unwrap_err();
        assert!(
            reason.starts_with("article 3 of the array: missing field"),
            "{reason}"
        );
        assert_eq!(id.as_deref(), Some("c"));
        assert_eq!(
            read(r#"{"id": "one", "text": "x"}"#),
            [Ok("one".to_owned())]
        );
        let lines = read("{\"id\": \"l1\", \"text\": \"x\"}\n{\"id\": \"l2\", \"text\": \"y\"}\n");
        assert_eq!(lines, [Ok("l1".to_owned()), Ok("l2".to_owned())]);
        assert!(read("42")[0].is_err());
    }
}
