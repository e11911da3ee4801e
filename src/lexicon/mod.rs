//! Word lists compiled into the crate.
//!
//! Every list lives in a plain text file beside this module and is embedded
//! with `include_str!`, so changing a word never means touching the engine.
//! The files share one format, read by [`entries`]: one entry per line,
//! `#` starts a comment, and a `[name]` line opens a section.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use once_cell::sync::Lazy;

mod gender;
mod tags;
mod verbs;

pub(crate) use gender::{given_name_gender, Gender};
pub(crate) use tags::Tags;
#[allow(unused_imports)]
pub(crate) use verbs::{
    Auxiliary, Form, Grammar, VerbClass, VerbEntry, VerbWord, Verbs, VERBS_LEXICON,
};

const ABBREVIATIONS: &str = include_str!("abbreviations.txt");
const SENTENCE_STARTERS: &str = include_str!("sentence_starters.txt");
const TITLES: &str = include_str!("titles.txt");
const ORGANISATIONS: &str = include_str!("organisations.txt");
const PEOPLE: &str = include_str!("people.txt");
/// Given names from public data (`given_names.txt`, made by
/// `scripts/gen_name_lists.py`); people.txt `[given]` keeps the hand list.
const GIVEN_NAMES: &str = include_str!("given_names.txt");
/// Family names written first (`family_names_first.txt`, made by the same
/// script); people.txt `[surname]` keeps the hand list.
const FAMILY_NAMES_FIRST: &str = include_str!("family_names_first.txt");
const PLACES: &str = include_str!("places.txt");
const FUNCTION_WORDS: &str = include_str!("function_words.txt");
const CALENDAR: &str = include_str!("calendar.txt");
/// `calendar.txt`, for patterns built from its sections.
pub(crate) const CALENDAR_SOURCE: &str = CALENDAR;
/// `furniture.txt`: wire slugs, editors' notes, agencies.
pub(crate) const FURNITURE_SOURCE: &str = include_str!("furniture.txt");
const REFERENCES: &str = include_str!("references.txt");

/// Places that are never the organisation of a change ("China", "Wall Street").
pub(crate) static PLACE_NAMES: Lazy<WordSet<&'static str>> =
    Lazy::new(|| entries(PLACES).map(|(_, w)| w).collect());

