//! Job titles: "senior vice president of engineering", "president and
//! chief executive officer of Corvel Cloud Asia", "former CFO".

use super::words::{
    is_given_name_at, is_name_word, is_org_anaphor, is_org_word, is_stop_word, is_title_word,
    lower_in,
};
use super::{Tenure, TitleInfo, Token};
use crate::lexicon::{
    with_lowercase, Lower, Tags, BEFORE_PRESENT_VERB, BEFORE_VERB, ORG_VOCAB, PEOPLE_VOCAB,
    TITLE_VOCAB, VERBS_LEXICON,
};
use crate::stages::{Stage, Steps};

/// A title at token `i`: returns its last token and parts.
///
/// Grammar: `status? part (("and" | "&" | ",") part)*` where a part is
/// `modifier* domain* head+ (("of" | "for") unit)?` or an abbreviation.
pub(super) fn title_at(
    tokens: &[Token<'_>],
    i: usize,
    scan: &mut TitleScan,
) -> Option<(usize, TitleInfo)> {
    let v = &*TITLE_VOCAB;
    // Most tokens are no title word: one lookup instead of the ones below.
    let first = tokens.get(i)?;
    if !first.tags.has(Tags::TITLE_START) && !first.text.contains('-') {
        return compound_title_at(tokens, i, scan);
    }
    if is_given_name_at(tokens, i) {
        return None;
    }
    if scan.no_title.contains(&i) {
        return None;
    }
    let mut tenure = Tenure::Plain;
    let mut j = i;
    let mut steps = Steps::new(Stage::Mentions);
    // Status words ("former", "new") belong to the chunk, not the title.
    while let Some(t) = tokens.get(j) {
        steps.step();
        let lower = Lower::new(t.text);
        let lw = lower.as_str().trim_end_matches('-');
        if v.status.contains(lw) {
            tenure = status_tenure(lw).unwrap_or(tenure);
            j += 1;
        } else if let Some(rest) = lw.strip_prefix("ex-") {
            if is_title_word(rest) {
                tenure = Tenure::Former;
            }
            break;
        } else {
            break;
        }
    }
    let found = title_from(tokens, j, tenure, scan);
    if found.is_none() {
        // From any later word of the status run, the scan reaches the same
        // first title word and fails the same way: the tenure is all that
        // differs, and no check below reads it.
        scan.no_title = i..j + 1;
    }
    found
}

/// "as the city manager", "named planning director": a plain noun the
/// vocabulary does not list, between a determiner (or "as") and a title's
/// head, names the function and belongs to the title.
fn compound_title_at(
    tokens: &[Token<'_>],
    i: usize,
    scan: &mut TitleScan,
) -> Option<(usize, TitleInfo)> {
    let word = tokens.get(i)?;
    let next = tokens.get(i + 1)?;
    // Cheap tests first: this runs for every word that is no title word.
    if !word.tags.has(Tags::LOWER_CASE_WORD) || !next.is_title_word() {
        return None;
    }
    let before = tokens.get(i.checked_sub(1)?)?;
    let opens = ["the", "a", "an", "as", "its", "their", "his", "her", "new"]
        .iter()
        .any(|d| before.text.eq_ignore_ascii_case(d));
    if !opens {
        return None;
    }
    let plain = word.text.len() >= 3
        && word
            .text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'-')
        && !is_stop_word(word.text)
        && !is_org_anaphor(word.text)
        && !lower_in(&ORG_VOCAB.governing_body, word.text)
        && !VERBS_LEXICON.forms.contains_key(word.text)
        && !PEOPLE_VOCAB.demonym.contains(word.text)
        && !PEOPLE_VOCAB.occupation.contains(word.text);
    let head_next = with_lowercase(next.text, |w| TITLE_VOCAB.head.contains(w));
    if !(plain && head_next) {
        return None;
    }
    let (last, mut info) = title_from(tokens, i + 1, Tenure::Plain, scan)?;
    // "its top executive, Chief Executive Officer Piet Vos": a list of
    // titles after the word is an apposition, not one function.
    if tokens[i + 1..=last].iter().any(|t| t.text == ",") {
        return None;
    }
    info.title.0 = word.start;
    Some((last, info))
}

/// What the title scans of one sentence have ruled out, so that a long run
/// of title words that never makes a title ("senior senior ...", "former
/// former ...") is read once, not once for each of its words.
/// The tenure a status word in lower case tells ("former", "incoming"),
/// or `None` for one that tells none ("current") or no status word.
pub(super) fn status_tenure(lower: &str) -> Option<Tenure> {
    let v = &*TITLE_VOCAB;
    if !v.status.contains(lower) || v.status_current.contains(lower) {
        None
    } else if v.status_new.contains(lower) {
        Some(Tenure::New)
    } else {
        Some(Tenure::Former)
    }
}

#[derive(Debug, Default)]
pub(super) struct TitleScan {
    /// Tokens at which no title starts ([`title_at`]).
    no_title: std::ops::Range<usize>,
    /// Tokens at which no title part starts ([`title_part`]).
    no_part: std::ops::Range<usize>,
}

/// The title whose first word (after status words giving `tenure`) is
/// token `title_first`.
fn title_from(
    tokens: &[Token<'_>],
    title_first: usize,
    tenure: Tenure,
    scan: &mut TitleScan,
) -> Option<(usize, TitleInfo)> {
    let v = &*TITLE_VOCAB;
    let (mut last, mut unit) = title_part(tokens, title_first, scan)?;
    // Verbs spelled like titles: "will head the team", "to lead", "to chair"
    // (but "promoted to head of retail" is a title).
    if title_first > 0 && last == title_first && unit.is_none() {
        let prev = tokens[title_first - 1].text.to_ascii_lowercase();
        let word = tokens[title_first].text.to_ascii_lowercase();
        // "elevated X to chair on an interim basis": nothing a verb takes
        // follows, so the word is the role.
        let no_object = prev == "to"
            && tokens.get(title_first + 1).is_none_or(|n| {
                matches!(
                    n.text,
                    "," | "." | ";" | "on" | "from" | "until" | "with" | "effective"
                )
            });
        if v.verb_like.contains(word.as_str()) && BEFORE_VERB.contains(prev.as_str()) && !no_object
        {
            return None;
        }
        // "who heads the commission": a verb in the present.
        let present = word
            .strip_suffix('s')
            .is_some_and(|stem| v.verb_like.contains(stem));
        if present && BEFORE_PRESENT_VERB.contains(prev.as_str()) {
            return None;
        }
    }
    // Coordinated titles: "president and chief executive officer".
    while let Some(conj) = tokens.get(last + 1) {
        if !matches!(conj.text, "and" | "&" | ",") || unit.is_some() {
            break;
        }
        // "president and chief executive officer, Dean Marsh": a capitalised
        // title word before a capitalised name is a given name.
        if is_given_name_at(tokens, last + 2) {
            break;
        }
        let Some((l, u)) = title_part(tokens, last + 2, scan) else {
            break;
        };
        last = l;
        unit = u;
    }
    // "Vice President, Operations", "Managing Director, West Africa": a
    // function or a region after a comma, in capitals, that closes the
    // title.
    if unit.is_none() && tokens.get(last + 1).is_some_and(|t| t.text == ",") {
        let mut k = last + 2;
        while tokens.get(k).is_some_and(|t| {
            (t.is_capitalised()
                && (lower_in(&v.domain, t.text)
                    || lower_in(&v.region_word, t.text)
                    || crate::lexicon::is_place(t.text)))
                || (k > last + 2 && matches!(t.text, "and" | "&"))
        }) {
            k += 1;
        }
        let closes = tokens
            .get(k)
            .is_none_or(|t| matches!(t.text, "," | "." | ";" | ")"));
        if k > last + 2 && closes && !matches!(tokens[k - 1].text, "and" | "&") {
            last = k - 1;
        }
    }
    let mut title_last = last;
    let mut org = None;
    let mut org_is_anaphor = false;
    if let Some(u) = unit {
        if u.named {
            org = Some((tokens[u.first].start, tokens[u.last].end));
        } else if is_org_anaphor(tokens[u.last].text)
            && (u.first == u.last
                || (tokens[u.first - 1].text.eq_ignore_ascii_case("the")
                    && !lower_in(&ORG_VOCAB.unit, tokens[u.last].text)))
        {
            // "chief executive of the company", "chairman of the investment
            // conglomerate": the organisation in context.
            org_is_anaphor = true;
        } else {
            title_last = u.last;
        }
        last = u.last;
    }
    // Bare "member" or "head" without a unit are too vague, unless the
    // sentence gives it as a role ("promoted to principal.", "joins as
    // partner in May").
    let given_as_role = title_first > 0
        && matches!(tokens[title_first - 1].text, "as" | "to")
        && tokens.get(last + 1).is_none_or(|t| {
            matches!(
                t.text,
                "." | "," | ";" | "in" | "at" | "on" | "from" | "effective" | "and" | "of"
            )
        });
    // "Lee Min, consumer electronics solutions head;": the head of the
    // unit the plain words before it name, closing the noun phrase.
    let heads_named_unit = title_first > 0
        && tokens[title_first - 1].is_word()
        && !tokens[title_first - 1].is_capitalised()
        && !is_stop_word(tokens[title_first - 1].text)
        && tokens
            .get(last + 1)
            .is_some_and(|t| matches!(t.text, ";" | "," | "." | ")"));
    if title_last == title_first
        && org.is_none()
        && lower_in(&v.vague, tokens[title_first].text)
        && !given_as_role
        && !heads_named_unit
    {
        return None;
    }
    // "head coach at Texas Tech", "vice president ... at American Express":
    // the organisation after "at"/"with" when the title has none.
    if org.is_none() && !org_is_anaphor {
        let municipal = tokens[title_first..=title_last]
            .iter()
            .any(|t| lower_in(&v.municipal, t.text));
        if let Some((first, olast)) = at_org(tokens, last + 1, municipal) {
            org = Some((tokens[first].start, tokens[olast].end));
            last = olast;
        } else if preposition_the(tokens, last + 1, "at")
            .is_some_and(|t| !t.is_capitalised() && is_org_anaphor(t.text))
        {
            // "her deputy at the commission": the organisation in context.
            org_is_anaphor = true;
            last += 3;
        } else if preposition_the(tokens, last + 1, "to")
            .is_some_and(|t| lower_in(&ORG_VOCAB.governing_body, t.text))
        {
            // "Secretary to the Board": part of the title.
            last += 3;
            title_last = last;
            org_is_anaphor = true;
        }
    }
    Some((
        last,
        TitleInfo {
            title: (tokens[title_first].start, tokens[title_last].end),
            org,
            org_is_anaphor,
            tenure,
        },
    ))
}

/// The word after `preposition` and "the" at token `k` ("at the
/// commission", "to the Board").
fn preposition_the<'t>(
    tokens: &'t [Token<'t>],
    k: usize,
    preposition: &str,
) -> Option<&'t Token<'t>> {
    let opens = tokens.get(k).is_some_and(|t| t.text == preposition)
        && tokens
            .get(k + 1)
            .is_some_and(|t| t.text.eq_ignore_ascii_case("the"));
    opens.then(|| tokens.get(k + 2)).flatten()
}

