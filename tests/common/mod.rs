//! Helpers shared by `tests/properties.rs` and `tests/adversarial.rs`:
//! the checks of the documented guarantees, the adversarial inputs
//! ([`inputs`]) and a guard for known bugs.
//!
//! # Known bugs
//!
//! [`KNOWN_BUGS`] lists panics found by these tests in stages this branch
//! does not change (each has an ignored regression test in
//! `tests/known_bugs.rs`). [`guard`] runs a closure and turns a panic that
//! matches one of them into `None`, so that the properties keep checking
//! everything else; any other panic fails the test as usual. Remove an entry
//! once its bug is fixed.

#![allow(dead_code)]

pub mod inputs;

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

/// A known panic: the file it is raised in and a piece of its message.
pub struct KnownBug {
    pub file: &'static str,
    pub message: &'static str,
}

/// Panics this branch reports instead of fixing (see `tests/known_bugs.rs`).
pub const KNOWN_BUGS: &[KnownBug] = &[
    // Both panics once listed here (a kept period before a multibyte
    // character, an honorific before a title word) are fixed; their
    // regression tests are in `tests/known_bugs.rs`.
];

thread_local! {
    static GUARDING: Cell<bool> = const { Cell::new(false) };
    static HIT_KNOWN: Cell<bool> = const { Cell::new(false) };
}

fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let message = info
                .payload()
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| info.payload().downcast_ref::<&str>().copied())
                .unwrap_or("");
            let file = info.location().map(|l| l.file()).unwrap_or("");
            let known = KNOWN_BUGS
                .iter()
                .any(|b| file.ends_with(b.file) && message.contains(b.message));
            if known && GUARDING.with(Cell::get) {
                HIT_KNOWN.with(|h| h.set(true));
                return; // quiet: the bug is on record
            }
            previous(info);
        }));
    });
}

/// Runs `f`; `None` when it panicked with one of [`KNOWN_BUGS`], and any
/// other panic goes on unwinding.
pub fn guard<T>(f: impl FnOnce() -> T) -> Option<T> {
    install_hook();
    GUARDING.with(|g| g.set(true));
    HIT_KNOWN.with(|h| h.set(false));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    GUARDING.with(|g| g.set(false));
    match result {
        Ok(v) => Some(v),
        Err(_) if HIT_KNOWN.with(Cell::get) => None,
        Err(payload) => panic::resume_unwind(payload),
    }
}

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

/// Runs the command-line tool with `args`, writing `stdin` from a thread
/// (the tool may answer before it has read everything).
#[cfg(feature = "cli")]
pub fn run_cli(args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsextract"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let mut input = child.stdin.take().expect("piped stdin");
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("binary finishes");
    let _ = writer.join();
    out
}
