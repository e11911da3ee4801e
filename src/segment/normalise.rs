//! The sentences as the later stages read them: whitespace made regular.
//!
//! The same sentence reaches us in many shapes: wrapped over several lines,
//! with Windows line ends, with no-break or thin spaces between words, with
//! a word hyphenated across a line break ("vice-\npresident"), with soft
//! hyphens or zero-width spaces left by a web page. The stages after
//! splitting should see one shape, so that the same article gives the same
//! records however it was delivered, and so that every value taken from the
//! text is already clean.
//!
//! [`Normalised::of`] copies the article once, rewriting only the inside of
//! its sentences: a run of whitespace becomes one space, a line break right
//! after a hyphen inside a word disappears, and invisible format characters
//! go. Between sentences the text is copied as it is. A table of the edits
//! maps every offset of the copy back to the original, so that evidence
//! spans still point into the text the caller gave. Text that needs no edit
//! (most of it) is not copied at all.

use std::borrow::Cow;

use super::Sentence;
use crate::record::Span;

/// An article with regular whitespace inside its sentences, and the way
/// back to the original offsets.
#[derive(Clone, Debug)]
pub(crate) struct Normalised<'t> {
    text: Cow<'t, str>,
    /// Each sentence's byte range in `text`.
    spans: Vec<(usize, usize)>,
    /// Each sentence's byte range in the original.
    original_spans: Vec<(usize, usize)>,
    /// `(offset in text, offset in the original)` at the start of every
    /// stretch copied unchanged, in increasing order; empty when `text` is
    /// the original.
    anchors: Vec<(usize, usize)>,
}

impl<'t> Normalised<'t> {
    /// Normalises the inside of each of `sentences` (which must come from
    /// `original`, in order, as the splitter gives them).
    pub(crate) fn of(original: &'t str, sentences: &[Sentence<'t>]) -> Normalised<'t> {
        let spans: Vec<(usize, usize)> = sentences.iter().map(|s| (s.start, s.end)).collect();
        if sentences.iter().all(|s| is_regular(s.text)) {
            return Normalised {
                text: Cow::Borrowed(original),
                original_spans: spans.clone(),
                spans,
                anchors: Vec::new(),
            };
        }
        let mut out = Normalised {
            text: Cow::Owned(String::with_capacity(original.len())),
            spans: Vec::with_capacity(sentences.len()),
            original_spans: spans,
            anchors: Vec::new(),
        };
        let mut copied = 0;
        for s in sentences {
            out.copy(original, copied, s.start);
            let start = out.len();
            out.rewrite(original, s.start, s.end);
            out.spans.push((start, out.len()));
            copied = s.end;
        }
        out.copy(original, copied, original.len());
        out
    }

    /// The normalised article.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// The sentences, as slices of [`text`](Self::text).
    pub(crate) fn sentences(&self) -> Vec<Sentence<'_>> {
        self.spans
            .iter()
            .map(|&(start, end)| Sentence {
                start,
                end,
                text: &self.text[start..end],
            })
            .collect()
    }

    /// The span of the original text that `span` (a span of
    /// [`text`](Self::text) that starts and ends on a character boundary)
    /// covers. A span that starts or ends where a sentence does maps to
    /// where the original sentence does, invisible characters included.
    pub(crate) fn to_original(&self, span: Span) -> Span {
        if self.anchors.is_empty() {
            return span;
        }
        let k = self.spans.partition_point(|&(start, _)| start < span.start);
        let start = match self.spans.get(k) {
            Some(&(start, _)) if start == span.start => self.original_spans[k].0,
            _ => self.offset_to_original(span.start),
        };
        let k = self.spans.partition_point(|&(_, end)| end < span.end);
        let end = match self.spans.get(k) {
            Some(&(_, end)) if end == span.end => self.original_spans[k].1,
            // Mapped through the last byte it covers, so that a span ending
            // right before an edit ends where the copied text ends.
            _ if span.end > span.start => self.offset_to_original(span.end - 1) + 1,
            _ => start,
        };
        Span { start, end }
    }

    fn offset_to_original(&self, offset: usize) -> usize {
        let k = self.anchors.partition_point(|&(at, _)| at <= offset);
        match k.checked_sub(1).map(|k| self.anchors[k]) {
            Some((at, from)) => from + (offset - at),
            None => offset,
        }
    }

    fn len(&self) -> usize {
        self.text.len()
    }

    fn push_str(&mut self, s: &str) {
        if let Cow::Owned(text) = &mut self.text {
            text.push_str(s);
        }
    }

    /// Copies `original[from..to]` unchanged.
    fn copy(&mut self, original: &str, from: usize, to: usize) {
        if from < to {
            self.anchor(from);
            self.push_str(&original[from..to]);
        }
    }

    fn anchor(&mut self, original_offset: usize) {
        let here = self.len();
        if let Some(&(at, from)) = self.anchors.last() {
            if from + (here - at) == original_offset {
                return; // the copy goes on unbroken
            }
        }
        self.anchors.push((here, original_offset));
    }

    /// Writes `original[from..to]` (one sentence) with its whitespace made
    /// regular.
    fn rewrite(&mut self, original: &str, from: usize, to: usize) {
        let sentence = &original[from..to];
        let mut chars = sentence.char_indices().peekable();
        // Start of the stretch not yet written.
        let mut pending = 0;
        while let Some((i, c)) = chars.next() {
            if is_invisible(c) {
                self.copy(original, from + pending, from + i);
                pending = i + c.len_utf8();
                continue;
            }
            if !c.is_whitespace() {
                continue;
            }
            let mut end = i + c.len_utf8();
            let mut line_break = matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_whitespace() && !is_invisible(d) {
                    break;
                }
                line_break |= matches!(d, '\n' | '\r' | '\u{2028}' | '\u{2029}');
                end = j + d.len_utf8();
                chars.next();
            }
            let run = &sentence[i..end];
            if run == " " {
                continue;
            }
            self.copy(original, from + pending, from + i);
            if !(line_break && hyphen_joins(&sentence[..i], &sentence[end..])) {
                self.push_str(" ");
            }
            pending = end;
        }
        self.copy(original, from + pending, to);
    }
}

