//! `extract` on any text: no panic, sentences as `split_sentences` gives
//! them, every evidence and hit span within the text on `char` boundaries.
//!
//! Every panic is a finding: none is tolerated (past ones have regression
//! tests in `tests/known_bugs.rs`).
#![no_main]

#[path = "../../tests/common/invariants.rs"]
#[allow(dead_code)]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let out = newsextract::extract(&text);
    let violations = invariants::extraction_violations(&text, &out);
    assert!(violations.is_empty(), "{violations:#?}");
});
