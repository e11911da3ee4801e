//! Stage 4 of the cascade: from rule matches to records.
//!
//! Rule matches name chunks; this stage decides who and what they refer to
//! across the whole article: short names and pronouns become full names
//! ([`people`]), "the position" becomes the role just vacated, "its" the
//! article's main organisation, roles named in appositives fill the gaps of
//! the events, and all of one person's matches of one kind merge into a
//! single [`Record`] whose evidence lists every sentence used.

mod index;
mod people;

use std::cell::OnceCell;

use once_cell::sync::Lazy;

use crate::lexicon::{entries, with_lowercase, WordMap, WordSet, PLACE_NAMES};
use crate::mentions::{ChunkKind, Mentions, Tense};
use crate::record::{Group, Kind, Record, Role, Span, Status};
use crate::rules::{Action, Match};
use crate::segment::Sentence;
use index::{Bindings, RecordSet, Vacated};

pub(crate) use people::People;

const HEDGES: &str = include_str!("../rules/hedges.txt");

/// One kind of hedge cue, as encoded token sequences padded with spaces,
/// found in one scan.
struct Cues {
    cues: Vec<String>,
    automaton: aho_corasick::AhoCorasick,
}

impl Cues {
    fn new(cues: Vec<String>) -> Self {
        // The cues are a few dozen short strings: building cannot fail.
        let automaton = aho_corasick::AhoCorasick::new(&cues)
            .unwrap_or_else(|e| panic!("built-in hedges.txt is invalid: {e}"));
        Self { cues, automaton }
    }

    /// Whether `padded` holds a cue that `counts` accepts.
    fn any_in(&self, padded: &str, counts: impl Fn(&str) -> bool) -> bool {
        self.automaton
            .find_overlapping_iter(padded)
            .any(|m| counts(&self.cues[m.pattern().as_usize()]))
    }
}

/// Hedge cues: cues in a match, cues anywhere in a sentence, and cues that
/// retell a denied report.
static HEDGE_CUES: Lazy<(Cues, Cues, Cues)> = Lazy::new(|| {
    let mut span = Vec::new();
    let mut sentence = Vec::new();
    let mut retold = Vec::new();
    for (section, cue) in entries(HEDGES) {
        let padded = format!(" {cue} ");
        match section {
            "sentence" => sentence.push(padded),
            "retold" => retold.push(padded),
            _ => span.push(padded),
        }
    }
    (Cues::new(span), Cues::new(sentence), Cues::new(retold))
});

/// A role as the resolver sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct RoleVal {
    title: String,
    org: Option<String>,
    /// Whether `org` is a named organisation (not filled in from context).
    org_named: bool,
    org_anaphor: bool,
    tense: Tense,
}

/// A role slot before resolution: a title, or "the position".
#[derive(Clone, Debug)]
enum RoleSlot {
    Title(RoleVal),
    Reference,
}

/// One event match with its slots resolved to names.
#[derive(Clone, Debug)]
struct Frame {
    kind: Kind,
    rule: String,
    sentence: usize,
    person: String,
    new_role: Option<RoleSlot>,
    old_role: Option<RoleSlot>,
    org: Option<String>,
    predecessor: Option<String>,
    successor: Option<String>,
    reports_to: Option<String>,
    prev_reports_to: Option<String>,
    status: Status,
}

/// One rule firing, for debugging: which rule matched where. Serialises
/// to `{"rule", "sentence", "span", "hedged"}`; more fields may come.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct RuleHit {
    /// The rule's id, e.g. `END/RESIGN`.
    pub rule: String,
    /// Index of the sentence in [`crate::Extraction::sentences`].
    pub sentence: usize,
    /// The sentence's span in the article.
    pub span: Span,
    /// Whether a hedge or negation cancelled it ("denied", "not").
    pub hedged: bool,
}

/// Everything the resolver needs about one sentence.
pub(crate) struct SentenceView<'a, 't> {
    pub sentence: &'a Sentence<'t>,
    pub mentions: &'a Mentions<'t>,
    pub matches: &'a [Match<'static>],
}

