//! What the phrase finders ask the lexicon about a symbol, found with one
//! lookup per symbol: the finders ask about the same words again and
//! again, and a lookup per list would cost more than the finding.

use once_cell::sync::Lazy;

use crate::lexicon::{VerbWord, WordMap, NAMES_LIST, PEOPLE_VOCAB, VERBS_LEXICON};

/// Everything the phrase finders ask the lexicon about one symbol.
#[derive(Debug, Default)]
pub(crate) struct PhraseWord {
    /// What `verbs.txt` says of it, when a verb group may start or go on
    /// with it.
    pub verb: Option<&'static VerbWord>,
    /// A word that introduces named people ("namely").
    pub names_list: bool,
    /// An occupation or modifier that may stand before a name
    /// ("litigator", "veteran").
    pub premodifier: bool,
}

/// The symbols the lexicon says anything of, as written.
static PHRASE_WORDS: Lazy<WordMap<&'static str, PhraseWord>> = Lazy::new(|| {
    let mut words: WordMap<&'static str, PhraseWord> = WordMap::default();
    for (word, verb) in &VERBS_LEXICON.words {
        words.entry(word).or_default().verb = Some(verb);
    }
    for word in NAMES_LIST.iter() {
        words.entry(word).or_default().names_list = true;
    }
    let people = &*PEOPLE_VOCAB;
    for &word in people.occupation.iter().chain(&people.modifier) {
        words.entry(word).or_default().premodifier = true;
    }
    words
});

/// What the lexicon says of each of `symbols` (`None`: nothing).
pub(crate) fn look_up(symbols: &[&str]) -> Vec<Option<&'static PhraseWord>> {
    symbols.iter().map(|&s| PHRASE_WORDS.get(s)).collect()
}
