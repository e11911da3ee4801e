//! Reading rules files: macros, rules, patterns, examples, and every
//! mistake located in the file a person wrote.

use std::fmt;

use regex::bytes::{Regex, RegexBuilder};

use super::examples::Example;
use super::{Action, Pattern, Rule, RuleSet, Slot};
use crate::lexicon::VERBS_LEXICON;
use crate::phrases::verbs::Tense;
use crate::record::{Group, Kind};

/// A mistake in a rules file, located in its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RuleError {
    pub file: String,
    /// 1-based line and column in the file.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// A macro from `macros.rules`: its name and its expanded body.
#[derive(Clone, Debug)]
pub(crate) struct Macro {
    pub name: String,
    pub body: String,
}

/// The symbol each kind of slot captures.
fn slot_symbol(slot: Slot) -> &'static str {
    match slot {
        Slot::NewRole | Slot::OldRole | Slot::Role => r"(?:T|R)\d+",
        Slot::Org | Slot::Dest => r"(?:O|N)\d+",
        Slot::OwnRole => r"R\d+",
        Slot::Unit => UNIT_SYMBOL,
        Slot::Board => BOARD_SYMBOL,
        _ => r"(?:P|N)\d+|he|she|him|her",
    }
}

/// A unit named by a phrase ending in a unit noun: "the new on-device N3
/// group", "the foundry unit".
const UNIT_SYMBOL: &str = r"(?:(?:the|its|their|a|an|new) )*(?:[^ ,.;:]+ ){0,5}?(?:unit|units|division|group|business|team|department|operations|arm|segment|office|committee|lab|labs|centre|center|region|practice|function)";

/// A board or committee: "the management board", "its board of directors".
const BOARD_SYMBOL: &str = r"(?:the|its|their|a) (?:(?:N|O)\d+ (?:'s )?)?(?:(?:management|supervisory|executive|advisory|audit|company 's) )?(?:board(?: of (?:directors|T\d+))?|committee)";

impl RuleSet {
    /// Parses the macros file and the rules files. Every mistake is
    /// reported with its file, line and column; rules with a mistake are
    /// left out of the set, the others work.
    pub(crate) fn parse(macros: (&str, &str), files: &[(&str, &str)]) -> (RuleSet, Vec<RuleError>) {
        let mut errors = Vec::new();
        let macros = parse_macros(macros.0, macros.1, &mut errors);
        let mut rules = Vec::new();
        for (name, src) in files {
            parse_file(name, src, &macros, &mut rules, &mut errors);
        }
        let set = match RuleSet::compile(rules, macros.clone()) {
            Ok(set) => set,
            Err(e) => {
                errors.push(RuleError {
                    file: "(prefilter)".into(),
                    line: 0,
                    column: 0,
                    message: e,
                });
                RuleSet::compile(Vec::new(), macros).expect("an empty rule set compiles")
            }
        };
        (set, errors)
    }
}

fn parse_macros(file: &str, src: &str, errors: &mut Vec<RuleError>) -> Vec<Macro> {
    let mut out: Vec<Macro> = Vec::new();
    for (n, raw) in src.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |column: usize, message: String| RuleError {
            file: file.to_owned(),
            line: n + 1,
            column,
            message,
        };
        let Some(rest) = line.strip_prefix("define ") else {
            errors.push(at(1, "expected `define NAME = pattern`".into()));
            continue;
        };
        let Some((name, body)) = rest.split_once('=') else {
            errors.push(at(8, "missing `=` after the macro's name".into()));
            continue;
        };
        let indent = raw.len() - raw.trim_start().len();
        let body_column = indent + line.find('=').unwrap_or(0) + 2;
        // Macros may use the macros defined before them.
        match expand(body.trim(), &out, &mut Vec::new()) {
            Ok(body) => out.push(Macro {
                name: name.trim().to_owned(),
                body,
            }),
            Err((col, message)) => errors.push(at(body_column + col, message)),
        }
    }
    // Longest names first, so that @AUXX is not read as @AUX + "X".
    out.sort_by_key(|m| std::cmp::Reverse(m.name.len()));
    out
}

