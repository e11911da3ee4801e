//! The article's focus organisation: the one named most often.

use super::*;
use crate::lexicon::{with_lowercase as lower, ORG_VOCAB, REFERENCE_WORDS};

/// Whether `word` is a common noun standing for an organisation ("Board").
fn is_org_anaphor_word(word: &str) -> bool {
    lower(word, |w| REFERENCE_WORDS.org_noun.contains(w))
}

/// The organisations each sentence names, in order, with a weight:
/// organisations owning a title count double; undecided names count only
/// when they are not people, places, datelines in capitals, acronyms in
/// brackets or adjectives ("Chinese tech firm").
/// Undecided names the article capitalises somewhere other than at the
/// start of a sentence.
///
/// A word the article also writes in lower case ("shareholders") is a
/// common noun wherever it is capitalised, so it is left out.
pub(super) fn inner_names<'t>(views: &[SentenceView<'_, 't>]) -> WordSet<&'t str> {
    let names = || {
        views
            .iter()
            .flat_map(|v| v.mentions.chunks.iter().skip(1))
            .filter(|c| c.kind == ChunkKind::Name)
    };
    // Only one-word names can be common nouns; look those up among the
    // article's lower-case words (a few names, not every word, go in a set).
    let mut single: WordSet<String> = names()
        .filter(|c| !c.text.contains(' '))
        .map(|c| c.text.to_lowercase())
        .collect();
    let mut common: WordSet<String> = WordSet::default();
    if !single.is_empty() {
        // The first bytes and lengths of those names: most words have
        // another, and then no lookup is needed.
        let mut firsts = [false; 256];
        let mut lengths = 0u64;
        for name in &single {
            if let Some(&b) = name.as_bytes().first() {
                firsts[usize::from(b)] = true;
            }
            lengths |= 1 << name.len().min(63);
        }
        let may_be_one = |w: &str| {
            w.as_bytes()
                .first()
                .is_some_and(|&b| firsts[usize::from(b)])
                && lengths & 1 << w.len().min(63) != 0
        };
        for c in views.iter().flat_map(|v| v.mentions.chunks.iter()) {
            if c.kind == ChunkKind::Word
                && may_be_one(c.text)
                && c.text.starts_with(char::is_lowercase)
            {
                if let Some(word) = single.take(c.text) {
                    common.insert(word);
                }
            }
        }
    }
    names()
        .filter(|c| c.text.contains(' ') || !with_lowercase(c.text, |w| common.contains(w)))
        .map(|c| c.text)
        .collect()
}

/// A one-word name that a rule reads as the person of an event or role,
/// its subject or the object of its verb (`person_slots`, chunk starts),
/// is no mention of an organisation there ("Rofin is dismissing Braun");
/// one a rule reads as a person's subject
/// somewhere (`subject_names`) is none anywhere in the article: "Holveck
/// is retiring ... Holveck stayed on" names a person twice, not an
/// organisation.
pub(super) fn org_mentions(
    views: &[SentenceView<'_, '_>],
    people: &People,
    inner: &WordSet<&str>,
    person_slots: &WordSet<usize>,
    subject_names: &WordSet<&str>,
) -> Vec<Vec<(String, usize)>> {
    // The initials of the bodies named ("MPC" for "the Monetary Policy
    // Committee"): an acronym of a body is that body.
    let mut body_acronyms: WordSet<String> = WordSet::default();
    // A single capitalised word opening a sentence ("Shareholders said")
    // is an organisation only if the article also capitalises it elsewhere.
    let mut orgs: Vec<Vec<(String, usize)>> = views
        .iter()
        .map(|v| {
            let chunks = &v.mentions.chunks;
            let mut found = Vec::new();
            for (i, c) in chunks.iter().enumerate() {
                let (name, weight) = match c.kind {
                    ChunkKind::Org => (clean_org(c.text), 2),
                    ChunkKind::Title => match c.title.as_ref().and_then(|t| t.org) {
                        Some((s, e)) if e <= c.end && s >= c.start => {
                            let text = &v.sentence.text[s - v.sentence.start..e - v.sentence.start];
                            (clean_org(text), 2)
                        }
                        _ => continue,
                    },
                    ChunkKind::Name => {
                        let lone = !c.text.contains(' ');
                        let lone_opener = lone && !inner.contains(c.text);
                        // "Irani announced he would retire": a name telling
                        // of itself as "he" or "she" is a person.
                        let speaks_of_self = chunks
                            .get(i + 1)
                            .is_some_and(|n| crate::lexicon::SUBJECT_VERBS.contains(n.text))
                            && chunks
                                .get(i + 2)
                                .is_some_and(|n| matches!(n.text, "he" | "she"));
                        if lone_opener
                            || (lone && speaks_of_self)
                            || (lone && person_slots.contains(&c.start))
                            || (lone && subject_names.contains(c.text))
                            || people.resolve(c.text, c.start).is_some()
                            || !plausible_org_name(chunks, i)
                        {
                            continue;
                        }
                        (clean_org(c.text), 1)
                    }
                    _ => continue,
                };
                // Places, news outlets reporting the story, and common nouns
                // for an organisation ("Board", "Company") are no focus.
                let common_noun = name.split(' ').all(|w| {
                    is_org_anaphor_word(w) || matches!(w, "of" | "Directors" | "directors")
                });
                // "the Monetary Policy Committee": a body of the organisation
                // the story is about, not that organisation.
                let body = name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| lower(w, |w| ORG_VOCAB.inner_body.contains(w)));
                if name.chars().filter(|c| c.is_alphanumeric()).count() >= 2
                    && !is_place(name)
                    && !ORG_VOCAB.news_outlet.contains(name)
                    && !common_noun
                    && !body
                {
                    found.push((name.to_owned(), weight));
                }
                if body {
                    body_acronyms.insert(initials(name));
                }
            }
            found
        })
        .collect();
    if !body_acronyms.is_empty() {
        for found in &mut orgs {
            found.retain(|(name, _)| !body_acronyms.contains(name));
        }
    }
    orgs
}

