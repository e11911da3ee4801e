//! Stage 2 of the cascade: mentions of people, organisations and titles.
//!
//! A sentence's tokens are grouped into [`Chunk`]s: a run of capitalised
//! words becomes a person, an organisation or an undecided name; a run of
//! title words ("senior vice president of engineering") becomes a title;
//! everything else stays a plain word. The chunks are then written out as a
//! compact *encoding* (`P0 , T1 , has resigned .`) that the event rules of
//! [`crate::rules`] match with regular expressions.

mod tokens;

pub(crate) use tokens::{tokenize, Token};

use crate::lexicon::{
    with_lowercase, Lower, WordSet, HEADLINE_WORDS, ORG_VOCAB, PEOPLE_VOCAB, STARTERS, TITLE_VOCAB,
};
use crate::stages::{Stage, Steps};

/// What a chunk is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ChunkKind {
    /// A person's name ("Dana Whitcombe", "Mr Zhang").
    Person,
    /// An organisation ("Corvel Cloud", "Ford Motor Co").
    Org,
    /// A capitalised name that could be either ("Quorra", "Whitcombe").
    Name,
    /// A job title, maybe with its organisation ("president of Corvel Cloud Asia").
    Title,
    /// A reference to a role named elsewhere ("the position", "the role").
    RoleRef,
    /// Any other token.
    Word,
}

/// When a title was held, from the word before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum Tense {
    /// No status word.
    #[default]
    Plain,
    /// "former", "ex-", "then", "outgoing", "previous".
    Former,
    /// "new", "incoming".
    New,
}

/// A title chunk's parts, as byte spans into the article.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct TitleInfo {
    /// The title as written, without status words and without a named
    /// organisation ("president").
    pub title: (usize, usize),
    /// The organisation or unit named with the title ("Corvel Cloud Asia").
    pub org: Option<(usize, usize)>,
    /// Whether the organisation is only "its"/"the company's".
    pub org_is_anaphor: bool,
    /// Former, new or plain.
    pub tense: Tense,
}

/// A group of tokens with one meaning.
#[derive(Clone, Debug)]
pub(crate) struct Chunk<'t> {
    pub kind: ChunkKind,
    /// First token in the sentence.
    pub first: usize,
    /// Byte range in the article.
    pub start: usize,
    pub end: usize,
    /// The chunk's text as it should appear in a record (honorifics such as
    /// "Mr" removed from names).
    pub text: &'t str,
    /// Set for titles. Boxed: most chunks are plain words, and a long
    /// article holds millions of chunks until resolution.
    pub title: Option<Box<TitleInfo>>,
}

/// A sentence's chunks and their encoding for the rules.
#[derive(Clone, Debug)]
pub(crate) struct Mentions<'t> {
    pub chunks: Vec<Chunk<'t>>,
    /// Space-separated symbols, one per chunk: `P3`, `O1`, `N2`, `T0`,
    /// `R4`, or the lower-cased word.
    pub encoding: String,
    /// Byte offset in `encoding` where each chunk's symbol starts.
    pub symbol_starts: Vec<usize>,
}

impl<'t> Mentions<'t> {
    /// The chunk whose symbol starts at `offset` of the encoding.
    pub fn chunk_at(&self, offset: usize) -> Option<usize> {
        self.symbol_starts.binary_search(&offset).ok()
    }
}

fn lower_in(set: &WordSet<Box<str>>, word: &str) -> bool {
    with_lowercase(word, |w| set.contains(w))
}

