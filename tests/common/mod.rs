//! Helpers shared by the integration tests (each declares `mod common;`
//! and uses only some of them, hence `allow(dead_code)`): the fixture
//! articles, the splitters and text pieces the checks run over, the checks
//! of the documented guarantees, the adversarial inputs ([`inputs`]) and a
//! runner for the command-line tool.
//!
//! Nothing here tolerates a panic: any panic in the library fails the test
//! that ran into it (past panics have regression tests in
//! `tests/known_bugs.rs`).

#![allow(dead_code)]

pub mod inputs;
pub mod invariants;
pub mod reshape;

// Not every test binary uses them, and `allow(dead_code)` does not cover
// imports.
#[allow(unused_imports)]
pub use inputs::{fixture_articles, FixtureArticle};
#[allow(unused_imports)]
pub use invariants::{extraction_violations, sentence_violations, span_ok};

use newsextract::SentenceSplitter;

/// Called by a test that needs the shared evaluation material beside the
/// project (`../shared`) when it is missing: the test is skipped with a
/// message, or fails when `NEWSEXTRACT_REQUIRE_SHARED=1` says the material
/// must be there.
pub fn skip_without_shared(missing: &std::path::Path) {
    let message = format!("{} is missing", missing.display());
    assert!(
        std::env::var_os("NEWSEXTRACT_REQUIRE_SHARED").is_none_or(|v| v != "1"),
        "{message} (NEWSEXTRACT_REQUIRE_SHARED=1)"
    );
    // Written to the process's standard error, not through `eprintln!`,
    // which the test harness captures: a skip must show.
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED: {message}; set NEWSEXTRACT_REQUIRE_SHARED=1 to make this a failure"
    );
}

/// The splitters every guarantee is checked with, labelled: the default
/// one, and one that reads single newlines as spaces.
pub fn splitters() -> Vec<(&'static str, SentenceSplitter)> {
    vec![
        ("default", SentenceSplitter::new()),
        (
            "newline_ends_sentence(false)",
            SentenceSplitter::builder()
                .newline_ends_sentence(false)
                .build(),
        ),
    ]
}

/// Pieces of text at which the splitter has something to decide, for the
/// generated inputs of `tests/properties.rs` and `tests/split.rs` (each
/// adds pieces of its own). A piece listed more than once is picked more
/// often.
#[rustfmt::skip]
pub const SPLITTER_PIECES: &[&str] = &[
    // Whitespace of several kinds.
    " ", " ", " ", "\n", "\n\n", "\r\n", "\t", "\u{a0}", "\u{3000}",
    // Sentence ends.
    ".", "...", ". . .", "…", "!", "?", "?!", "。", "！",
    // Quotes and brackets.
    "\"", "“", "”", "'", "’", "(", ")", "[", "]",
    // Dashes, a colon, a bullet, a decimal point.
    "—", "-", ":", "•", "3.5",
    // Characters of several byte lengths.
    "é", "e\u{301}", "\0",
];

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

/// The JSON lines of a command's output; every non-blank line must be one
/// JSON value (the line is shown when it is not).
pub fn json_lines(bytes: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l:?}: {e}")))
        .collect()
}

/// A folder under the system temp folder, removed on drop.
pub struct TempDir(std::path::PathBuf);

impl TempDir {
    /// A new empty folder; `name` tells which test made it.
    pub fn new(name: &str) -> TempDir {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "newsextract-test-{}-{name}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn path(&self) -> &std::path::Path {
        &self.0
    }

    /// Writes `bytes` to `name` (which may hold subfolders) in the folder.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> std::path::PathBuf {
        let path = self.0.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
