//! Stage 4 of the cascade: from rule matches to records.
//!
//! Rule matches name chunks; this stage decides who and what they refer to
//! across the whole article: short names and pronouns become full names
//! ([`people`]), "the position" becomes the role just vacated, "its" the
//! article's main organisation, roles named in appositives fill the gaps of
//! the events, and all of one person's matches of one kind merge into a
//! single [`Record`] whose evidence lists every sentence used.
//!
//! - `mod.rs`: the walk over the sentences and their matches;
//! - `hedges.rs`: cues that cancel a match;
//! - `frames.rs`: one match to a frame (people, roles, organisations) and
//!   the roles appositives bind;
//! - `build.rs`: frames merged into records, counterparts linked,
//!   reporting lines attached;
//! - `focus.rs`: the article's focus organisation;
//! - `people.rs`: full names, short names and pronouns;
//! - `index.rs`: the per-person indexes that keep all this linear.

mod build;
mod focus;
mod frames;
mod hedges;
mod index;
mod people;

use std::cell::OnceCell;

use once_cell::sync::Lazy;

use crate::lexicon::VERBS_LEXICON;
use crate::lexicon::{entries, is_place, with_lowercase, WordMap, WordSet, SUBJECT_VERBS};
use crate::mentions::{ChunkKind, Mentions, Tenure};
use crate::phrases::Phrases;
use crate::record::{Group, Kind, Record, Role, Span, Status};
use crate::rules::{Action, Match};
use crate::segment::Sentence;
use index::{Bindings, RecordSet, Vacated};

pub(crate) use people::People;

use focus::{focus_org, inner_names, is_short_form, item_focus, org_mentions};
use frames::{clean_org, to_role};
use hedges::HEDGE_CUES;

/// A role as the resolver sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct RoleVal {
    title: String,
    org: Option<String>,
    /// Whether `org` is a named organisation (not filled in from context).
    org_named: bool,
    org_anaphor: bool,
    tenure: Tenure,
}

/// A role slot before resolution: a title, or "the position".
#[derive(Clone, Debug)]
enum RoleSlot {
    Title(RoleVal),
    Reference,
    /// The role the person is described with ("Director of Finance Ann
    /// Lee began her duties").
    Own,
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
    /// Read in a clause that continues another with its subject ("to
    /// join", "and become"): part of a move.
    continued: bool,
}

impl Frame {
    /// A change a title tells by itself ("the incoming chief executive",
    /// "the outgoing governor"): no organisation, predecessor or reporting
    /// line of its own.
    fn told_by_title(
        kind: Kind,
        rule: &str,
        sentence: usize,
        person: String,
        new_role: Option<RoleSlot>,
        old_role: Option<RoleSlot>,
        status: Status,
    ) -> Self {
        Frame {
            kind,
            rule: rule.to_owned(),
            sentence,
            person,
            new_role,
            old_role,
            org: None,
            predecessor: None,
            successor: None,
            reports_to: None,
            prev_reports_to: None,
            status,
            continued: false,
        }
    }
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
    pub phrases: &'a Phrases,
    pub matches: &'a [Match<'static>],
}