fn parse_file(
    file: &str,
    src: &str,
    macros: &[Macro],
    rules: &mut Vec<Rule>,
    errors: &mut Vec<RuleError>,
) {
    // Whether the rule being read has a mistake (and is left out).
    let mut broken = false;
    let mut current: Option<Rule> = None;
    for (n, raw) in src.lines().enumerate() {
        let line = raw.trim();
        let indent = raw.len() - raw.trim_start().len();
        let at = |column: usize, message: String| RuleError {
            file: file.to_owned(),
            line: n + 1,
            column: indent + column,
            message,
        };
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix("rule ") {
            finish(file, current.take(), broken, rules, errors);
            broken = false;
            let mut parts = rest.split_whitespace();
            let id = parts.next().unwrap_or("");
            let action = match parts.next() {
                Some("role") => Some(Action::Role),
                Some("list") => Some(Action::ListIntro),
                Some("verb") => Some(Action::VerbKind(match file {
                    "start.rules" => Some(Group::Start),
                    "end.rules" => Some(Group::End),
                    _ => None,
                })),
                Some(kind) => match Kind::parse(kind) {
                    Some(k) => Some(Action::Event(k)),
                    None => {
                        errors.push(at(
                            6 + id.len() + 1,
                            format!("unknown record kind `{kind}` (a kind of the schema, `verb`, `role` or `list`)"),
                        ));
                        None
                    }
                },
                None => {
                    errors.push(at(1, format!("rule {id} has no kind")));
                    None
                }
            };
            if id.is_empty() {
                errors.push(at(1, "rule without an id".into()));
            } else if rules.iter().any(|r| r.id == id) {
                errors.push(at(6, format!("duplicate rule id {id}")));
            }
            broken |= action.is_none();
            current = Some(Rule {
                id: id.to_owned(),
                action: action.unwrap_or(Action::Role),
                patterns: Vec::new(),
                when: None,
                literal_words: Vec::new(),
                positive: Vec::new(),
                negative: Vec::new(),
                file: file.to_owned(),
                line: n + 1,
            });
            continue;
        }
        let Some(rule) = current.as_mut() else {
            errors.push(at(1, "a line before the first `rule`".into()));
            continue;
        };
        let mut pattern_line = |keyword: &str, body: &str| -> Option<Pattern> {
            let column = keyword.len() + 1;
            match compile_pattern(body, macros) {
                Ok(p) => Some(p),
                Err((col, message)) => {
                    errors.push(at(column + col, message));
                    None
                }
            }
        };
        if let Some(body) = line.strip_prefix("match ") {
            for word in body.split(|c: char| !(c.is_ascii_lowercase() || c == '\'')) {
                if word.len() > 1 && !rule.literal_words.iter().any(|w| w == word) {
                    rule.literal_words.push(word.to_owned());
                }
            }
            match pattern_line("match", body) {
                Some(p) => rule.patterns.push(p),
                None => broken = true,
            }
        } else if let Some(body) = line.strip_prefix("when ") {
            match pattern_line("when", body) {
                Some(p) => rule.when = Some(p),
                None => broken = true,
            }
        } else if let Some(example) = line.strip_prefix("+ ") {
            match Example::parse(example) {
                Ok(e) => rule.positive.push(e),
                Err((col, message)) => {
                    errors.push(at(2 + col, message));
                    broken = true;
                }
            }
        } else if let Some(example) = line.strip_prefix("- ") {
            rule.negative
                .push(super::examples::with_line_breaks(example));
        } else {
            errors.push(at(
                1,
                format!("expected `rule`, `match`, `when`, `+ ` or `- `, found `{line}`"),
            ));
        }
    }
    finish(file, current.take(), broken, rules, errors);
}

/// Adds a rule that has been read whole to `rules`, unless it has a
/// mistake; a rule without a `match` line is one.
fn finish(
    file: &str,
    rule: Option<Rule>,
    broken: bool,
    rules: &mut Vec<Rule>,
    errors: &mut Vec<RuleError>,
) {
    let Some(rule) = rule else { return };
    if rule.patterns.is_empty() && !broken {
        let what = if rule.when.is_some() {
            "has a `when` but no `match` line"
        } else {
            "has no `match` line"
        };
        errors.push(RuleError {
            file: file.to_owned(),
            line: rule.line,
            column: 1,
            message: format!("rule {} {what}", rule.id),
        });
    } else if !broken {
        rules.push(rule);
    }
}

