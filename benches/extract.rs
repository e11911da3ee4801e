//! Throughput of the whole cascade (`Extractor::extract`) over the fixture
//! articles, one article per call, as bytes and articles per second.

mod common;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use newsextract::Extractor;

fn bench_extract(c: &mut Criterion) {
    let articles = common::fixture_articles();
    let bytes: usize = articles.iter().map(String::len).sum();
    let extractor = Extractor::new();
    extractor.extract("Warm-up: Jane Roe resigned."); // compile the rules once
    let mut group = c.benchmark_group("extract");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("fixtures (bytes)", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| extractor.extract(black_box(a)).records.len())
                .sum::<usize>()
        })
    });
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.bench_function("fixtures (articles)", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| extractor.extract(black_box(a)).records.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
