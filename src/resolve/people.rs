//! Who is who: short names and pronouns to full names.

use crate::lexicon::{is_place, WordMap, WordSet, ORG_VOCAB, PEOPLE_VOCAB};
use crate::mentions::{ChunkKind, Mentions};
use crate::stages::{tally, Stage};

use once_cell::sync::Lazy;

/// Every full name the article gives, with where it appears.
#[derive(Debug, Default)]
pub(crate) struct People {
    /// (full name, byte offsets of its mentions)
    names: Vec<(String, Vec<usize>)>,
    /// Index of `names` by full name.
    by_name: WordMap<String, usize>,
    /// Index of `names` by each of their words, so that a lookup never
    /// scans every name (an article may name thousands of people).
    by_word: WordMap<String, Vec<usize>>,
    /// Every mention of a full name as (byte, index into `names`), in text
    /// order.
    mentions: Vec<(usize, usize)>,
}

/// How many full names sharing one word a lookup considers. News articles
/// name a handful of people per surname; a text naming thousands (a table,
/// a word list) would otherwise make every lookup scan all of them.
const MAX_NAMES_PER_WORD: usize = 64;

fn words(name: &str) -> Vec<&str> {
    name.split_whitespace().collect()
}

pub(crate) fn strip_honorific(text: &str) -> &str {
    let mut rest = text.trim();
    // Only a text that starts as some honorific does can lose one.
    let starts = rest
        .as_bytes()
        .first()
        .is_some_and(|&b| HONORIFIC_FIRST_BYTES[usize::from(b)]);
    if !starts {
        return rest;
    }
    // "Ms.Kendle": an honorific written without its space.
    if let Some((first, tail)) = rest.split_once('.') {
        let glued = tail.starts_with(char::is_uppercase)
            && !first.contains(char::is_whitespace)
            && PEOPLE_VOCAB.honorific.contains(first)
            && !PEOPLE_VOCAB.kept_honorific.contains(first);
        if glued {
            rest = tail;
        }
    }
    while let Some((first, tail)) = rest.split_once(char::is_whitespace) {
        let bare = first.trim_end_matches('.');
        if PEOPLE_VOCAB.honorific.contains(first) || PEOPLE_VOCAB.honorific.contains(bare) {
            if PEOPLE_VOCAB.kept_honorific.contains(bare) {
                break;
            }
            rest = tail.trim_start();
        } else {
            break;
        }
    }
    rest
}

/// The bytes an honorific starts with.
static HONORIFIC_FIRST_BYTES: Lazy<[bool; 256]> = Lazy::new(|| {
    let mut bytes = [false; 256];
    for h in &PEOPLE_VOCAB.honorific {
        if let Some(&b) = h.as_bytes().first() {
            bytes[usize::from(b)] = true;
        }
    }
    bytes
});

/// Whether the person named `name` may be called by `pronoun` ("he",
/// "she", "him", "her", "his"): no, when the given name tells the other
/// sex ("Matt Stringer" is no "she"). A surname alone, a name written
/// family name first, or a given name of both sexes tells nothing.
pub(super) fn may_be_called(name: &str, pronoun: &str) -> bool {
    use crate::lexicon::{given_name_gender, Gender};
    let mut words = strip_honorific(name).split_whitespace();
    let (Some(given), Some(_)) = (words.next(), words.next()) else {
        return true;
    };
    !matches!(
        (given_name_gender(given), pronoun),
        (Some(Gender::Male), "she" | "her" | "hers" | "herself")
            | (Some(Gender::Female), "he" | "him" | "his" | "himself")
    )
}

/// Whether a capitalised name ends in a word no person's name ends in: a
/// noun for a document or a scheme ("the Varga Separation Agreement",
/// `people.txt [thing]`), a nationality ("its North American business"),
/// or, after two words or more, a place ("Olam Agri Nigeria").
pub(super) fn names_no_person(name: &str) -> bool {
    let vocab = &*crate::lexicon::PEOPLE_VOCAB;
    let mut words = name.rsplit(' ');
    let last = words.next();
    let long = words.nth(1).is_some();
    last.is_some_and(|w| {
        vocab.thing.contains(w) || vocab.demonym.contains(w) || (long && is_place(w))
    })
}

/// Whether a multi-word undecided name can be a person's name.
fn could_be_person(text: &str) -> bool {
    let ws = words(text);
    !is_place(text)
        && !text.contains('&')
        && !names_no_person(text)
        && ws.len() >= 2
        && ws.len() <= 4
        && ws.iter().all(|w| {
            let lw = w.to_lowercase();
            let org_word =
                ORG_VOCAB.suffix.contains(lw.as_str()) || ORG_VOCAB.cue.contains(lw.as_str());
            let acronym = w.len() > 1 && w.chars().all(|c| c.is_uppercase());
            !(org_word || acronym)
        })
}

