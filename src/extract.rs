//! The whole cascade behind one call: [`Extractor::extract`].

use crate::mentions;
use crate::record::Record;
use crate::resolve::RuleHit;
use crate::segment::{Normalised, Sentence, SentenceSplitter};
use crate::stages;

/// Extracts leadership changes from articles.
///
/// Build one with [`Extractor::new`] and share it: it is cheap to clone,
/// `Send + Sync`, and its rules are compiled once per process.
///
/// ```
/// let extractor = newsextract::Extractor::new();
/// let out = extractor.extract(
///     "Acme Corp. said Jane Roe, its chief financial officer, has resigned. \
///      John Smith, vice president of finance, will take over the position.",
/// );
/// let people: Vec<_> = out.records.iter().filter_map(|r| r.person.as_deref()).collect();
/// assert_eq!(people, ["Jane Roe", "John Smith"]);
/// assert_eq!(out.records[1].predecessor.as_deref(), Some("Jane Roe"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Extractor {
    splitter: SentenceSplitter,
}

/// What [`Extractor::extract`] found in one article. Serialises to
/// `{"sentences", "records", "hits"}`; more fields may come.
#[derive(Clone, Debug, serde::Serialize)]
#[non_exhaustive]
pub struct Extraction<'t> {
    /// The article's sentences.
    pub sentences: Vec<Sentence<'t>>,
    /// One record per person and change, in text order.
    pub records: Vec<Record>,
    /// Every rule that matched, in text order, including matches cancelled
    /// by a hedge: the debugging view of why a record was (not) made.
    pub hits: Vec<RuleHit>,
}

impl Extractor {
    /// An extractor with the built-in rules and the default sentence splitter.
    pub fn new() -> Self {
        Self::default()
    }

    /// An extractor that splits sentences with `splitter` (for example one
    /// that joins lines of text cut out of a PDF).
    ///
    /// ```
    /// use newsextract::{Extractor, SentenceSplitter};
    /// let pdf = SentenceSplitter::builder().newline_ends_sentence(false).build();
    /// let extractor = Extractor::with_splitter(pdf);
    /// let out = extractor.extract("Jane Roe has\nresigned as chief executive of Acme Corp.");
    /// assert_eq!(out.records.len(), 1);
    /// ```
    pub fn with_splitter(splitter: SentenceSplitter) -> Self {
        Self { splitter }
    }

    /// Finds every leadership change in `text`. Never fails and never
    /// panics: text with no change gives no records.
    pub fn extract<'t>(&self, text: &'t str) -> Extraction<'t> {
        let sentences: Vec<Sentence<'t>> = self.splitter.split(text).collect();
        let normalised = Normalised::of(text, &sentences);
        let clean = normalised.sentences();
        let phrased = stages::mentions(normalised.text(), &clean);
        let matched = stages::rules(&phrased);
        let (mut records, mut hits) =
            stages::resolve(normalised.text(), &clean, &phrased, &matched);
        for span in records.iter_mut().flat_map(|r| r.evidence.iter_mut()) {
            *span = normalised.to_original(*span);
        }
        for hit in &mut hits {
            hit.span = normalised.to_original(hit.span);
        }
        Extraction {
            sentences,
            records,
            hits,
        }
    }

    /// Extracts the records of many articles: `result[i]` holds the records
    /// of `texts[i]`, exactly what `self.extract(&texts[i]).records` gives.
    ///
    /// With the `parallel` feature the articles are spread over all cores
    /// (rayon's global thread pool, or the pool this is called from inside
    /// `ThreadPool::install`); without it they are processed one after the
    /// other on the calling thread. The order of the results is the order of
    /// the input either way.
    ///
    /// For a corpus too large to hold in memory, call it on one chunk at a
    /// time: each chunk is a batch, and memory stays that of one chunk.
    ///
    /// ```
    /// let extractor = newsextract::Extractor::new();
    /// let texts = [
    ///     "Jane Roe was named chief executive of Acme Corp. on Monday.",
    ///     "Shares of Acme Corp. rose 3% on Monday.",
    ///     "John Smith has resigned as chief financial officer of Corvel Inc.",
    /// ];
    /// let records = extractor.extract_batch(&texts);
    /// assert_eq!(records.len(), 3);
    /// assert_eq!(records[0][0].person.as_deref(), Some("Jane Roe"));
    /// assert!(records[1].is_empty());
    /// assert_eq!(records[2][0].person.as_deref(), Some("John Smith"));
    ///
    /// // A large corpus, one chunk of 100 articles at a time.
    /// let corpus: Vec<String> = std::iter::repeat(texts[0].to_owned()).take(250).collect();
    /// let mut found = 0;
    /// for chunk in corpus.chunks(100) {
    ///     found += extractor.extract_batch(chunk).iter().map(Vec::len).sum::<usize>();
    /// }
    /// assert_eq!(found, 250);
    /// ```
    pub fn extract_batch<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Vec<Record>> {
        self.extract_batch_with(texts, |_, extraction| extraction.records)
    }

    /// Runs `f` on the [`Extraction`] of each article and returns what it
    /// gives, in input order: `result[i] = f(i, self.extract(&texts[i]))`.
    /// Use it to keep more than the records (the rule hits, the sentences)
    /// or to turn each article into its output right away, in parallel.
    /// Parallel with the `parallel` feature, as for
    /// [`extract_batch`](Self::extract_batch).
    ///
    /// ```
    /// let extractor = newsextract::Extractor::new();
    /// let texts = vec![
    ///     "Jane Roe resigned as chief executive of Acme Corp. on Friday.".to_owned(),
    ///     "No change here. Just a second sentence.".to_owned(),
    /// ];
    /// let lines = extractor.extract_batch_with(&texts, |i, out| {
    ///     format!("{i}: {} sentences, {} records", out.sentences.len(), out.records.len())
    /// });
    /// assert_eq!(lines, ["0: 1 sentences, 1 records", "1: 2 sentences, 0 records"]);
    /// ```
    pub fn extract_batch_with<S, T, F>(&self, texts: &[S], f: F) -> Vec<T>
    where
        S: AsRef<str> + Sync,
        T: Send,
        F: Fn(usize, Extraction<'_>) -> T + Sync + Send,
    {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            texts
                .par_iter()
                .enumerate()
                .map(|(i, text)| f(i, self.extract(text.as_ref())))
                .collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            texts
                .iter()
                .enumerate()
                .map(|(i, text)| f(i, self.extract(text.as_ref())))
                .collect()
        }
    }
}

