//! Stage 3 of the cascade: event patterns, declared as data.
//!
//! Each `*.rules` file beside this module holds named rules. A rule is a
//! regular expression over a sentence's *encoding* (see
//! [`crate::mentions`]): people are `P0`, organisations `O1`, undecided
//! names `N2`, titles `T3`, role references ("the position") `R4`, and
//! every other token is its lower-cased self, separated by single spaces.
//!
//! ```text
//! # Shape: "<Name>, <title> of <Org>, has resigned"
//! rule END/RESIGN/1 resignation
//! match {person} @APPOS? @AUX @ADV? (?:resigned|resigns)
//! + Dana Whitcombe, president of Corvel Cloud, has resigned.
//! - Jane Roe denied she had resigned.
//! ```
//!
//! A rule may also have one `when` line: a pattern that must match
//! somewhere in the sentence, whose slots fill those the match leaves empty.
//! A rule without `{person}` takes the person of the event before it in the
//! same sentence ("..., and will serve as a consultant").
//!
//! `{slot=his|her}` captures one of the listed words into the slot instead.
//! `{slot}` captures a chunk into a record slot (`person`, `successor`,
//! `predecessor`, `reports_to`, `prev_reports_to` take a person or name;
//! `new_role`, `old_role`, `role` a title or role reference; `org` an
//! organisation or name; `unit` a phrase ending in a unit noun, which
//! becomes a new role "head" of that unit; `board` a board or committee,
//! which becomes a new role "member" of it). `@NAME` expands a macro from `macros.rules`.
//! Lines `+ ...` and `- ...` are examples that the test suite runs: the rule
//! must fire on every `+` sentence and on none of the `-` sentences.

mod prefilter;

use std::collections::HashMap;

use once_cell::sync::Lazy;
use regex::bytes::{Captures, Regex, RegexBuilder};

use crate::record::Kind;
use crate::stages::{Stage, Steps};
use prefilter::Prefilter;

const MACROS: &str = include_str!("macros.rules");
/// Every rules file, with its name for error messages.
pub(crate) const FILES: &[(&str, &str)] = &[
    ("roles.rules", include_str!("roles.rules")),
    ("start.rules", include_str!("start.rules")),
    ("end.rules", include_str!("end.rules")),
    ("reporting.rules", include_str!("reporting.rules")),
];

/// What a rule produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    /// An event of this kind.
    Event(Kind),
    /// Binds a person to the title they hold (appositives, pre-modifiers).
    Role,
}

/// One compiled rule.
#[derive(Debug)]
pub(crate) struct Rule {
    /// Stable id, e.g. `START/TAKE_OVER/1`.
    pub id: String,
    pub action: Action,
    pub patterns: Vec<Pattern>,
    /// A condition on the whole sentence (`when` line): the rule runs only
    /// where it matches, and its slots fill the slots a match leaves empty
    /// (the header of a list: "the new executive vice presidents are:").
    pub when: Option<Pattern>,
    /// Words the rule's own patterns spell out ("did not stand for
    /// re-election"): a hedge cue among them does not cancel its matches.
    pub literal_words: Vec<String>,
    /// Sentences the rule must fire on.
    pub positive: Vec<String>,
    /// Sentences it must not fire on.
    pub negative: Vec<String>,
}

/// A compiled `match` or `when` line: the regex and which capture group
/// fills which slot.
#[derive(Debug)]
pub(crate) struct Pattern {
    regex: Regex,
    groups: Vec<(usize, &'static str)>,
    /// This pattern's place in [`RuleSet::prefilter`].
    id: usize,
}

impl Pattern {
    fn compile(body: &str) -> Result<Self, String> {
        // Rules are large alternations; a roomy lazy-DFA cache keeps the
        // states it builds instead of rebuilding them sentence after sentence.
        // Byte-oriented, ASCII-only classes: `[^ ,]` is one byte class
        // instead of a UTF-8 automaton, which keeps the compiled patterns
        // small and fast. Tokens are separated by ASCII spaces, so a match
        // still starts and ends on a character boundary.
        let regex = RegexBuilder::new(&format!("(?:^| ){}(?: |$)", hoist_spaces(body)))
            .unicode(false)
            .dfa_size_limit(64 << 20)
            .build()
            .map_err(|e| e.to_string())?;
        let groups = regex
            .capture_names()
            .enumerate()
            .filter_map(|(i, name)| {
                let base = name?.split("__").next()?;
                SLOTS.iter().find(|s| **s == base).map(|s| (i, *s))
            })
            .collect();
        Ok(Self {
            regex,
            groups,
            id: 0,
        })
    }

