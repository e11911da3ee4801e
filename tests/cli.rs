//! The command-line tool end to end: inputs, outputs, errors, exit codes.
#![cfg(feature = "cli")]

mod common;

use common::json_lines;
use common::run_cli as run;

#[test]
fn split_reads_jsonl_from_stdin_and_reports_every_bad_line() {
    let mut input = Vec::new();
    input.extend_from_slice(
        b"{\"id\": \"a\", \"text\": \"Jane Roe resigned. Tom Hale took over.\"}\n",
    );
    input.extend_from_slice(b"not json\n");
    input.extend_from_slice(b"{\"id\": \"c\"}\n");
    input.extend_from_slice(b"{\"id\": \"d\", \"text\": 5}\n");
    input.extend_from_slice(b"{\"id\": \"e\", \"text\": \"caf\xff\"}\n");
    input.extend_from_slice(b"\n{\"id\": \"f\", \"text\": \"Last one.\"}\n");
    let out = run(&["split"], &input);
    assert_eq!(out.status.code(), Some(2), "bad lines make exit code 2");
    let lines = json_lines(&out.stdout);
    let ids: Vec<_> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "f"]);
    let a = &lines[0]["sentences"];
    assert_eq!(a.as_array().unwrap().len(), 2);
    assert_eq!(a[1]["text"], "Tom Hale took over.");
    let errors = json_lines(&out.stderr);
    let at: Vec<_> = errors.iter().map(|e| e["line"].as_u64().unwrap()).collect();
    assert_eq!(at, [2, 3, 4, 5]);
    assert!(errors.iter().all(|e| e["source"] == "<stdin>"));
    assert!(errors[1]["error"]
        .as_str()
        .unwrap()
        .contains("missing field \"text\""));
    assert!(errors[3]["error"].as_str().unwrap().contains("UTF-8"));
}

#[test]
fn extract_reads_text_files_and_goes_on_after_a_missing_one() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/articles/wire_brightwater_ceo_succession.txt"
    );
    let out = run(&["extract", "/no/such/file.txt", fixture], b"");
    assert_eq!(out.status.code(), Some(2));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], "wire_brightwater_ceo_succession");
    assert!(!lines[0]["records"].as_array().unwrap().is_empty());
    let errors = json_lines(&out.stderr);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["source"], "/no/such/file.txt");
}

#[test]
fn extract_clean_input_exits_zero_with_one_line_per_article() {
    let input = b"{\"id\": 1, \"text\": \"No change here.\"}\n{\"id\": \"x\", \"text\": \"Jane Roe has been named chief executive of Corvel Corp.\"}\n";
    let out = run(&["extract", "-"], input);
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "1");
    assert_eq!(lines[0]["records"], serde_json::json!([]));
    assert_eq!(lines[1]["records"][0]["person"], "Jane Roe");
}

#[test]
fn eval_scores_and_reports_bad_files() {
    let dir = std::env::temp_dir().join(format!("newsextract-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let gold = dir.join("gold.jsonl");
    std::fs::write(
        &gold,
        "{\"id\": \"a\", \"records\": [{\"kind\": \"hire\", \"person\": \"Jane Roe\"}]}\n",
    )
    .unwrap();
    let out = run(
        &["eval", gold.to_str().unwrap(), gold.to_str().unwrap()],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("overall P=1.000 R=1.000 F1=1.000"));
    let out = run(
        &["eval", gold.to_str().unwrap(), "/no/such/pred.jsonl"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/pred.jsonl"));
}
