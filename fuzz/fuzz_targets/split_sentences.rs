//! `split_sentences` and a splitter that joins lines, on any text: no
//! panic, and the guarantees documented on `SentenceSplitter`.
#![no_main]

#[path = "../../tests/common/invariants.rs"]
#[allow(dead_code)]
mod invariants;

use libfuzzer_sys::fuzz_target;
use newsextract::SentenceSplitter;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let joined = SentenceSplitter::builder()
        .newline_ends_sentence(false)
        .build();
    check(&text, newsextract::split_sentences(&text).collect());
    check(&text, joined.split(&text).collect());
});

fn check(text: &str, sentences: Vec<newsextract::Sentence<'_>>) {
    let violations = invariants::sentence_violations(text, &sentences);
    assert!(violations.is_empty(), "{violations:#?}");
}
