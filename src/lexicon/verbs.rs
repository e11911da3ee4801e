//! The verb lexicon (`verbs.txt`): the grammar words of verb groups and the
//! event verbs by class, with every inflected form the phrase stage looks
//! up.

use once_cell::sync::Lazy;

use super::{entries, WordMap, WordSet};
use crate::record::Kind;

const VERBS: &str = include_str!("verbs.txt");

/// Which form of a verb a word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// "resign": infinitive, imperative, present but third singular.
    Base,
    /// "resigns".
    ThirdPerson,
    /// "resigned" as a simple past ("she resigned").
    Past,
    /// "resigned" after "has" or "was" ("has resigned", "was fired").
    Participle,
    /// "resigning".
    Ing,
}

/// One event class of `verbs.txt`: a name the rules use and the kind of
/// record its verbs imply.
#[derive(Debug)]
pub(crate) struct VerbClass {
    pub name: &'static str,
    pub kind: Kind,
}

/// A verb form found in the text: which class and verb, which form, and
/// the particle words that must follow it ("down" for "step down").
#[derive(Clone, Copy, Debug)]
pub(crate) struct VerbEntry {
    pub class: usize,
    /// The verb's base form with its particle ("step down").
    pub lemma: &'static str,
    pub form: Form,
    pub particle: &'static str,
}

/// What a run of grammar words does in a verb group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Grammar {
    Negation,
    Hedge,
    Future,
    /// "ended up leaving": what came of it, told in the past.
    Outcome,
    HedgeAdverb,
    Adverb,
}

/// Which auxiliary a word is, in the order a verb group tries them: a
/// word in two of the lists is the first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Auxiliary {
    Modal,
    Hypothetical,
    Have,
    Be,
    Do,
}