/// "at Texas Tech", "with Samsung": a capitalised name after "at"/"with"
/// at token `k`; returns its first and last token. A `municipal` title
/// ("city manager in Yakima") also takes its place after "in".
fn at_org(tokens: &[Token<'_>], k: usize, municipal: bool) -> Option<(usize, usize)> {
    // "secretary to the Velmont Trust": "to" with "the" and a name
    // that is no place.
    let serving = tokens.get(k)?.text == "to";
    let placed = municipal && tokens.get(k)?.text == "in";
    if !serving && !placed && !matches!(tokens.get(k)?.text, "at" | "with") {
        return None;
    }
    let mut first = k + 1;
    if tokens.get(first)?.text.eq_ignore_ascii_case("the") {
        first += 1;
    } else if serving {
        return None;
    }
    let name = tokens.get(first)?;
    if !name.is_capitalised() || name.is_title_word() || name.is_non_name() {
        return None;
    }
    // "Secretary to the Board": the board is part of the title.
    if serving && lower_in(&ORG_VOCAB.governing_body, name.text) {
        return None;
    }
    let mut olast = first;
    let mut steps = Steps::new(Stage::Mentions);
    while tokens
        .get(olast + 1)
        .is_some_and(|t| t.is_capitalised() && !t.is_title_word() && !t.is_non_name())
    {
        steps.step();
        olast += 1;
    }
    if serving {
        let name: Vec<&str> = tokens[first..=olast].iter().map(|t| t.text).collect();
        if crate::lexicon::is_place(&name.join(" ")) {
            return None;
        }
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
        .is_some_and(|t| t.is_capitalised() && !t.is_title_word())
    {
        steps.step();
        last += 1;
    }
    last
}

/// Whether `lw` (a lower-cased word) is the head of a title: a head or an
/// abbreviation ("president", "CFO"), their plurals ("coaches"), a
/// hyphenated head ("vice-president", "co-founder", "co-CEO") and one with
/// a tail such as "-elect" or "-designate" ("chairman-elect").
fn is_head(lw: &str) -> bool {
    let v = &*TITLE_VOCAB;
    let single = |w: &str| v.head.contains(w) || v.abbreviation.contains(w);
    if single(lw) {
        return true;
    }
    let plural = [lw.strip_suffix("es"), lw.strip_suffix('s')]
        .into_iter()
        .flatten()
        .any(|stem| stem.len() > 2 && single(stem));
    if plural {
        return true;
    }
    if let Some((rest, tail)) = lw.rsplit_once('-') {
        if v.hyphen_tail.contains(tail) && !rest.is_empty() {
            return is_head(rest);
        }
    }
    lw.split_once('-').is_some_and(|(a, b)| {
        (v.modifier.contains(a) || a == "co" || a == "vice") && (single(b) || is_head(b))
    })
}

/// How many tokens from `k` form a tail that closes a title ("in chief",
/// "general"), if any. "general" must not start another title ("general
/// manager" is a title of its own).
fn compound_tail(tokens: &[Token<'_>], k: usize) -> Option<usize> {
    TITLE_VOCAB.compound_tail.iter().find_map(|tail| {
        let fits = tail.iter().enumerate().all(|(n, w)| {
            tokens
                .get(k + n)
                .is_some_and(|t| t.text.eq_ignore_ascii_case(w))
        });
        let opens_title = tokens
            .get(k + tail.len())
            .is_some_and(|t| t.is_title_word());
        (fits && !opens_title).then_some(tail.len())
    })
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
        // A word without a hyphen that no title part goes on with (one tag
        // tells) ends the part, as the lookups below would find.
        if !t.tags.has(Tags::TITLE_PART) && !t.text.contains('-') {
            break;
        }
        let lower = Lower::new(t.text);
        let lw = lower.as_str();
        // "chief engineer", "senior economist": a head only after a modifier.
        let qualified = k > j && v.qualified_head.contains(lw);
        if is_head(lw) || qualified {
            saw_head = true;
            last_head = k;
            // "chief" in "chief financial officer", "co-chief" in "co-chief
            // operating officer": a head that may also modify what follows.
            let last_part = lw.rsplit('-').next().unwrap_or(lw);
            open = v.modifier.contains(lw) || v.modifier.contains(last_part);
            k += 1;
            // "editor in chief", "director general", "ambassador at large".
            if let Some(n) = compound_tail(tokens, k) {
                last_head = k + n - 1;
                k += n;
                open = false;
            }
            continue;
        }
        // "under-21 coach": an age group before a head.
        let age_group = lw
            .strip_prefix("under-")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if v.modifier.contains(lw) || v.domain.contains(lw) || age_group {
            if saw_head && !open {
                break;
            }
            open = true;
            k += 1;
            continue;
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
    // "of Chennai-headquartered Indian Bank": the describing word is no
    // part of the unit's name.
    if tokens.get(u).is_some_and(|t| {
        t.text
            .rsplit_once('-')
            .is_some_and(|(_, tail)| lower_in(&ORG_VOCAB.descriptive_suffix, tail))
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
    if first_unit.is_capitalised() && !first_unit.is_non_name() {
        let mut ulast = u;
        let mut m = u + 1;
        while let Some(t) = tokens.get(m) {
            steps.step();
            // "Director of Finance John Tracey": a person's name after a
            // function.
            let person_next = PEOPLE_VOCAB.given.contains(t.text)
                && tokens
                    .get(m + 1)
                    .is_some_and(|n| is_name_word(n) && !n.is_title_word());
            if person_next && (u..m).all(|k| lower_in(&v.domain, tokens[k].text)) {
                break;
            }
            let cap_ok = t.is_capitalised() && (!t.is_title_word() || is_org_word(t.text));
            // "Instituto del Progreso Latino": a particle inside a name.
            let joiner = (matches!(t.text, "&" | "(" | ")" | "of" | "and")
                || PEOPLE_VOCAB.particle.contains(t.text))
                && tokens
                    .get(m + 1)
                    .is_some_and(|n| n.is_capitalised() && !n.is_title_word());
            let close = t.text == ")" && tokens[ulast].is_capitalised();
            if cap_ok || joiner || close {
                ulast = m;
                m += 1;
            } else if t.text == "'s" || t.text == "’s" {
                // "Orla Bank's Nordic division": the unit of a named company.
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
            .filter(|n| descriptor && n.is_capitalised() && !n.is_title_word());
        if owner.is_some() {
            let first = ulast + 2;
            return Some((
                last_head,
                Some(Unit::named(first, name_run_end(tokens, first))),
            ));
        }
        // "Director of Finance", "Vice President of Human Resources": a
        // function in capitals is part of the title, not an organisation.
        let function = (u..=ulast).all(|k| lower_in(&v.domain, tokens[k].text));
        return Some((
            last_head,
            Some(Unit {
                first: u,
                last: ulast,
                named: !function,
            }),
        ));
    }
    // A lower-case unit: up to eight plain words, with commas and "and"
    // between them ("of global advertising, marketing and partnerships").
    let mut ulast = None;
    let mut possessed = false;
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
                n.is_word() && !n.is_capitalised() && !is_stop_word(n.text) && !n.is_title_word()
            });
        if joiner {
            m += 1;
            continue;
        }
        // "of the carmaker's Brazil operations", "of the bank's retail
        // arm": a unit of the organisation named by a common noun.
        let possessive = matches!(t.text, "'s" | "’s")
            && ulast == Some(m - 1)
            && (m + 1..m + 4).any(|i| {
                tokens
                    .get(i)
                    .is_some_and(|n| lower_in(&ORG_VOCAB.unit, n.text))
            });
        if possessive {
            possessed = true;
            m += 1;
            continue;
        }
        // "head of the northern Europe business": a place in capitals
        // inside a unit that a unit word closes.
        let unit_closes = t.is_capitalised()
            && ulast.is_some()
            && (m + 1..m + 4)
                .map_while(|i| tokens.get(i))
                .take_while(|n| n.is_capitalised() || lower_in(&ORG_VOCAB.unit, n.text))
                .any(|n| !n.is_capitalised());
        let capital_ok = (possessed || unit_closes) && !t.is_title_word();
        possessed |= unit_closes;
        if m - u >= 8 || !t.is_word() || is_stop_word(t.text) || (t.is_capitalised() && !capital_ok)
        {
            break;
        }
        ulast = Some(m);
        m += 1;
        // "of the bank's retail arm": the unit word ends it.
        if possessed && lower_in(&ORG_VOCAB.unit, t.text) {
            break;
        }
    }
    // "chairman of online marketplace Pinduoduo": a short description
    // ending in a noun for an organisation, then its name ("director of
    // cricket Anil Verma" is a title and a person).
    let described = ulast.is_some_and(|l| lower_in(&ORG_VOCAB.descriptor, tokens[l].text));
    if described
        && m - u <= 3
        && tokens
            .get(m)
            .is_some_and(|t| t.is_capitalised() && !t.is_title_word())
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
