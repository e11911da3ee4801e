//! A record's `status` comes from the verb group of its clause: tense,
//! modals, "is to", "plans to", a plan told in the progressive. Each case
//! is a sentence, the person, and the status their record must have.

use newsextract::{extract, Status};

const COMPLETED: Status = Status::Completed;
const ANNOUNCED: Status = Status::Announced;

#[rustfmt::skip]
const CASES: &[(&str, &str, Status)] = &[
    // Past, perfect and present tense: done.
    ("Acme promoted Jane Roe to chief operating officer on Monday.", "Jane Roe", COMPLETED),
    ("Jane Roe was promoted to chief financial officer in March.", "Jane Roe", COMPLETED),
    ("Jane Roe has resigned as chief executive of Acme Corp.", "Jane Roe", COMPLETED),
    ("Jane Roe resigned as chief executive of Acme Corp. on Friday.", "Jane Roe", COMPLETED),
    ("Jane Roe had resigned as chief executive before the vote.", "Jane Roe", COMPLETED),
    ("Acme has named Jane Roe chief executive.", "Jane Roe", COMPLETED),
    ("Jane Roe has been appointed chief executive of Acme Corp.", "Jane Roe", COMPLETED),
    ("Acme fired its chief executive, Jane Roe, on Tuesday.", "Jane Roe", COMPLETED),
    ("Jane Roe was dismissed as chief executive of Acme Corp.", "Jane Roe", COMPLETED),
    ("Jane Roe stepped down as chief executive of Acme Corp.", "Jane Roe", COMPLETED),
    ("Jane Roe joined Acme Corp. as general counsel this week.", "Jane Roe", COMPLETED),
    ("Jane Roe succeeds Tom Hale as chief executive of Acme Corp.", "Jane Roe", COMPLETED),
    ("Jane Roe took over as chief executive of Acme Corp. on Monday.", "Jane Roe", COMPLETED),
    ("Jane Roe quit as chief executive of Acme Corp.", "Jane Roe", COMPLETED),
    ("Jane Roe also left Acme Corp. on Friday.", "Jane Roe", COMPLETED),
    ("Jane Roe has left her position as chief executive of Acme Corp.", "Jane Roe", COMPLETED),
    ("Jane Roe has resigned. She will be replaced by Tom Hale.", "Jane Roe", COMPLETED),
    // Futures, modals and plans: announced.
    ("Jane Roe will retire as chief executive of Acme Corp. in June.", "Jane Roe", ANNOUNCED),
    ("Jane Roe will step down as chief executive of Acme Corp.", "Jane Roe", ANNOUNCED),
    ("Jane Roe is to step down as chief executive of Acme Corp.", "Jane Roe", ANNOUNCED),
    ("Jane Roe is set to take over as chief executive of Acme Corp.", "Jane Roe", ANNOUNCED),
    ("Jane Roe is expected to retire as chief executive of Acme Corp.", "Jane Roe", ANNOUNCED),
    ("Jane Roe plans to retire as chief executive of Acme Corp. in May.", "Jane Roe", ANNOUNCED),
    ("Jane Roe has agreed to join Acme Corp. as general counsel.", "Jane Roe", ANNOUNCED),
    ("Jane Roe is due to become chief executive of Acme Corp. in May.", "Jane Roe", ANNOUNCED),
    ("Jane Roe, who is retiring, ran Acme Corp. for a decade.", "Jane Roe", ANNOUNCED),
    ("Jane Roe is retiring as chief executive of Acme Corp.", "Jane Roe", ANNOUNCED),
    ("Jane Roe is stepping down as chief executive of Acme Corp.", "Jane Roe", ANNOUNCED),
    ("Jane Roe will be named chief executive of Acme Corp. next week.", "Jane Roe", ANNOUNCED),
    ("Jane Roe'll take over as chief executive of Acme Corp. in May.", "Jane Roe", ANNOUNCED),
    ("Jane Roe would succeed Tom Hale as chief executive of Acme Corp.", "Jane Roe", ANNOUNCED),
    ("Jane Roe has been asked to serve as interim chief executive of Acme Corp.", "Jane Roe", ANNOUNCED),
    ("Tom Hale retires in June, with Jane Roe slated to succeed him as chief executive.", "Jane Roe", ANNOUNCED),
    // An infinitive takes the status of the verb it depends on.
    ("Jane Roe will step down to take on the role of chair of Acme Corp.", "Jane Roe", ANNOUNCED),
    ("Jane Roe left Acme Corp. in May to join Harlan Bank as treasurer.", "Jane Roe", COMPLETED),
];

#[test]
fn status_comes_from_the_verb_group() {
    let mut wrong = Vec::new();
    for &(sentence, person, expected) in CASES {
        let out = extract(sentence);
        let statuses: Vec<Status> = out
            .records
            .iter()
            .filter(|r| r.person.as_deref() == Some(person))
            .map(|r| r.status)
            .collect();
        if statuses.is_empty() {
            wrong.push(format!("{sentence}: no record for {person}"));
        } else if statuses.iter().any(|s| *s != expected) {
            wrong.push(format!("{sentence}: {statuses:?}, expected {expected:?}"));
        }
    }
    assert!(CASES.len() >= 30);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
