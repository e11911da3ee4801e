//! Throughput of the sentence splitter over news text.
//!
//! The corpus is every fixture article, concatenated (blank line between
//! articles) and repeated to about 1 MB; criterion reports bytes per second.

use std::fs;
use std::path::Path;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use newsextract::{split_sentences, SentenceSplitter};

const TARGET_BYTES: usize = 1 << 20;

fn corpus() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut once = String::new();
    for path in &paths {
        once.push_str(&fs::read_to_string(path).unwrap());
        once.push_str("\n\n");
    }
    assert!(!once.is_empty(), "no fixture articles in {}", dir.display());
    once.repeat(TARGET_BYTES.div_ceil(once.len()))
}

fn bench_split(c: &mut Criterion) {
    let text = corpus();
    let mut group = c.benchmark_group("split");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("split_sentences", |b| {
        b.iter(|| split_sentences(black_box(&text)).count())
    });
    let pdf = SentenceSplitter::builder()
        .newline_ends_sentence(false)
        .build();
    group.bench_function("newline_ends_sentence(false)", |b| {
        b.iter(|| pdf.split(black_box(&text)).count())
    });
    group.finish();
}

criterion_group!(benches, bench_split);
criterion_main!(benches);
