//! The rules as data, checked: every file parses, every macro is used,
//! every rule does what its examples say, and the prefilter never skips a
//! pattern that matches.

use super::parse::{expand, hoist_spaces};
use super::*;
use crate::record::Record;
use crate::segment::{Normalised, Sentence};

#[test]
fn rule_files_have_no_mistakes() {
    let (set, errors) = parse_builtin();
    let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        errors.is_empty(),
        "rules files have mistakes:\n{}",
        listed.join("\n")
    );
    assert!(set.rules.len() > 20);
}

#[test]
fn a_broken_rule_gives_a_located_message() {
    let macros = ("macros.rules", "define AUX = (?:will|has)\n");
    for (source, expected) in [
        (
            "rule A/B resignation\nmatch {person} @NAMEDD resigned\n",
            "x.rules:2:16: unknown macro `@NAMEDD`",
        ),
        (
            "rule A/B resignation\nmatch {persn} resigned\n",
            "x.rules:2:8: unknown slot `{persn}`",
        ),
        (
            "rule A/B resignation\nmatch {person} (?:has resigned\n",
            "x.rules:2:16: unclosed `(`",
        ),
        (
            "rule A/B resignation\nwhen {person} resigned\n",
            "x.rules:1:1: rule A/B has a `when` but no `match` line",
        ),
        (
            "rule A/B resignation\nmatch {person} [resgn act]\n",
            "x.rules:2:17: unknown verb class `resgn`",
        ),
        (
            "rule A/B resignation\nmatch {person} [resign act,pas]\n",
            "x.rules:2:17: a second voice `pas`: leave the voice out to match both",
        ),
        (
            "rule A/B resignaton\nmatch {person} [resign]\n",
            "x.rules:1:10: unknown record kind `resignaton`",
        ),
        (
            "rule A/B resignation\nmatch {person} [resign]\n+ Jane Roe quit.\n",
            "x.rules:3:17: a positive example states what it expects",
        ),
    ] {
        let (set, errors) = RuleSet::parse(macros, &[("x.rules", source)]);
        let got: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            got.iter().any(|e| e.starts_with(expected)),
            "{source:?}: expected {expected:?}, got {got:?}"
        );
        assert!(set.rules.is_empty(), "a broken rule is left out");
    }
}

#[test]
fn every_macro_is_used() {
    let mut sources: Vec<&str> = FILES.iter().map(|(_, s)| *s).collect();
    sources.push(MACROS.1);
    let uses = |name: &str| {
        sources.iter().any(|s| {
            s.lines()
                .filter(|l| !l.trim_start().starts_with('#'))
                .any(|l| {
                    l.match_indices(&format!("@{name}")).any(|(at, _)| {
                        !l[at + 1 + name.len()..]
                            .starts_with(|c: char| c.is_ascii_uppercase() || c == '_')
                    })
                })
        })
    };
    let unused: Vec<&str> = RULES
        .macros
        .iter()
        .map(|m| m.name.as_str())
        .filter(|name| !uses(name))
        .collect();
    assert!(unused.is_empty(), "macros no rule uses: {unused:?}");
}

/// The compiled patterns before the phrase stage (74 patterns in 49 rules
/// that spelled out asides, auxiliaries and adverbs) came to this many bytes.
const PATTERN_BYTES_BEFORE_PHRASES: usize = 66_370;

#[test]
fn rules_over_phrases_stay_smaller_than_rules_over_words() {
    let patterns: Vec<&Pattern> = RULES
        .rules
        .iter()
        .flat_map(|r| r.patterns.iter().chain(r.when.iter()))
        .collect();
    let bytes: usize = patterns.iter().map(|p| p.regex.as_str().len()).sum();
    println!(
        "{} rules, {} patterns, {bytes} bytes of compiled pattern",
        RULES.rules.len(),
        patterns.len()
    );
    assert!(
        bytes < PATTERN_BYTES_BEFORE_PHRASES,
        "the patterns grew to {bytes} bytes: fold the repetition into macros or phrases"
    );
}

