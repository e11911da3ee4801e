//! Wire furniture at the start of a sentence: slugs, editors' notes and
//! datelines ("UPDATE 2-", "(Adds quote, paragraph 4)", "NEW YORK, March 3
//! (Reuters) -"). The mention finder skips it, so that it never becomes
//! part of a name or the subject of the sentence.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::lexicon::{entries, is_place, CALENDAR_SOURCE, FURNITURE_SOURCE};
use crate::segment::floor_char_boundary;

/// The furniture pattern, built once from the word lists.
static FURNITURE: Lazy<Regex> = Lazy::new(|| {
    let list = |src: &'static str, sections: &[&str]| -> String {
        let mut words: Vec<&str> = entries(src)
            .filter(|(s, _)| sections.contains(s))
            .map(|(_, w)| w)
            .collect();
        // Longest first, so that "Sept." is tried before "Sep.".
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let escaped: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
        format!("(?:{})", escaped.join("|"))
    };
    let slug = list(FURNITURE_SOURCE, &["slug"]);
    let note = list(FURNITURE_SOURCE, &["note_verb"]);
    let wire = list(FURNITURE_SOURCE, &["wire"]);
    let month = list(
        CALENDAR_SOURCE,
        &["month", "month_abbreviation", "dateline_month"],
    );
    // A place in capitals ("NEW YORK", "ST. LOUIS"), maybe a region
    // ("Ohio", "Calif.", "N.C."), maybe a date, maybe the agency.
    let place = r"[A-Z][A-Z.'&-]+(?: [A-Z][A-Z.'&-]+){0,3}";
    let region = r"(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})?";
    let date = format!(r"(?:,? {month} [0-9]{{1,2}}(?:, [0-9]{{4}})?)");
    let agency = format!(r"(?: ?(?:\({wire}\)|/{wire}/))?");
    // A lone hyphen only with a space before it ("NEW YORK - "), so that
    // "US-China talks" keeps its first word.
    let dash = r"(?: ?(?:--|—|–)| -)";
    let bracketed_agency = format!(r"(?:\({wire}(?: ?{dash} ?[^)]{{0,40}})?\) ?{dash})?");
    // An editor's note: the verb, then the rest of the bracket. The verb
    // ends in a letter, so what `\b[^)]{0,120}\)` says is written without
    // the word boundary (with one, the regex engine leaves its fast
    // automaton for a slow one at the first non-ASCII character).
    let note = format!(r"\({note}(?:\)|[^\w)][^)]{{0,119}}\))");
    let pattern = format!(
        r"^(?:{slug}(?: [0-9]{{1,2}})?- ?)?(?:{note} ?)?(?:(?:{place}{region}{date}?{agency}{dash}{bracketed_agency}|{place}{region}{date}{agency}) ?)?"
    );
    Regex::new(&pattern)
        .unwrap_or_else(|e| panic!("built-in furniture.txt makes a bad pattern: {e}"))
});

/// How many bytes of wire furniture open `sentence` (0 when none): the
/// slug, note and dateline, with the spaces after them. Furniture must be
/// followed by the story: a capital letter, a digit, a quote or a bracket.
pub(crate) fn prefix_len(sentence: &str) -> usize {
    // Furniture opens with a bracket or with two capitals ("NEW YORK",
    // "UPDATE"): one look at two bytes spares most sentences the pattern.
    let b = sentence.as_bytes();
    let may = b.first() == Some(&b'(')
        || (b.len() > 1 && b[0].is_ascii_uppercase() && b[1].is_ascii_uppercase());
    if !may {
        return place_dateline_len(sentence);
    }
    let Some(m) = FURNITURE.find(sentence) else {
        return 0;
    };
    let rest = &sentence[m.end()..];
    let story_follows = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '('));
    if m.end() == 0 || !story_follows {
        return 0;
    }
    m.end()
}

