//! The encoding the event rules read: one symbol per chunk.

use super::{Chunk, ChunkKind, Mentions, Token};
use crate::lexicon::Tags;

/// The encoding of `chunks`, made of `tokens`.
pub(super) fn encode<'t>(chunks: Vec<Chunk<'t>>, tokens: &[Token<'_>]) -> Mentions<'t> {
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
                push_number(&mut encoding, n);
            }
            // A nationality before a name ("hired Englishman Mark Ellison")
            // reads as one placeholder word.
            // (A word chunk is one token.)
            None if tokens[c.first].tags.has(Tags::DEMONYM) => encoding.push_str("nat"),
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
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
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

/// Writes `n` in decimal without a string of its own.
pub(crate) fn push_number(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        // A digit is below 10: the cast keeps it whole.
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}