/// Builds the article's records from its sentences' rule matches.
pub(crate) fn records(
    text: &str,
    views: &[SentenceView<'_, '_>],
    hits: &mut Vec<RuleHit>,
) -> Vec<Record> {
    // Names some rule read as a person.
    const PERSON_SLOTS: [&str; 5] = [
        "person",
        "successor",
        "predecessor",
        "reports_to",
        "prev_reports_to",
    ];
    // Collecting names, organisations and common nouns reads every chunk
    // a few times; the walk below reads every match.
    crate::stages::tally(
        crate::stages::Stage::Resolve,
        views
            .iter()
            .map(|v| 1 + v.mentions.chunks.len() + v.matches.len())
            .sum(),
    );
    let mut named: WordSet<&str> = WordSet::default();
    for v in views {
        for m in v.matches {
            for &(slot, at) in &m.slots {
                if PERSON_SLOTS.contains(&slot) {
                    if let Some(i) = v.mentions.chunk_at(at) {
                        named.insert(v.mentions.chunks[i].text);
                    }
                }
            }
        }
    }
    let people = People::collect(views.iter().map(|v| v.mentions), &named);
    let inner = inner_names(views);
    let orgs = org_mentions(views, &people, &inner);
    let focus = focus_org(&orgs);
    let mut ctx = Context {
        text,
        people: &people,
        focus,
        inner: &inner,
        bindings: Bindings::default(),
        last_subject: None,
        sentence_subject: None,
        here: OnceCell::new(),
    };
    let mut frames = Vec::new();
    let mut denial_before = false;
    for (index, view) in views.iter().enumerate() {
        ctx.here = OnceCell::new();
        let padded = format!(" {} ", view.mentions.encoding);
        let denial_here = HEDGE_CUES.1.any_in(&padded, |_| true);
        // What "the report" said, right after a denial of that report, is
        // the denied rumour retold.
        let retold = denial_before && HEDGE_CUES.2.any_in(&padded, |_| true);
        let sentence_hedged = denial_here || retold;
        denial_before = denial_here || retold;
        let mut subject_here: Option<(String, Status)> = None;
        let mut object_here: Option<String> = None;
        let mut matches: Vec<&Match<'static>> = view.matches.iter().collect();
        matches.sort_by_key(|m| m.start);
        for m in matches {
            let matched = format!(" {} ", &view.mentions.encoding[m.start..m.end]);
            let hedged = sentence_hedged
                || HEDGE_CUES.0.any_in(&matched, |c| {
                    !m.rule.literal_words.iter().any(|w| c.trim() == w)
                });
            hits.push(RuleHit {
                rule: m.rule.id.clone(),
                sentence: index,
                span: Span {
                    start: view.sentence.start,
                    end: view.sentence.end,
                },
                hedged,
            });
            if hedged {
                continue;
            }
            match m.rule.action {
                Action::Role => ctx.bind_role(view, m, &matched),
                Action::Event(kind) => {
                    let subject = subject_here.clone();
                    ctx.sentence_subject = object_here.clone();
                    if let Some(f) = ctx.frame(view, index, m, kind, &matched, subject) {
                        subject_here = Some((f.person.clone(), f.status));
                        // An object ("tapped <Name> ..., hiring her") is what a
                        // later "him"/"her" in the sentence can mean; a
                        // subject ("<Name> was elected, succeeding him") is not.
                        let person_at = m
                            .slots
                            .iter()
                            .find(|(s, _)| *s == "person")
                            .map(|&(_, o)| o);
                        let is_object = person_at.is_some_and(|o| o > m.start + 1);
                        object_here = is_object.then(|| f.person.clone());
                        // "<Name>, <title>, and <Name>, <title>, will join":
                        // the same change for each coordinated person.
                        for other in ctx.coordinated(view, m) {
                            if other != f.person {
                                let mut twin = f.clone();
                                twin.person = other;
                                twin.old_role = None;
                                frames.push(twin);
                            }
                        }
                        frames.push(f);
                    }
                }
            }
        }
        ctx.sentence_subject = None;
        // The sentence's first person becomes the antecedent for "he"/"she".
        let first_person = view.mentions.chunks.iter().find_map(|c| match c.kind {
            ChunkKind::Person | ChunkKind::Name => people.resolve(c.text, c.start).filter(|_| {
                c.kind == ChunkKind::Person || people.resolve(c.text, c.start).is_some()
            }),
            _ => None,
        });
        if let Some(p) = subject_here.map(|(p, _)| p).or(first_person) {
            ctx.last_subject = Some(p);
        }
    }
    ctx.build(frames, views)
}

struct Context<'a> {
    text: &'a str,
    people: &'a People,
    focus: Option<String>,
    /// Undecided names capitalised somewhere other than at a sentence start
    /// and never written in lower case.
    inner: &'a WordSet<&'a str>,
    /// Roles held by each person, from appositives.
    bindings: Bindings,
    last_subject: Option<String>,
    /// The person of the latest event in the current sentence, when that
    /// person was its object.
    sentence_subject: Option<String>,
    /// Where the current sentence names people, worked out on first use.
    here: OnceCell<SentencePeople>,
}

/// Where one sentence names people, so that resolving a pronoun or a rule
/// without a person does not scan the sentence again each time (a sentence
/// may be as long as the article).
struct SentencePeople {
    /// Per chunk, the nearest chunk before it that resolves to a full name.
    nearest_before: Vec<Option<usize>>,
    /// The first chunk that names a person.
    first: Option<usize>,
}

