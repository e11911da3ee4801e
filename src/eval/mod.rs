//! Slot-level scoring of extracted leadership-change records.
//!
//! This module is a faithful port of the project's Python scorer
//! (`score.py`; the formats are in `docs/schema.md`): the same normalisation, the same
//! alignment of predicted records to gold records, the same counting, and the
//! same text output, so that numbers computed in Rust and in Python agree.
//!
//! Each article is a JSON object `{"id": ..., "records": [...]}`; files hold
//! one article per line (JSON Lines). Every gold record is aligned with at
//! most one predicted record of the same person, and then eleven slots
//! ([`SLOTS`]) are compared after normalisation ([`normalize`],
//! [`normalize_title`]). Precision, recall and F1 are micro-averaged over all
//! slots.
//!
//! ```
//! use newsextract::eval::score_jsonl;
//!
//! let gold = r#"{"id": "a1", "records": [{"kind": "appointment", "person": "Dana Whitcombe", "company": "Corvel Cloud"}]}"#;
//! let pred = r#"{"id": "a1", "records": [{"kind": "hire", "person": "Dana Whitcombe", "company": "the Corvel Cloud"}]}"#;
//! let report = score_jsonl(gold, pred)?;
//! assert_eq!(report.total.prf().f1, 1.0);
//! assert!(report.table().ends_with("overall P=1.000 R=1.000 F1=1.000\n"));
//! # Ok::<(), newsextract::eval::EvalError>(())
//! ```
//!
//! Predictions need not go through JSON: [`score_records`] scores
//! [`ArticleRecords`] (the extractor's own output)
//! against gold records of the same type.
//!
//! ```
//! use newsextract::{eval, ArticleRecords};
//!
//! let text = "Acme Corp. said Jane Roe has resigned as chief financial officer.";
//! let pred = [ArticleRecords::new("a1", newsextract::extract(text).records)];
//! let gold: Vec<ArticleRecords> = vec![serde_json::from_str(
//!     r#"{"id": "a1", "records": [{"kind": "resignation", "person": "Jane Roe",
//!         "company": "Acme Corp.", "old_role": {"title": "chief financial officer"}}]}"#,
//! )?];
//! let report = eval::score_records(&gold, &pred);
//! assert_eq!(report.total.prf().recall, 1.0);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! This module needs the `eval` feature (on by default), which brings in
//! `serde_json`.
//!
//! # Differences from `score.py`
//!
//! The output is the same for well-formed files; the port differs only at
//! the edges:
//!
//! - NFKC is built in, with data for the blocks listed at [`normalize`]
//!   (tables made by `scripts/gen_nfkc_tables.py` from Python's
//!   `unicodedata`); characters of other blocks (CJK compatibility
//!   ideographs, Arabic presentation forms, mathematical alphanumerics,
//!   ...) are not mapped. Unicode properties (letters, digits, lowercase)
//!   come from Rust's and the `regex` crate's tables, which may be newer
//!   than Python's (14.0 in Python 3.11) for characters assigned since.
//! - Where `score.py` stops with a traceback (a line that is not a JSON
//!   object, `"records"` that is not a list of objects), the port returns
//!   [`EvalError::BadLine`]. [`score_article`] ignores array elements that
//!   are not objects, and an `"optional"` that is null or a number counts as
//!   empty.
//! - JSON is read with `serde_json`: `NaN`/`Infinity` and lone surrogate
//!   escapes, which Python accepts, are bad lines; integers beyond 64 bits
//!   and `-0` become floats; objects keep their keys sorted. The last two
//!   only change how such values print in [`Report::errors`].
//! - Kinds are compared as JSON values in [`Report::kinds`] (Python's
//!   `1 == 1.0 == True` does not hold), and a kind that is a list or an
//!   object is counted where `score.py --kinds` stops with a traceback.
//! - Error messages for bad JSON come from `serde_json`, not Python's `json`.
//! - The `--json` summary is not ported; use [`Report`]'s fields.

mod align;
mod kinds;
mod load;
mod nfkc;
mod nfkc_tables;
mod normalize;
mod pyrepr;
mod report;
mod tally;
mod values;

use std::path::Path;

use serde_json::Value;

pub use align::{score_article, score_article_with_errors, Mismatch, MismatchKind};
pub use kinds::{KindAccuracy, KindPair};
pub use load::EvalError;
pub use normalize::{normalize, normalize_title};
pub use report::Report;
pub use tally::{Prf, Tally};

