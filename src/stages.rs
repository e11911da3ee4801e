//! The cascade one stage at a time: what [`Extractor::extract`] chains,
//! exposed for the per-stage benchmarks (`benches/extract.rs`) and for
//! debugging. Hidden from the documentation and not a stable API: use
//! [`Extractor`].
//!
//! ```
//! use newsextract::{split_sentences, stages};
//! let text = "Jane Roe has resigned as chief executive of Acme Corp.";
//! let sentences: Vec<_> = split_sentences(text).collect();
//! let phrased = stages::mentions(text, &sentences);
//! let matched = stages::rules(&phrased);
//! let (records, _hits) = stages::resolve(text, &sentences, &phrased, &matched);
//! assert_eq!(records[0].person.as_deref(), Some("Jane Roe"));
//! ```
//!
//! [`Work`] counts what each stage does (tokens examined, lookups,
//! comparisons), so that a test can tell a stage that grows faster than
//! its input without timing anything.
//!
//! [`Extractor::extract`]: crate::Extractor::extract
//! [`Extractor`]: crate::Extractor

use std::cell::Cell;

use crate::mentions::{self, Mentions};
use crate::phrases::{self, Phrases};
use crate::record::Record;
use crate::resolve::{self, RuleHit, SentenceView};
use crate::rules::{self, Match, RULES};
use crate::segment::Sentence;

/// Stage 2's output: each sentence's people, organisations and titles (the
/// chunk encoding), and its phrases (the clauses the rules read).
#[derive(Clone, Debug)]
pub struct Phrased<'t>(Vec<(Mentions<'t>, Phrases)>);

impl<'t> Phrased<'t> {
    /// Each sentence's chunk encoding (`P0 , T1 , has resigned .`).
    pub fn encodings(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(m, _)| m.encoding.as_str())
    }

    /// Each sentence's clauses as the rules read them, the sentence's own
    /// clause first (`P0 V4/resign/act/perf .`).
    pub fn clauses(&self) -> impl Iterator<Item = Vec<&str>> {
        self.0
            .iter()
            .map(|(_, p)| p.clauses.iter().map(|c| c.encoding.as_str()).collect())
    }

    /// Each sentence's mentions.
    pub(crate) fn sentences(&self) -> impl Iterator<Item = &Mentions<'t>> {
        self.0.iter().map(|(m, _)| m)
    }
}

/// Stage 3's output: each sentence's rule matches.
#[derive(Clone, Debug)]
pub struct RuleMatches(Vec<Vec<Match<'static>>>);

impl RuleMatches {
    /// How many rule matches there are, over all sentences.
    pub fn len(&self) -> usize {
        self.0.iter().map(Vec::len).sum()
    }

    /// Whether no rule matched.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Vec::is_empty)
    }
}

/// Stage 2: tokens, mentions and phrases, sentence by sentence.
pub fn mentions<'t>(text: &'t str, sentences: &[Sentence<'t>]) -> Phrased<'t> {
    Phrased(
        sentences
            .iter()
            .map(|s| {
                // Wire furniture (a dateline, a slug) opening the sentence is
                // no part of it for the later stages.
                let skip = mentions::furniture_len(s.text);
                let mentions =
                    mentions::find(&mentions::tokenize(&s.text[skip..], s.start + skip), text);
                let phrases = phrases::find(&mentions);
                (mentions, phrases)
            })
            .collect(),
    )
}

/// Stage 3: the event and role rules over each sentence's clauses.
pub fn rules(phrased: &Phrased<'_>) -> RuleMatches {
    let phrases: Vec<&Phrases> = phrased.0.iter().map(|(_, p)| p).collect();
    RuleMatches(rules::run(&RULES, &phrases))
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
    phrased: &Phrased<'_>,
    matched: &RuleMatches,
) -> (Vec<Record>, Vec<RuleHit>) {
    let views: Vec<SentenceView<'_, '_>> = sentences
        .iter()
        .zip(&phrased.0)
        .zip(&matched.0)
        .map(|((sentence, (mentions, phrases)), matches)| SentenceView {
            sentence,
            mentions,
            phrases,
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

/// Work counted by the stages that can loop over what they have already
/// seen: elementary steps such as a token examined, a candidate compared or
/// a table looked up. The counts are no timings; what matters is how they
/// grow: for a linear stage, work on an input repeated four times is about
/// four times the work on the input once.
///
/// Counted per thread, so that tests running side by side do not mix
/// their counts; [`Extractor::extract`](crate::Extractor::extract) and the
/// stage functions of this module run on the calling thread.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Work {
    /// Stage 2: tokens examined by the chunker's scans.
    pub mentions: u64,
    /// Stage 3: sentences gated, and bytes of encoding the rules searched.
    pub rules: u64,
    /// Stage 4: lookups, and entries of per-person tables visited.
    pub resolve: u64,
}

impl Work {
    /// The work this thread has done so far.
    pub fn now() -> Self {
        WORK.with(|w| Work {
            mentions: w[Stage::Mentions as usize].get(),
            rules: w[Stage::Rules as usize].get(),
            resolve: w[Stage::Resolve as usize].get(),
        })
    }

    /// The work done between `earlier` and `self`.
    pub fn since(self, earlier: Work) -> Work {
        Work {
            mentions: self.mentions.wrapping_sub(earlier.mentions),
            rules: self.rules.wrapping_sub(earlier.rules),
            resolve: self.resolve.wrapping_sub(earlier.resolve),
        }
    }
}

/// Runs `f` and returns its result with the work it did on this thread.
pub fn measure<R>(f: impl FnOnce() -> R) -> (R, Work) {
    let before = Work::now();
    let out = f();
    (out, Work::now().since(before))
}

/// A stage whose work is counted.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Stage {
    Mentions = 0,
    Rules = 1,
    Resolve = 2,
}

thread_local! {
    static WORK: [Cell<u64>; 3] = const { [Cell::new(0), Cell::new(0), Cell::new(0)] };
}

/// Counts `steps` of work for `stage` on this thread.
#[inline]
pub(crate) fn tally(stage: Stage, steps: usize) {
    WORK.with(|w| {
        let c = &w[stage as usize];
        c.set(c.get().wrapping_add(steps as u64));
    });
}

/// Steps counted locally and added to [`Work`] once, when dropped: for the
/// inner loops of a stage, where a thread-local update per step would cost
/// more than the step.
pub(crate) struct Steps {
    stage: Stage,
    steps: usize,
}

impl Steps {
    /// Starts counting steps of `stage`.
    pub(crate) fn new(stage: Stage) -> Self {
        Self { stage, steps: 0 }
    }

    /// Counts one step.
    #[inline]
    pub(crate) fn step(&mut self) {
        self.steps += 1;
    }

    /// Counts `n` steps.
    #[inline]
    pub(crate) fn add(&mut self, n: usize) {
        self.steps += n;
    }
}

impl Drop for Steps {
    fn drop(&mut self) {
        tally(self.stage, self.steps);
    }
}