/// Everything a verb group asks `verbs.txt` about one word, found with one
/// lookup ([`Verbs::words`]) instead of one per list.
#[derive(Debug, Default)]
pub(crate) struct VerbWord {
    /// The grammar phrases starting with the word, longest first, with
    /// what each does.
    pub grammar: Vec<(Vec<&'static str>, Grammar)>,
    /// The auxiliary the word is, if any.
    pub auxiliary: Option<Auxiliary>,
    /// The event verb entries the word may be.
    pub forms: Vec<VerbEntry>,
}

/// The verb lexicon, compiled once.
pub(crate) struct Verbs {
    pub be: WordSet<&'static str>,
    pub have: WordSet<&'static str>,
    pub modal: WordSet<&'static str>,
    pub hypothetical: WordSet<&'static str>,
    pub classes: Vec<VerbClass>,
    /// Every word a verb group may start with (grammar words, auxiliaries,
    /// "to", verb forms) with what it may be: most words are none, which
    /// one lookup tells.
    pub words: WordMap<Box<str>, VerbWord>,
    /// Nouns that tell an event, with the kind each implies.
    pub event_nouns: WordMap<&'static str, Kind>,
    /// Every inflected form of every event verb (its first word), with the
    /// entries it may be.
    pub forms: WordMap<String, Vec<VerbEntry>>,
}

impl Verbs {
    /// The class called `name`.
    pub(crate) fn class(&self, name: &str) -> Option<usize> {
        self.classes.iter().position(|c| c.name == name)
    }
}

/// The verb lexicon.
pub(crate) static VERBS_LEXICON: Lazy<Verbs> =
    Lazy::new(|| parse(VERBS).unwrap_or_else(|e| panic!("built-in verbs.txt is invalid: {e}")));

fn parse(src: &'static str) -> Result<Verbs, String> {
    let words = |name: &str| -> WordSet<&'static str> {
        entries(src)
            .filter(|(s, _)| *s == name)
            .map(|(_, w)| w)
            .collect()
    };
    let phrases = |name: &str| -> Vec<Vec<&'static str>> {
        let mut out: Vec<Vec<&'static str>> = entries(src)
            .filter(|(s, _)| *s == name)
            .map(|(_, w)| w.split_whitespace().collect())
            .collect();
        out.sort_by_key(|p| std::cmp::Reverse(p.len()));
        out
    };
    let mut classes: Vec<VerbClass> = Vec::new();
    let mut forms: WordMap<String, Vec<VerbEntry>> = WordMap::default();
    let mut event_nouns = WordMap::default();
    for (_, entry) in entries(src).filter(|(s, _)| *s == "event_noun") {
        let (noun, kind) = entry
            .split_once(' ')
            .ok_or_else(|| format!("[event_noun]: `{entry}` needs a noun and a kind"))?;
        let kind = Kind::parse(kind.trim())
            .ok_or_else(|| format!("[event_noun]: unknown record kind in `{entry}`"))?;
        event_nouns.insert(noun, kind);
    }
    for (section, entry) in entries(src) {
        let mut head = section.split_whitespace();
        let (Some(name), Some(kind)) = (head.next(), head.next()) else {
            continue; // a grammar-word section
        };
        let class = match classes.iter().position(|c| c.name == name) {
            Some(c) => c,
            None => {
                let kind = Kind::parse(kind)
                    .ok_or_else(|| format!("[{section}]: unknown record kind `{kind}`"))?;
                classes.push(VerbClass { name, kind });
                classes.len() - 1
            }
        };
        for (word, form, lemma, particle) in inflect(entry)? {
            forms.entry(word).or_default().push(VerbEntry {
                class,
                lemma,
                form,
                particle,
            });
        }
    }
    let mut grammar: WordMap<&'static str, Vec<(Vec<&'static str>, Grammar)>> = WordMap::default();
    // In the order a verb group reads them: negation, hedges, futures,
    // hedging adverbs, adverbs.
    for (name, what) in [
        ("negation", Grammar::Negation),
        ("hedge_phrase", Grammar::Hedge),
        ("future_phrase", Grammar::Future),
        ("outcome_phrase", Grammar::Outcome),
        ("hedge_adverb", Grammar::HedgeAdverb),
        ("adverb", Grammar::Adverb),
    ] {
        for phrase in phrases(name) {
            grammar.entry(phrase[0]).or_default().push((phrase, what));
        }
    }
    for list in grammar.values_mut() {
        // Longest first; among equal lengths the order above.
        list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    }
    let mut verb_words: WordMap<Box<str>, VerbWord> = WordMap::default();
    for (word, entries) in &forms {
        verb_words.entry(word.as_str().into()).or_default().forms = entries.clone();
    }
    // The multi-word grammar phrases by their first word.
    for (word, phrases) in grammar {
        verb_words.entry(word.into()).or_default().grammar = phrases;
    }
    // The last list written wins: write them in reverse order of trial.
    for (name, auxiliary) in [
        ("do", Auxiliary::Do),
        ("be", Auxiliary::Be),
        ("have", Auxiliary::Have),
        ("hypothetical", Auxiliary::Hypothetical),
        ("modal", Auxiliary::Modal),
    ] {
        for word in words(name) {
            verb_words.entry(word.into()).or_default().auxiliary = Some(auxiliary);
        }
    }
    verb_words.entry("to".into()).or_default();
    Ok(Verbs {
        words: verb_words,
        be: words("be"),
        have: words("have"),
        modal: words("modal"),
        hypothetical: words("hypothetical"),
        classes,
        event_nouns,
        forms,
    })
}

