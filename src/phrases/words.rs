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

/// The symbols the lexicon says anything of, as written, and the ASCII
/// bytes they start with.
static PHRASE_WORDS: Lazy<(WordMap<&'static str, PhraseWord>, [bool; 128])> = Lazy::new(|| {
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
    let mut first_bytes = [false; 128];
    for word in words.keys() {
        if let Some(&b) = word.as_bytes().first().filter(|b| b.is_ascii()) {
            first_bytes[usize::from(b)] = true;
        }
    }
    (words, first_bytes)
});

/// What the lexicon says of each of `symbols` (`None`: nothing).
pub(crate) fn look_up(symbols: &[&str]) -> Vec<Option<&'static PhraseWord>> {
    let (words, first_bytes) = &*PHRASE_WORDS;
    // Punctuation, numbers and the symbols of names and titles ("P3")
    // start with a byte no listed word starts with: no lookup.
    let listed = |s: &str| {
        s.as_bytes()
            .first()
            .is_none_or(|&b| !b.is_ascii() || first_bytes[usize::from(b)])
    };
    symbols
        .iter()
        .map(|&s| if listed(s) { words.get(s) } else { None })
        .collect()
}
