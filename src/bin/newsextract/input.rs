//! Reading articles from files, folders and standard input, one at a time.
//!
//! Sources are read lazily so that memory stays flat on large inputs: JSON
//! lines are read one at a time into a buffer that never grows past the
//! size limit, folders are walked one directory at a time, and gzip files
//! are decompressed as they are read. Every problem is reported as an
//! [`InputError`] naming the source and line, and reading goes on with the
//! next line or file.

use std::fs::{self, File};
use std::io::{self, BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;
// The JSON-lines reader and its types are the library's
// (`newsextract::jsonl`), which the fuzz targets and benches also run.
use newsextract::jsonl::read_jsonl;
pub use newsextract::jsonl::{Article, InputError, Item, Options};

/// Read buffer per source: large enough that a read call returns many lines.
const READ_BUFFER: usize = 256 * 1024;

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

#[cfg(test)]
mod tests {
    use super::*;

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