/// Every verb class of `verbs.txt` is read by some rule: a class no
/// pattern names is dead data (or a rule was forgotten).
#[test]
fn every_verb_class_is_used() {
    let named: Vec<&str> = FILES
        .iter()
        .flat_map(|(_, src)| src.lines())
        .filter(|l| l.starts_with("match ") || l.starts_with("when "))
        .flat_map(|l| l.split('[').skip(1))
        .filter_map(|group| group.split([' ', ']']).next())
        .flat_map(|names| names.split(','))
        .collect();
    let unused: Vec<&str> = crate::lexicon::VERBS_LEXICON
        .classes
        .iter()
        .map(|c| c.name)
        .filter(|name| !named.contains(name) && !named.contains(&"*"))
        .collect();
    assert!(unused.is_empty(), "verb classes no rule reads: {unused:?}");
}

/// The clauses of each sentence of `text`, as the rules read them.
fn clauses_of(text: &str) -> Vec<Vec<String>> {
    let sentences: Vec<Sentence<'_>> = crate::segment::split_sentences(text).collect();
    let normalised = Normalised::of(text, &sentences);
    let phrased = crate::stages::mentions(normalised.text(), &normalised.sentences());
    phrased
        .clauses()
        .map(|c| c.into_iter().map(str::to_owned).collect())
        .collect()
}

/// What happened to `rule` on `text`, for a failure message: the clauses,
/// whether each pattern was let through and matched, the rule's hits and
/// the records.
fn explain(rule: &Rule, text: &str, records: &[Record]) -> String {
    let mut out = format!(
        "    {} ({}:{}) on {text:?}\n",
        rule.id, rule.file, rule.line
    );
    for (s, clauses) in clauses_of(text).iter().enumerate() {
        for clause in clauses {
            out.push_str(&format!("      sentence {s}: {clause}\n"));
            let candidates = RULES.candidates(clause);
            for (k, p) in rule.when.iter().chain(&rule.patterns).enumerate() {
                out.push_str(&format!(
                    "        pattern {k}: prefilter {}, matches {}\n",
                    if candidates[p.id] {
                        "lets it run"
                    } else {
                        "skips it"
                    },
                    p.regex.is_match(clause.as_bytes())
                ));
            }
        }
    }
    let out_hits = crate::extract(text).hits;
    for h in out_hits.iter().filter(|h| h.rule == rule.id) {
        out.push_str(&format!(
            "      hit in sentence {}{}\n",
            h.sentence,
            if h.hedged {
                ", cancelled by a hedge"
            } else {
                ""
            }
        ));
    }
    for r in records {
        out.push_str(&format!(
            "      record: {}\n",
            serde_json::to_string(r).unwrap_or_default()
        ));
    }
    out
}

/// A record's value for an example's expectation slot.
fn value(record: &Record, slot: &str) -> Option<String> {
    let title = |r: &Option<crate::record::Role>| r.as_ref().and_then(|r| r.title.clone());
    let org = |r: &Option<crate::record::Role>| r.as_ref().and_then(|r| r.org.clone());
    match slot {
        "person" => record.person.clone(),
        "kind" => Some(record.kind.as_str().to_owned()),
        "company" => record.company.clone(),
        "old_title" => title(&record.old_role),
        "old_org" => org(&record.old_role),
        "new_title" => title(&record.new_role),
        "new_org" => org(&record.new_role),
        "reports_to" => record.reports_to.clone(),
        "previous_reports_to" => record.previous_reports_to.clone(),
        "predecessor" => record.predecessor.clone(),
        "successor" => record.successor.clone(),
        _ => None,
    }
}

/// Why `example` fails for `rule`, or `None` when it passes: a record
/// built with the rule (or, for role rules, any record) for the example's
/// person, with every stated value.
fn example_failure(rule: &Rule, example: &Example, text: &str) -> Option<String> {
    let out = crate::extract(text);
    let person = &example.expect[0].1;
    let candidates: Vec<&Record> = out
        .records
        .iter()
        .filter(|r| r.person.as_deref() == Some(person.as_str()))
        .filter(|r| rule.action == Action::Role || r.rules.contains(&rule.id))
        .collect();
    let fits = |r: &&Record| {
        example
            .expect
            .iter()
            .all(|(slot, want)| value(r, slot).is_some_and(|v| v.eq_ignore_ascii_case(want)))
    };
    if candidates.iter().any(fits) {
        return None;
    }
    let why = match candidates.first() {
        None => format!("no record for {person} made with the rule"),
        Some(r) => {
            let wrong: Vec<String> = example
                .expect
                .iter()
                .filter(|(slot, want)| {
                    !value(r, slot).is_some_and(|v| v.eq_ignore_ascii_case(want))
                })
                .map(|(slot, want)| {
                    format!("{slot}: expected {want:?}, found {:?}", value(r, slot))
                })
                .collect();
            wrong.join("; ")
        }
    };
    Some(format!("{why}\n{}", explain(rule, text, &out.records)))
}

