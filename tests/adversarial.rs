//! Adversarial inputs (`tests/common/inputs.rs`) at CI sizes: the splitter
//! and the whole cascade must not panic, keep their guarantees and stay
//! fast. `benches/adversarial.rs` runs the same inputs at full size, at 1x,
//! 2x and 4x, to show that time grows linearly.
//!
//! Each input is checked as generated: any panic fails the test (past
//! panics have regression tests in `tests/known_bugs.rs`).
//!
//! Growth is checked without timing anything: the stages count their work
//! (`newsextract::stages::Work`: tokens examined, lookups, table entries
//! visited, every read of a verb group, noun group or clause, whichever
//! stage reads it), and for every generator of the repetition family the work of
//! each stage on four times the input must stay under six times the work
//! on the input once. A linear stage gives about 4; a stage that looks
//! back over everything it has seen gives 16.

mod common;

use std::time::{Duration, Instant};

use common::inputs::*;
use common::{extraction_violations, sentence_violations};
use newsextract::stages::{self, Work};
use newsextract::Extractor;

/// Splits and extracts `text`, checks every guarantee, and returns how
/// long extraction took.
fn check(label: &str, text: &str) -> Duration {
    for (name, splitter) in common::splitters() {
        let sentences: Vec<_> = splitter.split(text).collect();
        let v = sentence_violations(text, &sentences);
        assert!(v.is_empty(), "{label} ({name}): {v:#?}");
    }
    let extractor = Extractor::new();
    let started = Instant::now();
    let out = extractor.extract(text);
    let took = started.elapsed();
    let v = extraction_violations(text, &out);
    assert!(v.is_empty(), "{label}: {v:#?}");
    took
}

/// Checks `make(n)` and `make(4 * n)`. Tests never assert on timings:
/// `benches/adversarial.rs` measures how time grows with 1x, 2x and 4x.
fn check_growth(label: &str, n: usize, make: impl Fn(usize) -> String) {
    check(label, &make(n));
    check(label, &make(4 * n));
}

#[test]
fn long_article() {
    check_growth("long article", 12_000, big_article);
}

#[test]
fn no_punctuation_at_all() {
    check_growth("no punctuation", 6_000, no_punctuation);
}

#[test]
fn one_sentence_of_capitalised_words() {
    check_growth("capitalised words", 800, capitalised_words);
}

#[test]
fn lines_of_name_and_title() {
    check_growth("Name, Title lines", 300, name_title_lines);
}

#[test]
fn the_same_title_over_and_over() {
    check_growth("repeated title", 500, repeated_title);
}

#[test]
fn binary_garbage_and_nul_bytes() {
    check_growth("binary garbage", 8_000, binary_garbage);
    check("NUL bytes only", &"\0".repeat(10_000));
    check(
        "NUL between words",
        &"Jane\0Roe\0resigned.\0\0\n".repeat(500),
    );
}

#[test]
fn right_to_left_and_cjk() {
    check_growth("RTL and CJK", 20_000, rtl_and_cjk);
}

#[test]
fn emoji_and_combining_marks() {
    check_growth("emoji and combining marks", 20_000, emoji_and_combining);
}

/// The work each stage does to extract `text`.
fn work(text: &str) -> Work {
    let extractor = Extractor::new();
    stages::measure(|| extractor.extract(text).records.len()).1
}

/// Most work at four times the input, in multiples of the work at 1x.
const MAX_GROWTH_PER_4X: u64 = 6;

/// Steps any input may take beyond [`MAX_GROWTH_PER_4X`] times the work at
/// 1x: work done once per article, which a tiny input does not outweigh.
const SLACK: u64 = 64;

/// Checks `make(n)`, `make(4 * n)` and `make(16 * n)`, and that from each
/// size to the next no stage does more than [`MAX_GROWTH_PER_4X`] times
/// the work.
fn assert_linear(label: &str, n: usize, make: impl Fn(usize) -> String) {
    let works: Vec<(usize, Work)> = [n, 4 * n, 16 * n]
        .into_iter()
        .map(|size| {
            let text = make(size);
            check(label, &text);
            (size, work(&text))
        })
        .collect();
    for pair in works.windows(2) {
        let ((n1, w1), (n4, w4)) = (pair[0], pair[1]);
        for (stage, a, b) in [
            ("mentions", w1.mentions, w4.mentions),
            ("phrases", w1.phrases, w4.phrases),
            ("rules", w1.rules, w4.rules),
            ("resolve", w1.resolve, w4.resolve),
        ] {
            assert!(
                b <= MAX_GROWTH_PER_4X * a + SLACK,
                "{label}: stage {stage} did {b} steps at {n4} against {a} at {n1}: \
                 {:.1}x the work for 4x the input (all stages: {w1:?} -> {w4:?})",
                b as f64 / a.max(1) as f64
            );
        }
    }
}

