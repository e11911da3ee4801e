//! Stage 3 of the cascade: event patterns, declared as data.
//!
//! Each `*.rules` file beside this module holds the rules of one relation,
//! in the style of CoreNLP's relation rules. A rule is a regular expression
//! over a clause's *phrase encoding* (see [`crate::phrases`]): a person's
//! noun group is `P0` (or `N0` for an undecided name), organisations `O1`,
//! titles `T3`, role references ("the position") `R4`, a verb group
//! `V5/resign/act/perf` (class, voice, tense, maybe `/neg` or `/hyp`), and
//! every other word its lower-cased self, separated by single spaces.
//!
//! ```text
//! # Shape: "<Name> has resigned as <title>"
//! rule END/VERB verb
//! match {person} [resign,retire,leave](?: (?:as|from) {old_role})?
//! + Dana Whitcombe, president of Corvel Cloud, has resigned. => person=Dana Whitcombe; kind=resignation
//! - Jane Roe denied she had resigned.
//! ```
//!
//! - `rule ID KIND`: a stable id and the record kind; `verb` takes the kind
//!   of the verb group the match holds (its class in `verbs.txt`); `role`
//!   only binds a person to a title; `list` announces appointees listed
//!   one per bulleted item after the sentence ("The new directors are:"),
//!   each taking the matched `{new_role}`.
//! - `match`: `{slot}` captures a symbol into a record slot ([`Slot`]);
//!   `{slot=his|her}` captures one of the listed words; `[classes flags]`
//!   is a verb group of one of the classes (`*` for any), with optional
//!   voice (`act`, `pas`), tenses (`fut`, `past`, `perf`, `pres`, `prog`,
//!   `inf`, `ger`), and `neg` or `hyp` to match a negated or only possible
//!   one (which otherwise never match); `@NAME` expands a macro of
//!   `macros.rules`. A character class must not look like a verb group:
//!   write `(?:a|p)`, not `[ap]`.
//! - `when`: a pattern that must match somewhere in the clause; its slots
//!   fill those the match leaves empty (list headers).
//! - `+ sentence => slot=value; ...` and `- sentence` are examples that the
//!   test suite runs: each positive example must give a record with the
//!   stated values through this rule, each negative none.
//!
//! [`RuleSet::parse`] reports every mistake with its file, line and column.

mod examples;
mod parse;
mod prefilter;
#[cfg(test)]
mod tests;

use once_cell::sync::Lazy;
use regex::bytes::{CaptureLocations, Regex};

use crate::phrases::Phrases;
use crate::record::Group;
use crate::record::Kind;
use crate::stages::{Stage, Steps};
pub(crate) use examples::Example;
pub(crate) use parse::Macro;
#[cfg(test)]
pub(crate) use parse::RuleError;
use prefilter::Prefilter;

const MACROS: (&str, &str) = ("macros.rules", include_str!("macros.rules"));
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
    /// An event of the kind its verb group's class (or event noun)
    /// implies, within the group its rules file is about (`start.rules`,
    /// `end.rules`): "has filled the post since his retirement" read by an
    /// end rule is a retirement, whatever "filled" means.
    VerbKind(Option<Group>),
    /// Binds a person to the title they hold.
    Role,
    /// Announces appointees listed one per bulleted item after it ("The
    /// new directors are:"): each item's person takes the matched role.
    ListIntro,
}

/// A record slot a pattern can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Slot {
    Person,
    Successor,
    Predecessor,
    ReportsTo,
    PrevReportsTo,
    NewRole,
    OldRole,
    Role,
    Org,
    /// A phrase ending in a unit noun: the new role is head of it.
    Unit,
    /// A board or committee: the new role is a member of it.
    Board,
    /// Where the person goes next ("left for Corvane"): no event when it
    /// is a place ("left for Tokyo").
    Dest,
    /// A reference to the role the person is described with ("began her
    /// duties"): that role is the new one.
    OwnRole,
}

