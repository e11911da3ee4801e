//! Which word lists a token is in, found with one lookup when the token is
//! made ([`Tags::of`]): the mention finder asks about the same token again
//! and again ("a title word?", "never a name?"), and a lookup per list and
//! per question would cost more than the answers.

use std::borrow::Cow;

use once_cell::sync::Lazy;

use super::{
    with_lowercase, WordMap, CALENDAR_WORDS, PEOPLE_VOCAB, REFERENCE_WORDS, STARTERS, TITLE_VOCAB,
};

/// The word lists a token is in, as bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tags(u8);

impl Tags {
    /// In lower case, a word a title may start with (`titles.txt`, any
    /// section, and plurals of heads and abbreviations).
    pub(crate) const TITLE_START: Tags = Tags(1);
    /// In lower case, a title head, abbreviation or modifier ("chief",
    /// "CFO", "senior").
    pub(crate) const TITLE_WORD: Tags = Tags(1 << 1);
    /// In lower case, a determiner of a role reference ("the", "her").
    pub(crate) const ROLE_DETERMINER: Tags = Tags(1 << 2);
    /// As written, a demonym ("Spaniard").
    pub(crate) const DEMONYM: Tags = Tags(1 << 3);
    /// As written, a usual sentence opener or a calendar word: never a
    /// name.
    pub(crate) const NON_NAME: Tags = Tags(1 << 4);
    /// An ASCII word in lower case ("said", "vice-president"): no capital
    /// anywhere, so never part of a name (no list needed to tell).
    pub(crate) const LOWER_CASE_WORD: Tags = Tags(1 << 5);
    /// In lower case, a word a title part goes on with: a modifier, a
    /// domain, a head that needs a modifier, or a head or abbreviation,
    /// maybe in the plural ("officers", "bosses"). A word with a hyphen
    /// may be a title word without this tag ("co-chief").
    pub(crate) const TITLE_PART: Tags = Tags(1 << 6);

    /// The tags of lists looked up in lower case; the others are looked up
    /// as written.
    const LOWER: u8 =
        Self::TITLE_START.0 | Self::TITLE_WORD.0 | Self::ROLE_DETERMINER.0 | Self::TITLE_PART.0;

    /// Whether every tag of `tags` is set.
    #[inline]
    pub(crate) fn has(self, tags: Tags) -> bool {
        self.0 & tags.0 == tags.0
    }

    /// The tags of `word`.
    pub(crate) fn of(word: &str) -> Tags {
        let bytes = word.as_bytes();
        let lower_case = word.is_ascii() && !bytes.iter().any(u8::is_ascii_uppercase);
        let listed = Self::listed(word, lower_case);
        if lower_case && bytes.first().is_some_and(u8::is_ascii_lowercase) {
            Tags(listed.0 | Self::LOWER_CASE_WORD.0)
        } else {
            listed
        }
    }

    /// The lists `word` is in: one lookup for a word in lower case
    /// (`lower_case`), two otherwise (as written and in lower case), none
    /// for a word whose first byte starts no listed word (most numbers and
    /// punctuation).
    fn listed(word: &str, lower_case: bool) -> Tags {
        let table = &*TABLE;
        if let Some(&b) = word.as_bytes().first().filter(|b| b.is_ascii()) {
            // An ASCII byte stays one byte in lower case.
            let starts = |b: u8| table.first_bytes[usize::from(b)];
            if !starts(b) && !starts(b.to_ascii_lowercase()) {
                return Tags::default();
            }
        }
        let as_written = table.words.get(word).copied().unwrap_or_default();
        if lower_case {
            return as_written;
        }
        let lower = with_lowercase(word, |w| table.words.get(w).copied().unwrap_or_default());
        Tags(as_written.0 & !Self::LOWER | lower.0 & Self::LOWER)
    }
}

/// Every listed word with its tags.
struct Table {
    /// The lower-case lists' words as listed (in lower case), the others as
    /// written.
    words: WordMap<Cow<'static, str>, Tags>,
    /// The ASCII bytes some word of `words` starts with.
    first_bytes: [bool; 128],
}