/// Whether `name` is a place of `places.txt`, as written or, when it is
/// written in capitals ("SAN FRANCISCO" in a dateline), in title case.
pub(crate) fn is_place(name: &str) -> bool {
    if PLACE_NAMES.contains(name) {
        return true;
    }
    if name.chars().any(char::is_lowercase) || !name.chars().any(char::is_uppercase) {
        return false;
    }
    let mut titled = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        if start {
            titled.push(c);
        } else {
            titled.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    PLACE_NAMES.contains(titled.as_str())
}

/// The hash of the word lists and the resolver's tables: words are looked
/// up for nearly every token, and their keys are short and trusted
/// (compiled in, or the article's own words), so a fast non-keyed hash
/// serves better than SipHash. Eight bytes at a time, each multiplied in
/// (as FxHash does), where FNV-1a took one byte at a time.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHash(u64);

impl WordHash {
    /// An odd constant with well-spread bits (2^64 over the golden ratio).
    const K: u64 = 0x9e37_79b9_7f4a_7c15;

    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for WordHash {
    #[inline]
    fn finish(&self) -> u64 {
        // The table picks buckets by the low bits, which a product mixes
        // least: fold the high ones in.
        self.0 ^ (self.0 >> 32)
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        // The last one to seven bytes in one word, read without a copy of
        // variable length: two overlapping four-byte reads, or the first,
        // middle and last bytes.
        let rest = chunks.remainder();
        let n = rest.len();
        let four = |at: usize| {
            rest.get(at..at + 4)
                .and_then(|b| <[u8; 4]>::try_from(b).ok())
                .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
        };
        let word = match n {
            0 => return,
            1..=3 => {
                u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
            }
            _ => four(0) | four(n - 4) << 32,
        };
        self.add(word ^ (n as u64) << 56);
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

/// A set keyed with [`WordHash`].
pub(crate) type WordSet<T> = HashSet<T, BuildHasherDefault<WordHash>>;
/// A map keyed with [`WordHash`].
pub(crate) type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHash>>;

/// A word in lower case, on the stack when it is short ASCII.
pub(crate) struct Lower {
    buf: [u8; 32],
    len: usize,
    heap: Option<String>,
}

impl Lower {
    pub(crate) fn new(word: &str) -> Self {
        let mut buf = [0u8; 32];
        if word.len() <= buf.len() && word.is_ascii() {
            // One pass, no copy of variable length.
            for (to, from) in buf.iter_mut().zip(word.bytes()) {
                *to = from.to_ascii_lowercase();
            }
            Self {
                buf,
                len: word.len(),
                heap: None,
            }
        } else {
            Self {
                buf,
                len: 0,
                heap: Some(word.to_lowercase()),
            }
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        match &self.heap {
            Some(s) => s,
            // Lower-cased ASCII is valid UTF-8.
            None => std::str::from_utf8(&self.buf[..self.len]).unwrap_or(""),
        }
    }
}

/// Yields `(section, entry)` for every entry line of a data file.
///
/// Entries before the first `[section]` line get the section `""`.
/// Surrounding whitespace is trimmed; blank lines and `#` comments skipped.
pub(crate) fn entries(src: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut section = "";
    src.lines().filter_map(move |line| {
        let line = line.split_once('#').map_or(line, |(keep, _)| keep).trim();
        if line.is_empty() {
            return None;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.trim();
            return None;
        }
        Some((section, line))
    })
}

/// How the period after an abbreviation behaves (see `abbreviations.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbreviationKind {
    /// Stands before a name ("Mr.", "Gen."): never ends a sentence before a word.
    Prefix,
    /// Stands before a number ("No.", "p."): no sentence end before a number.
    Number,
    /// Closes a name ("Inc.", "Jr."): ends a sentence before a capitalised
    /// word that is not a job title.
    Suffix,
    /// Anywhere ("U.S.", "a.m."): ends a sentence only before a word that
    /// usually starts one.
    Ambiguous,
}

impl AbbreviationKind {
    /// Parses a section name of `abbreviations.txt`.
    pub(crate) fn from_section(name: &str) -> Option<Self> {
        match name {
            "prefix" => Some(Self::Prefix),
            "number" => Some(Self::Number),
            "suffix" => Some(Self::Suffix),
            "ambiguous" => Some(Self::Ambiguous),
            _ => None,
        }
    }
}

/// Built-in abbreviations, keyed by their lower-cased form without the final period.
pub(crate) static BUILTIN_ABBREVIATIONS: Lazy<WordMap<Box<str>, AbbreviationKind>> =
    Lazy::new(|| {
        entries(ABBREVIATIONS)
            .filter_map(|(section, word)| {
                let kind = AbbreviationKind::from_section(section)?;
                Some((word.to_lowercase().into_boxed_str(), kind))
            })
            .collect()
    });

/// Words that usually begin a sentence, case-sensitive.
pub(crate) static STARTERS: Lazy<WordSet<&'static str>> =
    Lazy::new(|| section(SENTENCE_STARTERS, "starter"));

/// Words that stay plain words in a Title Case headline (lower-cased):
/// "Acme Names Jane Roe Chief Executive".
pub(crate) static HEADLINE_WORDS: Lazy<WordSet<Box<str>>> =
    Lazy::new(|| lower_section(SENTENCE_STARTERS, "headline"));

/// Grammar words that end no sentence, headline or list item: a line that
/// ends with one was broken inside a sentence.
pub(crate) static NEVER_FINAL: Lazy<WordSet<&'static str>> =
    Lazy::new(|| section(FUNCTION_WORDS, "never_final"));

/// Words that end a lower-case unit after a title ("head of retail at").
pub(crate) static UNIT_STOP_WORDS: Lazy<WordSet<Box<str>>> =
    Lazy::new(|| lower_section(FUNCTION_WORDS, "unit_stop"));

/// Words after which a title word is a verb ("will head", "to lead").
pub(crate) static BEFORE_VERB: Lazy<WordSet<Box<str>>> =
    Lazy::new(|| lower_section(FUNCTION_WORDS, "before_verb"));

/// Words that rank a person among a title's holders ("the first ... coach").
pub(crate) static RANKING_WORDS: Lazy<WordSet<Box<str>>> =
    Lazy::new(|| lower_section(FUNCTION_WORDS, "ranking"));

/// Words after which a title word with "-s" is a present verb ("who heads").
pub(crate) static BEFORE_PRESENT_VERB: Lazy<WordSet<Box<str>>> =
    Lazy::new(|| lower_section(FUNCTION_WORDS, "before_present_verb"));

/// Adverbs that may open an appositive title (", currently head of sales,").
pub(crate) static APPOSITIVE_ADVERBS: Lazy<WordSet<Box<str>>> =
    Lazy::new(|| lower_section(FUNCTION_WORDS, "appositive_adverb"));

/// Prepositions that open a time phrase ("At 5 a.m."), lower-cased.
pub(crate) static TIME_PREPOSITIONS: Lazy<WordSet<Box<str>>> =
    Lazy::new(|| lower_section(FUNCTION_WORDS, "time_preposition"));

/// Words after a comma that introduce the people a title names ("namely").
pub(crate) static NAMES_LIST: Lazy<WordSet<Box<str>>> =
    Lazy::new(|| lower_section(FUNCTION_WORDS, "names_list"));

/// Words that open a subordinate clause ("where", "because").
pub(crate) static SUBORDINATORS: Lazy<WordSet<Box<str>>> =
    Lazy::new(|| lower_section(FUNCTION_WORDS, "subordinator"));

/// Words that open a clause with its own subject ("said", "they").
pub(crate) static CLAUSE_OPENERS: Lazy<WordSet<Box<str>>> =
    Lazy::new(|| lower_section(FUNCTION_WORDS, "clause_opener"));

/// Verbs by which an organisation speaks ("said", "announced").
pub(crate) static SPEECH_VERBS: Lazy<WordSet<Box<str>>> =
    Lazy::new(|| lower_section(FUNCTION_WORDS, "speech_verb"));

/// Pronouns that are only objects ("him"): between a verb and an
/// infinitive, the infinitive's subject.
pub(crate) static OBJECT_PRONOUNS: Lazy<WordSet<Box<str>>> =
    Lazy::new(|| lower_section(FUNCTION_WORDS, "object_pronoun"));

/// Word runs that tell a role was held before, each with a space on both
/// sides for matching whole words in an encoding (" had been ").
pub(crate) static PAST_CUES: Lazy<Vec<String>> =
    Lazy::new(|| spaced_section(FUNCTION_WORDS, "past_cue"));

/// Word runs that announce an event (" will ", " set to "), spaced as
/// [`PAST_CUES`].
pub(crate) static FUTURE_CUES: Lazy<Vec<String>> =
    Lazy::new(|| spaced_section(FUNCTION_WORDS, "future_cue"));

/// Word runs that make a start a stand-in's ("in the interim"), spaced
/// as [`PAST_CUES`].
pub(crate) static STAND_IN_CUES: Lazy<Vec<String>> =
    Lazy::new(|| spaced_section(FUNCTION_WORDS, "stand_in_cue"));

/// Word runs that make a start a role taken beside the one held ("adds
/// the role of"), spaced as [`PAST_CUES`].
pub(crate) static CONCURRENT_CUES: Lazy<Vec<String>> =
    Lazy::new(|| spaced_section(FUNCTION_WORDS, "concurrent_cue"));

/// Word runs that make a start the filling of the latest vacancy ("to
/// fill the vacancy"), spaced as [`PAST_CUES`].
pub(crate) static VACANCY_CUES: Lazy<Vec<String>> =
    Lazy::new(|| spaced_section(FUNCTION_WORDS, "vacancy_cue"));

fn spaced_section(src: &str, name: &str) -> Vec<String> {
    entries(src)
        .filter(|(s, _)| *s == name)
        .map(|(_, w)| format!(" {} ", w.to_lowercase()))
        .collect()
}

/// Months and weekdays, as written: capitalised, but never a name.
pub(crate) static CALENDAR_WORDS: Lazy<WordSet<&'static str>> = Lazy::new(|| {
    entries(CALENDAR)
        .filter(|(s, _)| *s != "dateline_month")
        .map(|(_, w)| w)
        .collect()
});

/// Month abbreviations written with a period ("Dec." of "Dec. 31"), without
/// it: the tokenizer gives the period apart.
pub(crate) static MONTH_ABBREVIATIONS: Lazy<WordSet<&'static str>> = Lazy::new(|| {
    entries(CALENDAR)
        .filter(|(s, _)| *s == "month_abbreviation")
        .map(|(_, w)| w.trim_end_matches('.'))
        .collect()
});

