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
    /// Stage 2b: chunks the phrase finder reads, and every verb group,
    /// noun group and clause read from its output, whichever stage reads
    /// it (a scan of them per verb or per match shows here).
    pub phrases: u64,
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
            phrases: w[Stage::Phrases as usize].get(),
            rules: w[Stage::Rules as usize].get(),
            resolve: w[Stage::Resolve as usize].get(),
        })
    }

    /// The work done between `earlier` and `self`.
    pub fn since(self, earlier: Work) -> Work {
        Work {
            mentions: self.mentions.wrapping_sub(earlier.mentions),
            phrases: self.phrases.wrapping_sub(earlier.phrases),
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
    Phrases = 3,
}

thread_local! {
    static WORK: [Cell<u64>; 4] = const { [const { Cell::new(0) }; 4] };
}

/// Counts `steps` of work for `stage` on this thread.
#[inline]
pub(crate) fn tally(stage: Stage, steps: usize) {
    tally_index(stage as usize, steps);
}

/// [`tally`] for the stage numbered `stage`.
#[inline]
fn tally_index(stage: usize, steps: usize) {
    WORK.with(|w| {
        let c = &w[stage];
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

/// A list whose every read of an entry counts one step of work for the
/// stage numbered `STAGE` (`Stage as usize`): a scan over it, whoever
/// writes it and wherever, shows up in [`Work`]. Lists that a stage
/// searches per item (verb groups per verb, records per person) are kept
/// in one, so that a scan where a lookup belongs makes the count grow with
/// the square of the input.
#[derive(Clone, Debug)]
pub(crate) struct Counted<T, const STAGE: usize>(Vec<T>);

impl<T, const STAGE: usize> Default for Counted<T, STAGE> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<T, const STAGE: usize> Counted<T, STAGE> {
    /// Appends `value`; returns its index.
    pub fn push(&mut self, value: T) -> usize {
        self.0.push(value);
        self.0.len() - 1
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Entry `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&T> {
        tally_index(STAGE, 1);
        self.0.get(i)
    }

    pub fn last(&self) -> Option<&T> {
        tally_index(STAGE, 1);
        self.0.last()
    }

    /// Every entry in order, each read counted.
    pub fn iter(&self) -> CountedIter<'_, T, STAGE> {
        CountedIter {
            inner: self.0.iter(),
            steps: 0,
        }
    }

    /// Every entry in order, each read counted.
    pub fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut T> {
        self.0.iter_mut().inspect(|_| tally_index(STAGE, 1))
    }

    /// The index of the first entry `pred` rejects, the entries being
    /// those it accepts followed by those it rejects: a binary search,
    /// each entry it reads counted.
    pub fn partition_point(&self, mut pred: impl FnMut(&T) -> bool) -> usize {
        let mut steps = 0;
        let i = self.0.partition_point(|x| {
            steps += 1;
            pred(x)
        });
        tally_index(STAGE, steps);
        i
    }

    /// Sorts the entries by `key` (stable), each comparison counted.
    pub fn sort_by_key<K: Ord>(&mut self, mut key: impl FnMut(&T) -> K) {
        let mut steps = 0;
        self.0.sort_by_key(|x| {
            steps += 1;
            key(x)
        });
        tally_index(STAGE, steps);
    }

    /// The entries, uncounted: for checks in debug builds only.
    pub fn as_slice_uncounted(&self) -> &[T] {
        &self.0
    }

    pub fn into_vec(self) -> Vec<T> {
        self.0
    }
}

impl<T, const STAGE: usize> std::ops::Index<usize> for Counted<T, STAGE> {
    type Output = T;

    fn index(&self, i: usize) -> &T {
        tally_index(STAGE, 1);
        &self.0[i]
    }
}

impl<T, const STAGE: usize> std::ops::IndexMut<usize> for Counted<T, STAGE> {
    fn index_mut(&mut self, i: usize) -> &mut T {
        tally_index(STAGE, 1);
        &mut self.0[i]
    }
}

impl<'a, T, const STAGE: usize> IntoIterator for &'a Counted<T, STAGE> {
    type Item = &'a T;
    type IntoIter = CountedIter<'a, T, STAGE>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The entries of a [`Counted`] list in order, the reads counted when the
/// iterator is dropped (one thread-local update per scan, not per entry).
pub(crate) struct CountedIter<'a, T, const STAGE: usize> {
    inner: std::slice::Iter<'a, T>,
    steps: usize,
}

impl<'a, T, const STAGE: usize> Iterator for CountedIter<'a, T, STAGE> {
    type Item = &'a T;

    #[inline]
    fn next(&mut self) -> Option<&'a T> {
        let x = self.inner.next()?;
        self.steps += 1;
        Some(x)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<T, const STAGE: usize> DoubleEndedIterator for CountedIter<'_, T, STAGE> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        let x = self.inner.next_back()?;
        self.steps += 1;
        Some(x)
    }
}

impl<T, const STAGE: usize> ExactSizeIterator for CountedIter<'_, T, STAGE> {}

impl<T, const STAGE: usize> Drop for CountedIter<'_, T, STAGE> {
    fn drop(&mut self) {
        tally_index(STAGE, self.steps);
    }
}

/// A list of the phrase stage's output, its reads counted as phrase work.
pub(crate) type PhraseList<T> = Counted<T, { Stage::Phrases as usize }>;

/// A list of resolution's tables, its reads counted as resolution work.
pub(crate) type ResolveList<T> = Counted<T, { Stage::Resolve as usize }>;
