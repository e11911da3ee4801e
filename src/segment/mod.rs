//! Stage 1 of the cascade: sentences.
//!
//! The splitter never copies or changes the text: it finds cut positions and
//! hands out byte ranges. It works in two passes over each *block* (the text
//! between hard line breaks):
//!
//! 1. line structure (`lines.rs`): blank lines always end a sentence; a
//!    single newline does too, unless the text is hard-wrapped (lines of
//!    about one width, broken inside clauses: newswire feeds, e-mail,
//!    plain-text filings) and the line before it was full, or the line
//!    reads on in lower case into a sentence that ends a few lines later,
//!    or the splitter is told to join all lines;
//! 2. punctuation: every `.`, `!`, `?`, ellipsis and CJK full stop is a
//!    candidate; the word before it ([`crate::lexicon`] abbreviations,
//!    initials, numbers) and the word after it decide.
//!
//! Every look-around is bounded by a constant, so the scan is linear in the
//! length of the text whatever it contains.

mod lines;
mod normalise;
mod scan;

pub(crate) use normalise::Normalised;

use std::collections::HashMap;

use once_cell::sync::Lazy;
use serde::Serialize;

use crate::lexicon::AbbreviationKind;

/// One sentence: a slice of the input and its byte offsets.
///
/// `&input[start..end] == text` always holds, and `text` never starts or
/// ends with whitespace.
///
/// ```
/// let text = "Jane Roe resigned. Her deputy takes over.";
/// let second = newsextract::split_sentences(text).nth(1).unwrap();
/// assert_eq!(second.text, "Her deputy takes over.");
/// assert_eq!(&text[second.start..second.end], second.text);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Sentence<'a> {
    /// Byte offset of the first byte of the sentence in the input.
    pub start: usize,
    /// Byte offset one past the last byte of the sentence in the input.
    pub end: usize,
    /// The sentence itself, borrowed from the input.
    pub text: &'a str,
}

/// A configurable sentence splitter for news text.
///
/// Build one with [`SentenceSplitter::new`] (the defaults) or
/// [`SentenceSplitter::builder`], then call [`split`](Self::split) as often
/// as needed, from any number of threads: the splitter is `Send + Sync` and
/// its rules are compiled once per process.
///
/// # Guarantees
///
/// For any input `text`, the sentences returned by `split(text)`
/// - come in text order and never overlap;
/// - start and end on `char` boundaries, with `&text[s.start..s.end] == s.text`;
/// - are trimmed of surrounding whitespace and never empty;
/// - together contain every non-whitespace byte of `text`.
///
/// ```
/// use newsextract::SentenceSplitter;
///
/// let splitter = SentenceSplitter::builder()
///     .abbreviation("Amb")           // "Amb. Jane Roe" is an ambassador
///     .build();
/// let text = "Amb. Jane Roe arrived at 9 a.m. on Monday. She met Mr. Li.";
/// let got: Vec<&str> = splitter.split(text).map(|s| s.text).collect();
/// assert_eq!(got, ["Amb. Jane Roe arrived at 9 a.m. on Monday.", "She met Mr. Li."]);
/// ```
#[derive(Clone, Debug)]
pub struct SentenceSplitter {
    extra_abbreviations: HashMap<Box<str>, AbbreviationKind>,
    newline_ends_sentence: bool,
}

impl Default for SentenceSplitter {
    fn default() -> Self {
        Self::new()
    }
}

impl SentenceSplitter {
    /// A splitter with the built-in abbreviations, where a line break ends a
    /// sentence unless it falls inside one (hard-wrapped text, a sentence
    /// that reads on into the next line).
    pub fn new() -> Self {
        SentenceSplitterBuilder::default().build()
    }

    /// A builder to add abbreviations or change how newlines are read.
    pub fn builder() -> SentenceSplitterBuilder {
        SentenceSplitterBuilder::default()
    }

    /// Splits `text` into sentences.
    ///
    /// ```
    /// let splitter = newsextract::SentenceSplitter::new();
    /// let n = splitter.split("Acme Inc. named a CEO. Shares rose 3.5%.").count();
    /// assert_eq!(n, 2);
    /// ```
    pub fn split<'t>(&self, text: &'t str) -> Sentences<'t> {
        Sentences {
            text,
            cuts: scan::cuts(self, text).into_iter(),
            from: 0,
        }
    }

    fn abbreviation(&self, lowercase: &str) -> Option<AbbreviationKind> {
        self.extra_abbreviations
            .get(lowercase)
            .or_else(|| crate::lexicon::BUILTIN_ABBREVIATIONS.get(lowercase))
            .copied()
    }
}

/// Configures a [`SentenceSplitter`].
///
/// ```
/// use newsextract::SentenceSplitter;
///
/// // Text cut out of a PDF: line breaks fall anywhere inside sentences.
/// let pdf = SentenceSplitter::builder().newline_ends_sentence(false).build();
/// let got: Vec<&str> = pdf.split("This is a sentence\ncut off here.").map(|s| s.text).collect();
/// assert_eq!(got.len(), 1);
/// ```
#[derive(Clone, Debug)]
pub struct SentenceSplitterBuilder {
    extra_abbreviations: HashMap<Box<str>, AbbreviationKind>,
    newline_ends_sentence: bool,
}

impl Default for SentenceSplitterBuilder {
    fn default() -> Self {
        Self {
            extra_abbreviations: HashMap::new(),
            newline_ends_sentence: true,
        }
    }
}

