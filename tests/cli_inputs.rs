//! The command line on everyday inputs: plain text, other encodings,
//! folders of mixed files, files of the same name, blank lines, and
//! `eval` on standard input.
#![cfg(feature = "cli")]

mod common;

use std::io::Write as _;
use std::process::Output;

use common::run_cli as run;
use common::{json_lines, TempDir};
use serde_json::Value;

const ARTICLE: &str = "Jane Roe was named chief executive of Acme Corp. on Monday.";

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn person(line: &Value) -> &str {
    line["records"][0]["person"].as_str().unwrap_or("")
}

#[test]
fn plain_text_on_standard_input_with_text_and_a_hint_without() {
    let out = run(&["extract", "--text"], ARTICLE.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], "stdin");
    assert_eq!(person(&lines[0]), "Jane Roe");

    let out = run(&["extract"], ARTICLE.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let errors = json_lines(&out.stderr);
    let reason = errors[0]["error"].as_str().unwrap();
    assert!(reason.starts_with("not valid JSON"), "{reason}");
    assert!(reason.contains("pass --text"), "{reason}");
    // Only the first line gets the hint: later bad lines are plain errors.
    let input = format!("{{\"id\": \"a\", \"text\": \"{ARTICLE}\"}}\nnot json\n");
    let errors = json_lines(&run(&["extract"], input.as_bytes()).stderr);
    assert!(!errors[0]["error"].as_str().unwrap().contains("--text"));
}

