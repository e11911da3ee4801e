//! Find leadership changes in English news articles.
//!
//! `newsextract` reads a news article and returns every leadership change it
//! reports (who, at which organisation, from which role, to which role,
//! reporting to whom, replacing whom) as typed [`Record`]s with byte offsets
//! into the text. It is a rule-based cascade in the spirit of FASTUS:
//!
//! 1. **sentences**: [`SentenceSplitter`], a news-grade splitter that never
//!    changes the text;
//! 2. **mentions**: people, organisations and titles in each sentence;
//! 3. **event patterns**: rules, declared as data in `src/rules/*.rules`,
//!    match appointments, departures and reporting lines;
//! 4. **resolution**: short names, pronouns, "the position" and "its" are
//!    resolved across sentences and each person's change becomes one record.
//!
//! # Extracting records
//!
//! ```
//! let text = "Corvel Corp. said Jane Okafor, its chief financial officer, \
//!             will retire in June. Tom Hale, vice president of finance, \
//!             will succeed her and report to CEO Ravi Menon.";
//! let out = newsextract::extract(text);
//!
//! let okafor = &out.records[0];
//! assert_eq!(okafor.kind, newsextract::Kind::Retirement);
//! assert_eq!(okafor.person.as_deref(), Some("Jane Okafor"));
//! assert_eq!(okafor.successor.as_deref(), Some("Tom Hale"));
//!
//! let hale = &out.records[1];
//! assert_eq!(hale.predecessor.as_deref(), Some("Jane Okafor"));
//! assert_eq!(hale.reports_to.as_deref(), Some("Ravi Menon"));
//!
//! // Evidence spans point into the text.
//! let span = hale.evidence[0];
//! assert!(text[span.start..span.end].starts_with("Tom Hale"));
//! ```
//!
//! Records serialise with serde to the record JSON described in the
//! crate's `docs/schema.md` (with the gold format and the scoring rules),
//! so `serde_json::to_string(&out.records)` gives what the command-line
//! tool prints ([`ArticleRecords`] is its `{"id", "records"}` line). Every
//! string value in a record is trimmed, with inner whitespace runs made one
//! space; evidence spans point into the text as given.
//! [`Extraction::hits`] lists every rule that fired, which is how to see
//! why a record was (or was not) made.
//!
//! # Splitting sentences
//!
//! ```
//! let text = "Mr. Smith joined Acme Inc. in 2019. He left at 5 p.m. on Friday.";
//! let sentences: Vec<&str> = newsextract::split_sentences(text).map(|s| s.text).collect();
//! assert_eq!(sentences, ["Mr. Smith joined Acme Inc. in 2019.", "He left at 5 p.m. on Friday."]);
//! ```
//!
//! Use [`SentenceSplitter::builder`] to add abbreviations or to read single
//! line breaks as spaces (text cut out of PDFs).
//!
//! # Scoring
//!
//! The `eval` module (feature `eval`, on by default) is a port of the
//! project's slot-level scorer: the same alignment of predicted to gold
//! records and the same numbers, for JSON lines or for [`ArticleRecords`].
//!
//! # Crate features
//!
//! - `eval` (default): `newsextract::eval`, the scorer; brings in
//!   serde_json. Without it (`default-features = false`) the library's
//!   API has no serde_json type in it.
//! - `parallel`: [`Extractor::extract_batch`] runs on all cores (rayon).
//! - `cli`: the `newsextract` command-line tool (implies `eval`; adds clap,
//!   encoding_rs, flate2 and indicatif). Install it with
//!   `cargo install --path . --features cli`.
//!
//! # Performance
//!
//! Rules and word lists are compiled once per process (the first call pays
//! for it) and shared by every [`Extractor`], which is `Send + Sync` and
//! cheap to clone: run one per thread over a corpus, or hand a batch to
//! [`Extractor::extract_batch`], which runs on all cores with the
//! `parallel` feature and returns the records in input order. Work per
//! article is linear in its length: on one core the splitter runs at about
//! 250 MB/s and the whole cascade at about 5 MB/s of news text (some 2,000
//! articles a second); README.md has the per-stage figures.
//!
//! Memory is proportional to the article being processed (about 20 bytes
//! per input byte while it is resolved), plus a few megabytes per thread
//! for the rules' automata; nothing is kept between articles.
//!
//! A crate that depends on this one and is built in debug mode runs
//! extraction about six times slower than in release: most of the time
//! goes to the regex engine, and Cargo takes profile settings only from
//! the top-level project, so the optimisation this crate's Cargo.toml
//! asks for its regex dependencies does not reach you. Add to your
//! Cargo.toml:
//!
//! ```toml
//! [profile.dev.package.regex-automata]
//! opt-level = 3
//!
//! [profile.dev.package.regex-syntax]
//! opt-level = 3
//!
//! [profile.dev.package.aho-corasick]
//! opt-level = 3
//!
//! [profile.dev.package.memchr]
//! opt-level = 3
//! ```
//!
//! # Untrusted input
//!
//! Any `&str` is valid input. Extraction never fails and never panics;
//! every look-around of the splitter is bounded, and the name and
//! organisation lookups of resolution are indexed, so megabytes without a
//! full stop, tens of thousands of capitalised words or binary garbage
//! cost linear time (the property tests, the fuzz targets in `fuzz/` and
//! the adversarial benches check this). Offsets in sentences and evidence
//! always lie on `char` boundaries of the input. To bound memory on
//! untrusted input, cap the article size before calling (the command-line
//! tool refuses articles over 10 MB by default, `--max-bytes`).
//!
//! # Limitations
//!
//! It reads English news and press-release prose about leadership changes
//! (appointments, promotions, hires, resignations, retirements, dismissals,
//! departures, reporting lines) said in the usual ways. It does not read
//! other languages, tables or captions; it does not extract career
//! histories told in passing, dates, or changes a reader has to infer.
//!
//! Measured slot F1: 0.903 (precision 0.929, recall 0.879) on a
//! development set of 80 real articles (0.902 on the 40 the first rules
//! were written with, 0.904 on the 40 added later), the same hard-wrapped
//! at 68 columns or with CRLF line ends; recall 0.926 on notes of CEO
//! departures. Text the rules have never seen scores lower: six sets of 6
//! new articles scored before any rule looked at them gave 0.782, 0.804,
//! 0.678, 0.762, 0.774 and 0.814. The crate's own 83 fixture articles
//! (0.909) were written against the rules, so the development set is the
//! fairer figure.

#![warn(missing_docs)]

#[cfg(feature = "eval")]
pub mod eval;
mod extract;
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod jsonl;
mod lexicon;
mod mentions;
mod phrases;
mod record;
mod resolve;
mod rules;
mod segment;
#[doc(hidden)]
pub mod stages;

#[doc(hidden)]
pub use extract::{debug_chunks, ChunkView, SentenceDebug};
pub use extract::{debug_encodings, extract, Extraction, Extractor};
pub use record::{ArticleRecords, Group, Kind, ParseNameError, Record, Role, Span, Status};
pub use resolve::RuleHit;
pub use segment::{
    split_sentences, Sentence, SentenceSplitter, SentenceSplitterBuilder, Sentences,
};

#[cfg(test)]
mod tests {
    fn is_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        is_send_sync::<crate::Extractor>();
        is_send_sync::<crate::Extraction<'static>>();
        is_send_sync::<crate::SentenceSplitter>();
        is_send_sync::<crate::Record>();
        #[cfg(feature = "eval")]
        is_send_sync::<crate::eval::Report>();
    }
}