impl Slot {
    const ALL: [Slot; 13] = [
        Slot::Person,
        Slot::Successor,
        Slot::Predecessor,
        Slot::ReportsTo,
        Slot::PrevReportsTo,
        Slot::NewRole,
        Slot::OldRole,
        Slot::Role,
        Slot::Org,
        Slot::Unit,
        Slot::Board,
        Slot::Dest,
        Slot::OwnRole,
    ];

    /// The slot names, as patterns write them.
    pub(crate) const NAMES: [&'static str; 13] = [
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
        "dest",
        "own_role",
    ];

    pub(crate) fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    pub(crate) fn parse(name: &str) -> Option<Slot> {
        Self::NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| Self::ALL[i])
    }

    /// Whether the slot names a person.
    pub(crate) fn is_person(self) -> bool {
        matches!(
            self,
            Slot::Person
                | Slot::Successor
                | Slot::Predecessor
                | Slot::ReportsTo
                | Slot::PrevReportsTo
        )
    }
}

/// One compiled rule.
#[derive(Debug)]
pub(crate) struct Rule {
    /// Stable id, e.g. `END/VERB`.
    pub id: String,
    pub action: Action,
    pub patterns: Vec<Pattern>,
    /// A condition on the whole clause (`when` line).
    pub when: Option<Pattern>,
    /// Words the rule's own patterns spell out: a hedge cue among them does
    /// not cancel its matches ("did not stand for re-election").
    pub literal_words: Vec<String>,
    pub positive: Vec<Example>,
    pub negative: Vec<String>,
    /// Where the rule is written (for the failure messages of its examples).
    #[cfg_attr(not(test), allow(dead_code))]
    pub file: String,
    #[cfg_attr(not(test), allow(dead_code))]
    pub line: usize,
}

/// A compiled `match` or `when` line.
#[derive(Debug)]
pub(crate) struct Pattern {
    pub(crate) regex: Regex,
    groups: Vec<(usize, Slot)>,
    /// The verb classes the pattern names (`[resign,retire]`): the match's
    /// verb is the first verb group of one of them.
    verb_classes: Vec<String>,
    /// This pattern's place in [`RuleSet::prefilter`].
    pub(crate) id: usize,
}

/// A rule's match in one clause, with its slots as chunk indices.
#[derive(Clone, Debug)]
pub(crate) struct Match<'r> {
    pub rule: &'r Rule,
    /// The clause (index into [`Phrases::clauses`]) it matched.
    pub clause: usize,
    /// Each slot filled, with the chunk it names (a group's head).
    pub slots: Vec<(Slot, usize)>,
    /// Chunk ranges of the `{unit}` and `{board}` captures.
    pub unit: Option<(usize, usize)>,
    pub board: Option<(usize, usize)>,
    /// The first and last chunk of the match.
    pub first: usize,
    pub last: usize,
    /// The main verb (chunk) of the match's first verb group of a class the
    /// pattern names (of its first verb group when the pattern names none).
    pub verb: Option<usize>,
    /// The matched part of the encoding, padded with spaces.
    pub text: String,
}

impl Match<'_> {
    /// The chunk a slot names.
    pub(crate) fn slot(&self, slot: Slot) -> Option<usize> {
        self.slots.iter().find(|(s, _)| *s == slot).map(|&(_, c)| c)
    }
}

/// The compiled rules and the prefilter that picks which may match.
#[derive(Debug)]
pub(crate) struct RuleSet {
    pub rules: Vec<Rule>,
    /// The macros, for the test that finds unused ones.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) macros: Vec<Macro>,
    prefilter: Prefilter,
}