#[test]
fn utf16_files_are_decoded_and_other_encodings_are_named() {
    let dir = TempDir::new("enc");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes));
    let utf16 = dir.write("utf16.txt", &utf16);
    let cp1252 = dir.write(
        "cp1252.txt",
        b"Jos\xe9 Mar\xeda was named chief executive of Acme Corp. on Monday.",
    );
    let out = run(&["extract", utf16.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(person(&json_lines(&out.stdout)[0]), "Jane Roe");

    let out = run(&["extract", cp1252.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let reason = json_lines(&out.stderr)[0]["error"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        reason.contains("not valid UTF-8") && reason.contains("--encoding"),
        "{reason}"
    );
    for name in ["windows-1252", "latin-1"] {
        let out = run(
            &["extract", "--encoding", name, cp1252.to_str().unwrap()],
            b"",
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(person(&json_lines(&out.stdout)[0]), "José María");
    }
    // JSON lines in windows-1252 on standard input.
    let line = b"{\"id\": \"w\", \"text\": \"Jos\xe9 Mar\xeda was named chief executive of Acme Corp. on Monday.\"}\n";
    let out = run(&["extract", "--encoding", "windows-1252"], line);
    assert_eq!(person(&json_lines(&out.stdout)[0]), "José María");
    let out = run(&["extract", "--encoding", "klingon"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown encoding"));
}

#[test]
fn folder_walks_read_every_article_file_and_count_the_rest() {
    use flate2::{write::GzEncoder, Compression};
    let dir = TempDir::new("walk");
    dir.write("a/UPPER.TXT", ARTICLE.as_bytes());
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    gz.write_all(ARTICLE.as_bytes()).unwrap();
    dir.write("b/zipped.txt.gz", gz.finish().unwrap());
    dir.write(
        "c/array.json",
        format!(
            "[{{\"id\": \"j1\", \"text\": \"{ARTICLE}\"}}, {{\"id\": \"j2\", \"text\": \"No news.\"}}]"
        )
        .as_bytes(),
    );
    dir.write("d/notes.md", b"# notes");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        dir.path().join("nowhere.txt"),
        dir.path().join("d/broken.txt"),
    )
    .unwrap();
    let skipped = if cfg!(unix) { 2 } else { 1 };

    let out = run(&["extract", "--verbose", dir.path().to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: Vec<_> = json_lines(&out.stdout)
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["a/UPPER", "b/zipped", "j1", "j2"]);
    let err = stderr(&out);
    assert!(err.contains("skipped") && err.contains("notes.md"), "{err}");
    #[cfg(unix)]
    assert!(err.contains("broken.txt (broken link)"), "{err}");
    assert!(err.contains(&format!("{skipped} skipped files")), "{err}");
    // Without --verbose nothing is named.
    let out = run(&["extract", dir.path().to_str().unwrap()], b"");
    assert!(!stderr(&out).contains("notes.md"));
}

#[test]
fn files_of_the_same_name_keep_distinct_ids() {
    let dir = TempDir::new("same");
    let a = dir.write("a/story.txt", ARTICLE.as_bytes());
    let b = dir.write(
        "b/story.txt",
        b"Tom Hale has resigned as chairman of Corvel Inc.",
    );
    let c = dir.write("c/other.txt", b"No news.");
    let paths = [&a, &b, &c].map(|p| p.to_str().unwrap().to_owned());
    let mut args = vec!["extract"];
    args.extend(paths.iter().map(String::as_str));
    let out = run(&args, b"");
    let ids: Vec<_> = json_lines(&out.stdout)
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .collect();
    // The path as given, without `.txt`, where names clash.
    let a_id = paths[0].strip_suffix(".txt").unwrap();
    let b_id = paths[1].strip_suffix(".txt").unwrap();
    assert_eq!(ids, [a_id, b_id, "other"]);
    assert!(a_id.ends_with("a/story") && b_id.ends_with("b/story"));
}

#[test]
fn inline_errors_give_one_line_out_per_line_in_with_ids_on_errors() {
    let good = format!("{{\"id\": \"g\", \"text\": \"{ARTICLE}\"}}");
    let lines = [
        good.as_str(),
        "",
        "not json",
        "{\"id\": \"no-text\"}",
        "   ",
        "{\"id\": 7, \"text\": 5}",
        good.as_str(),
        "",
        "{\"text\": \"No news here.\"}",
        "[1]",
        "",
        good.as_str(),
        "{\"id\": \"x\", \"text\": \"caf\u{e9}\"}",
        "",
    ];
    let input = lines.join("\n") + "\n";
    let out = run(&["extract", "--inline-errors"], input.as_bytes());
    let output = json_lines(&out.stdout);
    assert_eq!(
        output.len(),
        lines.len(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    for (n, (line, got)) in lines.iter().zip(&output).enumerate() {
        if line.trim().is_empty() {
            assert_eq!(got["id"], format!("<stdin>:{}", n + 1));
            assert_eq!(got["records"], serde_json::json!([]));
        }
    }
    assert_eq!(output[3]["id"], "no-text");
    assert!(output[3]["error"]
        .as_str()
        .unwrap()
        .contains("missing field"));
    assert_eq!(output[5]["id"], "7");
    assert!(output[2].get("id").is_none(), "no id could be read");
    // Without --inline-errors, blank lines are skipped as before.
    let out = run(&["extract"], input.as_bytes());
    assert_eq!(json_lines(&out.stdout).len(), 5);
}

#[test]
fn eval_reads_standard_input_and_warns_about_unmatched_ids() {
    let dir = TempDir::new("eval");
    let gold = dir.write(
        "gold.jsonl",
        b"{\"id\": \"a\", \"records\": [{\"kind\": \"hire\", \"person\": \"Jane Roe\"}]}\n\
          {\"id\": \"b\", \"records\": []}\n",
    );
    let pred =
        b"{\"id\": \"a\", \"records\": [{\"kind\": \"promotion\", \"person\": \"Jane Roe\"}]}\n\
                 {\"id\": \"a.txt\", \"records\": []}\n";
    let out = run(&["eval", "--kinds", gold.to_str().unwrap(), "-"], pred);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        text.starts_with(
            "exact kind: 0/1 matched records = 0.000\n  gold hire -> predicted promotion: 1\n"
        ),
        "{text}"
    );
    assert!(
        text.ends_with("overall P=1.000 R=1.000 F1=1.000\n"),
        "{text}"
    );
    let err = stderr(&out);
    assert!(
        err.contains("1 predicted articles match no gold id (not scored): \"a.txt\""),
        "{err}"
    );
    assert!(
        err.contains("1 gold articles have no prediction (scored as predicting nothing): \"b\""),
        "{err}"
    );
    let out = run(&["eval", "-", "-"], b"");
    assert_eq!(out.status.code(), Some(2));
}
