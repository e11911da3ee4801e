//! Adversarial inputs, shared by `tests/adversarial.rs` (CI sizes) and
//! `benches/adversarial.rs` (full sizes, at 1x, 2x and 4x), and the fixture
//! articles they start from ([`fixture_articles`], which the other tests
//! reach as `common::fixture_articles`).
//!
//! Every generator is deterministic and takes the size it should reach:
//! bytes or a count of repeated units, as its name says.
//!
//! The benches include this file on its own (`#[path]`), so it must not
//! use anything from `tests/common/mod.rs`.

#![allow(dead_code)]

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

/// One fixture article (`fixtures/articles/*.txt`).
pub struct FixtureArticle {
    /// The file name without `.txt`: the article's id in `fixtures/gold`
    /// and the name of its snapshots.
    pub name: String,
    pub text: String,
}

/// Every fixture article, sorted by file name; read once per test binary.
pub fn fixture_articles() -> &'static [FixtureArticle] {
    static ARTICLES: OnceLock<Vec<FixtureArticle>> = OnceLock::new();
    ARTICLES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
        let mut paths: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        assert!(
            !paths.is_empty(),
            "no fixture articles in {}",
            dir.display()
        );
        paths
            .iter()
            .map(|p| FixtureArticle {
                name: p.file_stem().unwrap().to_string_lossy().into_owned(),
                text: fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())),
            })
            .collect()
    })
}

/// A small deterministic generator (xorshift64*), so that inputs are the
/// same on every run without a dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Appends picks from `words`, separated by spaces, until `out` holds
/// `bytes` bytes.
fn fill(out: &mut String, bytes: usize, rng: &mut Rng, words: &[&str]) {
    while out.len() < bytes {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(rng.pick(words));
    }
}

const GIVEN: &[&str] = &[
    "Jane",
    "Tom",
    "Ravi",
    "Dana",
    "Hu",
    "Marguerite",
    "Daniel",
    "Beatrice",
    "Li",
    "Amara",
    "Kenji",
    "Sofia",
    "Omar",
    "Ingrid",
    "Pedro",
    "Zhou",
];
const FAMILY: &[&str] = &[
    "Roe",
    "Hale",
    "Menon",
    "Whitcombe",
    "Jiahao",
    "Osei-Lindqvist",
    "Arkwright",
    "Lowell",
    "Okafor",
    "Tanaka",
    "Costa",
    "Haddad",
    "Berg",
    "Silva",
    "Wei",
    "Moncrieff-Hale",
];
const TITLES: &[&str] = &[
    "Chief Executive Officer",
    "Chief Financial Officer",
    "President",
    "Vice President of Finance",
    "Senior Vice President, Sales",
    "Chairman of the Board",
    "Head of Design",
    "Director",
    "General Counsel",
    "COO",
];

/// The fixture articles, blank line between them, repeated to about
/// `bytes`: a very long article of real news text.
pub fn big_article(bytes: usize) -> String {
    let mut once = String::new();
    for article in fixture_articles() {
        once.push_str(&article.text);
        once.push_str("\n\n");
    }
    let mut out = once.repeat(bytes / once.len() + 1);
    let mut cut = bytes.min(out.len());
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    out.truncate(cut);
    out
}

/// `bytes` of news words, names and titles without any punctuation or line
/// break: one sentence as long as the text.
pub fn no_punctuation(bytes: usize) -> String {
    const WORDS: &[&str] = &[
        "the",
        "board",
        "said",
        "that",
        "its",
        "chief",
        "executive",
        "officer",
        "would",
        "step",
        "down",
        "and",
        "be",
        "succeeded",
        "by",
        "Jane",
        "Roe",
        "who",
        "joined",
        "Acme",
        "Corp",
        "as",
        "president",
        "in",
        "2019",
        "has",
        "resigned",
        "named",
        "Tom",
        "Hale",
        "vice",
        "of",
        "finance",
        "she",
        "he",
        "will",
        "report",
        "to",
        "CEO",
        "Ravi",
        "Menon",
        "the",
        "position",
        "company",
        "Group",
        "Ltd",
    ];
    let mut out = String::with_capacity(bytes + 16);
    fill(&mut out, bytes, &mut Rng::new(1), WORDS);
    out
}

