//! Adversarial inputs (`tests/common/inputs.rs`) at 1x, 2x and 4x their
//! size: time per byte must stay flat. The splitter runs every input at
//! its full size (a 20 MB article, 100,000 capitalised words, ...); the
//! whole cascade runs them at an eighth of that by default, as it is about
//! a thousand times slower than the splitter, and at full size with
//! `ADVERSARIAL_FULL=1` (minutes per case).
//!
//! The repetition family (every fixture sentence, and hostile units such
//! as "Jane Roe, CEO of Acme Corp., resigned.", repeated many times) runs
//! through the whole cascade only, at the sizes given: splitting a
//! repeated sentence is no harder than splitting any other text.
//!
//! `ADVERSARIAL_TABLE=1 cargo bench --bench adversarial` skips criterion
//! and prints one Markdown table of the best of three runs per size (one
//! run when it takes over 5 s),
//! which is how README's figures are made.

use std::time::{Duration, Instant};

use criterion::{black_box, BenchmarkId, Criterion, SamplingMode, Throughput};
use newsextract::{split_sentences, Extractor};

#[path = "../tests/common/inputs.rs"]
mod inputs;

use inputs::*;

/// One adversarial input: a generator and the 1x size of its argument,
/// for the splitter (if it runs) and for the whole cascade.
struct Case {
    name: String,
    make: Box<dyn Fn(usize) -> String>,
    split_size: Option<usize>,
    extract_size: usize,
}

fn cases() -> Vec<Case> {
    let full = std::env::var_os("ADVERSARIAL_FULL").is_some();
    let case = |name: &str, make: fn(usize) -> String, size: usize| Case {
        name: name.to_owned(),
        make: Box::new(make),
        split_size: Some(size),
        extract_size: if full { size } else { size / 8 },
    };
    let repeated = |name: String, make: Box<dyn Fn(usize) -> String>, size: usize| Case {
        name,
        make,
        split_size: None,
        extract_size: size,
    };
    let mut cases = vec![
        case("article 20 MB", big_article, 20 << 20),
        case("no punctuation 2 MB", no_punctuation, 2 << 20),
        case("100,000 capitalised words", capitalised_words, 100_000),
        case("50,000 Name, Title lines", name_title_lines, 50_000),
        case("title 100,000 times", repeated_title, 100_000),
        case("binary garbage 2 MB", binary_garbage, 2 << 20),
        case("RTL and CJK 2 MB", rtl_and_cjk, 2 << 20),
        case("emoji, combining 2 MB", emoji_and_combining, 2 << 20),
    ];
    for (name, separator) in SEPARATORS {
        cases.push(repeated(
            format!("each fixture sentence x4, {name}"),
            Box::new(move |n| fixture_sentences_repeated(n, separator)),
            4,
        ));
    }
    for (name, unit) in HOSTILE_UNITS {
        // About 0.4 MB at 1x.
        let copies = 400_000 / (unit.len() + 1);
        cases.push(repeated(
            format!("{name} x{copies}"),
            Box::new(|n| repeat_mixed(unit, n)),
            copies,
        ));
    }
    cases.push(repeated(
        "2,000 names in one sentence".to_owned(),
        Box::new(names_in_one_sentence),
        2_000,
    ));
    cases.push(repeated(
        "5,000 moves in one sentence".to_owned(),
        Box::new(moves_in_one_sentence),
        5_000,
    ));
    cases.push(repeated(
        "300 names in one sentence x40".to_owned(),
        Box::new(hundreds_of_names),
        40,
    ));
    cases
}

const SCALES: [usize; 3] = [1, 2, 4];