    /// The slots a match fills: (slot, offset of its symbol).
    fn slots(&self, caps: &Captures<'_>) -> Vec<(&'static str, usize)> {
        let mut out: Vec<(&'static str, usize)> = Vec::new();
        for &(i, slot) in &self.groups {
            if let Some(m) = caps.get(i) {
                if !out.iter().any(|(s, _)| *s == slot) {
                    out.push((slot, m.start()));
                }
            }
        }
        out
    }
}

/// A rule's match in one sentence: slot name to the byte range of the
/// captured symbol in the encoding, plus the whole match.
#[derive(Clone, Debug)]
pub(crate) struct Match<'r> {
    pub rule: &'r Rule,
    pub slots: Vec<(&'static str, usize)>,
    /// Encoding span of the `{unit}` capture, if any.
    pub unit: Option<(usize, usize)>,
    /// Encoding span of the `{board}` capture, if any.
    pub board: Option<(usize, usize)>,
    pub start: usize,
    pub end: usize,
}

/// Slot names a pattern may capture.
pub(crate) const SLOTS: &[&str] = &[
    "person",
    "successor",
    "predecessor",
    "reports_to",
    "prev_reports_to",
    "new_role",
    "old_role",
    "role",
    "org",
    "unit",
    "board",
];

const PERSON_SYMBOL: &str = r"(?:P|N)\d+|he|she|him|her";
const ROLE_SYMBOL: &str = r"(?:T|R)\d+";
const ORG_SYMBOL: &str = r"(?:O|N)\d+";
/// A unit named by a phrase ending in a unit noun: "the new on-device N3
/// group", "the foundry unit".
/// A board or committee: "the management board", "its board of directors".
const BOARD_SYMBOL: &str = r"(?:the|its|their|a) (?:(?:N|O)\d+ (?:'s )?)?(?:(?:management|supervisory|executive|advisory|audit|company 's) )?(?:board(?: of (?:directors|T\d+))?|committee)";
const UNIT_SYMBOL: &str = r"(?:(?:the|its|their|a|an|new) )*(?:[^ ,.;:]+ ){0,5}?(?:unit|units|division|group|business|team|department|operations|arm|segment|office|committee|lab|labs|centre|center|region|practice|function)";

/// Words that event rules need: a sentence with none of them skips every
/// event rule (see `triggers.txt`).
static TRIGGERS: Lazy<Regex> = Lazy::new(|| {
    let stems: Vec<String> = crate::lexicon::entries(include_str!("triggers.txt"))
        .map(|(_, stem)| regex::escape(stem))
        .collect();
    RegexBuilder::new(&format!("(?:^| )(?:{})", stems.join("|")))
        .unicode(false)
        .build()
        .unwrap_or_else(|e| panic!("built-in triggers.txt is invalid: {e}"))
});

/// The compiled rules and the prefilter that picks which may match.
#[derive(Debug)]
pub(crate) struct RuleSet {
    pub rules: Vec<Rule>,
    prefilter: Prefilter,
}

/// All rules, compiled once.
pub(crate) static RULES: Lazy<RuleSet> = Lazy::new(|| match compile_all() {
    Ok(rules) => rules,
    // The rule files are compiled into the binary and checked by the test
    // suite, so a failure here is a bug in a shipped rule file.
    Err(e) => panic!("built-in rule files are invalid: {e}"),
});

fn compile_all() -> Result<RuleSet, String> {
    let macros = parse_macros(MACROS)?;
    let mut rules = Vec::new();
    for (name, src) in FILES {
        parse_file(name, src, &macros, &mut rules)?;
    }
    let mut requirements = Vec::new();
    for rule in &mut rules {
        for pattern in rule.when.iter_mut().chain(rule.patterns.iter_mut()) {
            pattern.id = requirements.len();
            requirements.push(prefilter::requirement(pattern.regex.as_str()));
        }
    }
    let prefilter = Prefilter::new(&requirements)?;
    Ok(RuleSet { rules, prefilter })
}

fn parse_macros(src: &str) -> Result<Vec<(String, String)>, String> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (n, line) in src.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let rest = line
            .strip_prefix("define ")
            .ok_or_else(|| format!("macros.rules:{}: expected `define NAME = ...`", n + 1))?;
        let (name, body) = rest
            .split_once('=')
            .ok_or_else(|| format!("macros.rules:{}: missing `=`", n + 1))?;
        // Macros may use earlier macros.
        let body = expand(body.trim(), &out)?;
        out.push((name.trim().to_owned(), body));
    }
    // Longest names first so that @AUXX is not read as @AUX + "X".
    out.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
    Ok(out)
}