fn honorific_start(tokens: &[Token<'_>], i: usize) -> bool {
    let t = tokens[i].text;
    PEOPLE_VOCAB.honorific.contains(t) || PEOPLE_VOCAB.honorific.contains(t.trim_end_matches('.'))
}

fn is_quote(t: &str) -> bool {
    matches!(t, "\"" | "“" | "”")
}

/// Capitalised words that never start or make up a name.
fn is_non_name(word: &str) -> bool {
    const CALENDAR: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan.",
        "Feb.",
        "Aug.",
        "Sept.",
        "Sep.",
        "Oct.",
        "Nov.",
        "Dec.",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    STARTERS.contains(word) || CALENDAR.contains(&word)
}

fn is_title_word(word: &str) -> bool {
    let v = &*TITLE_VOCAB;
    with_lowercase(word, |w| {
        v.head.contains(w) || v.abbreviation.contains(w) || v.modifier.contains(w)
    })
}

fn is_org_word(word: &str) -> bool {
    let v = &*ORG_VOCAB;
    let w = word.trim_end_matches('.');
    with_lowercase(w, |w| {
        v.suffix.contains(w)
            || v.cue.contains(w)
            // "Infosystems", "Biotech", "Microsoft": a cue word as an ending.
            || ORG_ENDINGS.iter().any(|e| w.len() > e.len() + 2 && w.ends_with(e))
    }) || with_lowercase(word, |w| v.suffix.contains(w))
}

/// Endings that mark a one-word company name.
const ORG_ENDINGS: &[&str] = &[
    "systems", "soft", "tech", "works", "ware", "tronics", "logic", "labs", "pharma", "bank",
    "media", "net", "corp", "com", "data", "sys",
];

/// Finds the mentions of one sentence. `tokens` come from [`tokenize`].
pub(crate) fn find<'t>(tokens: &[Token<'t>], article: &'t str) -> Mentions<'t> {
    // Tokenizing, the headline test, the chunk loop and the encoding each
    // take every token once; the scans below count their own steps.
    Steps::new(Stage::Mentions).add(tokens.len());
    let mut chunks: Vec<Chunk<'t>> = Vec::with_capacity(tokens.len());
    let headline = is_title_case(tokens);
    // A chunk of tokens `first..=last` whose text starts at token `from`.
    let chunk = |kind, first: usize, from: usize, last: usize, title| Chunk {
        kind,
        first,
        start: tokens[from].start,
        end: tokens[last].end,
        text: &article[tokens[from].start..tokens[last].end],
        title,
    };
    let mut scan = TitleScan::default();
    let mut i = 0;
    while i < tokens.len() {
        // In a Title Case headline, verbs and small words are capitalised
        // too: "Board Elects Helga Marquardt as Chair".
        let (next, c) = if headline && HEADLINE_WORDS.contains(Lower::new(tokens[i].text).as_str())
        {
            (i, chunk(ChunkKind::Word, i, i, i, None))
        } else if let Some((last, info)) = title_at(tokens, i, &mut scan) {
            (
                last,
                chunk(ChunkKind::Title, i, i, last, Some(Box::new(info))),
            )
        } else if let Some(last) = role_ref_at(tokens, i) {
            (last, chunk(ChunkKind::RoleRef, i, i, last, None))
        } else if let Some((last, kind, name_first)) = name_at(tokens, i, headline) {
            (last, chunk(kind, i, name_first, last, None))
        } else {
            (i, chunk(ChunkKind::Word, i, i, i, None))
        };
        chunks.push(c);
        i = next + 1;
    }
    attach_title_orgs(&mut chunks, article);
    encode(chunks)
}