/// One sentence of `n` capitalised words (names, organisation words,
/// title words), ending in a full stop. No honorific ("Mr" before a title
/// word once panicked; see `tests/known_bugs.rs`), so that the benches'
/// figures stay comparable with earlier ones.
pub fn capitalised_words(n: usize) -> String {
    const WORDS: &[&str] = &[
        "Jane",
        "Roe",
        "Acme",
        "Corp",
        "Chief",
        "Executive",
        "Officer",
        "Board",
        "Group",
        "Holdings",
        "Tom",
        "Hale",
        "President",
        "Ravi",
        "Menon",
        "Vice",
        "North",
        "Bank",
        "University",
        "Director",
        "Dana",
        "Whitcombe",
        "Capital",
        "Global",
    ];
    let mut rng = Rng::new(2);
    let mut out = String::with_capacity(n * 6);
    for k in 0..n {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(rng.pick(WORDS));
    }
    out.push('.');
    out
}

/// Appends a given and a family name picked by `rng`: "Jane Roe".
fn push_person(rng: &mut Rng, out: &mut String) {
    out.push_str(rng.pick(GIVEN));
    out.push(' ');
    out.push_str(rng.pick(FAMILY));
}

/// `n` lines of "Name, Title", as in a list of executives.
pub fn name_title_lines(n: usize) -> String {
    let mut rng = Rng::new(3);
    let mut out = String::with_capacity(n * 36);
    for _ in 0..n {
        push_person(&mut rng, &mut out);
        out.push_str(", ");
        out.push_str(rng.pick(TITLES));
        out.push('\n');
    }
    out
}

/// One sentence naming a person and the same title `n` times, joined by
/// "and" as the title grammar allows: "Jane Roe, chief executive officer
/// and chief executive officer and ... has resigned."
pub fn repeated_title(n: usize) -> String {
    let mut out = String::from("Jane Roe, ");
    out.push_str(&"chief executive officer and ".repeat(n));
    out.push_str("director of Acme Corp., has resigned.");
    out
}

/// `bytes` of random bytes, with runs of NUL bytes and some ASCII
/// punctuation, read as UTF-8 with replacement characters (`&str` input
/// cannot hold invalid UTF-8).
pub fn binary_garbage(bytes: usize) -> String {
    let mut rng = Rng::new(4);
    let mut raw = Vec::with_capacity(bytes);
    while raw.len() < bytes {
        match rng.below(8) {
            0 => raw.extend(std::iter::repeat_n(0u8, rng.below(64))),
            1 => raw.extend_from_slice(rng.pick(&[". ", "\n", "\n\n", "Mr. ", "U.S. "]).as_bytes()),
            _ => raw.extend((0..rng.below(32)).map(|_| rng.next_u64() as u8)),
        }
    }
    raw.truncate(bytes);
    String::from_utf8_lossy(&raw).into_owned()
}

/// `bytes` of right-to-left (Arabic, Hebrew, with direction marks) and CJK
/// sentences, some with Latin names, in paragraphs.
pub fn rtl_and_cjk(bytes: usize) -> String {
    const PIECES: &[&str] = &[
        "أعلنت الشركة تعيين رئيس تنفيذي جديد.",
        "هل استقال المدير؟",
        "\u{200f}قال المتحدث باسم البنك إن المجلس وافق\u{200f}.",
        "המנכ\"ל התפטר מתפקידו.",
        "\u{202b}החברה מינתה את Jane Roe לסמנכ\"לית כספים\u{202c}.",
        "公司宣布任命新的首席执行官。",
        "董事长辞职了！",
        "Jane Roe 被任命为 Acme Corp. 的首席财务官。",
        "株式会社北村ロボティクスは社長交代を発表した。",
        "삼성전자는 새 대표이사를 선임했다.",
        "「新社長は誰か？」",
        "\n\n",
    ];
    let mut out = String::with_capacity(bytes + 64);
    fill(&mut out, bytes, &mut Rng::new(5), PIECES);
    out
}

