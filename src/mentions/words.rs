//! What single words are to the mention finder: title words,
//! organisation words, words that are never names. The words themselves
//! live in the lexicon files.

use super::Token;
pub(super) use crate::lexicon::lower_in;
use crate::lexicon::{
    with_lowercase, Tags, MONTH_ABBREVIATIONS, ORG_VOCAB, PEOPLE_VOCAB, REFERENCE_WORDS,
    TITLE_VOCAB, UNIT_STOP_WORDS,
};

pub(super) fn honorific_start(tokens: &[Token<'_>], i: usize) -> bool {
    let t = tokens[i].text;
    PEOPLE_VOCAB.honorific.contains(t) || PEOPLE_VOCAB.honorific.contains(t.trim_end_matches('.'))
}

pub(super) fn is_quote(t: &str) -> bool {
    matches!(t, "\"" | "“" | "”")
}

/// Whether token `i` is a month abbreviation with its period ("Dec. 31"),
/// never a name ("Jan Smith" is one).
pub(super) fn is_month_abbreviation_at(tokens: &[Token<'_>], i: usize) -> bool {
    let (Some(t), Some(dot)) = (tokens.get(i), tokens.get(i + 1)) else {
        return false;
    };
    dot.text == "." && dot.start == t.end && MONTH_ABBREVIATIONS.contains(t.text)
}

/// Whether a token can be part of a name: a capitalised word ("Roe"), a
/// word led by digits with a capital in it ("5G", "3M"), or a short
/// lower-case particle glued to a capitalised part ("al-Rashid",
/// "d'Souza", "vanDerhoef"). Never a describing word such as
/// "Seattle-based".
pub(super) fn is_name_word(t: &Token<'_>) -> bool {
    // Most words are plain lower-case words with no capital in them.
    if t.tags.has(Tags::LOWER_CASE_WORD) {
        return false;
    }
    let s = t.text;
    let Some(first) = s.chars().next() else {
        return false;
    };
    // Most words are plain lower-case words with no capital in them.
    if first.is_lowercase() && s.is_ascii() && !s.bytes().any(|b| b.is_ascii_uppercase()) {
        return false;
    }
    if s.contains('-') {
        if let Some((_, tail)) = s.rsplit_once('-') {
            if lower_in(&ORG_VOCAB.descriptive_suffix, tail) {
                return false;
            }
        }
    }
    if first.is_uppercase() {
        return true;
    }
    if first.is_ascii_digit() {
        return s.chars().all(char::is_alphanumeric) && s.chars().any(char::is_uppercase);
    }
    if !first.is_lowercase() {
        return false;
    }
    // "vanDerhoef", "al-Rashid", "d'Souza": a short lower-case particle
    // glued to a capitalised part.
    let prefix = s.chars().take_while(|c| c.is_lowercase()).count();
    let rest: String = s.chars().skip(prefix).collect();
    let rest = rest.trim_start_matches(['-', '\'', '’']);
    prefix <= 3
        && rest.chars().next().is_some_and(char::is_uppercase)
        && rest.chars().skip(1).any(char::is_lowercase)
}

/// Whether the capitalised title word at `i` is a given name instead: a
/// head noun (not a modifier such as "Chief") before a name word that is
/// no title or function word, when it is a known given name or comes
/// right after a comma ("president and chief executive officer, Dean
/// Marsh, said").
pub(super) fn is_given_name_at(tokens: &[Token<'_>], i: usize) -> bool {
    let Some(t) = tokens.get(i) else {
        return false;
    };
    let v = &*TITLE_VOCAB;
    let head_only = with_lowercase(t.text, |w| v.head.contains(w) && !v.modifier.contains(w));
    let surname = tokens.get(i + 1).is_some_and(|n| {
        is_name_word(n) && !n.is_title_word() && !n.is_non_name() && !lower_in(&v.domain, n.text)
    });
    t.is_capitalised()
        && head_only
        && surname
        && (PEOPLE_VOCAB.given.contains(t.text) || (i > 0 && tokens[i - 1].text == ","))
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
        // "Infosystems", "Biotech", "Microsoft": a cue word as an ending
        // (its last byte compared first, which rules out most endings).
        let last = w.as_bytes().last();
        let ends_like_org = || {
            v.ending
                .iter()
                .any(|e| w.len() > e.len() + 2 && e.as_bytes().last() == last && w.ends_with(&**e))
        };
        v.suffix.contains(w) || v.cue.contains(w) || ends_like_org()
    }) || (w.len() != word.len() && with_lowercase(word, |w| v.suffix.contains(w)))
}

/// Whether a name with this word is an organisation because of an
/// ampersand ("Procter & Gamble", "AT&T"), which "R&D" or "M&A" are not.
pub(super) fn is_ampersand_org_word(word: &str) -> bool {
    (word == "&" || word.contains('&')) && !lower_in(&ORG_VOCAB.not_org, word)
}

/// Nouns that stand for the organisation in context ("the company").
pub(super) fn is_org_anaphor(word: &str) -> bool {
    lower_in(&REFERENCE_WORDS.org_noun, word)
}

/// Words that end a lower-case unit phrase.
pub(super) fn is_stop_word(word: &str) -> bool {
    lower_in(&UNIT_STOP_WORDS, word)
}
