//! Words and punctuation with their byte offsets.
//!
//! Why not UAX #29 word boundaries: the later stages need tokens that
//! standard word segmentation cuts or joins differently. It breaks at
//! hyphens, ampersands and the periods of abbreviations, which must stay
//! inside a token here ("vice-president", "AT&T", "U.S.", "Inc."), and it
//! keeps a clitic on its word ("Roe's", "She'll"), which must be a token
//! of its own here ("Roe", "'s"). What UAX #29 decides well is kept: the
//! characters of one extended grapheme cluster (UAX #29, through the
//! `unicode-segmentation` crate) never fall into two tokens, so a
//! combining accent ("Jose\u{301}") or a zero-width joiner stays in its
//! word; every Unicode space (no-break, thin, ideographic) separates words;
//! a typographic apostrophe is an apostrophe.

use unicode_segmentation::UnicodeSegmentation;

use crate::lexicon::{with_lowercase, AbbreviationKind, Tags, BUILTIN_ABBREVIATIONS, PEOPLE_VOCAB};

/// One token of a sentence: a word, a number or a punctuation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token<'t> {
    /// Byte offset in the article.
    pub start: usize,
    /// One past the last byte, in the article.
    pub end: usize,
    /// The token as written.
    pub text: &'t str,
    /// The word lists it is in, looked up once ([`Tags::of`]).
    pub tags: Tags,
}

impl<'t> Token<'t> {
    /// The token `text`, which starts at byte `start` of the article.
    fn new(start: usize, text: &'t str) -> Self {
        Token {
            start,
            end: start + text.len(),
            text,
            tags: Tags::of(text),
        }
    }
}

impl Token<'_> {
    /// Whether the token starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether the token is a word (starts with a letter).
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphabetic)
    }

    /// Whether the token is a title head, abbreviation or modifier in any
    /// case ("chief", "CFO", "Senior").
    pub fn is_title_word(&self) -> bool {
        self.tags.has(Tags::TITLE_WORD)
    }

    /// Whether the token, as written, is a usual sentence opener or a
    /// calendar word: capitalised, still never a name.
    pub fn is_non_name(&self) -> bool {
        self.tags.has(Tags::NON_NAME)
    }

    /// Whether the token is a single capital letter with a period ("W.").
    pub fn is_initial(&self) -> bool {
        let b = self.text.as_bytes();
        (b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.')
            || (b.len() == 1 && b[0].is_ascii_uppercase() && self.text != "I" && self.text != "A")
    }
}

/// Whether `c` joins the character before it in one extended grapheme
/// cluster (a combining mark, a zero-width joiner, a variation selector).
fn extends_grapheme(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 8];
    buf[0] = b'a';
    let n = c.encode_utf8(&mut buf[1..]).len();
    std::str::from_utf8(&buf[..=n]).is_ok_and(|s| s.graphemes(true).count() == 1)
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '-' | '‐' | '&' | '.')
}

/// Whether a word may keep the period that follows it ("Inc.", "Mr.", "U.S.").
fn keeps_period(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() == 1 && b[0].is_ascii_uppercase() {
        return true;
    }
    if word.contains('.') {
        return true; // "U.S", "Ph.D"
    }
    if PEOPLE_VOCAB.suffix.contains(word) || PEOPLE_VOCAB.honorific.contains(word) {
        return true;
    }
    with_lowercase(word, |w| {
        matches!(
            BUILTIN_ABBREVIATIONS.get(w),
            Some(AbbreviationKind::Prefix | AbbreviationKind::Suffix | AbbreviationKind::Number)
        )
    })
}

/// Where a clitic at the end of `word` starts: the possessive "'s" and the
/// contractions "'ll", "'re", "'ve", "'d", "'m" and "n't", with a straight
/// or a typographic apostrophe; `None` when there is none (or nothing would
/// be left before it).
fn clitic_start(word: &str) -> Option<usize> {
    // An apostrophe is ASCII or starts with byte 0xE2: most words have
    // neither.
    if !word.bytes().any(|b| b == b'\'' || b == 0xE2) {
        return None;
    }
    let (stem, clitic) = word.rsplit_once(['\'', '’', '‘'])?;
    let apostrophe = word.len() - stem.len() - clitic.len();
    if stem.is_empty() {
        return None;
    }
    let lower = clitic.to_ascii_lowercase();
    match lower.as_str() {
        "s" | "ll" | "re" | "ve" | "d" | "m" => Some(stem.len()),
        "t" if stem.len() > 1 && stem.ends_with(['n', 'N']) => Some(stem.len() - 1),
        _ => None,
    }
    .filter(|_| apostrophe > 0)
}