/// `bytes` of English sentences full of emoji (ZWJ sequences, skin tones,
/// flags, keycaps) and combining marks, including long stacks of them on
/// one letter.
pub fn emoji_and_combining(bytes: usize) -> String {
    const PIECES: &[&str] = &[
        "Jane Roe 👩‍💼 has resigned as chief executive of Acme Corp. 🎉",
        "Tom Hale 👨🏽‍💻 was named CEO 🇬🇧🇯🇵.",
        "Re\u{301}sume\u{301}: Jose\u{301} Garci\u{301}a, president of Acme, retired.",
        "Z\u{324}\u{354}\u{367}\u{311}\u{313}a\u{34a}\u{350}l\u{35b}g\u{310}o\u{36e}.",
        "1\u{fe0f}\u{20e3} 2\u{fe0f}\u{20e3} #\u{fe0f}\u{20e3}",
        "🏳️‍🌈 👨‍👩‍👧‍👦 🧑🏿‍🚀!",
        "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}\u{309}\u{30a}",
        "\n\n",
    ];
    let mut rng = Rng::new(6);
    let mut out = String::with_capacity(bytes + 64);
    while out.len() < bytes {
        out.push(' ');
        if rng.below(50) == 0 {
            // A letter carrying a thousand combining marks.
            out.push('a');
            for k in 0..1000u32 {
                out.push(char::from_u32(0x300 + k % 0x70).unwrap());
            }
        } else {
            out.push_str(rng.pick(PIECES));
        }
    }
    out
}

/// `n` JSON lines, half of them with a lone surrogate escape (high, low,
/// or a high one before a character that is not a low one).
pub fn jsonl_with_lone_surrogates(n: usize) -> String {
    let mut out = String::with_capacity(n * 80);
    for k in 0..n {
        let text = match k % 6 {
            0 => "Jane Roe \\ud800 resigned.",
            2 => "Tom Hale \\udc00 was named CEO.",
            4 => "An emoji cut in half: \\ud83d\\u0041.",
            1 => "A pair is fine: \\ud83d\\ude42.",
            _ => "Nothing to see here.",
        };
        out.push_str(&format!("{{\"id\": \"a{k}\", \"text\": \"{text}\"}}\n"));
    }
    out
}

// The repetition family: one unit of text (a fixture sentence or a hostile
// shape) repeated n, 4n, 16n times. A stage that looks back over what it
// has seen (every binding of a person, every record so far) costs the
// square of the number of copies.

/// What goes between the copies of a repeated unit: (name, separator).
pub const SEPARATORS: [(&str, &str); 4] = [
    ("spaces", " "),
    ("newlines", "\n"),
    ("blank lines", "\n\n"),
    ("CRLF", "\r\n"),
];

/// `unit` `n` times, `separator` between the copies.
pub fn repeat(unit: &str, n: usize, separator: &str) -> String {
    let mut out = String::with_capacity((unit.len() + separator.len()) * n);
    for k in 0..n {
        if k > 0 {
            out.push_str(separator);
        }
        out.push_str(unit);
    }
    out
}

/// `unit` `n` times, the copies separated in turn by each of
/// [`SEPARATORS`].
pub fn repeat_mixed(unit: &str, n: usize) -> String {
    let mut out = String::with_capacity((unit.len() + 2) * n);
    for k in 0..n {
        if k > 0 {
            out.push_str(SEPARATORS[(k - 1) % SEPARATORS.len()].1);
        }
        out.push_str(unit);
    }
    out
}

/// Every sentence of the fixture articles, in order.
pub fn fixture_sentences() -> Vec<&'static str> {
    fixture_articles()
        .iter()
        .flat_map(|a| newsextract::split_sentences(&a.text).map(|s| s.text))
        .collect()
}

/// An article of every fixture sentence, each repeated `n` times in a row
/// with `separator` between the copies; blank lines between sentences.
pub fn fixture_sentences_repeated(n: usize, separator: &str) -> String {
    let sentences = fixture_sentences();
    let mut out = String::new();
    for s in sentences {
        out.push_str(&repeat(s, n, separator));
        out.push_str("\n\n");
    }
    out
}