/// Words that refer to something named elsewhere (lower case): a role
/// ("the position": a determiner, then a noun) or the organisation in
/// context ("the company").
pub(crate) struct References {
    pub role_determiner: WordSet<Box<str>>,
    pub role_noun: WordSet<Box<str>>,
    pub org_noun: WordSet<Box<str>>,
}

pub(crate) static REFERENCE_WORDS: Lazy<References> = Lazy::new(|| References {
    role_determiner: lower_section(REFERENCES, "role_determiner"),
    role_noun: lower_section(REFERENCES, "role_noun"),
    org_noun: lower_section(REFERENCES, "org_noun"),
});

/// Finite verbs that often follow the subject of a sentence.
pub(crate) static SUBJECT_VERBS: Lazy<WordSet<&'static str>> =
    Lazy::new(|| section(SENTENCE_STARTERS, "verb"));

fn section(src: &'static str, name: &str) -> WordSet<&'static str> {
    entries(src)
        .filter(|(s, _)| *s == name)
        .map(|(_, w)| w)
        .collect()
}

/// Every word of the title vocabulary, lower-cased.
pub(crate) static TITLE_WORDS: Lazy<WordSet<Box<str>>> = Lazy::new(|| {
    entries(TITLES)
        .map(|(_, w)| w.to_lowercase().into_boxed_str())
        .collect()
});

/// A set of lower-cased words from one section of a data file.
fn lower_section(src: &'static str, name: &str) -> WordSet<Box<str>> {
    entries(src)
        .filter(|(s, _)| *s == name)
        .map(|(_, w)| w.to_lowercase().into_boxed_str())
        .collect()
}

/// Title vocabulary by section (lower-cased): `head`, `modifier`,
/// `abbreviation`, `domain`, `status`.
pub(crate) struct TitleWords {
    pub head: WordSet<Box<str>>,
    pub modifier: WordSet<Box<str>>,
    pub abbreviation: WordSet<Box<str>>,
    pub domain: WordSet<Box<str>>,
    pub status: WordSet<Box<str>>,
    /// Nouns that are titles only after a modifier ("chief engineer").
    pub qualified_head: WordSet<Box<str>>,
    /// Word sequences that end a title after its head ("in chief").
    pub compound_tail: Vec<Vec<Box<str>>>,
    /// Endings after a hyphen that keep a title ("-elect").
    pub hyphen_tail: WordSet<Box<str>>,
    /// Abbreviations and the titles they stand for ("ceo" → "chief
    /// executive officer").
    pub expansion: WordMap<Box<str>, String>,
    /// Heads too vague to be a title alone ("member").
    pub vague: WordSet<Box<str>>,
    /// Heads that are verbs after "will" or "to" ("will head").
    pub verb_like: WordSet<Box<str>>,
    /// Status words for a role taken from now on ("new", "incoming"), in
    /// `status` too.
    pub status_new: WordSet<Box<str>>,
    /// Status words for a role still held ("current"), in `status` too.
    pub status_current: WordSet<Box<str>>,
    /// Status words for a role being left ("outgoing"), in `status` too.
    pub status_leaving: WordSet<Box<str>>,
    /// Words that make a role a stand-in ("interim", "acting").
    pub temporary: WordSet<Box<str>>,
    /// Roles taken on leaving a running one ("chairman", "adviser").
    pub step_aside: WordSet<Box<str>>,
    /// Words of a role that runs the organisation ("chief", "president").
    pub running: WordSet<Box<str>>,
    /// Local-government functions ("city" manager), in `domain` too: the
    /// title's "in <place>" is its organisation.
    pub municipal: WordSet<Box<str>>,
    /// Words of a region after a title's comma ("Central and Eastern").
    pub region_word: WordSet<Box<str>>,
    /// Words before "director" that make it a board seat ("independent").
    pub board_seat: WordSet<Box<str>>,
    /// Every word of the sections above, and the plurals of heads and
    /// abbreviations: a word not in here (and without a hyphen) cannot
    /// start a title, which one lookup tells for most tokens.
    pub any: WordSet<Box<str>>,
}

pub(crate) static TITLE_VOCAB: Lazy<TitleWords> = Lazy::new(|| {
    let head = lower_section(TITLES, "head");
    let modifier = lower_section(TITLES, "modifier");
    let abbreviation = lower_section(TITLES, "abbreviation");
    let municipal = lower_section(TITLES, "municipal");
    let domain: WordSet<Box<str>> = lower_section(TITLES, "domain")
        .into_iter()
        .chain(municipal.iter().cloned())
        .collect();
    let status_new = lower_section(TITLES, "status_new");
    let status_current = lower_section(TITLES, "status_current");
    let status_leaving = lower_section(TITLES, "status_leaving");
    let status: WordSet<Box<str>> = lower_section(TITLES, "status")
        .into_iter()
        .chain(status_new.iter().cloned())
        .chain(status_current.iter().cloned())
        .chain(status_leaving.iter().cloned())
        .collect();
    let plurals = head
        .iter()
        .chain(&abbreviation)
        .map(|w| format!("{w}s").into_boxed_str());
    let any = [&head, &modifier, &abbreviation, &domain, &status]
        .into_iter()
        .flatten()
        .cloned()
        .chain(plurals)
        .collect();
    TitleWords {
        head,
        modifier,
        abbreviation,
        domain,
        status,
        status_new,
        status_current,
        status_leaving,
        qualified_head: lower_section(TITLES, "qualified_head"),
        compound_tail: entries(TITLES)
            .filter(|(s, _)| *s == "compound_tail")
            .map(|(_, w)| {
                w.split_whitespace()
                    .map(|x| x.to_lowercase().into_boxed_str())
                    .collect()
            })
            .collect(),
        hyphen_tail: lower_section(TITLES, "hyphen_tail"),
        expansion: entries(TITLES)
            .filter(|(s, _)| *s == "expansion")
            .filter_map(|(_, line)| {
                let (short, long) = line.split_once(' ')?;
                Some((
                    short.to_lowercase().into_boxed_str(),
                    long.trim().to_lowercase(),
                ))
            })
            .collect(),
        temporary: lower_section(TITLES, "temporary"),
        step_aside: lower_section(TITLES, "step_aside"),
        running: lower_section(TITLES, "running"),
        vague: lower_section(TITLES, "vague"),
        verb_like: lower_section(TITLES, "verb_like"),
        board_seat: lower_section(TITLES, "board_seat"),
        region_word: lower_section(TITLES, "region_word"),
        municipal,
        any,
    }
});

/// Organisation vocabulary by section (lower-cased).
pub(crate) struct OrgWords {
    pub suffix: WordSet<Box<str>>,
    pub cue: WordSet<Box<str>>,
    pub unit: WordSet<Box<str>>,
    pub descriptor: WordSet<Box<str>>,
    /// Endings that make one word a company name ("Biotech").
    pub ending: Vec<Box<str>>,
    /// Endings of a hyphenated describing word ("Seattle-based").
    pub descriptive_suffix: WordSet<Box<str>>,
    /// Words with an ampersand that are no organisation ("R&D").
    pub not_org: WordSet<Box<str>>,
    /// News organisations that report stories (case as written).
    pub news_outlet: WordSet<&'static str>,
    /// A governing body named after its organisation ("the Acme Board").
    pub governing_body: WordSet<Box<str>>,
    /// Last words of a body inside an organisation ("Monetary Policy
    /// Committee"): never the organisation a story is about.
    pub inner_body: WordSet<Box<str>>,
    /// Capitalised words of a department before a title ("Labour
    /// Services Director"): part of the title, no organisation.
    pub department: WordSet<Box<str>>,
    /// First words unrelated organisations share ("General").
    pub common_first_word: WordSet<Box<str>>,
    /// A club's own side named like a unit ("first team"): the club.
    pub whole_side: WordSet<Box<str>>,
}

pub(crate) static ORG_VOCAB: Lazy<OrgWords> = Lazy::new(|| OrgWords {
    suffix: lower_section(ORGANISATIONS, "suffix"),
    cue: lower_section(ORGANISATIONS, "cue"),
    unit: lower_section(ORGANISATIONS, "unit"),
    descriptor: lower_section(ORGANISATIONS, "descriptor"),
    ending: entries(ORGANISATIONS)
        .filter(|(s, _)| *s == "ending")
        .map(|(_, w)| w.to_lowercase().into_boxed_str())
        .collect(),
    descriptive_suffix: lower_section(ORGANISATIONS, "descriptive_suffix"),
    not_org: lower_section(ORGANISATIONS, "not_org"),
    news_outlet: section(ORGANISATIONS, "news_outlet"),
    governing_body: lower_section(ORGANISATIONS, "governing_body"),
    inner_body: lower_section(ORGANISATIONS, "inner_body"),
    department: lower_section(ORGANISATIONS, "department"),
    common_first_word: lower_section(ORGANISATIONS, "common_first_word"),
    whole_side: lower_section(ORGANISATIONS, "whole_side"),
});

/// Person-name vocabulary by section (case as written).
pub(crate) struct PeopleWords {
    pub honorific: WordSet<&'static str>,
    /// Honorifics that stay part of the name ("Sir John Bond").
    pub kept_honorific: WordSet<&'static str>,
    pub given: WordSet<&'static str>,
    pub surname: WordSet<&'static str>,
    pub particle: WordSet<&'static str>,
    pub suffix: WordSet<&'static str>,
    /// Degrees and honours after a name ("M.D.", "OBE").
    pub post_nominal: WordSet<&'static str>,
    /// Lower-case occupation nouns before a name ("litigator").
    pub occupation: WordSet<&'static str>,
    /// Lower-case modifiers before a name ("the retiring").
    pub modifier: WordSet<&'static str>,
    pub demonym: WordSet<&'static str>,
    /// Nouns for documents and schemes ending a name that is no person
    /// ("Release Agreement").
    pub thing: WordSet<&'static str>,
}

pub(crate) static PEOPLE_VOCAB: Lazy<PeopleWords> = Lazy::new(|| PeopleWords {
    honorific: section(PEOPLE, "honorific"),
    kept_honorific: section(PEOPLE, "kept_honorific"),
    given: with_all_of(section(PEOPLE, "given"), GIVEN_NAMES),
    surname: with_all_of(section(PEOPLE, "surname"), FAMILY_NAMES_FIRST),
    particle: section(PEOPLE, "particle"),
    suffix: section(PEOPLE, "suffix"),
    post_nominal: section(PEOPLE, "post_nominal"),
    occupation: section(PEOPLE, "occupation"),
    modifier: section(PEOPLE, "modifier"),
    demonym: section(PEOPLE, "demonym"),
    thing: section(PEOPLE, "thing"),
});

/// `set` with every entry of `src`, whatever its section.
fn with_all_of(mut set: WordSet<&'static str>, src: &'static str) -> WordSet<&'static str> {
    set.extend(entries(src).map(|(_, w)| w));
    set
}

