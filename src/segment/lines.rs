//! Line structure: which single line breaks end a sentence.
//!
//! Text arrives in two shapes. In the first, a line is a paragraph, a
//! headline or a list item, and a line break ends whatever the line holds.
//! In the second, *hard-wrapped* text (newswire feeds, e-mail, plain-text
//! filings, text cut out of PDFs), a writer or a program broke every
//! paragraph into lines of about the same width, so most line breaks fall
//! inside a sentence and mean no more than a space.
//!
//! Two passes over the lines tell them apart, both linear and neither
//! storing more than a few lines:
//!
//! 1. [`Layout::measure`] reads the whole text for the signs of wrapping:
//!    many breaks that fall inside a clause (a line without final
//!    punctuation before a line in lower case), and lines that stop near one
//!    width. It estimates that width and the usual indentation.
//! 2. [`Layout::breaks`] then walks the lines again and decides each break
//!    from the line before it and the line after it: in wrapped text, a
//!    break after a line that was full (the next word would not have fitted)
//!    is a space, while a short line (a headline, a dateline, a paragraph's
//!    last line), a line before an indented paragraph start and a line before
//!    a list item end where they end. In any text, a line without final
//!    punctuation that reads on into a lower-case line which a few lines
//!    later ends a sentence is joined too ("This is a sentence\ncut off
//!    here."), while a list of lower-case lines without final punctuation
//!    is not.

use std::collections::VecDeque;

use crate::lexicon::{with_lowercase, NEVER_FINAL};

/// What the line analysis needs of one line. Lengths count characters, as
/// the programs that wrap text do.
#[derive(Clone, Copy, Debug, Default)]
struct Line {
    /// Byte offset of the line's newline, or the text's end for the last line.
    newline: usize,
    /// Only whitespace on the line.
    blank: bool,
    /// Leading whitespace, in characters.
    indent: usize,
    /// Characters from the first to the last non-whitespace character.
    len: usize,
    /// Characters of the first word.
    first_word: usize,
    /// The first letter, behind any opening punctuation, is lower case.
    starts_lower: bool,
    /// The line ends with sentence punctuation, maybe behind closing quotes
    /// or brackets.
    ends_sentence: bool,
    /// The line ends with a space or tab before its newline.
    trailing_space: bool,
    /// The line ends with a word that ends no sentence ("the", "of").
    ends_open: bool,
    /// The line ends with a comma.
    ends_comma: bool,
    /// The first character is a digit.
    starts_digit: bool,
    /// Where a list item's text starts (in characters from the line start),
    /// when the line opens one ("- Jane Roe", "• Tom Li", "2) Tom Li").
    list_text: Option<usize>,
}

impl Line {
    fn read(text: &str, start: usize, newline: usize) -> Line {
        let raw = &text[start..newline];
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let content = line.trim();
        if content.is_empty() {
            return Line {
                newline,
                blank: true,
                ..Line::default()
            };
        }
        let leading = &line[..line.len() - line.trim_start().len()];
        let indent = leading.chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
        let first_word = content
            .split(char::is_whitespace)
            .next()
            .map_or(0, |w| w.chars().count());
        let word = content.trim_start_matches(is_opening);
        let word = word.split(char::is_whitespace).next().unwrap_or("");
        // An address ("media@acme.example") is no word of running text.
        let starts_lower = word.chars().next().is_some_and(char::is_lowercase)
            && !word.contains(['@', '/'])
            && !word.starts_with("www.");
        let ends_sentence = content
            .trim_end_matches(is_closing)
            .ends_with(['.', '!', '?', ':', ';', '…', '。', '！', '？']);
        let last_word = content
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .trim_start_matches(is_opening);
        let ends_open = with_lowercase(last_word, |w| NEVER_FINAL.contains(w));
        Line {
            newline,
            blank: false,
            ends_open,
            ends_comma: content.ends_with(','),
            starts_digit: content.starts_with(|c: char| c.is_ascii_digit()),
            indent,
            len: content.chars().count(),
            first_word,
            starts_lower,
            ends_sentence,
            trailing_space: line.ends_with([' ', '\t']),
            list_text: list_item_text(content).map(|k| indent + k),
        }
    }

