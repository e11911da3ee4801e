//! Property tests (proptest) of the guarantees in `src/lib.rs` and
//! `src/segment/mod.rs`, over arbitrary Unicode text and over the fixture
//! articles with random edits:
//!
//! - splitting and extracting never panic (no panic is tolerated: past
//!   ones have regression tests in `tests/known_bugs.rs`);
//! - sentences come in order, never overlap, lie on `char` boundaries, are
//!   the slice at their offsets, are trimmed and non-empty, and together
//!   cover every non-whitespace byte;
//! - every record's evidence span and every rule hit's span lies within the
//!   text and on `char` boundaries;
//! - the output is deterministic;
//! - prefixing N bytes of unrelated text that ends in a blank line shifts
//!   every sentence, evidence span and hit by exactly N and changes nothing
//!   else.
//!
//! Case counts are kept CI-sized (the whole file runs in seconds); set the
//! `PROPTEST_CASES` environment variable for a longer local run (see
//! [`cases`]).

use common::{extraction_violations, fixture_articles, sentence_violations};
use newsextract::{Extractor, Record};
use proptest::prelude::*;

mod common;

/// The number of cases for a property: `default`, or `PROPTEST_CASES` when
/// it is set (for longer local runs).
fn cases(default: u32) -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig::with_cases(n)
}

// ----------------------------------------------------------------------
// Inputs

/// The pieces of [`pieced_text`]: [`common::SPLITTER_PIECES`] and
/// [`EXTRACTION_PIECES`].
fn pieces() -> Vec<&'static str> {
    [common::SPLITTER_PIECES, EXTRACTION_PIECES].concat()
}

/// Pieces that exercise the chunker's and the rules' special cases besides
/// those of the splitter: abbreviations, initials, list markers, names,
/// organisations, titles and trigger verbs, and more characters of several
/// byte lengths, scripts and directions.
const EXTRACTION_PIECES: &[&str] = &[
    "\u{2028}",
    ". ",
    "«",
    "»",
    ",",
    ";",
    "• ",
    "1. ",
    "2) ",
    "a. ",
    "b) ",
    "Mr.",
    "Dr.",
    "Inc.",
    "Corp.",
    "U.S.",
    "a.m.",
    "p.m.",
    "No.",
    "St.",
    "J.",
    "I.",
    "e.g.",
    "2019",
    "Jane",
    "Roe",
    "Tom",
    "Hale",
    "Okafor",
    "Corvel",
    "Acme",
    "Corp",
    "Group",
    "Ltd",
    "she",
    "he",
    "her",
    "his",
    "its",
    "the",
    "The",
    "position",
    "role",
    "chief",
    "executive",
    "officer",
    "CEO",
    "CFO",
    "COO",
    "vice",
    "president",
    "Vice",
    "President",
    "chairman",
    "board",
    "director",
    "head",
    "of",
    "at",
    "as",
    "and",
    "to",
    "will",
    "has",
    "was",
    "been",
    "named",
    "appointed",
    "resigned",
    "retire",
    "succeed",
    "replace",
    "report",
    "reports",
    "step",
    "down",
    "joined",
    "left",
    "fired",
    "promoted",
    "hired",
    "denied",
    "not",
    "interim",
    "acting",
    "former",
    "said",
    "ß",
    "İ",
    "ǅ",
    "Σ",
    "中文",
    "公司",
    "مرحبا",
    "שלום",
    "\u{200f}",
    "\u{202e}",
    "🙂",
    "👩‍💼",
    "🇬🇧",
    "\u{fe0f}",
    "\u{fffd}",
    "\u{feff}",
    "\u{7f}",
];

/// Text built from [`pieces`] and arbitrary characters.
fn pieced_text(max_pieces: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(pieces()).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..max_pieces).prop_map(|v| v.concat())
}

/// Arbitrary text: any Unicode scalar values, or text made of pieces.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => any::<String>(),
        1 => prop::collection::vec(any::<char>(), 0..300).prop_map(|v| v.into_iter().collect()),
        3 => pieced_text(300),
    ]
}

