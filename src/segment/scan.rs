//! The scanner behind [`SentenceSplitter`]: finds cut positions.
//!
//! A *cut* is a byte offset where one sentence ends and the next may begin;
//! whitespace between cuts is trimmed later by the iterator, so a cut may
//! fall anywhere in a run of spaces.

mod ellipses;
mod lists;

use super::lines::Layout;
use super::SentenceSplitter;
use crate::lexicon::{
    lower_in, with_lowercase, AbbreviationKind, NEVER_FINAL, STARTERS, SUBJECT_VERBS,
    TIME_PREPOSITIONS, TITLE_WORDS,
};

/// How far the scanner looks back or ahead for the words around a
/// candidate. Bounding it keeps the scan linear on adversarial input (a
/// megabyte of "a.a.a.a").
const WINDOW: usize = 64;

/// Returns the cut positions of `text`, in increasing order, ending with
/// `text.len()`.
pub(super) fn cuts(splitter: &SentenceSplitter, text: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(text.len() / 80 + 1);
    let mut block_start = 0;
    let layout = Layout::measure(text, !splitter.newline_ends_sentence);
    layout.breaks(text, |newline| {
        Block::new(splitter, text, block_start, newline).scan(&mut out);
        out.push(newline);
        block_start = newline + 1;
    });
    Block::new(splitter, text, block_start, text.len()).scan(&mut out);
    out.push(text.len());
    out
}

/// Closing punctuation that stays with the sentence it ends.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›' | '」' | '』' | '）'
    )
}

/// Opening punctuation skipped when reading the first word of a sentence.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«' | '‹' | '「' | '『' | '（'
    )
}

/// Opening quotation marks: a quotation that opens right after an
/// abbreviation starts a new sentence ("on George St. \"Beatrice has").
fn is_quote_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«')
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '▪' | '‣' | '◦' | '●')
}

fn is_cjk_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// What the next word of the text looks like.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Next {
    /// Starts with a lower-case letter: the sentence goes on.
    Lower,
    /// Starts with an upper-case letter, maybe behind an opening quote.
    Upper,
    /// Starts with a digit.
    Digit,
    /// An opening bracket before an upper-case letter ("Inc. (NYSE: X)").
    Bracket,
    /// A dash: "BENTONVILLE, Ark. — Walmart has": a dateline goes on.
    Dash,
    /// Anything else: symbols, uncased scripts, bullets.
    Other,
}

struct Block<'s, 't> {
    splitter: &'s SentenceSplitter,
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'s, 't> Block<'s, 't> {
    fn new(splitter: &'s SentenceSplitter, text: &'t str, start: usize, end: usize) -> Self {
        Self {
            splitter,
            text,
            start,
            end,
        }
    }

    fn bytes(&self) -> &'t [u8] {
        self.text.as_bytes()
    }

    fn char_at(&self, i: usize) -> Option<char> {
        if i >= self.end {
            return None;
        }
        self.text[i..self.end].chars().next()
    }

    fn char_before(&self, i: usize) -> Option<char> {
        if i <= self.start {
            return None;
        }
        self.text[self.start..i].chars().next_back()
    }

