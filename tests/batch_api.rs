//! `Extractor::extract_batch`: the same records as one `extract` call per
//! article, in input order (in parallel with the `parallel` feature).

mod common;

use newsextract::Extractor;

/// The fixture articles' texts.
fn fixtures() -> Vec<String> {
    common::fixture_articles()
        .iter()
        .map(|a| a.text.clone())
        .collect()
}

#[test]
fn batch_equals_one_call_per_article_in_order() {
    let extractor = Extractor::new();
    // Twice over, reversed the second time, so order mistakes show.
    let mut texts = fixtures();
    let reversed: Vec<String> = texts.iter().rev().cloned().collect();
    texts.extend(reversed);
    let batch = extractor.extract_batch(&texts);
    assert_eq!(batch.len(), texts.len());
    for (text, records) in texts.iter().zip(&batch) {
        assert_eq!(records, &extractor.extract(text).records);
    }
    let empty: [&str; 0] = [];
    assert!(extractor.extract_batch(&empty).is_empty());
}

#[test]
fn batch_with_maps_every_extraction_with_its_index() {
    let extractor = Extractor::new();
    let texts = ["Jane Roe resigned.", "", "Nothing to see. At all."];
    let got = extractor.extract_batch_with(&texts, |i, out| (i, out.sentences.len()));
    assert_eq!(got, [(0, 1), (1, 0), (2, 2)]);
}

#[cfg(feature = "parallel")]
#[test]
fn batch_runs_inside_a_caller_chosen_thread_pool() {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(3)
        .build()
        .unwrap();
    let texts = fixtures();
    let extractor = Extractor::new();
    let in_pool = pool.install(|| extractor.extract_batch(&texts));
    assert_eq!(in_pool, extractor.extract_batch(&texts));
}