impl RuleSet {
    fn compile(mut rules: Vec<Rule>, macros: Vec<Macro>) -> Result<RuleSet, String> {
        let mut requirements = Vec::new();
        for rule in &mut rules {
            for pattern in rule.when.iter_mut().chain(rule.patterns.iter_mut()) {
                pattern.id = requirements.len();
                requirements.push(prefilter::requirement(pattern.regex.as_str()));
            }
        }
        let prefilter = Prefilter::new(&requirements)?;
        Ok(RuleSet {
            rules,
            macros,
            prefilter,
        })
    }

    /// Which patterns may match `encoding` (indexed by pattern id).
    #[cfg(test)]
    pub(crate) fn candidates(&self, encoding: &str) -> Vec<bool> {
        self.prefilter.candidates(encoding)
    }
}

/// All rules, compiled once. A rule with a mistake is left out (the test
/// `rule_files_have_no_mistakes` reports it); the others work.
pub(crate) static RULES: Lazy<RuleSet> = Lazy::new(|| RuleSet::parse(MACROS, FILES).0);

/// The built-in rules and every mistake in their files.
#[cfg(test)]
pub(crate) fn parse_builtin() -> (RuleSet, Vec<RuleError>) {
    RuleSet::parse(MACROS, FILES)
}

/// Runs every rule over every clause of an article's sentences:
/// `result[i]` holds the matches in sentence `i`, in rule order.
///
/// Rules are the outer loop and clauses the inner one: one pattern's
/// automaton then serves all the article's clauses while it is still in
/// the CPU cache.
pub(crate) fn run<'r>(set: &'r RuleSet, sentences: &[&Phrases]) -> Vec<Vec<Match<'r>>> {
    // (sentence, clause index, encoding)
    let clauses: Vec<(usize, usize, &str)> = sentences
        .iter()
        .enumerate()
        .flat_map(|(s, p)| {
            p.clauses
                .iter()
                .enumerate()
                .map(move |(c, clause)| (s, c, clause.encoding.as_str()))
        })
        .collect();
    Steps::new(Stage::Rules).add(clauses.iter().map(|(_, _, e)| e.len()).sum());
    // Clause `i` may match pattern `p` when `gates[i * patterns + p]`.
    let patterns = set.prefilter.pattern_count();
    let mut gates: Vec<bool> = Vec::with_capacity(clauses.len() * patterns);
    let mut scratch = Vec::new();
    for (_, _, e) in &clauses {
        set.prefilter.extend_candidates(e, &mut scratch, &mut gates);
    }
    let gate = |clause: usize, pattern: usize| gates[clause * patterns + pattern];
    let mut out: Vec<Vec<Match<'r>>> = sentences.iter().map(|_| Vec::new()).collect();
    // Per clause, the slots a rule's `when` line fills there (`None`: it
    // does not match there, so neither does the rule).
    let mut headers: Vec<Option<Vec<(Slot, usize, usize)>>> = Vec::new();
    for rule in &set.rules {
        if let Some(when) = &rule.when {
            let mut when_locations = when.regex.capture_locations();
            headers.clear();
            headers.extend(clauses.iter().enumerate().map(|(i, &(_, _, e))| {
                if !gate(i, when.id) {
                    return None;
                }
                when.regex
                    .captures_read(&mut when_locations, e.as_bytes())
                    .map(|_| when.slot_offsets(&when_locations))
            }));
        }
        for pattern in &rule.patterns {
            // One set of capture locations for all the pattern's searches,
            // made when a clause first passes the gate.
            let mut caps = None;
            for (i, &(s, c, _)) in clauses.iter().enumerate() {
                if !gate(i, pattern.id) {
                    continue;
                }
                let header: &[_] = match (&rule.when, headers.get(i)) {
                    (None, _) => &[],
                    (Some(_), Some(Some(header))) => header,
                    (Some(_), _) => continue,
                };
                let clause = &sentences[s].clauses[c];
                let caps = caps.get_or_insert_with(|| pattern.regex.capture_locations());
                pattern.find_all(rule, header, c, clause, caps, &mut out[s]);
            }
        }
    }
    out
}