#[test]
fn every_fixture_sentence_repeated_grows_linearly() {
    // Each sentence with one of the separators in turn, to keep CI short.
    for (k, sentence) in fixture_sentences().into_iter().enumerate() {
        let (name, separator) = SEPARATORS[k % SEPARATORS.len()];
        let label = format!("fixture sentence {k} with {name}: {sentence:?}");
        assert_linear(&label, 3, |n| repeat(sentence, n, separator));
    }
}

#[test]
fn hostile_units_repeated_grow_linearly() {
    for (unit_name, unit) in HOSTILE_UNITS {
        for (name, separator) in SEPARATORS {
            let label = format!("{unit_name} with {name}");
            assert_linear(&label, 8, |n| repeat(unit, n, separator));
        }
    }
}

#[test]
fn names_in_one_sentence_grow_linearly() {
    assert_linear("names in one sentence", 25, names_in_one_sentence);
    assert_linear("hundreds of names, repeated", 1, hundreds_of_names);
}

#[test]
fn moves_in_one_sentence_grow_linearly() {
    // "A left B to join C as T and D left ...": a verb, an infinitive and
    // a person per move, all in one sentence (once quadratic in the phrase
    // and resolution stages), and the same moves one per sentence.
    assert_linear("moves in one sentence", 40, moves_in_one_sentence);
    assert_linear("moves, one per sentence", 40, moves_one_per_sentence);
}

#[test]
fn the_other_adversarial_inputs_grow_linearly() {
    assert_linear("capitalised words", 200, capitalised_words);
    assert_linear("Name, Title lines", 50, name_title_lines);
    assert_linear("repeated title", 100, repeated_title);
    assert_linear("no punctuation", 8_000, no_punctuation);
    assert_linear("long article", 4_000, big_article);
}

/// The command-line tool on hostile JSON lines and files.
#[cfg(feature = "cli")]
mod cli {

    use super::*;

    use crate::common::json_lines;
    use crate::common::run_cli as run;

    #[test]
    fn lone_surrogate_escapes_give_one_clear_error_line_each() {
        let input = jsonl_with_lone_surrogates(12);
        for command in ["split", "extract"] {
            let out = run(&[command], input.as_bytes());
            assert_eq!(out.status.code(), Some(2), "{command}: bad lines exit 2");
            let ids: Vec<_> = json_lines(&out.stdout)
                .iter()
                .map(|l| l["id"].as_str().unwrap().to_owned())
                .collect();
            assert_eq!(ids, ["a1", "a3", "a5", "a7", "a9", "a11"], "{command}");
            let errors = json_lines(&out.stderr);
            let lines: Vec<_> = errors.iter().map(|e| e["line"].as_u64().unwrap()).collect();
            assert_eq!(lines, [1, 3, 5, 7, 9, 11], "{command}");
            for e in &errors {
                let reason = e["error"].as_str().unwrap();
                assert!(reason.contains("lone surrogate escape \\u"), "{reason}");
                assert_eq!(e["source"], "<stdin>");
            }
        }
    }

    #[test]
    fn garbage_files_and_nul_escapes() {
        let dir = std::env::temp_dir().join(format!("newsextract-adv-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let bad = dir.join("garbage.txt");
        let mut bytes = binary_garbage(5_000).into_bytes();
        bytes.extend_from_slice(b"\xff\xfe\0\0\xc3");
        std::fs::write(&bad, &bytes).unwrap();
        let good = dir.join("lossy.txt");
        std::fs::write(&good, binary_garbage(5_000)).unwrap();
        let out = run(
            &["extract", bad.to_str().unwrap(), good.to_str().unwrap()],
            b"",
        );
        assert_eq!(out.status.code(), Some(2));
        let lines = json_lines(&out.stdout);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0]["id"], "lossy");
        let errors = json_lines(&out.stderr);
        assert_eq!(errors.len(), 1);
        assert!(errors[0]["error"]
            .as_str()
            .unwrap()
            .contains("not valid UTF-8"));

        let nul = b"{\"id\": \"n\", \"text\": \"Jane Roe\\u0000 resigned.\\u0000\\u0000\"}\n";
        let out = run(&["split"], nul);
        assert_eq!(out.status.code(), Some(0));
        let lines = json_lines(&out.stdout);
        let first = lines[0]["sentences"][0]["text"].as_str().unwrap();
        assert!(first.starts_with("Jane Roe\u{0} resigned."), "{first:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
