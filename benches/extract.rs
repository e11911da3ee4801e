//! Throughput of the whole cascade (`Extractor::extract`) and of each of its
//! stages over the fixture articles, one article per call, as bytes and
//! articles per second.
//!
//! Each stage is timed on its own: its input is computed once, outside the
//! timed loop, by the stages before it (`newsextract::stages`). The stage
//! figures add up to about the whole.

#[path = "../tests/common/inputs.rs"]
mod inputs;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use newsextract::{stages, Extractor, Sentence, SentenceSplitter};

/// The fixture articles' texts and their total size in bytes.
fn corpus() -> (Vec<&'static str>, usize) {
    let articles: Vec<&str> = inputs::fixture_articles()
        .iter()
        .map(|a| a.text.as_str())
        .collect();
    let bytes = articles.iter().map(|a| a.len()).sum();
    (articles, bytes)
}

fn bench_extract(c: &mut Criterion) {
    let (articles, bytes) = corpus();
    let extractor = Extractor::new();
    extractor.extract("Warm-up: Jane Roe resigned."); // compile the rules once
    let extract_all = || {
        articles
            .iter()
            .map(|a| extractor.extract(black_box(a)).records.len())
            .sum::<usize>()
    };
    let mut group = c.benchmark_group("extract");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("fixtures (bytes)", |b| b.iter(extract_all));
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.bench_function("fixtures (articles)", |b| b.iter(extract_all));
    group.finish();
}

fn bench_stages(c: &mut Criterion) {
    let (articles, bytes) = corpus();
    let splitter = SentenceSplitter::new();
    let sentences: Vec<Vec<Sentence<'_>>> = articles
        .iter()
        .map(|a| splitter.split(a).collect())
        .collect();
    let found: Vec<_> = articles
        .iter()
        .zip(&sentences)
        .map(|(a, s)| stages::mentions(a, s))
        .collect();
    let matched: Vec<_> = found.iter().map(stages::rules).collect();

    let mut group = c.benchmark_group("stages");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("1 split", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| splitter.split(black_box(a)).count())
                .sum::<usize>()
        })
    });
    group.bench_function("2 mentions", |b| {
        b.iter(|| {
            articles
                .iter()
                .zip(&sentences)
                .map(|(a, s)| stages::mentions(black_box(a), s).encodings().count())
                .sum::<usize>()
        })
    });
    group.bench_function("3 rules", |b| {
        b.iter(|| {
            found
                .iter()
                .map(|f| stages::rules(black_box(f)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("4 resolve", |b| {
        b.iter(|| {
            articles
                .iter()
                .zip(&sentences)
                .zip(found.iter().zip(&matched))
                .map(|((a, s), (f, m))| stages::resolve(black_box(a), s, f, m).0.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_extract, bench_stages);
criterion_main!(benches);