/// The organisation the article is about: the one named most often, the
/// earliest on a tie. Short forms count for the long form they begin
/// ("Saltmarsh" for "Saltmarsh Semiconductor Corp.") and acronyms for the
/// name they abbreviate ("WSU"); the form named most often represents them.
pub(super) fn focus_org(orgs: &[Vec<(String, usize)>]) -> Option<String> {
    // (name, weight, first order), with indexes so that nothing is
    // quadratic in the number of distinct names.
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    let mut index: WordMap<&str, usize> = WordMap::default();
    for (order, (name, weight)) in orgs.iter().flatten().enumerate() {
        match index.get(name.as_str()) {
            Some(&i) => counts[i].1 += weight,
            None => {
                index.insert(name, counts.len());
                counts.push((name, *weight, order));
            }
        }
    }
    // The long forms a name may stand for, looked up in two indexes: by
    // each leading run of words ("Saltmarsh", "Saltmarsh Semiconductor" for
    // "Saltmarsh Semiconductor Corp.") and by initials ("WSU"). Each key
    // keeps the long form named most often (the later one on a tie).
    let mut by_prefix: WordMap<&str, usize> = WordMap::default();
    let mut by_initials: WordMap<String, usize> = WordMap::default();
    let keep_best = |slot: &mut usize, i: usize| {
        if counts[i].1 >= counts[*slot].1 {
            *slot = i;
        }
    };
    for (i, (name, _, _)) in counts.iter().enumerate() {
        let spaces = name
            .match_indices(' ')
            .map(|(at, _)| at)
            .filter(|&at| at > 0);
        for at in spaces.take(MAX_SHORT_FORM_WORDS) {
            keep_best(by_prefix.entry(&name[..at]).or_insert(i), i);
        }
        let letters = initials(name);
        if letters.len() > 1 {
            keep_best(by_initials.entry(letters).or_insert(i), i);
        }
    }
    let group_of = |i: usize| -> usize {
        let name = counts[i].0;
        let prefix_of = by_prefix.get(name).copied();
        let acronym_of = could_be_acronym(name)
            .then(|| by_initials.get(name).copied())
            .flatten();
        // The one named more often; the acronym's long form on a tie.
        [prefix_of, acronym_of]
            .into_iter()
            .flatten()
            .max_by_key(|&o| counts[o].1)
            .unwrap_or(i)
    };
    let groups: Vec<usize> = (0..counts.len()).map(group_of).collect();
    let mut totals = vec![0usize; counts.len()];
    for (i, &g) in groups.iter().enumerate() {
        totals[g] += counts[i].1;
    }
    let best = (0..counts.len()).max_by(|&a, &b| {
        totals[a]
            .cmp(&totals[b])
            .then(counts[b].2.cmp(&counts[a].2))
    })?;
    (0..counts.len())
        .filter(|&i| groups[i] == best)
        .max_by(|&a, &b| {
            counts[a]
                .1
                .cmp(&counts[b].1)
                .then(counts[b].2.cmp(&counts[a].2))
        })
        .map(|i| counts[i].0.to_owned())
}

/// A short form of an organisation's name has at most this many words,
/// which keeps the index of short forms linear in the article's length.
pub(super) const MAX_SHORT_FORM_WORDS: usize = 8;

/// The initials of a name's words, skipping "of", "and", "&", "the".
pub(super) fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| !matches!(*w, "of" | "and" | "&" | "the"))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// "Saltmarsh" of "Saltmarsh Semiconductor Corp.", "WSU" of "Washington
/// State University".
pub(super) fn is_short_form(short: &str, long: &str) -> bool {
    if long.len() > short.len() && long.starts_with(short) && long[short.len()..].starts_with(' ') {
        return true;
    }
    let initials = initials(long);
    could_be_acronym(short) && initials.len() > 1 && initials == short
}

/// Whether `name` is written like an acronym: two or more capital letters.
pub(super) fn could_be_acronym(name: &str) -> bool {
    name.len() >= 2 && name.chars().all(|c| c.is_ascii_uppercase())
}

