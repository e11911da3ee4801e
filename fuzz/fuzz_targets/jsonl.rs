//! The command-line tool's JSON-lines reader on any bytes: no panic, one
//! article or one error per non-blank line in order, every error a JSON
//! line naming its line.
#![no_main]

use std::io::Cursor;
use std::ops::ControlFlow;

use libfuzzer_sys::fuzz_target;
use newsextract::jsonl::{read_jsonl, Options};

fuzz_target!(|data: &[u8]| {
    let mut seen = 0u64;
    let mut last_line = 0u64;
    let flow = read_jsonl("fuzz", Cursor::new(data), &Options::default(), &mut |item| {
        seen += 1;
        match item.article {
            Ok(article) => {
                let _ = newsextract::split_sentences(&article.text).count();
            }
            Err(e) => {
                let line = e.line.expect("a JSON line error names its line");
                assert!(line > last_line);
                last_line = line;
                let json: serde_json::Value =
                    serde_json::from_str(&e.to_json()).expect("the error line is JSON");
                assert_eq!(json["line"], line);
                assert!(!e.reason.is_empty());
            }
        }
        ControlFlow::Continue(())
    });
    assert_eq!(flow, ControlFlow::Continue(()), "the sink never breaks");
    // A byte order mark opens the first line without counting as text.
    let non_blank = data
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(data)
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count() as u64;
    assert_eq!(seen, non_blank);
});