fn expand(pattern: &str, macros: &[(String, String)]) -> Result<String, String> {
    let mut out = String::with_capacity(pattern.len() * 2);
    // A slot may appear in several alternatives; regex group names must be
    // unique, so repeats become `slot__2`, `slot__3`, ...
    let mut seen: Vec<&str> = Vec::new();
    let mut rest = pattern;
    while let Some(pos) = rest.find(['@', '{']) {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        if let Some(name_part) = tail.strip_prefix('@') {
            let (name, body) = macros
                .iter()
                .find(|(name, _)| {
                    name_part.starts_with(name.as_str())
                        && !name_part[name.len()..]
                            .starts_with(|c: char| c.is_ascii_uppercase() || c == '_')
                })
                .ok_or_else(|| format!("unknown macro in `{tail}`"))?;
            out.push_str("(?:");
            out.push_str(body);
            out.push(')');
            rest = &name_part[name.len()..];
        } else {
            let close = tail.find('}').ok_or("unclosed `{`")?;
            let inner = &tail[1..close];
            // `{slot=words}` captures one of the given words instead of a
            // symbol ("in {predecessor=his|her} place").
            let (slot, custom) = match inner.split_once('=') {
                Some((slot, words)) => (slot, Some(words)),
                None => (inner, None),
            };
            // Regex repetitions such as {0,3} pass through.
            if slot.chars().all(|c| c.is_ascii_digit() || c == ',') {
                out.push_str(&tail[..=close]);
            } else {
                let symbol = match (slot, custom) {
                    (s, _) if !SLOTS.contains(&s) => return Err(format!("unknown slot {{{s}}}")),
                    (_, Some(words)) => words,
                    ("new_role" | "old_role" | "role", None) => ROLE_SYMBOL,
                    ("org", None) => ORG_SYMBOL,
                    ("unit", None) => UNIT_SYMBOL,
                    ("board", None) => BOARD_SYMBOL,
                    _ => PERSON_SYMBOL,
                };
                let n = seen.iter().filter(|s| **s == slot).count();
                seen.push(slot);
                if n == 0 {
                    out.push_str(&format!("(?P<{slot}>{symbol})"));
                } else {
                    out.push_str(&format!("(?P<{slot}__{}>{symbol})", n + 1));
                }
            }
            rest = &tail[close + 1..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn parse_file(
    name: &str,
    src: &str,
    macros: &[(String, String)],
    rules: &mut Vec<Rule>,
) -> Result<(), String> {
    for (n, raw) in src.lines().enumerate() {
        let line = raw.trim();
        let at = || format!("{name}:{}", n + 1);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix("rule ") {
            let mut parts = rest.split_whitespace();
            let id = parts
                .next()
                .ok_or_else(|| format!("{}: rule without id", at()))?;
            let action = match parts.next() {
                Some("role") => Action::Role,
                Some(kind) => Action::Event(
                    Kind::parse(kind).ok_or_else(|| format!("{}: unknown kind `{kind}`", at()))?,
                ),
                None => return Err(format!("{}: rule {id} has no kind", at())),
            };
            if rules.iter().any(|r| r.id == id) {
                return Err(format!("{}: duplicate rule id {id}", at()));
            }
            rules.push(Rule {
                id: id.to_owned(),
                action,
                patterns: Vec::new(),
                when: None,
                literal_words: Vec::new(),
                positive: Vec::new(),
                negative: Vec::new(),
            });
            continue;
        }
        let rule = rules
            .last_mut()
            .ok_or_else(|| format!("{}: line before the first rule", at()))?;
        if let Some(pattern) = line.strip_prefix("match ") {
            for word in pattern.split(|c: char| !(c.is_ascii_lowercase() || c == '\'')) {
                if word.len() > 1 && !rule.literal_words.iter().any(|w| w == word) {
                    rule.literal_words.push(word.to_owned());
                }
            }
            let body = expand(pattern.trim(), macros).map_err(|e| format!("{}: {e}", at()))?;
            let pattern = Pattern::compile(&body).map_err(|e| format!("{}: {e}", at()))?;
            rule.patterns.push(pattern);
        } else if let Some(pattern) = line.strip_prefix("when ") {
            let body = expand(pattern.trim(), macros).map_err(|e| format!("{}: {e}", at()))?;
            let pattern = Pattern::compile(&body).map_err(|e| format!("{}: {e}", at()))?;
            rule.when = Some(pattern);
        } else if let Some(example) = line.strip_prefix("+ ") {
            rule.positive.push(example.to_owned());
        } else if let Some(example) = line.strip_prefix("- ") {
            rule.negative.push(example.to_owned());
        } else {
            return Err(format!("{}: expected `match`, `+ ` or `- `: {line}", at()));
        }
    }
    Ok(())
}

/// Moves the space before an optional group into the group:
/// `a (?:b)?` becomes `a(?: (?:b))?`, so that a pattern whose optional
/// tail is absent still ends right after its last token. Groups that end
/// in a space of their own (`(?:b )?`) are left alone.
fn hoist_spaces(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut i = 0;
    let mut in_class = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            out.push(c);
            if let Some(&n) = chars.get(i + 1) {
                out.push(n);
            }
            i += 2;
            continue;
        }
        if in_class {
            in_class = c != ']';
            out.push(c);
            i += 1;
            continue;
        }
        if c == '[' {
            in_class = true;
        }
        if c == ' ' && chars.get(i + 1) == Some(&'(') {
            if let Some(close) = matching_paren(&chars, i + 1) {
                let after: String = chars[close + 1..].iter().take(3).collect();
                let carries_space = ends_in_space(&chars[i + 1..=close]);
                let optional =
                    after.starts_with('?') || after.starts_with('*') || after.starts_with("{0,");
                // Groups that end in their own space ("(?:also )?") follow the
                // trailing-space convention already.
                if optional && !carries_space {
                    let group: String = chars[i + 1..=close].iter().collect();
                    out.push_str("(?: ");
                    out.push_str(&hoist_spaces(&group));
                    out.push(')');
                    i = close + 1;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Whether the group `(...)` ends in a literal space, directly ("(?:a )")
/// or through an optional group at its end ("(?:a (?:'s )?)").
fn ends_in_space(group: &[char]) -> bool {
    let inner = &group[..group.len().saturating_sub(1)]; // without the `)`
    match inner.last() {
        Some(' ') => true,
        Some('?') | Some('*') if inner.len() >= 2 && inner[inner.len() - 2] == ')' => {
            // The last element is a quantified group: find where it opens.
            let close = inner.len() - 2;
            let open = (0..close)
                .rev()
                .find(|&o| matching_paren(inner, o) == Some(close));
            open.is_some_and(|o| ends_in_space(&inner[o..=close]))
        }
        _ => false,
    }
}

/// Index of the `)` closing the `(` at `open`.
fn matching_paren(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0;
    let mut in_class = false;
    let mut i = open;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            i += 2;
            continue;
        }
        if in_class {
            in_class = c != ']';
        } else if c == '[' {
            in_class = true;
        } else if c == '(' {
            depth += 1;
        } else if c == ')' {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

/// Runs every rule over the sentence encodings of one article:
/// `result[i]` holds the matches in `encodings[i]`, in rule order.
///
/// Rules are the outer loop and sentences the inner one: one pattern's
/// automaton then serves all the article's sentences while it is still in
/// the CPU cache. Sentence after sentence, each of ~70 large automata would
/// be fetched from memory again, which made this stage several times slower.
pub(crate) fn run<'r>(set: &'r RuleSet, encodings: &[&str]) -> Vec<Vec<Match<'r>>> {
    // The gates read each encoding once.
    Steps::new(Stage::Rules).add(encodings.iter().map(|e| e.len()).sum());
    let gates: Vec<(bool, Vec<bool>)> = encodings
        .iter()
        .map(|e| (TRIGGERS.is_match(e.as_bytes()), set.prefilter.candidates(e)))
        .collect();
    let mut out: Vec<Vec<Match<'r>>> = encodings.iter().map(|_| Vec::new()).collect();
    // Per sentence, the slots of the rule's `when` line, or None where the
    // rule does not apply.
    let mut headers: Vec<Option<Vec<(&'static str, usize)>>> = Vec::new();
    for rule in &set.rules {
        headers.clear();
        headers.extend(
            encodings
                .iter()
                .zip(&gates)
                .map(|(e, (triggered, candidates))| {
                    if !triggered && rule.action != Action::Role {
                        return None;
                    }
                    match &rule.when {
                        None => Some(Vec::new()),
                        Some(when) if !candidates[when.id] => None,
                        Some(when) => when
                            .regex
                            .captures(e.as_bytes())
                            .map(|caps| when.slots(&caps)),
                    }
                }),
        );
        for pattern in &rule.patterns {
            for (i, encoding) in encodings.iter().enumerate() {
                if let (Some(header), true) = (&headers[i], gates[i].1[pattern.id]) {
                    pattern.find_all(rule, header, encoding, &mut out[i]);
                }
            }
        }
    }
    out
}

impl Pattern {
    /// Appends every match of this pattern of `rule` in `encoding` to
    /// `out`; slots the match leaves empty are filled from `header`.
    fn find_all<'r>(
        &self,
        rule: &'r Rule,
        header: &[(&'static str, usize)],
        encoding: &str,
        out: &mut Vec<Match<'r>>,
    ) {
        let bytes = encoding.as_bytes();
        let mut from = 0;
        // A search reads at least from where it starts to where the match
        // ends (to the end of the sentence when nothing matches).
        let mut steps = Steps::new(Stage::Rules);
        while from <= bytes.len() {
            let Some(caps) = self.regex.captures_at(bytes, from) else {
                steps.add(1 + bytes.len() - from);
                break;
            };
            let whole = caps.get(0).expect("group 0 always matches");
            steps.add(1 + whole.end().saturating_sub(from));
            // A match must end between tokens (its pattern may end in
            // an optional group whose leading space it consumed).
            let at_boundary = whole.end() == bytes.len()
                || bytes[whole.end()] == b' '
                || (whole.end() > whole.start() && bytes[whole.end() - 1] == b' ');
            if !at_boundary {
                from = whole.start() + 1;
                continue;
            }
            let span_of = |name: &str| {
                self.groups
                    .iter()
                    .find(|(_, slot)| *slot == name)
                    .and_then(|&(i, _)| caps.get(i))
                    .map(|m| (m.start(), m.end()))
            };
            let unit = span_of("unit");
            let board = span_of("board");
            let mut slots = self.slots(&caps);
            for &(name, at) in header {
                if !slots.iter().any(|(n, _)| *n == name) {
                    slots.push((name, at));
                }
            }
            out.push(Match {
                rule,
                slots,
                unit,
                board,
                start: whole.start(),
                end: whole.end(),
            });
            // The trailing space of this match may lead the next one.
            from = if whole.end() > whole.start() && bytes[whole.end() - 1] == b' ' {
                whole.end() - 1
            } else {
                whole.end().max(whole.start() + 1)
            };
        }
    }
}

/// Rule ids by file, for documentation and tests.
#[allow(dead_code)]
pub(crate) fn ids_by_file() -> HashMap<&'static str, Vec<String>> {
    let macros = parse_macros(MACROS).unwrap_or_default();
    FILES
        .iter()
        .map(|(name, src)| {
            let mut rules = Vec::new();
            let _ = parse_file(name, src, &macros, &mut rules);
            (*name, rules.into_iter().map(|r| r.id).collect())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_files_compile() {
        let set = compile_all().unwrap();
        assert!(set.rules.len() > 20);
        for r in &set.rules {
            assert!(!r.patterns.is_empty(), "{} has no match line", r.id);
        }
    }

    /// Whether `rule` fires on `sentence`: builds a record (event rules) or
    /// binds a role without a hedge (role rules).
    fn fires(rule: &Rule, sentence: &str) -> bool {
        let out = crate::extract(sentence);
        match rule.action {
            Action::Role => out.hits.iter().any(|h| h.rule == rule.id && !h.hedged),
            Action::Event(_) => out.records.iter().any(|r| r.rules.contains(&rule.id)),
        }
    }

    #[test]
    fn every_rule_fires_on_its_examples_and_only_there() {
        let mut failures = Vec::new();
        for rule in RULES.rules.iter() {
            assert!(
                rule.positive.len() >= 2,
                "{} needs two positive examples",
                rule.id
            );
            assert!(
                !rule.negative.is_empty(),
                "{} needs a negative example",
                rule.id
            );
            for (shift, prefix) in [(0, ""), (1, " ")] {
                for ex in &rule.positive {
                    let text = format!("{prefix}{ex}");
                    if !fires(rule, &text) {
                        failures.push(format!("{} (shift {shift}) misses: {ex}", rule.id));
                    }
                }
                for ex in &rule.negative {
                    if fires(rule, &format!("{prefix}{ex}")) {
                        failures.push(format!("{} (shift {shift}) fires on: {ex}", rule.id));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// The prefilter may only skip patterns that cannot match: over every
    /// rule example and every fixture sentence, a pattern that matches the
    /// encoding must have been a candidate.
    #[test]
    fn prefilter_never_skips_a_pattern_that_matches() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/articles");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        for rule in &RULES.rules {
            texts.extend(rule.positive.iter().chain(&rule.negative).cloned());
        }
        let mut checked = 0;
        for text in &texts {
            for s in crate::segment::split_sentences(text) {
                let tokens = crate::mentions::tokenize(s.text, s.start);
                let encoding = crate::mentions::find(&tokens, text).encoding;
                let candidates = RULES.prefilter.candidates(&encoding);
                for rule in &RULES.rules {
                    for p in rule.when.iter().chain(&rule.patterns) {
                        if p.regex.is_match(encoding.as_bytes()) {
                            checked += 1;
                            assert!(candidates[p.id], "{} skipped on {encoding}", rule.id);
                        }
                    }
                }
            }
        }
        assert!(checked > 500, "only {checked} matches checked");
    }

    #[test]
    fn macros_and_slots_expand() {
        let macros = vec![("AUX".to_owned(), "will|has".to_owned())];
        let got = expand("{person} @AUX quit", &macros).unwrap();
        assert_eq!(
            got,
            format!("(?P<person>{PERSON_SYMBOL}) (?:will|has) quit")
        );
        assert!(expand("{nobody}", &macros).is_err());
        assert!(expand("@NOPE", &macros).is_err());
        assert_eq!(expand("x{0,3}", &macros).unwrap(), "x{0,3}");
        assert_eq!(hoist_spaces("a (?:b)? c"), "a(?: (?:b))? c");
        assert_eq!(hoist_spaces("a (?:b) c"), "a (?:b) c");
        assert_eq!(hoist_spaces("a (?:[ )]x)?"), "a(?: (?:[ )]x))?");
        // A group ending in an optional group that ends in a space keeps
        // the trailing-space convention.
        assert_eq!(hoist_spaces("a (?:b (?:'s )?)?c"), "a (?:b (?:'s )?)?c");
    }
}