impl Context<'_> {
    fn chunk_of(&self, view: &SentenceView<'_, '_>, offset: usize) -> Option<usize> {
        view.mentions.chunk_at(offset)
    }

    /// The person a slot names: a full name, a short name or a pronoun.
    fn person(&self, view: &SentenceView<'_, '_>, offset: usize) -> Option<String> {
        let idx = self.chunk_of(view, offset)?;
        let chunk = &view.mentions.chunks[idx];
        match chunk.kind {
            // A name with an honorific is a person even when the article
            // never gives it in full ("Mr Liang").
            ChunkKind::Person => self
                .people
                .resolve(chunk.text, chunk.start)
                .or_else(|| Some(people::strip_honorific(chunk.text).to_owned())),
            ChunkKind::Name => self.people.resolve(chunk.text, chunk.start).filter(|n| {
                // An undecided single word is a person only when it is the
                // short form of a full name in the article.
                n.split_whitespace().count() >= 2
            }),
            ChunkKind::Word => {
                let w = chunk.text.to_ascii_lowercase();
                if !matches!(w.as_str(), "he" | "she" | "him" | "her" | "his" | "their") {
                    return None;
                }
                // "him"/"her" never refer to the subject of their own clause:
                // take the person of the event before it in this sentence
                // ("tapped Rachel Lindgren ..., hiring her"), else the
                // subject of the sentences before.
                if matches!(w.as_str(), "him" | "her" | "his" | "their") {
                    return self
                        .sentence_subject
                        .clone()
                        .or_else(|| self.last_subject.clone());
                }
                // Nearest person earlier in the same sentence, else the
                // subject of the sentences before.
                self.sentence_people(view).nearest_before[idx]
                    .and_then(|j| self.full_name(&view.mentions.chunks[j]))
                    .or_else(|| self.last_subject.clone())
            }
            _ => None,
        }
    }

    /// The full name a person or name chunk resolves to, if any.
    fn full_name(&self, c: &crate::mentions::Chunk<'_>) -> Option<String> {
        match c.kind {
            ChunkKind::Person => self.people.resolve(c.text, c.start),
            ChunkKind::Name => self
                .people
                .resolve(c.text, c.start)
                .filter(|n| n.split_whitespace().count() >= 2),
            _ => None,
        }
    }

    /// Where the sentence of `view` (the current one) names people.
    fn sentence_people(&self, view: &SentenceView<'_, '_>) -> &SentencePeople {
        self.here.get_or_init(|| {
            let chunks = &view.mentions.chunks;
            crate::stages::tally(crate::stages::Stage::Resolve, chunks.len());
            let mut nearest_before = Vec::with_capacity(chunks.len());
            let mut nearest = None;
            let mut first = None;
            for (j, c) in chunks.iter().enumerate() {
                nearest_before.push(nearest);
                if !matches!(c.kind, ChunkKind::Person | ChunkKind::Name) {
                    continue;
                }
                let named = self.full_name(c).is_some();
                if named {
                    nearest = Some(j);
                }
                // A person chunk always names someone (as written when the
                // article never gives the name in full); a name only when
                // it resolves to a full name.
                if first.is_none() && (named || c.kind == ChunkKind::Person) {
                    first = Some(j);
                }
            }
            SentencePeople {
                nearest_before,
                first,
            }
        })
    }

    /// People coordinated with the match's person: before it ("<Name>,
    /// <title>, and <Name> will join") and, for event nouns, after it ("the
    /// departures of <Name> and <title> <Name>").
    fn coordinated(&self, view: &SentenceView<'_, '_>, m: &Match<'_>) -> Vec<String> {
        let Some(&(_, at)) = m.slots.iter().find(|(s, _)| *s == "person") else {
            return Vec::new();
        };
        let Some(k) = view.mentions.chunk_at(at) else {
            return Vec::new();
        };
        let chunks = &view.mentions.chunks;
        let kind = |i: usize| chunks.get(i).map(|c| c.kind);
        let text = |i: usize| chunks.get(i).map_or("", |c| c.text);
        let is_name = |i: usize| matches!(kind(i), Some(ChunkKind::Person | ChunkKind::Name));
        let person_at = |i: usize| self.person(view, view.mentions.symbol_starts[i]);
        let mut out = Vec::new();
        // Backwards: [name] [, title ,] [,] and <person>
        if k >= 2 && text(k - 1) == "and" {
            let mut j = k - 2;
            if text(j) == "," && j >= 1 {
                j -= 1;
            }
            if kind(j) == Some(ChunkKind::Title) && j >= 2 && text(j - 1) == "," {
                j -= 2;
            }
            if is_name(j) {
                out.extend(person_at(j));
            }
        }
        // Forwards, for event nouns: <person> and [title] <name>
        if m.rule.id.contains("NOUN") && text(k + 1) == "and" {
            let mut j = k + 2;
            if kind(j) == Some(ChunkKind::Title) {
                j += 1;
            }
            if is_name(j) {
                out.extend(person_at(j));
            }
        }
        out
    }

    /// The first person named in the sentence before encoding offset `end`.
    fn first_person_before(&self, view: &SentenceView<'_, '_>, end: usize) -> Option<String> {
        let at = view.mentions.symbol_starts[self.sentence_people(view).first?];
        (at < end).then(|| self.person(view, at)).flatten()
    }

    fn role(&self, view: &SentenceView<'_, '_>, offset: usize) -> Option<RoleSlot> {
        let idx = self.chunk_of(view, offset)?;
        let chunk = &view.mentions.chunks[idx];
        match chunk.kind {
            ChunkKind::RoleRef => Some(RoleSlot::Reference),
            ChunkKind::Title => {
                let info = chunk.title.as_ref()?;
                let title = clean_title(&self.text[info.title.0..info.title.1]);
                if title.is_empty() {
                    return None;
                }
                let org = info
                    .org
                    .map(|(s, e)| clean_org(&self.text[s..e]).to_owned());
                Some(RoleSlot::Title(RoleVal {
                    title,
                    org_named: org.is_some(),
                    org,
                    org_anaphor: info.org_is_anaphor,
                    tense: info.tense,
                }))
            }
            _ => None,
        }
    }

    fn org(&self, view: &SentenceView<'_, '_>, offset: usize) -> Option<String> {
        let idx = self.chunk_of(view, offset)?;
        let chunk = &view.mentions.chunks[idx];
        match chunk.kind {
            ChunkKind::Org => Some(clean_org(chunk.text).to_owned()),
            // "Shareholders elected ...": a lone word opening the sentence
            // is no organisation unless the article names it elsewhere.
            ChunkKind::Name if !chunk.text.contains(' ') && !self.inner.contains(chunk.text) => {
                None
            }
            ChunkKind::Name if self.people.resolve(chunk.text, chunk.start).is_none() => {
                Some(clean_org(chunk.text).to_owned())
            }
            _ => None,
        }
    }

    fn bind_role(&mut self, view: &SentenceView<'_, '_>, m: &Match<'_>, matched: &str) {
        let person = m.slots.iter().find(|(s, _)| *s == "person");
        let role = m.slots.iter().find(|(s, _)| *s == "role");
        let (Some(&(_, p)), Some(&(_, r))) = (person, role) else {
            return;
        };
        // Roles bind to names only: in "told directors he would", "directors"
        // is not his title.
        let is_name = self
            .chunk_of(view, p)
            .is_some_and(|i| view.mentions.chunks[i].kind != ChunkKind::Word);
        if !is_name {
            return;
        }
        let (Some(person), Some(RoleSlot::Title(mut role))) =
            (self.person(view, p), self.role(view, r))
        else {
            return;
        };
        let past = [
            " formerly ",
            " previously ",
            " was ",
            " had been ",
            " served as ",
            " most recently ",
        ];
        if past.iter().any(|w| matched.contains(w)) {
            role.tense = Tense::Former;
        }
        self.bindings.bind(person, role, view.sentence.start);
    }

    fn frame(
        &mut self,
        view: &SentenceView<'_, '_>,
        index: usize,
        m: &Match<'_>,
        kind: Kind,
        matched: &str,
        subject: Option<(String, Status)>,
    ) -> Option<Frame> {
        let slot = |name: &str| m.slots.iter().find(|(s, _)| *s == name).map(|&(_, o)| o);
        // A rule without a person slot continues the clause of the event
        // before it ("will step down ... and serve as a consultant"), in
        // the same tense.
        let (person, inherited) = match slot("person") {
            Some(offset) => (self.person(view, offset)?, None),
            None => match subject {
                Some((p, status)) => (p, Some(status)),
                // No event before it: the sentence's first named person
                // ("<Name> did not stand for re-election and left the board").
                None => (self.first_person_before(view, m.start)?, None),
            },
        };
        let named = |o: Option<usize>| {
            o.and_then(|o| self.person(view, o))
                .filter(|n| *n != person)
        };
        let future = [
            " will ",
            " 'll ",
            " to ",
            " set to ",
            " expected to ",
            " would ",
            " is to ",
        ];
        let status = if let Some(status) = inherited {
            status
        } else if future.iter().any(|w| matched.contains(w)) {
            Status::Announced
        } else {
            Status::Completed
        };
        // Career history: a past start with a year ("joined GM in 1982").
        if kind.group() == Group::Start
            && status == Status::Completed
            && is_history(view, m, matched)
        {
            return None;
        }
        // "put in charge of the foundry unit", "will head the new AI group":
        // the head of that unit.
        let phrase = |(start, end): (usize, usize)| -> Option<&str> {
            let chunks = &view.mentions.chunks;
            let first = view.mentions.chunk_at(start)?;
            let last = view
                .mentions
                .symbol_starts
                .partition_point(|&at| at < end)
                .checked_sub(1)?;
            let text = &self.text[chunks[first].start..chunks[last].end];
            Some(
                ["the ", "its ", "their ", "a ", "an ", "new "]
                    .iter()
                    .fold(text, |t, det| t.strip_prefix(det).unwrap_or(t)),
            )
        };
        let made_role = |title: String, org: &str| {
            RoleSlot::Title(RoleVal {
                title,
                org: Some(org.to_owned()),
                org_named: false,
                org_anaphor: false,
                tense: Tense::Plain,
            })
        };
        // "joins the management board": a member of that board.
        let unit_role = m
            .unit
            .and_then(phrase)
            .map(|unit| made_role("head".to_owned(), unit))
            .or_else(|| {
                m.board.and_then(phrase).map(|board| {
                    // The board's own name, without its company: "board".
                    let bare = board.rsplit_once("'s ").map_or(board, |(_, b)| b);
                    let bare = bare.rsplit_once("’s ").map_or(bare, |(_, b)| b);
                    made_role(format!("member of the {bare}"), bare)
                })
            });
        Some(Frame {
            kind,
            rule: m.rule.id.clone(),
            sentence: index,
            new_role: slot("new_role")
                .and_then(|o| self.role(view, o))
                .or(unit_role),
            old_role: slot("old_role").and_then(|o| self.role(view, o)),
            org: slot("org").and_then(|o| self.org(view, o)),
            predecessor: named(slot("predecessor")),
            successor: named(slot("successor")),
            reports_to: named(slot("reports_to")),
            prev_reports_to: named(slot("prev_reports_to")),
            person,
            status,
        })
    }

    /// The role a person held, from appositives: in the sentence at
    /// `sentence_start` first, then anywhere; current roles before former
    /// ones. Never a role titled `exclude_title`, a new one, or one nobody
    /// is appointed to ("founder", "boss"). An index lookup
    /// ([`Bindings::role`]): an article may bind one person thousands of
    /// times.
    fn bound_role(
        &self,
        person: &str,
        sentence_start: usize,
        exclude_title: Option<&str>,
    ) -> Option<RoleVal> {
        self.bindings
            .role(person, sentence_start, exclude_title)
            .cloned()
    }

    fn build(self, frames: Vec<Frame>, views: &[SentenceView<'_, '_>]) -> Vec<Record> {
        let span_of = |i: usize| Span {
            start: views[i].sentence.start,
            end: views[i].sentence.end,
        };
        let mut records = RecordSet::default();
        let mut vacated = Vacated::default();
        let mut reporting: Vec<Frame> = Vec::new();
        for f in frames {
            if f.kind == Kind::ReportingChange {
                reporting.push(f);
                continue;
            }
            let sentence_start = views[f.sentence].sentence.start;
            let group = f.kind.group();
            // "the position": the role vacated most recently, or the
            // predecessor's role.
            let resolve_ref =
                |slot: Option<RoleSlot>, vacated: &Vacated| -> (Option<RoleVal>, Option<String>) {
                    match slot {
                        Some(RoleSlot::Title(r)) => (Some(r), None),
                        Some(RoleSlot::Reference) => {
                            if let Some(pred) = &f.predecessor {
                                let role = vacated
                                    .latest_of(pred)
                                    .and_then(|v| v.role.clone())
                                    .or_else(|| self.bound_role(pred, usize::MAX, None));
                                return (role, None);
                            }
                            // Only a role vacated in this or the two sentences before.
                            match vacated.recent_other_than(&f.person, f.sentence) {
                                Some(v) => (v.role.clone(), Some(v.person.clone())),
                                None => (None, None),
                            }
                        }
                        None => (None, None),
                    }
                };
            let (mut new_role, new_from) = resolve_ref(f.new_role.clone(), &vacated);
            let (mut old_role, _) = match (&f.old_role, group) {
                (Some(RoleSlot::Reference), Group::End) => {
                    (self.bound_role(&f.person, sentence_start, None), None)
                }
                _ => resolve_ref(f.old_role.clone(), &vacated),
            };
            let mut predecessor = f.predecessor.clone();
            if group == Group::Start && predecessor.is_none() {
                predecessor = new_from;
            }
            if old_role.is_none() {
                let exclude = new_role.as_ref().map(|r| r.title.clone());
                old_role = self
                    .bound_role(&f.person, sentence_start, exclude.as_deref())
                    // An appositive role at another company is not the one left.
                    .filter(|r| {
                        group != Group::End || f.org.is_none() || same_company(&r.org, &f.org)
                    });
            }
            if group == Group::Start {
                if let (Some(o), Some(n)) = (&old_role, &new_role) {
                    if o.title.eq_ignore_ascii_case(&n.title) && o.org == n.org {
                        old_role = None;
                    }
                }
            }
            let key_role = if group == Group::Start {
                &new_role
            } else {
                &old_role
            };
            // The company the text names for this change; the article's
            // focus is only filled in after merging, so that a guess never
            // keeps two frames of one change apart.
            let company = f.org.clone().or_else(|| {
                key_role
                    .as_ref()
                    .filter(|r| r.org_named)
                    .and_then(|r| r.org.clone())
            });
            for role in [&mut new_role, &mut old_role].into_iter().flatten() {
                if role.org.is_none() && role.org_anaphor {
                    role.org = self.focus.clone();
                }
            }
            if group == Group::End {
                let mut role = old_role.clone();
                if let Some(r) = role.as_mut() {
                    r.org = r
                        .org
                        .clone()
                        .or_else(|| company.clone())
                        .or_else(|| self.focus.clone());
                }
                vacated.push(f.sentence, f.person.clone(), role);
            }
            let record = Record {
                kind: f.kind,
                person: Some(f.person.clone()),
                company,
                old_role: old_role.map(to_role),
                new_role: new_role.map(to_role),
                reports_to: None,
                previous_reports_to: None,
                predecessor,
                successor: f.successor.clone(),
                evidence: vec![span_of(f.sentence)],
                status: f.status,
                rules: vec![f.rule.clone()],
            };
            merge_into(&mut records, record);
        }
        link_counterparts(&mut records);
        for f in reporting {
            attach_reporting(&mut records, f, span_of);
        }
        for r in records.iter_mut() {
            // Merges only append evidence: sorted and without repeats once,
            // here, rather than at every merge.
            r.evidence.sort();
            r.evidence.dedup();
            // Someone named only as the replacement still has the role an
            // appositive gave them ("replaced by <Name>, executive vice
            // president of the display division").
            if r.old_role.is_none() && r.kind.group() == Group::Start {
                if let Some(person) = r.person.as_deref() {
                    let new_title = r.new_role.as_ref().and_then(|n| n.title.as_deref());
                    r.old_role = self.bound_role(person, usize::MAX, new_title).map(to_role);
                }
            }
            if r.company.is_none() {
                r.company = self.focus.clone();
            }
            for role in [&mut r.old_role, &mut r.new_role].into_iter().flatten() {
                if role.org.is_none() {
                    role.org = r.company.clone();
                }
            }
        }
        let mut records = records.into_vec();
        records.sort_by_key(|r| r.evidence.first().map(|s| s.start));
        records
    }
}