impl Pattern {
    /// The slots a match fills: (slot, start and end of its capture).
    fn slot_offsets(&self, caps: &CaptureLocations) -> Vec<(Slot, usize, usize)> {
        let mut out: Vec<(Slot, usize, usize)> = Vec::new();
        for &(i, slot) in &self.groups {
            if let Some((start, end)) = caps.get(i) {
                if !out.iter().any(|(s, _, _)| *s == slot) {
                    out.push((slot, start, end));
                }
            }
        }
        out
    }

    /// Appends every match of this pattern of `rule` in `clause` (the
    /// sentence's clause `index`) to `out`; slots the match leaves empty come
    /// from `header`.
    fn find_all<'r>(
        &self,
        rule: &'r Rule,
        header: &[(Slot, usize, usize)],
        index: usize,
        clause: &crate::phrases::Clause,
        caps: &mut CaptureLocations,
        out: &mut Vec<Match<'r>>,
    ) {
        let bytes = clause.encoding.as_bytes();
        let mut from = 0;
        // A search reads at least from where it starts to where the match
        // ends (to the end of the clause when nothing matches).
        let mut steps = Steps::new(Stage::Rules);
        // The symbol (index) at or after a byte offset of the encoding.
        let symbol_at = |offset: usize| clause.symbol_starts.partition_point(|&s| s < offset);
        let chunk_of = |offset: usize| clause.symbol_chunks.get(symbol_at(offset)).copied();
        let range = |start: usize, end: usize| -> Option<(usize, usize)> {
            let first = chunk_of(start)?;
            let last_symbol = clause
                .symbol_starts
                .partition_point(|&s| s < end)
                .checked_sub(1)?;
            Some((first, *clause.symbol_chunks.get(last_symbol)?))
        };
        while from <= bytes.len() {
            let Some(whole) = self.regex.captures_read_at(caps, bytes, from) else {
                steps.add(1 + bytes.len() - from);
                break;
            };
            steps.add(1 + whole.end().saturating_sub(from));
            // A match must end between symbols (its pattern may end in an
            // optional group whose leading space it consumed).
            let at_boundary = whole.end() == bytes.len()
                || bytes[whole.end()] == b' '
                || (whole.end() > whole.start() && bytes[whole.end() - 1] == b' ');
            if !at_boundary {
                from = whole.start() + 1;
                continue;
            }
            let mut slots = Vec::new();
            let mut unit = None;
            let mut board = None;
            for (slot, start, end) in self
                .slot_offsets(caps)
                .into_iter()
                .chain(header.iter().copied())
            {
                if slots.iter().any(|(s, _)| *s == slot) {
                    continue;
                }
                match slot {
                    Slot::Unit => unit = range(start, end),
                    Slot::Board => board = range(start, end),
                    _ => {}
                }
                if let Some(chunk) = chunk_of(start) {
                    slots.push((slot, chunk));
                }
            }
            let text = std::str::from_utf8(&bytes[whole.start()..whole.end()]).unwrap_or("");
            let (first, last) = range(whole.start(), whole.end()).unwrap_or((0, 0));
            // "cited his decision to retire": the verb group of a class
            // the pattern names; the first one when it names none ("was
            // chairman until his retirement" tells its event by a noun).
            let mut verbs = text
                .split(' ')
                .filter(|s| s.starts_with('V') && s.contains('/'));
            let named = |s: &&str| {
                let class = s.split('/').nth(1).unwrap_or("");
                self.verb_classes.iter().any(|c| c == "*" || c == class)
            };
            let verb = if self.verb_classes.is_empty() {
                verbs.next()
            } else {
                verbs.find(named)
            }
            .and_then(|s| s[1..].split('/').next()?.parse().ok());
            out.push(Match {
                rule,
                clause: index,
                slots,
                unit,
                board,
                first,
                last,
                verb,
                text: format!(" {} ", text.trim()),
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
