//! Stage 2 of the cascade: mentions of people, organisations and titles.
//!
//! A sentence's tokens are grouped into [`Chunk`]s: a run of capitalised
//! words becomes a person, an organisation or an undecided name; a run of
//! title words ("senior vice president of engineering") becomes a title;
//! everything else stays a plain word. The chunks are then written out as a
//! compact *encoding* (`P0 , T1 , has resigned .`) that the event rules of
//! [`crate::rules`] match with regular expressions.

mod context;
mod encoding;
mod furniture;
mod names;
mod owners;
mod titles;
mod tokens;
mod words;

pub(crate) use encoding::push_number;
pub(crate) use furniture::prefix_len as furniture_len;
pub(crate) use tokens::{tokenize, Token};

use crate::lexicon::{Lower, Tags, HEADLINE_WORDS, REFERENCE_WORDS, TITLE_VOCAB};
use crate::stages::{Stage, Steps};
use encoding::encode;
use names::name_at;
use owners::attach_title_orgs;
use titles::{title_at, TitleScan};
use words::lower_in;

/// What a chunk is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ChunkKind {
    /// A person's name ("Dana Whitcombe", "Mr Zhang").
    Person,
    /// An organisation ("Corvel Cloud", "Ford Motor Co").
    Org,
    /// A capitalised name that could be either ("Quorra", "Whitcombe").
    Name,
    /// A job title, maybe with its organisation ("president of Corvel Cloud Asia").
    Title,
    /// A reference to a role named elsewhere ("the position", "the role").
    RoleRef,
    /// Any other token.
    Word,
}

/// When a title was held, from the word before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum Tenure {
    /// No status word.
    #[default]
    Plain,
    /// "former", "ex-", "then", "outgoing", "previous".
    Former,
    /// "new", "incoming".
    New,
}

/// A title chunk's parts, as byte spans into the article.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct TitleInfo {
    /// The title as written, without status words and without a named
    /// organisation ("president").
    pub title: (usize, usize),
    /// The organisation or unit named with the title ("Corvel Cloud Asia").
    pub org: Option<(usize, usize)>,
    /// Whether the organisation is only "its"/"the company's".
    pub org_is_anaphor: bool,
    /// Former, new or plain.
    pub tenure: Tenure,
}

/// A group of tokens with one meaning.
#[derive(Clone, Debug)]
pub(crate) struct Chunk<'t> {
    pub kind: ChunkKind,
    /// First token in the sentence.
    pub first: usize,
    /// Byte range in the article.
    pub start: usize,
    pub end: usize,
    /// The chunk's text as it should appear in a record (honorifics such as
    /// "Mr" removed from names).
    pub text: &'t str,
    /// Set for titles. Boxed: most chunks are plain words, and a long
    /// article holds millions of chunks until resolution.
    pub title: Option<Box<TitleInfo>>,
}

/// A sentence's chunks and their encoding for the rules.
#[derive(Clone, Debug)]
pub(crate) struct Mentions<'t> {
    pub chunks: Vec<Chunk<'t>>,
    /// Space-separated symbols, one per chunk: `P3`, `O1`, `N2`, `T0`,
    /// `R4`, or the lower-cased word.
    pub encoding: String,
    /// Byte offset in `encoding` where each chunk's symbol starts.
    pub symbol_starts: Vec<usize>,
}

/// Finds the mentions of one sentence. `tokens` come from [`tokenize`].
pub(crate) fn find<'t>(tokens: &[Token<'t>], article: &'t str) -> Mentions<'t> {
    // Tokenizing, the headline test, the chunk loop and the encoding each
    // take every token once; the scans below count their own steps.
    Steps::new(Stage::Mentions).add(tokens.len());
    let mut chunks: Vec<Chunk<'t>> = Vec::with_capacity(tokens.len());
    let headline = is_title_case(tokens);
    // A chunk from token `first` whose text is tokens `from..=to`.
    let chunk = |kind, first: usize, from: usize, to: usize, title| Chunk {
        kind,
        first,
        start: tokens[from].start,
        end: tokens[to].end,
        text: &article[tokens[from].start..tokens[to].end],
        title,
    };
    let mut scan = TitleScan::default();
    let mut i = 0;
    while i < tokens.len() {
        // In a Title Case headline, verbs and small words are capitalised
        // too: "Board Elects Helga Marquardt as Chair".
        let (next, c) = if headline && HEADLINE_WORDS.contains(Lower::new(tokens[i].text).as_str())
        {
            (i, chunk(ChunkKind::Word, i, i, i, None))
        } else if let Some((last, info)) = title_at(tokens, i, &mut scan) {
            (
                last,
                chunk(ChunkKind::Title, i, i, last, Some(Box::new(info))),
            )
        } else if let Some(last) = role_ref_at(tokens, i) {
            (last, chunk(ChunkKind::RoleRef, i, i, last, None))
        } else if let Some(name) = name_at(tokens, i, headline) {
            let c = chunk(name.kind, i, name.first_word, name.last_word, None);
            (name.last, c)
        } else {
            (i, chunk(ChunkKind::Word, i, i, i, None))
        };
        chunks.push(c);
        i = next + 1;
    }
    attach_title_orgs(&mut chunks, article);
    context::mark_people(&mut chunks);
    encode(chunks, tokens)
}

/// Whether most words of the sentence are capitalised, as in a headline
/// written in Title Case.
fn is_title_case(tokens: &[Token<'_>]) -> bool {
    let (words, capitalised) = tokens
        .iter()
        .filter(|t| t.is_word())
        .fold((0, 0), |(w, c), t| {
            (w + 1, c + usize::from(t.is_capitalised()))
        });
    words >= 4 && capitalised * 10 >= words * 8
}

/// "the position", "the role", "the post", "the job", "that job".
fn role_ref_at(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    let refs = &*REFERENCE_WORDS;
    if !tokens.get(i)?.tags.has(Tags::ROLE_DETERMINER) {
        return None;
    }
    // "her new job", "his current role".
    let noun = if lower_in(&TITLE_VOCAB.status, tokens.get(i + 1)?.text) {
        i + 2
    } else {
        i + 1
    };
    lower_in(&refs.role_noun, tokens.get(noun)?.text).then_some(noun)
}