/// Builds the article's records from its sentences' rule matches.
pub(crate) fn records(
    text: &str,
    views: &[SentenceView<'_, '_>],
    hits: &mut Vec<RuleHit>,
) -> Vec<Record> {
    // Collecting names, organisations and common nouns reads every chunk
    // a few times; the walk below reads every match.
    crate::stages::tally(
        crate::stages::Stage::Resolve,
        views
            .iter()
            .map(|v| 1 + v.mentions.chunks.len() + v.matches.len())
            .sum(),
    );
    // Names some rule read as a person; where (chunk starts) a rule read
    // a person as the subject or the object of an event verb, and the
    // subjects among those; and the one-word names read as a person's
    // subject somewhere.
    let mut named: WordSet<&str> = WordSet::default();
    let mut person_subjects: WordSet<usize> = WordSet::default();
    let mut person_slots: WordSet<usize> = WordSet::default();
    let mut subject_names: WordSet<&str> = WordSet::default();
    for v in views {
        for m in v.matches {
            for &(slot, k) in &m.slots {
                if slot.is_person() {
                    if let Some(c) = v.mentions.chunks.get(k) {
                        named.insert(c.text);
                        if v.phrases.verb_ends_before(k) {
                            person_slots.insert(c.start);
                        }
                        if k == 0 || before_verb(v, k) {
                            person_slots.insert(c.start);
                            person_subjects.insert(c.start);
                            if c.kind == ChunkKind::Name && !c.text.contains(' ') {
                                subject_names.insert(c.text);
                            }
                        }
                    }
                }
            }
        }
    }
    let people = People::collect(views.iter().map(|v| v.mentions), &named);
    let inner = inner_names(views);
    let orgs = org_mentions(views, &people, &inner, &person_slots, &subject_names);
    let focus = focus_org(&orgs);
    let item_focus = item_focus(text, views, &orgs);
    let mut ctx = Resolver {
        text,
        people: &people,
        focus,
        item_focus,
        inner: &inner,
        bindings: Bindings::default(),
        last_subject: None,
        last_people: Vec::new(),
        sentence_people: Vec::new(),
        current: None,
        person_subjects,
        // Names written as organisations, owning a title or named as a
        // possible organisation more than once, and the first words of
        // those ("Vistara" of "Vistara Infosystems"); not an undecided
        // name met once ("After eight years as CEO, Curler stepped aside").
        org_names: {
            let mut weights: WordMap<&str, usize> = WordMap::default();
            for (name, weight) in orgs.iter().flatten() {
                *weights.entry(name.as_str()).or_default() += weight;
            }
            weights
                .into_iter()
                .filter(|&(_, w)| w >= 2)
                .flat_map(|(n, _)| {
                    let first = n.split_once(' ').map(|(first, _)| first.to_owned());
                    std::iter::once(n.to_owned()).chain(first)
                })
                .collect()
        },
        here: OnceCell::new(),
        statuses: OnceCell::new(),
    };
    let mut frames = Vec::new();
    // Each sentence in its own words, lower-cased, punctuation as spaces:
    // a cue such as "Rumours" opening a sentence is a word here, not a
    // name.
    let worded: Vec<String> = views
        .iter()
        .map(|v| hedges::worded_if_cued(&text[v.sentence.start..v.sentence.end]))
        .collect();
    let denials: Vec<bool> = worded.iter().map(|w| HEDGE_CUES.1.any(w)).collect();
    // A report the article denies anywhere ("Reports that she had resigned
    // ... The club said the reports were untrue") is retold, not told, in
    // every sentence that cites it.
    let article_denies = denials.iter().any(|&d| d);
    // "The new directors are:" and the bulleted items after it.
    let mut list: Option<(RoleSlot, String)> = None;
    for (index, view) in views.iter().enumerate() {
        ctx.here = OnceCell::new();
        ctx.statuses = OnceCell::new();
        if let Some((role, rule)) = list.as_ref() {
            if focus::opens_list_item(text, view.sentence) {
                frames.extend(ctx.list_items(view, index, role, rule));
            } else {
                list = None;
            }
        }
        let denial_here = denials[index];
        let retold = article_denies && hedges::retells(&worded[index]);
        let sentence_hedged = denial_here || retold;
        if !sentence_hedged {
            frames.extend(ctx.bind_groups(view, index));
        }
        let mut subject_here: Option<(String, Status)> = None;
        // The person of the sentence's first event outside a relative
        // clause: "he" in the next sentence ("X will succeed Y, who is
        // retiring. He will report to Z" means X).
        let mut main_subject: Option<String> = None;
        let sentence_frames = frames.len();
        // Frames of this sentence told by a participle after "with" ("...,
        // with Kofi Mensah stepping in as acting head").
        let mut with_participle: Vec<usize> = Vec::new();
        let mut matches: Vec<&Match<'static>> = view.matches.iter().collect();
        matches.sort_by_key(|m| (m.first, m.clause));
        for m in matches {
            let hedged = sentence_hedged
                || HEDGE_CUES.0.any_in(&m.text, |c| {
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
            let kind = match m.rule.action {
                Action::Role => {
                    frames.extend(ctx.bind_role(view, m, index));
                    continue;
                }
                Action::ListIntro => {
                    list = m
                        .slot(crate::rules::Slot::NewRole)
                        .and_then(|k| ctx.role(view, k))
                        .map(|role| (role, m.rule.id.clone()));
                    continue;
                }
                Action::Event(kind) => Some(kind),
                Action::VerbKind(group) => event_kind(view, m, group),
            };
            let Some(kind) = kind else { continue };
            let subject = subject_here.clone();
            if let Some(f) = ctx.frame(view, index, m, kind, subject) {
                subject_here = Some((f.person.clone(), f.status));
                let relative = view
                    .phrases
                    .clauses
                    .get(m.clause)
                    .is_some_and(|c| c.about.is_some() && !c.continues);
                if main_subject.is_none() && !relative {
                    main_subject = Some(f.person.clone());
                }
                ctx.sentence_people.push(f.person.clone());
                // "<Name>, <title>, and <Name>, <title>, will join": the
                // same change for each coordinated person.
                for other in ctx.coordinated(view, m) {
                    if other != f.person {
                        let mut twin = f.clone();
                        twin.person = other;
                        twin.old_role = None;
                        frames.push(twin);
                    }
                }
                // "X is also departing, and controller Y will serve as
                // interim finance chief": a stand-in for the one leaving.
                let stands_in = matches!(&f.new_role,
                    Some(RoleSlot::Title(r)) if build::opens_as_stand_in(&r.title));
                if told_with_participle(view, m) || takes_over(view, m) || stands_in {
                    with_participle.push(frames.len());
                }
                frames.push(f);
            }
        }
        tie_with_participle(
            &mut frames[sentence_frames..],
            &with_participle,
            sentence_frames,
        );
        ctx.sentence_people.clear();
        // The sentence's first person becomes the antecedent for "he"/"she".
        // An undecided name counts when the article uses it for a person,
        // or when it is a subject ("Myles Standish is taking over"), not
        // after a preposition ("worked for Brevard County").
        let first_person =
            view.mentions
                .chunks
                .iter()
                .enumerate()
                .find_map(|(k, c)| match c.kind {
                    // "Mr. Williams" names a person even when the article
                    // never gives the name in full.
                    ChunkKind::Person => ctx.full_name(c),
                    ChunkKind::Name => people
                        .resolve(c.text, c.start)
                        .filter(|n| people.knows(n) || is_subject(view, k))
                        .or_else(|| ctx.bare_subject(view, k)),
                    _ => None,
                });
        let named: Vec<String> = view
            .mentions
            .chunks
            .iter()
            .filter(|c| c.kind == ChunkKind::Person)
            .filter_map(|c| ctx.full_name(c))
            .collect();
        if !named.is_empty() {
            ctx.last_people = named;
        }
        if let Some(p) = main_subject
            .or(subject_here.map(|(p, _)| p))
            .or(first_person)
        {
            ctx.last_subject = Some(p);
        }
    }
    ctx.build(frames, views)
}

/// Whether match `m` is told by a participle after "with": "..., with Ana
/// Ruiz taking over", "with Ana Ruiz set to succeed him".
fn told_with_participle(view: &SentenceView<'_, '_>, m: &Match<'_>) -> bool {
    let Some(verb) = m.verb.and_then(|v| view.phrases.verb_at(v)) else {
        return false;
    };
    let chunks = &view.mentions.chunks;
    use crate::phrases::verbs::Tense;
    let participle = verb.tense == Tense::Gerund
        || (verb.tense == Tense::Future && chunks.get(verb.first).is_some_and(|c| c.text == "set"));
    // "with" right before the person the verb follows.
    participle
        && m.first > 0
        && chunks
            .get(m.first - 1)
            .is_some_and(|c| c.text.eq_ignore_ascii_case("with"))
}

/// Ties a sentence's one departure to its one start told by a participle
/// after "with" ("Lene Moe left after a year, with Kofi Mensah stepping in
/// as acting head"): the one succeeds the other, at
/// the same organisation. `first` is the index of the sentence's first
/// frame.
fn tie_with_participle(sentence: &mut [Frame], with_participle: &[usize], first: usize) {
    let [start] = with_participle else {
        return;
    };
    let start = start - first;
    let ends: Vec<usize> = (0..sentence.len())
        .filter(|&i| sentence[i].kind.group() == Group::End)
        .collect();
    let [end] = ends[..] else {
        return;
    };
    if sentence[start].kind.group() != Group::Start
        || sentence[start].person == sentence[end].person
        || sentence[start].predecessor.is_some()
        || sentence[end].successor.is_some()
    {
        return;
    }
    let (leaving, org) = (sentence[end].person.clone(), sentence[end].org.clone());
    sentence[end].successor = Some(sentence[start].person.clone());
    let s = &mut sentence[start];
    s.predecessor = Some(leaving);
    if s.org.is_none() {
        s.org = org;
    }
}

/// Whether match `m` is told with a verb of taking over a post ("would take
/// over as interim CFO"): someone leaving it in the same sentence is the
/// one replaced.
fn takes_over(view: &SentenceView<'_, '_>, m: &Match<'_>) -> bool {
    m.verb
        .and_then(|v| view.phrases.verb_at(v))
        .is_some_and(|v| crate::lexicon::VERBS_LEXICON.classes[v.class].name == "take_over")
}

/// The last chunk of the noun group chunk `k` heads (`k` alone when none).
fn group_end(view: &SentenceView<'_, '_>, k: usize) -> usize {
    view.phrases.group_headed_by(k).map_or(k, |g| g.last)
}

/// Whether chunk `k` (with its noun group) comes right before a verb group.
fn is_subject(view: &SentenceView<'_, '_>, k: usize) -> bool {
    let end = group_end(view, k);
    view.phrases.verb_starts_at(end + 1)
}

/// Whether chunk `k` (with its noun group) comes right before a verb
/// group or a finite verb that follows subjects ("told", "said").
fn before_verb(view: &SentenceView<'_, '_>, k: usize) -> bool {
    let finite_verb_next = view
        .mentions
        .chunks
        .get(group_end(view, k) + 1)
        .is_some_and(|n| SUBJECT_VERBS.contains(n.text));
    finite_verb_next || is_subject(view, k)
}

/// The kind of event a match of a `verb` rule tells: its verb group's, else
/// its event noun's ("the resignation of"), else those of its clause (a
/// list under "the departures of:").
fn event_kind(view: &SentenceView<'_, '_>, m: &Match<'_>, group: Option<Group>) -> Option<Kind> {
    let fits = |k: &Kind| group.is_none_or(|g| k.group() == g);
    let verb_kind = |k: usize| {
        view.phrases
            .verb_at(k)
            .map(|v| VERBS_LEXICON.classes[v.class].kind)
            .filter(fits)
    };
    let noun_kind = |text: &str| {
        text.split(' ')
            .filter_map(|w| VERBS_LEXICON.event_nouns.get(w).copied())
            .find(fits)
    };
    if let Some(kind) = m.verb.and_then(verb_kind).or_else(|| noun_kind(&m.text)) {
        return Some(kind);
    }
    let clause = view.phrases.clauses.get(m.clause)?;
    // The whole clause, per match.
    crate::stages::tally(crate::stages::Stage::Resolve, clause.symbol_chunks.len());
    noun_kind(&clause.encoding).or_else(|| {
        clause
            .encoding
            .split(' ')
            .zip(&clause.symbol_chunks)
            .find(|(s, _)| s.starts_with('V') && s.contains('/'))
            .and_then(|(_, &k)| verb_kind(k))
    })
}

/// What resolution knows while it reads an article sentence by sentence:
/// its people, focus organisation, role bindings and the antecedents of
/// pronouns.
struct Resolver<'a> {
    text: &'a str,
    people: &'a People,
    focus: Option<String>,
    /// In a bulleted roundup, each item's first byte and its own focus.
    item_focus: Vec<(usize, Option<String>)>,
    /// Undecided names capitalised somewhere other than at a sentence start
    /// and never written in lower case.
    inner: &'a WordSet<&'a str>,
    /// Roles held by each person, from appositives.
    bindings: Bindings,
    /// The subject of the sentences before: what "he" or "she" opening a
    /// sentence means.
    last_subject: Option<String>,
    /// The people the sentence before named, in order: what "she" means
    /// when the subject is a man ("... since the resignation of Sally
    /// Harvey. She had resigned after ...").
    last_people: Vec<String>,
    /// The people of the events found so far in the current sentence, in
    /// order: what a later "him" or "her" in it may mean.
    sentence_people: Vec<String>,
    /// The person of the event being resolved: "him" or "her" in its own
    /// clause is someone else.
    current: Option<String>,
    /// Organisation names the article uses, by the names they are written
    /// with: a bare name among them is no person.
    org_names: WordSet<String>,
    /// Where (chunk starts) some rule reads a subject as a person.
    person_subjects: WordSet<usize>,
    /// Where the current sentence names people, worked out on first use.
    here: OnceCell<SentencePeople>,
    /// The status of each verb group of the current sentence, worked out
    /// on first use.
    statuses: OnceCell<Vec<Status>>,
}

impl Resolver<'_> {
    /// The organisation a change told at byte `at` is presumed to be at:
    /// the focus of its roundup item, else the article's.
    fn focus_at(&self, at: usize) -> Option<String> {
        let item = self.item_focus.partition_point(|(start, _)| *start <= at);
        item.checked_sub(1)
            .and_then(|i| self.item_focus[i].1.clone())
            .or_else(|| self.focus.clone())
    }
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
