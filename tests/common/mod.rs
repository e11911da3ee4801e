//! Helpers shared by `tests/properties.rs` and `tests/adversarial.rs`.
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
    // The possessive check after a kept period ("U.S.", "Mr.") slices the
    // rest of the sentence at byte 2 or 4 before it knows that the rest
    // starts with "'s": "the U.S. naïve" or "Mr.…" panic.
    KnownBug {
        file: "src/mentions/tokens.rs",
        message: "is not a char boundary",
    },
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