/// Calls `f` with `word` lower-cased ([`Lower`]: on the stack when short
/// ASCII). Lookups happen at every period of the text, so the common case
/// must not allocate.
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    // Most words of running text are lower case already: no copy.
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(word);
    }
    f(Lower::new(word).as_str())
}

/// Whether the lower-cased `word` is in `set`.
#[inline]
pub(crate) fn lower_in(set: &WordSet<Box<str>>, word: &str) -> bool {
    with_lowercase(word, |w| set.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse_into_known_sections() {
        for (section, _) in entries(ABBREVIATIONS) {
            assert!(
                AbbreviationKind::from_section(section).is_some(),
                "unknown section [{section}] in abbreviations.txt"
            );
        }
        assert!(BUILTIN_ABBREVIATIONS.len() > 100);
        assert_eq!(
            BUILTIN_ABBREVIATIONS.get("mr"),
            Some(&AbbreviationKind::Prefix)
        );
        assert_eq!(
            BUILTIN_ABBREVIATIONS.get("u.s"),
            Some(&AbbreviationKind::Ambiguous)
        );
        assert!(STARTERS.contains("The"));
        assert!(TITLE_WORDS.contains("ceo"));
    }

    /// The names `places.txt` says it leaves out: its `# exclude: NAME --`
    /// lines and the comma-separated names of its "Left out by rule" block.
    fn places_left_out() -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut by_rule = false;
        for line in PLACES.lines() {
            if let Some(rest) = line.strip_prefix("# exclude: ") {
                out.extend(rest.split_once(" -- ").map(|(name, _)| name));
            } else if line.starts_with("# Left out by rule") {
                by_rule = true;
            } else if by_rule {
                let Some(body) = line.strip_prefix('#') else {
                    break;
                };
                let names = body.split_once(": ").map_or(body, |(_, n)| n);
                out.extend(names.split(',').map(str::trim).filter(|n| !n.is_empty()));
            }
        }
        out
    }

    #[test]
    fn place_list_covers_every_continent_and_lacks_the_left_out_names() {
        let mut seen = WordSet::default();
        for (section, name) in entries(PLACES) {
            assert!(
                matches!(section, "hand" | "generated"),
                "unknown section [{section}] in places.txt"
            );
            assert!(seen.insert(name), "{name} listed twice in places.txt");
        }
        assert_eq!(PLACE_NAMES.len(), seen.len());
        assert!(PLACE_NAMES.len() > 1000, "{} places", PLACE_NAMES.len());
        let by_continent: [(&str, &[&str]); 7] = [
            ("Africa", &["Nairobi", "Lagos", "Casablanca", "Ivory Coast"]),
            (
                "Asia",
                &["Pune", "Mumbai", "Bombay", "South Korea", "Guangdong"],
            ),
            ("Europe", &["Oslo", "Munich", "Cologne", "Bavaria", "UK"]),
            (
                "North America",
                &["Ohio", "Toronto", "British Columbia", "U.S."],
            ),
            (
                "South America",
                &["Bogota", "São Paulo", "Sao Paulo", "Lima"],
            ),
            ("Oceania", &["Auckland", "New South Wales", "Perth"]),
            ("Antarctica", &[]),
        ];
        let regions = [
            "Middle East",
            "Latin America",
            "Scandinavia",
            "Midwest",
            "Wall Street",
        ];
        let places = by_continent.iter().flat_map(|(c, p)| p.iter().chain([c]));
        for place in places.chain(&regions) {
            assert!(PLACE_NAMES.contains(place), "{place} missing");
        }
        let left_out = places_left_out();
        let words = "Reading Nice Split Orange Mobile Phoenix Victoria Jordan Austin Chad \
                     Charlotte Florence Lincoln Bath Hull Gap";
        for word in words.split_whitespace() {
            assert!(left_out.contains(&word), "{word} not listed as left out");
        }
        assert!(left_out.len() > 50, "{} names left out", left_out.len());
        for name in left_out {
            assert!(!PLACE_NAMES.contains(name), "{name} is left out but listed");
        }
    }

    #[test]
    fn name_lists_load_with_names_of_many_cultures_and_without_common_words() {
        let people = &*PEOPLE_VOCAB;
        assert!(people.given.len() > 10_000, "{}", people.given.len());
        assert!(people.surname.len() > 200, "{}", people.surname.len());
        // English, Spanish, Swedish, Arabic, Indian, Japanese, Korean,
        // Chinese, Akan, Yoruba, Igbo, Zulu and Sotho given names.
        for name in [
            "James", "Lovisa", "José", "Jose", "Faisal", "Abdullah", "Rakesh", "Kenta", "Shohei",
            "Min-jun", "Ji-hoon", "Chia-hao", "Akua", "Abiodun", "Chinedu", "Andile", "Thabo",
            "Kwame",
        ] {
            assert!(people.given.contains(name), "{name} is no given name");
        }
        for name in ["Zhang", "Kim", "Tsai", "Wong", "Nguyen", "Nguyễn"] {
            assert!(people.surname.contains(name), "{name} is no family name");
        }
        // English words, places and firms' first words stay out.
        for word in [
            "Will", "Page", "Chase", "Morgan", "Wells", "Ford", "Dell", "Lincoln", "Jordan",
            "Georgia", "Paris", "Victoria", "Sydney", "Bank", "Price", "Young", "King", "Grant",
            "Apollo", "Said", "Long", "May", "June", "Dean", "General",
        ] {
            assert!(
                !people.given.contains(word),
                "{word} is taken for a given name"
            );
        }
        for word in ["Law", "Man", "Hong", "So"] {
            assert!(
                !people.surname.contains(word),
                "{word} is taken for a family name"
            );
        }
    }

    #[test]
    fn entries_skip_comments_and_track_sections() {
        let got: Vec<_> = entries("# c\na\n[s]\n b # x\n\n").collect();
        assert_eq!(got, vec![("", "a"), ("s", "b")]);
    }

    #[test]
    fn lowercase_helper_handles_long_and_non_ascii_words() {
        assert_eq!(with_lowercase("Inc", str::to_owned), "inc");
        assert_eq!(with_lowercase("N°", str::to_owned), "n°");
        let long = "A".repeat(40);
        assert_eq!(with_lowercase(&long, str::len), 40);
    }
}