fn to_role(r: RoleVal) -> Role {
    Role {
        title: Some(r.title),
        org: r.org,
    }
}

/// A title as a record shows it: no trailing punctuation or brackets, and
/// singular ("executive vice presidents" names one "executive vice president").
fn clean_title(t: &str) -> String {
    let t = t.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '.' | '(' | ')' | '"' | '“' | '”')
    });
    let last = t.rsplit(' ').next().unwrap_or(t);
    let lower = last.to_lowercase();
    let vocab = &*crate::lexicon::TITLE_VOCAB;
    let plural = lower.strip_suffix('s').is_some_and(|stem| {
        !vocab.head.contains(lower.as_str())
            && (vocab.head.contains(stem) || vocab.abbreviation.contains(stem))
    });
    if plural {
        t[..t.len() - 1].to_owned()
    } else {
        t.to_owned()
    }
}

/// An organisation name without a possessive ending or stray punctuation
/// ("Swiss Re (OTC" loses its unclosed bracket).
fn clean_org(t: &str) -> &str {
    let t = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '"' | '“' | '”'));
    let t = match t.rfind('(') {
        Some(open) if !t[open..].contains(')') => t[..open].trim_end(),
        _ => t,
    };
    t.strip_suffix("'s")
        .or_else(|| t.strip_suffix("’s"))
        .unwrap_or(t)
        .trim()
}

