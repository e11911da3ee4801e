//! Undecided names that the words around them show to be people.
//!
//! A lexicon of given names is only a hint: most names in the news are in
//! no list. What stands around a name says more: a title right before it
//! ("Vice President Kenta Morioka"), an occupation ("litigator Marte
//! Lien"), an age after it ("Haruki Nishida, 64,"), a relative "who", an
//! appositive title ("Ola Berg, the bank's chief engineer,"), or a title
//! right after a name of two words or more ("named Dee Lamb chief
//! financial officer").

use super::words::lower_in;
use super::{Chunk, ChunkKind};
use crate::lexicon::{is_place, PEOPLE_VOCAB, TITLE_VOCAB};

/// Marks as people the undecided names of `chunks` that their context
/// shows to be people.
pub(super) fn mark_people(chunks: &mut [Chunk<'_>]) {
    for k in 0..chunks.len() {
        if chunks[k].kind == ChunkKind::Name && is_person_by_context(chunks, k) {
            chunks[k].kind = ChunkKind::Person;
        }
    }
}

fn is_person_by_context(chunks: &[Chunk<'_>], k: usize) -> bool {
    let kind = |i: usize| chunks.get(i).map(|c| c.kind);
    let text = |i: usize| chunks.get(i).map_or("", |c| c.text);
    let before = k.checked_sub(1);
    let after_title = before.is_some_and(|p| kind(p) == Some(ChunkKind::Title));
    let after_occupation = before.is_some_and(|p| {
        kind(p) == Some(ChunkKind::Word) && PEOPLE_VOCAB.occupation.contains(text(p))
    });
    let several_words = chunks[k].text.contains(' ');
    // "named Dee Lamb chief financial officer": a title after the name,
    // unless it stands before another name ("Goldman Sachs chief executive
    // Lloyd Blankfein").
    // Nor after a possessor or determiner: "Acme's current Advanced
    // Strategy vice president" names a unit.
    // Nor after "as" or a preposition: "retires as Acme Africa chairman"
    // names the title's organisation.
    let modified = before.is_some_and(|p| {
        let w = text(p);
        matches!(
            w,
            "'s" | "’s" | "as" | "at" | "of" | "from" | "for" | "with"
        ) || is_determiner(w)
            || lower_in(&TITLE_VOCAB.status, w)
    });
    let title_after = several_words
        && !modified
        && kind(k + 1) == Some(ChunkKind::Title)
        && !matches!(kind(k + 2), Some(ChunkKind::Person | ChunkKind::Name));
    let comma_after = text(k + 1) == ",";
    let aged = comma_after && is_age(text(k + 2)) && matches!(text(k + 3), "," | ")" | "");
    // Not the last of a run of names that are no people ("the Ministry of
    // Economy, Trade and Industry, who hired him").
    let after_names = k >= 2
        && text(k - 1) == "and"
        && matches!(kind(k - 2), Some(ChunkKind::Name | ChunkKind::Org));
    let who = comma_after && text(k + 2).eq_ignore_ascii_case("who") && !after_names;
    // ", the bank's chief engineer,", ", its CFO,", ", a former director":
    // a determiner and a possessor at most between the comma and the title.
    let mut t = k + 2;
    if is_determiner(text(t)) {
        t += 1;
    }
    if text(t + 1) == "'s" || text(t + 1) == "’s" {
        t += 2;
    }
    let appositive_title = comma_after && kind(t) == Some(ChunkKind::Title);
    let place = is_place(chunks[k].text);
    // "LG Innotek president", "SK Hynix chief": a name led by an acronym
    // is a company's, however a person's would stand.
    let acronym_led = several_words
        && chunks[k]
            .text
            .split(' ')
            .next()
            .is_some_and(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()));
    !place
        && !acronym_led
        && (after_title || after_occupation || title_after || aged || who || appositive_title)
}

fn is_determiner(word: &str) -> bool {
    ["the", "a", "an", "its", "his", "her", "their", "our"]
        .iter()
        .any(|d| word.eq_ignore_ascii_case(d))
}

/// An adult's age as news gives it after a name: 18 to 99.
fn is_age(word: &str) -> bool {
    word.len() == 2 && word.parse::<u8>().is_ok_and(|n| (18..=99).contains(&n))
}
