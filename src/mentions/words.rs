//! What single words are to the mention finder: title words,
//! organisation words, words that are never names. The words themselves
//! live in the lexicon files.

use super::Token;
use crate::lexicon::{
    with_lowercase, WordSet, CALENDAR_WORDS, ORG_VOCAB, PEOPLE_VOCAB, REFERENCE_WORDS, STARTERS,
    TITLE_VOCAB, UNIT_STOP_WORDS,
};

pub(super) fn lower_in(set: &WordSet<Box<str>>, word: &str) -> bool {
    with_lowercase(word, |w| set.contains(w))
}

pub(super) fn honorific_start(tokens: &[Token<'_>], i: usize) -> bool {
    let t = tokens[i].text;
    PEOPLE_VOCAB.honorific.contains(t) || PEOPLE_VOCAB.honorific.contains(t.trim_end_matches('.'))
}

pub(super) fn is_quote(t: &str) -> bool {
    matches!(t, "\"" | "“" | "”")
}

/// Capitalised words that never start or make up a name: usual sentence
/// openers and calendar words.
pub(super) fn is_non_name(word: &str) -> bool {
    STARTERS.contains(word) || CALENDAR_WORDS.contains(word)
}

pub(super) fn is_title_word(word: &str) -> bool {
    let v = &*TITLE_VOCAB;
    with_lowercase(word, |w| {
        v.head.contains(w) || v.abbreviation.contains(w) || v.modifier.contains(w)
    })
}

pub(super) fn is_org_word(word: &str) -> bool {
    let v = &*ORG_VOCAB;
    let w = word.trim_end_matches('.');
    with_lowercase(w, |w| {
        v.suffix.contains(w)
            || v.cue.contains(w)
            // "Infosystems", "Biotech", "Microsoft": a cue word as an ending.
            || v.ending.iter().any(|e| w.len() > e.len() + 2 && w.ends_with(&**e))
    }) || with_lowercase(word, |w| v.suffix.contains(w))
}

/// Nouns that stand for the organisation in context ("the company").
pub(super) fn is_org_anaphor(word: &str) -> bool {
    lower_in(&REFERENCE_WORDS.org_noun, word)
}

/// Words that end a lower-case unit phrase.
pub(super) fn is_stop_word(word: &str) -> bool {
    lower_in(&UNIT_STOP_WORDS, word)
}