/// Whether most words of the sentence are capitalised, as in a headline
/// written in Title Case.
fn is_title_case(tokens: &[Token<'_>]) -> bool {
    let words: Vec<&Token<'_>> = tokens.iter().filter(|t| t.is_word()).collect();
    let capitalised = words.iter().filter(|t| t.is_capitalised()).count();
    words.len() >= 4 && capitalised * 10 >= words.len() * 8
}

/// "the position", "the role", "the post", "the job", "that job".
fn role_ref_at(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    let is_one_of =
        |t: &Token<'_>, words: &[&str]| words.iter().any(|w| t.text.eq_ignore_ascii_case(w));
    if !is_one_of(tokens.get(i)?, &["the", "that", "this", "his", "her"]) {
        return None;
    }
    let nouns = ["position", "role", "post", "job", "duties", "reins", "helm"];
    is_one_of(tokens.get(i + 1)?, &nouns).then_some(i + 1)
}

/// A run of capitalised words at `i`: returns its last token, its kind, and
/// the first token of the name proper (after an honorific such as "Mr").
fn name_at(tokens: &[Token<'_>], i: usize, headline: bool) -> Option<(usize, ChunkKind, usize)> {
    let people = &*PEOPLE_VOCAB;
    let first = tokens.get(i)?;
    if !first.is_capitalised() || is_non_name(first.text) {
        return None;
    }
    // "Separately, Jane Roe ...": an adverb opening the sentence.
    if first.text.ends_with("ly") && tokens.get(i + 1).is_some_and(|n| n.text == ",") {
        return None;
    }
    // "Spaniard Luis Moreno": the nationality is no part of the name.
    if people.demonym.contains(first.text) && tokens.get(i + 1).is_some_and(Token::is_capitalised) {
        return None;
    }
    let mut honorific = false;
    let mut name_first = i;
    let stripped = first.text.trim_end_matches('.');
    if people.honorific.contains(first.text) || people.honorific.contains(stripped) {
        let next = tokens.get(i + 1)?;
        // "Mr. Chairman" is a form of address, not a name.
        if !next.is_capitalised() || (is_title_word(next.text) && !is_org_word(next.text)) {
            return None;
        }
        honorific = true;
        // "Sir John Bond" keeps "Sir"; "Mr Zhang" drops "Mr".
        if !matches!(stripped, "Sir" | "Dame" | "Lord" | "Lady") {
            name_first = i + 1;
        }
    } else if is_title_word(first.text) && !is_org_word(first.text) {
        // "General Motors", "Senior Living": a modifier that starts a name.
        let modifier_only = with_lowercase(first.text, |w| {
            TITLE_VOCAB.modifier.contains(w) && !TITLE_VOCAB.head.contains(w)
        });
        let next_is_name = tokens
            .get(i + 1)
            .is_some_and(|n| n.is_capitalised() && !is_title_word(n.text));
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
        let continues = if headline_word {
            false
        } else if t.is_capitalised() {
            !is_non_name(t.text) && (!is_title_word(t.text) || is_org_word(t.text))
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
        } else if t.text == "&" || people.particle.contains(t.text) || t.text == "of" {
            // "Simon & Schuster", "Ludwig van Beethoven", "Bank of America"
            tokens
                .get(j + 1)
                .is_some_and(|n| n.is_capitalised() && !is_title_word(n.text))
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
    let words = &tokens[name_first..=last];
    let kind = if honorific {
        ChunkKind::Person
    } else if words.iter().any(|t| is_org_word(t.text)) {
        ChunkKind::Org
    } else if words.len() >= 2
        && (people.given.contains(words[0].text)
            || people.surname.contains(words[0].text)
            || words[1..words.len() - 1].iter().any(Token::is_initial)
            || people.suffix.contains(words[words.len() - 1].text))
    {
        ChunkKind::Person
    } else {
        ChunkKind::Name
    };
    Some((last, kind, name_first))
}

/// A title at token `i`: returns its last token and parts.
///
/// Grammar: `status? part (("and" | "&" | ",") part)*` where a part is
/// `modifier* domain* head+ (("of" | "for") unit)?` or an abbreviation.
fn title_at(tokens: &[Token<'_>], i: usize, scan: &mut TitleScan) -> Option<(usize, TitleInfo)> {
    let v = &*TITLE_VOCAB;
    // Most tokens are no title word: one lookup instead of the ones below.
    let first = tokens.get(i)?.text;
    if !first.contains('-') && !with_lowercase(first, |w| v.any.contains(w)) {
        return None;
    }
    if scan.no_title.contains(&i) {
        return None;
    }
    let mut tense = Tense::Plain;
    let mut j = i;
    let mut steps = Steps::new(Stage::Mentions);
    // Status words ("former", "new") belong to the chunk, not the title.
    while let Some(t) = tokens.get(j) {
        steps.step();
        let lower = Lower::new(t.text);
        let lw = lower.as_str().trim_end_matches('-');
        if v.status.contains(lw) {
            tense = match lw {
                "new" | "incoming" => Tense::New,
                "current" | "currently" | "longtime" | "long-time" | "longstanding" => tense,
                _ => Tense::Former,
            };
            j += 1;
        } else if let Some(rest) = lw.strip_prefix("ex-") {
            if is_title_word(rest) {
                tense = Tense::Former;
            }
            break;
        } else {
            break;
        }
    }
    let found = title_from(tokens, j, tense, scan);
    if found.is_none() {
        // From any later word of the status run, the scan reaches the same
        // first title word and fails the same way: the tense is all that
        // differs, and no check below reads it.
        scan.no_title = i..j + 1;
    }
    found
}

/// What the title scans of one sentence have ruled out, so that a long run
/// of title words that never makes a title ("senior senior ...", "former
/// former ...") is read once, not once for each of its words.
#[derive(Debug, Default)]
struct TitleScan {
    /// Tokens at which no title starts ([`title_at`]).
    no_title: std::ops::Range<usize>,
    /// Tokens at which no title part starts ([`title_part`]).
    no_part: std::ops::Range<usize>,
}

/// The title whose first word (after status words giving `tense`) is
/// token `title_first`.
fn title_from(
    tokens: &[Token<'_>],
    title_first: usize,
    tense: Tense,
    scan: &mut TitleScan,
) -> Option<(usize, TitleInfo)> {
    let (mut last, mut unit) = title_part(tokens, title_first, scan)?;
    // Verbs spelled like titles: "will head the team", "to lead", "to chair"
    // (but "promoted to head of retail" is a title).
    if title_first > 0 && last == title_first && unit.is_none() {
        let prev = tokens[title_first - 1].text.to_ascii_lowercase();
        let word = tokens[title_first].text.to_ascii_lowercase();
        if matches!(
            word.as_str(),
            "head"
                | "lead"
                | "chair"
                | "manager"
                | "boss"
                | "member"
                | "leader"
                | "partner"
                | "executive"
                | "chief"
                | "director"
        ) && matches!(
            prev.as_str(),
            "will"
                | "to"
                | "would"
                | "shall"
                | "can"
                | "may"
                | "must"
                | "could"
                | "should"
                | "and"
                | "'ll"
        ) && word != "director"
        {
            return None;
        }
    }
    // Coordinated titles: "president and chief executive officer".
    while let Some(conj) = tokens.get(last + 1) {
        if !matches!(conj.text, "and" | "&" | ",") || unit.is_some() {
            break;
        }
        let Some((l, u)) = title_part(tokens, last + 2, scan) else {
            break;
        };
        last = l;
        unit = u;
    }
    let mut title_last = last;
    let mut org = None;
    let mut org_is_anaphor = false;
    if let Some(u) = unit {
        if u.named {
            org = Some((tokens[u.first].start, tokens[u.last].end));
        } else if u.first == u.last && is_org_anaphor(tokens[u.first].text) {
            // "chief executive of the company": the organisation in context.
            org_is_anaphor = true;
        } else {
            title_last = u.last;
        }
        last = u.last;
    }
    // Bare "member" or "head" without a unit are too vague.
    const VAGUE: &[&str] = &[
        "head",
        "lead",
        "member",
        "leader",
        "group",
        "principal",
        "partner",
        "counsel",
        "secretary",
        "founding",
    ];
    if title_last == title_first
        && org.is_none()
        && VAGUE
            .iter()
            .any(|v| tokens[title_first].text.eq_ignore_ascii_case(v))
    {
        return None;
    }
    // "head coach at Texas Tech", "vice president ... at American Express":
    // the organisation after "at"/"with" when the title has none.
    if org.is_none() && !org_is_anaphor {
        if let Some((first, olast)) = at_org(tokens, last + 1) {
            org = Some((tokens[first].start, tokens[olast].end));
            last = olast;
        }
    }
    Some((
        last,
        TitleInfo {
            title: (tokens[title_first].start, tokens[title_last].end),
            org,
            org_is_anaphor,
            tense,
        },
    ))
}

/// "at Texas Tech", "with Samsung": a capitalised name after "at"/"with"
/// at token `k`; returns its first and last token.
fn at_org(tokens: &[Token<'_>], k: usize) -> Option<(usize, usize)> {
    if !matches!(tokens.get(k)?.text, "at" | "with") {
        return None;
    }
    let mut first = k + 1;
    if tokens.get(first)?.text.eq_ignore_ascii_case("the") {
        first += 1;
    }
    let name = tokens.get(first)?;
    if !name.is_capitalised() || is_title_word(name.text) || is_non_name(name.text) {
        return None;
    }
    let mut olast = first;
    let mut steps = Steps::new(Stage::Mentions);
    while tokens
        .get(olast + 1)
        .is_some_and(|t| t.is_capitalised() && !is_title_word(t.text) && !is_non_name(t.text))
    {
        steps.step();
        olast += 1;
    }
    Some((first, olast))
}

/// The unit after a title's "of"/"for": its tokens, and whether it is a
/// named organisation ("of Corvel Cloud") or part of the title ("of design").
#[derive(Clone, Copy, Debug)]
struct Unit {
    first: usize,
    last: usize,
    named: bool,
}

impl Unit {
    fn named(first: usize, last: usize) -> Self {
        Self {
            first,
            last,
            named: true,
        }
    }
}

/// The last token of the run of capitalised, non-title words from `first`.
fn name_run_end(tokens: &[Token<'_>], first: usize) -> usize {
    let mut last = first;
    let mut steps = Steps::new(Stage::Mentions);
    while tokens
        .get(last + 1)
        .is_some_and(|t| t.is_capitalised() && !is_title_word(t.text))
    {
        steps.step();
        last += 1;
    }
    last
}

/// One title part at `j`: its last head token and the unit that follows.
fn title_part(
    tokens: &[Token<'_>],
    j: usize,
    scan: &mut TitleScan,
) -> Option<(usize, Option<Unit>)> {
    let v = &*TITLE_VOCAB;
    if scan.no_part.contains(&j) {
        return None;
    }
    let mut k = j;
    let mut saw_head = false;
    let mut last_head = j;
    // Whether the last word could also modify what follows ("chief" in
    // "chief financial officer", "executive" in "executive vice president").
    let mut open = true;
    let mut steps = Steps::new(Stage::Mentions);
    while let Some(t) = tokens.get(k) {
        steps.step();
        let lower = Lower::new(t.text);
        let lw = lower.as_str();
        let plural_head = lw.len() > 3
            && lw.ends_with('s')
            && (v.head.contains(&lw[..lw.len() - 1])
                || v.abbreviation.contains(&lw[..lw.len() - 1]));
        if v.abbreviation.contains(lw) || v.head.contains(lw) || plural_head {
            saw_head = true;
            last_head = k;
            open = v.modifier.contains(lw);
            k += 1;
            continue;
        }
        if v.modifier.contains(lw) || v.domain.contains(lw) {
            if saw_head && !open {
                break;
            }
            open = true;
            k += 1;
            continue;
        }
        // "vice-president", "co-founder", "co-CEO": check the hyphen parts.
        if let Some((a, b)) = lw.split_once('-') {
            if (v.modifier.contains(a) || a == "co" || a == "vice")
                && (v.head.contains(b) || v.abbreviation.contains(b))
            {
                saw_head = true;
                last_head = k;
                k += 1;
                continue;
            }
        }
        break;
    }
    if !saw_head {
        // Modifiers and domain words up to `k`, no head: the scan from any
        // of them stops at `k` without a head too.
        scan.no_part = j..k;
        return None;
    }
    // A unit: "of Corvel Cloud Asia", "of engineering", "for design".
    let of = last_head + 1;
    let Some(prep) = tokens.get(of) else {
        return Some((last_head, None));
    };
    if !matches!(prep.text, "of" | "for") {
        return Some((last_head, None));
    }
    let mut u = of + 1;
    // "of the ...", "of its mobile business".
    if tokens.get(u).is_some_and(|t| {
        ["the", "its", "their"]
            .iter()
            .any(|d| t.text.eq_ignore_ascii_case(d))
    }) {
        u += 1;
    }
    let first_unit = tokens.get(u)?;
    // "of Chinese tech firm's consumer group": an adjective, no name.
    let adjective = PEOPLE_VOCAB.demonym.contains(first_unit.text)
        && tokens
            .get(u + 1)
            .is_some_and(|n| n.is_word() && !n.is_capitalised());
    if adjective {
        return Some((last_head, None));
    }
    if first_unit.is_capitalised() && !is_non_name(first_unit.text) {
        let mut ulast = u;
        let mut m = u + 1;
        while let Some(t) = tokens.get(m) {
            steps.step();
            let cap_ok = t.is_capitalised() && (!is_title_word(t.text) || is_org_word(t.text));
            let joiner = matches!(t.text, "&" | "(" | ")" | "of" | "and")
                && tokens
                    .get(m + 1)
                    .is_some_and(|n| n.is_capitalised() && !is_title_word(n.text));
            let close = t.text == ")" && tokens[ulast].is_capitalised();
            if cap_ok || joiner || close {
                ulast = m;
                m += 1;
            } else if t.text == "'s" || t.text == "’s" {
                // "HSBC's UK division": the unit of a named company.
                if tokens
                    .get(m + 1)
                    .is_some_and(|n| n.is_capitalised() || lower_in(&ORG_VOCAB.unit, n.text))
                {
                    m += 1;
                } else {
                    break;
                }
            } else if lower_in(&ORG_VOCAB.unit, t.text) && m > u {
                ulast = m;
                break;
            } else {
                break;
            }
        }
        // "TikTok parent ByteDance": the owner named after a descriptor.
        let descriptor = tokens
            .get(ulast + 1)
            .is_some_and(|d| lower_in(&ORG_VOCAB.descriptor, d.text));
        let owner = tokens
            .get(ulast + 2)
            .filter(|n| descriptor && n.is_capitalised() && !is_title_word(n.text));
        if owner.is_some() {
            let first = ulast + 2;
            return Some((
                last_head,
                Some(Unit::named(first, name_run_end(tokens, first))),
            ));
        }
        return Some((last_head, Some(Unit::named(u, ulast))));
    }
    // A lower-case unit: up to eight plain words, with commas and "and"
    // between them ("of global advertising, marketing and partnerships").
    let mut ulast = None;
    let mut m = u;
    while let Some(t) = tokens.get(m) {
        steps.step();
        // A comma only inside an enumeration that goes on ("X, Y and Z").
        let enumerates = t.text == "and"
            || tokens
                .get(m + 2)
                .is_some_and(|n| matches!(n.text, "and" | ","));
        let joiner = matches!(t.text, "," | "and")
            && enumerates
            && ulast == Some(m - 1)
            && tokens.get(m + 1).is_some_and(|n| {
                n.is_word()
                    && !n.is_capitalised()
                    && !is_stop_word(n.text)
                    && !is_title_word(n.text)
            });
        if joiner {
            m += 1;
            continue;
        }
        if m - u >= 8 || !t.is_word() || is_stop_word(t.text) || t.is_capitalised() {
            break;
        }
        ulast = Some(m);
        m += 1;
    }
    // "chairman of online marketplace Pinduoduo": a short description
    // ending in a noun for an organisation, then its name ("director of
    // cricket Anil Verma" is a title and a person).
    let described = ulast.is_some_and(|l| lower_in(&ORG_VOCAB.descriptor, tokens[l].text));
    if described
        && m - u <= 3
        && tokens
            .get(m)
            .is_some_and(|t| t.is_capitalised() && !is_title_word(t.text))
    {
        return Some((last_head, Some(Unit::named(m, name_run_end(tokens, m)))));
    }
    match ulast {
        Some(ulast) => Some((
            last_head,
            Some(Unit {
                first: u,
                last: ulast,
                named: false,
            }),
        )),
        None => Some((last_head, None)),
    }
}

/// Nouns that stand for the organisation in context ("the company").
pub(crate) fn is_org_anaphor(word: &str) -> bool {
    const NOUNS: &[&str] = &[
        "company",
        "firm",
        "group",
        "bank",
        "board",
        "business",
        "carrier",
        "automaker",
        "carmaker",
        "network",
        "organisation",
        "organization",
        "club",
        "university",
        "school",
        "team",
        "insurer",
        "lender",
        "retailer",
        "brewer",
        "airline",
        "conglomerate",
        "giant",
    ];
    NOUNS.iter().any(|n| n.eq_ignore_ascii_case(word))
}

/// Words that end a lower-case unit phrase.
fn is_stop_word(word: &str) -> bool {
    const STOP: &[&str] = &[
        "and",
        "or",
        "at",
        "in",
        "on",
        "since",
        "from",
        "to",
        "with",
        "who",
        "which",
        "that",
        "will",
        "would",
        "has",
        "have",
        "had",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "as",
        "after",
        "before",
        "by",
        "for",
        "of",
        "said",
        "says",
        "until",
        "while",
        "his",
        "her",
        "its",
        "their",
        "the",
        "a",
        "an",
        "this",
        "last",
        "next",
        "effective",
    ];
    STOP.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// Joins "Org ('s) Title" into one title chunk with that org, and marks
/// titles owned by "its" or "the company's".
fn attach_title_orgs<'t>(chunks: &mut Vec<Chunk<'t>>, article: &'t str) {
    let mut out: Vec<Chunk<'t>> = Vec::with_capacity(chunks.len());
    let mut k = 0;
    while k < chunks.len() {
        let c = chunks[k].clone();
        // "Corvel's VP", "Vexa chief executive officer", "its CFO".
        if c.kind == ChunkKind::Title {
            let mut c = c;
            let prev_is_possessive = out.last().is_some_and(|p| matches!(p.text, "'s" | "’s"));
            let owner_index = if prev_is_possessive {
                out.len().checked_sub(2)
            } else {
                out.len().checked_sub(1)
            };
            if let Some(oi) = owner_index {
                let owner = &out[oi];
                let info = c.title.as_mut().expect("title chunk has info");
                // "Corvel COO", "Corvel's VP"; but a two-word undecided name
                // before a title is more often a person ("elected Helga
                // Marquardt chair of the board").
                let is_org_like = owner.kind == ChunkKind::Org
                    || (owner.kind == ChunkKind::Name
                        && (prev_is_possessive || !owner.text.contains(' '))
                        && !is_org_anaphor(owner.text));
                if info.org.is_none() && !info.org_is_anaphor && is_org_like {
                    info.org = Some((owner.start, owner.end));
                    c.start = owner.start;
                    c.first = owner.first;
                    out.truncate(oi);
                } else if info.org.is_none()
                    && (owner.text.eq_ignore_ascii_case("its") || is_org_anaphor(owner.text))
                {
                    info.org_is_anaphor = true;
                }
            }
            c.text = &article[c.start..c.end];
            out.push(c);
        } else {
            out.push(c);
        }
        k += 1;
    }
    *chunks = out;
}

fn encode(chunks: Vec<Chunk<'_>>) -> Mentions<'_> {
    let mut encoding = String::with_capacity(chunks.len() * 4);
    let mut symbol_starts = Vec::with_capacity(chunks.len());
    for (n, c) in chunks.iter().enumerate() {
        if n > 0 {
            encoding.push(' ');
        }
        symbol_starts.push(encoding.len());
        let tag = match c.kind {
            ChunkKind::Person => Some('P'),
            ChunkKind::Org => Some('O'),
            ChunkKind::Name => Some('N'),
            ChunkKind::Title => Some('T'),
            ChunkKind::RoleRef => Some('R'),
            ChunkKind::Word => None,
        };
        match tag {
            Some(t) => {
                encoding.push(t);
                encoding.push_str(&n.to_string());
            }
            // A nationality before a name ("hired Englishman Mark Ellison")
            // reads as one placeholder word.
            None if PEOPLE_VOCAB.demonym.contains(c.text) => encoding.push_str("nat"),
            // The month keeps its capital so that it never reads as the
            // modal "may" (a hedge).
            None if c.text == "May" && n > 0 => encoding.push_str("May"),
            None => push_word(&mut encoding, c.text),
        }
    }
    Mentions {
        chunks,
        encoding,
        symbol_starts,
    }
}

/// Writes a plain word in its encoded form: lower case, quotes and
/// apostrophes folded to ASCII, and never empty or containing a space.
fn push_word(out: &mut String, word: &str) {
    if word.bytes().all(|b| b.is_ascii_graphic() && b != b'`') {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    for c in word.chars() {
        let c = match c {
            '“' | '”' | '„' | '«' | '»' => '"',
            '‘' | '’' | '`' => '\'',
            '–' | '—' => '-',
            c if c.is_whitespace() => '_',
            c => c,
        };
        out.extend(c.to_lowercase());
    }
}