/// Compiles one `match` or `when` body; an error has its column in `body`.
fn compile_pattern(body: &str, macros: &[Macro]) -> Result<Pattern, (usize, String)> {
    check_brackets(body)?;
    let mut slots = Vec::new();
    let expanded = expand(body.trim(), macros, &mut slots)?;
    // Rules are large alternations; a roomy lazy-DFA cache keeps the
    // states it builds instead of rebuilding them sentence after sentence.
    // Byte-oriented, ASCII-only classes keep the automata small; tokens are
    // separated by ASCII spaces, so a match still starts and ends on a
    // character boundary.
    let regex: Regex = RegexBuilder::new(&format!("(?:^| ){}(?: |$)", hoist_spaces(&expanded)))
        .unicode(false)
        .dfa_size_limit(64 << 20)
        .build()
        .map_err(|e| (0, format!("the pattern does not compile: {e}")))?;
    let groups = regex
        .capture_names()
        .enumerate()
        .filter_map(|(i, name)| {
            let base = name?.split("__").next()?;
            Slot::parse(base).map(|s| (i, s))
        })
        .collect();
    Ok(Pattern {
        regex,
        groups,
        verb_classes: verb_classes(body),
        id: 0,
    })
}

/// The verb classes a pattern names in its verb groups (`[resign,retire
/// act]`), in order; `*` names any class.
fn verb_classes(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        if c == '[' && !escaped && !is_char_class(&body[i..]) {
            let inner = body[i + 1..].split(']').next().unwrap_or("");
            let classes = inner.split_whitespace().next().unwrap_or("");
            out.extend(classes.split(',').map(str::to_owned));
        }
        escaped = c == '\\' && !escaped;
    }
    out
}

/// Finds unbalanced brackets in a pattern as written: the column of the
/// bracket without its partner.
fn check_brackets(body: &str) -> Result<(), (usize, String)> {
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut chars = body.char_indices().peekable();
    let mut in_class = false;
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            ']' if in_class => in_class = false,
            _ if in_class => {}
            '[' if body[i..].starts_with("[^") || is_char_class(&body[i..]) => in_class = true,
            '(' | '[' | '{' => stack.push((c, i)),
            ')' | ']' | '}' => {
                let open = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                match stack.pop() {
                    Some((o, _)) if o == open => {}
                    Some((o, at)) => {
                        return Err((at + 1, format!("`{o}` closed by `{c}` at column {}", i + 1)))
                    }
                    None => return Err((i + 1, format!("`{c}` without an opening `{open}`"))),
                }
            }
            _ => {}
        }
    }
    match stack.pop() {
        Some((o, at)) => Err((at + 1, format!("unclosed `{o}`"))),
        None => Ok(()),
    }
}

/// Whether the `[` at the start of `rest` opens a regex character class
/// (rather than a verb group `[resign act]`): a verb group holds only
/// lower-case words, commas, spaces and `*`.
fn is_char_class(rest: &str) -> bool {
    let inner = rest[1..].split(']').next().unwrap_or("");
    !inner
        .chars()
        .all(|c| c.is_ascii_lowercase() || matches!(c, ',' | ' ' | '_' | '*'))
        || inner.is_empty()
}

