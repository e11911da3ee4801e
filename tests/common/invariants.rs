//! The documented guarantees of the splitter and the extractor, checked on
//! any output. Shared by the integration tests (through `tests/common`) and
//! the fuzz targets (`fuzz/fuzz_targets/*.rs` include this file by path),
//! so that both hold the output to the same rules. Uses only the library.

/// Every breach of the splitter's documented guarantees.
pub fn sentence_violations(text: &str, sentences: &[newsextract::Sentence<'_>]) -> Vec<String> {
    let mut v = Vec::new();
    let mut previous_end = 0;
    for (k, s) in sentences.iter().enumerate() {
        let at = format!("sentence {k} ({}..{})", s.start, s.end);
        if s.start < previous_end {
            v.push(format!("{at} overlaps or precedes the one before"));
        }
        if s.start >= s.end || s.end > text.len() {
            v.push(format!("{at} is empty or out of bounds"));
            continue;
        }
        if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            v.push(format!("{at} is not on char boundaries"));
            continue;
        }
        if &text[s.start..s.end] != s.text {
            v.push(format!("{at}: text is not the slice at its offsets"));
        }
        if s.text.trim() != s.text {
            v.push(format!("{at} is not trimmed: {:?}", s.text));
        }
        previous_end = s.end;
    }
    // Every non-whitespace byte lies inside a sentence.
    let mut k = 0;
    for (i, c) in text.char_indices() {
        while k < sentences.len() && sentences[k].end <= i {
            k += 1;
        }
        let covered = sentences.get(k).is_some_and(|s| s.start <= i);
        if !c.is_whitespace() && !covered {
            v.push(format!("byte {i} ({c:?}) is in no sentence"));
            break;
        }
    }
    v
}

/// Whether `start..end` is a span of `text` on `char` boundaries.
pub fn span_ok(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

/// Every breach of the extraction guarantees.
pub fn extraction_violations(text: &str, out: &newsextract::Extraction<'_>) -> Vec<String> {
    let mut v = sentence_violations(text, &out.sentences);
    let splitter: Vec<_> = newsextract::split_sentences(text).collect();
    if splitter != out.sentences {
        v.push("extraction's sentences differ from split_sentences".to_owned());
    }
    for (k, r) in out.records.iter().enumerate() {
        if r.evidence.is_empty() {
            v.push(format!("record {k} has no evidence"));
        }
        for e in &r.evidence {
            if !span_ok(text, e.start, e.end) {
                v.push(format!(
                    "record {k}: evidence {e:?} is not a span of the text"
                ));
            }
        }
    }
    for (k, h) in out.hits.iter().enumerate() {
        if !span_ok(text, h.span.start, h.span.end) {
            v.push(format!(
                "hit {k}: span {:?} is not a span of the text",
                h.span
            ));
        }
        match out.sentences.get(h.sentence) {
            Some(s) if (s.start, s.end) == (h.span.start, h.span.end) => {}
            _ => v.push(format!("hit {k}: sentence index and span disagree")),
        }
    }
    v
}
