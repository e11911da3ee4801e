//! Cross-checks of `newsextract::eval` against the Python scorer itself
//! (when `python3` and `../shared/eval/score.py` are present): real gold
//! files and hand-made predictions must give byte-identical output. When
//! they are missing, these tests say SKIPPED on standard error
//! (uncaptured); with `NEWSEXTRACT_REQUIRE_SHARED=1` they fail instead.
#![cfg(feature = "eval")]

mod common;

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::TempDir;
use newsextract::eval::{normalize, normalize_title, score_files};
use serde_json::{json, Value};

const SCORE_PY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/score.py");
const SEED_GOLD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seed/alibaba_cloud_reshuffle.gold.jsonl"
);

// ---------------------------------------------------------------------------
// Cross-checks against score.py
// ---------------------------------------------------------------------------

/// The Python interpreter behind `python3` (resolved once, so that version
/// manager shims are not run for every call), if it and score.py are there.
fn python() -> Option<&'static Path> {
    static PYTHON: OnceLock<Option<PathBuf>> = OnceLock::new();
    PYTHON
        .get_or_init(|| {
            if !Path::new(SCORE_PY).is_file() {
                return None;
            }
            let out = Command::new("python3")
                .args(["-c", "import sys; print(sys.executable)"])
                .output()
                .ok()?;
            let exe = String::from_utf8(out.stdout).ok()?;
            let exe = PathBuf::from(exe.trim());
            (out.status.success() && exe.is_file()).then_some(exe)
        })
        .as_deref()
}

/// Whether the cross-checks can run. If not, says so where it is seen
/// (standard error itself: libtest captures only `eprintln!`), or fails
/// when `NEWSEXTRACT_REQUIRE_SHARED=1` asks for the cross-checks.
fn python_ready(test: &str) -> bool {
    if python().is_some() {
        return true;
    }
    skip(test, &format!("python3 or {SCORE_PY} is not available"));
    false
}

/// Reports a skipped cross-check (see [`python_ready`]).
fn skip(test: &str, why: &str) {
    let required = std::env::var("NEWSEXTRACT_REQUIRE_SHARED").is_ok_and(|v| v == "1");
    assert!(!required, "{test}: {why} (NEWSEXTRACT_REQUIRE_SHARED=1)");
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
}