/// Extracts leadership changes with a default [`Extractor`].
///
/// ```
/// let out = newsextract::extract("Jane Roe was named chief executive of Acme Corp. on Monday.");
/// let r = &out.records[0];
/// assert_eq!(r.person.as_deref(), Some("Jane Roe"));
/// assert_eq!(r.new_role.as_ref().and_then(|x| x.title.as_deref()), Some("chief executive"));
/// ```
pub fn extract(text: &str) -> Extraction<'_> {
    static DEFAULT: std::sync::LazyLock<Extractor> = std::sync::LazyLock::new(Extractor::new);
    DEFAULT.extract(text)
}

/// Each sentence of `text` as the event rules see it: its clauses (the
/// sentence, then each relative clause) in the phrase encoding, then its
/// chunks written as
/// `P0` (person), `O1` (organisation), `N2` (undecided name), `T3`
/// (title), `R4` ("the position") and other words in lower case, followed
/// by the chunks' texts. For debugging rules; the format may change.
#[doc(hidden)]
pub fn debug_encodings(text: &str) -> Vec<String> {
    let sentences: Vec<Sentence<'_>> = crate::segment::split_sentences(text).collect();
    let normalised = Normalised::of(text, &sentences);
    let phrased = stages::mentions(normalised.text(), &normalised.sentences());
    phrased
        .sentences()
        .zip(phrased.clauses())
        .map(|(m, clauses)| {
            let mut line = clauses.join("\n  | ");
            line.push_str(&format!("\n  chunks: {}", m.encoding));
            for (i, c) in m.chunks.iter().enumerate() {
                if c.kind != mentions::ChunkKind::Word {
                    line.push_str(&format!("\n    {i}: {:?} {:?}", c.kind, c.text));
                }
            }
            line
        })
        .collect()
}

/// One chunk of a sentence as the debugging views show it.
#[doc(hidden)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChunkView {
    /// The chunk's symbol in the encoding (`P0`, `T3`), or its word.
    pub symbol: String,
    /// The chunk's text as a record would show it.
    pub text: String,
    /// For a title: the title proper, without status words or organisation.
    pub title: Option<String>,
    /// For a title: the organisation named with it.
    pub org: Option<String>,
}

/// One sentence as the stages after splitting see it.
#[doc(hidden)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentenceDebug {
    /// The chunk encoding (`P0 , T2 , has resigned .`).
    pub encoding: String,
    /// The chunks, one per symbol of the encoding.
    pub chunks: Vec<ChunkView>,
    /// The clauses the rules read, in the phrase encoding: the sentence
    /// first, then each relative clause.
    pub clauses: Vec<String>,
}

/// Each sentence of `text` as the rules see it: its chunk encoding, its
/// chunks and its clauses. For tests and debugging; the format may change.
#[doc(hidden)]
pub fn debug_chunks(text: &str) -> Vec<SentenceDebug> {
    let sentences: Vec<Sentence<'_>> = crate::segment::split_sentences(text).collect();
    let normalised = Normalised::of(text, &sentences);
    let clean = normalised.text();
    let phrased = stages::mentions(clean, &normalised.sentences());
    phrased
        .sentences()
        .zip(phrased.clauses())
        .map(|(m, clauses)| {
            let symbols = m.symbol_starts.iter().copied().zip(
                m.symbol_starts
                    .iter()
                    .skip(1)
                    .map(|&next| next - 1)
                    .chain([m.encoding.len()]),
            );
            let chunks = m
                .chunks
                .iter()
                .zip(symbols)
                .map(|(c, (from, to))| ChunkView {
                    symbol: m.encoding[from..to].to_owned(),
                    text: c.text.to_owned(),
                    title: c
                        .title
                        .as_ref()
                        .map(|t| clean[t.title.0..t.title.1].to_owned()),
                    org: c
                        .title
                        .as_ref()
                        .and_then(|t| t.org)
                        .map(|(s, e)| clean[s..e].to_owned()),
                })
                .collect();
            SentenceDebug {
                encoding: m.encoding.clone(),
                chunks,
                clauses: clauses.into_iter().map(str::to_owned).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn inputs_that_once_panicked_do_not() {
        for text in [
            "Prof. Émile Roe was named chair.",
            "Mr. Chairman, the board thanks you.",
            "Mr. Chairman",
        ] {
            let out = super::extract(text);
            for s in &out.sentences {
                assert_eq!(&text[s.start..s.end], s.text);
            }
        }
    }
}
