//! The contract between the mention and phrase stages and the event rules,
//! as data: `tests/encoding_cases.txt` gives sentences with the chunk
//! encoding they must get, the chunks' texts (a title split into title and
//! organisation), and the clause the rules read. Every mismatch is reported
//! at once, with what the stages made of the sentence.

use newsextract::{debug_chunks, SentenceDebug};

const CASES: &str = include_str!("encoding_cases.txt");

/// One case of the file.
#[derive(Debug, Default)]
struct Case {
    line: usize,
    family: String,
    sentence: String,
    /// `= ...`: the chunk encoding.
    encoding: Option<String>,
    /// `- SYMBOL text` or `- SYMBOL title | org`.
    chunks: Vec<(String, String)>,
    /// `~ ...` lines: the sentence's own clause in the phrase encoding,
    /// then, in order, the clauses the phrase stage adds (relative,
    /// purpose, gapped clauses).
    clauses: Vec<String>,
}

fn parse(src: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let mut family = String::new();
    for (n, raw) in src.lines().enumerate() {
        let line = raw.trim_end();
        let at = n + 1;
        if let Some(name) = line.strip_prefix("## ") {
            family = name.trim().to_owned();
        } else if let Some(sentence) = line.strip_prefix("> ") {
            assert!(
                !family.is_empty(),
                "encoding_cases.txt:{at}: case before any `## family`"
            );
            cases.push(Case {
                line: at,
                family: family.clone(),
                sentence: sentence.to_owned(),
                ..Case::default()
            });
        } else if line.is_empty() || line.starts_with('#') {
            continue;
        } else {
            let case = cases
                .last_mut()
                .unwrap_or_else(|| panic!("encoding_cases.txt:{at}: line before any `> ` case"));
            if let Some(e) = line.strip_prefix("= ") {
                case.encoding = Some(e.to_owned());
            } else if let Some(c) = line.strip_prefix("~ ") {
                case.clauses.push(c.to_owned());
            } else if let Some(chunk) = line.strip_prefix("- ") {
                let (symbol, text) = chunk
                    .split_once(' ')
                    .unwrap_or_else(|| panic!("encoding_cases.txt:{at}: `- SYMBOL text`"));
                case.chunks.push((symbol.to_owned(), text.to_owned()));
            } else {
                panic!("encoding_cases.txt:{at}: expected `## `, `> `, `= `, `~ ` or `- `: {line}");
            }
        }
    }
    cases
}

/// How a chunk is written in a `- ` line: its text, or for a title its
/// title and organisation.
fn shown(c: &newsextract::ChunkView) -> String {
    match (&c.title, &c.org) {
        (Some(t), Some(o)) => format!("{t} | {o}"),
        (Some(t), None) => format!("{t} |"),
        _ => c.text.clone(),
    }
}

fn describe(s: &SentenceDebug) -> String {
    let mut out = format!(
        "      chunks: {}\n      clause: {}\n",
        s.encoding,
        s.clauses.join(" || ")
    );
    for c in &s.chunks {
        if c.symbol.chars().next().is_some_and(char::is_uppercase)
            && c.symbol[1..].bytes().all(|b| b.is_ascii_digit())
        {
            out.push_str(&format!("      - {} {}\n", c.symbol, shown(c)));
        }
    }
    out
}

fn failure(case: &Case) -> Option<String> {
    let sentences = debug_chunks(&case.sentence);
    let Some(s) = sentences.first().filter(|_| sentences.len() == 1) else {
        return Some(format!("is {} sentences, not one", sentences.len()));
    };
    let mut wrong = Vec::new();
    if let Some(e) = &case.encoding {
        if *e != s.encoding {
            wrong.push(format!("encoding: expected {e:?}"));
        }
    }
    for (i, c) in case.clauses.iter().enumerate() {
        if Some(c) != s.clauses.get(i) {
            wrong.push(format!("clause {i}: expected {c:?}"));
        }
    }
    for (symbol, text) in &case.chunks {
        match s.chunks.iter().find(|c| c.symbol == *symbol) {
            Some(c) if shown(c) == *text => {}
            Some(c) => wrong.push(format!("{symbol}: expected {text:?}, found {:?}", shown(c))),
            None => wrong.push(format!("no chunk {symbol}")),
        }
    }
    (!wrong.is_empty()).then(|| format!("{}\n{}", wrong.join("; "), describe(s)))
}

#[test]
fn sentences_get_the_chunks_and_clauses_the_cases_state() {
    let cases = parse(CASES);
    assert!(cases.len() >= 80, "only {} cases", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            failure(c).map(|why| {
                format!(
                    "encoding_cases.txt:{} [{}] {}\n    {why}",
                    c.line, c.family, c.sentence
                )
            })
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_chunk_kind_has_a_case() {
    let cases = parse(CASES);
    for kind in ['P', 'O', 'N', 'T', 'R'] {
        let covered = cases.iter().any(|c| {
            c.encoding
                .as_deref()
                .is_some_and(|e| e.split(' ').any(|s| s.starts_with(kind) && s.len() > 1))
        });
        assert!(covered, "no case has a {kind} chunk");
    }
    assert!(cases
        .iter()
        .any(|c| c.clauses.iter().any(|e| e.contains("/pas/"))));
}
