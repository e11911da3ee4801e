//! Throughput of the sentence splitter over news text.
//!
//! The corpus is every fixture article, concatenated (blank line between
//! articles) and repeated to about 1 MB; criterion reports bytes per second.

#[path = "../tests/common/inputs.rs"]
mod inputs;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use newsextract::{split_sentences, SentenceSplitter};

const TARGET_BYTES: usize = 1 << 20;

fn corpus() -> String {
    let mut once = String::new();
    for article in inputs::fixture_articles() {
        once.push_str(&article.text);
        once.push_str("\n\n");
    }
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
