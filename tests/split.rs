//! Integration tests of the sentence splitter.
//!
//! - the table of cases in `split_cases.txt`, as written and shifted by one
//!   byte;
//! - the documented guarantees over fixture articles and hostile input;
//! - thread safety of the public types;
//! - one JSON snapshot per fixture article (`tests/snapshots/`).

mod common;

use newsextract::{split_sentences, Sentence, SentenceSplitter, Sentences};

const CASES: &str = include_str!("split_cases.txt");

/// One table case: the family it belongs to, its line in the file, the
/// input and the expected sentences.
struct Case {
    family: String,
    line: usize,
    input: String,
    expected: Vec<String>,
}

/// Expands the escapes of the case file: `\n`, `\r`, `\t`, `\\` and
/// `\u{XXXX}`.
fn unescape(raw: &str, line: usize) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                let rest = chars.as_str();
                let hex = rest
                    .strip_prefix('{')
                    .and_then(|r| r.split_once('}'))
                    .map(|(hex, _)| hex)
                    .unwrap_or_else(|| panic!("split_cases.txt:{line}: bad \\u escape"));
                let code = u32::from_str_radix(hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or_else(|| panic!("split_cases.txt:{line}: bad code point {hex}"));
                out.push(code);
                chars = rest[hex.len() + 2..].chars();
            }
            other => panic!("split_cases.txt:{line}: unknown escape \\{other:?}"),
        }
    }
    out
}

/// Parses `split_cases.txt`; panics on a malformed file.
fn parse_cases(src: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let mut family: Option<String> = None;
    let mut open = false; // the last case still takes `=` lines
    for (n, line) in src.lines().enumerate() {
        let n = n + 1;
        if let Some(name) = line.strip_prefix("## ") {
            family = Some(name.trim().to_owned());
            open = false;
        } else if let Some(input) = line.strip_prefix("> ") {
            let family = family
                .clone()
                .unwrap_or_else(|| panic!("split_cases.txt:{n}: case before any `## family`"));
            assert!(
                !open,
                "split_cases.txt:{n}: case without a blank line before it"
            );
            cases.push(Case {
                family,
                line: n,
                input: unescape(input, n),
                expected: Vec::new(),
            });
            open = true;
        } else if let Some(sentence) = line.strip_prefix("= ") {
            assert!(open, "split_cases.txt:{n}: `=` line outside a case");
            let sentence = unescape(sentence, n);
            assert!(
                !sentence.is_empty() && sentence.trim() == sentence,
                "split_cases.txt:{n}: expected sentences are trimmed and non-empty"
            );
            cases.last_mut().unwrap().expected.push(sentence);
        } else if line.trim().is_empty() {
            open = false;
        } else {
            assert!(
                line.starts_with('#') && !open,
                "split_cases.txt:{n}: unexpected line {line:?}"
            );
        }
    }
    cases
}

fn cases() -> Vec<Case> {
    let cases = parse_cases(CASES);
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    cases
}

/// Sentences as owned `(start, end, text)` triples, for comparisons.
fn triples(sentences: Sentences<'_>) -> Vec<(usize, usize, String)> {
    sentences
        .map(|s| (s.start, s.end, s.text.to_owned()))
        .collect()
}

/// Panics with every failure, one per paragraph.
fn report(what: &str, total: usize, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} of {total} {what} failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn table_cases() {
    let cases = cases();
    let mut failures = Vec::new();
    for case in &cases {
        let got: Vec<Sentence<'_>> = split_sentences(&case.input).collect();
        let texts: Vec<&str> = got.iter().map(|s| s.text).collect();
        let mut problems = invariant_violations(&case.input, &got);
        if texts != case.expected {
            problems.push(format!(
                "expected {:#?}\n     got {:#?}",
                case.expected, texts
            ));
        }
        if !problems.is_empty() {
            failures.push(format!(
                "[{}] line {}: {:?}\n  {}",
                case.family,
                case.line,
                case.input,
                problems.join("\n  ")
            ));
        }
    }
    report("table cases", cases.len(), &failures);
}

#[test]
fn table_cases_shifted_by_one_byte() {
    let cases = cases();
    let mut failures = Vec::new();
    // A space and a newline before the text change no sentence; every
    // offset moves by the prefix's length.
    for prefix in [" ", "\n"] {
        for case in &cases {
            let original = triples(split_sentences(&case.input));
            let shifted_text = format!("{prefix}{}", case.input);
            let shifted = triples(split_sentences(&shifted_text));
            let expected: Vec<_> = original
                .iter()
                .map(|(s, e, t)| (s + prefix.len(), e + prefix.len(), t.clone()))
                .collect();
            if shifted != expected {
                failures.push(format!(
                    "[{}] line {}: prefix {prefix:?} before {:?}\n  expected {expected:?}\n       got {shifted:?}",
                    case.family, case.line, case.input
                ));
            }
        }
    }
    report("shifted table cases", 2 * cases.len(), &failures);
}

