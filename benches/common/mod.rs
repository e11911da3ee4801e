//! Shared by the benches: the fixture articles as the benchmark corpus.

use std::fs;
use std::path::Path;

/// Every fixture article's text, sorted by file name.
pub fn fixture_articles() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(
        !paths.is_empty(),
        "no fixture articles in {}",
        dir.display()
    );
    paths
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect()
}
