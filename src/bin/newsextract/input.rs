//! Reading articles from files and standard input, one at a time.
//!
//! Sources are read lazily so that memory stays flat on large inputs; every
//! problem is reported as an [`InputError`] naming the source and line, and
//! reading goes on with the next line or file.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde_json::Value;

/// One article to process.
pub struct Article {
    pub id: String,
    pub text: String,
}

/// Why an input could not be read.
#[derive(Debug)]
pub struct InputError {
    pub source: String,
    pub line: Option<u64>,
    pub reason: String,
}

impl InputError {
    fn new(source: &str, line: Option<u64>, reason: impl Into<String>) -> Self {
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

/// Where articles come from.
enum Source {
    Stdin,
    Text(PathBuf),
    Jsonl(PathBuf),
}

/// Reads every article of `paths` (standard input when empty or `-`) and
/// hands each, or the error that replaced it, to `sink` in input order.
pub fn for_each_article(
    paths: &[PathBuf],
    mut sink: impl FnMut(Result<Article, InputError>) -> io::Result<()>,
) -> io::Result<()> {
    let sources: Vec<Source> = if paths.is_empty() {
        vec![Source::Stdin]
    } else {
        paths.iter().map(|p| classify(p)).collect()
    };
    for source in sources {
        match source {
            Source::Stdin => {
                let stdin = io::stdin();
                read_jsonl("<stdin>", stdin.lock(), &mut sink)?;
            }
            Source::Jsonl(path) => {
                let name = path.display().to_string();
                match File::open(&path) {
                    Ok(f) => read_jsonl(&name, BufReader::new(f), &mut sink)?,
                    Err(e) => sink(Err(InputError::new(
                        &name,
                        None,
                        format!("cannot open: {e}"),
                    )))?,
                }
            }
            Source::Text(path) => sink(read_text(&path))?,
        }
    }
    Ok(())
}

fn classify(path: &Path) -> Source {
    if path.as_os_str() == "-" {
        Source::Stdin
    } else if path
        .extension()
        .is_some_and(|e| e == "jsonl" || e == "json")
    {
        Source::Jsonl(path.to_owned())
    } else {
        Source::Text(path.to_owned())
    }
}

fn read_text(path: &Path) -> Result<Article, InputError> {
    let name = path.display().to_string();
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| InputError::new(&name, None, format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        InputError::new(
            &name,
            None,
            format!(
                "not valid UTF-8 (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.clone());
    Ok(Article { id, text })
}

fn read_jsonl(
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

fn parse_line(name: &str, line_no: u64, bytes: &[u8]) -> Result<Article, InputError> {
    let err = |reason: String| InputError::new(name, Some(line_no), reason);
    let line = std::str::from_utf8(bytes).map_err(|e| {
        err(format!(
            "not valid UTF-8 (first bad byte at offset {})",
            e.valid_up_to()
        ))
    })?;
    let value: Value =
        serde_json::from_str(line).map_err(|e| err(format!("not a JSON object: {e}")))?;
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