/// Expands macros (`@NAME`), slots (`{slot}`, `{slot=a|b}`) and verb groups
/// (`[class,class voice tense]`) into a regex. Slots met are added to
/// `slots` (repeats are named `slot__2`, ...). An error has its column.
pub(crate) fn expand(
    pattern: &str,
    macros: &[Macro],
    slots: &mut Vec<Slot>,
) -> Result<String, (usize, String)> {
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut i = 0;
    let bytes = pattern.as_bytes();
    while i < pattern.len() {
        let rest = &pattern[i..];
        let c = bytes[i];
        if c == b'\\' {
            let n = rest.chars().nth(1).map_or(1, |c| 1 + c.len_utf8());
            out.push_str(&rest[..n.min(rest.len())]);
            i += n;
            continue;
        }
        if c == b'@' {
            let name_part = &rest[1..];
            let m = macros
                .iter()
                .find(|m| {
                    name_part.starts_with(m.name.as_str())
                        && !name_part[m.name.len()..]
                            .starts_with(|c: char| c.is_ascii_uppercase() || c == '_')
                })
                .ok_or_else(|| {
                    let name: String = name_part
                        .chars()
                        .take_while(|c| c.is_ascii_uppercase() || *c == '_')
                        .collect();
                    (i + 1, format!("unknown macro `@{name}`"))
                })?;
            out.push_str("(?:");
            out.push_str(&m.body);
            out.push(')');
            i += 1 + m.name.len();
            continue;
        }
        if c == b'[' && !is_char_class(rest) {
            let close = rest.find(']').ok_or((i + 1, "unclosed `[`".to_owned()))?;
            out.push_str(&verb_pattern(&rest[1..close]).map_err(|e| (i + 2, e))?);
            i += close + 1;
            continue;
        }
        if c == b'[' {
            // A character class: copy to its end.
            let mut j = 1;
            if rest[j..].starts_with('^') {
                j += 1;
            }
            if rest[j..].starts_with(']') {
                j += 1;
            }
            let close = rest[j..].find(']').map_or(rest.len(), |k| j + k + 1);
            out.push_str(&rest[..close]);
            i += close;
            continue;
        }
        if c == b'{' {
            let close = rest.find('}').ok_or((i + 1, "unclosed `{`".to_owned()))?;
            let inner = &rest[1..close];
            if inner.chars().all(|c| c.is_ascii_digit() || c == ',') {
                // A regex repetition such as {0,3}.
                out.push_str(&rest[..=close]);
            } else {
                let (name, words) = match inner.split_once('=') {
                    Some((name, words)) => (name, Some(words)),
                    None => (inner, None),
                };
                let slot = Slot::parse(name).ok_or_else(|| {
                    (
                        i + 2,
                        format!(
                            "unknown slot `{{{name}}}` (one of {})",
                            Slot::NAMES.join(", ")
                        ),
                    )
                })?;
                let symbol = words.unwrap_or(slot_symbol(slot));
                let n = slots.iter().filter(|s| **s == slot).count();
                slots.push(slot);
                let name = slot.name();
                if n == 0 {
                    out.push_str(&format!("(?P<{name}>{symbol})"));
                } else {
                    out.push_str(&format!("(?P<{name}__{}>{symbol})", n + 1));
                }
            }
            i += close + 1;
            continue;
        }
        let ch = rest.chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    Ok(out)
}

/// The regex for a verb group `[classes flags]`: `[resign,retire]`,
/// `[name pas]`, `[be_role past,perf]`, `[* act fut]`. Without a voice
/// flag either voice matches; without tenses any tense; negated or only
/// possible groups match only with `neg` or `hyp`.
fn verb_pattern(inner: &str) -> Result<String, String> {
    let mut words = inner.split_whitespace();
    let classes = words.next().ok_or("an empty verb group `[]`")?;
    let mut names = Vec::new();
    for class in classes.split(',') {
        if class == "*" {
            names.push("[a-z_]+".to_owned());
        } else if VERBS_LEXICON.class(class).is_some() {
            names.push(class.to_owned());
        } else {
            let known: Vec<&str> = VERBS_LEXICON.classes.iter().map(|c| c.name).collect();
            return Err(format!(
                "unknown verb class `{class}` (verbs.txt has {})",
                known.join(", ")
            ));
        }
    }
    let mut voice = "(?:act|pas)".to_owned();
    let mut tenses: Vec<&str> = Vec::new();
    let mut neg = "";
    let mut hyp = "";
    for flag in words.flat_map(|w| w.split(',')) {
        match flag {
            "act" | "pas" if voice.starts_with('(') => voice = flag.to_owned(),
            "act" | "pas" => {
                return Err(format!(
                    "a second voice `{flag}`: leave the voice out to match both"
                ))
            }
            "neg" => neg = "/neg",
            "hyp" => hyp = "/hyp",
            t if Tense::CODES.contains(&t) => tenses.push(t),
            other => {
                return Err(format!(
                    "unknown verb-group flag `{other}` (act, pas, neg, hyp or a tense: {})",
                    Tense::CODES.join(", ")
                ))
            }
        }
    }
    let tense = if tenses.is_empty() {
        "[a-z]+".to_owned()
    } else {
        format!("(?:{})", tenses.join("|"))
    };
    Ok(format!(
        r"V\d+/(?:{})/{voice}/{tense}{neg}{hyp}",
        names.join("|")
    ))
}

/// Moves the space before an optional group into the group: `a (?:b)?`
/// becomes `a(?: (?:b))?`, so that a pattern whose optional tail is absent
/// still ends right after its last token. Groups that end in a space of
/// their own (`(?:b )?`) are left alone.
pub(crate) fn hoist_spaces(pattern: &str) -> String {
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
    let inner = &group[..group.len().saturating_sub(1)];
    match inner.last() {
        Some(' ') => true,
        Some('?') | Some('*') if inner.len() >= 2 && inner[inner.len() - 2] == ')' => {
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