/// One random edit of a text; positions are fractions of its length.
#[derive(Clone, Debug)]
enum Edit {
    Delete { at: f64, len: usize },
    Insert { at: f64, text: String },
    Duplicate { at: f64, len: usize },
    Upper { at: f64, len: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0.0..1.0f64;
    prop_oneof![
        (at.clone(), 1..60usize).prop_map(|(at, len)| Edit::Delete { at, len }),
        (at.clone(), pieced_text(6)).prop_map(|(at, text)| Edit::Insert { at, text }),
        (at.clone(), 1..200usize).prop_map(|(at, len)| Edit::Duplicate { at, len }),
        (at, 1..80usize).prop_map(|(at, len)| Edit::Upper { at, len }),
    ]
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The byte range `[at, at + len)` of `s`, moved onto char boundaries.
fn range(s: &str, at: f64, len: usize) -> (usize, usize) {
    let start = floor_boundary(s, (at * s.len() as f64) as usize);
    (start, floor_boundary(s, start + len).max(start))
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut s = text.to_owned();
    for e in edits {
        match e {
            Edit::Delete { at, len } => {
                let (a, b) = range(&s, *at, *len);
                s.replace_range(a..b, "");
            }
            Edit::Insert { at, text } => {
                let (a, _) = range(&s, *at, 0);
                s.insert_str(a, text);
            }
            Edit::Duplicate { at, len } => {
                let (a, b) = range(&s, *at, *len);
                let copy = s[a..b].to_owned();
                s.insert_str(b, &copy);
            }
            Edit::Upper { at, len } => {
                let (a, b) = range(&s, *at, *len);
                let upper = s[a..b].to_uppercase();
                s.replace_range(a..b, &upper);
            }
        }
    }
    s
}

/// A fixture article with up to eight random edits.
fn edited_fixture() -> impl Strategy<Value = String> {
    let articles = fixture_articles();
    (0..articles.len(), prop::collection::vec(edit(), 0..8))
        .prop_map(move |(k, edits)| apply(&articles[k].text, &edits))
}

/// Unrelated text to put before an article: lower-case words about the
/// weather, numbers and punctuation (no names, organisations or titles),
/// or text in other scripts; one line that always ends in a blank line. (A
/// single line break in the prefix may rightly change how the article's
/// lines are read: the splitter looks at all of a text's line breaks to tell
/// whether it is hard-wrapped.)
fn unrelated_prefix() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "rain",
        "sunny",
        "skies",
        "expected",
        "over",
        "the",
        "weekend",
        "with",
        "light",
        "winds",
        "and",
        "mild",
        "temperatures",
        "of",
        "12",
        "degrees",
        "in",
        "morning",
        ".",
        ",",
        "!",
        "?",
        "  ",
        "天气",
        "晴朗",
        "。",
        "☀️",
        "—",
    ];
    (
        prop::collection::vec(prop::sample::select(WORDS), 0..40),
        prop_oneof![
            Just("\n\n"),
            Just("\n \n"),
            Just("\r\n\r\n"),
            Just("\n\n\n")
        ],
    )
        .prop_map(|(words, end)| {
            let mut s = words.join(" ");
            s.push_str(end);
            s
        })
}

// ----------------------------------------------------------------------
// Checks

fn check_split(text: &str) -> Result<(), TestCaseError> {
    for (name, splitter) in common::splitters() {
        let sentences: Vec<_> = splitter.split(text).collect();
        let v = sentence_violations(text, &sentences);
        prop_assert!(v.is_empty(), "{name}: {v:#?}\ninput: {text:?}");
        let again: Vec<_> = splitter.split(text).collect();
        prop_assert_eq!(
            &sentences,
            &again,
            "{}: splitting is not deterministic",
            name
        );
    }
    Ok(())
}

fn check_extract(text: &str) -> Result<(), TestCaseError> {
    let extractor = Extractor::new();
    let out = extractor.extract(text);
    let v = extraction_violations(text, &out);
    prop_assert!(v.is_empty(), "{v:#?}\ninput: {text:?}");
    let again = extractor.extract(text);
    prop_assert_eq!(&out.sentences, &again.sentences);
    prop_assert_eq!(
        &out.records,
        &again.records,
        "records are not deterministic"
    );
    prop_assert_eq!(&out.hits, &again.hits, "hits are not deterministic");
    Ok(())
}