/// Career history told in passing: only past tense, with a year just after
/// the match ("joined GM in 1982", "became CEO in 2019"); a year elsewhere
/// ("the company's CFO since 2007, was named", "a contract until 2027")
/// does not count.
fn is_history(view: &SentenceView<'_, '_>, m: &Match<'_>, matched: &str) -> bool {
    let mentions = view.mentions;
    let last = mentions
        .symbol_starts
        .partition_point(|&at| at < m.end)
        .saturating_add(4)
        .min(mentions.chunks.len());
    let first = mentions.symbol_starts.partition_point(|&at| at < m.end);
    let has_year = mentions.chunks[first..last].iter().any(|c| {
        let b = c.text.as_bytes();
        b.len() == 4
            && (b.starts_with(b"19") || b.starts_with(b"20"))
            && b.iter().all(u8::is_ascii_digit)
    });
    let present = [
        " will ", " is ", " are ", " has ", " have ", " now ", " to ", " be ", " 'll ",
    ];
    has_year && !present.iter().any(|w| matched.contains(w))
}

/// Kinds that say more win over the generic ones when frames merge.
fn specificity(k: Kind) -> u8 {
    match k {
        Kind::Departure | Kind::Appointment => 0,
        Kind::ReportingChange => 0,
        _ => 1,
    }
}