fn run_python(args: &[&str]) -> String {
    let exe = python().expect("python3");
    let out = Command::new(exe).args(args).output().expect("run python3");
    assert!(
        out.status.success(),
        "python3 {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Scores `pred` against `gold` with score.py and with the port: the full
/// `--errors --per-article --kinds` output (which ends with the table) must be
/// identical, and with `plain`, the default output too.
fn cross_check(gold: &Path, pred: &Path, plain: bool) {
    let report = score_files(gold, pred).unwrap_or_else(|e| panic!("{e}"));
    let (g, p) = (gold.to_str().unwrap(), pred.to_str().unwrap());
    let table = report.table();
    if plain {
        let python_table = run_python(&[SCORE_PY, g, p]);
        assert_eq!(table, python_table, "table differs for {p}");
    }
    let python_all = run_python(&[SCORE_PY, g, p, "--errors", "--per-article"]);
    assert!(
        python_all.ends_with(&table),
        "table differs for {p}:\n{python_all}\n{table}"
    );
    let rust_all = format!("{}{}{}", report.errors(), report.per_article(), table);
    assert_eq!(
        rust_all, python_all,
        "--errors --per-article output differs for {p}"
    );
    // score.py --kinds stops with a traceback when a wrong kind is a list
    // or an object (it counts them in a Counter); the port counts them.
    let unhashable = |v: &Value| v.is_array() || v.is_object();
    let python_fails = report.kinds.iter().any(|k| {
        !k.exact() && (unhashable(&k.predicted) || k.gold.first().is_some_and(unhashable))
    });
    if !python_fails {
        let python_kinds = run_python(&[SCORE_PY, g, p, "--kinds"]);
        assert_eq!(
            format!("{}{table}", report.kinds()),
            python_kinds,
            "--kinds output differs for {p}"
        );
    }
}

fn read_articles(path: &Path) -> Vec<Value> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn to_jsonl(articles: &[Value]) -> String {
    articles.iter().map(|a| format!("{a}\n")).collect()
}

/// A gold slot value turned into a prediction: alternative `k` (mod the
/// number of alternatives).
fn pick(v: &Value, k: usize) -> Value {
    match v {
        Value::Array(a) if !a.is_empty() => a[k % a.len()].clone(),
        Value::Array(_) => Value::Null,
        other => other.clone(),
    }
}

fn set_title(rec: &mut Value, role: &str, title: Value) {
    match rec.get_mut(role) {
        Some(Value::Object(m)) => {
            m.insert("title".into(), title);
        }
        _ => rec[role] = json!({"title": title, "org": null}),
    }
}

/// Turns a gold record into a plausible, partly wrong prediction; `k`
/// chooses the kind of damage. Returns None to drop the record.
fn perturb_record(gold: &Value, k: usize) -> Option<Value> {
    let mut rec = json!({});
    for key in [
        "kind",
        "person",
        "company",
        "reports_to",
        "previous_reports_to",
        "predecessor",
        "successor",
    ] {
        if let Some(v) = gold.get(key) {
            rec[key] = pick(v, k);
        }
    }
    for role in ["old_role", "new_role"] {
        match gold.get(role) {
            Some(Value::Object(m)) => {
                rec[role] = json!({
                    "title": pick(m.get("title").unwrap_or(&Value::Null), k + 1),
                    "org": pick(m.get("org").unwrap_or(&Value::Null), k),
                });
            }
            Some(other) => rec[role] = other.clone(),
            None => {}
        }
    }
    match k % 11 {
        0 => {}
        1 => {
            if let Some(Value::String(s)) = rec.get("company").cloned() {
                rec["company"] = json!(format!("THE {}’s", s.to_uppercase()));
            }
            rec["kind"] = json!("departure");
        }
        2 => {
            rec.as_object_mut().unwrap().remove("company");
            set_title(&mut rec, "new_role", json!("SVP"));
        }
        3 => return None,
        4 => {
            let first = pick(gold.get("person").unwrap_or(&Value::Null), 0);
            let short = first
                .as_str()
                .and_then(|s| s.split(' ').next_back())
                .unwrap_or("X");
            rec["person"] = json!(short);
        }
        5 => {
            rec["reports_to"] = json!("Nobody In Particular");
            rec["predecessor"] = json!(["", "ignored"]);
            rec["successor"] = json!("   ");
        }
        6 => rec["person"] = Value::Null,
        7 => {
            set_title(&mut rec, "old_role", json!("CEO"));
            set_title(&mut rec, "new_role", json!("chief executive officer"));
            rec["kind"] = json!(["reporting_change", "hire"]);
        }
        8 => {
            rec["company"] = json!([
                "Someone Else Inc.",
                rec.get("company").cloned().unwrap_or(Value::Null)
            ]);
            rec["new_role"] = json!("a string, not a role");
            rec["old_role"] = json!({"title": 42, "org": {"name": "Acme"}});
        }
        9 => {
            rec["kind"] = json!("appointment");
            rec["previous_reports_to"] = json!("Ｆｕｌｌ\u{a0}Ｗｉｄｔｈ");
            rec["successor"] = json!("É\u{301}mile 'Quote' \"Double\" \t tab");
        }
        _ => {
            rec["company"] = json!(1.5e-7);
            rec["reports_to"] = json!(true);
        }
    }
    Some(rec)
}

/// Predictions for a whole gold file: perturbed records, one spurious
/// record per article, every seventh article missing, one extra article.
fn perturb_articles(gold: &[Value], seed: usize) -> Vec<Value> {
    let mut k = seed;
    let mut out = Vec::new();
    for (n, article) in gold.iter().enumerate() {
        if (n + seed) % 7 == 6 {
            continue;
        }
        let mut records: Vec<Value> = Vec::new();
        if let Some(Value::Array(recs)) = article.get("records") {
            for r in recs {
                k += 1;
                records.extend(perturb_record(r, k));
            }
        }
        records.push(
            json!({"kind": "hire", "person": "Nobody Special", "company": "Acme",
                            "new_role": {"title": "GM", "org": null}}),
        );
        if n % 2 == 0 {
            records.reverse();
        }
        out.push(
            json!({"id": article.get("id").cloned().unwrap_or(Value::Null), "records": records}),
        );
    }
    out.push(json!({"id": "not-in-gold", "records": [{"kind": "hire", "person": "Extra Person"}]}));
    out
}

#[test]
fn cross_check_seed_gold_with_score_py() {
    if !python_ready("cross_check_seed_gold_with_score_py") {
        return;
    }
    if !Path::new(SEED_GOLD).is_file() {
        skip(
            "cross_check_seed_gold_with_score_py",
            &format!("no {SEED_GOLD}"),
        );
        return;
    }
    let gold_path = Path::new(SEED_GOLD);
    let gold = read_articles(gold_path);
    let dir = TempDir::new("seed");
    let records = gold[0]["records"].as_array().unwrap().clone();
    let id = gold[0]["id"].clone();
    let article = |recs: Vec<Value>| to_jsonl(&[json!({"id": id, "records": recs})]);

    // Gold against itself.
    cross_check(gold_path, gold_path, true);

    // Some slots changed.
    let mut changed = records.clone();
    changed[0]["kind"] = json!("appointment");
    changed[0]["company"] = json!("Corvel Group");
    changed[1]["new_role"] = json!({"title": "President", "org": "the Corvel Cloud Asia"});
    changed[1]["reports_to"] = json!("Zhang Yong");
    changed[2]["new_role"] = json!({"title": "SVP", "org": "Corvel's"});
    changed[2]["person"] = json!(["Cai Yinghua", "Cai"]);
    cross_check(
        gold_path,
        &dir.write("changed.jsonl", article(changed)),
        true,
    );

    // Records dropped.
    let dropped: Vec<Value> = records.iter().step_by(2).cloned().collect();
    cross_check(
        gold_path,
        &dir.write("dropped.jsonl", article(dropped)),
        true,
    );

    // An extra spurious record, a duplicate, and a partial name.
    let mut extra = records.clone();
    extra.push(
        json!({"kind": "hire", "person": "Zhang Yong", "company": "Corvel",
                      "new_role": {"title": "CEO", "org": "Corvel Group"}}),
    );
    extra.push(records[0].clone());
    extra.push(json!({"kind": "resignation", "person": "Whitcombe"}));
    cross_check(gold_path, &dir.write("extra.jsonl", article(extra)), true);

    // Single-alternative predictions, perturbed in many ways.
    for seed in 0..11 {
        let pred = perturb_articles(&gold, seed);
        cross_check(
            gold_path,
            &dir.write(&format!("perturbed{seed}.jsonl"), to_jsonl(&pred)),
            true,
        );
    }

    // Nothing predicted at all.
    cross_check(gold_path, &dir.write("empty.jsonl", "\n"), true);
}

#[test]
fn cross_check_fixture_gold_with_score_py() {
    if !python_ready("cross_check_fixture_gold_with_score_py") {
        return;
    }
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/gold");
    let Ok(entries) = fs::read_dir(&fixtures) else {
        skip(
            "cross_check_fixture_gold_with_score_py",
            &format!("no {}", fixtures.display()),
        );
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let dir = TempDir::new("fixtures");
    let mut all = Vec::new();
    for (n, file) in files.iter().enumerate() {
        let gold = read_articles(file);
        cross_check(file, file, false);
        let pred = perturb_articles(&gold, n);
        cross_check(
            file,
            &dir.write(&format!("pred{n}.jsonl"), to_jsonl(&pred)),
            false,
        );
        all.extend(gold);
    }
    // All fixtures in one file, against several perturbed copies.
    let gold_all = dir.write("all.jsonl", to_jsonl(&all));
    cross_check(&gold_all, &gold_all, true);
    for seed in 0..11 {
        let pred = perturb_articles(&all, seed);
        cross_check(
            &gold_all,
            &dir.write(&format!("all{seed}.jsonl"), to_jsonl(&pred)),
            true,
        );
    }
}

/// Inputs for the normalisation cross-check: hand-picked strings here, and
/// on the Python side every character of the blocks the NFKC tables cover,
/// alone, between letters, decomposed, and followed by combining marks.
const NORM_SCRIPT: &str = r#"
import json, sys, unicodedata
sys.path.insert(0, sys.argv[1])
import score
xs = json.load(open(sys.argv[2], encoding="utf-8"))
ranges = [(0x20, 0x4FF), (0x1D2C, 0x1DBF), (0x1E00, 0x1FFF), (0x2000, 0x24FF),
          (0x2A00, 0x2AFF), (0x3000, 0x30FF), (0xFB00, 0xFB06), (0xFB20, 0xFB29),
          (0xFE10, 0xFE6F), (0xFF00, 0xFFEE)]
for lo, hi in ranges:
    for cp in range(lo, hi + 1):
        c = chr(cp)
        if unicodedata.category(c) in ("Cn", "Cs"):
            continue
        d = unicodedata.normalize("NFD", c)
        xs += [c, "Ab" + c + "cD", d, d + "\u0323\u0302", c + "\u0301", "x'" + c]
xs += ["\u1100\u1161", "\u1100\u1161\u11a8", "\uac00\u11a8", "\uff76\uff9e"]
out = [[x, score.norm(x), score.norm_title(x)] for x in xs]
json.dump(out, sys.stdout)
"#;

#[test]
fn cross_check_normalisation_with_score_py() {
    if !python_ready("cross_check_normalisation_with_score_py") {
        return;
    }
    let inputs = [
        "The Corvel Cloud’s",
        "the",
        "The",
        "the the board",
        "THE  Board",
        "Corvel's\n",
        "Corvel's",
        "Corvel's.",
        "it's  done",
        "'s",
        "x's's",
        "O’Neil’s team",
        "R&D+M_A",
        "  \t\n ",
        "...",
        "(EBG)",
        "senior VP",
        "Senior Vice-President",
        "chief executive",
        "Chief Executive Officer",
        "co-CEO",
        "GM of X",
        "md",
        "vp, svp; evp",
        "cfo/coo",
        "chief",
        "executive chief executive",
        "ﬁnance ﬂow",
        "Ｃａｉ　Ｙｉｎｇｈｕａ",
        "Huang\u{a0}Haiqing",
        "Zoë Çelik",
        "Zoe\u{308} C\u{327}elik",
        "Nguyễn Văn Ánh",
        "Nguye\u{302}\u{303}n",
        "ΣΟΦΙΑ ΑΣ",
        "İstanbul",
        "Straße",
        "Ǆemal",
        "ﬃ ﬄ ﬅ",
        "Mr. Kim Jae-yong (이재용)",
        "田中 太郎",
        "株式会社",
        "①②③ ⑴ ⒈ Ⓐ",
        "x² H₂O",
        "½ ¼",
        "™ ℠ ℡",
        "…",
        "Ⅻ ⅻ",
        "Å Ω K",
        "µ",
        "ſ",
        "\u{2028}line\u{2029}",
        "tab\tsep",
        "a\u{200b}b",
        "a\u{ad}b",
        "price: $5",
        "100%",
        "e-mail",
        "under_score",
        "über-CEO",
        "Ångström",
        "ﬀ",
        "\u{301}leading mark",
        "\u{1100}\u{1161}\u{11a8}",
        "x\u{0}y",
        "emoji 🎉 ok",
        "Ａ\u{301}",
        "'s ",
        "the 's",
    ];
    let dir = TempDir::new("norm");
    let input_path = dir.write("inputs.json", serde_json::to_string(&inputs[..]).unwrap());
    let eval_dir = Path::new(SCORE_PY).parent().unwrap().to_str().unwrap();
    let out = run_python(&["-c", NORM_SCRIPT, eval_dir, input_path.to_str().unwrap()]);
    let rows: Vec<(String, String, String)> = serde_json::from_str(&out).unwrap();
    assert!(rows.len() > 10_000, "only {} cases", rows.len());
    let mut bad = Vec::new();
    for (x, norm, norm_title) in &rows {
        let (n, t) = (normalize(x), normalize_title(x));
        if &n != norm || &t != norm_title {
            bad.push(format!(
                "{x:?}: python {norm:?} / {norm_title:?}, rust {n:?} / {t:?}"
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} differ:\n{}",
        bad.len(),
        rows.len(),
        bad.join("\n")
    );
}

/// `newsextract eval --kinds` against `score.py --kinds` on the fixture
/// gold and the extractor's own predictions, and `-` for standard input.
#[cfg(feature = "cli")]
#[test]
fn cli_eval_matches_score_py_with_kinds() {
    if !python_ready("cli_eval_matches_score_py_with_kinds") {
        return;
    }
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut gold = String::new();
    let mut entries: Vec<PathBuf> = fs::read_dir(fixtures.join("gold"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in &entries {
        gold.push_str(fs::read_to_string(path).unwrap().trim());
        gold.push('\n');
    }
    let dir = TempDir::new("cli");
    let gold_path = dir.write("gold.jsonl", &gold);
    let exe = env!("CARGO_BIN_EXE_newsextract");
    let out = Command::new(exe)
        .args(["extract", "--quiet"])
        .arg(fixtures.join("articles"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let pred_path = dir.write("pred.jsonl", std::str::from_utf8(&out.stdout).unwrap());
    let (g, p) = (gold_path.to_str().unwrap(), pred_path.to_str().unwrap());
    let python = run_python(&[SCORE_PY, g, p, "--kinds", "--per-article"]);
    assert!(python.contains("exact kind: "), "{python}");
    let mut child = Command::new(exe)
        .args(["eval", "--kinds", "--per-article", g, "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&out.stdout).unwrap();
    let rust = child.wait_with_output().unwrap();
    assert!(rust.status.success());
    assert_eq!(String::from_utf8(rust.stdout).unwrap(), python);
}
