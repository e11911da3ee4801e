//! Batch runs of the command-line tool: threads and order, folders and gzip,
//! field names, error files, --fail-fast, the size limit, exit codes, the
//! filter mode and a closed standard output.
//!
//! Most tests run `split`, which goes through the same reading, threading
//! and writing as `extract` but needs no rules, so the suite stays fast.
#![cfg(feature = "cli")]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_newsextract");

use common::json_lines;
use common::run_cli as run;

fn ids(lines: &[serde_json::Value]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .collect()
}

/// A fresh, empty folder for one test.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsextract-batch-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn article_line(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text}).to_string() + "\n"
}

/// `n` articles of different lengths, so threads finish out of order.
fn many_articles(n: usize) -> String {
    (0..n)
        .map(|i| {
            let text = "Jane Roe resigned. ".repeat(1 + (i * 7) % 40);
            article_line(&format!("a{i}"), &text)
        })
        .collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

#[test]
fn threads_keep_input_order_and_give_the_same_output() {
    let input = many_articles(600);
    let one = run(&["split", "--threads", "1"], input.as_bytes());
    let four = run(&["split", "--threads", "4"], input.as_bytes());
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(four.status.code(), Some(0));
    let expected: Vec<String> = (0..600).map(|i| format!("a{i}")).collect();
    assert_eq!(ids(&json_lines(&four.stdout)), expected);
    assert_eq!(one.stdout, four.stdout);
    assert!(one.stderr.is_empty() && four.stderr.is_empty());
}

#[test]
fn extract_writes_one_line_per_article_in_order_with_threads() {
    let input = [
        article_line(
            "x",
            "Jane Roe has been named chief executive of Corvel Corp.",
        ),
        article_line("y", "Shares rose on Monday."),
        article_line(
            "z",
            "Tom Hale has resigned as chief financial officer of Acme Inc.",
        ),
    ]
    .concat();
    let out = run(&["extract", "-j", "3"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out.stdout);
    assert_eq!(ids(&lines), ["x", "y", "z"]);
    assert_eq!(lines[0]["records"][0]["person"], "Jane Roe");
    assert_eq!(lines[1]["records"], serde_json::json!([]));
    assert_eq!(lines[2]["records"][0]["person"], "Tom Hale");
}

#[test]
fn folders_are_read_recursively_in_path_order_with_gzip() {
    let dir = scratch("folder");
    std::fs::create_dir_all(dir.join("b/c")).unwrap();
    std::fs::write(dir.join("a.txt"), "First story.").unwrap();
    std::fs::write(dir.join("b/c/deep.txt"), "Deep story.").unwrap();
    std::fs::write(
        dir.join("b/lines.jsonl"),
        article_line("l1", "Line one.") + &article_line("l2", "Line two."),
    )
    .unwrap();
    std::fs::write(
        dir.join("b/packed.jsonl.gz"),
        gzip(article_line("g1", "Packed one.").as_bytes()),
    )
    .unwrap();
    std::fs::write(dir.join("notes.md"), "Not an input.").unwrap();
    std::fs::write(dir.join("z.txt"), "Last story.").unwrap();
    let out = run(&["split", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0), "{:?}", out);
    let lines = json_lines(&out.stdout);
    // Text files are named by their path below the folder.
    assert_eq!(ids(&lines), ["a", "b/c/deep", "l1", "l2", "g1", "z"]);
    assert_eq!(lines[4]["sentences"][0]["text"], "Packed one.");
}

#[test]
fn gzip_files_are_read_directly_and_corrupt_ones_reported() {
    let dir = scratch("gzip");
    let good = dir.join("dump.jsonl.gz");
    std::fs::write(&good, gzip(many_articles(50).as_bytes())).unwrap();
    let mut bad_bytes = gzip(many_articles(50).as_bytes());
    bad_bytes.truncate(bad_bytes.len() / 2);
    let bad = dir.join("cut.jsonl.gz");
    std::fs::write(&bad, bad_bytes).unwrap();
    let out = run(&["split", good.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json_lines(&out.stdout).len(), 50);
    let out = run(&["split", bad.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let errors = json_lines(&out.stderr);
    assert_eq!(errors.len(), 1);
    assert!(errors[0]["error"].as_str().unwrap().contains("read failed"));
    assert_eq!(errors[0]["source"], bad.to_str().unwrap());
}

#[test]
fn text_and_id_fields_are_configurable() {
    let input = concat!(
        r#"{"url": "u1", "content": {"body": "Body one."}, "text": "not this"}"#,
        "\n",
        r#"{"url": 7, "content": {"body": "Body two."}}"#,
        "\n",
        r#"{"url": "u3", "content": {}}"#,
        "\n",
    );
    let out = run(
        &[
            "split",
            "--text-field",
            "/content/body",
            "--id-field",
            "url",
        ],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    let lines = json_lines(&out.stdout);
    assert_eq!(ids(&lines), ["u1", "7"]);
    assert_eq!(lines[0]["sentences"][0]["text"], "Body one.");
    let errors = json_lines(&out.stderr);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["line"], 3);
    assert!(errors[0]["error"]
        .as_str()
        .unwrap()
        .contains("missing field \"/content/body\""));
}

#[test]
fn errors_file_output_file_and_exit_codes() {
    let dir = scratch("errors");
    let errors = dir.join("errors.jsonl");
    let output = dir.join("out.jsonl");
    let input = article_line("a", "One.") + "{broken\n" + &article_line("c", "Three.");
    let out = run(
        &[
            "split",
            "-o",
            output.to_str().unwrap(),
            "--errors",
            errors.to_str().unwrap(),
        ],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "data goes to the -o file only");
    assert_eq!(
        ids(&json_lines(&std::fs::read(&output).unwrap())),
        ["a", "c"]
    );
    let in_file = std::fs::read(&errors).unwrap();
    assert_eq!(
        in_file, out.stderr,
        "the errors file repeats standard error"
    );
    let in_file = json_lines(&in_file);
    assert_eq!(in_file.len(), 1);
    assert_eq!(in_file[0]["line"], 2);
    assert_eq!(in_file[0]["source"], "<stdin>");

    // --exit-zero: still reported, but the run counts as a success.
    let out = run(&["split", "--exit-zero"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json_lines(&out.stderr).len(), 1);

    // An output that cannot be created is a failure of the run (1).
    let out = run(&["split", "-o", "/no/such/dir/out.jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/dir/out.jsonl"));
}

#[test]
fn fail_fast_stops_at_the_first_bad_line() {
    let mut input = article_line("a", "One.") + &article_line("b", "Two.");
    input += "not json\n";
    input += &many_articles(300);
    let out = run(&["split", "--fail-fast", "-j", "2"], input.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(ids(&json_lines(&out.stdout)), ["a", "b"]);
    let errors = json_lines(&out.stderr);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["line"], 3);
}

#[test]
fn lines_and_files_over_the_size_limit_are_errors() {
    let dir = scratch("limit");
    let big = dir.join("big.txt");
    std::fs::write(&big, "Long story. ".repeat(20)).unwrap();
    let small = dir.join("small.txt");
    std::fs::write(&small, "Short.").unwrap();
    let input = article_line("a", "Short.")
        + &article_line("b", &"Long story. ".repeat(20))
        + &article_line("c", "Short again.");
    let out = run(&["split", "--max-bytes", "100"], input.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(ids(&json_lines(&out.stdout)), ["a", "c"]);
    let errors = json_lines(&out.stderr);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["line"], 2);
    assert!(errors[0]["error"]
        .as_str()
        .unwrap()
        .contains("longer than the limit of 100 bytes"));

    let out = run(
        &[
            "split",
            "--max-bytes",
            "100",
            big.to_str().unwrap(),
            small.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(ids(&json_lines(&out.stdout)), ["small"]);
    let errors = json_lines(&out.stderr);
    assert_eq!(errors[0]["source"], big.to_str().unwrap());
    assert!(errors[0]["error"].as_str().unwrap().contains("larger than"));
}

#[test]
fn inline_errors_give_one_output_line_per_input_line() {
    let input = article_line("a", "One.") + "oops\n" + &article_line("c", "Three.");
    let out = run(&["split", "--inline-errors"], input.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].is_string());
    // Consumers (the Spark example) tell error lines by their start.
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().nth(1).unwrap().starts_with("{\"error\":"));
    assert_eq!(lines[2]["id"], "c");
}

#[test]
fn a_line_in_gives_a_line_out_before_the_input_ends() {
    // The filter mode of Hadoop Streaming and Spark's RDD.pipe: the answer
    // to a line comes while standard input is still open.
    let mut child = Command::new(BIN)
        .args(["split", "--threads", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = mpsc::channel();
    let reader = thread::spawn(move || {
        for _ in 0..2 {
            let mut line = String::new();
            stdout.read_line(&mut line).unwrap();
            tx.send(line).unwrap();
        }
    });
    for id in ["first", "second"] {
        stdin
            .write_all(article_line(id, "Jane Roe resigned.").as_bytes())
            .unwrap();
        stdin.flush().unwrap();
        let line = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("an output line while the input is still open");
        assert_eq!(json_lines(line.as_bytes())[0]["id"], id);
    }
    drop(stdin);
    reader.join().unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

#[test]
fn a_closed_standard_output_ends_the_run_quietly() {
    let mut child = Command::new(BIN)
        .args(["split"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = thread::spawn(move || {
        // Fails once the child is gone; that is expected.
        let lines = many_articles(1000);
        for _ in 0..100 {
            if stdin.write_all(lines.as_bytes()).is_err() {
                break;
            }
        }
    });
    let mut first = String::new();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    stdout.read_line(&mut first).unwrap();
    assert!(first.starts_with("{\"id\":\"a0\""));
    drop(stdout); // `| head -1`
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    feeder.join().unwrap();
    assert_eq!(status.code(), Some(0));
    assert_eq!(stderr, "", "no message for a closed output");
}

#[test]
fn missing_inputs_are_reported_and_the_rest_is_read() {
    let dir = scratch("missing");
    let here = dir.join("here.txt");
    std::fs::write(&here, "Here.").unwrap();
    let missing = Path::new("/no/such/folder");
    let out = run(
        &["split", missing.to_str().unwrap(), here.to_str().unwrap()],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(ids(&json_lines(&out.stdout)), ["here"]);
    let errors = json_lines(&out.stderr);
    assert_eq!(errors[0]["source"], "/no/such/folder");
    assert!(errors[0]["line"].is_null());
}