/// Whether the undecided name at `i` can be an organisation.
pub(super) fn plausible_org_name(chunks: &[crate::mentions::Chunk<'_>], i: usize) -> bool {
    let c = &chunks[i];
    let in_brackets = i > 0 && chunks[i - 1].text == "(";
    let shouting = c.text.len() > 4 && c.text.chars().all(|ch| !ch.is_lowercase());
    // A single word used as an adjective: "Chinese tech firm", "North American".
    let adjective = !c.text.contains(' ')
        && (c.text.ends_with("ese") || c.text.ends_with("an") || c.text.ends_with("ish"))
        && chunks.get(i + 1).is_some_and(|n| {
            n.kind == ChunkKind::Word && n.text.chars().next().is_some_and(char::is_lowercase)
        });
    !(in_brackets || shouting || adjective)
}

/// Whether a sentence opens an item of a bulleted list: a dash, bullet or
/// asterisk and a space first on its line.
pub(super) fn opens_list_item(text: &str, sentence: &Sentence<'_>) -> bool {
    let mut chars = sentence.text.chars();
    let marker = chars.next().is_some_and(is_list_marker);
    marker
        && chars.next().is_some_and(char::is_whitespace)
        && line_opened_by(text, sentence).is_some()
}

/// Whether `c` marks an item of a list: a dash, a bullet or an asterisk.
pub(super) fn is_list_marker(c: char) -> bool {
    matches!(c, '-' | '•' | '*' | '–' | '—' | '▪' | '●')
}

/// Where the line starts that `sentence` opens (only spaces before it on
/// the line), or `None` when the sentence does not open its line.
fn line_opened_by(text: &str, sentence: &Sentence<'_>) -> Option<usize> {
    let line_start = text[..sentence.start].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..sentence.start]
        .trim()
        .is_empty()
        .then_some(line_start)
}

/// The heading of an item of a column headed by names in capitals
/// ("QUILLFIELD CAPITAL — Priya Rao joins ..."), when the sentence opens
/// one: first on its line, a run of capitalised words, then a dash.
fn item_heading<'s>(text: &str, sentence: &Sentence<'s>) -> Option<&'s str> {
    line_opened_by(text, sentence)?;
    let (head, _) = [" — ", " – ", " - "]
        .iter()
        .filter_map(|dash| sentence.text.split_once(dash))
        .min_by_key(|(head, _)| head.len())?;
    let capitals = head.chars().filter(char::is_ascii_uppercase).count() >= 3
        && head.chars().all(|c| {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, ' ' | '&' | '.' | '\'' | '’')
        });
    capitals.then(|| head.trim())
}

/// The focus of each item of a bulleted roundup ("- Ana Ruiz has been
/// named city manager of Pell ...") or of a column headed by names in
/// capitals, which tells one story per item: the
/// item's first byte and the organisation it is about, or none (the
/// article's focus) when it names no organisation or tells no event of its
/// own ("- Ana Ruiz, a former banker;" under "The new directors are:").
/// A paragraph that is no item ends the item before it. Empty when the
/// article is no roundup.
pub(super) fn item_focus(
    text: &str,
    views: &[SentenceView<'_, '_>],
    orgs: &[Vec<(String, usize)>],
) -> Vec<(usize, Option<String>)> {
    // Each item's first sentence and its heading in capitals, if any.
    let items: Vec<(usize, Option<&str>)> = (0..views.len())
        .filter_map(|i| {
            let heading = item_heading(text, views[i].sentence);
            (heading.is_some() || opens_list_item(text, views[i].sentence)).then_some((i, heading))
        })
        .collect();
    if items.len() < MIN_LIST_ITEMS {
        return Vec::new();
    }
    let mut sections = Vec::new();
    for (n, &(first, heading)) in items.iter().enumerate() {
        let next_item = items.get(n + 1).map_or(views.len(), |&(i, _)| i);
        let end = (first + 1..next_item)
            .find(|&i| starts_paragraph(text, views[i].sentence))
            .unwrap_or(next_item);
        let tells = views[first..end].iter().any(|v| !v.matches.is_empty());
        // A heading in capitals names what the item is about.
        let focus = tells
            .then(|| {
                heading
                    .map(str::to_owned)
                    .or_else(|| focus_org(&orgs[first..end]))
            })
            .flatten();
        sections.push((views[first].sentence.start, focus));
        if end < next_item {
            sections.push((views[end].sentence.start, None));
        }
    }
    sections
}

/// Whether a sentence opens a paragraph: first on its line, after a blank
/// line or on an indented line (as hard-wrapped feeds start paragraphs).
fn starts_paragraph(text: &str, sentence: &Sentence<'_>) -> bool {
    let Some(line_start) = line_opened_by(text, sentence) else {
        return false;
    };
    let before = &text[..sentence.start];
    let indented = line_start < sentence.start;
    let after_blank = before[..line_start.saturating_sub(1)]
        .rsplit('\n')
        .next()
        .is_some_and(|previous| previous.trim().is_empty());
    line_start == 0 || indented || after_blank
}

/// A list of fewer items is no roundup.
const MIN_LIST_ITEMS: usize = 3;