impl SentenceSplitterBuilder {
    /// Adds an abbreviation, written without its final period ("Amb",
    /// "Sgt", "Univ"), that never ends a sentence when a word follows it.
    ///
    /// Case is ignored. Use this for titles and other words that stand
    /// before a name; the built-in list covers common English ones.
    ///
    /// ```
    /// use newsextract::SentenceSplitter;
    /// let text = "The visit of Amb. Lee went well.";
    /// assert_eq!(SentenceSplitter::new().split(text).count(), 2);
    /// let s = SentenceSplitter::builder().abbreviation("Amb.").build();
    /// assert_eq!(s.split(text).count(), 1);
    /// ```
    pub fn abbreviation(mut self, abbreviation: &str) -> Self {
        let key = abbreviation.trim().trim_end_matches('.').to_lowercase();
        if !key.is_empty() {
            self.extra_abbreviations
                .insert(key.into_boxed_str(), AbbreviationKind::Prefix);
        }
        self
    }

    /// Adds several abbreviations at once; see [`abbreviation`](Self::abbreviation).
    ///
    /// ```
    /// let s = newsextract::SentenceSplitter::builder()
    ///     .abbreviations(["Amb", "Cllr"])
    ///     .build();
    /// assert_eq!(s.split("Cllr. Reid met Amb. Lee today.").count(), 1);
    /// ```
    pub fn abbreviations<I, S>(self, abbreviations: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        abbreviations
            .into_iter()
            .fold(self, |b, a| b.abbreviation(a.as_ref()))
    }

    /// Whether a single line break may end a sentence (default `true`).
    ///
    /// With `true`, the splitter reads the text's lines: in hard-wrapped
    /// text (many lines of about one width, broken inside clauses) a line
    /// break after a full line is a space, while a short line (a headline,
    /// a dateline, a paragraph's end), a line before an indented paragraph
    /// and a line before a list item end where they end; in other text, a
    /// line break ends the sentence unless the line reads on in lower case
    /// ("It was a cold\nnight in the city.") into a sentence that ends
    /// within a few lines. Whether a text is hard-wrapped is decided from
    /// all its lines, so a line break may read differently in a longer text.
    ///
    /// With `false`, every single line break is a space; a blank line
    /// still ends a sentence either way.
    ///
    /// ```
    /// use newsextract::split_sentences;
    /// let feed = "    Tarrow Holdings said on Monday that its finance chief, Jane\n\
    ///             Roe, would retire at the end of the year after two decades\n\
    ///             with the company. Tom Li, the treasurer, will stand in while\n\
    ///             a search is held.\n    \
    ///             Shares rose 2 percent in early trading.";
    /// let sentences: Vec<&str> = split_sentences(feed).map(|s| s.text).collect();
    /// assert_eq!(sentences.len(), 3);
    /// assert!(sentences[1].starts_with("Tom Li"));
    /// ```
    pub fn newline_ends_sentence(mut self, yes: bool) -> Self {
        self.newline_ends_sentence = yes;
        self
    }

    /// Builds the splitter.
    ///
    /// ```
    /// let splitter = newsextract::SentenceSplitter::builder().build();
    /// assert_eq!(splitter.split("One. Two.").count(), 2);
    /// ```
    pub fn build(self) -> SentenceSplitter {
        SentenceSplitter {
            extra_abbreviations: self.extra_abbreviations,
            newline_ends_sentence: self.newline_ends_sentence,
        }
    }
}

/// Iterator over the sentences of a text, from [`SentenceSplitter::split`]
/// or [`split_sentences`].
///
/// ```
/// let mut it = newsextract::split_sentences("  First one.\n\nSecond one  ");
/// let first = it.next().unwrap();
/// assert_eq!((first.start, first.end, first.text), (2, 12, "First one."));
/// assert_eq!(it.next().unwrap().text, "Second one");
/// assert!(it.next().is_none());
/// ```
#[derive(Clone, Debug)]
pub struct Sentences<'t> {
    text: &'t str,
    cuts: std::vec::IntoIter<usize>,
    from: usize,
}

impl<'t> Iterator for Sentences<'t> {
    type Item = Sentence<'t>;

    fn next(&mut self) -> Option<Sentence<'t>> {
        for cut in self.cuts.by_ref() {
            let from = std::mem::replace(&mut self.from, cut);
            let piece = &self.text[from..cut];
            let trimmed = piece.trim_start();
            let start = from + (piece.len() - trimmed.len());
            let text = trimmed.trim_end();
            if !text.is_empty() {
                return Some(Sentence {
                    start,
                    end: start + text.len(),
                    text,
                });
            }
        }
        None
    }
}

static DEFAULT_SPLITTER: Lazy<SentenceSplitter> = Lazy::new(SentenceSplitter::new);

/// Splits `text` into sentences with the default [`SentenceSplitter`].
///
/// ```
/// let text = "Dana Whitcombe, president of Corvel Cloud Asia, has resigned. \
///             Hu Jiahao will take over the position.";
/// let sentences: Vec<_> = newsextract::split_sentences(text).collect();
/// assert_eq!(sentences.len(), 2);
/// assert_eq!(sentences[1].text, "Hu Jiahao will take over the position.");
/// assert_eq!(&text[sentences[1].start..sentences[1].end], sentences[1].text);
/// ```
pub fn split_sentences(text: &str) -> Sentences<'_> {
    DEFAULT_SPLITTER.split(text)
}

/// The largest `char` boundary of `text` at or below byte `at`.
pub(crate) fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