impl People {
    /// Collects the full names of every sentence's mentions.
    ///
    /// People are the person chunks, plus the undecided names that some
    /// rule used as a person (`in_person_slots`, texts of names): "Harvey
    /// Schwartz will retire" makes "Harvey Schwartz" a person, while
    /// "Goldman Sachs said" leaves "Goldman Sachs" an organisation. Every
    /// later mention of a known name counts too.
    pub fn collect<'m, 't: 'm>(
        all: impl IntoIterator<Item = &'m Mentions<'t>>,
        in_person_slots: &WordSet<&str>,
    ) -> Self {
        let mut people = People::default();
        let known = |text: &str| in_person_slots.contains(text);
        for m in all {
            for c in &m.chunks {
                let full = match c.kind {
                    ChunkKind::Person => strip_honorific(c.text),
                    // The set lookup first: most names are in no person slot.
                    ChunkKind::Name if known(c.text) && could_be_person(c.text) => c.text,
                    _ => continue,
                };
                if full.split_whitespace().nth(1).is_some() {
                    people.add(full, c.start);
                }
            }
        }
        people
    }

    /// Whether `name` is a full name the article gives for a person.
    pub fn knows(&self, name: &str) -> bool {
        self.by_name.contains_key(name)
    }

    /// The first full name mentioned after byte `at`, if within `reach`
    /// bytes of it: the person a description opening an article stands
    /// for ("The chief executive of Velmont has resigned. Ana Ruiz told
    /// staff ...").
    pub fn first_after(&self, at: usize, reach: usize) -> Option<&str> {
        tally(Stage::Resolve, 1);
        let k = self.mentions.partition_point(|&(pos, _)| pos <= at);
        let &(pos, i) = self.mentions.get(k)?;
        (pos <= at + reach).then(|| self.names[i].0.as_str())
    }

    fn add(&mut self, name: &str, at: usize) {
        let i = self.by_name.get(name).copied().unwrap_or(self.names.len());
        self.mentions.push((at, i));
        match self.by_name.get(name) {
            Some(&i) => self.names[i].1.push(at),
            None => {
                let i = self.names.len();
                self.names.push((name.to_owned(), vec![at]));
                self.by_name.insert(name.to_owned(), i);
                for w in words(name) {
                    let list = self.by_word.entry(w.to_owned()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
    }

    /// Registered names that contain `word`, the first
    /// [`MAX_NAMES_PER_WORD`] of them.
    fn with_word<'a>(&'a self, word: &str) -> impl Iterator<Item = &'a (String, Vec<usize>)> {
        // At most MAX_NAMES_PER_WORD names, a constant: one step.
        tally(Stage::Resolve, 1);
        self.by_word
            .get(word)
            .into_iter()
            .flatten()
            .take(MAX_NAMES_PER_WORD)
            .map(|&i| &self.names[i])
    }

    /// The full name for a mention `text` at byte `at`, if the article has one.
    ///
    /// "Mark Schwartz" becomes "Mark W. Schwartz" when the article has the
    /// longer form; "Whitcombe" becomes "Dana Whitcombe" (surname first) and "Ardley"
    /// "Kevin Ardley" (surname last), choosing the nearest earlier mention,
    /// or the first later one.
    pub fn resolve(&self, text: &str, at: usize) -> Option<String> {
        let text = strip_honorific(text);
        let mut ws = text.split_whitespace();
        let word = ws.next()?;
        if let Some(last) = ws.next_back() {
            // The longest registered name containing these words in order.
            let best = self
                .with_word(last)
                .filter(|(n, _)| contains_in_order(n, text))
                .max_by_key(|(n, _)| n.len())
                .map(|(n, _)| n.clone());
            return Some(best.unwrap_or_else(|| text.to_owned()));
        }
        // The first or last word of a full name; or, in a name of three
        // words, a middle one that is no given name: the first of two
        // surnames ("Riquelme" for "Valentina Riquelme Araya").
        let candidates = self.with_word(word).filter(|(n, _)| {
            let mut nw = n.split_whitespace();
            let first = nw.next();
            let last = nw.next_back();
            first == Some(word)
                || last.or(first) == Some(word)
                || (last.is_some() && nw.any(|w| w == word) && !PEOPLE_VOCAB.given.contains(word))
        });
        let mut before: Option<(usize, &str)> = None;
        let mut after: Option<(usize, &str)> = None;
        for (name, seen) in candidates {
            // Mentions are recorded in text order.
            let k = seen.partition_point(|&pos| pos <= at);
            if let Some(&pos) = k.checked_sub(1).and_then(|k| seen.get(k)) {
                if before.is_none_or(|(p, _)| pos > p) {
                    before = Some((pos, name));
                }
            }
            if let Some(&pos) = seen.get(k) {
                if after.is_none_or(|(p, _)| pos < p) {
                    after = Some((pos, name));
                }
            }
        }
        before.or(after).map(|(_, n)| n.to_owned())
    }
}

/// Whether the words of `needle` are words of `hay`, in order.
/// A particle may be capitalised at the start of a sentence ("De Wit" for
/// "Annelies de Wit").
fn contains_in_order(hay: &str, needle: &str) -> bool {
    let mut it = hay.split_whitespace();
    needle
        .split_whitespace()
        .all(|w| it.any(|h| h.eq_ignore_ascii_case(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(names: &[(&str, usize)]) -> People {
        let mut p = People::default();
        for (n, at) in names {
            p.add(n, *at);
        }
        p
    }

    #[test]
    fn short_names_resolve_to_the_nearest_full_name() {
        let p = people(&[
            ("Dana Whitcombe", 10),
            ("Hu Jiahao", 50),
            ("Sandy Xu", 80),
            ("Xu Jianping", 120),
        ]);
        assert_eq!(
            p.resolve("Whitcombe", 200).as_deref(),
            Some("Dana Whitcombe")
        );
        assert_eq!(p.resolve("Mr Hu", 200).as_deref(), Some("Hu Jiahao"));
        assert_eq!(p.resolve("Xu", 100).as_deref(), Some("Sandy Xu"));
        assert_eq!(p.resolve("Xu", 130).as_deref(), Some("Xu Jianping"));
        assert_eq!(p.resolve("Nobody", 5), None);
    }

    #[test]
    fn shorter_full_names_take_the_longest_form() {
        let p = people(&[("Mark W. Schwartz", 0)]);
        assert_eq!(
            p.resolve("Mark Schwartz", 90).as_deref(),
            Some("Mark W. Schwartz")
        );
        assert_eq!(
            p.resolve("Sir John Bond", 9).as_deref(),
            Some("Sir John Bond")
        );
    }
}
