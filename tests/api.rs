//! The library as a user meets it: tidy record values, the traits and
//! serde forms of the public types.

use newsextract::{Extractor, SentenceSplitter};

/// Every string value of every record, with its name.
fn values(r: &newsextract::Record) -> Vec<(&'static str, &str)> {
    let mut out: Vec<(&'static str, &str)> = [
        ("person", &r.person),
        ("company", &r.company),
        ("reports_to", &r.reports_to),
        ("previous_reports_to", &r.previous_reports_to),
        ("predecessor", &r.predecessor),
        ("successor", &r.successor),
    ]
    .into_iter()
    .filter_map(|(name, v)| v.as_deref().map(|v| (name, v)))
    .collect();
    for (role, title, org) in [
        (&r.old_role, "old_title", "old_org"),
        (&r.new_role, "new_title", "new_org"),
    ] {
        if let Some(role) = role {
            out.extend(role.title.as_deref().map(|v| (title, v)));
            out.extend(role.org.as_deref().map(|v| (org, v)));
        }
    }
    out
}

#[test]
fn record_values_are_trimmed_with_inner_whitespace_collapsed() {
    let pdf = Extractor::with_splitter(
        SentenceSplitter::builder()
            .newline_ends_sentence(false)
            .build(),
    );
    let cases = [
        (
            "Jane  Roe was named chief executive of Acme Corp. on Monday.",
            "person",
            "Jane Roe",
        ),
        (
            "Jane Roe was named chief\nfinancial officer of Acme Corp. on Monday.",
            "new_title",
            "chief financial officer",
        ),
        (
            "Jane Roe was named chief\u{a0}executive of Acme\u{a0}Corp. on Monday.",
            "new_title",
            "chief executive",
        ),
        (
            "Jane Roe was named chief\u{a0}executive of Acme\u{a0}Corp. on Monday.",
            "company",
            "Acme Corp.",
        ),
        (
            "Jane Roe, chief executive of Acme Corp., has resigned. Tom\t Hale \
             will succeed her and report to chairman John \u{2009}Smith.",
            "reports_to",
            "John Smith",
        ),
    ];
    for (text, slot, want) in cases {
        let out = pdf.extract(text);
        assert!(!out.records.is_empty(), "{text:?}: no record");
        let found: Vec<_> = out.records.iter().flat_map(values).collect();
        assert!(
            found.contains(&(slot, want)),
            "{text:?}: no {slot} {want:?} in {found:?}"
        );
        for (name, v) in found {
            assert_eq!(
                v.split_whitespace().collect::<Vec<_>>().join(" "),
                v,
                "{text:?}: {name} {v:?} is not tidy"
            );
        }
        // Evidence still points into the text as given.
        for r in &out.records {
            for span in &r.evidence {
                assert!(text.get(span.start..span.end).is_some());
            }
        }
    }
    let text = "Jane  Roe was named chief executive of Acme Corp. on Monday.";
    let span = newsextract::extract(text).records[0].evidence[0];
    assert!(text[span.start..span.end].starts_with("Jane  Roe"));
}

#[test]
fn kinds_and_statuses_read_and_print_their_json_names() {
    use newsextract::{Kind, Status};
    for kind in Kind::ALL {
        let name = serde_json::to_value(kind).unwrap();
        assert_eq!(name, kind.to_string().as_str());
        assert_eq!(kind.as_str().parse::<Kind>(), Ok(*kind));
        assert_eq!(Kind::parse(kind.as_str()), Some(*kind));
    }
    let err = "Hire".parse::<Kind>().unwrap_err().to_string();
    assert!(
        err.contains("\"Hire\"") && err.contains("reporting_change"),
        "{err}"
    );
    for status in [Status::Completed, Status::Announced] {
        assert_eq!(serde_json::to_value(status).unwrap(), status.as_str());
        assert_eq!(status.to_string().parse::<Status>(), Ok(status));
    }
    assert!("done".parse::<Status>().is_err());
    let group = serde_json::to_value(Kind::ReportingChange.group()).unwrap();
    assert_eq!(group, "reporting");
}

#[test]
fn extractions_and_rule_hits_serialise() {
    let text = "Jane Roe has resigned as chief executive of Acme Corp.";
    let out = newsextract::extract(text);
    let value = serde_json::to_value(&out).unwrap();
    assert_eq!(value["sentences"][0]["text"], text);
    assert_eq!(value["records"][0]["person"], "Jane Roe");
    let hit = &value["hits"][0];
    assert!(hit["rule"].as_str().is_some_and(|r| !r.is_empty()));
    assert_eq!(hit["sentence"], 0);
    assert_eq!(hit["span"]["end"], text.len());
    assert_eq!(hit["hedged"], false);
}

#[test]
fn records_read_the_minimal_schema_form_and_article_lines_round_trip() {
    use newsextract::{ArticleRecords, Kind, Record, Status};
    let r: Record = serde_json::from_str(
        r#"{"kind": "dismissal", "person": "Jane Roe", "company": "Acme Corp.",
            "new_role": {"title": "adviser"}}"#,
    )
    .unwrap();
    assert_eq!(r.kind, Kind::Dismissal);
    assert_eq!(r.status, Status::Completed);
    assert!(r.evidence.is_empty() && r.rules.is_empty() && r.reports_to.is_none());
    assert_eq!(r.new_role.as_ref().unwrap().org, None);
    // What the extractor writes reads back as the same records.
    let text = "Acme Corp. said Jane Roe will retire as chief financial officer in June.";
    let line = ArticleRecords::new("a1", newsextract::extract(text).records);
    let json = serde_json::to_string(&line).unwrap();
    assert_eq!(serde_json::from_str::<ArticleRecords>(&json).unwrap(), line);
    let empty: ArticleRecords = serde_json::from_str(r#"{"id": "x"}"#).unwrap();
    assert!(empty.records.is_empty());
}