/// How many bytes a dateline of known places in ordinary case takes
/// ("Riyadh, Saudi Arabia - ", "Lagos — "): every comma-separated part
/// before the dash must be a place of `places.txt`, so that "Acme - the
/// maker of pumps -" stays the story.
fn place_dateline_len(sentence: &str) -> usize {
    const MAX_DATELINE: usize = 60;
    let head = &sentence[..floor_char_boundary(sentence, MAX_DATELINE)];
    // Every dash below is '-' or starts with byte 0xE2 ('—', '–'): most
    // sentences have neither, which one pass over the bytes tells.
    if !head.bytes().any(|b| b == b'-' || b == 0xE2) {
        return 0;
    }
    let Some((at, dash)) = [" - ", " — ", " – ", "—", "–", " -- "]
        .iter()
        .filter_map(|d| head.find(d).map(|at| (at, *d)))
        .min_by_key(|(at, _)| *at)
    else {
        return 0;
    };
    let places = &head[..at];
    let all_places = !places.is_empty()
        && places
            .split(", ")
            .all(|p| is_place(p.trim()) && !p.trim().is_empty());
    let rest = sentence[at + dash.len()..].trim_start();
    let story_follows = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“'));
    if !all_places || !story_follows {
        return 0;
    }
    sentence.len() - rest.len()
}

#[cfg(test)]
mod tests {
    use super::prefix_len;

    fn skipped(s: &str) -> &str {
        &s[..prefix_len(s)]
    }

    #[test]
    fn datelines_slugs_and_notes_are_furniture() {
        for (sentence, furniture) in [
            (
                "NEW YORK, March 3 - Corvane Inc said",
                "NEW YORK, March 3 - ",
            ),
            ("NEW YORK (Reuters) - Acme named", "NEW YORK (Reuters) - "),
            (
                "BOSTON--(BUSINESS WIRE)--Tessler Corp. appointed",
                "BOSTON--(BUSINESS WIRE)--",
            ),
            ("DAYTON, Ohio—Harlan Bank named", "DAYTON, Ohio—"),
            (
                "TOKYO, Jan. 9 (AP) — Morikawa Heavy named",
                "TOKYO, Jan. 9 (AP) — ",
            ),
            (
                "MEMPHIS, Tenn., Jan. 14, 2025 (BUSINESS WIRE) -- Brightwater named",
                "MEMPHIS, Tenn., Jan. 14, 2025 (BUSINESS WIRE) -- ",
            ),
            (
                "AUSTIN, Texas, March 3, 2024 /PRNewswire/ -- Tesoro",
                "AUSTIN, Texas, March 3, 2024 /PRNewswire/ -- ",
            ),
            (
                "FRANKFURT, July 18 Halden Motors said",
                "FRANKFURT, July 18 ",
            ),
            ("BRIEF-Kestrel Foods names Dee Lamb CFO", "BRIEF-"),
            ("UPDATE 2-Ostrava Bank CEO resigns", "UPDATE 2-"),
            (
                "(Adds quote, paragraph 4) LONDON (Reuters) - Barlow",
                "(Adds quote, paragraph 4) LONDON (Reuters) - ",
            ),
            (
                "Nairobi, Kenya - Halden Bank has named",
                "Nairobi, Kenya - ",
            ),
            ("Lagos — Kestrel Foods said", "Lagos — "),
            (
                "SAN FRANCISCO, Jan 9 (Reuters) - Stellarix said",
                "SAN FRANCISCO, Jan 9 (Reuters) - ",
            ),
        ] {
            assert_eq!(skipped(sentence), furniture, "{sentence}");
        }
    }

    #[test]
    fn ordinary_openings_are_not_furniture() {
        for sentence in [
            "Acme Corp - the maker of pumps - named a chief.",
            "US-China talks resumed on Monday.",
            "CEO-designate Jane Roe starts in May.",
            "AT&T named a new chief technology officer.",
            "IBM said on Monday that its CFO would retire.",
            "NEW YORK - ",
            "UPDATE 2-",
            "Acme - the maker of pumps - named a chief.",
            "Kenya Airways - the national carrier - named a chief.",
            "Lagos - ",
        ] {
            assert_eq!(skipped(sentence), "", "{sentence}");
        }
    }

    /// The note pattern stands for a word boundary after the verb, which
    /// holds only for a verb that ends in a word character.
    #[test]
    fn notes_end_at_a_word_boundary() {
        use crate::lexicon::{entries, FURNITURE_SOURCE};
        for (_, verb) in entries(FURNITURE_SOURCE).filter(|(s, _)| *s == "note_verb") {
            assert!(
                verb.ends_with(|c: char| c.is_alphanumeric()),
                "note verb {verb:?} must end in a letter or digit"
            );
        }
        assert_eq!(skipped("(Adds quote) Acme named"), "(Adds quote) ");
        assert_eq!(skipped("(Adds) Acme named"), "(Adds) ");
        assert_eq!(skipped("(Addsé quote) Acme named"), "");
        assert_eq!(skipped("(Adds “quote”) Acme named"), "(Adds “quote”) ");
    }
}
