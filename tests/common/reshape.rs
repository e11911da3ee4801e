//! The same article in the shapes feeds deliver it: hard-wrapped at a
//! fixed width (paragraphs marked by an indent or by a blank line), with
//! Windows line ends, with no-break spaces inside names, with straight and
//! curly quotes swapped. Each shape keeps every word; a good extractor
//! gives the same records for all of them.

/// How a wrapped text marks its paragraphs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paragraphs {
    /// The first line of each paragraph is indented by four spaces and no
    /// blank line separates paragraphs (wire feeds).
    Indented,
    /// A blank line separates paragraphs (e-mail, plain-text filings).
    BlankLine,
}

/// One reshaping of an article, with a label for failure messages.
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    /// Hard-wrapped at the given width.
    Wrapped(usize, Paragraphs),
    /// Every `\n` written as `\r\n`.
    Crlf,
    /// The space between two capitalised words is a no-break space.
    NoBreakSpaces,
    /// Straight quotes made curly, or curly ones straight.
    SwappedQuotes,
}

impl Shape {
    /// Every shape the metamorphic tests check.
    pub fn all() -> Vec<Shape> {
        let mut shapes = Vec::new();
        for width in [60, 68, 76] {
            for paragraphs in [Paragraphs::Indented, Paragraphs::BlankLine] {
                shapes.push(Shape::Wrapped(width, paragraphs));
            }
        }
        shapes.extend([Shape::Crlf, Shape::NoBreakSpaces, Shape::SwappedQuotes]);
        shapes
    }

    /// `text` in this shape.
    pub fn apply(self, text: &str) -> String {
        match self {
            Shape::Wrapped(width, paragraphs) => wrap(text, width, paragraphs),
            Shape::Crlf => text.replace('\n', "\r\n"),
            Shape::NoBreakSpaces => no_break_spaces_in_names(text),
            Shape::SwappedQuotes => swap_quotes(text),
        }
    }
}

/// Wraps every line of `text` greedily at `width` characters, breaking at
/// spaces and after the hyphens inside words, as `fmt` and Python's
/// `textwrap` do. Paragraphs are the runs of lines between blank lines; a
/// line inside a paragraph (a list item) is wrapped on its own.
pub fn wrap(text: &str, width: usize, paragraphs: Paragraphs) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width);
    let paras = text
        .split("\n\n")
        .map(|p| p.lines().map(str::trim).filter(|l| !l.is_empty()))
        .map(Iterator::collect::<Vec<_>>)
        .filter(|p| !p.is_empty());
    for para in paras {
        for (i, line) in para.iter().enumerate() {
            if !out.is_empty() {
                let blank = i == 0 && paragraphs == Paragraphs::BlankLine;
                out.push_str(if blank { "\n\n" } else { "\n" });
            }
            if paragraphs == Paragraphs::Indented {
                out.push_str("    ");
            }
            fill(line, width, &mut out);
        }
    }
    out
}

/// Appends `line` filled at `width` to `out`.
fn fill(line: &str, width: usize, out: &mut String) {
    let mut column = 0;
    for word in line.split_whitespace() {
        for piece in hyphen_pieces(word) {
            let len = piece.chars().count();
            let glued = piece_continues_word(piece, word);
            let space = usize::from(column > 0 && !glued);
            if column > 0 && column + space + len > width {
                out.push('\n');
                column = 0;
            } else if space == 1 {
                out.push(' ');
                column += 1;
            }
            out.push_str(piece);
            column += len;
        }
    }
}

/// A word cut after each inner hyphen: "vice-president" gives "vice-" and
/// "president".
fn hyphen_pieces(word: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    for w in chars.windows(3) {
        let [(_, a), (i, '-'), (_, b)] = w else {
            continue;
        };
        if a.is_alphabetic() && b.is_alphabetic() {
            pieces.push(&word[start..i + 1]);
            start = i + 1;
        }
    }
    pieces.push(&word[start..]);
    pieces
}

/// Whether `piece` is not the first piece of `word` (it follows a hyphen
/// without a space).
fn piece_continues_word(piece: &str, word: &str) -> bool {
    piece.as_ptr() != word.as_ptr()
}

/// Replaces the space between two capitalised words ("Jane Roe") with a
/// no-break space.
pub fn no_break_spaces_in_names(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut word_start = 0;
    for (i, c) in text.char_indices() {
        if c == ' ' {
            let before = &text[word_start..i];
            let name_before = before.chars().next().is_some_and(char::is_uppercase)
                && before.chars().all(char::is_alphabetic);
            let name_after = text[i + 1..].chars().next().is_some_and(char::is_uppercase);
            out.push(if name_before && name_after {
                '\u{a0}'
            } else {
                ' '
            });
        } else {
            out.push(c);
        }
        if c.is_whitespace() {
            word_start = i + c.len_utf8();
        }
    }
    out
}

/// Straight quotes become curly ones (an apostrophe inside a word becomes
/// ’, other single quotes open with ‘ and close with ’, double quotes
/// alternate “ and ”); a text that already has curly quotes gets straight
/// ones instead.
pub fn swap_quotes(text: &str) -> String {
    if text.contains(['‘', '’', '“', '”']) {
        return text
            .chars()
            .map(|c| match c {
                '‘' | '’' => '\'',
                '“' | '”' => '"',
                c => c,
            })
            .collect();
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut open_double = true;
    let mut previous: Option<char> = None;
    for c in text.chars() {
        let after_word = previous.is_some_and(char::is_alphanumeric);
        out.push(match c {
            '\'' if after_word => '’',
            '\'' => '‘',
            '"' => {
                open_double = !open_double;
                if open_double {
                    '”'
                } else {
                    '“'
                }
            }
            c => c,
        });
        previous = Some(c);
    }
    out
}