fn bench(c: &mut Criterion) {
    let extractor = Extractor::new();
    extractor.extract("Warm-up: Jane Roe resigned."); // compile the rules once
    for case in cases() {
        let mut group = c.benchmark_group(format!("adversarial/{}", case.name));
        group.sample_size(10);
        group.sampling_mode(SamplingMode::Flat);
        group.warm_up_time(Duration::from_millis(500));
        if let Some(size) = case.split_size {
            for scale in SCALES {
                let text = (case.make)(size * scale);
                group.throughput(Throughput::Bytes(text.len() as u64));
                group.bench_with_input(
                    BenchmarkId::new("split", format!("{scale}x")),
                    &text,
                    |b, t| b.iter(|| split_sentences(black_box(t)).count()),
                );
            }
        }
        for scale in SCALES {
            let text = (case.make)(case.extract_size * scale);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::new("extract", format!("{scale}x")),
                &text,
                |b, t| b.iter(|| extractor.extract(black_box(t)).records.len()),
            );
        }
        group.finish();
    }
    #[cfg(feature = "cli")]
    {
        let mut group = c.benchmark_group("adversarial/JSON lines, lone surrogates");
        group.sample_size(10);
        for scale in SCALES {
            let input = jsonl_with_lone_surrogates(100_000 * scale);
            group.throughput(Throughput::Bytes(input.len() as u64));
            group.bench_with_input(
                BenchmarkId::new("read_jsonl", format!("{scale}x")),
                &input,
                |b, t| b.iter(|| read_all(t)),
            );
        }
        group.finish();
    }
}

/// Reads every line of `input`; returns how many were errors.
#[cfg(feature = "cli")]
fn read_all(input: &str) -> usize {
    let mut errors = 0;
    let opts = newsextract::jsonl::Options::default();
    let _ = newsextract::jsonl::read_jsonl("bench", input.as_bytes(), &opts, &mut |item| {
        errors += usize::from(item.article.is_err());
        std::ops::ControlFlow::Continue(())
    });
    errors
}

/// Best of three runs of `f`, or the only run when it took over 5 s.
fn best_of_three(mut f: impl FnMut()) -> Duration {
    let mut time = || {
        let started = Instant::now();
        f();
        started.elapsed()
    };
    let first = time();
    if first > Duration::from_secs(5) {
        return first;
    }
    first.min(time()).min(time())
}

/// The table for README: per case and stage, the time and MB/s at 1x, 2x
/// and 4x, and the 4x/1x ratio of time (4.0 is linear).
fn table() {
    let extractor = Extractor::new();
    extractor.extract("Warm-up: Jane Roe resigned.");
    println!("| input | stage | 1x | 2x | 4x | 4x/1x time |");
    println!("| --- | --- | --- | --- | --- | --- |");
    let row = |name: &str, stage: &str, make: &dyn Fn(usize) -> String, run: &dyn Fn(&str)| {
        let mut cells = Vec::new();
        let mut times = Vec::new();
        for scale in SCALES {
            let text = make(scale);
            let t = best_of_three(|| run(black_box(&text)));
            let mb = text.len() as f64 / 1e6;
            cells.push(format!(
                "{mb:.2} MB: {:.3} s, {:.1} MB/s",
                t.as_secs_f64(),
                mb / t.as_secs_f64()
            ));
            times.push(t.as_secs_f64());
        }
        println!(
            "| {name} | {stage} | {} | {:.2} |",
            cells.join(" | "),
            times[2] / times[0]
        );
    };
    for case in cases() {
        if let Some(size) = case.split_size {
            row(&case.name, "split", &|s| (case.make)(size * s), &|t| {
                black_box(split_sentences(t).count());
            });
        }
        row(
            &case.name,
            "extract",
            &|s| (case.make)(case.extract_size * s),
            &|t| {
                black_box(extractor.extract(t).records.len());
            },
        );
    }
    #[cfg(feature = "cli")]
    row(
        "JSON lines, half with lone surrogates (100,000 lines)",
        "read_jsonl",
        &|s| jsonl_with_lone_surrogates(100_000 * s),
        &|t| {
            black_box(read_all(t));
        },
    );
}

fn main() {
    if std::env::var_os("ADVERSARIAL_TABLE").is_some() {
        table();
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
