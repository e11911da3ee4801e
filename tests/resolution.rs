//! Stage 4, resolution, as data: `tests/resolution_cases.txt` gives short
//! articles and the values the records of named people must have (a
//! pronoun's antecedent, "the position", a role from a noun group, the
//! organisation in context). Every mismatch is reported at once, with the
//! records the article got.

use newsextract::Extractor;
use serde_json::Value;

const CASES: &str = include_str!("resolution_cases.txt");

/// One case of the file: an article and what its records must say.
#[derive(Debug, Default)]
struct Case {
    line: usize,
    family: String,
    text: String,
    /// `= Name: slot=value; ...`.
    expected: Vec<(String, Vec<(String, String)>)>,
    /// `! Name`.
    absent: Vec<String>,
}

fn parse(src: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let mut family = String::new();
    let mut in_text = false;
    for (n, raw) in src.lines().enumerate() {
        let line = raw.trim_end();
        let at = n + 1;
        if let Some(name) = line.strip_prefix("## ") {
            family = name.trim().to_owned();
            in_text = false;
        } else if let Some(text) = line.strip_prefix("> ").or((line == ">").then_some("")) {
            match cases.last_mut() {
                Some(case) if in_text => {
                    case.text.push('\n');
                    case.text.push_str(text);
                }
                _ => cases.push(Case {
                    line: at,
                    family: family.clone(),
                    text: text.to_owned(),
                    ..Case::default()
                }),
            }
            in_text = true;
        } else if line.is_empty() || line.starts_with('#') {
            in_text = false;
        } else {
            in_text = false;
            let case = cases
                .last_mut()
                .unwrap_or_else(|| panic!("resolution_cases.txt:{at}: line before any `> ` case"));
            if let Some(rest) = line.strip_prefix("= ") {
                let (person, slots) = rest
                    .split_once(':')
                    .unwrap_or_else(|| panic!("resolution_cases.txt:{at}: `= Name: slot=value`"));
                let slots = slots
                    .split(';')
                    .map(|kv| {
                        let (k, v) = kv.split_once('=').unwrap_or_else(|| {
                            panic!("resolution_cases.txt:{at}: `slot=value`, not {kv:?}")
                        });
                        (k.trim().to_owned(), v.trim().to_owned())
                    })
                    .collect();
                case.expected.push((person.trim().to_owned(), slots));
            } else if let Some(person) = line.strip_prefix("! ") {
                case.absent.push(person.trim().to_owned());
            } else {
                panic!("resolution_cases.txt:{at}: expected `## `, `> `, `= ` or `! `: {line}");
            }
        }
    }
    cases
}

/// The value of `slot` in a record as JSON, as the cases write it.
fn value(record: &Value, slot: &str) -> Option<String> {
    let pointer = match slot {
        "old_title" => "/old_role/title",
        "old_org" => "/old_role/org",
        "new_title" => "/new_role/title",
        "new_org" => "/new_role/org",
        "kind"
        | "status"
        | "company"
        | "reports_to"
        | "previous_reports_to"
        | "predecessor"
        | "successor" => "",
        other => panic!("unknown slot {other}"),
    };
    let v = if pointer.is_empty() {
        record.get(slot)
    } else {
        record.pointer(pointer)
    };
    v.and_then(Value::as_str).map(str::to_owned)
}

#[test]
fn articles_get_the_records_the_cases_state() {
    let cases = parse(CASES);
    assert!(cases.len() >= 12, "only {} resolution cases", cases.len());
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    for case in &cases {
        let out = extractor.extract(&case.text);
        let records: Vec<Value> = out
            .records
            .iter()
            .map(|r| serde_json::to_value(r).expect("records serialise"))
            .collect();
        let of = |person: &'_ str| {
            let person = person.to_owned();
            records
                .iter()
                .filter(move |r| r.get("person").and_then(Value::as_str) == Some(person.as_str()))
        };
        let mut wrong = Vec::new();
        for (person, slots) in &case.expected {
            // A person with two records (a departure and a new job) has the
            // one whose slots all agree, if any; else the first is reported.
            let agrees = |r: &&Value| {
                slots
                    .iter()
                    .all(|(slot, want)| value(r, slot) == (want != "-").then(|| want.clone()))
            };
            let Some(record) = of(person).find(agrees).or_else(|| of(person).next()) else {
                wrong.push(format!("no record for {person}"));
                continue;
            };
            for (slot, want) in slots {
                let got = value(record, slot);
                let want = (want != "-").then(|| want.clone());
                if got != want {
                    wrong.push(format!("{person}: {slot} expected {want:?}, found {got:?}"));
                }
            }
        }
        for person in &case.absent {
            if of(person).next().is_some() {
                wrong.push(format!("a record for {person}, who has none"));
            }
        }
        if !wrong.is_empty() {
            let got: Vec<String> = records.iter().map(Value::to_string).collect();
            failures.push(format!(
                "resolution_cases.txt:{} [{}] {}\n    {}\n    records:\n      {}",
                case.line,
                case.family,
                case.text.replace('\n', " / "),
                wrong.join("\n    "),
                got.join("\n      ")
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}