fn shifted(record: &Record, n: usize) -> Record {
    let mut r = record.clone();
    for e in &mut r.evidence {
        e.start += n;
        e.end += n;
    }
    r
}

/// Extracting `prefix + text` gives the prefix's own sentences, then the
/// sentences, records and hits of `text` shifted by `prefix.len()`.
fn check_prefix(prefix: &str, text: &str) -> Result<(), TestCaseError> {
    let n = prefix.len();
    let joined = format!("{prefix}{text}");
    let extractor = Extractor::new();
    let alone = extractor.extract(text);
    let before = extractor.extract(prefix);
    let both = extractor.extract(&joined);
    let ctx = || format!("prefix: {prefix:?}\ntext: {text:?}");

    let m = before.sentences.len();
    prop_assert!(both.sentences.len() >= m, "{}", ctx());
    prop_assert_eq!(&both.sentences[..m], &before.sentences[..], "{}", ctx());
    let expected: Vec<(usize, usize, &str)> = alone
        .sentences
        .iter()
        .map(|s| (s.start + n, s.end + n, s.text))
        .collect();
    let got: Vec<(usize, usize, &str)> = both.sentences[m..]
        .iter()
        .map(|s| (s.start, s.end, s.text))
        .collect();
    prop_assert_eq!(got, expected, "sentences did not shift by {}\n{}", n, ctx());

    // The prefix names nobody, so it makes no record of its own and every
    // record of the text only moves.
    let expected: Vec<Record> = before
        .records
        .iter()
        .cloned()
        .chain(alone.records.iter().map(|r| shifted(r, n)))
        .collect();
    prop_assert_eq!(&both.records, &expected, "records changed\n{}", ctx());

    let hits: Vec<_> = alone
        .hits
        .iter()
        .map(|h| {
            let mut h = h.clone();
            h.sentence += m;
            h.span.start += n;
            h.span.end += n;
            h
        })
        .collect();
    let k = before.hits.len().min(both.hits.len());
    prop_assert_eq!(&both.hits[..k], &before.hits[..], "{}", ctx());
    prop_assert_eq!(&both.hits[k..], &hits[..], "hits changed\n{}", ctx());
    Ok(())
}

// ----------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(cases(512))]

    #[test]
    fn split_holds_its_guarantees_on_any_text(text in any_text()) {
        check_split(&text)?;
    }

    #[test]
    fn split_holds_its_guarantees_on_edited_fixtures(text in edited_fixture()) {
        check_split(&text)?;
    }
}

proptest! {
    #![proptest_config(cases(128))]

    #[test]
    fn extract_holds_its_guarantees_on_any_text(text in any_text()) {
        check_extract(&text)?;
    }

    #[test]
    fn prefix_shifts_everything_on_any_text(prefix in unrelated_prefix(), text in any_text()) {
        check_prefix(&prefix, &text)?;
    }
}

proptest! {
    #![proptest_config(cases(32))]

    #[test]
    fn extract_holds_its_guarantees_on_edited_fixtures(text in edited_fixture()) {
        check_extract(&text)?;
    }

    #[test]
    fn prefix_shifts_everything_on_edited_fixtures(
        prefix in unrelated_prefix(),
        text in edited_fixture(),
    ) {
        check_prefix(&prefix, &text)?;
    }
}

/// The unedited fixtures, each with one of three fixed unrelated prefixes:
/// the shift property on real news text, independent of the random cases.
#[test]
fn prefix_shifts_everything_on_every_fixture() {
    let prefixes = [
        "\n\n",
        "Weather: rain over the weekend.\n\n",
        "天气晴朗。\n\n",
    ];
    for (k, article) in fixture_articles().iter().enumerate() {
        let prefix = prefixes[k % prefixes.len()];
        check_prefix(prefix, &article.text).unwrap_or_else(|e| panic!("{}: {e}", article.name));
    }
}