/// Every breach of the documented guarantees by `sentences` over `text`.
fn invariant_violations(text: &str, sentences: &[Sentence<'_>]) -> Vec<String> {
    common::sentence_violations(text, sentences)
}

fn assert_invariants(splitter: &SentenceSplitter, label: &str, text: &str) {
    let sentences: Vec<Sentence<'_>> = splitter.split(text).collect();
    let v = invariant_violations(text, &sentences);
    let shown: String = text.chars().take(80).collect();
    assert!(
        v.is_empty(),
        "{label} ({shown:?}...):\n  {}",
        v.join("\n  ")
    );
}

/// The splitters whose guarantees are checked: [`common::splitters`] and
/// one with extra abbreviations.
fn splitters() -> Vec<(&'static str, SentenceSplitter)> {
    let mut splitters = common::splitters();
    splitters.push((
        "extra abbreviations",
        SentenceSplitter::builder()
            .abbreviations(["Amb", "sgt.", " Univ ", "", "."])
            .build(),
    ));
    splitters
}

/// Strings built to break offsets and boundaries.
fn hostile_inputs() -> Vec<(String, String)> {
    let mut inputs: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("spaces", "     ".into()),
        (
            "whitespace only",
            " \t\n\r\n\u{a0}\u{3000}\u{2028}\n\n ".into(),
        ),
        ("single period", ".".into()),
        ("periods and spaces", ". . . .. ... .".into()),
        ("newlines only", "\n\n\n".into()),
        ("NUL bytes", "\0\0. \0Acme\0 fell.\0 It\0 rose. \0".into()),
        ("NUL after period", "Acme fell.\0The CEO quit.\0\0".into()),
        (
            "emoji",
            "Shares 🚀 rose. 👍🏽 The CEO 🎉 quit! 👨‍👩‍👧 Who's next? 🇫🇷.".into(),
        ),
        (
            "combining marks",
            "Cafe\u{301}. Re\u{301}sume\u{301} sent. A\u{308}. O\u{308}rn left.\u{301}".into(),
        ),
        (
            "RTL",
            "عين مجلس الإدارة رئيسا جديدا. Shares rose. שלום. \u{202b}Acme.\u{202c} Done.".into(),
        ),
        (
            "CJK",
            "华星科技宣布人事变动。新任总裁下月上任！谁？「好。」（注。）。。！？".into(),
        ),
        (
            "mixed scripts and dots",
            "Ж. Д. Петров ушёл. Μ.Κ. Παπάς. 김. 李.明. X.”。”".into(),
        ),
        ("lone ellipsis chars", "… … ……. …\n…".into()),
        ("closers only", ".\")]}’”»」』）".into()),
        ("openers only", "\"([{‘“«「『（ .".into()),
        ("bullets", "• • ⁃ ▪ ‣ ◦ ● 1. • 2.) ⁃ a) •".into()),
        (
            "list markers",
            "1. 2. 3) a) b. 999. 1000. 0. z. 1.) 2.)".into(),
        ),
        ("CRLF", "Line one\r\n\r\nLine two.\r\nLine three\r".into()),
        ("lone CR", "Acme fell.\rIt rose.\r\rDone".into()),
        (
            "abbreviation soup",
            "Mr. Dr. U.S. a.m. p.m. Inc. No. Co. St. e.g. vs. I. A. J.K. Ph.D.".into(),
        ),
        (
            "URL soup",
            "http://a.b/C.D. www.x.Y. a@b.C. /.Z. ://.".into(),
        ),
    ];
    inputs.push((
        "long line without punctuation",
        "the board met again and again ".repeat(20_000),
    ));
    inputs.push(("a.a.a.a run", "a.".repeat(100_000)));
    inputs.push(("A.A.A.A run", "A.".repeat(100_000)));
    inputs.push(("a. a. a. run", "a. ".repeat(50_000)));
    inputs.push(("period run", ".".repeat(100_000)));
    inputs.push(("spaced period run", ". ".repeat(50_000)));
    inputs.push(("question runs", "?!".repeat(50_000)));
    inputs.push(("long word", "x".repeat(100_000) + ". Y"));
    inputs.push(("long whitespace", format!("A.{}B. c.", " ".repeat(100_000))));
    inputs.push(("many lines", "x\n".repeat(50_000)));
    inputs.push(("many markers", "1. a ".repeat(20_000)));
    inputs.push(("many emoji", "😀. ".repeat(20_000)));
    inputs
        .into_iter()
        .map(|(label, text)| (label.to_owned(), text))
        .collect()
}