/// Every form of one entry line ("step down | stepped stepped stepping"):
/// (the word, its form, the lemma, the particle).
fn inflect(entry: &'static str) -> Result<Vec<(String, Form, &'static str, &'static str)>, String> {
    let (lemma, irregular) = match entry.split_once('|') {
        Some((lemma, forms)) => (lemma.trim(), forms.split_whitespace().collect::<Vec<_>>()),
        None => (entry.trim(), Vec::new()),
    };
    let (base, particle) = match lemma.split_once(' ') {
        Some((base, particle)) => (base, particle.trim()),
        None => (lemma, ""),
    };
    if base.is_empty() || irregular.len() > 3 {
        return Err(format!("bad verb entry `{entry}`"));
    }
    let past = irregular
        .first()
        .map_or_else(|| regular_past(base), |p| (*p).to_owned());
    let participle = irregular
        .get(1)
        .map_or_else(|| past.clone(), |p| (*p).to_owned());
    let ing = irregular
        .get(2)
        .map_or_else(|| regular_ing(base), |p| (*p).to_owned());
    Ok(vec![
        (base.to_owned(), Form::Base, lemma, particle),
        (third_person(base), Form::ThirdPerson, lemma, particle),
        (past, Form::Past, lemma, particle),
        (participle, Form::Participle, lemma, particle),
        (ing, Form::Ing, lemma, particle),
    ])
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn third_person(base: &str) -> String {
    let b = base.as_bytes();
    if base.ends_with(['s', 'x', 'z']) || base.ends_with("ch") || base.ends_with("sh") {
        format!("{base}es")
    } else if base.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        format!("{}ies", &base[..base.len() - 1])
    } else {
        format!("{base}s")
    }
}

fn regular_past(base: &str) -> String {
    let b = base.as_bytes();
    if base.ends_with('e') {
        format!("{base}d")
    } else if base.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        format!("{}ied", &base[..base.len() - 1])
    } else {
        format!("{base}ed")
    }
}

fn regular_ing(base: &str) -> String {
    if base.ends_with('e') && !base.ends_with("ee") && base.len() > 2 {
        format!("{}ing", &base[..base.len() - 1])
    } else {
        format!("{base}ing")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms_of(word: &str) -> Vec<(&'static str, &'static str, Form)> {
        VERBS_LEXICON
            .forms
            .get(word)
            .map(|es| {
                es.iter()
                    .map(|e| (VERBS_LEXICON.classes[e.class].name, e.lemma, e.form))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn regular_and_irregular_forms_are_made() {
        assert!(forms_of("resigned").contains(&("resign", "resign", Form::Participle)));
        assert!(forms_of("retiring").contains(&("retire", "retire", Form::Ing)));
        assert!(forms_of("left").contains(&("leave", "leave", Form::Past)));
        assert!(forms_of("quitting").contains(&("resign", "quit", Form::Ing)));
        assert!(forms_of("stepped").contains(&("resign", "step down", Form::Past)));
        assert!(forms_of("taken").contains(&("take_over", "take over", Form::Participle)));
        assert!(forms_of("chose").contains(&("name", "choose", Form::Past)));
        assert!(forms_of("fires").contains(&("fire", "fire", Form::ThirdPerson)));
    }

    #[test]
    fn phrasal_verbs_keep_their_particle() {
        let step = VERBS_LEXICON.forms["steps"]
            .iter()
            .find(|e| e.lemma == "step down")
            .expect("step down");
        assert_eq!(step.particle, "down");
        let helm = VERBS_LEXICON.forms["took"]
            .iter()
            .find(|e| e.lemma == "take the helm")
            .expect("take the helm");
        assert_eq!(helm.particle, "the helm");
    }

    #[test]
    fn every_class_has_a_kind_and_grammar_words_load() {
        assert!(VERBS_LEXICON.classes.len() >= 10);
        assert_eq!(
            VERBS_LEXICON.classes[VERBS_LEXICON.class("retire").unwrap()].kind,
            Kind::Retirement
        );
        assert!(VERBS_LEXICON.be.contains("been"));
        assert!(VERBS_LEXICON.modal.contains("will"));
        assert!(VERBS_LEXICON.words["is"]
            .grammar
            .iter()
            .any(|(p, g)| p == &["is", "set", "to"] && *g == Grammar::Future));
    }
}