/// Splits `sentence` (which starts at byte `offset` of the article) into tokens.
pub(crate) fn tokenize(sentence: &str, offset: usize) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(sentence.len() / 5 + 1);
    let bytes = sentence.as_bytes();
    // Where the next token may start.
    let mut pos = 0;
    while let Some(c) = sentence[pos..].chars().next() {
        let i = pos;
        pos += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token::new(offset + i, &sentence[i..pos]));
            continue;
        }
        let mut end = pos;
        loop {
            // ASCII letters and digits extend no grapheme cluster and join
            // nothing: most of a word, read a byte at a time.
            while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                end += 1;
            }
            let Some(d) = sentence[end..].chars().next() else {
                break;
            };
            if d.is_alphanumeric() || extends_grapheme(d) {
                end += d.len_utf8();
                continue;
            }
            // "A/S", "S/A": a company form of two capitals and a slash.
            if d == '/' && end == i + 1 && bytes[i].is_ascii_uppercase() {
                let tail = &bytes[end + 1..];
                let form = tail.first().is_some_and(u8::is_ascii_uppercase)
                    && !tail.get(1).is_some_and(u8::is_ascii_alphanumeric);
                if form {
                    end += 2;
                    break;
                }
            }
            if is_joiner(d) {
                // Joiners stay inside a word only between two word characters.
                let after = sentence[end + d.len_utf8()..].chars().next();
                if after.is_some_and(char::is_alphanumeric) {
                    end += d.len_utf8();
                    continue;
                }
            }
            break;
        }
        pos = end;
        let word = &sentence[i..end];
        // Possessive "'s" and contractions ("'ll", "n't") are tokens of their
        // own: "She'll" is "She" and "'ll", "didn't" is "did" and "n't".
        if let Some(cut) = clitic_start(word) {
            let cut = i + cut;
            out.push(Token::new(offset + i, &sentence[i..cut]));
            out.push(Token::new(offset + cut, &sentence[cut..end]));
            continue;
        }
        if end < bytes.len() && bytes[end] == b'.' && keeps_period(word) {
            end += 1;
            pos = end;
        }
        out.push(Token::new(offset + i, &sentence[i..end]));
        // "Inc.'s": the possessive after a kept period.
        if bytes.get(end.wrapping_sub(1)) == Some(&b'.') {
            for apostrophe in ["'s", "’s", "‘s"] {
                let rest = &sentence[end..];
                let Some(tail) = rest.strip_prefix(apostrophe) else {
                    continue;
                };
                if !tail.chars().next().is_some_and(char::is_alphanumeric) {
                    let after = end + apostrophe.len();
                    out.push(Token::new(offset + end, &sentence[end..after]));
                    pos = after;
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s, 0).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_keep_abbreviation_periods_and_split_possessives() {
        assert_eq!(
            texts("Acme Inc.'s CEO, Mark W. Schwartz, joined the U.S. unit."),
            [
                "Acme", "Inc.", "'s", "CEO", ",", "Mark", "W.", "Schwartz", ",", "joined", "the",
                "U.S.", "unit", "."
            ]
        );
        assert_eq!(
            texts("Corvel’s vice-president"),
            ["Corvel", "’s", "vice-president"]
        );
    }

    #[test]
    fn multibyte_text_after_a_kept_period_is_not_cut() {
        assert_eq!(texts("Prof. Émile Roe"), ["Prof.", "Émile", "Roe"]);
        assert_eq!(texts("Inc.’s"), ["Inc.", "’s"]);
    }

    #[test]
    fn grapheme_clusters_stay_whole_and_unicode_spaces_separate() {
        // A combining acute accent, a zero-width joiner inside a word.
        assert_eq!(texts("Jose\u{301} Roe"), ["Jose\u{301}", "Roe"]);
        assert_eq!(texts("Ana\u{200d}Lu left"), ["Ana\u{200d}Lu", "left"]);
        // No-break, thin and ideographic spaces.
        assert_eq!(
            texts("Jane\u{a0}Roe\u{2009}quit\u{3000}today"),
            ["Jane", "Roe", "quit", "today"]
        );
        // A typographic apostrophe in a contraction.
        assert_eq!(texts("She’ll stay"), ["She", "’ll", "stay"]);
    }

    #[test]
    fn offsets_point_into_the_article() {
        let toks = tokenize("Jane Roe quit.", 10);
        assert_eq!((toks[1].start, toks[1].end), (15, 18));
    }
}