/// Hostile units for the repetition family, by name: shapes that bind a
/// role, build an event or name people in every copy.
pub const HOSTILE_UNITS: &[(&str, &str)] = &[
    (
        "appositive, title and organisation",
        "Jane Roe, CEO of Acme Corp., resigned.",
    ),
    ("named with a title", "Acme named Jane Roe chief executive."),
    (
        "the same name in every sentence",
        "Jane Roe, the chief financial officer of Acme Corp., will retire in June. \
         Tom Hale, vice president of finance, will succeed Jane Roe. \
         Jane Roe will report to Ravi Menon until then. \
         Roe joined Acme in 2019 and she will stay on as an adviser. \
         Tom Hale takes over the position on July 1.",
    ),
    (
        "a list of Name, Title lines",
        "Jane Roe, Chief Executive Officer\n\
         Tom Hale, Chief Financial Officer\n\
         Dana Whitcombe, President\n\
         Ravi Menon, Vice President of Finance\n\
         Amara Okafor, General Counsel",
    ),
    ("title modifiers without a title", "senior deputy interim"),
    ("status words without a title", "former outgoing"),
    (
        "a move, the same person",
        "Jane Roe left Alpha Corp to join Beta Ltd as chief executive.",
    ),
    (
        "moves joined by and, the same person",
        "Jane Roe left Alpha Corp to join Beta Ltd as chief executive and",
    ),
    (
        "pronouns after one name",
        "Jane Roe, president of Acme, said she resigned and she will leave \
         and he was named chief executive and she succeeds him",
    ),
];

/// Organisations people move between in [`moves_in_one_sentence`].
const ORGANISATIONS: &[&str] = &[
    "Alpha Corp",
    "Beta Ltd",
    "Corvane Group",
    "Harlan Bank",
    "Quorra Holdings",
    "Tessel Capital",
    "Brindle Inc.",
    "Mossgiel University",
];

/// One move: "Jane Roe left Alpha Corp to join Beta Ltd as chief
/// executive", names and organisations picked by `rng`.
fn one_move(rng: &mut Rng, out: &mut String) {
    push_person(rng, out);
    out.push_str(" left ");
    out.push_str(rng.pick(ORGANISATIONS));
    out.push_str(" to join ");
    out.push_str(rng.pick(ORGANISATIONS));
    out.push_str(" as ");
    out.push_str(&rng.pick(TITLES).to_lowercase());
}

/// `n` moves, `between` between them, and a full stop.
fn moves(n: usize, between: &str) -> String {
    let mut rng = Rng::new(8);
    let mut out = String::with_capacity(n * 80);
    for k in 0..n {
        if k > 0 {
            out.push_str(between);
        }
        one_move(&mut rng, &mut out);
    }
    out.push('.');
    out
}

/// One sentence of `n` moves joined by "and": "Jane Roe left Alpha Corp to
/// join Beta Ltd as chief executive and Tom Hale left ... ." Each move is
/// a verb, an infinitive clause continuing it and a person, so a stage
/// that searches the sentence's verbs or groups per verb is quadratic
/// here (as the phrase and resolution stages once were).
pub fn moves_in_one_sentence(n: usize) -> String {
    moves(n, " and ")
}

/// The same `n` moves, one sentence each.
pub fn moves_one_per_sentence(n: usize) -> String {
    moves(n, ". ")
}

/// One sentence naming `n` people (given and family names from fixed
/// lists, so names repeat), each with a title: "Jane Roe, chief executive,
/// Tom Hale, president, ... and Ravi Menon were appointed to the board."
pub fn names_in_one_sentence(n: usize) -> String {
    let mut rng = Rng::new(7);
    let mut out = String::with_capacity(n * 40);
    for k in 0..n {
        if k > 0 {
            out.push_str(if k + 1 == n { " and " } else { ", " });
        }
        push_person(&mut rng, &mut out);
        out.push_str(", ");
        out.push_str(&rng.pick(TITLES).to_lowercase());
    }
    out.push_str(" were appointed to the board.");
    out
}

/// One sentence with three hundred names, repeated `n` times.
pub fn hundreds_of_names(n: usize) -> String {
    repeat_mixed(&names_in_one_sentence(300), n)
}