fn same_company(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            if is_short_form(a, b) || is_short_form(b, a) {
                return true;
            }
            let (a, b) = (a.to_lowercase(), b.to_lowercase());
            a.contains(&b) || b.contains(&a)
        }
        _ => true,
    }
}

/// Adds `r` to `records`, merging it with the same person's record of the
/// same group at the same company. The merged record's evidence may be out
/// of order and repeat spans until [`Context::build`] tidies it.
fn merge_into(records: &mut RecordSet, r: Record) {
    let existing = records.find(r.person.as_deref(), r.kind.group(), |e| {
        same_company(&e.company, &r.company)
    });
    let Some(i) = existing else {
        records.push(r);
        return;
    };
    let e = records.get_mut(i);
    if specificity(r.kind) > specificity(e.kind) {
        e.kind = r.kind;
    }
    fill_role(&mut e.old_role, r.old_role);
    fill_role(&mut e.new_role, r.new_role);
    fill(&mut e.company, r.company);
    fill(&mut e.predecessor, r.predecessor);
    fill(&mut e.successor, r.successor);
    fill(&mut e.reports_to, r.reports_to);
    fill(&mut e.previous_reports_to, r.previous_reports_to);
    if r.status == Status::Announced {
        e.status = Status::Announced;
    }
    e.evidence.extend(r.evidence);
    for id in r.rules {
        if !e.rules.contains(&id) {
            e.rules.push(id);
        }
    }
}

fn fill<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    }
}

fn fill_role(slot: &mut Option<Role>, value: Option<Role>) {
    match (slot.as_mut(), value) {
        (None, v) => *slot = v,
        (Some(s), Some(v)) => {
            // A fuller form of the same title wins: "chairman and chief
            // executive" over "chief executive".
            // A role made up from a unit or board ("head" of "the foundry
            // unit") gives way to a title the text spells out.
            let made_up = |t: &str| t == "head" || t.starts_with("member of the ");
            let fuller = match (&s.title, &v.title) {
                (Some(a), Some(b)) if made_up(a) && !made_up(b) => {
                    s.org = v.org.clone();
                    true
                }
                (Some(a), Some(b)) => {
                    b.len() > a.len() && b.to_lowercase().contains(&a.to_lowercase())
                }
                (None, Some(_)) => true,
                _ => false,
            };
            if fuller {
                s.title = v.title;
            }
            if s.org.is_none() {
                s.org = v.org;
            }
        }
        _ => {}
    }
}