/// Deterministic pseudo-random texts assembled from tricky pieces:
/// [`common::SPLITTER_PIECES`] and a few more.
fn generated_inputs() -> Vec<String> {
    const OWN_PIECES: &[&str] = &[
        "Acme",
        "fell",
        "the",
        "I",
        "A",
        "J.K",
        "U.S",
        "a.m",
        "Inc",
        "Mr",
        "No",
        "St",
        "Co",
        "1",
        "2",
        "1,000",
        "a",
        "b",
        ".",
        ".",
        "  ",
        "？",
        "」",
        "「",
        "⁃",
        "1.",
        "2.)",
        "a)",
        "😀",
        "👨‍👩‍👧",
        "ب",
        "中",
        "@",
        "/",
        "www.",
        "http://",
    ];
    let pieces = [common::SPLITTER_PIECES, OWN_PIECES].concat();
    let mut rng = common::inputs::Rng::new(0x9E37_79B9_7F4A_7C15);
    (0..400)
        .map(|_| {
            let len = rng.below(60);
            (0..len).map(|_| rng.pick(&pieces)).collect()
        })
        .collect()
}

#[test]
fn invariants_hold_on_fixture_articles() {
    for (name, splitter) in splitters() {
        for article in common::fixture_articles() {
            let text = &article.text;
            assert_invariants(&splitter, &format!("{name}: {}", article.name), text);
            // CRLF line ends must not change the guarantees.
            let crlf = text.replace('\n', "\r\n");
            assert_invariants(
                &splitter,
                &format!("{name}: {} (CRLF)", article.name),
                &crlf,
            );
        }
    }
}

#[test]
fn invariants_hold_on_hostile_input() {
    for (name, splitter) in splitters() {
        for (label, text) in hostile_inputs() {
            assert_invariants(&splitter, &format!("{name}: {label}"), &text);
        }
        for (k, text) in generated_inputs().iter().enumerate() {
            assert_invariants(&splitter, &format!("{name}: generated #{k}"), text);
        }
    }
}

#[test]
fn invariants_hold_on_table_cases_with_every_splitter() {
    for (name, splitter) in splitters() {
        for case in cases() {
            let label = format!("{name}: [{}] line {}", case.family, case.line);
            assert_invariants(&splitter, &label, &case.input);
        }
    }
}

#[test]
fn empty_and_blank_input_give_no_sentence() {
    for (_, splitter) in splitters() {
        for text in ["", " ", "\n", "\r\n\r\n", "\t \u{a0}\u{3000} \n"] {
            assert_eq!(splitter.split(text).count(), 0, "{text:?}");
        }
    }
}

#[test]
fn newline_option_joins_lines_but_not_paragraphs() {
    // By default a line that reads on in lower case joins the next one, but
    // a short line before a capitalised one ends where it ends (it may be
    // a headline or a list line).
    let text = "The board met\non Friday and named\nJane Roe as chair.\n\nShares rose.";
    let default: Vec<&str> = split_sentences(text).map(|s| s.text).collect();
    assert_eq!(
        default,
        [
            "The board met\non Friday and named",
            "Jane Roe as chair.",
            "Shares rose."
        ]
    );
    let joined = SentenceSplitter::builder()
        .newline_ends_sentence(false)
        .build();
    let got: Vec<&str> = joined.split(text).map(|s| s.text).collect();
    assert_eq!(
        got,
        [
            "The board met\non Friday and named\nJane Roe as chair.",
            "Shares rose."
        ]
    );
}

#[test]
fn extra_abbreviation_keeps_a_title_with_its_name() {
    let text = "Amb. Lena Ortiz arrived on Monday. She met Sgt. Park.";
    assert_eq!(split_sentences(text).count(), 3);
    let splitter = SentenceSplitter::builder().abbreviation("amb.").build();
    let got: Vec<&str> = splitter.split(text).map(|s| s.text).collect();
    assert_eq!(
        got,
        ["Amb. Lena Ortiz arrived on Monday.", "She met Sgt. Park."]
    );
}

#[test]
fn public_types_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<SentenceSplitter>();
    assert_send_sync::<Sentence<'static>>();
    assert_send_sync::<Sentences<'static>>();
    assert_send_sync::<newsextract::SentenceSplitterBuilder>();

    // And one splitter really is shared across threads.
    let splitter = SentenceSplitter::new();
    let texts = ["Acme Inc. fell. It rose.", "Mr. Li left. Ms. Wu stayed."];
    std::thread::scope(|scope| {
        for text in texts {
            let splitter = &splitter;
            scope.spawn(move || assert_eq!(splitter.split(text).count(), 2));
        }
    });
}

/// One snapshot of sentences per fixture article; `glob!` checks them all
/// and then reports every one that changed.
#[test]
fn fixture_article_snapshots() {
    insta::glob!("../fixtures/articles", "*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let sentences: Vec<Sentence<'_>> = split_sentences(&text).collect();
        insta::assert_json_snapshot!(sentences);
    });
}