    /// Whether the break between `self` and `next` falls inside a clause:
    /// no final punctuation before a lower-case word, a line that ends with
    /// "the" or "of", or a comma before a number ("Roe,\n54,").
    fn reads_on(&self, next: &Line) -> bool {
        !self.blank
            && !next.blank
            && !self.ends_sentence
            && next.list_text.is_none()
            && (next.starts_lower || self.ends_open || (self.ends_comma && next.starts_digit))
    }
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

/// Where the text of a list item starts in `content` (a trimmed line), in
/// characters, if the line opens a list item: a bullet, a dash or an
/// asterisk, or a number or letter with "." or ")", then a space.
fn list_item_text(content: &str) -> Option<usize> {
    let mut chars = content.char_indices();
    let (_, first) = chars.next()?;
    let marker_end = if matches!(
        first,
        '•' | '▪' | '‣' | '◦' | '●' | '⁃' | '-' | '*' | '–' | '—'
    ) {
        first.len_utf8()
    } else {
        let digits = content.bytes().take_while(u8::is_ascii_digit).count();
        let head = if digits > 0 && digits <= 3 {
            digits
        } else if content.as_bytes()[0].is_ascii_lowercase() {
            1
        } else {
            return None;
        };
        let rest = &content[head..];
        if rest.starts_with(".)") {
            head + 2
        } else if rest.starts_with(['.', ')']) {
            head + 1
        } else {
            return None;
        }
    };
    let after = &content[marker_end..];
    let gap = after.len() - after.trim_start().len();
    (gap > 0 && !after.trim_start().is_empty()).then(|| content[..marker_end + gap].chars().count())
}

/// How many breaks inside a clause it takes to call a text wrapped.
const MIN_CLAUSE_BREAKS: usize = 1;

/// How many lines a joined line may look ahead for the end of its sentence.
const LOOKAHEAD: usize = 3;

/// The widest wrap this module recognises, in characters; beyond it, lines
/// are paragraphs.
const MAX_WIDTH: usize = 200;

/// The narrowest wrap it recognises: below this, short lines are lists.
const MIN_WIDTH: usize = 30;

/// What [`Layout::measure`] learnt about a text.
#[derive(Clone, Copy, Debug)]
pub(super) struct Layout {
    /// The estimated wrap width, when the text is hard-wrapped.
    wrap_width: Option<usize>,
    /// The most common indentation of non-blank lines.
    base_indent: usize,
    /// Every single newline is a space (`newline_ends_sentence(false)`).
    join_all: bool,
}

impl Layout {
    /// Reads `text` for signs of hard wrapping.
    pub(super) fn measure(text: &str, join_all: bool) -> Layout {
        // Lengths of lines broken inside a clause; they are full lines in
        // wrapped text. Capped so that a histogram holds them.
        let mut inside_clause = [0u32; MAX_WIDTH + 2];
        let mut indents = [0u32; 17];
        let mut all_lengths = [0u32; MAX_WIDTH + 2];
        let mut breaks = 0usize;
        let mut clause_breaks = 0usize;
        // Only lines with a non-blank neighbour count: a paragraph of one
        // line has no break to decide, so it must not sway the others.
        let mut count_line = |line: &Line| {
            indents[line.indent.min(16)] += 1;
            all_lengths[line.len.min(MAX_WIDTH + 1)] += 1;
        };
        let mut previous: Option<Line> = None;
        let mut previous_counted = false;
        for line in lines(text) {
            let mut counted = false;
            if let Some(prev) = previous {
                if !prev.blank && !line.blank {
                    if !previous_counted {
                        count_line(&prev);
                    }
                    count_line(&line);
                    counted = true;
                    breaks += 1;
                    if prev.reads_on(&line) {
                        clause_breaks += 1;
                        inside_clause[prev.len.min(MAX_WIDTH + 1)] += 1;
                    }
                }
            }
            previous = Some(line);
            previous_counted = counted;
        }
        let base_indent = (0..indents.len()).max_by_key(|&i| (indents[i], usize::MAX - i));
        let layout = Layout {
            wrap_width: None,
            base_indent: base_indent.unwrap_or(0),
            join_all,
        };
        if clause_breaks < MIN_CLAUSE_BREAKS || clause_breaks * 5 < breaks {
            return layout;
        }
        // The width: the 90th percentile of the lengths of lines broken
        // inside a clause, so that one long unbreakable word (a web
        // address) does not set it.
        let wanted = (clause_breaks * 9).div_ceil(10);
        let mut seen = 0;
        let mut width = 0;
        for (len, &n) in inside_clause.iter().enumerate() {
            seen += n as usize;
            if seen >= wanted {
                width = len;
                break;
            }
        }
        if !(MIN_WIDTH..=MAX_WIDTH).contains(&width) {
            return layout;
        }
        // Wrapped lines stop near the width; a list of phrases does not.
        let near: usize = inside_clause[width.saturating_sub(15)..]
            .iter()
            .map(|&n| n as usize)
            .sum();
        if near * 10 < clause_breaks * 6 {
            return layout;
        }
        // And hardly any line is longer than the width: in text with a
        // paragraph per line, most lines are.
        let lines: usize = all_lengths.iter().map(|&n| n as usize).sum();
        let longer: usize = all_lengths[(width + 10).min(MAX_WIDTH + 1)..]
            .iter()
            .map(|&n| n as usize)
            .sum();
        if longer * 10 > lines {
            return layout;
        }
        Layout {
            wrap_width: Some(width),
            ..layout
        }
    }

    /// Whether `text` was found to be hard-wrapped.
    #[cfg(test)]
    pub(super) fn is_wrapped(&self) -> bool {
        self.wrap_width.is_some()
    }

