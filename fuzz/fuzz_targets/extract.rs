//! `extract` on any text: no panic, sentences as `split_sentences` gives
//! them, every evidence and hit span within the text on `char` boundaries.
//!
//! Every panic is a finding: none is tolerated (past ones have regression
//! tests in `tests/known_bugs.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let out = newsextract::extract(&text);
    let sentences: Vec<_> = newsextract::split_sentences(&text).collect();
    assert_eq!(out.sentences, sentences);
    let ok = |start: usize, end: usize| {
        start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    for r in &out.records {
        assert!(!r.evidence.is_empty());
        for e in &r.evidence {
            assert!(ok(e.start, e.end), "evidence {e:?} of {r:?}");
        }
    }
    for h in &out.hits {
        assert!(ok(h.span.start, h.span.end), "hit {h:?}");
        let s = &out.sentences[h.sentence];
        assert_eq!((s.start, s.end), (h.span.start, h.span.end));
    }
});