#[test]
fn every_rule_does_what_its_examples_say() {
    let mut failures = Vec::new();
    for rule in &RULES.rules {
        if rule.positive.len() < 2 {
            failures.push(format!("{}: needs two positive examples", rule.id));
        }
        if rule.negative.is_empty() {
            failures.push(format!("{}: needs a negative example", rule.id));
        }
        for (shift, prefix) in [(0, ""), (1, " ")] {
            for ex in &rule.positive {
                let text = format!("{prefix}{}", ex.text);
                if let Some(why) = example_failure(rule, ex, &text) {
                    failures.push(format!("{} (shift {shift}) + {}: {why}", rule.id, ex.text));
                }
            }
            for ex in &rule.negative {
                let text = format!("{prefix}{ex}");
                let out = crate::extract(&text);
                let fired = match rule.action {
                    Action::Role => out.hits.iter().any(|h| h.rule == rule.id && !h.hedged),
                    _ => out.records.iter().any(|r| r.rules.contains(&rule.id)),
                };
                if fired {
                    failures.push(format!(
                        "{} (shift {shift}) fires on - {ex}\n{}",
                        rule.id,
                        explain(rule, &text, &out.records)
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The prefilter may only skip patterns that cannot match: over every
/// rule example and every fixture sentence, a pattern that matches a
/// clause must have been a candidate.
#[test]
fn prefilter_never_skips_a_pattern_that_matches() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/articles");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    for rule in &RULES.rules {
        texts.extend(rule.positive.iter().map(|e| e.text.clone()));
        texts.extend(rule.negative.iter().cloned());
    }
    let mut checked = 0;
    for text in &texts {
        for clause in clauses_of(text).into_iter().flatten() {
            let candidates = RULES.candidates(&clause);
            for rule in &RULES.rules {
                for p in rule.when.iter().chain(&rule.patterns) {
                    if p.regex.is_match(clause.as_bytes()) {
                        checked += 1;
                        assert!(candidates[p.id], "{} skipped on {clause}", rule.id);
                    }
                }
            }
        }
    }
    assert!(checked > 300, "only {checked} matches checked");
}

#[test]
fn macros_slots_and_verb_groups_expand() {
    let macros = vec![Macro {
        name: "AUX".into(),
        body: "will|has".into(),
    }];
    let got = expand("{person} @AUX quit", &macros, &mut Vec::new()).unwrap();
    assert_eq!(
        got,
        r"(?P<person>(?:P|N)\d+|he|she|him|her) (?:will|has) quit"
    );
    assert!(expand("{nobody}", &macros, &mut Vec::new()).is_err());
    assert!(expand("@NOPE", &macros, &mut Vec::new()).is_err());
    assert_eq!(
        expand("x{0,3}", &macros, &mut Vec::new()).unwrap(),
        "x{0,3}"
    );
    assert_eq!(
        expand("[resign,retire act fut]", &macros, &mut Vec::new()).unwrap(),
        r"V\d+/(?:resign|retire)/act/(?:fut)"
    );
    assert_eq!(
        expand("[^ ,] [a-z]", &macros, &mut Vec::new()).unwrap(),
        "[^ ,] [a-z]"
    );
    assert_eq!(hoist_spaces("a (?:b)? c"), "a(?: (?:b))? c");
    assert_eq!(hoist_spaces("a (?:b) c"), "a (?:b) c");
    assert_eq!(hoist_spaces("a (?:b (?:'s )?)?c"), "a (?:b (?:'s )?)?c");
}
