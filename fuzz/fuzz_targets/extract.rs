//! `extract` on any text: no panic, sentences as `split_sentences` gives
//! them, every evidence and hit span within the text on `char` boundaries.
//!
//! Panics already on record (KNOWN_BUGS, mirroring tests/common/mod.rs) are
//! let through quietly so that the fuzzer can look for new ones; remove an
//! entry once its bug is fixed.
#![no_main]

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use libfuzzer_sys::fuzz_target;

/// (file, piece of the message) of each known panic.
const KNOWN_BUGS: &[(&str, &str)] = &[];

thread_local! {
    static HIT_KNOWN: Cell<bool> = const { Cell::new(false) };
}

fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook(); // libfuzzer-sys's: print, abort
        panic::set_hook(Box::new(move |info| {
            let message = info
                .payload()
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| info.payload().downcast_ref::<&str>().copied())
                .unwrap_or("");
            let file = info.location().map(|l| l.file()).unwrap_or("");
            if KNOWN_BUGS
                .iter()
                .any(|(f, m)| file.ends_with(f) && message.contains(m))
            {
                HIT_KNOWN.with(|h| h.set(true));
                return;
            }
            previous(info);
        }));
    });
}

fuzz_target!(|data: &[u8]| {
    install_hook();
    let text = String::from_utf8_lossy(data);
    HIT_KNOWN.with(|h| h.set(false));
    let out = match panic::catch_unwind(AssertUnwindSafe(|| newsextract::extract(&text))) {
        Ok(out) => out,
        Err(_) if HIT_KNOWN.with(Cell::get) => return,
        Err(payload) => panic::resume_unwind(payload),
    };
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