/// Whether a line break between `before` and `after` falls inside a
/// hyphenated word: a letter and a hyphen before it, a letter after it.
fn hyphen_joins(before: &str, after: &str) -> bool {
    let mut back = before.chars().rev();
    matches!(back.next(), Some('-' | '\u{2010}'))
        && back.next().is_some_and(char::is_alphabetic)
        && after.chars().next().is_some_and(char::is_alphabetic)
}

/// Characters that show nothing and separate nothing: soft hyphens,
/// zero-width spaces and joiners, byte order marks.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}'
    )
}

/// Whether `sentence` needs no rewriting: single ASCII spaces between
/// words and nothing invisible.
fn is_regular(sentence: &str) -> bool {
    let irregular_ascii = |b: &u8| matches!(b, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C);
    !sentence.as_bytes().iter().any(irregular_ascii)
        && !sentence.contains("  ")
        && (sentence.is_ascii()
            || !sentence
                .chars()
                .any(|c| !c.is_ascii() && (c.is_whitespace() || is_invisible(c))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::split_sentences;

    fn normalise(text: &str) -> (String, Vec<String>, Normalised<'_>) {
        let sentences: Vec<Sentence<'_>> = split_sentences(text).collect();
        let n = Normalised::of(text, &sentences);
        let texts = n.sentences().iter().map(|s| s.text.to_owned()).collect();
        (n.text().to_owned(), texts, n)
    }

    #[test]
    fn regular_text_is_not_copied() {
        let text = "Jane Roe resigned.  Tom Li takes over.";
        let sentences: Vec<Sentence<'_>> = split_sentences(text).collect();
        let n = Normalised::of(text, &sentences);
        assert!(matches!(n.text, Cow::Borrowed(_)));
        assert_eq!(
            n.to_original(Span { start: 20, end: 26 }),
            Span { start: 20, end: 26 }
        );
    }

    #[test]
    fn whitespace_inside_sentences_becomes_one_space() {
        let (_, sentences, _) = normalise(
            "Jane\u{a0}Roe, the chief\r\nfinancial officer,  resigned.\n\nTom\tLi\u{200b} stays.",
        );
        assert_eq!(
            sentences,
            [
                "Jane Roe, the chief financial officer, resigned.",
                "Tom Li stays."
            ]
        );
    }

    #[test]
    fn a_word_hyphenated_at_a_line_break_is_joined() {
        let (_, sentences, _) = normalise(
            "Ana Ruiz, a senior vice-\npresident of the bank, joins as non-\r\n  executive chair.",
        );
        assert_eq!(
            sentences,
            ["Ana Ruiz, a senior vice-president of the bank, joins as non-executive chair."]
        );
        // A dash between words is no hyphenation.
        let (_, sentences, _) = normalise("Acme said -\nshares rose.");
        assert_eq!(sentences, ["Acme said - shares rose."]);
    }

    #[test]
    fn spans_map_back_to_the_original() {
        let text = "Headline here\n\nJane  Roe,\r\nthe chief, left.  Tom\u{a0}Li stays.";
        let (clean, sentences, n) = normalise(text);
        for (i, s) in n.sentences().iter().enumerate() {
            let back = n.to_original(Span {
                start: s.start,
                end: s.end,
            });
            let original = &text[back.start..back.end];
            let squeezed: Vec<&str> = original.split_whitespace().collect();
            assert_eq!(squeezed.join(" "), sentences[i], "{clean:?}");
        }
        // A word inside a sentence maps to the same word.
        let at = clean.find("chief").unwrap();
        let back = n.to_original(Span {
            start: at,
            end: at + 5,
        });
        assert_eq!(&text[back.start..back.end], "chief");
    }
}
