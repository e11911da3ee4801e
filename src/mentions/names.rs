//! People, organisations and undecided names: runs of capitalised words.

use super::words::{
    honorific_start, is_ampersand_org_word, is_given_name_at, is_month_abbreviation_at,
    is_name_word, is_org_anaphor, is_org_word, is_quote, lower_in,
};
use super::{ChunkKind, Token};
use crate::lexicon::{
    with_lowercase, Lower, HEADLINE_WORDS, ORG_VOCAB, PEOPLE_VOCAB, TITLE_VOCAB, VERBS_LEXICON,
};
use crate::stages::{Stage, Steps};

/// A name found by [`name_at`].
pub(super) struct NameRun {
    /// The last token the name takes up, post-nominals included.
    pub last: usize,
    pub kind: ChunkKind,
    /// The first and last tokens of the name proper: after an honorific
    /// such as "Mr", before ", Ph.D.".
    pub first_word: usize,
    pub last_word: usize,
}

/// A run of capitalised words at `i`.
pub(super) fn name_at(tokens: &[Token<'_>], i: usize, headline: bool) -> Option<NameRun> {
    let people = &*PEOPLE_VOCAB;
    let first = tokens.get(i)?;
    // "May & Baker", "March & Co": a calendar word joined by "&" starts a
    // company's name.
    let joined = tokens.get(i + 1).is_some_and(|t| {
        t.text == "&"
            && tokens
                .get(i + 2)
                .is_some_and(|n| is_name_word(n) && !n.is_non_name())
    });
    if !is_name_word(first)
        || (first.is_non_name() && !joined)
        || is_month_abbreviation_at(tokens, i)
    {
        return None;
    }
    // "Veteran banker Eli Moss": a person's modifier or occupation opening
    // the sentence before a name.
    let describing = i == 0
        && (people.occupation.contains(Lower::new(first.text).as_str())
            || people.modifier.contains(Lower::new(first.text).as_str()))
        && tokens.get(1).is_some_and(|t| t.is_word());
    if describing {
        return None;
    }
    // "Joining the board are ...", "Named to the post was ...": an event
    // verb opening the sentence.
    let opening_verb = i == 0
        && with_lowercase(first.text, |w| VERBS_LEXICON.forms.contains_key(w))
        && !tokens.get(1).is_some_and(is_name_word);
    if opening_verb {
        return None;
    }
    // "Former Vale executive ...": a status word opening the sentence is no
    // part of a name (but "New York" is a name).
    let status = with_lowercase(first.text, |w| w != "new" && TITLE_VOCAB.status.contains(w));
    if status {
        return None;
    }
    // "the Board", "its Bank": a capitalised common noun standing for the
    // organisation in context, not a new name.
    let after_determiner = i > 0 && is_determiner_token(&tokens[i - 1]);
    let named_after = tokens.get(i + 1).is_some_and(is_name_word)
        || (tokens.get(i + 1).is_some_and(|t| t.text == "of")
            && tokens.get(i + 2).is_some_and(is_name_word));
    let alone = !named_after;
    if after_determiner && alone && is_org_anaphor(first.text) {
        return None;
    }
    // "the Acme Board": the board of the name before, a plain word.
    let board_of_name = i > 0 && is_name_word(&tokens[i - 1]) && closes_with_board(tokens, i);
    if board_of_name {
        return None;
    }
    // "Separately, Jane Roe ...": an adverb opening the sentence.
    // Only where an adverb opens a clause, and never a listed name:
    // "reports into Reilly, who", "Kelly, 54,".
    let opens = i == 0 || !tokens[i - 1].is_word();
    if first.text.ends_with("ly")
        && opens
        && tokens.get(i + 1).is_some_and(|n| n.text == ",")
        && !people.given.contains(first.text)
        && !people.surname.contains(first.text)
    {
        return None;
    }
    // "Spaniard Luis Moreno": the nationality is no part of the name; in
    // "British Heart Foundation" it is, as the name ends as an
    // organisation's does.
    let organisation_follows = || {
        tokens[i + 1..]
            .iter()
            .take_while(|t| t.is_capitalised())
            .take(5)
            .any(|t| is_org_word(t.text))
    };
    if people.demonym.contains(first.text)
        && !people.given.contains(first.text)
        && tokens.get(i + 1).is_some_and(Token::is_capitalised)
        && !organisation_follows()
    {
        return None;
    }
    let mut honorific = false;
    let mut name_first = i;
    let stripped = first.text.trim_end_matches('.');
    if people.honorific.contains(first.text) || people.honorific.contains(stripped) {
        let next = tokens.get(i + 1)?;
        // "Mr. Chairman" is a form of address, not a name.
        if !next.is_capitalised() || (next.is_title_word() && !is_org_word(next.text)) {
            return None;
        }
        honorific = true;
        // "Sir John Bond" keeps "Sir"; "Mr Zhang" drops "Mr".
        if !people.kept_honorific.contains(stripped) {
            name_first = i + 1;
        }
    } else if first.is_title_word() && !is_org_word(first.text) && !is_given_name_at(tokens, i) {
        // "General Motors", "Senior Living": a modifier that starts a name.
        let modifier_only = with_lowercase(first.text, |w| {
            TITLE_VOCAB.modifier.contains(w) && !TITLE_VOCAB.head.contains(w)
        });
        let next_is_name = tokens
            .get(i + 1)
            .is_some_and(|n| n.is_capitalised() && !n.is_title_word());
        if !(modifier_only && next_is_name) {
            return None;
        }
    }
    let mut last = i;
    let mut j = i + 1;
    let mut steps = Steps::new(Stage::Mentions);
    // Whether an organisation word is among the tokens before `checked`,
    // read once each however many "of"s the name holds.
    let mut org_word_seen = false;
    let mut checked = i;
    while let Some(t) = tokens.get(j) {
        steps.step();
        let headline_word = headline && HEADLINE_WORDS.contains(Lower::new(t.text).as_str());
        // "the Acme Board": the organisation, then its board.
        let governing_body = j > name_first
            && i > 0
            && is_determiner_token(&tokens[i - 1])
            && closes_with_board(tokens, j);
        let continues = if headline_word || governing_body {
            false
        } else if is_name_word(t) {
            !t.is_non_name() && (!t.is_title_word() || is_org_word(t.text))
        } else if is_quote(t.text) {
            // A nickname in quotes: Margaret "Peggy" Dunleavy.
            let nick = tokens.get(j + 1).is_some_and(|n| n.is_capitalised())
                && tokens.get(j + 2).is_some_and(|q| is_quote(q.text))
                && tokens.get(j + 3).is_some_and(|n| n.is_capitalised());
            if nick {
                last = j + 2;
                j += 3;
                continue;
            }
            false
        } else if t.text.trim_end_matches('.').len() <= 4
            && lower_in(&ORG_VOCAB.suffix, t.text)
            && !honorific_start(tokens, i)
        {
            // "Hollins Marr plc": a short legal form written in lower case.
            last = j;
            break;
        } else if people.particle.contains(t.text) {
            // "Ludwig van Beethoven", "Ana de la Cruz": particles, then a name.
            let mut k = j;
            while k < j + 3
                && tokens
                    .get(k)
                    .is_some_and(|p| people.particle.contains(p.text))
            {
                k += 1;
            }
            if tokens
                .get(k)
                .is_some_and(|n| is_name_word(n) && !n.is_title_word())
            {
                last = k;
                j = k + 1;
                continue;
            }
            false
        } else if t.text == "&" || t.text == "of" {
            // "Simon & Schuster", "Bank of America"
            tokens
                .get(j + 1)
                .is_some_and(|n| is_name_word(n) && !n.is_title_word())
                && (t.text != "of" || {
                    while checked < j && !org_word_seen {
                        steps.step();
                        org_word_seen = is_org_word(tokens[checked].text);
                        checked += 1;
                    }
                    org_word_seen
                })
        } else {
            false
        };
        if !continues {
            break;
        }
        last = j;
        j += 1;
    }
    if name_first > last {
        return None;
    }
    let last_word = last;
    // "Tessler Holdings, Inc.": the legal form after a comma belongs to the
    // name (the record keeps the name without it, as the article's other
    // mentions give it).
    let legal_form = tokens.get(last + 1).is_some_and(|t| t.text == ",")
        && tokens
            .get(last + 2)
            .is_some_and(|t| t.is_capitalised() && lower_in(&ORG_VOCAB.suffix, t.text))
        && !tokens
            .get(last + 3)
            .is_some_and(|t| is_name_word(t) && !t.is_non_name());
    if legal_form {
        return Some(NameRun {
            last: last + 2,
            kind: ChunkKind::Org,
            first_word: name_first,
            last_word: last,
        });
    }
    let words = &tokens[name_first..=last];
    // "Jane Okafor, M.D., Ph.D.": degrees and honours belong to the person.
    let mut end = last;
    while tokens.get(end + 1).is_some_and(|t| t.text == ",")
        && tokens
            .get(end + 2)
            .is_some_and(|t| people.post_nominal.contains(t.text))
    {
        end += 2;
    }
    let honoured = end > last;
    let kind = if honorific || honoured {
        ChunkKind::Person
    } else if words
        .iter()
        .any(|t| is_org_word(t.text) || is_ampersand_org_word(t.text))
    {
        ChunkKind::Org
    } else if words.len() >= 2
        && (people.given.contains(words[0].text)
            || people.surname.contains(words[0].text)
            || words[..words.len() - 1].iter().any(Token::is_initial)
            || people.suffix.contains(words[words.len() - 1].text))
    {
        ChunkKind::Person
    } else {
        ChunkKind::Name
    };
    Some(NameRun {
        last: end,
        kind,
        first_word: name_first,
        last_word,
    })
}

/// Whether token `k` is a governing body that ends a name ("the Acme
/// Board"), not one named in full ("Board of Directors", "Board Street").
fn closes_with_board(tokens: &[Token<'_>], k: usize) -> bool {
    lower_in(&ORG_VOCAB.governing_body, tokens[k].text)
        && !tokens
            .get(k + 1)
            .is_some_and(|n| n.text == "of" || is_name_word(n))
}

/// "the", "its", "their": a determiner before a name.
fn is_determiner_token(token: &Token<'_>) -> bool {
    ["the", "its", "their"]
        .iter()
        .any(|d| token.text.eq_ignore_ascii_case(d))
}