    /// Pushes the cuts inside this block (not its end) onto `out`.
    fn scan(&self, out: &mut Vec<usize>) {
        let base = out.len();
        let first_content = self.first_content();
        let ascii = self.text[self.start..self.end].is_ascii();
        let (markers, bullets) = self.list_markers(first_content, ascii);
        let mut protected = markers.iter().map(|m| (m.punct, m.punct_end)).peekable();
        out.extend(
            markers
                .iter()
                .filter(|m| !m.at_block_start)
                .map(|m| m.item_start),
        );
        let bytes = self.bytes();
        let mut i = self.start;
        while i < self.end {
            // Jump to the next candidate; most bytes are not one.
            let rest = &bytes[i..self.end];
            let next = if ascii {
                memchr::memchr3(b'.', b'!', b'?', rest)
            } else {
                rest.iter()
                    .position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2..=0xEF))
            };
            let Some(k) = next else { break };
            i += k;
            while protected.peek().is_some_and(|&(_, end)| end <= i) {
                protected.next();
            }
            if protected.peek().is_some_and(|&(s, e)| s <= i && i < e) {
                i += 1;
                continue;
            }
            let c = self.char_at(i).unwrap_or('\0');
            i = match c {
                '.' | '…' => self.dots(i, out),
                '!' | '?' => self.bang(i, out),
                c if is_cjk_terminator(c) => {
                    let end = self.skip_closers(i + c.len_utf8());
                    out.push(end);
                    end
                }
                c if is_bullet(c) => {
                    // One bullet mid-line is a separator ("BEIJING • Vexa");
                    // several make a list.
                    if i > first_content && bullets > 1 {
                        out.push(i);
                    }
                    i + c.len_utf8()
                }
                c => i + c.len_utf8().max(1),
            };
        }
        // Cuts from list items and punctuation interleave; keep them sorted.
        out[base..].sort_unstable();
    }

    /// Offset of the first non-whitespace byte of the block.
    fn first_content(&self) -> usize {
        let block = &self.text[self.start..self.end];
        self.start + (block.len() - block.trim_start().len())
    }

    /// The largest char boundary at or below `i`, but not below the block.
    fn floor_boundary(&self, i: usize) -> usize {
        super::floor_char_boundary(self.text, i.max(self.start))
    }

    fn skip_closers(&self, mut i: usize) -> usize {
        while let Some(c) = self.char_at(i) {
            if !is_closer(c) {
                break;
            }
            i += c.len_utf8();
        }
        i
    }

    /// `!`, `?` and runs of them ("Hello?!").
    fn bang(&self, i: usize, out: &mut Vec<usize>) -> usize {
        let bytes = self.bytes();
        let mut j = i;
        while j < self.end && matches!(bytes[j], b'!' | b'?') {
            j += 1;
        }
        let j = self.skip_closers(j);
        if matches!(
            self.next_after(j),
            Some((Next::Upper | Next::Digit | Next::Other | Next::Bracket, _))
        ) {
            out.push(j);
        }
        j
    }

    /// The kind of the next word after the whitespace at `j`, and where it
    /// starts; `None` when `j` is not followed by whitespace (the
    /// punctuation is inside a token) or the block ends.
    fn next_after(&self, j: usize) -> Option<(Next, usize)> {
        let first = self.char_at(j)?;
        if !first.is_whitespace() {
            return None;
        }
        let rest = &self.text[j..self.end];
        let word_start = j + (rest.len() - rest.trim_start().len());
        let mut k = word_start;
        let mut saw_opener = None;
        let limit = (word_start + WINDOW).min(self.end);
        while k < limit {
            let c = self.char_at(k)?;
            if c.is_lowercase() {
                return Some((Next::Lower, word_start));
            }
            if c.is_uppercase() {
                let kind = if saw_opener == Some('(') || saw_opener == Some('[') {
                    Next::Bracket
                } else {
                    Next::Upper
                };
                return Some((kind, word_start));
            }
            if c.is_ascii_digit() {
                return Some((Next::Digit, word_start));
            }
            if matches!(c, '—' | '–' | '-') {
                return Some((Next::Dash, word_start));
            }
            if is_opener(c) && saw_opener.is_none() {
                saw_opener = Some(c);
                k += c.len_utf8();
                continue;
            }
            return Some((Next::Other, word_start));
        }
        None
    }

    /// The word starting at `start`, without opening punctuation and without
    /// trailing punctuation ("(It," gives "It").
    fn word_at(&self, start: usize) -> &'t str {
        let limit = (start + WINDOW).min(self.end);
        let mut end = start;
        while end < limit {
            match self.char_at(end) {
                Some(c) if !c.is_whitespace() => end += c.len_utf8(),
                _ => break,
            }
        }
        self.text[start..end]
            .trim_start_matches(is_opener)
            .trim_end_matches(|c: char| !c.is_alphanumeric())
    }

    /// The token that ends at byte `i` (exclusive): the run of non-space
    /// characters before it, without opening punctuation.
    fn token_before(&self, i: usize) -> &'t str {
        let floor = i.saturating_sub(WINDOW).max(self.start);
        let mut s = i;
        while s > floor {
            match self.char_before(s) {
                Some(c) if !c.is_whitespace() => s -= c.len_utf8(),
                _ => break,
            }
        }
        self.text[s..i].trim_start_matches(is_opener)
    }

    /// The word before the token that ends at `i`.
    fn previous_word(&self, token_start: usize) -> &'t str {
        let from = self.floor_boundary(token_start.saturating_sub(WINDOW));
        self.text[from..token_start]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .trim_start_matches(is_opener)
    }

    /// The last cut made in this block, or its start.
    fn last_cut(&self, out: &[usize]) -> usize {
        out.last()
            .copied()
            .filter(|&c| c >= self.start)
            .unwrap_or(self.start)
    }

    /// Whether only whitespace and opening punctuation stand between the
    /// last cut `since` and `i` (looking back at most [`WINDOW`] bytes).
    fn opens_piece(&self, i: usize, since: usize) -> bool {
        let floor = self.floor_boundary(i.saturating_sub(WINDOW)).max(since);
        let mut k = i;
        while k > floor {
            match self.char_before(k) {
                Some(c) if c.is_whitespace() || is_opener(c) => k -= c.len_utf8(),
                _ => break,
            }
        }
        k == since
    }

    /// A single period at `i`.
    fn full_stop(&self, i: usize, out: &mut Vec<usize>) -> usize {
        let j = i + 1;
        // Inside a token: decimals, domains, initialisms, or two sentences
        // glued together by a missing space ("world.Today").
        let inside_token = self
            .char_at(j)
            .is_some_and(|c| !c.is_whitespace() && !is_closer(c));
        if inside_token {
            if self.glued_sentences(i) {
                out.push(j);
            }
            return j;
        }
        let after = self.skip_closers(j);
        let Some((next, word_start)) = self.next_after(after) else {
            return after;
        };
        if next == Next::Lower {
            return after;
        }
        let mut token = self.token_before(i);
        let mut kind = with_lowercase(token, |t| self.splitter.abbreviation(t));
        if kind.is_none() {
            // "Tuesday.Mr. Smith": look at the word after a glued full stop.
            if let Some((_, tail)) = token.rsplit_once('.') {
                if let Some(k) = with_lowercase(tail, |t| self.splitter.abbreviation(t)) {
                    token = tail;
                    kind = Some(k);
                }
            }
        }
        let next_word = self.word_at(word_start);
        // A title stands right before a name, never before a quotation: an
        // opening quote after an abbreviation starts a new sentence.
        let quoted = next == Next::Upper && self.opens_quotation(word_start);
        // "U.S. officials", "J.R.R. Halden": an initialism that opens the
        // sentence cannot be a sentence of its own.
        let leads = self.opens_piece(i - token.len(), self.last_cut(out));
        let ends = match kind {
            Some(AbbreviationKind::Prefix) => quoted,
            Some(AbbreviationKind::Number) if next == Next::Digit => false,
            Some(AbbreviationKind::Number) => {
                self.plain_word_ends(token, i, next, word_start, next_word)
            }
            Some(AbbreviationKind::Suffix) => {
                next == Next::Upper && !with_lowercase(next_word, |w| TITLE_WORDS.contains(w))
            }
            Some(AbbreviationKind::Ambiguous) => {
                if token.eq_ignore_ascii_case("a.m") || token.eq_ignore_ascii_case("p.m") {
                    self.time_ends(i - token.len(), next, word_start, next_word)
                } else {
                    next == Next::Upper
                        && !leads
                        && (quoted || self.opens_sentence(word_start, next_word))
                }
            }
            // "U.S. officials", "P. Srinivas will": an initialism or an
            // initial that opens the sentence cannot be a sentence of its own.
            None if leads && (is_initialism(token) || is_single_initial(token)) => false,
            None => self.plain_word_ends(token, i, next, word_start, next_word),
        };
        if ends {
            out.push(after);
        }
        after
    }

    /// A period after a token that is not a listed abbreviation; the next
    /// word starts at `word_start`.
    fn plain_word_ends(
        &self,
        token: &str,
        i: usize,
        next: Next,
        word_start: usize,
        next_word: &str,
    ) -> bool {
        let is_initial = token.len() == 1 && token.as_bytes()[0].is_ascii_uppercase();
        if is_initial {
            if next != Next::Upper || self.initial_at(word_start) {
                return false; // "T. S. Eliot": the name goes on
            }
            if STARTERS.contains(next_word) {
                return true;
            }
            // "Albert I. Jones" is a name; "you and I. Did you" is not, and
            // neither is "founded by H. Norberg in 1921" unless a verb
            // follows the capitalised word ("rated grade A. Inspectors said").
            // "while P. Srinivas will": after a word that ends no sentence
            // the letter opens a name.
            let prev = self.previous_word(i - 1);
            if token != "I" && with_lowercase(prev, |w| NEVER_FINAL.contains(w)) {
                return false;
            }
            let prev_lower = prev.chars().next().is_some_and(char::is_lowercase);
            return prev_lower && (token == "I" || self.opens_sentence(word_start, next_word));
        }
        if is_initialism(token) {
            return next == Next::Upper && self.opens_sentence(i + 1, next_word);
        }
        matches!(
            next,
            Next::Upper | Next::Digit | Next::Other | Next::Bracket
        )
    }

    /// Whether a quotation opens at `at` ("\"Beatrice is ready,\" he
    /// said"), rather than a quoted name or term that closes within a few
    /// words without punctuation ("the U.S. \"Buy American\" rule").
    fn opens_quotation(&self, at: usize) -> bool {
        let Some(open) = self.char_at(at).filter(|&c| is_quote_opener(c)) else {
            return false;
        };
        let close = match open {
            '"' => '"',
            '“' => '”',
            '«' => '»',
            _ => return true, // a single quote may close as an apostrophe
        };
        let from = at + open.len_utf8();
        let limit = self.floor_boundary((at + WINDOW).min(self.end)).max(from);
        let inner = &self.text[from..limit];
        match inner.find(close) {
            Some(k) => inner[..k].ends_with(['.', ',', '!', '?', '…', ';', ':']),
            None => true,
        }
    }

    /// Whether an initial ("S." followed by a space) starts at `at`.
    fn initial_at(&self, at: usize) -> bool {
        let bytes = self.bytes();
        at + 2 < self.end
            && bytes[at].is_ascii_uppercase()
            && bytes[at + 1] == b'.'
            && bytes[at + 2].is_ascii_whitespace()
    }

    /// Whether the capitalised `word` (at or after `at`) opens a sentence:
    /// a usual opener ("The", "He") or a name followed by a finite verb
    /// ("McKenna succeeds").
    fn opens_sentence(&self, at: usize, word: &str) -> bool {
        if STARTERS.contains(word) {
            return true;
        }
        let Some(pos) = self.text[at..self.end].find(word) else {
            return false;
        };
        let after = at + pos + word.len();
        let rest = &self.text[after..self.end];
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() {
            return false; // "Smith's", "Smith," : not a bare subject
        }
        SUBJECT_VERBS.contains(self.word_at(self.end - trimmed.len()))
    }

    /// "a.m."/"p.m." end a sentence before a sentence opener, a title
    /// ("6 P.M. Mr. Smith then went"), a quotation or a name with a verb
    /// ("11 p.m. Police said"), except after an opening time phrase ("At 5
    /// a.m. Mr. Smith went").
    fn time_ends(
        &self,
        token_start: usize,
        next: Next,
        word_start: usize,
        next_word: &str,
    ) -> bool {
        if next != Next::Upper {
            return false;
        }
        let opener = STARTERS.contains(next_word)
            || with_lowercase(next_word, |w| {
                self.splitter.abbreviation(w) == Some(AbbreviationKind::Prefix)
            })
            || self.opens_quotation(word_start)
            || self.opens_sentence(word_start, next_word);
        if !opener {
            return false;
        }
        let since = self.floor_boundary(token_start.saturating_sub(WINDOW));
        let phrase = self.text[since..token_start]
            .rsplit(['.', '!', '?'])
            .next()
            .unwrap_or("")
            .trim();
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let time_phrase = words.len() <= 2
            && words
                .first()
                .is_some_and(|w| lower_in(&TIME_PREPOSITIONS, w));
        !time_phrase
    }

    /// "Hello world.Today is" or "bought 1,000.That is": a lower-case word or
    /// a number, a period, then a capitalised word, with no space between.
    fn glued_sentences(&self, i: usize) -> bool {
        let bytes = self.bytes();
        if i < self.start + 2 || i + 2 >= self.end {
            return false;
        }
        let before_ok = bytes[i - 1].is_ascii_lowercase() && bytes[i - 2].is_ascii_lowercase()
            || bytes[i - 1].is_ascii_digit();
        let after_ok = bytes[i + 1].is_ascii_uppercase() && bytes[i + 2].is_ascii_lowercase();
        if !(before_ok && after_ok) {
            return false;
        }
        // Domains and e-mail addresses ("Jane.Doe@example.com") stay whole.
        let token_start = i - self.token_before(i).len();
        let limit = (i + WINDOW).min(self.end);
        let mut token_end = i;
        while token_end < limit && !bytes[token_end].is_ascii_whitespace() {
            token_end += 1;
        }
        let token = &bytes[token_start..token_end];
        // A slash marks a path ("example.com/News.Today").
        !(contains(token, b"@") || contains(token, b"/") || contains(token, b"www."))
    }
}

/// "P", the letter of an initial written "P.".
fn is_single_initial(token: &str) -> bool {
    token.len() == 1 && token.as_bytes()[0].is_ascii_uppercase()
}

fn is_initialism(token: &str) -> bool {
    // "J.K", "A.B.C": letters separated by single periods.
    let mut letters = 0;
    let mut expect_letter = true;
    for c in token.chars() {
        if expect_letter && c.is_alphabetic() {
            letters += 1;
        } else if !expect_letter && c == '.' {
        } else {
            return false;
        }
        expect_letter = !expect_letter;
    }
    letters >= 2 && !expect_letter
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}