use crate::ArticleRecords;

/// The scored slots, in the order `score.py` prints them.
///
/// Arrays indexed by slot (such as the counts in [`Tally`]) use this order.
pub const SLOTS: [&str; 11] = crate::record::SLOT_NAMES;

const PERSON: usize = 0;
const KIND: usize = 1;

/// Scores a gold JSON Lines file against a prediction file, like
/// `score.py GOLD PRED`.
///
/// Articles in `gold` but not in `pred` count as predicting nothing;
/// articles only in `pred` are ignored (both are listed in the report:
/// [`Report::gold_without_prediction`], [`Report::predictions_without_gold`]).
/// Blank lines are skipped. A path `-` reads standard input (for one of the
/// two files only).
///
/// # Errors
///
/// [`EvalError::Io`] if a file cannot be read (or is not UTF-8), and
/// [`EvalError::BadLine`] for a line that is not a JSON object, or for an
/// article whose `"records"` is not a list of objects when that article is
/// scored (where `score.py` would stop with a traceback). The gold file is
/// read and checked before the prediction file.
///
/// ```
/// use newsextract::eval::score_files;
///
/// let dir = std::env::temp_dir().join(format!("newsextract-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let gold = dir.join("gold.jsonl");
/// std::fs::write(&gold, "{\"id\": \"a\", \"records\": [{\"kind\": \"hire\", \"person\": \"Ana Lima\"}]}\n")?;
/// let report = score_files(&gold, &gold)?;
/// assert_eq!(report.total.prf().f1, 1.0);
/// assert!(score_files(&gold, &dir.join("missing.jsonl")).is_err());
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn score_files(gold: &Path, pred: &Path) -> Result<Report, EvalError> {
    if gold.as_os_str() == "-" && pred.as_os_str() == "-" {
        return Err(EvalError::Io {
            path: pred.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "standard input (-) can be only one of the two files",
            ),
        });
    }
    let gold_articles = load::load_file(gold)?;
    let pred_articles = load::load_file(pred)?;
    load::score_loaded(&gold_articles, gold, &pred_articles, pred)
}

/// Scores gold JSON Lines text against prediction JSON Lines text; the same
/// as [`score_files`] without the files.
///
/// # Errors
///
/// [`EvalError::BadLine`] as for [`score_files`], with the inputs named
/// `<gold>` and `<pred>`.
///
/// ```
/// use newsextract::eval::{score_jsonl, EvalError};
///
/// let gold = r#"{"id": "a", "records": [{"kind": "resignation", "person": "Dana Whitcombe"}]}"#;
/// let report = score_jsonl(gold, r#"{"id": "a", "records": []}"#)?;
/// assert_eq!(report.total.prf().recall, 0.0);
///
/// let err = score_jsonl(gold, "{oops").unwrap_err();
/// assert!(matches!(err, EvalError::BadLine { line: 1, .. }));
/// # Ok::<(), EvalError>(())
/// ```
pub fn score_jsonl(gold: &str, pred: &str) -> Result<Report, EvalError> {
    let (gold_path, pred_path) = (Path::new("<gold>"), Path::new("<pred>"));
    let gold_articles = load::load(gold, gold_path)?;
    let pred_articles = load::load(pred, pred_path)?;
    load::score_loaded(&gold_articles, gold_path, &pred_articles, pred_path)
}

/// Scores predicted records against gold records, both as the extractor's
/// own types: what [`score_jsonl`] gives for the same articles written as
/// JSON lines. As there, a later article with an id seen before replaces
/// it, and gold articles without a prediction count as predicting nothing.
///
/// A [`Record`](crate::Record) holds one value per slot, so gold records
/// given this way have no alternatives and no optional slots; use
/// [`score_files`] for gold files that list them.
pub fn score_records(gold: &[ArticleRecords], pred: &[ArticleRecords]) -> Report {
    let articles = |list: &[ArticleRecords]| {
        let mut articles = load::Articles::default();
        for article in list {
            let records = serde_json::to_value(&article.records).unwrap_or(Value::Null);
            articles.add(article.id.clone(), records, 0);
        }
        articles.list
    };
    let (gold, pred) = (articles(gold), articles(pred));
    // Records serialise to JSON objects, which is all scoring can refuse.
    load::score_loaded(&gold, Path::new("<gold>"), &pred, Path::new("<pred>")).unwrap_or_default()
}