    /// Calls `hard` with the byte offset of every newline that ends a
    /// sentence (the break between two lines, or a blank line next to it),
    /// in text order.
    pub(super) fn breaks(&self, text: &str, mut hard: impl FnMut(usize)) {
        let mut ahead: VecDeque<Line> = VecDeque::with_capacity(LOOKAHEAD + 2);
        let mut all = lines(text);
        // Set while the lines continue a list item with a hanging indent.
        let mut hanging: Option<usize> = None;
        let mut current = match all.next() {
            Some(line) => line,
            None => return,
        };
        loop {
            while ahead.len() < LOOKAHEAD + 1 {
                match all.next() {
                    Some(line) => ahead.push_back(line),
                    None => break,
                }
            }
            let Some(next) = ahead.pop_front() else { break };
            if current.list_text.is_some() {
                hanging = current.list_text;
            } else if hanging != Some(current.indent) {
                hanging = None;
            }
            if !self.joins(&current, &next, &ahead, hanging) {
                hard(current.newline);
            }
            current = next;
        }
    }

    /// Whether the newline between `line` and `next` is read as a space.
    /// `after` holds the lines after `next`.
    fn joins(
        &self,
        line: &Line,
        next: &Line,
        after: &VecDeque<Line>,
        hanging: Option<usize>,
    ) -> bool {
        if line.blank || next.blank {
            return false; // a blank line closes the paragraph on either side
        }
        if self.join_all {
            return true;
        }
        if next.list_text.is_some() {
            return false;
        }
        // "It was a cold \nnight": soft-wrapped prose.
        if line.trailing_space && next.starts_lower {
            return true;
        }
        if let Some(width) = self.wrap_width {
            let continues_item = hanging == Some(next.indent);
            // An indented line opens a paragraph, unless it goes on in lower
            // case.
            if next.indent > self.base_indent && !continues_item && !next.starts_lower {
                return false;
            }
            let room = width.saturating_sub(line.indent.saturating_sub(self.base_indent));
            if line.len + 1 + next.first_word > room || line.reads_on(next) {
                return true;
            }
            return false;
        }
        // Unwrapped text: a line that reads on into the next one joins it if
        // the sentence ends within a few lines; a list of phrases never ends.
        line.reads_on(next)
            && std::iter::once(next)
                .chain(after.iter())
                .take_while(|l| !l.blank)
                .take(LOOKAHEAD)
                .any(|l| l.ends_sentence)
    }
}

/// The lines of `text`, split at `\n` (a `\r` before it belongs to no line).
fn lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let newline = match memchr::memchr(b'\n', &text.as_bytes()[start..]) {
            Some(k) => start + k,
            None => {
                done = true;
                text.len()
            }
        };
        let line = Line::read(text, start, newline);
        start = newline + 1;
        Some(line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hard_breaks(text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        Layout::measure(text, false).breaks(text, |n| out.push(n));
        out
    }

    #[test]
    fn list_items_are_recognised() {
        assert_eq!(list_item_text("- Jane Roe"), Some(2));
        assert_eq!(list_item_text("• Tom Li"), Some(2));
        assert_eq!(list_item_text("12) Tom Li"), Some(4));
        assert_eq!(list_item_text("b. Tom Li"), Some(3));
        assert_eq!(list_item_text("-5% on the day"), None);
        assert_eq!(list_item_text("Jane Roe"), None);
        assert_eq!(list_item_text("2024 was a year"), None);
    }

    #[test]
    fn wrapped_prose_is_recognised_and_lists_are_not() {
        let wrapped = "    Tarrow Holdings said on Monday that its chief financial\n\
                       officer, Jane Roe, would retire at the end of the year after\n\
                       two decades with the company, and that a search had begun\n\
                       for her successor.\n    \
                       The company also named a new chair of its audit committee.";
        assert!(Layout::measure(wrapped, false).is_wrapped());
        let list = "features\ncontact manager\nevents, activities\nsettings\n";
        assert!(!Layout::measure(list, false).is_wrapped());
        let paragraphs = "Jane Roe resigned.\nTom Li takes over.\nShares rose.";
        assert!(!Layout::measure(paragraphs, false).is_wrapped());
    }

    #[test]
    fn short_lines_and_paragraph_starts_end_in_wrapped_text() {
        let text = "Tarrow names a new finance chief\n    \
                    Tarrow Holdings said on Monday that its chief financial\n\
                    officer, Jane Roe, would retire at the end of the year after\n\
                    two decades with the company.\n    \
                    The company also named a new chair of its audit committee,\n\
                    Tom Li, who joined the board in 2019 and has chaired the\n\
                    remuneration committee since then.";
        let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
        // Headline, and the paragraph end.
        assert_eq!(
            hard_breaks(text),
            [newlines[0], newlines[3]],
            "{:?}",
            newlines
        );
    }

    #[test]
    fn a_sentence_cut_by_a_line_break_joins_but_a_list_does_not() {
        assert!(hard_breaks("This is a sentence\ncut off here.").is_empty());
        assert_eq!(hard_breaks("features\ncontact manager\nevents").len(), 2);
    }
}