static TABLE: Lazy<Table> = Lazy::new(|| {
    let mut table: WordMap<Cow<'static, str>, Tags> = WordMap::default();
    let mut tag = |words: &mut dyn Iterator<Item = Cow<'static, str>>, tags: Tags| {
        for word in words {
            table.entry(word).or_default().0 |= tags.0;
        }
    };
    let titles = &*TITLE_VOCAB;
    tag(
        &mut titles.any.iter().map(|w| Cow::Borrowed(&**w)),
        Tags::TITLE_START,
    );
    let title_words = [&titles.head, &titles.abbreviation, &titles.modifier];
    tag(
        &mut title_words
            .into_iter()
            .flatten()
            .map(|w| Cow::Borrowed(&**w)),
        Tags::TITLE_WORD,
    );
    // A head or abbreviation and its plurals, as `titles::is_head` reads
    // them (a stem of more than two letters).
    let heads = [&titles.head, &titles.abbreviation].into_iter().flatten();
    let plurals = heads
        .clone()
        .filter(|w| w.len() > 2)
        .flat_map(|w| [format!("{w}s"), format!("{w}es")])
        .map(Cow::Owned);
    let part_words = [&titles.modifier, &titles.domain, &titles.qualified_head];
    tag(
        &mut heads
            .chain(part_words.into_iter().flatten())
            .map(|w| Cow::Borrowed(&**w))
            .chain(plurals),
        Tags::TITLE_PART,
    );
    let role_determiners = REFERENCE_WORDS.role_determiner.iter();
    tag(
        &mut role_determiners.map(|w| Cow::Borrowed(&**w)),
        Tags::ROLE_DETERMINER,
    );
    let demonyms = PEOPLE_VOCAB.demonym.iter();
    tag(&mut demonyms.map(|&w| Cow::Borrowed(w)), Tags::DEMONYM);
    let non_names = STARTERS.iter().chain(CALENDAR_WORDS.iter());
    tag(&mut non_names.map(|&w| Cow::Borrowed(w)), Tags::NON_NAME);
    let mut first_bytes = [false; 128];
    for word in table.keys() {
        if let Some(&b) = word.as_bytes().first().filter(|b| b.is_ascii()) {
            first_bytes[usize::from(b)] = true;
        }
    }
    Table {
        words: table,
        first_bytes,
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_agree_with_the_lists() {
        let words = "chief Chief CFO cfos officers Directors finance engineer the The her May may \
                     Monday Spaniard However Élodie";
        for word in words.split_whitespace() {
            let tags = Tags::of(word);
            with_lowercase(word, |w| {
                let v = &*TITLE_VOCAB;
                assert_eq!(tags.has(Tags::TITLE_START), v.any.contains(w), "{word}");
                let title_word =
                    v.head.contains(w) || v.abbreviation.contains(w) || v.modifier.contains(w);
                assert_eq!(tags.has(Tags::TITLE_WORD), title_word, "{word}");
                let determiner = REFERENCE_WORDS.role_determiner.contains(w);
                assert_eq!(tags.has(Tags::ROLE_DETERMINER), determiner, "{word}");
                let single = |w: &str| v.head.contains(w) || v.abbreviation.contains(w);
                let plural = [w.strip_suffix("es"), w.strip_suffix('s')]
                    .into_iter()
                    .flatten()
                    .any(|stem| stem.len() > 2 && single(stem));
                let part = [&v.modifier, &v.domain, &v.qualified_head]
                    .iter()
                    .any(|list| list.contains(w));
                let title_part = single(w) || plural || part;
                assert_eq!(tags.has(Tags::TITLE_PART), title_part, "{word}");
            });
            let demonym = PEOPLE_VOCAB.demonym.contains(word);
            assert_eq!(tags.has(Tags::DEMONYM), demonym, "{word}");
            let non_name = STARTERS.contains(word) || CALENDAR_WORDS.contains(word);
            assert_eq!(tags.has(Tags::NON_NAME), non_name, "{word}");
        }
        assert!(Tags::of("Chief").has(Tags::TITLE_WORD));
        assert_eq!(Tags::of("zzyzx"), Tags::LOWER_CASE_WORD);
        assert!(Tags::of("vice-president").has(Tags::LOWER_CASE_WORD));
        for word in ["Zzyzx", "iPhone", "élan", "2024", ",", ""] {
            assert!(!Tags::of(word).has(Tags::LOWER_CASE_WORD), "{word}");
        }
    }
}
