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
