//! Gold and prediction files read the way `score.py` reads them, and the
//! errors for files it would stop on.

use std::collections::{HashMap, HashSet};
use std::error::Error;
use std::fmt;
use std::fs;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::normalize::py_isspace;
use super::pyrepr::py_str;
use super::report::Report;
use super::values::{field, json_type, truthy};

/// Why a gold or prediction file could not be scored.
#[derive(Debug)]
#[non_exhaustive]
pub enum EvalError {
    /// The file could not be read (missing, unreadable, or not UTF-8).
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// A line is not a JSON object of the expected shape.
    BadLine {
        /// The file (`<gold>` or `<pred>` for [`score_jsonl`](super::score_jsonl)).
        path: PathBuf,
        /// The 1-based line number (as Python counts lines: `\n`, `\r\n` and
        /// `\r` all end a line).
        line: usize,
        /// What is wrong with it.
        message: String,
    },
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::Io { path, source } => write!(
                f,
                "cannot read {}: {source}; check the path and that the file is \
                 UTF-8 JSON Lines (one {{\"id\": ..., \"records\": [...]}} object per line)",
                path.display()
            ),
            EvalError::BadLine {
                path,
                line,
                message,
            } => write!(
                f,
                "{}:{line}: {message}; fix that line: every non-empty line must be one \
                 JSON object such as {{\"id\": \"a1\", \"records\": [...]}} (see docs/schema.md)",
                path.display()
            ),
        }
    }
}

impl Error for EvalError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            EvalError::Io { source, .. } => Some(source),
            EvalError::BadLine { .. } => None,
        }
    }
}

/// One article of a loaded file: `obj.get("records")` and the line it is on.
pub(super) struct Article {
    id: String,
    records: Value,
    line: usize,
}

/// Splits text into lines the way Python's text-mode file iteration does
/// (universal newlines: `\r\n`, `\r` and `\n`).
fn py_lines(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(&text[start..i]);
                i += 1;
                start = i;
            }
            b'\r' => {
                lines.push(&text[start..i]);
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        lines.push(&text[start..]);
    }
    lines
}

/// `load()` in `score.py`: articles by id, in first-seen order, a later line
/// with the same id replacing the records of the earlier one.
pub(super) fn load(text: &str, path: &Path) -> Result<Vec<Article>, EvalError> {
    let mut articles = Articles::default();
    for (n, line) in py_lines(text).into_iter().enumerate() {
        let n = n + 1;
        let line = line.trim_matches(py_isspace);
        if line.is_empty() {
            continue;
        }
        let bad = |message: String| EvalError::BadLine {
            path: path.to_path_buf(),
            line: n,
            message,
        };
        let obj: Value = serde_json::from_str(line).map_err(|e| bad(format!("not JSON: {e}")))?;
        if !obj.is_object() {
            return Err(bad(format!("not a JSON object but {}", json_type(&obj))));
        }
        let id = py_str(field(&obj, "id"));
        articles.add(id, field(&obj, "records").clone(), n);
    }
    Ok(articles.list)
}

/// Articles by id, in first-seen order; a later article with the same id
/// replaces the records of the earlier one.
#[derive(Default)]
pub(super) struct Articles {
    pub list: Vec<Article>,
    index: HashMap<String, usize>,
}

impl Articles {
    /// Adds the article `id` read from line `line` (0 when not from a file).
    pub fn add(&mut self, id: String, records: Value, line: usize) {
        match self.index.get(&id) {
            Some(&i) => {
                self.list[i].records = records;
                self.list[i].line = line;
            }
            None => {
                self.index.insert(id.clone(), self.list.len());
                self.list.push(Article { id, records, line });
            }
        }
    }
}

/// `obj.get("records") or []`, checked the way scoring would use it (Python
/// fails there on anything but a list of objects).
fn records_of<'a>(article: &'a Article, path: &Path) -> Result<&'a [Value], EvalError> {
    if !truthy(&article.records) {
        return Ok(&[]);
    }
    match &article.records {
        Value::Array(a) => match a.iter().find(|r| !r.is_object()) {
            None => Ok(a),
            Some(r) => Err(EvalError::BadLine {
                path: path.to_path_buf(),
                line: article.line,
                message: format!(
                    "\"records\" holds {} where a record object was expected",
                    json_type(r)
                ),
            }),
        },
        other => Err(EvalError::BadLine {
            path: path.to_path_buf(),
            line: article.line,
            message: format!(
                "\"records\" is {} instead of a list of records",
                json_type(other)
            ),
        }),
    }
}

/// Scores loaded files: every gold article (checked, with its predicted
/// article, before it is scored, as Python fails only when it gets there).
pub(super) fn score_loaded(
    gold: &[Article],
    gold_path: &Path,
    pred: &[Article],
    pred_path: &Path,
) -> Result<Report, EvalError> {
    let pred_by_id: HashMap<&str, &Article> = pred.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut articles = Vec::with_capacity(gold.len());
    for g in gold {
        let gold_recs = records_of(g, gold_path)?;
        let pred_recs = match pred_by_id.get(g.id.as_str()) {
            Some(p) => Some(records_of(p, pred_path)?),
            None => None,
        };
        articles.push((g.id.as_str(), gold_recs, pred_recs));
    }
    let gold_ids: HashSet<&str> = gold.iter().map(|a| a.id.as_str()).collect();
    let unknown = pred
        .iter()
        .filter(|p| !gold_ids.contains(p.id.as_str()))
        .map(|p| p.id.clone())
        .collect();
    Ok(Report::build(articles, unknown))
}

/// Reads and loads a file; `-` is standard input.
pub(super) fn load_file(path: &Path) -> Result<Vec<Article>, EvalError> {
    let io_error = |source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    };
    let text = if path.as_os_str() == "-" {
        let mut text = String::new();
        io::stdin().read_to_string(&mut text).map_err(io_error)?;
        text
    } else {
        fs::read_to_string(path).map_err(io_error)?
    };
    load(&text, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eval_py_lines() {
        assert_eq!(py_lines("a\nb\r\nc\rd"), ["a", "b", "c", "d"]);
        assert_eq!(py_lines("a\n\n"), ["a", ""]);
        assert!(py_lines("").is_empty());
    }
}
