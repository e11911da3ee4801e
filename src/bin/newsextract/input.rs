//! Reading articles from files and standard input, one at a time.
//!
//! Sources are read lazily so that memory stays flat on large inputs; every
//! problem is reported as an [`InputError`] naming the source and line, and
//! reading goes on with the next line or file. The JSON-lines parser itself
//! is `newsextract::jsonl`, in the library so that the fuzz targets reach it.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

use newsextract::jsonl::read_jsonl;
pub use newsextract::jsonl::{Article, InputError};

/// Where articles come from.
enum Source {
    Stdin,
    Text(PathBuf),
    Jsonl(PathBuf),
}

/// Reads every article of `paths` (standard input when empty or `-`) and
/// hands each, or the error that replaced it, to `sink` in input order.
pub fn for_each_article(
    paths: &[PathBuf],
    mut sink: impl FnMut(Result<Article, InputError>) -> io::Result<()>,
) -> io::Result<()> {
    let sources: Vec<Source> = if paths.is_empty() {
        vec![Source::Stdin]
    } else {
        paths.iter().map(|p| classify(p)).collect()
    };
    for source in sources {
        match source {
            Source::Stdin => {
                let stdin = io::stdin();
                read_jsonl("<stdin>", stdin.lock(), &mut sink)?;
            }
            Source::Jsonl(path) => {
                let name = path.display().to_string();
                match File::open(&path) {
                    Ok(f) => read_jsonl(&name, BufReader::new(f), &mut sink)?,
                    Err(e) => sink(Err(InputError::new(
                        &name,
                        None,
                        format!("cannot open: {e}"),
                    )))?,
                }
            }
            Source::Text(path) => sink(read_text(&path))?,
        }
    }
    Ok(())
}

fn classify(path: &Path) -> Source {
    if path.as_os_str() == "-" {
        Source::Stdin
    } else if path
        .extension()
        .is_some_and(|e| e == "jsonl" || e == "json")
    {
        Source::Jsonl(path.to_owned())
    } else {
        Source::Text(path.to_owned())
    }
}

fn read_text(path: &Path) -> Result<Article, InputError> {
    let name = path.display().to_string();
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| InputError::new(&name, None, format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        InputError::new(
            &name,
            None,
            format!(
                "not valid UTF-8 (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.clone());
    Ok(Article { id, text })
}
