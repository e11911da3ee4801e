//! The command-line tool's JSON-lines reader on any bytes: no panic, one
//! article or one error per non-blank line in order, every error a JSON
//! line naming its line.
#![no_main]

use std::io::Cursor;

use libfuzzer_sys::fuzz_target;
use newsextract::jsonl::read_jsonl;

fuzz_target!(|data: &[u8]| {
    let mut seen = 0u64;
    let mut last_line = 0u64;
    read_jsonl("fuzz", Cursor::new(data), &mut |item| {
        seen += 1;
        match item {
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
        Ok(())
    })
    .expect("reading from memory does not fail");
    let non_blank = data
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count() as u64;
    assert_eq!(seen, non_blank);
});
