//! The cascade one stage at a time: what [`Extractor::extract`] chains,
//! exposed for the per-stage benchmarks (`benches/extract.rs`) and for
//! debugging. Hidden from the documentation and not a stable API: use
//! [`Extractor`].
//!
//! ```
//! use newsextract::{split_sentences, stages};
//! let text = "Jane Roe has resigned as chief executive of Acme Corp.";
//! let sentences: Vec<_> = split_sentences(text).collect();
//! let found = stages::mentions(text, &sentences);
//! let matched = stages::rules(&found);
//! let (records, _hits) = stages::resolve(text, &sentences, &found, &matched);
//! assert_eq!(records[0].person.as_deref(), Some("Jane Roe"));
//! ```
//!
//! [`Extractor::extract`]: crate::Extractor::extract
//! [`Extractor`]: crate::Extractor

use crate::mentions::{self, Mentions};
use crate::record::Record;
use crate::resolve::{self, RuleHit, SentenceView};
use crate::rules::{self, Match, RULES};
use crate::segment::Sentence;

/// Stage 2's output: each sentence's people, organisations and titles, and
/// the encoding the rules read.
#[derive(Clone, Debug)]
pub struct Found<'t>(Vec<Mentions<'t>>);

impl<'t> Found<'t> {
    /// Each sentence's encoding (`P0 , T1 , has resigned .`).
    pub fn encodings(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|m| m.encoding.as_str())
    }

    /// Each sentence's mentions.
    pub(crate) fn sentences(&self) -> impl Iterator<Item = &Mentions<'t>> {
        self.0.iter()
    }
}

/// Stage 3's output: each sentence's rule matches.
#[derive(Clone, Debug)]
pub struct Matched(Vec<Vec<Match<'static>>>);

impl Matched {
    /// How many rule matches there are, over all sentences.
    pub fn len(&self) -> usize {
        self.0.iter().map(Vec::len).sum()
    }

    /// Whether no rule matched.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Vec::is_empty)
    }
}

/// Stage 2: tokens, then mentions, sentence by sentence.
pub fn mentions<'t>(text: &'t str, sentences: &[Sentence<'t>]) -> Found<'t> {
    Found(
        sentences
            .iter()
            .map(|s| {
                // Wire furniture (a dateline, a slug) opening the sentence is
                // no part of it for the later stages.
                let skip = mentions::furniture_len(s.text);
                mentions::find(&mentions::tokenize(&s.text[skip..], s.start + skip), text)
            })
            .collect(),
    )
}

/// Stage 3: the event and role rules over each sentence's encoding.
pub fn rules(found: &Found<'_>) -> Matched {
    let encodings: Vec<&str> = found.encodings().collect();
    Matched(rules::run(&RULES, &encodings))
}

/// Stage 4: names, pronouns and "the position" resolved across sentences,
/// and the records built; also every rule hit, for debugging.
///
/// This is where records leave the cascade, so this is where their values
/// are made tidy: every string value is trimmed and its inner whitespace
/// runs (line breaks, tabs, no-break spaces) become one space. Evidence
/// spans still point into the original text.
pub fn resolve(
    text: &str,
    sentences: &[Sentence<'_>],
    found: &Found<'_>,
    matched: &Matched,
) -> (Vec<Record>, Vec<RuleHit>) {
    let views: Vec<SentenceView<'_, '_>> = sentences
        .iter()
        .zip(&found.0)
        .zip(&matched.0)
        .map(|((sentence, mentions), matches)| SentenceView {
            sentence,
            mentions,
            matches,
        })
        .collect();
    let mut hits = Vec::new();
    let mut records = resolve::records(text, &views, &mut hits);
    for record in &mut records {
        record.normalize_whitespace();
    }
    (records, hits)
}
