//! `split_sentences` and a splitter that joins lines, on any text: no
//! panic, and the guarantees documented on `SentenceSplitter`.
#![no_main]

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
    let mut previous_end = 0;
    for s in &sentences {
        assert!(previous_end <= s.start && s.start < s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert_eq!(&text[s.start..s.end], s.text);
        assert_eq!(s.text.trim(), s.text);
        previous_end = s.end;
    }
    // Every non-whitespace character lies in a sentence.
    let mut k = 0;
    for (i, c) in text.char_indices() {
        while k < sentences.len() && sentences[k].end <= i {
            k += 1;
        }
        let covered = sentences.get(k).is_some_and(|s| s.start <= i);
        assert!(
            c.is_whitespace() || covered,
            "byte {i} ({c:?}) is in no sentence"
        );
    }
}