/// Makes predecessor and successor links go both ways, creating the other
/// person's record when the text only names them as the replacement.
fn link_counterparts(records: &mut RecordSet) {
    let mut added = Vec::new();
    for i in 0..records.len() {
        let r = records.get(i).clone();
        let (other, want) = match r.kind.group() {
            Group::End => (r.successor.clone(), Group::Start),
            Group::Start => (r.predecessor.clone(), Group::End),
            Group::Reporting => continue,
        };
        let Some(other) = other else { continue };
        let found = records.find(Some(&other), want, |e| same_company(&e.company, &r.company));
        match found {
            // The one taking over holds the role the other left, whichever
            // of the two the text described.
            Some(j) => {
                let e = records.get_mut(j);
                let theirs = match want {
                    Group::Start => {
                        fill(&mut e.predecessor, r.person.clone());
                        fill_role(&mut e.new_role, r.old_role.clone());
                        e.new_role.clone()
                    }
                    _ => {
                        fill(&mut e.successor, r.person.clone());
                        fill_role(&mut e.old_role, r.new_role.clone());
                        e.old_role.clone()
                    }
                };
                let mine = if want == Group::Start {
                    &mut records.get_mut(i).old_role
                } else {
                    &mut records.get_mut(i).new_role
                };
                fill_role(mine, theirs);
            }
            None => {
                let mut rules = r.rules.clone();
                rules.push("LINK/COUNTERPART".to_owned());
                let role = if want == Group::Start {
                    r.old_role.clone()
                } else {
                    r.new_role.clone()
                };
                added.push(Record {
                    kind: if want == Group::Start {
                        Kind::Appointment
                    } else {
                        Kind::Departure
                    },
                    person: Some(other),
                    company: r.company.clone(),
                    old_role: if want == Group::End {
                        role.clone()
                    } else {
                        None
                    },
                    new_role: if want == Group::Start { role } else { None },
                    reports_to: None,
                    previous_reports_to: None,
                    predecessor: if want == Group::Start {
                        r.person.clone()
                    } else {
                        None
                    },
                    successor: if want == Group::End {
                        r.person.clone()
                    } else {
                        None
                    },
                    evidence: r.evidence.clone(),
                    status: r.status,
                    rules,
                });
            }
        }
    }
    for a in added {
        merge_into(records, a);
    }
}

fn attach_reporting(records: &mut RecordSet, f: Frame, span_of: impl Fn(usize) -> Span) {
    let span = span_of(f.sentence);
    let person = Some(f.person.as_str());
    if f.prev_reports_to.is_none() {
        // A reporting line stated with a start or end event belongs to it.
        let target = records
            .find(person, Group::Start, |_| true)
            .or_else(|| records.find(person, Group::End, |_| true));
        if let Some(i) = target {
            let r = records.get_mut(i);
            fill(&mut r.reports_to, f.reports_to);
            r.evidence.push(span);
            r.rules.push(f.rule);
            return;
        }
    }
    let company = records
        .first_of(person)
        .and_then(|i| records.get(i).company.clone());
    merge_into(
        records,
        Record {
            kind: Kind::ReportingChange,
            person: Some(f.person),
            company,
            old_role: None,
            new_role: None,
            reports_to: f.reports_to,
            previous_reports_to: f.prev_reports_to,
            predecessor: None,
            successor: None,
            evidence: vec![span],
            status: f.status,
            rules: vec![f.rule],
        },
    );
}

/// The organisations each sentence names, in order, with a weight:
/// organisations owning a title count double; undecided names count only
/// when they are not people, places, datelines in capitals, acronyms in
/// brackets or adjectives ("Chinese tech firm").
/// Undecided names the article capitalises somewhere other than at the
/// start of a sentence.
///
/// A word the article also writes in lower case ("shareholders") is a
/// common noun wherever it is capitalised, so it is left out.
fn inner_names<'t>(views: &[SentenceView<'_, 't>]) -> WordSet<&'t str> {
    let names = || {
        views
            .iter()
            .flat_map(|v| v.mentions.chunks.iter().skip(1))
            .filter(|c| c.kind == ChunkKind::Name)
    };
    // Only one-word names can be common nouns; look those up among the
    // article's lower-case words (a few names, not every word, go in a set).
    let mut single: WordSet<String> = names()
        .filter(|c| !c.text.contains(' '))
        .map(|c| c.text.to_lowercase())
        .collect();
    let mut common: WordSet<String> = WordSet::default();
    if !single.is_empty() {
        for c in views.iter().flat_map(|v| v.mentions.chunks.iter()) {
            if c.kind == ChunkKind::Word && c.text.starts_with(char::is_lowercase) {
                if let Some(word) = single.take(c.text) {
                    common.insert(word);
                }
            }
        }
    }
    names()
        .filter(|c| c.text.contains(' ') || !with_lowercase(c.text, |w| common.contains(w)))
        .map(|c| c.text)
        .collect()
}

fn org_mentions(
    views: &[SentenceView<'_, '_>],
    people: &People,
    inner: &WordSet<&str>,
) -> Vec<Vec<(String, usize)>> {
    // A single capitalised word opening a sentence ("Shareholders said")
    // is an organisation only if the article also capitalises it elsewhere.
    views
        .iter()
        .map(|v| {
            let chunks = &v.mentions.chunks;
            let mut found = Vec::new();
            for (i, c) in chunks.iter().enumerate() {
                let (name, weight) = match c.kind {
                    ChunkKind::Org => (clean_org(c.text), 2),
                    ChunkKind::Title => match c.title.as_ref().and_then(|t| t.org) {
                        Some((s, e)) if e <= c.end && s >= c.start => {
                            let text = &v.sentence.text[s - v.sentence.start..e - v.sentence.start];
                            (clean_org(text), 2)
                        }
                        _ => continue,
                    },
                    ChunkKind::Name => {
                        let lone_opener = !c.text.contains(' ') && !inner.contains(c.text);
                        if lone_opener
                            || people.resolve(c.text, c.start).is_some()
                            || !plausible_org_name(chunks, i)
                        {
                            continue;
                        }
                        (clean_org(c.text), 1)
                    }
                    _ => continue,
                };
                if name.chars().filter(|c| c.is_alphanumeric()).count() >= 2
                    && !PLACE_NAMES.contains(name)
                {
                    found.push((name.to_owned(), weight));
                }
            }
            found
        })
        .collect()
}

