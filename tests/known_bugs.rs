//! Regression tests for bugs found by the property tests, the fuzzers and
//! the adversarial inputs, now fixed: two panics in `src/mentions`, and a
//! stack overflow on deeply nested relative clauses in `src/phrases`. (Two
//! stages whose time grew with the square of the input, name and
//! organisation lookups in `src/resolve`, are fixed too; their growth is
//! measured by `benches/adversarial.rs`, since tests never assert on
//! timings.)

mod common;

use common::extraction_violations;

/// The extraction of `text` runs and keeps every documented guarantee.
fn check(text: &str) {
    let out = newsextract::extract(text);
    assert!(!out.sentences.is_empty(), "{text:?}: no sentence");
    let violations = extraction_violations(text, &out);
    assert!(violations.is_empty(), "{text:?}: {violations:#?}");
}

/// `mentions::tokenize` checked for a possessive after a kept period
/// ("Inc.'s") by slicing the rest of the sentence at byte 2 or 4 (the
/// lengths of "'s" and "’s") *before* checking that the rest starts with
/// it, so any multi-byte character there panics:
/// "byte index 2 is not a char boundary" in `src/mentions/tokens.rs`.
#[test]
fn kept_period_before_a_multibyte_character() {
    for text in [
        "Mr.…",                    // ellipsis right after "Mr."
        "Mr.\u{200f}Kinross",      // right-to-left mark
        "The U.S. naïve plan.",    // "’s" length: byte 4 in "ï"
        "Prof. Émile Roe left.",   // an accented name after a title
        "A U.S. €5 bn plan.",      // a currency sign
        "Acme Inc. ‘sells’ toys.", // a curly quote
    ] {
        check(text);
    }
}

/// `mentions::name_at` drops an honorific from the name ("Mr Zhang" is
/// "Zhang") by starting the name at the next token, but stops the name
/// before that token when it is a title word ("President", "Chairman").
/// The chunk then starts after it ends, and `mentions::find` panics when
/// it slices the article: "begin > end" in `src/mentions/mod.rs`.
#[test]
fn honorific_before_a_title_word() {
    for text in [
        "Mr President",
        "Mr. Chairman, the board met.",
        "Thank you, Madam President.",
        "Dr Director",
    ] {
        check(text);
    }
}

/// A relative clause is read by a call inside the reading of the one it is
/// in, so "Jane Roe who Tom Hale who ... resigned." with thousands of
/// nested clauses overflowed the stack (an abort, not even a panic) from
/// about 2,000 of them on a 2 MB thread stack. Clauses nested deeper than
/// any sentence nests them are now left unread.
#[test]
fn thousands_of_nested_relative_clauses() {
    let names = ["Jane Roe", "Tom Hale", "Ravi Menon", "Dana Whitcombe"];
    let text = (0..20_000)
        .map(|k| names[k % names.len()])
        .collect::<Vec<_>>()
        .join(" who ")
        + " resigned.";
    // On a thread with a small stack, as a caller's worker thread may be.
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || check(&text))
        .expect("spawn")
        .join()
        .expect("no panic");
}