/// The organisation the article is about: the one named most often, the
/// earliest on a tie. Short forms count for the long form they begin
/// ("Saltmarsh" for "Saltmarsh Semiconductor Corp.") and acronyms for the
/// name they abbreviate ("WSU"); the form named most often represents them.
fn focus_org(orgs: &[Vec<(String, usize)>]) -> Option<String> {
    // (name, weight, first order), with indexes so that nothing is
    // quadratic in the number of distinct names.
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    let mut index: WordMap<&str, usize> = WordMap::default();
    for (order, (name, weight)) in orgs.iter().flatten().enumerate() {
        match index.get(name.as_str()) {
            Some(&i) => counts[i].1 += weight,
            None => {
                index.insert(name, counts.len());
                counts.push((name, *weight, order));
            }
        }
    }
    // The long forms a name may stand for, looked up in two indexes: by
    // each leading run of words ("Saltmarsh", "Saltmarsh Semiconductor" for
    // "Saltmarsh Semiconductor Corp.") and by initials ("WSU"). Each key
    // keeps the long form named most often (the later one on a tie).
    let mut by_prefix: WordMap<&str, usize> = WordMap::default();
    let mut by_initials: WordMap<String, usize> = WordMap::default();
    let keep_best = |slot: &mut usize, i: usize| {
        if counts[i].1 >= counts[*slot].1 {
            *slot = i;
        }
    };
    for (i, (name, _, _)) in counts.iter().enumerate() {
        let spaces = name
            .match_indices(' ')
            .map(|(at, _)| at)
            .filter(|&at| at > 0);
        for at in spaces.take(MAX_SHORT_FORM_WORDS) {
            keep_best(by_prefix.entry(&name[..at]).or_insert(i), i);
        }
        let letters = initials(name);
        if letters.len() > 1 {
            keep_best(by_initials.entry(letters).or_insert(i), i);
        }
    }
    let group_of = |i: usize| -> usize {
        let name = counts[i].0;
        let prefix_of = by_prefix.get(name).copied();
        let acronym_of = could_be_acronym(name)
            .then(|| by_initials.get(name).copied())
            .flatten();
        // The one named more often; the acronym's long form on a tie.
        [prefix_of, acronym_of]
            .into_iter()
            .flatten()
            .max_by_key(|&o| counts[o].1)
            .unwrap_or(i)
    };
    let groups: Vec<usize> = (0..counts.len()).map(group_of).collect();
    let mut totals = vec![0usize; counts.len()];
    for (i, &g) in groups.iter().enumerate() {
        totals[g] += counts[i].1;
    }
    let best = (0..counts.len()).max_by(|&a, &b| {
        totals[a]
            .cmp(&totals[b])
            .then(counts[b].2.cmp(&counts[a].2))
    })?;
    (0..counts.len())
        .filter(|&i| groups[i] == best)
        .max_by(|&a, &b| {
            counts[a]
                .1
                .cmp(&counts[b].1)
                .then(counts[b].2.cmp(&counts[a].2))
        })
        .map(|i| counts[i].0.to_owned())
}

/// A short form of an organisation's name has at most this many words,
/// which keeps the index of short forms linear in the article's length.
const MAX_SHORT_FORM_WORDS: usize = 8;

/// The initials of a name's words, skipping "of", "and", "&", "the".
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| !matches!(*w, "of" | "and" | "&" | "the"))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// "Saltmarsh" of "Saltmarsh Semiconductor Corp.", "WSU" of "Washington
/// State University".
fn is_short_form(short: &str, long: &str) -> bool {
    if long.len() > short.len() && long.starts_with(short) && long[short.len()..].starts_with(' ') {
        return true;
    }
    let initials = initials(long);
    could_be_acronym(short) && initials.len() > 1 && initials == short
}

/// Whether `name` is written like an acronym: two or more capital letters.
fn could_be_acronym(name: &str) -> bool {
    name.len() >= 2 && name.chars().all(|c| c.is_ascii_uppercase())
}

/// Whether the undecided name at `i` can be an organisation.
fn plausible_org_name(chunks: &[crate::mentions::Chunk<'_>], i: usize) -> bool {
    let c = &chunks[i];
    let in_brackets = i > 0 && chunks[i - 1].text == "(";
    let shouting = c.text.len() > 4 && c.text.chars().all(|ch| !ch.is_lowercase());
    // A single word used as an adjective: "Chinese tech firm", "North American".
    let adjective = !c.text.contains(' ')
        && (c.text.ends_with("ese") || c.text.ends_with("an") || c.text.ends_with("ish"))
        && chunks.get(i + 1).is_some_and(|n| {
            n.kind == ChunkKind::Word && n.text.chars().next().is_some_and(char::is_lowercase)
        });
    !(in_brackets || shouting || adjective)
}
